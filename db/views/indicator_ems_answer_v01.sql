-- 120 呼叫 10 秒接听率 (calls answered within 10 seconds), version 1.
-- Definition:  of the 120 calls the county's dispatch centre received, the share answered no
--              more than 10 seconds after they came in (answered_at − received_at ≤ 10 s);
--              national target ≥ 95 %. The unit is the call, dispatched or not (a call cancelled
--              before any vehicle left was still answered).
-- Numerator:   calls with answer_s ≤ 10 (answered_10s).
-- Denominator: all calls received (ems_calls), every status.
-- Period:      counted_at = received_at; month = its month in Asia/Shanghai (YYYY-MM).
-- One row per call; org_id is the dispatch centre, township_id the township of the call's
-- village (a village clinic's parent centre, a township or community centre itself).
CREATE OR REPLACE VIEW indicator_ems_answer_v01 WITH (security_invoker = true) AS
SELECT c.county_id, c.id AS call_id, c.org_id, c.channel,
       CASE WHEN vo.kind = 'village_clinic' THEN vo.parent_id
            WHEN vo.kind IN ('township_center', 'community_center') THEN vo.id END AS township_id,
       c.received_at AS counted_at,
       to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       extract(epoch FROM c.answered_at - c.received_at)::float8 AS answer_s,
       extract(epoch FROM c.answered_at - c.received_at) <= 10 AS answered_10s
FROM ems_calls c
LEFT JOIN orgs vo ON vo.id = c.village_org_id;
