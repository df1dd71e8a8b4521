-- 门诊与住院人次 (outpatient and inpatient volumes), version 1.
-- Definition:  outpatient visits and admissions recorded in the group per month; growth is
--              read against the same month a year earlier and against the month before.
-- Numerator:   (a count) visits not cancelled (setting outpatient), stays not cancelled by
--              admission (setting inpatient).
-- Denominator: none; growth = this period's count over the same period's count a year earlier - 1.
-- Period:      counted_at = registration time or admission time; month = its month in Asia/Shanghai.
-- Township:    the township of org_id (indicator_org_township_v01).
-- One row per visit or stay.
CREATE OR REPLACE VIEW indicator_care_volume_v01 WITH (security_invoker = true) AS
SELECT v.county_id, 'visit'::text AS source, v.id AS source_id, v.org_id, 'outpatient'::text AS setting,
       v.registered_at AS counted_at, to_char(v.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
FROM visits v WHERE v.status <> 'cancelled'
UNION ALL
SELECT s.county_id, 'stay', s.id, s.org_id, 'inpatient',
       s.admitted_at, to_char(s.admitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')
FROM stays s WHERE s.status <> 'cancelled';
