-- 危急值闭环 (critical-value closed loop), version 1: report → acknowledgement, action, progress
-- note, escalations; one row per critical value confirmed and notified (withdrawn ones do not count).
-- Definition:  ack_min = minutes from notification (the push to the requesting org, after the
--              double check) to the receiver's acknowledgement with read-back; ack_15min =
--              acknowledged within 15 minutes; acted_30min = acted on within 30 minutes of the
--              notification; documented_6h = progress note within 6 hours of the notification;
--              escalations = rungs of the ladder the scheduler had to climb (remote_escalations).
--              A critical value not (yet) acknowledged, acted on or documented counts as not
--              within the limit (the stricter reading; the view does not depend on the clock).
-- Numerator:   ack_15min / acted_30min / documented_6h true.
-- Denominator: critical values notified; ack median: those acknowledged (rows with ack_min);
--              escalations: the sum of the column (no denominator).
-- Period:      counted_at = notified_at; month in Asia/Shanghai.
-- township_id: the requesting org's township.
CREATE OR REPLACE VIEW indicator_remote_critical_v01 WITH (security_invoker = true) AS
SELECT c.county_id, c.id AS critical_id, c.request_id, r.centre, r.priority, c.requesting_org_id, ot.township_id,
       c.item_code, c.status,
       c.notified_at AS counted_at,
       to_char(c.notified_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       extract(epoch FROM c.ack_at - c.notified_at)::float8 / 60 AS ack_min,
       coalesce(c.ack_at <= c.notified_at + interval '15 minutes', false) AS ack_15min,
       coalesce(c.acted_at <= c.notified_at + interval '30 minutes', false) AS acted_30min,
       coalesce(c.noted_at <= c.notified_at + interval '6 hours', false) AS documented_6h,
       (SELECT count(*) FROM remote_escalations e WHERE e.critical_id = c.id)::int AS escalations
FROM remote_criticals c
JOIN remote_requests r ON r.id = c.request_id
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = c.requesting_org_id
WHERE c.notified_at IS NOT NULL AND c.status <> 'withdrawn';
