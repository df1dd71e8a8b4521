import { describe, expect, it } from 'vitest';
import {
  calculate,
  halfUp,
  pickPackage,
  pickRules,
  tieredAmount,
  ZERO_ACCUMULATORS,
  type AppliedRules,
  type BillGroup,
  type Package,
  type Rule,
} from './calc.ts';

/** FIXTURE parameters from the issue (not official policy): county hospital, a registered poor patient */
const rule = (over: Partial<Rule>): Rule => ({
  id: 1,
  scheme: 'resident',
  person_cat: 'poor',
  setting: 'inpatient',
  layer: 'basic',
  hosp_level: 'county',
  deductible_fen: null,
  deductible_per: null,
  ratio_bp: null,
  threshold_fen: null,
  tiers: null,
  annual_cap_fen: null,
  cap_fen: null,
  cap_scope: null,
  cap_period: null,
  amount_fen: null,
  diseases: null,
  doc_ref: 'FIXTURE — not official policy',
  ...over,
});
const FIXTURE: AppliedRules = {
  basic: rule({ id: 1, layer: 'basic', deductible_fen: 30_000, deductible_per: 'stay', ratio_bp: 8000 }),
  serious: rule({ id: 2, layer: 'serious', threshold_fen: 500_000, tiers: [{ upto_fen: null, ratio_bp: 6500 }] }),
  supplementary: rule({ id: 3, layer: 'supplementary', ratio_bp: 5000 }),
  assistance: rule({ id: 4, layer: 'assistance', ratio_bp: 7000, annual_cap_fen: 3_000_000 }),
  doudi: rule({ id: 5, layer: 'doudi', cap_fen: 100_000, cap_scope: 'all', cap_period: 'stay' }),
};
const bill = (aFen: number, bFen: number, selfFen: number, bBp = 1000): BillGroup[] => [
  { insurance_class: 'class_a', self_pay_bp: 0, amount_fen: aFen },
  { insurance_class: 'class_b', self_pay_bp: bBp, amount_fen: bFen },
  { insurance_class: 'self_pay', self_pay_bp: 0, amount_fen: selfFen },
];

describe('the worked cases of the issue, to the fen (fixture parameters, not official policy)', () => {
  it('case A: ¥60,000 with ¥3,000 outside the catalogue and ¥12,000 of 乙类 → the patient pays ¥1,000.00', () => {
    const r = calculate({
      setting: 'inpatient',
      bill: bill(4_500_000, 1_200_000, 300_000),
      rules: FIXTURE,
      package: null,
      before: ZERO_ACCUMULATORS,
    });
    expect(r.fields).toMatchObject({
      medfee_sumamt: 6_000_000,
      fulamt_ownpay_amt: 300_000,
      preselfpay_amt: 120_000,
      inscp_scp_amt: 5_580_000,
      act_pay_dedc: 30_000,
      hifp_pay: 4_440_000,
      hifmi_pay: 416_000,
      hifob_pay: 362_000,
      maf_pay: 253_400,
      oth_pay: 428_600,
      psn_part_amt: 100_000,
      fund_pay_sumamt: 5_900_000,
    });
    expect(r.after.serious_base_fen).toBe(1_140_000);
    expect(r.after.own_paid_fen).toBe(100_000);
  });

  it('case C: ¥3,000 all compliant → basic 2,160, serious 0, supplementary 420, assistance 294, patient 126', () => {
    const r = calculate({
      setting: 'inpatient',
      bill: bill(300_000, 0, 0),
      rules: FIXTURE,
      package: null,
      before: ZERO_ACCUMULATORS,
    });
    expect(r.fields).toMatchObject({
      hifp_pay: 216_000,
      hifmi_pay: 0,
      hifob_pay: 42_000,
      maf_pay: 29_400,
      oth_pay: 0,
      psn_part_amt: 12_600,
    });
  });

  it('a second stay in the year: the serious-illness threshold counts what the first stay already paid', () => {
    const first = calculate({
      setting: 'inpatient',
      bill: bill(300_000, 0, 0),
      rules: FIXTURE,
      package: null,
      before: ZERO_ACCUMULATORS,
    });
    const second = calculate({
      setting: 'inpatient',
      bill: bill(6_000_000, 0, 0),
      rules: FIXTURE,
      package: null,
      before: first.after,
    });
    // compliant self-pay of the second: 6,000,000 − (5,970,000 × 80% = 4,776,000) = 1,224,000;
    // cumulative 84,000 → 1,308,000; above 500,000: 808,000 × 65% = 525,200
    expect(second.fields.hifmi_pay).toBe(525_200);
    expect(second.after.serious_base_fen).toBe(84_000 + 1_224_000);
  });
});

