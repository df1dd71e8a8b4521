import { expect } from 'vitest';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { key } from '../referrals/referral-test-kit.ts';

import { FIXTURE_PACKAGE, FIXTURE_RULES } from './fixture-policy.ts';

export { FIXTURE_PACKAGE, FIXTURE_RULES };

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
