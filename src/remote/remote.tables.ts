import type { ColumnType, Generated } from 'kysely';

// ---- 远程诊断与会诊 (issue 12): db/migrations/0090_remote.sql ----

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type StampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export type Centre = 'ecg' | 'imaging' | 'ultrasound' | 'pathology';
export type Priority = 'stat' | 'urgent' | 'routine';
export type RequestStatus =
  'awaiting_study' | 'ready' | 'claimed' | 'in_review' | 'issued' | 'recognised' | 'cancelled' | 'external';
export type ReportStatus = 'draft' | 'submitted' | 'issued' | 'superseded';
export type CriticalStatus = 'pending_check' | 'notified' | 'acknowledged' | 'acted' | 'documented' | 'withdrawn';
export type ConsultStatus =
  'applied' | 'accepted' | 'declined' | 'scheduled' | 'held' | 'opinion_signed' | 'decided' | 'closed' | 'cancelled';
export type KitKind = 'bp' | 'glucose' | 'spo2' | 'temperature' | 'ecg';

export interface RemoteItemsTable {
  code: string;
  centre: Centre;
  name: string;
  item_group: 'xray' | 'ct_mr' | 'histo' | 'frozen' | null;
  consent_required: boolean;
  exam_code: string | null;
  recognise_days: number | null;
  active: boolean;
}

export interface RemoteTurnaroundTable {
  id: Generated<number>;
  centre: Centre;
  item_group: string | null;
  priority: Priority | null;
  limit_value: number;
  limit_unit: 'minute' | 'working_hour' | 'working_day';
  effective_from: Stamp;
  effective_to: StampNull;
  note: string | null;
}

export interface RemoteFilesTable {
  sha256: string;
  county_id: number;
  mime: string;
  size_bytes: number;
  bytes: Buffer;
  created_at: Generated<Date>;
}

export interface RemoteRequestsTable {
  id: Generated<number>;
  county_id: number;
  /** set by the database (trigger remote_requests_fill) when not given */
  accession: ColumnType<string, string | undefined, string>;
  resident_id: number;
  requesting_org_id: number;
  requesting_staff_id: number;
  reading_org_id: number;
  centre: Centre;
  item_code: string;
  item_name: string;
  priority: Priority;
  patient_setting: Generated<'outpatient' | 'inpatient' | 'emergency'>;
  clinical_info: string | null;
  consent_at: StampNull;
  consent_by: string | null;
  source: Generated<'request' | 'exam_order' | 'kit'>;
  exam_order_id: number | null;
  status: Generated<RequestStatus>;
  requested_at: Stamp;
  device_at: StampNull;
  study_arrived_at: StampNull;
  turnaround_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** computed by the database from remote_turnaround when not given */
  due_at: ColumnType<Date, Date | string | undefined, Date | string>;
  claimed_by: number | null;
  claimed_at: StampNull;
  issued_at: StampNull;
  recognised_report_id: number | null;
  cancelled_reason: string | null;
  client_id: string | null;
  request_hash: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface RemoteStudiesTable {
  id: Generated<number>;
  county_id: number;
  request_id: number | null;
  uploaded_org_id: number;
  uploaded_by: number;
  format: 'dicom' | 'aecg' | 'pdf' | 'jpeg' | 'png';
  modality: string | null;
  study_uid: string | null;
  series_uid: string | null;
  sop_uid: string | null;
  instance_number: number | null;
  accession_in_file: string | null;
  patient_id_in_file: string | null;
  patient_name: string | null;
  declared_charset: string | null;
  meta: Json;
  sha256: string;
  file_name: string | null;
  device_at: StampNull;
  received_at: Stamp;
  client_id: string | null;
}

export interface RemoteReportsTable {
  id: Generated<number>;
  county_id: number;
  request_id: number;
  version: number;
  kind: Centre;
  status: Generated<ReportStatus>;
  rhythm: string | null;
  heart_rate: number | null;
  pr_ms: number | null;
  qrs_ms: number | null;
  qt_ms: number | null;
  qtc_ms: number | null;
  axis_deg: number | null;
  findings: Generated<string>;
  conclusion: Generated<string>;
  abnormal: Generated<boolean>;
  author_id: number;
  authored_at: Stamp;
  submitted_at: StampNull;
  reviewer_id: number | null;
  issued_at: StampNull;
  superseded_at: StampNull;
  amends_report_id: number | null;
  amendment_reason: string | null;
}

export interface RemoteReportReadsTable {
  report_id: number;
  staff_id: number;
  county_id: number;
  read_at: Stamp;
}

export interface RemoteCriticalItemsTable {
  code: string;
  centre: Centre | 'lab';
  name: string;
  criterion: string | null;
  effective_from: ColumnType<string, string, string>;
  effective_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RemoteCriticalsTable {
  id: Generated<number>;
  county_id: number;
  request_id: number;
  report_id: number | null;
  requesting_org_id: number;
  item_code: string;
  detail: string;
  status: Generated<CriticalStatus>;
  flagged_by: number;
  flagged_at: Stamp;
  checked_by: number | null;
  checked_at: StampNull;
  notified_at: StampNull;
  ack_by: number | null;
  ack_at: StampNull;
  readback: string | null;
  patient_status: 'present' | 'left' | 'inpatient' | null;
  acted_by: number | null;
  acted_at: StampNull;
  action_text: string | null;
  noted_by: number | null;
  noted_at: StampNull;
  note_text: string | null;
  withdrawn_reason: string | null;
}

export interface OrgDutyTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  duty: 'duty_doctor' | 'lead' | 'medical_office';
  staff_id: number;
  effective_from: Stamp;
  effective_to: StampNull;
}

export interface RemoteEscalationsTable {
  id: Generated<number>;
  county_id: number;
  critical_id: number;
  level: 'unacknowledged_15' | 'not_acted_30' | 'note_due_6h';
  due_at: Stamp;
  created_at: Stamp;
  target_staff: ColumnType<number[], number[] | undefined, number[]>;
  target_org_id: number | null;
}

export interface RemoteTasksTable {
  id: Generated<number>;
  county_id: number;
  critical_id: number;
  kind: 'call_back' | 'progress_note';
  org_id: number;
  staff_id: number | null;
  due_at: Stamp;
  created_at: Stamp;
  done_at: StampNull;
  done_by: number | null;
  outcome: string | null;
}

export interface RemoteNotificationsTable {
  id: ColumnType<string, string | number | undefined, never>;
  county_id: number;
  org_id: number;
  staff_id: number | null;
  kind: 'critical' | 'escalation' | 'report' | 'amendment' | 'task' | 'consult';
  critical_id: number | null;
  request_id: number | null;
  consult_id: number | null;
  title: string;
  body: string | null;
  created_at: Stamp;
}

export interface RemoteConsultsTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  requesting_org_id: number;
  requesting_staff_id: number;
  invited_org_id: number;
  invited_staff_id: number | null;
  speciality: string | null;
  mode: 'async' | 'scheduled';
  purpose: string;
  clinical_summary: string;
  status: Generated<ConsultStatus>;
  decline_reason: string | null;
  accepted_by: number | null;
  accepted_at: StampNull;
  consent_at: StampNull;
  consent_by: string | null;
  scheduled_at: StampNull;
  video_link: string | null;
  started_at: StampNull;
  ended_at: StampNull;
  opinion: string | null;
  opinion_by: number | null;
  opinion_signed_at: StampNull;
  decision: string | null;
  decided_by: number | null;
  decided_at: StampNull;
  closed_at: StampNull;
  fee_fen: Generated<number>;
  client_id: string | null;
  created_at: Stamp;
  version: Generated<number>;
}

