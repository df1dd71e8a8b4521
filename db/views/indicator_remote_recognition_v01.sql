-- 结果互认率 (result recognition), version 1.
-- Definition:  of the reading requests for items that allow recognition (remote_items with a
--              recognise_days window: a recent issued report of the same item is reused instead
--              of repeating the study), the share closed as recognised. Cancelled requests do not
--              count; requests still open do.
-- Numerator:   requests with status 'recognised' (recognised = true).
-- Denominator: requests of items with recognise_days set, not cancelled.
-- Period:      counted_at = requested_at; month in Asia/Shanghai.
-- township_id: the requesting org's township.
CREATE OR REPLACE VIEW indicator_remote_recognition_v01 WITH (security_invoker = true) AS
SELECT r.county_id, r.id AS request_id, r.centre, r.priority, r.item_code, r.requesting_org_id, ot.township_id,
       r.requested_at AS counted_at,
       to_char(r.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       r.status = 'recognised' AS recognised
FROM remote_requests r
JOIN remote_items i ON i.code = r.item_code AND i.recognise_days IS NOT NULL
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = r.requesting_org_id
WHERE r.status <> 'cancelled';
