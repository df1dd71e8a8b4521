import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgsTable {
  id: Generated<number>;
  county_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: string;
  level: string;
  path: string;
  division_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  specialities: string[];
  beds: number;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DepartmentsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  code: string;
  name: string;
  speciality: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StaffTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number | null;
  username: string;
  display_name: string;
  title: string | null;
  roles: string[];
  mobile: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  staff_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  revoked_at: Date | null;
}

export interface ResidentsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  id_number: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sex: 'M' | 'F';
  birth_date: string;
  mobile: string | null;
  village: string | null;
  household_no: string | null;
  address: string | null;
  insurance_type: string;
  registered_poor: boolean;
  chronic_conditions: string[];
  deceased_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  seq: Generated<string | null>;
  at: Generated<Date>;
  county_id: number | null;
  user_id: number | null;
  username: string | null;
  role: string | null;
  org_id: number | null;
  action: string;
  resource: string | null;
  resource_id: string | null;
  resident_id: number | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  ip: string | null;
  detail: unknown;
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}

export interface DB {
  orgs: OrgsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  sessions: SessionsTable;
  residents: ResidentsTable;
  audit_log: AuditLogTable;
  // referrals (issue 3)
  referral_state_rules: ReferralStateRulesTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_escalations: ReferralEscalationsTable;
  referral_deadline_settings: ReferralDeadlineSettingsTable;
  referral_attachments: ReferralAttachmentsTable;
  referral_tasks: ReferralTasksTable;
  referral_task_notes: ReferralTaskNotesTable;
  referral_reads: ReferralReadsTable;
  exam_catalogue: ExamCatalogueTable;
  exam_orders: ExamOrdersTable;
  beds: BedsTable;
  admission_requests: AdmissionRequestsTable;
  out_of_county_visits: OutOfCountyVisitsTable;
}

// ---- clinics (issue 4): expert clinics, slots, bookings, queue, portal, subsidy ----
// Declared as a second `interface DB` block: TypeScript merges it with the one above.

export interface ClinicSettingsTable {
  county_id: number;
  release_days: Generated<number>;
  release_time: Generated<string>;
  cancel_cutoff_minutes: Generated<number>;
  referral_hold_hours: Generated<number>;
  no_show_limit: Generated<number>;
  no_show_window_days: Generated<number>;
  suspension_days: Generated<number>;
  minutes_per_patient: Generated<number>;
  avg_out_of_county_cost_fen: Generated<number>;
  avg_travel_cost_fen: Generated<number>;
  avg_in_county_cost_fen: Generated<number>;
  updated_at: Timestamp;
}

export interface ExpertsTable {
  id: Generated<number>;
  county_id: number;
  staff_id: number | null;
  name: string;
  title: string;
  home_hospital: string;
  hospital_level: 'national' | 'provincial' | 'city' | 'county';
  speciality: string;
  native_place: string | null;
  alliance_member: Generated<boolean>;
  mobile: string | null;
  email: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ClinicSessionsTable {
  id: Generated<number>;
  county_id: number;
  kind: 'expert' | 'ordinary';
  session_type: 'clinic' | 'ward_round' | 'operation' | 'teaching';
  expert_id: number | null;
  doctor_name: string | null;
  org_id: number;
  department_id: number;
  room: string;
  session_date: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  release_at: Timestamp;
  hold_until: Timestamp;
  status: 'pending_approval' | 'published' | 'cancelled' | 'closed';
  capacity: number;
  subsidy_fen: Generated<number>;
  approved_by: number | null;
  cancel_reason: string | null;
  queue_seq: Generated<number>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ClinicSlotsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  hold_until: Timestamp;
  capacity: number;
  held: Generated<number>;
  booked: Generated<number>;
  booked_referred: Generated<number>;
}

export type ClinicBookingStatus = 'confirmed' | 'cancelled' | 'checked_in' | 'completed' | 'no_show';

export interface ClinicBookingsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  slot_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  resident_name: string;
  resident_birth_date: string;
  status: ClinicBookingStatus;
  channel: 'staff' | 'self' | 'waitlist';
  referred: Generated<boolean>;
  referral_id: number | null;
  idempotency_owner: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  no_show_at: Date | null;
}

export interface ClinicWaitlistTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  resident_name: string;
  resident_birth_date: string;
  referred: Generated<boolean>;
  status: 'waiting' | 'promoted' | 'cancelled' | 'expired';
  booking_id: number | null;
  channel: 'staff' | 'self';
  created_at: Generated<Date>;
  promoted_at: Date | null;
}

export interface ClinicNotificationsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  booking_id: number | null;
  kind: 'session_cancelled' | 'waitlist_promoted' | 'booking_confirmed' | 'booking_cancelled';
  message: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface ClinicSuspensionsTable {
  resident_id: number;
  county_id: number;
  until: Timestamp;
  reason: string;
  created_at: Generated<Date>;
}

export interface ClinicQueueTicketsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  booking_id: number;
  org_id: number;
  department_id: number;
  resident_id: number;
  resident_org_id: number;
  number: number;
  masked_name: string;
  priority: number;
  priority_reason: string | null;
  status: 'waiting' | 'called' | 'skipped' | 'done';
  room: string;
  token_hash: string;
  checked_in_at: Generated<Date>;
  called_at: Date | null;
  call_count: Generated<number>;
  finished_at: Date | null;
}