export interface RemoteConsultFilesTable {
  consult_id: number;
  sha256: string;
  county_id: number;
  file_name: string;
  added_by: number;
  added_at: Stamp;
}

export interface KitDevicesTable {
  id: string;
  county_id: number;
  org_id: number;
  model: string | null;
  has_ecg: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface KitLimitsTable {
  id: Generated<number>;
  field: 'systolic' | 'diastolic' | 'pulse' | 'glucose' | 'spo2' | 'temperature' | 'heart_rate';
  plausible_min: string;
  plausible_max: string;
  alert_low: string | null;
  alert_high: string | null;
  effective_from: Stamp;
  effective_to: StampNull;
}

export interface KitReadingsTable {
  device_id: string;
  reading_id: string;
  county_id: number;
  org_id: number;
  resident_id: number;
  staff_id: number;
  kind: KitKind;
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  glucose: string | null;
  glucose_ctx: 'fasting' | 'postprandial' | 'random' | null;
  spo2: number | null;
  temperature: string | null;
  heart_rate: number | null;
  ecg_leads: 1 | 12 | null;
  study_id: number | null;
  request_id: number | null;
  flagged: Generated<boolean>;
  flag_reasons: ColumnType<string[], string[] | undefined, string[]>;
  reviewed_by: number | null;
  reviewed_at: StampNull;
  measured_at: Stamp;
  received_at: Stamp;
}

declare module '../platform/db-types.ts' {
  interface DB {
    remote_items: RemoteItemsTable;
    remote_turnaround: RemoteTurnaroundTable;
    remote_files: RemoteFilesTable;
    remote_requests: RemoteRequestsTable;
    remote_studies: RemoteStudiesTable;
    remote_reports: RemoteReportsTable;
    remote_report_reads: RemoteReportReadsTable;
    remote_critical_items: RemoteCriticalItemsTable;
    remote_criticals: RemoteCriticalsTable;
    org_duty: OrgDutyTable;
    remote_escalations: RemoteEscalationsTable;
    remote_tasks: RemoteTasksTable;
    remote_notifications: RemoteNotificationsTable;
    remote_consults: RemoteConsultsTable;
    remote_consult_files: RemoteConsultFilesTable;
    kit_devices: KitDevicesTable;
    kit_limits: KitLimitsTable;
    kit_readings: KitReadingsTable;
  }
}
