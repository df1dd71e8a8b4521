-- 中医诊疗人次占比（国家 2024 指标⑫） (share of outpatient visits that are TCM visits), version 1.
-- Definition:  of the outpatient visits recorded in the group, the share flagged as TCM visits
--              (中医辨证施治: registered as TCM, or a TCM prescription was issued in it).
-- Numerator:   visits (not cancelled) with tcm = true.
-- Denominator: all visits (not cancelled).
-- Period:      counted_at = registration time; month = its month in Asia/Shanghai.
-- One row per visit.
CREATE OR REPLACE VIEW indicator_care_tcm_visit_share_v01 WITH (security_invoker = true) AS
SELECT v.county_id, v.id AS visit_id, v.org_id, v.registered_at AS counted_at,
       to_char(v.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       v.tcm AS in_numerator
FROM visits v
WHERE v.status <> 'cancelled';
