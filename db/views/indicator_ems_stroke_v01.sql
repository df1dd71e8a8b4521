-- 卒中中心时间节点指标 (stroke DNT and DPT over 120 missions), version 1.
-- Definition:  per mission of the stroke channel (ems_missions.channel = 'stroke', not
--              cancelled), times from ems_mission_intervals_v01:
--   needle_in_60min     进门到溶栓给药 (DNT) ≤ 60 min. Numerator: dnt_min ≤ 60; denominator:
--                       missions with both door and needle (thrombolysed).
--   puncture_in_90min   进门到血管再通治疗 (DPT, door → wire) ≤ 90 min. Numerator: dpt_min ≤ 90;
--                       denominator: missions with both door and wire.
--   onset_to_needle_min 最后正常时间到溶栓给药, median over missions with last_known_well and
--                       needle; onset_known says whether the onset was witnessed.
--              A flag is NULL where the mission is not in that criterion's denominator.
-- Period:      counted_at = the call's received_at; month in Asia/Shanghai.
-- One row per stroke mission; dest_org_id the destination.
CREATE OR REPLACE VIEW indicator_ems_stroke_v01 WITH (security_invoker = true) AS
SELECT i.county_id, i.mission_id, i.station_id, i.station_org_id, i.dest_org_id, i.township_id,
       i.counted_at, i.month, i.onset_known,
       i.dnt_min, i.dnt_min <= 60 AS needle_in_60min,
       i.dpt_min, i.dpt_min <= 90 AS puncture_in_90min,
       i.onset_to_needle_min
FROM ems_mission_intervals_v01 i
WHERE i.channel = 'stroke' AND i.status <> 'cancelled';
