import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';
import { KNOWN_RESIDENTS } from '../seed/seed.ts';

let env: TestEnv;
let w: ReferralWorld;
let otherResident: number;

beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  const found = (await w.otherTownship.get('/api/residents?q=zsm')).json<{
    items: Array<{ id: number; name: string }>;
  }>();
  otherResident = found.items.find((r) => r.name === KNOWN_RESIDENTS.otherTownship)!.id;
});
afterAll(async () => {
  await env?.close();
});

async function register(body: Record<string, unknown>, client = w.village, k = key()) {
  return client.post('/api/visits', { residentId: w.residentId, ...body }, { 'idempotency-key': k });
}

describe('outpatient visits', () => {
  it('registers once per Idempotency-Key, with a queue number where the org calls by number', async () => {
    await env.asOwner(`UPDATE orgs SET visit_queue = true WHERE id = ${w.villageOrg}`);
    const k = key();
    const a = await register({ chiefComplaint: '头晕三天' }, w.village, k);
    expect(a.statusCode, a.body).toBe(201);
    const again = await register({ chiefComplaint: '头晕三天' }, w.village, k);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(a.json().id);
    const other = await register({ chiefComplaint: '别的内容' }, w.village, k);
    expect(other.statusCode).toBe(422);
    const b = await register({ chiefComplaint: '咳嗽' });
    expect(b.json().queueNo).toBe(a.json().queueNo + 1);
    expect(a.json()).toMatchObject({ orgId: w.villageOrg, status: 'open', source: 'local', residentName: '张三明' });
  });

  it('diagnoses by pinyin initials, prescribes and orders an exam, each charged at the price in force', async () => {
    const hits = (await w.village.get('/api/care/icd10?q=gxy')).json<Array<{ code: string; name: string }>>();
    expect(hits.map((h) => h.code)).toContain('I10');
    const v = (await register({ chiefComplaint: '血压高' })).json<{ id: number }>();
    const dx = await w.village.patch(`/api/visits/${v.id}`, { diagnosisCodes: ['I10'] });
    expect(dx.statusCode, dx.body).toBe(200);
    expect(dx.json().diagnoses[0]).toMatchObject({ code: 'I10' });
    const rx = await w.village.post(
      `/api/visits/${v.id}/prescriptions`,
      { lines: [{ itemCode: 'DRG-AMLO', dose: '5mg', route: 'po', frequency: 'qd', days: 28, quantity: 2 }] },
      { 'idempotency-key': key() },
    );
    expect(rx.statusCode, rx.body).toBe(201);
    const ex = await w.village.post(
      `/api/visits/${v.id}/exam-orders`,
      { itemCode: 'ECG-12' },
      { 'idempotency-key': key() },
    );
    expect(ex.statusCode, ex.body).toBe(201);
    const detail = (await w.village.get(`/api/visits/${v.id}`)).json();
    expect(detail.prescriptions[0].lines[0]).toMatchObject({ itemCode: 'DRG-AMLO', days: 28, frequency: 'qd' });
    expect(detail.exams[0]).toMatchObject({ itemCode: 'ECG-12', status: 'ordered' });
    // seeded price list: 苯磺酸氨氯地平片 12.60 元/盒 × 2, 十二导联心电图 25.00 元
    expect(detail.fees.totals).toEqual(
      expect.arrayContaining([
        { category: 'drug', amountFen: 2520 },
        { category: 'exam', amountFen: 2500 },
      ]),
    );
    expect(detail.fees.totalFen).toBe(5020);
    const notDrug = await w.village.post(
      `/api/visits/${v.id}/prescriptions`,
      { lines: [{ itemCode: 'TRT-IV', dose: '1组', route: 'iv', frequency: 'qd', days: 1, quantity: 1 }] },
      { 'idempotency-key': key() },
    );
    expect(notDrug.json().code).toBe('NOT_A_DRUG');
  });

  it('refund lines are negative; a visit is cancelled only when its charges are refunded', async () => {
    const v = (await register({})).json<{ id: number }>();
    const add = await w.village.post(`/api/visits/${v.id}/fee-lines`, { lines: [{ itemCode: 'TRT-IM', quantity: 2 }] });
    expect(add.statusCode, add.body).toBe(200);
    const refused = await w.village.post(`/api/visits/${v.id}/cancel`, { reason: '患者离开' });
    expect(refused.json().code).toBe('UNREFUNDED_CHARGES');
    const refund = await w.village.post(`/api/visits/${v.id}/fee-lines`, {
      lines: [{ itemCode: 'TRT-IM', quantity: -2 }],
    });
    expect(refund.json().fees.totalFen).toBe(0);
    expect(refund.json().fees.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([600, -600]);
    const ok = await w.village.post(`/api/visits/${v.id}/cancel`, { reason: '患者离开' });
    expect(ok.json().status).toBe('cancelled');
  });

  it('a village doctor sees only their own village; another township sees none of it', async () => {
    const mine = (await register({})).json<{ id: number }>();
    const there = await w.otherTownship.post(
      '/api/visits',
      { residentId: otherResident, chiefComplaint: '腰痛' },
      { 'idempotency-key': key() },
    );
    expect(there.statusCode, there.body).toBe(201);
    const list = (await w.village.get('/api/visits?pageSize=100')).json<{
      items: Array<{ id: number; orgId: number }>;
    }>();
    expect(list.items.every((v) => v.orgId === w.villageOrg)).toBe(true);
    expect(list.items.some((v) => v.id === there.json().id)).toBe(false);
    expect((await w.village.get(`/api/visits/${there.json().id}`)).statusCode).toBe(404);
    expect((await w.otherTownship.get(`/api/visits/${mine.id}`)).statusCode).toBe(404);
    // the township above the village sees it
    expect((await w.township.get(`/api/visits/${mine.id}`)).statusCode).toBe(200);
    // and RLS hides it even from a query without the org filter
    const rows = await env.asOwner(`SELECT count(*)::int AS n FROM visits WHERE org_id = ${w.villageOrg}`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('after the day closes, a change needs a reason and is kept as an amendment, audited', async () => {
    const v = (await register({ diagnosisCodes: ['J06.9'] })).json<{ id: number; visitDay: string }>();
    const close = await w.village.post('/api/visits/close-day', { day: v.visitDay });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json().visits).toBeGreaterThan(0);
    expect((await w.village.post('/api/visits/close-day', { day: v.visitDay })).json().code).toBe('ALREADY_CLOSED');
    expect((await w.village.get(`/api/visits/${v.id}`)).json().status).toBe('closed');
    const noReason = await w.village.patch(`/api/visits/${v.id}`, { diagnosisCodes: ['J20.9'] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    const fees = await w.village.post(`/api/visits/${v.id}/fee-lines`, {
      lines: [{ itemCode: 'TRT-IM', quantity: 1 }],
    });
    expect(fees.json().code).toBe('REASON_REQUIRED');
    const amended = await w.village.patch(`/api/visits/${v.id}`, {
      diagnosisCodes: ['J20.9'],
      reason: '复核后更正诊断',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json().diagnoses[0].code).toBe('J20.9');
    expect(amended.json().amendments).toEqual([expect.objectContaining({ what: 'record', reason: '复核后更正诊断' })]);
    const audit = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'visit.amend' AND resource_id = '${v.id}'`,
    );
    expect(audit[0].n).toBe(1);
    // the closed day takes no new registrations
    expect((await register({})).json().code).toBe('DAY_CLOSED');
  });
});
