import type { ColumnType, Generated } from 'kysely';
import type {
  Channel,
  EventSource,
  Milestone,
  MissionStatus,
  ObservationKind,
  Team,
  VehicleStatus,
} from './ems.states.ts';

// ---- 120 急救调度与五大中心 (issue 13): db/migrations/0080_ems.sql ----

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type StampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface RoadNodesTable {
  id: number;
  county_id: number;
  lat: number;
  lng: number;
  kind: 'junction' | 'village' | 'town' | 'station' | 'hospital';
  org_id: number | null;
  name: string | null;
}
export interface RoadEdgesTable {
  id: Generated<number>;
  county_id: number;
  from_node: number;
  to_node: number;
  road_class: 'highway' | 'national' | 'county' | 'township' | 'village' | 'mountain';
  length_m: number;
  speed_kmh: number;
  /** 0081: a closure for a period (snow, works), maintained on the 急救资源 page */
  closed_from: StampNull;
  closed_until: StampNull;
  closed_reason: string | null;
}
export interface EmsStationsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  name: string;
  node_id: number | null;
  /** 0081: a retired station keeps its history */
  active: Generated<boolean>;
}
export interface EmsVehicleRulesTable {
  action: string;
  from_status: string;
  to_status: string;
}
export interface EmsVehiclesTable {
  id: Generated<number>;
  county_id: number;
  station_id: number;
  org_id: number;
  call_sign: string;
  plate: string;
  kind: 'transport' | 'emergency' | 'micu' | 'mobile_ct';
  negative_pressure: Generated<boolean>;
  status: ColumnType<VehicleStatus, VehicleStatus | undefined, VehicleStatus>;
  status_at: Stamp;
  crew_staff_ids: ColumnType<number[], number[] | undefined, number[]>;
  /** 0081: the latest fix from the crew's phone, moved only by a newer one */
  pos_lat: ColumnType<number | null, number | null | undefined, number | null>;
  pos_lng: ColumnType<number | null, number | null | undefined, number | null>;
  pos_at: StampNull;
}
/** 0081: each fix the crew's phone sends, once by its client id */
export interface EmsVehiclePositionsTable {
  id: Generated<string>;
  county_id: number;
  vehicle_id: number;
  mission_id: number | null;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  speed_kmh: ColumnType<string | null, number | null | undefined, number | null>;
  device_at: Stamp;
  recorded_at: Stamp;
  recorded_by: number | null;
  client_id: string;
}
export interface EmsComplaintsTable {
  code: string;
  name: string;
  channel: Channel;
  triage_level: number;
}
export interface EmsCallsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  client_id: string;
  received_at: Stamp;
  answered_at: Stamp;
  caller_phone: string;
  address: string;
  village_org_id: number | null;
  lat: number;
  lng: number;
  complaint_code: string;
  triage_level: number;
  channel: Channel;
  resident_id: number | null;
  patient_label: string;
  patient_sex: 'M' | 'F' | null;
  patient_age: number | null;
  note: string | null;
  status: ColumnType<'open' | 'dispatched' | 'closed' | 'cancelled', string | undefined, string>;
  dispatcher_id: number | null;
  created_at: Stamp;
}
export interface EmsMissionsTable {
  id: Generated<number>;
  county_id: number;
  call_id: number;
  vehicle_id: number;
  org_id: number;
  station_org_id: number;
  dest_org_id: number | null;
  channel: Channel;
  status: ColumnType<MissionStatus, MissionStatus | undefined, MissionStatus>;
  crew_staff_ids: ColumnType<number[], number[] | undefined, number[]>;
  resident_id: number | null;
  onset_known: boolean | null;
  eta_scene_min: ColumnType<string | null, number | null | undefined, number | null>;
  dispatched_by: number | null;
  created_at: Stamp;
  ended_at: StampNull;
  backfilled: Generated<boolean>;
}
export interface EmsMilestonesTable {
  code: Milestone;
  label: string;
  seq: number;
}
export interface EmsMilestoneOrderTable {
  before_code: Milestone;
  after_code: Milestone;
}
export interface EmsEventsTable {
  id: Generated<string>;
  county_id: number;
  mission_id: number;
  milestone: Milestone;
  at: Stamp;
  source: EventSource;
  recorded_at: Stamp;
  recorded_by: number | null;
  client_id: string | null;
  note: string | null;
  corrections: Generated<number>;
}
/** db/migrations/0081_ems_fleet_gps.sql: every correction of a milestone time, append-only */
export interface EmsEventCorrectionsTable {
  id: Generated<string>;
  county_id: number;
  event_id: string;
  mission_id: number;
  milestone: Milestone;
  old_at: Stamp;
  new_at: Stamp;
  old_source: EventSource;
  reason: string;
  corrected_by: number;
  corrected_at: Stamp;
}
export interface EmsObservationsTable {
  id: Generated<string>;
  county_id: number;
  mission_id: number;
  client_id: string;
  kind: ObservationKind;
  observed_at: Stamp;
  recorded_at: Stamp;
  recorded_by: number | null;
  value: ColumnType<Record<string, unknown>, string, string>;
  file_name: string | null;
  file_type: string | null;
  file_sha256: string | null;
  file_bytes: Buffer | null;
}
export interface EmsPreadmissionsTable {
  id: Generated<number>;
  county_id: number;
  mission_id: number;
  dest_org_id: number;
  temp_id: string;
  resident_id: number | null;
  channel: Channel;
  status: ColumnType<'expected' | 'arrived' | 'cancelled', string | undefined, string>;
  eta_at: StampNull;
  team: Team | null;
  team_activated_at: StampNull;
  team_activated_by: number | null;
  arrived_at: StampNull;
  ed_bypass: boolean | null;
  pathway: string | null;
  visit_id: number | null;
  merged_at: StampNull;
  merged_by: number | null;
  created_at: Stamp;
}

declare module '../platform/db-types.ts' {
  interface DB {
    road_nodes: RoadNodesTable;
    road_edges: RoadEdgesTable;
    ems_stations: EmsStationsTable;
    ems_vehicle_rules: EmsVehicleRulesTable;
    ems_vehicles: EmsVehiclesTable;
    ems_vehicle_positions: EmsVehiclePositionsTable;
    ems_complaints: EmsComplaintsTable;
    ems_calls: EmsCallsTable;
    ems_missions: EmsMissionsTable;
    ems_milestones: EmsMilestonesTable;
    ems_milestone_order: EmsMilestoneOrderTable;
    ems_events: EmsEventsTable;
    ems_event_corrections: EmsEventCorrectionsTable;
    ems_observations: EmsObservationsTable;
    ems_preadmissions: EmsPreadmissionsTable;
  }
}
