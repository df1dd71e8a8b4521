import type { ColumnType, Generated } from 'kysely';
import type { AdmissionStatus } from './admission.schema.ts';
import type { ExamCategory, ExamResultFlag, ExamStatus } from './exam-order.schema.ts';
import type { CareLevel } from './icd10.ts';
import type { HospitalLevel, VisitSource, VisitType } from './out-of-county.schema.ts';
import type { ResidentSnapshot, TaskStatus } from './referral.schema.ts';
import type { ReferralAction, ReferralEventAction, ReferralStatus, Side, Urgency } from './referral.states.ts';

// ---- referrals (issue 3): db/migrations/0010-0013 ----
export interface ReferralStateRulesTable {
  action: ReferralAction;
  from_status: ReferralStatus;
  to_status: ReferralStatus;
  side: Side;
}

export interface ReferralsTable {
  id: Generated<number>;
  county_id: number;
  direction: 'up' | 'down';
  status: ReferralStatus;
  resident_id: number;
  resident_snapshot: ColumnType<ResidentSnapshot, string, string>;
  origin_org_id: number;
  from_org_id: number;
  from_staff_id: number;
  to_org_id: number;
  to_department_id: number | null;
  urgency: Urgency;
  reason: string;
  diagnosis_code: string;
  diagnosis_name: string;
  summary: ColumnType<unknown, string, string>;
  consent_by: string | null;
  consent_at: Date | null;
  out_of_county: boolean;
  out_reason: string | null;
  suggested_level: CareLevel | null;
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
  action: ReferralEventAction;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
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

export interface ReferralDeadlineSettingsTable {
  county_id: number;
  urgency: Urgency;
  accept_minutes: number;
}

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
  status: Generated<TaskStatus>;
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
  category: ExamCategory;
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
  category: ExamCategory;
  price_fen: number;
  recognised: boolean;
  urgency: Urgency;
  priority: Generated<boolean>;
  status: Generated<ExamStatus>;
  clinical_note: string | null;
  /** written as the ISO 8601 string the client sent (offset included) */
  scheduled_at: ColumnType<Date | null, string | null | undefined, string | null>;
  performed_at: Date | null;
  result_text: string | null;
  result_flag: ExamResultFlag | null;
  reported_at: Date | null;
  reported_by: number | null;
  idempotency_key: string;
  request_hash: string;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface AdmissionRequestsTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  referral_id: number | null;
  org_id: number;
  department_id: number;
  urgency: Urgency;
  priority: Generated<boolean>;
  status: Generated<AdmissionStatus>;
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
  hospital_level: HospitalLevel;
  region: string | null;
  visit_type: VisitType;
  diagnosis_code: string | null;
  diagnosis_name: string | null;
  cost_fen: number | null;
  fund_paid_fen?: number | null;
  reason: string | null;
  source: VisitSource;
  import_batch: string | null;
  entered_by: number;
  created_at: Generated<Date>;
}

export interface ReferralReadsTable {
  staff_id: number;
  referral_id: number;
  seen_at: Date;
}

// the referral tables, merged into the kernel's DB type
declare module '../platform/db-types.ts' {
  interface DB {
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
    admission_requests: AdmissionRequestsTable;
    out_of_county_visits: OutOfCountyVisitsTable;
  }
}
