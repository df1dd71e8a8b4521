-- 单病种付费使用 (per-case package use), version 1.
-- Definition:  settled stays paid under a per-case package, against all settled stays.
-- Numerator:   package stays (package_id not null), with their cost, the fixed price paid
--              and what the hospital carried above it (hosp_part_amt).
-- Denominator: settled inpatient stays that stand (confirmed, not reversed).
-- Period:      settled_on (discharge day, Asia/Shanghai).
-- One row per settled stay.
CREATE OR REPLACE VIEW indicator_settle_package_use_v01 WITH (security_invoker = true) AS
SELECT s.county_id, s.org_id, s.year, s.hosp_level, s.id AS settlement_id, p.code AS package_code, p.disease_name,
       s.medfee_sumamt AS total_fen, s.hosp_part_amt AS hospital_fen, s.psn_part_amt AS patient_fen,
       (s.package_id IS NOT NULL) AS package
FROM settlements s LEFT JOIN settlement_packages p ON p.id = s.package_id
WHERE s.kind = 'settlement' AND s.status = 'confirmed' AND s.reversed_by_id IS NULL AND s.setting = 'inpatient';
