-- 县域内就诊率（平台记录口径） (county-internal visit rate, as the platform records visits), version 1.
-- Definition:  of the visits the platform knows of, the share that happened inside the
--              county's medical group. Its complement is 县外就诊率 (out-of-county visit
--              rate): denominator - numerator over the same denominator.
-- Numerator:   visits inside the county: referrals whose patient arrived at an in-county org
--              (drafts excluded), exam orders with a reported result (一单通), admissions.
-- Denominator: the numerator + out-of-county visits registered (out_of_county_visits).
-- Period:      counted_at = referral creation time, exam order time, admission time, or the
--              out-of-county visit date at midnight in Shanghai (so a range of Shanghai days
--              takes exactly the visits dated within it).
-- One row per visit record; source names the record; in_numerator is false for visits outside.
CREATE OR REPLACE VIEW indicator_county_internal_rate_v01 WITH (security_invoker = true) AS
SELECT r.county_id, 'referral_arrival'::text AS source, r.id AS source_id, r.created_at AS counted_at, true AS in_numerator
FROM referrals r
WHERE r.status <> 'draft' AND r.arrived_at IS NOT NULL AND NOT r.out_of_county
UNION ALL
SELECT e.county_id, 'exam_report', e.id, e.created_at, true
FROM exam_orders e
WHERE e.status = 'reported'
UNION ALL
SELECT a.county_id, 'admission', a.id, a.admitted_at, true
FROM admission_requests a
WHERE a.admitted_at IS NOT NULL
UNION ALL
SELECT v.county_id, 'out_of_county_visit', v.id, v.visit_date::timestamp AT TIME ZONE 'Asia/Shanghai', false
FROM out_of_county_visits v;
