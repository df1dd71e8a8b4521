-- 出车任务时间轴与时间间隔 (the timeline and intervals of one 120 mission), version 1.
-- Definition:  one row per mission (ems_missions), every status included: the time of each
--              milestone of ems_events (one row per mission and milestone) pivoted into a
--              column <milestone>_at, and the intervals between them computed here, so the
--              mission page and every indicator view read one definition.
--              call_received_at / call_answered_at fall back on the call's received_at /
--              answered_at when the mission has no such event.
--              An interval is NULL while either end is missing.
-- Intervals:   answer_s             call_received → call_answered, seconds
--              dispatch_s           call_answered → dispatch_decided, seconds
--              departure_s          call_answered → departed, seconds; departed_3min = departure_s ≤ 180 (3 分钟出车)
--              response_min         call_answered → on_scene (反应时间)
--              scene_min            on_scene → left_scene; transport_min left_scene → door
--              fmc_to_ecg_min       fmc → first_ecg
--              ecg_to_diagnosis_min first_ecg → diagnosis
--              door_to_wire_min     door → wire (D2W)
--              fmc_to_wire_min      fmc → wire
--              dido_min             door → door_out, only where the destination is a township or
--                                   community centre (DIDO of a township transfer); NULL elsewhere
--              dnt_min              door → needle (DNT)
--              dpt_min              door → wire, stroke missions only (DPT)
--              onset_to_needle_min  last_known_well → needle
--              consent_min          consent_started → consent_signed (知情同意用时)
--              ed_bypass            ems_preadmissions.ed_bypass (绕行急诊/CCU), NULL when not recorded
--              ecg_transmitted_prehospital  an ecg_transmitted event before the door time (or with
--                                   no door time yet); false without one
-- Places:      station_id / station_org_id (the vehicle's station), dest_org_id and dest_kind, org_id
--              (the dispatch centre), village_org_id and township_id (the call's village: a village
--              clinic's parent township centre, a township or community centre itself).
-- Period:      month = the call's received_at in Asia/Shanghai, YYYY-MM.
CREATE OR REPLACE VIEW ems_mission_intervals_v01 WITH (security_invoker = true) AS
SELECT x.county_id, x.mission_id, x.call_id, x.vehicle_id, x.channel, x.status, x.backfilled, x.onset_known,
       x.org_id, x.station_id, x.station_org_id, x.dest_org_id, x.dest_kind, x.village_org_id, x.township_id,
       x.preadmission_id, x.counted_at,
       to_char(x.counted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       x.last_known_well_at, x.call_received_at, x.call_answered_at, x.dispatch_decided_at, x.crew_notified_at,
       x.departed_at, x.on_scene_at, x.fmc_at, x.first_ecg_at, x.ecg_transmitted_at, x.ecg_read_at, x.prealert_at,
       x.left_scene_at, x.door_at, x.triage_at, x.obstetric_team_at, x.diagnosis_at, x.consent_started_at,
       x.consent_signed_at, x.ct_start_at, x.cathlab_activated_at, x.cathlab_arrived_at, x.needle_at, x.wire_at,
       x.door_out_at, x.handover_at, x.available_at,
       extract(epoch FROM x.call_answered_at - x.call_received_at)::float8 AS answer_s,
       extract(epoch FROM x.dispatch_decided_at - x.call_answered_at)::float8 AS dispatch_s,
       extract(epoch FROM x.departed_at - x.call_answered_at)::float8 AS departure_s,
       (extract(epoch FROM x.departed_at - x.call_answered_at) <= 180) AS departed_3min,
       (extract(epoch FROM x.on_scene_at - x.call_answered_at) / 60)::float8 AS response_min,
       (extract(epoch FROM x.left_scene_at - x.on_scene_at) / 60)::float8 AS scene_min,
       (extract(epoch FROM x.door_at - x.left_scene_at) / 60)::float8 AS transport_min,
       (extract(epoch FROM x.first_ecg_at - x.fmc_at) / 60)::float8 AS fmc_to_ecg_min,
       (extract(epoch FROM x.diagnosis_at - x.first_ecg_at) / 60)::float8 AS ecg_to_diagnosis_min,
       (extract(epoch FROM x.wire_at - x.door_at) / 60)::float8 AS door_to_wire_min,
       (extract(epoch FROM x.wire_at - x.fmc_at) / 60)::float8 AS fmc_to_wire_min,
       CASE WHEN x.dest_kind IN ('township_center', 'community_center')
            THEN (extract(epoch FROM x.door_out_at - x.door_at) / 60)::float8 END AS dido_min,
       (extract(epoch FROM x.needle_at - x.door_at) / 60)::float8 AS dnt_min,
       CASE WHEN x.channel = 'stroke' THEN (extract(epoch FROM x.wire_at - x.door_at) / 60)::float8 END AS dpt_min,
       (extract(epoch FROM x.needle_at - x.last_known_well_at) / 60)::float8 AS onset_to_needle_min,
       (extract(epoch FROM x.consent_signed_at - x.consent_started_at) / 60)::float8 AS consent_min,
       x.ed_bypass,
       coalesce(x.ecg_transmitted_at < x.door_at OR (x.ecg_transmitted_at IS NOT NULL AND x.door_at IS NULL), false)
         AS ecg_transmitted_prehospital
FROM (
  SELECT m.county_id, m.id AS mission_id, m.call_id, m.vehicle_id, m.channel, m.status, m.backfilled, m.onset_known,
         m.org_id, v.station_id, m.station_org_id, m.dest_org_id, d.kind AS dest_kind, c.village_org_id,
         CASE WHEN vo.kind = 'village_clinic' THEN vo.parent_id
              WHEN vo.kind IN ('township_center', 'community_center') THEN vo.id END AS township_id,
         p.id AS preadmission_id, p.ed_bypass, c.received_at AS counted_at,
         e.last_known_well_at, coalesce(e.call_received_at, c.received_at) AS call_received_at,
         coalesce(e.call_answered_at, c.answered_at) AS call_answered_at, e.dispatch_decided_at, e.crew_notified_at,
         e.departed_at, e.on_scene_at, e.fmc_at, e.first_ecg_at, e.ecg_transmitted_at, e.ecg_read_at, e.prealert_at,
         e.left_scene_at, e.door_at, e.triage_at, e.obstetric_team_at, e.diagnosis_at, e.consent_started_at,
         e.consent_signed_at, e.ct_start_at, e.cathlab_activated_at, e.cathlab_arrived_at, e.needle_at, e.wire_at,
         e.door_out_at, e.handover_at, e.available_at
  FROM ems_missions m
  JOIN ems_calls c ON c.id = m.call_id
  JOIN ems_vehicles v ON v.id = m.vehicle_id
  LEFT JOIN orgs d ON d.id = m.dest_org_id
  LEFT JOIN orgs vo ON vo.id = c.village_org_id
  LEFT JOIN ems_preadmissions p ON p.mission_id = m.id
  CROSS JOIN LATERAL (
    SELECT min(t.at) FILTER (WHERE t.milestone = 'last_known_well') AS last_known_well_at,
           min(t.at) FILTER (WHERE t.milestone = 'call_received') AS call_received_at,
           min(t.at) FILTER (WHERE t.milestone = 'call_answered') AS call_answered_at,
           min(t.at) FILTER (WHERE t.milestone = 'dispatch_decided') AS dispatch_decided_at,
           min(t.at) FILTER (WHERE t.milestone = 'crew_notified') AS crew_notified_at,
           min(t.at) FILTER (WHERE t.milestone = 'departed') AS departed_at,
           min(t.at) FILTER (WHERE t.milestone = 'on_scene') AS on_scene_at,
           min(t.at) FILTER (WHERE t.milestone = 'fmc') AS fmc_at,
           min(t.at) FILTER (WHERE t.milestone = 'first_ecg') AS first_ecg_at,
           min(t.at) FILTER (WHERE t.milestone = 'ecg_transmitted') AS ecg_transmitted_at,
           min(t.at) FILTER (WHERE t.milestone = 'ecg_read') AS ecg_read_at,
           min(t.at) FILTER (WHERE t.milestone = 'prealert') AS prealert_at,
           min(t.at) FILTER (WHERE t.milestone = 'left_scene') AS left_scene_at,
           min(t.at) FILTER (WHERE t.milestone = 'door') AS door_at,
           min(t.at) FILTER (WHERE t.milestone = 'triage') AS triage_at,
           min(t.at) FILTER (WHERE t.milestone = 'obstetric_team') AS obstetric_team_at,
           min(t.at) FILTER (WHERE t.milestone = 'diagnosis') AS diagnosis_at,
           min(t.at) FILTER (WHERE t.milestone = 'consent_started') AS consent_started_at,
           min(t.at) FILTER (WHERE t.milestone = 'consent_signed') AS consent_signed_at,
           min(t.at) FILTER (WHERE t.milestone = 'ct_start') AS ct_start_at,
           min(t.at) FILTER (WHERE t.milestone = 'cathlab_activated') AS cathlab_activated_at,
           min(t.at) FILTER (WHERE t.milestone = 'cathlab_arrived') AS cathlab_arrived_at,
           min(t.at) FILTER (WHERE t.milestone = 'needle') AS needle_at,
           min(t.at) FILTER (WHERE t.milestone = 'wire') AS wire_at,
           min(t.at) FILTER (WHERE t.milestone = 'door_out') AS door_out_at,
           min(t.at) FILTER (WHERE t.milestone = 'handover') AS handover_at,
           min(t.at) FILTER (WHERE t.milestone = 'available') AS available_at
    FROM ems_events t
    WHERE t.mission_id = m.id
  ) e
) x;
