-- 3 分钟出车率与反应时间 (3-minute departure rate and response time), version 1.
-- Definition:  per mission (a vehicle sent to a call), from the call's answer:
--              3 分钟出车 = the vehicle departed no more than 180 s after the call was answered
--              (national target ≥ 95 %);
--              反应时间 = minutes from the call's answer to the vehicle on scene (county
--              benchmark ≤ 12 min); the dashboard shows its median (P50), 90th percentile (P90)
--              and the share ≤ 12 min. Every mission counts by itself (two vehicles to one
--              call are two missions). Times from ems_mission_intervals_v01.
-- Numerator:   departed_3min: missions with departure_s ≤ 180;
--              within_12min: missions with response_min ≤ 12.
-- Denominator: departed_3min: missions with a departure time (a vehicle stood down before it
--              left is not counted; the flag is NULL);
--              within_12min and the percentiles: missions with an on-scene time (response_min).
-- Period:      counted_at = the call's received_at; month in Asia/Shanghai.
-- One row per mission; station_id the vehicle's station, township_id the call's village's township.
CREATE OR REPLACE VIEW indicator_ems_response_v01 WITH (security_invoker = true) AS
SELECT i.county_id, i.mission_id, i.channel, i.station_id, i.station_org_id, i.township_id,
       i.counted_at, i.month,
       i.departure_s, i.departed_3min,
       i.response_min, i.response_min <= 12 AS within_12min
FROM ems_mission_intervals_v01 i;
