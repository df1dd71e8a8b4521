/**
 * The one-stop settlement chain (一站式结算), a pure function: integer fen, ratios in basis
 * points, every layer rounded half-up to the fen with its remainder passed on, so the layers
 * plus the patient's part equal the total by construction. No policy number lives here: the
 * rules come from the version in force (settlement_rules), the year so far from the person's
 * accumulators. Order: split the bill → 基本医保 → 大病保险 → 补充医疗保险 → 医疗救助 → "136"兜底.
 */

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

/** base × ratio, half-up to the fen (base ≥ 0) */
export function halfUp(baseFen: number, ratioBp: number): number {
  const n = baseFen * ratioBp;
  if (!Number.isSafeInteger(n)) throw new CalcError('AMOUNT_TOO_LARGE', '金额超出可计算范围');
  return Math.floor((n + 5000) / 10000);
}

const deductibleKey = {
  inpatient: 'deductible_inpatient_fen',
  outpatient: 'deductible_outpatient_fen',
  chronic: 'deductible_chronic_fen',
} as const;
const basicKey = {
  inpatient: 'basic_inpatient_fen',
  outpatient: 'basic_outpatient_fen',
  chronic: 'basic_chronic_fen',
} as const;

const capLeft = (capFen: number | null, usedFen: number) =>
  capFen === null ? Infinity : Math.max(0, capFen - usedFen);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * The portion of [from, from + add) of the year's cumulative base that lies above the
 * threshold, priced tier by tier: Σ segment × ratio, rounded half-up once.
 */
export function tieredAmount(
  fromFen: number,
  addFen: number,
  thresholdFen: number,
  tiers: readonly Tier[],
): { base: number; amount: number; numerator: number } {
  const start = Math.max(fromFen, thresholdFen);
  const end = fromFen + addFen;
  if (end <= start) return { base: 0, amount: 0, numerator: 0 };
  let numerator = 0;
  let lower = thresholdFen;
  for (const t of tiers) {
    const upper = t.upto_fen ?? Infinity;
    const a = Math.max(start, lower);
    const b = Math.min(end, upper);
    if (b > a) numerator += (b - a) * t.ratio_bp;
    lower = upper;
    if (lower >= end) break;
  }
  if (!Number.isSafeInteger(numerator)) throw new CalcError('AMOUNT_TOO_LARGE', '金额超出可计算范围');
  return { base: end - start, amount: Math.floor((numerator + 5000) / 10000), numerator };
}

