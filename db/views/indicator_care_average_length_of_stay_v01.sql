-- 平均住院日 (average length of stay), version 1.
-- Definition:  bed-days of the patients discharged in the period over their number.
-- Numerator:   sum of length_of_stay_days (Shanghai discharge date minus admission date, a same-day stay counts 1).
-- Denominator: discharged stays (cancelled ones never count).
-- Period:      counted_at = discharge time; month = its month in Asia/Shanghai.
-- One row per discharged stay; ALOS = sum(los_days) / count(*).
CREATE OR REPLACE VIEW indicator_care_average_length_of_stay_v01 WITH (security_invoker = true) AS
SELECT s.county_id, s.id AS stay_id, s.org_id, s.department_id, s.discharged_at AS counted_at,
       to_char(s.discharged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       s.length_of_stay_days AS los_days, s.disposition
FROM stays s
WHERE s.status = 'discharged';
