-- 乡镇卫生院进门到转出时间 (DIDO: door-in to door-out at a township centre), version 1.
-- Definition:  for 120 missions of any channel brought to a township or community centre
--              (the destination's kind), minutes from arrival at its door to the patient
--              leaving it for a higher level (door_out), reported per township centre: the
--              county's bottleneck for critical transfers. Benchmark ≤ 30 min; the dashboard
--              shows the median per township and the share ≤ 30 min.
-- Numerator:   within_30min: missions with dido_min ≤ 30.
-- Denominator: missions to a township or community centre with both a door and a door_out time
--              (patients kept at the centre have no DIDO and are not counted).
-- Period:      counted_at = the call's received_at; month in Asia/Shanghai.
-- One row per such mission; township_id is the destination centre (where the minutes pass).
CREATE OR REPLACE VIEW indicator_ems_dido_v01 WITH (security_invoker = true) AS
SELECT i.county_id, i.mission_id, i.channel, i.station_id, i.dest_org_id AS township_id,
       i.counted_at, i.month,
       i.dido_min, i.dido_min <= 30 AS within_30min
FROM ems_mission_intervals_v01 i
WHERE i.dido_min IS NOT NULL AND i.status <> 'cancelled';
