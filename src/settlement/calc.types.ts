/** The settlement chain's vocabulary: rules, packages, bills, accumulators and the national fields. */

export type Setting = 'inpatient' | 'outpatient' | 'chronic';
export type Scheme = 'resident' | 'employee' | 'none';
export type PersonCat = 'poor' | 'low_income' | 'extreme_poor' | 'general';
export type HospLevel = 'primary' | 'county' | 'city' | 'province';
export type Layer = 'basic' | 'serious' | 'supplementary' | 'assistance' | 'doudi' | 'deposit';
export type Payer = 'basic' | 'serious' | 'supplementary' | 'assistance' | 'doudi';
export const PAYERS: readonly Payer[] = ['basic', 'serious', 'supplementary', 'assistance', 'doudi'];

export interface Tier {
  /** the tier ends where the year's cumulative base reaches this (null: open-ended) */
  upto_fen: number | null;
  ratio_bp: number;
}

export interface Rule {
  id: number;
  scheme: 'resident' | 'employee';
  person_cat: PersonCat | '*';
  setting: Setting;
  layer: Layer;
  hosp_level: HospLevel | '*';
  deductible_fen: number | null;
  deductible_per: 'stay' | 'year' | null;
  ratio_bp: number | null;
  threshold_fen: number | null;
  tiers: Tier[] | null;
  annual_cap_fen: number | null;
  cap_fen: number | null;
  cap_scope: 'all' | 'compliant' | null;
  cap_period: 'stay' | 'year' | null;
  amount_fen: number | null;
  diseases: string[] | null;
  doc_ref: string | null;
}

export interface Package {
  id: number;
  code: string;
  disease_name: string;
  icd_prefixes: string[];
  hosp_level: HospLevel | '*';
  org_id: number | null;
  fixed_price_fen: number;
  patient_share_bp: number;
  doc_ref?: string | null;
}

/** the bill, summed per insurance class and 乙类 self-pay ratio (refund lines already netted) */
export interface BillGroup {
  insurance_class: 'class_a' | 'class_b' | 'self_pay';
  self_pay_bp: number;
  amount_fen: number;
}

/** what the person's year has used before this settlement (settlement_accumulators) */
export interface Accumulators {
  deductible_inpatient_fen: number;
  deductible_outpatient_fen: number;
  deductible_chronic_fen: number;
  basic_inpatient_fen: number;
  basic_outpatient_fen: number;
  basic_chronic_fen: number;
  serious_base_fen: number;
  serious_paid_fen: number;
  supplementary_fen: number;
  assistance_fen: number;
  own_paid_fen: number;
}
export const ZERO_ACCUMULATORS: Accumulators = {
  deductible_inpatient_fen: 0,
  deductible_outpatient_fen: 0,
  deductible_chronic_fen: 0,
  basic_inpatient_fen: 0,
  basic_outpatient_fen: 0,
  basic_chronic_fen: 0,
  serious_base_fen: 0,
  serious_paid_fen: 0,
  supplementary_fen: 0,
  assistance_fen: 0,
  own_paid_fen: 0,
};

/** the rules that apply to this settlement, one per layer (pickRules) */
export interface AppliedRules {
  basic?: Rule;
  serious?: Rule;
  supplementary?: Rule;
  assistance?: Rule;
  doudi?: Rule;
}

export interface CalcInput {
  setting: Setting;
  bill: BillGroup[];
  rules: AppliedRules;
  package: Package | null;
  before: Accumulators;
}

export interface CalcLine {
  layer: 'split' | 'deductible' | 'basic' | 'package' | 'hospital' | Payer | 'patient';
  base_fen: number;
  ratio_bp: number | null;
  amount_fen: number;
  rule_id: number | null;
  note: string;
}

/** the national 医保 settlement output fields, in fen */
export interface NationalFields {
  medfee_sumamt: number;
  fulamt_ownpay_amt: number;
  preselfpay_amt: number;
  inscp_scp_amt: number;
  act_pay_dedc: number;
  hifp_pay: number;
  pool_prop_selfpay: number;
  hifmi_pay: number;
  hifob_pay: number;
  maf_pay: number;
  oth_pay: number;
  hosp_part_amt: number;
  fund_pay_sumamt: number;
  psn_part_amt: number;
  acct_pay: number;
  psn_cash_pay: number;
}

export interface CalcResult {
  fields: NationalFields;
  lines: CalcLine[];
  /** the accumulators after this settlement */
  after: Accumulators;
  package_id: number | null;
}

export class CalcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