describe('parts of the chain', () => {
  it('half-up rounding', () => {
    expect(halfUp(5, 5000)).toBe(3);
    expect(halfUp(4, 5000)).toBe(2);
    expect(halfUp(1, 4999)).toBe(0);
  });
  it('tiers split the cumulative base at their bounds', () => {
    const tiers = [
      { upto_fen: 1_000_000, ratio_bp: 6000 },
      { upto_fen: null, ratio_bp: 7000 },
    ];
    // from 800,000, add 400,000, threshold 500,000: 200,000 × 60% + 200,000 × 70% = 260,000
    expect(tieredAmount(800_000, 400_000, 500_000, tiers)).toMatchObject({ base: 400_000, amount: 260_000 });
    expect(tieredAmount(0, 400_000, 500_000, tiers).amount).toBe(0);
  });
  it('the annual fund cap passes the excess to the next layers', () => {
    const rules: AppliedRules = {
      basic: rule({ deductible_fen: 0, deductible_per: 'year', ratio_bp: 9000, annual_cap_fen: 100_000 }),
    };
    const r = calculate({
      setting: 'inpatient',
      bill: bill(500_000, 0, 0),
      rules,
      package: null,
      before: { ...ZERO_ACCUMULATORS, basic_inpatient_fen: 60_000 },
    });
    expect(r.fields.hifp_pay).toBe(40_000);
    expect(r.fields.psn_part_amt).toBe(460_000);
  });
  it('a yearly deductible is paid once in the year', () => {
    const rules: AppliedRules = { basic: rule({ deductible_fen: 50_000, deductible_per: 'year', ratio_bp: 5000 }) };
    const a = calculate({
      setting: 'inpatient',
      bill: bill(30_000, 0, 0),
      rules,
      package: null,
      before: ZERO_ACCUMULATORS,
    });
    expect(a.fields.act_pay_dedc).toBe(30_000);
    const b = calculate({ setting: 'inpatient', bill: bill(100_000, 0, 0), rules, package: null, before: a.after });
    expect(b.fields.act_pay_dedc).toBe(20_000);
    expect(b.fields.hifp_pay).toBe(40_000);
  });
  it('a per-case package: the fund pays the fixed price less the share, the hospital carries the overrun', () => {
    const pkg: Package = {
      id: 9,
      code: 'PKG-APPEND',
      disease_name: '急性阑尾炎',
      icd_prefixes: ['K35'],
      hosp_level: 'county',
      org_id: null,
      fixed_price_fen: 800_000,
      patient_share_bp: 1000,
    };
    const r = calculate({
      setting: 'inpatient',
      bill: bill(900_000, 0, 0),
      rules: FIXTURE,
      package: pkg,
      before: ZERO_ACCUMULATORS,
    });
    expect(r.fields.hosp_part_amt).toBe(100_000);
    expect(r.fields.hifp_pay).toBe(720_000);
    // the ¥800 share: supplementary 50% → 400, assistance 70% of 400 → 280, patient 120
    expect(r.fields.hifob_pay).toBe(40_000);
    expect(r.fields.maf_pay).toBe(28_000);
    expect(r.fields.psn_part_amt).toBe(12_000);
    expect(pickPackage([pkg], { diagnosisCode: 'K35.800', orgId: 1, hospLevel: 'county' })?.id).toBe(9);
    expect(pickPackage([pkg], { diagnosisCode: 'K35.800', orgId: 1, hospLevel: 'primary' })).toBeNull();
    expect(pickPackage([pkg], { diagnosisCode: 'K36', orgId: 1, hospLevel: 'county' })).toBeNull();
  });
  it('a per-case package over a bill with 乙类 and self-pay items still balances: the share is all the patient carries', () => {
    const pkg: Package = {
      id: 9,
      code: 'PKG-APPEND',
      disease_name: '急性阑尾炎',
      icd_prefixes: ['K35'],
      hosp_level: 'county',
      org_id: null,
      fixed_price_fen: 800_000,
      patient_share_bp: 1000,
    };
    const r = calculate({
      setting: 'inpatient',
      bill: bill(600_000, 200_000, 100_000),
      rules: {},
      package: pkg,
      before: ZERO_ACCUMULATORS,
    });
    expect(r.fields).toMatchObject({
      medfee_sumamt: 900_000,
      fulamt_ownpay_amt: 100_000,
      preselfpay_amt: 20_000,
      hosp_part_amt: 100_000,
      hifp_pay: 720_000,
      psn_part_amt: 80_000,
    });
  });
  it('a negative class total is refused with a Chinese reason', () => {
    expect(() =>
      calculate({
        setting: 'inpatient',
        bill: bill(-1, 0, 0),
        rules: FIXTURE,
        package: null,
        before: ZERO_ACCUMULATORS,
      }),
    ).toThrow(/费用合计为负/);
  });
  it('the most specific rule wins, person category before hospital level', () => {
    const all = [
      rule({
        id: 10,
        person_cat: '*',
        hosp_level: '*',
        deductible_fen: 60_000,
        deductible_per: 'stay',
        ratio_bp: 7500,
      }),
      rule({
        id: 11,
        person_cat: '*',
        hosp_level: 'county',
        deductible_fen: 60_000,
        deductible_per: 'stay',
        ratio_bp: 7500,
      }),
      rule({
        id: 12,
        person_cat: 'poor',
        hosp_level: '*',
        deductible_fen: 30_000,
        deductible_per: 'stay',
        ratio_bp: 8000,
      }),
    ];
    expect(
      pickRules(all, { scheme: 'resident', personCat: 'poor', setting: 'inpatient', hospLevel: 'county' }).basic?.id,
    ).toBe(12);
    expect(
      pickRules(all, { scheme: 'resident', personCat: 'general', setting: 'inpatient', hospLevel: 'county' }).basic?.id,
    ).toBe(11);
    expect(
      pickRules(all, { scheme: 'resident', personCat: 'general', setting: 'inpatient', hospLevel: 'primary' }).basic
        ?.id,
    ).toBe(10);
    expect(
      pickRules(all, { scheme: 'none', personCat: 'general', setting: 'inpatient', hospLevel: 'primary' }),
    ).toEqual({});
  });
});

