import type { Generated } from 'kysely';

// ---- care (issue 10): visits, stays, charges; wards and beds live with orgs ----

export type ChargeCategory =
  'drug' | 'consumable' | 'exam' | 'lab' | 'treatment' | 'operation' | 'bed' | 'nursing' | 'other';
export type InsuranceClass = 'class_a' | 'class_b' | 'self_pay';
export type VisitStatus = 'open' | 'closed' | 'cancelled';
export type StayStatus = 'admitted' | 'discharged' | 'cancelled';
export type Disposition = 'home' | 'down_referral' | 'transfer_out' | 'death' | 'other';
export type CareSource = 'local' | 'his' | 'seed';
export interface DiagnosisEntry {
  code: string;
  name: string;
}

export interface ChargeItemsTable {
  code: string;
  name: string;
  category: ChargeCategory;
  insurance_class: InsuranceClass;
  self_pay_bp: Generated<number>;
  unit: Generated<string>;
  spec: string | null;
  tcm: Generated<boolean>;
  active: Generated<boolean>;
}

export interface ChargePricesTable {
  id: Generated<number>;
  county_id: number;
  item_code: string;
  price_fen: number;
  valid_from: Date;
  valid_to: Date | null;
  source_document: string;
  created_at: Generated<Date>;
}

export interface VisitsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  department_id: number | null;
  registered_at: Date;
  visit_day: string;
  queue_no: number | null;
  chief_complaint: string | null;
  diagnoses: Generated<DiagnosisEntry[]>;
  tcm: Generated<boolean>;
  referral_id: number | null;
  clinic_session_id: number | null;
  status: Generated<VisitStatus>;
  source: CareSource;
  external_number: string | null;
  doctor_id: number | null;
  created_by: number | null;
  idempotency_key: string | null;
  request_hash: string | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  created_at: Generated<Date>;
}

export interface CareDayClosesTable {
  org_id: number;
  day: string;
  county_id: number;
  closed_by: number;
  closed_at: Generated<Date>;
  visits: number;
}

export interface VisitQueueCountersTable {
  org_id: number;
  day: string;
  last_no: number;
}

export interface VisitAmendmentsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  visit_id: number;
  what: string;
  before: unknown;
  after: unknown;
  reason: string;
  staff_id: number | null;
  at: Generated<Date>;
}

export interface VisitExamOrdersTable {
  visit_id: number;
  exam_order_id: number;
  org_id: number;
}

export interface PrescriptionsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  visit_id: number;
  resident_id: number;
  prescribed_by: number;
  prescribed_at: Generated<Date>;
  tcm: Generated<boolean>;
  status: Generated<'issued' | 'dispensed' | 'cancelled'>;
  idempotency_key: string;
  request_hash: string;
}

export interface PrescriptionLinesTable {
  id: Generated<number>;
  prescription_id: number;
  org_id: number;
  line_no: number;
  item_code: string;
  dose: string;
  route: string;
  frequency: string;
  days: number;
  quantity: string | number;
}

export interface StaysTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  department_id: number;
  bed_id: number | null;
  admitted_at: Date;
  admission_diagnoses: Generated<DiagnosisEntry[]>;
  admission_request_id: number | null;
  referral_id: number | null;
  status: Generated<StayStatus>;
  discharged_at: Date | null;
  discharge_diagnoses: Generated<DiagnosisEntry[]>;
  disposition: Disposition | null;
  down_referral_id: number | null;
  length_of_stay_days: number | null;
  last_bed_id: number | null;
  source: CareSource;
  external_number: string | null;
  created_by: number | null;
  idempotency_key: string | null;
  request_hash: string | null;
  cancelled_at: Date | null;
  created_at: Generated<Date>;
}

export interface StayMovementsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  stay_id: number;
  department_id: number;
  bed_id: number | null;
  from_at: Date;
  to_at: Date | null;
  kind: 'admission' | 'transfer';
}

export interface StayOperationsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  stay_id: number;
  code: string | null;
  name: string;
  grade: number;
  performed_at: Date;
  surgeon_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface FeeLinesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  visit_id: number | null;
  stay_id: number | null;
  resident_id: number;
  item_code: string;
  item_name: string;
  category: ChargeCategory;
  insurance_class: InsuranceClass;
  self_pay_bp: number;
  quantity: string | number;
  unit_price_fen: number;
  price_id: number | null;
  amount_fen: string | number | bigint;
  charged_at: Date;
  prescription_id: number | null;
  exam_order_id: number | null;
  external_line_id: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

// the care tables, merged into the kernel's DB type
declare module '../platform/db-types.ts' {
  interface DB {
    charge_items: ChargeItemsTable;
    charge_prices: ChargePricesTable;
    visits: VisitsTable;
    care_day_closes: CareDayClosesTable;
    visit_queue_counters: VisitQueueCountersTable;
    visit_amendments: VisitAmendmentsTable;
    visit_exam_orders: VisitExamOrdersTable;
    prescriptions: PrescriptionsTable;
    prescription_lines: PrescriptionLinesTable;
    stays: StaysTable;
    stay_movements: StayMovementsTable;
    stay_operations: StayOperationsTable;
    fee_lines: FeeLinesTable;
  }
}
