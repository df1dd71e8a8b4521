import {
  ZERO_ACCUMULATORS,
  type Accumulators,
  type AppliedRules,
  type HospLevel,
  type NationalFields,
  type Package,
  type PersonCat,
  type Rule,
  type Scheme,
  type Setting,
} from './calc.types.ts';

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
