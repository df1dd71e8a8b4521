/**
 * The one-stop settlement chain (一站式结算), a pure function: integer fen, ratios in basis
 * points, every layer rounded half-up to the fen with its remainder passed on, so the layers
 * plus the patient's part equal the total by construction. No policy number lives here: the
 * rules come from the version in force (settlement_rules), the year so far from the person's
 * accumulators. Order: split the bill → 基本医保 → 大病保险 → 补充医疗保险 → 医疗救助 → "136"兜底.
 */

import {
  CalcError,
  type Accumulators,
  type CalcInput,
  type CalcLine,
  type CalcResult,
  type NationalFields,
  type Rule,
  type Tier,
} from './calc.types.ts';

export * from './calc.types.ts';
export * from './rules.ts';

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
