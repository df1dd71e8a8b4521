-- 指标明细记录 (the records behind a care figure cell), version 1: one row per visit, stay,
-- out-of-county visit, operation and fee line, keyed by (source, source_id) as the indicator
-- views of db/views/indicator_care_*.sql name them, so a cell opens to exactly the rows it counted.
-- Not an indicator: it lists records for the drill-down, under the reader's row-level security.
CREATE OR REPLACE VIEW care_figure_records_v01 WITH (security_invoker = true) AS
SELECT x.source, x.source_id, x.county_id, x.org_id, x.at, x.detail, r.name AS resident_name
FROM (
  SELECT 'visit'::text AS source, v.id AS source_id, v.county_id, v.org_id, v.resident_id, v.registered_at AS at,
         concat_ws(' ', CASE WHEN v.tcm THEN '[中医]' END, v.diagnoses -> 0 ->> 'name') AS detail
  FROM visits v
  UNION ALL
  SELECT 'stay', s.id, s.county_id, s.org_id, s.resident_id, s.admitted_at,
         concat_ws(' ', coalesce(s.discharge_diagnoses -> 0, s.admission_diagnoses -> 0) ->> 'name',
                   CASE WHEN s.length_of_stay_days IS NOT NULL THEN s.length_of_stay_days || 'd' END)
  FROM stays s
  UNION ALL
  SELECT 'out_of_county_visit', o.id, o.county_id, o.resident_org_id, o.resident_id,
         o.visit_date::timestamp AT TIME ZONE 'Asia/Shanghai', concat_ws(' ', o.hospital_name, o.diagnosis_name)
  FROM out_of_county_visits o
  UNION ALL
  SELECT 'operation', op.id, op.county_id, op.org_id, s.resident_id, op.performed_at, op.grade || ' · ' || op.name
  FROM stay_operations op JOIN stays s ON s.id = op.stay_id
  UNION ALL
  SELECT 'fee_line', f.id, f.county_id, f.org_id, f.resident_id, f.charged_at, f.category || ' · ' || f.item_name
  FROM fee_lines f
) x
LEFT JOIN residents r ON r.id = x.resident_id;
