-- 县域内就诊率（就诊记录口径） (county-internal visit rate from visit records), version 1.
-- Definition:  of the visits residents of the county made, the share made inside the county's
--              medical group; outpatient and inpatient apart (visit_type), women and children
--              apart (woman_or_child: female, or under 15 on the day).
-- Numerator:   outpatient visits (visits) and admissions (stays) at the group's orgs, cancelled
--              ones excluded (in_numerator = true).
-- Denominator: the numerator + out-of-county visits registered (out_of_county_visits).
-- Period:      counted_at = registration time, admission time, or the out-of-county visit date
--              at midnight in Shanghai; month = its month in Asia/Shanghai.
-- One row per visit record; org_id is where it happened (the resident's managing org for visits outside).
CREATE OR REPLACE VIEW indicator_care_county_internal_visit_rate_v01 WITH (security_invoker = true) AS
WITH rows AS (
  SELECT v.county_id, 'visit'::text AS source, v.id AS source_id, v.org_id, v.resident_id,
         v.registered_at AS counted_at, 'outpatient'::text AS visit_type, true AS in_numerator
  FROM visits v WHERE v.status <> 'cancelled'
  UNION ALL
  SELECT s.county_id, 'stay', s.id, s.org_id, s.resident_id, s.admitted_at, 'inpatient', true
  FROM stays s WHERE s.status <> 'cancelled'
  UNION ALL
  SELECT o.county_id, 'out_of_county_visit', o.id, o.resident_org_id, o.resident_id,
         o.visit_date::timestamp AT TIME ZONE 'Asia/Shanghai', o.visit_type, false
  FROM out_of_county_visits o
)
SELECT x.county_id, x.source, x.source_id, x.org_id, x.counted_at,
       to_char(x.counted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       x.visit_type, x.in_numerator,
       (r.sex = 'F' OR age((x.counted_at AT TIME ZONE 'Asia/Shanghai')::date, r.birth_date) < interval '15 years') AS woman_or_child
FROM rows x
JOIN residents r ON r.id = x.resident_id;
