-- Blood-pressure data quality per recording doctor (Simple's BP log check), version 1.
-- Definition:  of the follow-up SBP readings a doctor entered in the year: how many end in 0
--              (terminal-digit preference; about 10% expected by chance), and how many sit
--              just under the target at 139 systolic or 89 diastolic (threshold heaping).
-- Numerator:   ending_zero; at_139_89.
-- Denominator: readings.
-- One row per county, year, doctor and the doctor's home org.
CREATE OR REPLACE VIEW indicator_chronic_data_quality_v01 WITH (security_invoker = true) AS
SELECT f.county_id, extract(year FROM f.visit_date)::int AS year, f.staff_id, s.org_id,
       count(*)::int AS readings,
       count(*) FILTER (WHERE f.sbp % 10 = 0)::int AS ending_zero,
       count(*) FILTER (WHERE f.sbp = 139 OR f.dbp = 89)::int AS at_139_89
FROM followups f
JOIN staff s ON s.id = f.staff_id
WHERE f.sbp IS NOT NULL
GROUP BY f.county_id, extract(year FROM f.visit_date), f.staff_id, s.org_id;
