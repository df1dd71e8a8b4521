-- 次均个人负担 (own payment per stay), version 1.
-- Definition:  what the patient paid at discharge (psn_part_amt) for each settled stay that
--              stands (confirmed and not reversed): median, p90 and the share at the "136" cap.
-- Numerator:   at_cap: stays where the 兜底 layer paid something (oth_pay > 0), i.e. the
--              patient's payment was held at the cap.
-- Denominator: settled stays that stand.
-- Period:      settled_on (discharge day, Asia/Shanghai).
-- One row per settled stay.
CREATE OR REPLACE VIEW indicator_settle_own_pay_v01 WITH (security_invoker = true) AS
SELECT s.county_id, s.org_id, s.year, to_char(s.settled_on, 'YYYY-MM') AS month, s.hosp_level, s.person_cat, s.id AS settlement_id,
       s.psn_part_amt AS patient_fen, s.medfee_sumamt AS total_fen, (s.oth_pay > 0) AS at_cap, s.package_id IS NOT NULL AS package
FROM settlements s
WHERE s.kind = 'settlement' AND s.status = 'confirmed' AND s.reversed_by_id IS NULL AND s.setting = 'inpatient';
