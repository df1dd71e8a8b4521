-- 心电设备村级覆盖率 (village ECG-device coverage, national 2024 monitoring set), version 1.
-- Definition:  of the active village clinics, the share whose health-service kit sent at least one
--              ECG (a kit reading of kind 'ecg') in the period. A village counts once however many
--              ECGs it sent and however many months the period has.
-- Numerator:   distinct village clinics with a row whose month is in the period.
-- Denominator: distinct active village clinics (every clinic has at least one row: month NULL
--              when its kit never sent an ECG).
-- Period:      month = the month (Asia/Shanghai) of the ECGs' measured_at; one row per village
--              clinic and month with ECGs (ecgs = how many), or one row with month NULL.
-- township_id: the village clinic's parent centre.
CREATE OR REPLACE VIEW indicator_remote_ecg_coverage_v01 WITH (security_invoker = true) AS
SELECT v.county_id, v.id AS village_org_id, v.parent_id AS township_id, e.month, coalesce(e.ecgs, 0) AS ecgs
FROM orgs v
LEFT JOIN (
  SELECT k.org_id, to_char(k.measured_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS ecgs
  FROM kit_readings k WHERE k.kind = 'ecg'
  GROUP BY 1, 2
) e ON e.org_id = v.id
WHERE v.kind = 'village_clinic' AND v.active;
