/**
 * The fleet's status machine as one table. db/migrations/0080_ems.sql holds the same rows
 * (ems_vehicle_rules) and a trigger refuses any other status change; ems.test.ts checks that
 * the two agree and tries every (status, action) pair.
 */
export const VEHICLE_STATUSES = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'to_hospital',
  'at_hospital',
  'returning',
  'out_of_service',
] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

export const VEHICLE_ACTIONS = [
  'dispatch',
  'depart',
  'arrive_scene',
  'leave_scene',
  'arrive_hospital',
  'clear',
  'stand_down',
  'back_in_station',
  'out_of_service',
  'in_service',
] as const;
export type VehicleAction = (typeof VEHICLE_ACTIONS)[number];

export interface VehicleRule {
  action: VehicleAction;
  from: VehicleStatus;
  to: VehicleStatus;
}

export const VEHICLE_RULES: readonly VehicleRule[] = [
  { action: 'dispatch', from: 'available', to: 'dispatched' },
  { action: 'dispatch', from: 'returning', to: 'dispatched' },
  { action: 'depart', from: 'dispatched', to: 'en_route' },
  { action: 'arrive_scene', from: 'en_route', to: 'on_scene' },
  { action: 'leave_scene', from: 'on_scene', to: 'to_hospital' },
  { action: 'arrive_hospital', from: 'to_hospital', to: 'at_hospital' },
  { action: 'clear', from: 'at_hospital', to: 'returning' },
  { action: 'clear', from: 'on_scene', to: 'returning' },
  { action: 'stand_down', from: 'dispatched', to: 'available' },
  { action: 'stand_down', from: 'en_route', to: 'returning' },
  { action: 'back_in_station', from: 'returning', to: 'available' },
  { action: 'out_of_service', from: 'available', to: 'out_of_service' },
  { action: 'in_service', from: 'out_of_service', to: 'available' },
];

export function nextStatus(from: VehicleStatus, action: VehicleAction): VehicleStatus | null {
  return VEHICLE_RULES.find((r) => r.from === from && r.action === action)?.to ?? null;
}

export const VEHICLE_STATUS_LABELS: Record<VehicleStatus, string> = {
  available: '待命',
  dispatched: '已派车',
  en_route: '途中',
  on_scene: '到达现场',
  to_hospital: '送院途中',
  at_hospital: '到达医院',
  returning: '返回中',
  out_of_service: '停用',
};

export const ACTION_LABELS: Record<VehicleAction, string> = {
  dispatch: '派车',
  depart: '出车',
  arrive_scene: '到达现场',
  leave_scene: '离开现场',
  arrive_hospital: '到达医院',
  clear: '任务完成',
  stand_down: '取消出车',
  back_in_station: '回站待命',
  out_of_service: '停用',
  in_service: '恢复使用',
};

/** the crew's steps on a mission: the vehicle action and the milestone it stamps */
export const CREW_STEPS = ['depart', 'arrive_scene', 'leave_scene', 'arrive_hospital', 'clear', 'stand_down'] as const;
export type CrewStep = (typeof CREW_STEPS)[number];
export const STEP_MILESTONE: Record<CrewStep, Milestone | null> = {
  depart: 'departed',
  arrive_scene: 'on_scene',
  leave_scene: 'left_scene',
  arrive_hospital: 'door',
  clear: 'available',
  stand_down: null,
};

/** a mission's status follows its vehicle until clear / stand_down end it */
export const MISSION_STATUSES = [
  'dispatched',
  'en_route',
  'on_scene',
  'to_hospital',
  'at_hospital',
  'completed',
  'cancelled',
] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];
export const ACTIVE_MISSION: readonly MissionStatus[] = [
  'dispatched',
  'en_route',
  'on_scene',
  'to_hospital',
  'at_hospital',
];

export const CHANNELS = ['chest_pain', 'stroke', 'trauma', 'maternal', 'neonatal', 'general'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  chest_pain: '胸痛',
  stroke: '卒中',
  trauma: '创伤',
  maternal: '危重孕产妇',
  neonatal: '危重新生儿',
  general: '普通',
};
export const TEAMS = ['chest_pain', 'stroke', 'trauma', 'maternal', 'neonatal'] as const;
export type Team = (typeof TEAMS)[number];

export const MILESTONES = [
  'last_known_well',
  'call_received',
  'call_answered',
  'dispatch_decided',
  'crew_notified',
  'departed',
  'on_scene',
  'fmc',
  'first_ecg',
  'ecg_transmitted',
  'ecg_read',
  'prealert',
  'left_scene',
  'door',
  'triage',
  'obstetric_team',
  'diagnosis',
  'consent_started',
  'consent_signed',
  'ct_start',
  'cathlab_activated',
  'cathlab_arrived',
  'needle',
  'wire',
  'door_out',
  'handover',
  'available',
] as const;
export type Milestone = (typeof MILESTONES)[number];
/**
 * The hospital's own milestones: from the door on, stamped by the destination (到院, the one-tap
 * buttons of 院前预警, the cath-lab log). A hospital doctor may correct only these; the call,
 * dispatch and the crew's times belong to the dispatch centre.
 */
export const HOSPITAL_MILESTONES: readonly Milestone[] = [
  'door',
  'triage',
  'obstetric_team',
  'diagnosis',
  'consent_started',
  'consent_signed',
  'ct_start',
  'cathlab_activated',
  'cathlab_arrived',
  'needle',
  'wire',
  'door_out',
  'handover',
];
export const EVENT_SOURCES = ['device', 'crew', 'dispatcher', 'hospital', 'backfill'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const OBSERVATION_KINDS = [
  'vitals',
  'gcs',
  'fast',
  'stroke_scale',
  'glucose',
  'ecg',
  'treatment',
  'gestation',
  'note',
] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/**
 * The live board's limits. No settings table serves the 120 service yet (pharmacy_settings and
 * the others belong to their features), so they are named constants here, one place for the
 * server and the pages; a county-editable ems_settings row would replace them.
 *
 * - a GPS fix counts as where the vehicle is for this long (the crew's phone sends one every
 *   15 s while a mission runs; two minutes at 60 km/h is 2 km of error, beyond that the
 *   station is the better guess);
 * - a call answered more than 10 s after it rang is marked (the 10-second answer rate counts it);
 * - an open call (answered, no vehicle sent yet) raises its alarm more than 60 s after it came in;
 * - a vehicle dispatched and not departed raises its alarm after more than 3 minutes.
 */
export const GPS_FRESH_SECONDS = 120;
export const CALL_ANSWER_LIMIT_S = 10;
export const CALL_WAITING_LIMIT_S = 60;
export const DEPART_LIMIT_S = 180;
/** an alarm the server raises: how long it has waited (s); for a vehicle not departed, its mission */
export type EmsAlarm = {
  kind: 'answered_late' | 'not_dispatched' | 'not_departed_3min';
  seconds: number;
  missionId?: number;
};