/** a small deterministic generator, so a failure names its seed */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: 10,000 random bills and parameter sets', () => {
  it('layers + patient = total, no layer negative, own payment ≤ the cap, monotone in the total', () => {
    for (let seed = 1; seed <= 10_000; seed++) {
      const r = rng(seed);
      const int = (max: number) => Math.floor(r() * max);
      const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
      const rules: AppliedRules = {};
      if (r() < 0.9)
        rules.basic = rule({
          deductible_fen: int(200_000),
          deductible_per: pick(['stay', 'year'] as const),
          ratio_bp: int(10_001),
          annual_cap_fen: r() < 0.5 ? null : int(20_000_000),
        });
      if (r() < 0.7) {
        const t1 = int(5_000_000);
        rules.serious = rule({
          layer: 'serious',
          threshold_fen: int(2_000_000),
          tiers: [
            { upto_fen: t1 + 1, ratio_bp: int(10_001) },
            { upto_fen: null, ratio_bp: int(10_001) },
          ],
          annual_cap_fen: r() < 0.5 ? null : int(50_000_000),
        });
      }
      if (r() < 0.5)
        rules.supplementary = rule({
          layer: 'supplementary',
          ratio_bp: int(10_001),
          threshold_fen: r() < 0.5 ? null : int(100_000),
        });
      if (r() < 0.6)
        rules.assistance = rule({
          layer: 'assistance',
          ratio_bp: int(10_001),
          annual_cap_fen: r() < 0.3 ? null : int(5_000_000),
        });
      if (r() < 0.6)
        rules.doudi = rule({
          layer: 'doudi',
          cap_fen: int(1_000_000),
          cap_scope: pick(['all', 'compliant'] as const),
          cap_period: pick(['stay', 'year'] as const),
        });
      const before = {
        ...ZERO_ACCUMULATORS,
        deductible_inpatient_fen: int(200_000),
        basic_inpatient_fen: int(20_000_000),
        serious_base_fen: int(3_000_000),
        serious_paid_fen: int(3_000_000),
        supplementary_fen: int(1_000_000),
        assistance_fen: int(5_000_000),
        own_paid_fen: int(1_000_000),
      };
      const b = bill(int(10_000_000), int(3_000_000), int(500_000), pick([500, 1000, 2000, 3000]));
      const res = calculate({ setting: 'inpatient', bill: b, rules, package: null, before });
      const f = res.fields;
      const msg = `seed ${seed}`;
      expect(
        f.hifp_pay + f.hifmi_pay + f.hifob_pay + f.maf_pay + f.oth_pay + f.hosp_part_amt + f.psn_part_amt,
        msg,
      ).toBe(f.medfee_sumamt);
      for (const v of Object.values(f)) expect(v, msg).toBeGreaterThanOrEqual(0);
      if (rules.doudi) {
        const cap =
          rules.doudi.cap_period === 'year'
            ? Math.max(0, (rules.doudi.cap_fen ?? 0) - before.own_paid_fen)
            : (rules.doudi.cap_fen ?? 0);
        const capped =
          rules.doudi.cap_scope === 'all' ? f.psn_part_amt : f.psn_part_amt - f.preselfpay_amt - f.fulamt_ownpay_amt;
        expect(capped, msg).toBeLessThanOrEqual(cap);
      }
      // monotone: one more line never lowers what the patient pays
      const more = b.map((g, i) => (i === int(3) ? { ...g, amount_fen: g.amount_fen + 1 + int(1_000_000) } : g));
      const res2 = calculate({ setting: 'inpatient', bill: more, rules, package: null, before });
      expect(res2.fields.psn_part_amt, msg).toBeGreaterThanOrEqual(f.psn_part_amt);
    }
  });
});
