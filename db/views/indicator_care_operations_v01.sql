-- 三级、四级手术台次 (operations by grade), version 1.
-- Definition:  operations performed in the group's stays per month, by grade (手术分级 1–4);
--              growth is read against the same month a year earlier and the month before.
-- Numerator:   (a count) stay_operations of the grade; operations of cancelled stays excluded.
-- Denominator: none; growth = this period's count over the same period's count a year earlier - 1.
-- Period:      counted_at = performed_at; month = its month in Asia/Shanghai.
-- Township:    the township of org_id (indicator_org_township_v01).
-- One row per operation.
CREATE OR REPLACE VIEW indicator_care_operations_v01 WITH (security_invoker = true) AS
SELECT o.county_id, 'operation'::text AS source, o.id AS source_id, o.stay_id, o.org_id, o.grade,
       o.performed_at AS counted_at, to_char(o.performed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
FROM stay_operations o
JOIN stays s ON s.id = o.stay_id
WHERE s.status <> 'cancelled';