/** The chain. Throws CalcError for a bill it cannot settle (a negative class total). */
export function calculate(input: CalcInput): CalcResult {
  const { rules, setting, before } = input;
  const after: Accumulators = { ...before };
  const lines: CalcLine[] = [];
  for (const g of input.bill) {
    if (!Number.isSafeInteger(g.amount_fen) || g.amount_fen < 0)
      throw new CalcError('NEGATIVE_BILL', '费用合计为负或不是整数分：请先核对退费');
  }
  // 1. the split: 全自费 (outside the catalogue), 乙类先行自付, 政策范围内
  const total = input.bill.reduce((s, g) => s + g.amount_fen, 0);
  const fulamt = input.bill.filter((g) => g.insurance_class === 'self_pay').reduce((s, g) => s + g.amount_fen, 0);
  const preself = input.bill
    .filter((g) => g.insurance_class === 'class_b')
    .reduce((s, g) => s + halfUp(g.amount_fen, g.self_pay_bp), 0);
  const inscp = total - fulamt - preself;
  lines.push({
    layer: 'split',
    base_fen: total,
    ratio_bp: null,
    amount_fen: inscp,
    rule_id: null,
    note: `合计 ${yuan(total)}，全自费 ${yuan(fulamt)}，乙类先行自付 ${yuan(preself)}，政策范围内 ${yuan(inscp)}`,
  });

  let dedc = 0;
  let hifp = 0;
  let poolSelf = 0;
  let hifmi = 0;
  let hospPart = 0;
  let packageId: number | null = null;
  // what of the compliant amount the patient still carries
  let compliantLeft = inscp;
  // what the patient carries outside the compliant amount (全自费 + 乙类先行自付); none under a package
  let ownOutside = fulamt + preself;

  const pkg = setting === 'inpatient' ? input.package : null;
  if (pkg) {
    // 2'. 单病种付费: the fund pays the fixed price less the patient's share; the hospital carries any cost above it
    packageId = pkg.id;
    const basis = Math.min(total, pkg.fixed_price_fen);
    hospPart = total - basis;
    const share = halfUp(basis, pkg.patient_share_bp);
    hifp = basis - share;
    lines.push({
      layer: 'package',
      base_fen: basis,
      ratio_bp: 10000 - pkg.patient_share_bp,
      amount_fen: hifp,
      rule_id: null,
      note: `单病种 ${pkg.code} ${pkg.disease_name}：定额 ${yuan(pkg.fixed_price_fen)}，个人负担 ${pkg.patient_share_bp / 100}%`,
    });
    if (hospPart > 0)
      lines.push({
        layer: 'hospital',
        base_fen: total,
        ratio_bp: null,
        amount_fen: hospPart,
        rule_id: null,
        note: '超出定额部分由医院承担',
      });
    after[basicKey.inpatient] += hifp;
    // the patient's share goes on through the later layers as if it were compliant self-pay; the
    // fixed price covers the whole bill, so nothing outside the catalogue is the patient's on top
    compliantLeft = share;
    ownOutside = 0;
    const fields = finish();
    return fields;
  }

  // 2. 基本医保: compliant minus the deductible still to pay, × ratio, within the year's fund cap
  if (rules.basic) {
    const r = rules.basic;
    const dKey = deductibleKey[setting];
    const dedRemaining =
      r.deductible_per === 'year' ? Math.max(0, (r.deductible_fen ?? 0) - before[dKey]) : (r.deductible_fen ?? 0);
    dedc = Math.min(inscp, dedRemaining);
    after[dKey] += dedc;
    const base = inscp - dedc;
    const bKey = basicKey[setting];
    const raw = halfUp(base, r.ratio_bp ?? 0);
    hifp = Math.min(raw, capLeft(r.annual_cap_fen, before[bKey]));
    poolSelf = base - hifp;
    after[bKey] += hifp;
    if (dedc > 0)
      lines.push({
        layer: 'deductible',
        base_fen: dedRemaining,
        ratio_bp: null,
        amount_fen: dedc,
        rule_id: r.id,
        note: `起付线（${r.deductible_per === 'year' ? '年度' : '每次'}）${yuan(r.deductible_fen ?? 0)}，本次支付 ${yuan(dedc)}`,
      });
    lines.push({
      layer: 'basic',
      base_fen: base,
      ratio_bp: r.ratio_bp,
      amount_fen: hifp,
      rule_id: r.id,
      note:
        raw > hifp
          ? `年度统筹限额 ${yuan(r.annual_cap_fen ?? 0)} 已用 ${yuan(before[bKey])}，超出部分 ${yuan(raw - hifp)} 转个人`
          : '',
    });
    compliantLeft = inscp - hifp;
  }

  // 3. 大病保险: on the year's cumulative compliant self-pay above the threshold, tier by tier
  if (rules.serious) {
    const r = rules.serious;
    const t = tieredAmount(before.serious_base_fen, compliantLeft, r.threshold_fen ?? 0, r.tiers ?? []);
    hifmi = Math.min(t.amount, capLeft(r.annual_cap_fen, before.serious_paid_fen));
    after.serious_base_fen += compliantLeft;
    after.serious_paid_fen += hifmi;
    lines.push({
      layer: 'serious',
      base_fen: t.base,
      ratio_bp: t.base > 0 ? Math.round(t.numerator / t.base) : null,
      amount_fen: hifmi,
      rule_id: r.id,
      note: `年度累计合规自付 ${yuan(before.serious_base_fen)} + 本次 ${yuan(compliantLeft)}，起付 ${yuan(r.threshold_fen ?? 0)}`,
    });
    compliantLeft -= hifmi;
  }
  return finish();

  function finish(): CalcResult {
    // 4. 补充医疗保险 and 5. 医疗救助: each on what is left, above its threshold, within its annual cap
    const supp = simpleLayer('supplementary', rules.supplementary, 'supplementary_fen');
    const maf = simpleLayer('assistance', rules.assistance, 'assistance_fen');
    // 6. "136" 兜底: own payment above the cap (per stay or per year, all own payment or the compliant part)
    const patientBefore = compliantLeft + ownOutside;
    let oth = 0;
    if (rules.doudi) {
      const r = rules.doudi;
      const own = r.cap_scope === 'compliant' ? compliantLeft : patientBefore;
      const allowed = r.cap_period === 'year' ? Math.max(0, (r.cap_fen ?? 0) - before.own_paid_fen) : (r.cap_fen ?? 0);
      oth = Math.max(0, own - allowed);
      after.own_paid_fen += own - oth;
      lines.push({
        layer: 'doudi',
        base_fen: own,
        ratio_bp: null,
        amount_fen: oth,
        rule_id: r.id,
        note: `个人负担封顶 ${yuan(r.cap_fen ?? 0)}（${r.cap_period === 'year' ? '年度' : '每次'}，${r.cap_scope === 'compliant' ? '政策范围内' : '全部自付'}）`,
      });
    } else after.own_paid_fen += patientBefore;
    const psn = patientBefore - oth;
    lines.push({ layer: 'patient', base_fen: patientBefore, ratio_bp: null, amount_fen: psn, rule_id: null, note: '' });
    const fields: NationalFields = {
      medfee_sumamt: total,
      fulamt_ownpay_amt: fulamt,
      preselfpay_amt: preself,
      inscp_scp_amt: inscp,
      act_pay_dedc: dedc,
      hifp_pay: hifp,
      pool_prop_selfpay: poolSelf,
      hifmi_pay: hifmi,
      hifob_pay: supp,
      maf_pay: maf,
      oth_pay: oth,
      hosp_part_amt: hospPart,
      fund_pay_sumamt: hifp + hifmi + supp + maf + oth,
      psn_part_amt: psn,
      acct_pay: 0,
      psn_cash_pay: psn,
    };
    if (fields.fund_pay_sumamt + hospPart + psn !== total) throw new Error('settlement does not balance');
    return { fields, lines, after, package_id: packageId };
  }

  function simpleLayer(
    layer: 'supplementary' | 'assistance',
    r: Rule | undefined,
    key: 'supplementary_fen' | 'assistance_fen',
  ): number {
    if (!r) return 0;
    const base = Math.max(0, compliantLeft - (r.threshold_fen ?? 0));
    const raw = halfUp(base, r.ratio_bp ?? 0);
    const amount = Math.min(raw, capLeft(r.annual_cap_fen, before[key]));
    after[key] += amount;
    lines.push({
      layer,
      base_fen: base,
      ratio_bp: r.ratio_bp,
      amount_fen: amount,
      rule_id: r.id,
      note: raw > amount ? `年度限额 ${yuan(r.annual_cap_fen ?? 0)} 已用 ${yuan(before[key])}` : '',
    });
    compliantLeft -= amount;
    return amount;
  }
}

