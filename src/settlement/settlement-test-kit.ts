import { expect } from 'vitest';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { key } from '../referrals/referral-test-kit.ts';

/**
 * FIXTURE parameters from the worked example — NOT official policy: county hospital,
 * registered poor inpatient: deductible ¥300, basic 80%, serious-illness threshold ¥5,000 at
 * 65%, supplementary 50%, assistance 70% (cap ¥30,000), "136" county cap ¥1,000 on all own
 * payment; general residents: deductible ¥600, 75%, deposit ¥2,000; outpatient 门诊统筹 50%
 * at primary level within ¥400 a year; 门诊慢特病 70% for I10/E11 within ¥3,000 a year.
 */
export const FIXTURE_RULES = [
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'basic',
    hospLevel: 'county',
    deductibleFen: 30_000,
    deductiblePer: 'stay',
    ratioBp: 8000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'serious',
    hospLevel: '*',
    thresholdFen: 500_000,
    tiers: [{ uptoFen: null, ratioBp: 6500 }],
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'supplementary',
    hospLevel: '*',
    ratioBp: 5000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'assistance',
    hospLevel: '*',
    ratioBp: 7000,
    annualCapFen: 3_000_000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'doudi',
    hospLevel: 'county',
    capFen: 100_000,
    capScope: 'all',
    capPeriod: 'stay',
  },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'inpatient',
    layer: 'basic',
    hospLevel: '*',
    deductibleFen: 60_000,
    deductiblePer: 'stay',
    ratioBp: 7500,
  },
  { scheme: 'resident', personCat: '*', setting: 'inpatient', layer: 'deposit', hospLevel: '*', amountFen: 200_000 },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'outpatient',
    layer: 'basic',
    hospLevel: 'primary',
    deductibleFen: 0,
    deductiblePer: 'year',
    ratioBp: 5000,
    annualCapFen: 40_000,
  },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'chronic',
    layer: 'basic',
    hospLevel: '*',
    deductibleFen: 0,
    deductiblePer: 'year',
    ratioBp: 7000,
    annualCapFen: 300_000,
    diseases: ['I10', 'E11'],
  },
];

export const FIXTURE_PACKAGE = {
  code: 'PKG-K35',
  diseaseName: '急性阑尾炎（单病种）',
  icdPrefixes: ['K35'],
  hospLevel: 'county',
  fixedPriceFen: 800_000,
  patientShareBp: 1000,
};

export async function publishFixturePolicy(admin: Client, effectiveFrom: string): Promise<number> {
  const draft = await admin.post('/api/settlement/policy/versions', {
    basedOn: null,
    title: '测试参数（非官方政策）',
    effectiveFrom,
    docRef: 'FIXTURE — issue 15 worked example, not official policy',
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const id = draft.json<{ id: number }>().id;
  const saved = await admin.put(`/api/settlement/policy/versions/${id}`, {
    title: '测试参数（非官方政策）',
    effectiveFrom,
    docRef: 'FIXTURE — issue 15 worked example, not official policy',
    rules: FIXTURE_RULES,
    packages: [FIXTURE_PACKAGE],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const pub = await admin.post(`/api/settlement/policy/versions/${id}/publish`, {});
  expect(pub.statusCode, pub.body).toBe(200);
  return id;
}

/**
 * A stay at the people's hospital (cardiology) with a bill of exact class totals, discharged
 * with a diagnosis: class A, 乙类 at 10 %, and outside-catalogue amounts in fen.
 */
export async function dischargedStay(
  env: TestEnv,
  c: { clerk: Client; doctor: Client; dept: number },
  residentId: number,
  bill: { aFen: number; bFen: number; selfFen: number },
  diagnosis = 'I21.9',
): Promise<number> {
  const adm = await c.clerk.post('/api/stays', { residentId, departmentId: c.dept }, { 'idempotency-key': key() });
  expect(adm.statusCode, adm.body).toBe(201);
  const stayId = adm.json<{ id: number }>().id;
  await chargeExact(env, stayId, bill);
  const dis = await c.doctor.post(`/api/stays/${stayId}/discharge`, {
    disposition: 'home',
    diagnosisCodes: [diagnosis],
  });
  expect(dis.statusCode, dis.body).toBe(200);
  return stayId;
}

export async function chargeExact(env: TestEnv, stayId: number, bill: { aFen: number; bFen: number; selfFen: number }) {
  const lines = [
    ['DRG-AMLO', 'drug', 'class_a', 0, bill.aFen],
    ['DRG-ATOR', 'drug', 'class_b', 1000, bill.bFen],
    ['OTH-HEAT', 'other', 'self_pay', 0, bill.selfFen],
  ].filter((l) => Number(l[4]) > 0);
  for (const [code, category, cls, bp, amount] of lines)
    await env.asOwner(`INSERT INTO fee_lines (county_id, org_id, stay_id, resident_id, item_code, item_name, category, insurance_class,
        self_pay_bp, quantity, unit_price_fen, amount_fen, charged_at)
      SELECT s.county_id, s.org_id, s.id, s.resident_id, '${code}', '测试', '${category}', '${cls}', ${bp}, 1, ${amount}, ${amount}, now()
      FROM stays s WHERE s.id = ${stayId}`);
}

export interface Settled {
  id: number;
  settlementNo: string;
  status: string;
  inputHash: string;
  fields: Record<string, number>;
}

export async function settleStay(clerk: Client, stayId: number): Promise<Settled> {
  const calc = await clerk.post('/api/settlements', { stayId });
  expect(calc.statusCode, calc.body).toBe(200);
  const s = calc.json<Settled>();
  const ok = await clerk.post(`/api/settlements/${s.id}/confirm`, { inputHash: s.inputHash, method: 'cash' });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json<Settled>();
}
