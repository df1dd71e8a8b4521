-- 远程诊断与云诊断服务量 (readings per township), version 1.
-- Definition:  the remote service a township's people received: every village-kit reading
--              (kit_readings: BP, glucose, SpO₂, temperature, ECG) plus every reading request
--              sent to a reading centre (remote_requests, not cancelled; a kit ECG is both a
--              reading and, once turned into a request, a request: each counts in its own source).
-- Numerator:   rows (a count; source says kit or request).
-- Denominator: none (a volume).
-- Period:      counted_at = measured_at (kit) or requested_at (request); month in Asia/Shanghai.
-- township_id: the township of the org the reading was taken at or the request came from
--              (a village clinic's parent centre); NULL for the county hospitals.
CREATE OR REPLACE VIEW indicator_remote_readings_v01 WITH (security_invoker = true) AS
SELECT k.county_id, 'kit'::text AS source, k.kind AS what, NULL::text AS centre, k.org_id, ot.township_id,
       k.measured_at AS counted_at,
       to_char(k.measured_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       k.flagged
FROM kit_readings k
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = k.org_id
UNION ALL
SELECT r.county_id, 'request'::text, r.item_code, r.centre, r.requesting_org_id, ot.township_id,
       r.requested_at,
       to_char(r.requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
       false
FROM remote_requests r
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = r.requesting_org_id
WHERE r.status <> 'cancelled';
