-- 远程诊断报告时限 (reading turnaround), version 1: turnaround by centre × priority, % within the
-- limit, review lag, amendment rate and critical-value rate, one row per issued request.
-- Definition:  a reading request counts once it has been reported (issued_at set: issued, or
--              later amended). turnaround_min = minutes from the later of the request and the
--              study's arrival to the first issue; within_limit = issued_at ≤ due_at (the due
--              time the database computed from remote_turnaround when the request was made);
--              review_lag_min = minutes from the first report's submission for review to its
--              issue (双签审核用时); amended = the request has an issued report of version ≥ 2;
--              critical = a critical value of the request was confirmed and notified.
-- Numerator:   within_limit: requests issued by their due time; amended: requests with a
--              version ≥ 2; critical: requests with a notified critical value.
-- Denominator: requests issued (every flag is set on every row); review lag: rows with a
--              submission time (its median, no numerator).
-- Period:      counted_at = the request's first issue (issued_at); month in Asia/Shanghai.
-- township_id: the requesting org's township (a village clinic's parent centre); NULL for
--              requests from the county hospitals.
CREATE OR REPLACE VIEW indicator_remote_turnaround_v01 WITH (security_invoker = true) AS
SELECT r.county_id, r.id AS request_id, r.centre, r.priority, r.item_code, r.source,
       r.reading_org_id, r.requesting_org_id, ot.township_id,
       r.issued_at AS counted_at,
       to_char(r.issued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       extract(epoch FROM r.issued_at - greatest(r.requested_at, coalesce(r.study_arrived_at, r.requested_at)))::float8
         / 60 AS turnaround_min,
       r.issued_at <= r.due_at AS within_limit,
       extract(epoch FROM v1.issued_at - v1.submitted_at)::float8 / 60 AS review_lag_min,
       EXISTS (SELECT 1 FROM remote_reports a WHERE a.request_id = r.id AND a.version >= 2
                 AND a.status IN ('issued', 'superseded')) AS amended,
       EXISTS (SELECT 1 FROM remote_criticals c WHERE c.request_id = r.id AND c.notified_at IS NOT NULL
                 AND c.status <> 'withdrawn') AS critical
FROM remote_requests r
LEFT JOIN remote_reports v1 ON v1.request_id = r.id AND v1.version = 1
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = r.requesting_org_id
WHERE r.issued_at IS NOT NULL;
