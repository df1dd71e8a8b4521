-- 县域内就诊率（就诊记录口径） (county-internal visit rate from visit records), version 2.
-- Changes from v01: each row also names the resident's managing org (resident_org_id), so the
-- rate can be read by where residents live; women and children are two flags, and a child
-- is under 14 on the day (v01: one flag, under 15).
-- Definition:  of the visits residents of the county made (outpatient visits and admissions),
--              the share made inside the county's medical group; outpatient and inpatient apart
--              (visit_type; the inpatient rate is indicator_care_inpatient_county_internal_rate_v01),
--              women (is_woman: sex F) and children (is_child: under 14 years on the Shanghai
--              visit day) apart.
-- Numerator:   outpatient visits (visits) and admissions (stays) at the group's orgs, cancelled
--              ones excluded (in_numerator = true).
-- Denominator: the numerator + out-of-county visits registered (out_of_county_visits).
-- Period:      counted_at = registration time, admission time, or the out-of-county visit date
--              at midnight in Shanghai; month = its month in Asia/Shanghai.
-- Township:    by residence, the township of resident_org_id (indicator_org_township_v01).
-- One row per visit record; org_id is where it happened (the resident's managing org for visits outside).
CREATE OR REPLACE VIEW indicator_care_county_internal_visit_rate_v02 WITH (security_invoker = true) AS
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
SELECT x.county_id, x.source, x.source_id, x.org_id, r.org_id AS resident_org_id, x.resident_id, x.counted_at,
       to_char(x.counted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       x.visit_type, x.in_numerator,
       r.sex = 'F' AS is_woman,
       age((x.counted_at AT TIME ZONE 'Asia/Shanghai')::date, r.birth_date) < interval '14 years' AS is_child
FROM rows x
JOIN residents r ON r.id = x.resident_id;
