/**
 * The views of db/views the 120 figures and the mission timeline read (each file's header gives
 * its definition, numerator and denominator). Views, not tables: the ems feature writes
 * ems_calls, ems_missions and ems_events; these only read them, under the reader's row-level
 * security (security_invoker).
 */

export type EmsChannel = 'chest_pain' | 'stroke' | 'trauma' | 'maternal' | 'neonatal' | 'general';

/** ems_mission_intervals_v01: one row per mission, its milestone times and intervals */
export interface EmsMissionIntervalsView {
  county_id: number;
  mission_id: number;
  call_id: number;
  vehicle_id: number;
  channel: EmsChannel;
  status: string;
  backfilled: boolean;
  onset_known: boolean | null;
  /** the dispatch centre */
  org_id: number;
  station_id: number;
  station_org_id: number;
  dest_org_id: number | null;
  /** the destination org's kind (township_center …) */
  dest_kind: string | null;
  village_org_id: number | null;
  /** the township of the call's village */
  township_id: number | null;
  preadmission_id: number | null;
  /** the call's received_at */
  counted_at: Date;
  /** YYYY-MM in Asia/Shanghai */
  month: string;
  last_known_well_at: Date | null;
  call_received_at: Date;
  call_answered_at: Date;
  dispatch_decided_at: Date | null;
  crew_notified_at: Date | null;
  departed_at: Date | null;
  on_scene_at: Date | null;
  fmc_at: Date | null;
  first_ecg_at: Date | null;
  ecg_transmitted_at: Date | null;
  ecg_read_at: Date | null;
  prealert_at: Date | null;
  left_scene_at: Date | null;
  door_at: Date | null;
  triage_at: Date | null;
  obstetric_team_at: Date | null;
  diagnosis_at: Date | null;
  consent_started_at: Date | null;
  consent_signed_at: Date | null;
  ct_start_at: Date | null;
  cathlab_activated_at: Date | null;
  cathlab_arrived_at: Date | null;
  needle_at: Date | null;
  wire_at: Date | null;
  door_out_at: Date | null;
  handover_at: Date | null;
  available_at: Date | null;
  /** seconds */
  answer_s: number;
  dispatch_s: number | null;
  departure_s: number | null;
  /** departure_s ≤ 180 */
  departed_3min: boolean | null;
  /** minutes, unrounded */
  response_min: number | null;
  scene_min: number | null;
  transport_min: number | null;
  fmc_to_ecg_min: number | null;
  ecg_to_diagnosis_min: number | null;
  door_to_wire_min: number | null;
  fmc_to_wire_min: number | null;
  /** only where the destination is a township or community centre */
  dido_min: number | null;
  dnt_min: number | null;
  /** stroke only */
  dpt_min: number | null;
  onset_to_needle_min: number | null;
  consent_min: number | null;
  ed_bypass: boolean | null;
  ecg_transmitted_prehospital: boolean;
}

interface Counted {
  county_id: number;
  counted_at: Date;
  month: string;
}

export interface IndicatorEmsAnswerView extends Counted {
  call_id: number;
  org_id: number;
  channel: EmsChannel;
  township_id: number | null;
  answer_s: number;
  answered_10s: boolean;
}

export interface IndicatorEmsResponseView extends Counted {
  mission_id: number;
  channel: EmsChannel;
  station_id: number;
  station_org_id: number;
  township_id: number | null;
  departure_s: number | null;
  departed_3min: boolean | null;
  response_min: number | null;
  within_12min: boolean | null;
}

export interface IndicatorEmsChestPainView extends Counted {
  mission_id: number;
  station_id: number;
  station_org_id: number;
  dest_org_id: number | null;
  township_id: number | null;
  fmc_to_ecg_min: number | null;
  ecg_in_10min: boolean | null;
  ecg_to_diagnosis_min: number | null;
  diagnosis_in_10min: boolean | null;
  door_to_wire_min: number | null;
  wire_in_90min: boolean | null;
  ecg_transmitted: boolean | null;
  ed_bypass: boolean | null;
  fmc_to_wire_min: number | null;
  consent_min: number | null;
}

export interface IndicatorEmsStrokeView extends Counted {
  mission_id: number;
  station_id: number;
  station_org_id: number;
  dest_org_id: number | null;
  township_id: number | null;
  onset_known: boolean | null;
  dnt_min: number | null;
  needle_in_60min: boolean | null;
  dpt_min: number | null;
  puncture_in_90min: boolean | null;
  onset_to_needle_min: number | null;
}

export interface IndicatorEmsDidoView extends Counted {
  mission_id: number;
  channel: EmsChannel;
  station_id: number;
  /** the destination township or community centre */
  township_id: number;
  dido_min: number;
  within_30min: boolean;
}

declare module '../platform/db-types.ts' {
  interface DB {
    ems_mission_intervals_v01: EmsMissionIntervalsView;
    indicator_ems_answer_v01: IndicatorEmsAnswerView;
    indicator_ems_response_v01: IndicatorEmsResponseView;
    indicator_ems_chest_pain_v01: IndicatorEmsChestPainView;
    indicator_ems_stroke_v01: IndicatorEmsStrokeView;
    indicator_ems_dido_v01: IndicatorEmsDidoView;
  }
}