export interface ClinicScreensTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number;
  name: string;
  token_hash: string;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface PortalCodesTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface PortalSessionsTable {
  id: string;
  county_id: number;
  resident_id: number;
  resident_org_id: number;
  expires_at: Timestamp;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface ClinicBudgetsTable {
  county_id: number;
  year: number;
  budget_fen: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ClinicSubsidyRatesTable {
  county_id: number;
  session_type: 'clinic' | 'ward_round' | 'operation' | 'teaching';
  subsidy_fen: number;
}

export interface DB {
  clinic_settings: ClinicSettingsTable;
  experts: ExpertsTable;
  clinic_sessions: ClinicSessionsTable;
  clinic_slots: ClinicSlotsTable;
  clinic_bookings: ClinicBookingsTable;
  clinic_waitlist: ClinicWaitlistTable;
  clinic_notifications: ClinicNotificationsTable;
  clinic_suspensions: ClinicSuspensionsTable;
  clinic_queue_tickets: ClinicQueueTicketsTable;
  clinic_screens: ClinicScreensTable;
  portal_codes: PortalCodesTable;
  portal_sessions: PortalSessionsTable;
  clinic_budgets: ClinicBudgetsTable;
  clinic_subsidy_rates: ClinicSubsidyRatesTable;
}

// ---- referrals (issue 3): db/migrations/0010-0013 ----
export interface ReferralStateRulesTable { action: string; from_status: string; to_status: string; side: string }

export interface ReferralsTable {
  id: Generated<number>;
  county_id: number;
  direction: 'up' | 'down';
  status: string;
  resident_id: number;
  resident_snapshot: ColumnType<unknown, string, string>;
  origin_org_id: number;
  from_org_id: number;
  from_staff_id: number;
  to_org_id: number;
  to_department_id: number | null;
  urgency: string;
  reason: string;
  diagnosis_code: string;
  diagnosis_name: string;
  summary: ColumnType<unknown, string, string>;
  consent_by: string | null;
  consent_at: Date | null;
  out_of_county: boolean;
  out_reason: string | null;
  suggested_level: string | null;
  priority: Generated<boolean>;
  parent_id: number | null;
  discharge_summary: string | null;
  care_plan: ColumnType<unknown, string | null, string | null>;
  deadline_at: Date | null;
  deadline_round: Generated<number>;
  escalation_level: Generated<number>;
  decision_note: string | null;
  decided_by: number | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  arrived_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  idempotency_key: string;
  request_hash: string;
  created_by: number;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReferralEventsTable {
  id: Generated<string>;
  county_id: number;
  referral_id: number;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  actor_org_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  detail: ColumnType<unknown, string | null, string | null>;
}

export interface ReferralEscalationsTable {
  referral_id: number;
  round: number;
  level: number;
  county_id: number;
  target_role: string;
  at: Date;
}

export interface ReferralDeadlineSettingsTable { county_id: number; urgency: string; accept_minutes: number }

export interface ReferralAttachmentsTable {
  id: Generated<number>;
  county_id: number;
  referral_id: number;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: number;
  uploaded_at: Generated<Date>;
}

export interface ReferralTasksTable {
  id: Generated<number>;
  county_id: number;
  referral_id: number;
  org_id: number;
  kind: string;
  title: string;
  detail: string | null;
  due_on: string | null;
  status: Generated<string>;
  confirmed_by: number | null;
  confirmed_at: Date | null;
  done_at: Date | null;
  created_at: Generated<Date>;
}

export interface ReferralTaskNotesTable {
  id: Generated<number>;
  county_id: number;
  task_id: number;
  referral_id: number;
  author_id: number;
  author_name: string;
  org_id: number;
  text: string;
  at: Generated<Date>;
}

export interface ExamCatalogueTable {
  code: string;
  name: string;
  category: string;
  price_fen: number;
  mutual_recognition: boolean;
  active: Generated<boolean>;
}

export interface ExamOrdersTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  referral_id: number | null;
  ordering_org_id: number;
  ordering_staff_id: number;
  performing_org_id: number;
  item_code: string;
  item_name: string;
  category: string;
  price_fen: number;
  recognised: boolean;
  urgency: string;
  priority: Generated<boolean>;
  status: Generated<string>;
  clinical_note: string | null;
  scheduled_at: Date | null;
  performed_at: Date | null;
  result_text: string | null;
  result_flag: string | null;
  reported_at: Date | null;
  reported_by: number | null;
  idempotency_key: string;
  request_hash: string;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface BedsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number;
  code: string;
  active: Generated<boolean>;
}

export interface AdmissionRequestsTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  referral_id: number | null;
  org_id: number;
  department_id: number;
  urgency: string;
  priority: Generated<boolean>;
  status: Generated<string>;
  bed_id: number | null;
  note: string | null;
  requested_by: number;
  requested_at: Generated<Date>;
  admitted_at: Date | null;
  discharged_at: Date | null;
}

export interface OutOfCountyVisitsTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  resident_org_id: number;
  visit_date: string;
  hospital_name: string;
  hospital_level: string;
  region: string | null;
  visit_type: string;
  diagnosis_code: string | null;
  diagnosis_name: string | null;
  cost_fen: number | null;
  reason: string | null;
  source: string;
  import_batch: string | null;
  entered_by: number;
  created_at: Generated<Date>;
}

export interface ReferralReadsTable { staff_id: number; referral_id: number; seen_at: Date }
