import type { Generated } from 'kysely';

// ---- chronic-disease registries, follow-ups and grids (issue 11) ----

export const DISEASES = ['htn', 't2dm', 'copd', 'stroke', 'smi'] as const;
export type Disease = (typeof DISEASES)[number];
/** the diseases followed up by the 规范 forms today */
export const FOLLOWED_DISEASES = ['htn', 't2dm'] as const;
export type FollowedDisease = (typeof FOLLOWED_DISEASES)[number];
export const CASE_STATES = ['screened', 'confirmed', 'managed', 'lost', 'terminated'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const END_REASONS = ['died', 'moved', 'refused'] as const;
export const CALL_OUTCOMES = ['reached', 'unreachable', 'moved', 'died', 'refused'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type Referral = 'none' | 'recommend' | 'emergency';

export interface ChronicCasesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  disease: Disease;
  state: CaseState;
  screened_on: string | null;
  confirmed_on: string | null;
  managed_on: string | null;
  lost_on: string | null;
  terminated_on: string | null;
  terminated_reason: (typeof END_REASONS)[number] | null;
  next_due: string | null;
  last_followup_on: string | null;
  last_class: number | null;
  unsatisfied_streak: Generated<number>;
  created_at: Generated<Date>;
}
export interface ChronicCaseEventsTable {
  id: Generated<number>;
  case_id: number;
  org_id: number;
  from_state: string | null;
  to_state: string;
  on_date: string;
  reason: string | null;
  staff_id: number | null;
  at: Generated<Date>;
}
export interface BpScreeningsTable {
  resident_id: number;
  year: number;
  county_id: number;
  org_id: number;
  screened_on: string;
  sbp: number;
  dbp: number;
  source: string;
}
export interface FollowupRuleSetsTable {
  id: Generated<number>;
  county_id: number;
  effective_from: string;
  title: string;
  doc_ref: string;
  created_at: Generated<Date>;
}
export interface FollowupRulesTable {
  id: Generated<number>;
  set_id: number;
  kind: 'target' | 'emergency' | 'interval';
  disease: 'htn' | 't2dm' | '*';
  metric: string | null;
  op: '<' | '<=' | '>' | '>=' | 'flag' | null;
  value: string | number | null;
  age_min: number | null;
  age_max: number | null;
  outcome: 'satisfied' | 'adjust' | 'refer' | 'emergency' | null;
  days: number | null;
  months: number | null;
  label: string;
}
export interface FollowupsTable {
  id: string;
  county_id: number;
  org_id: number;
  case_id: number;
  resident_id: number;
  disease: FollowedDisease;
  visit_date: string;
  mode: 'clinic' | 'home' | 'phone';
  staff_id: number;
  form: unknown;
  sbp: number | null;
  dbp: number | null;
  heart_rate: number | null;
  fbg_mmol: string | number | null;
  classification: number;
  controlled: boolean;
  referral: Referral;
  referral_reasons: Generated<string[]>;
  referral_id: number | null;
  next_due: string;
  rule_set_id: number;
  late_entry: Generated<boolean>;
  device_at: Date | null;
  recorded_at: Generated<Date>;
  request_hash: string;
}
export interface ChronicCaseYearsTable {
  case_id: number;
  year: number;
  county_id: number;
  org_id: number;
  disease: string;
  followups: Generated<number>;
  face_to_face: Generated<number>;
  quarters: Generated<number>;
  last_visit: string;
  last_controlled: boolean;
}
export interface ChronicBaseDataTable {
  org_id: number;
  year: number;
  county_id: number;
  pop_35_plus: number;
  htn_prevalence_bp: number;
  t2dm_prevalence_bp: number;
  updated_by: number | null;
}
export interface GridsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  name: string;
  member_staff_id: number;
  doctor_staff_id: number;
  patients: Generated<number>;
  created_at: Generated<Date>;
}
export interface GridPatientsTable {
  grid_id: number;
  resident_id: number;
  org_id: number;
  added_at: Generated<Date>;
}
export interface GridDoctorLoadsTable {
  staff_id: number;
  county_id: number;
  grids: Generated<number>;
}
export interface GridReadingsTable {
  id: string;
  county_id: number;
  org_id: number;
  grid_id: number;
  resident_id: number;
  staff_id: number;
  kind: 'bp' | 'glucose' | 'observation';
  sbp: number | null;
  dbp: number | null;
  glucose_mmol: string | number | null;
  glucose_timing: 'fasting' | 'post_meal' | 'random' | null;
  symptoms: Generated<string[]>;
  medication_taken: boolean | null;
  needs_doctor: Generated<boolean>;
  note: string | null;
  alert: boolean;
  alert_reasons: Generated<string[]>;
  handled_at: Date | null;
  handled_by: number | null;
  handled_note: string | null;
  device_at: Date | null;
  recorded_at: Generated<Date>;
  request_hash: string;
}
export interface GridLogsTable {
  id: Generated<number>;
  grid_id: number;
  org_id: number;
  week_start: string;
  attendees: number;
  note: string;
  staff_id: number;
  created_at: Generated<Date>;
}
export interface FollowupCallsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  case_id: number;
  outcome: CallOutcome;
  note: string | null;
  staff_id: number;
  called_on: string;
  at: Generated<Date>;
}

export interface ChronicFigureSnapshotsTable {
  county_id: number;
  year: number;
  rows: unknown;
  computed_at: Generated<Date>;
}

declare module '../platform/db-types.ts' {
  interface DB {
    chronic_figure_snapshots: ChronicFigureSnapshotsTable;
    chronic_cases: ChronicCasesTable;
    chronic_case_events: ChronicCaseEventsTable;
    bp_screenings: BpScreeningsTable;
    followup_rule_sets: FollowupRuleSetsTable;
    followup_rules: FollowupRulesTable;
    followups: FollowupsTable;
    chronic_case_years: ChronicCaseYearsTable;
    chronic_base_data: ChronicBaseDataTable;
    grids: GridsTable;
    grid_patients: GridPatientsTable;
    grid_doctor_loads: GridDoctorLoadsTable;
    grid_readings: GridReadingsTable;
    grid_logs: GridLogsTable;
    followup_calls: FollowupCallsTable;
  }
}
