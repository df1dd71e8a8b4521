-- 胸痛中心时间节点指标 (the chest-pain centre criteria over 120 missions), version 1.
-- Definition:  per mission of the chest-pain channel (ems_missions.channel = 'chest_pain', not
--              cancelled), times from ems_mission_intervals_v01:
--   ecg_in_10min        首次医疗接触到首份心电图 < 10 min. Numerator: fmc_to_ecg_min < 10;
--                       denominator: missions with both fmc and first_ecg.
--   diagnosis_in_10min  首份心电图到确诊 < 10 min. Numerator: ecg_to_diagnosis_min < 10;
--                       denominator: missions with both first_ecg and diagnosis.
--   wire_in_90min       进门到导丝通过 (D2W) ≤ 90 min, target ≥ 75 %; the median of door_to_wire_min
--                       is shown against 90 min. Numerator: door_to_wire_min ≤ 90; denominator:
--                       missions with both door and wire (primary PCI).
--   ecg_transmitted     院前心电图传输, target ≥ 30 %. Numerator: an ecg_transmitted event before
--                       the door time; denominator: missions with a door time (brought in by 120).
--   ed_bypass           绕行急诊和 CCU 直达导管室, target ≥ 30 %. Numerator: the pre-admission's
--                       ed_bypass is true; denominator: missions with a wire time (primary PCI);
--                       not recorded counts as not bypassed.
--   fmc_to_wire_min     首次医疗接触到导丝通过, median over missions with fmc and wire.
--   consent_min         知情同意用时 (consent_started → consent_signed), median over missions with
--                       both; our target median ≤ 10 min.
--              A flag is NULL where the mission is not in that criterion's denominator.
-- Period:      counted_at = the call's received_at; month in Asia/Shanghai.
-- One row per chest-pain mission; station_id the vehicle's station, dest_org_id the destination.
CREATE OR REPLACE VIEW indicator_ems_chest_pain_v01 WITH (security_invoker = true) AS
SELECT i.county_id, i.mission_id, i.station_id, i.station_org_id, i.dest_org_id, i.township_id,
       i.counted_at, i.month,
       i.fmc_to_ecg_min, i.fmc_to_ecg_min < 10 AS ecg_in_10min,
       i.ecg_to_diagnosis_min, i.ecg_to_diagnosis_min < 10 AS diagnosis_in_10min,
       i.door_to_wire_min, i.door_to_wire_min <= 90 AS wire_in_90min,
       CASE WHEN i.door_at IS NOT NULL THEN i.ecg_transmitted_prehospital END AS ecg_transmitted,
       CASE WHEN i.wire_at IS NOT NULL THEN coalesce(i.ed_bypass, false) END AS ed_bypass,
       i.fmc_to_wire_min,
       i.consent_min
FROM ems_mission_intervals_v01 i
WHERE i.channel = 'chest_pain' AND i.status <> 'cancelled';
