import type { Generated } from 'kysely';
import type { HospLevel, Layer, Payer, PersonCat, Scheme, Setting, Tier } from './calc.ts';

// ---- one-stop settlement (issue 15): policy versions, settlements, accumulators, receivables ----

export interface SettlementPolicyVersionsTable {
  id: Generated<number>;
  county_id: number;
  version_no: number;
  title: string;
  effective_from: string;
  doc_ref: string;
  demo: Generated<boolean>;
  status: Generated<'draft' | 'published'>;
  based_on: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  published_by: number | null;
  published_at: Date | null;
}

export interface SettlementRulesTable {
  id: Generated<number>;
  version_id: number;
  scheme: 'resident' | 'employee';
  person_cat: PersonCat | '*';
  setting: Setting;
  layer: Layer;
  hosp_level: HospLevel | '*';
  deductible_fen: string | number | null;
  deductible_per: 'stay' | 'year' | null;
  ratio_bp: number | null;
  threshold_fen: string | number | null;
  tiers: Tier[] | string | null;
  annual_cap_fen: string | number | null;
  cap_fen: string | number | null;
  cap_scope: 'all' | 'compliant' | null;
  cap_period: 'stay' | 'year' | null;
  amount_fen: string | number | null;
  diseases: string[] | null;
  doc_ref: string | null;
}

export interface SettlementPackagesTable {
  id: Generated<number>;
  version_id: number;
  code: string;
  disease_name: string;
  icd_prefixes: string[];
  hosp_level: HospLevel | '*';
  org_id: number | null;
  fixed_price_fen: string | number;
  patient_share_bp: number;
  doc_ref: string | null;
}

export interface StayFinanceTable {
  stay_id: number;
  county_id: number;
  org_id: number;
  scheme: Scheme;
  person_cat: PersonCat;
  pay_later: boolean;
  deposit_asked_fen: Generated<string | number>;
  checked_by: number;
  checked_at: Generated<Date>;
}

export interface CashMovementsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  stay_id: number | null;
  visit_id: number | null;
  settlement_id: number | null;
  kind: 'deposit' | 'deposit_refund' | 'settlement_pay' | 'settlement_refund';
  amount_fen: string | number;
  method: 'cash' | 'card' | 'wechat' | 'alipay' | 'transfer';
  receipt_no: string;
  clerk_id: number;
  at: Generated<Date>;
  idempotency_key: string | null;
}

export interface ClaimBatchesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  payer: Payer;
  batch_no: string;
  period_from: string;
  period_to: string;
  status: Generated<'submitted' | 'returned'>;
  items: number;
  claimed_fen: string | number;
  paid_fen: string | number | null;
  created_by: number;
  created_at: Generated<Date>;
  returned_at: Date | null;
}

export interface ReceivablesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  settlement_id: number;
  payer: Payer;
  amount_fen: string | number;
  status: Generated<'open' | 'claimed' | 'paid' | 'partly_paid' | 'rejected' | 'written_off'>;
  batch_id: number | null;
  paid_fen: string | number | null;
  reject_reason: string | null;
  opened_on: string;
  resolved_at: Date | null;
}

// the settlement tables, merged into the kernel's DB type (the wide ones are read through sql``)
declare module '../platform/db-types.ts' {
  interface DB {
    settlement_policy_versions: SettlementPolicyVersionsTable;
    settlement_rules: SettlementRulesTable;
    settlement_packages: SettlementPackagesTable;
    stay_finance: StayFinanceTable;
    cash_movements: CashMovementsTable;
    claim_batches: ClaimBatchesTable;
    receivables: ReceivablesTable;
  }
}