/**
 * The rule of each layer for one settlement: rows match on scheme and setting exactly and
 * on person category and hospital level exactly or by '*'; the most specific wins (person
 * category before level). A chronic basic rule applies only to its listed diagnoses.
 */
export function pickRules(
  all: readonly Rule[],
  who: { scheme: Scheme; personCat: PersonCat; setting: Setting; hospLevel: HospLevel },
): AppliedRules {
  const out: AppliedRules = {};
  if (who.scheme === 'none') return out;
  for (const layer of ['basic', 'serious', 'supplementary', 'assistance', 'doudi'] as const) {
    let best: Rule | undefined;
    let bestScore = -1;
    for (const r of all) {
      if (r.layer !== layer || r.scheme !== who.scheme || r.setting !== who.setting) continue;
      if (r.person_cat !== '*' && r.person_cat !== who.personCat) continue;
      if (r.hosp_level !== '*' && r.hosp_level !== who.hospLevel) continue;
      const score = (r.person_cat === '*' ? 0 : 2) + (r.hosp_level === '*' ? 0 : 1);
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    if (best) out[layer] = best;
  }
  return out;
}

/** the deposit asked at admission of someone not admitted pay-later (0 when no rule says) */
export function depositFor(
  all: readonly Rule[],
  who: { scheme: Scheme; personCat: PersonCat; hospLevel: HospLevel },
): number {
  const scheme = who.scheme === 'none' ? 'resident' : who.scheme;
  let best: Rule | undefined;
  let bestScore = -1;
  for (const r of all) {
    if (r.layer !== 'deposit' || r.scheme !== scheme || r.setting !== 'inpatient') continue;
    if (r.person_cat !== '*' && r.person_cat !== who.personCat) continue;
    if (r.hosp_level !== '*' && r.hosp_level !== who.hospLevel) continue;
    const score = (r.person_cat === '*' ? 0 : 2) + (r.hosp_level === '*' ? 0 : 1);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best?.amount_fen ?? 0;
}

/** the package for a stay: its primary diagnosis under a listed prefix, at a listed org or level */
export function pickPackage(
  all: readonly Package[],
  stay: { diagnosisCode: string | null; orgId: number; hospLevel: HospLevel },
): Package | null {
  const code = stay.diagnosisCode;
  if (!code) return null;
  let best: Package | null = null;
  let bestScore = -1;
  for (const p of all) {
    if (p.org_id !== null && p.org_id !== stay.orgId) continue;
    if (p.hosp_level !== '*' && p.hosp_level !== stay.hospLevel) continue;
    const prefix = p.icd_prefixes.filter((x) => code.startsWith(x)).sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) continue;
    const score = prefix.length * 4 + (p.org_id !== null ? 2 : 0) + (p.hosp_level !== '*' ? 1 : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** the chronic (门诊慢特病) basic rule applies only when the visit's diagnosis is one it lists */
export function chronicCovers(rule: Rule | undefined, diagnosisCode: string | null): boolean {
  if (!rule || !diagnosisCode) return false;
  return (rule.diseases ?? []).some((p) => diagnosisCode.startsWith(p));
}

/** the hospital level the rules are keyed by, from the org's kind and level */
export function hospLevelOf(orgKind: string, orgLevel: string): HospLevel {
  if (orgLevel === 'city') return 'city';
  if (orgLevel === 'provincial' || orgLevel === 'national') return 'province';
  if (orgKind === 'county_hospital' || orgLevel === 'county') return 'county';
  return 'primary';
}

/** 人员类别 from the resident index: 建档立卡 first, then the civil-affairs category */
export function personCatOf(registeredPoor: boolean, assistance: string | null): PersonCat {
  if (registeredPoor) return 'poor';
  if (assistance === 'extreme_poor' || assistance === 'low_income') return assistance;
  return 'general';
}

const ACC_KEYS = Object.keys(ZERO_ACCUMULATORS) as Array<keyof Accumulators>;
/** what a settlement added to the person's year */
export const accDelta = (after: Accumulators, before: Accumulators): Accumulators =>
  Object.fromEntries(ACC_KEYS.map((k) => [k, after[k] - before[k]])) as unknown as Accumulators;
export const negate = (a: Accumulators): Accumulators =>
  Object.fromEntries(ACC_KEYS.map((k) => [k, -a[k]])) as unknown as Accumulators;

/** the national fields in their order */
export const FIELD_NAMES = [
  'medfee_sumamt',
  'fulamt_ownpay_amt',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'hifp_pay',
  'pool_prop_selfpay',
  'hifmi_pay',
  'hifob_pay',
  'maf_pay',
  'oth_pay',
  'hosp_part_amt',
  'fund_pay_sumamt',
  'psn_part_amt',
  'acct_pay',
  'psn_cash_pay',
] as const satisfies ReadonlyArray<keyof NationalFields>;

/** which payer's receivable each fund field becomes */
export const PAYER_FIELD = {
  basic: 'hifp_pay',
  serious: 'hifmi_pay',
  supplementary: 'hifob_pay',
  assistance: 'maf_pay',
  doudi: 'oth_pay',
} as const;
