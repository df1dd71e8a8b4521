import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import {
  balance,
  dispenseBody,
  makeDrug,
  pharmacyWorld,
  receive,
  traceCode,
  type PharmacyWorld,
} from './pharmacy-test-kit.ts';

let env: TestEnv;
let w: PharmacyWorld;
// the injected clock: 2026-06-10 10:00 Shanghai unless a test moves it
const now = new Date('2026-06-10T02:00:00Z');
let amlo: number;
let metf: number;
beforeAll(async () => {
  env = await createTestEnv({ now: () => now });
  w = await pharmacyWorld(env);
  amlo = await makeDrug(env, { chargeCode: 'DRG-AMLO', name: '苯磺酸氨氯地平片', packQty: 28 });
  metf = await makeDrug(env, { chargeCode: 'DRG-METF', name: '盐酸二甲双胍片', packQty: 48, split: false });
});
afterAll(async () => {
  await env?.close();
});

describe('dispensing (发药)', () => {
  it('takes the batch that expires first, skips expired stock, and keeps the price in force', async () => {
    const late = await receive(env, {
      orgId: w.villageOrg,
      drugId: amlo,
      batchNo: 'L2028',
      expiry: '2028-01-31',
      qty: 56,
    });
    const early = await receive(env, {
      orgId: w.villageOrg,
      drugId: amlo,
      batchNo: 'E2027',
      expiry: '2027-01-31',
      qty: 20,
    });
    const expired = await receive(env, {
      orgId: w.villageOrg,
      drugId: amlo,
      batchNo: 'X2026',
      expiry: '2026-06-09',
      qty: 50,
    });
    const res = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[0], [{ drugId: amlo, qty: 28 }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<{
      totalFen: number;
      lines: Array<{ batchNo: string; qty: number; amountFen: number; unitPriceFen: number }>;
    }>();
    expect(d.lines.map((l) => [l.batchNo, l.qty])).toEqual([
      ['E2027', 20],
      ['L2028', 8],
    ]);
    // ¥12.60 a box of 28: 20 tablets ¥9.00, 8 tablets ¥3.60
    expect(d.lines.map((l) => l.amountFen)).toEqual([900, 360]);
    expect(d.totalFen).toBe(1260);
    expect((await balance(env, early)).available).toBe(0);
    expect((await balance(env, late)).available).toBe(48);
    expect((await balance(env, expired)).available).toBe(50);
  });

  it('refuses a line it cannot fill in full and takes nothing', async () => {
    const b = await receive(env, { orgId: w.villageOrg, drugId: metf, batchNo: 'M1', expiry: '2027-12-31', qty: 96 });
    const before = await env.asOwner(`SELECT count(*)::int AS n FROM stock_moves`);
    const res = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[1], [
        { drugId: amlo, qty: 28 },
        { drugId: metf, qty: 144 },
      ]),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('库存不足');
    expect((await balance(env, b)).available).toBe(96);
    expect(await env.asOwner(`SELECT count(*)::int AS n FROM stock_moves`)).toEqual(before);
  });

  it('refuses splitting a box of an item that may not be split', async () => {
    const res = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[1], [{ drugId: metf, qty: 10 }]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('不可拆零');
  });

  it('a resend with the same client id is the same dispensing', async () => {
    const body = dispenseBody(w.residents[2], [{ drugId: metf, qty: 48 }]);
    const first = await w.village.post('/api/pharmacy/dispenses', body);
    const again = await w.village.post('/api/pharmacy/dispenses', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const [n] = await env.asOwner(`SELECT count(*)::int AS n FROM dispenses WHERE client_id = '${body.clientId}'`);
    expect(n.n).toBe(1);
    const changed = await w.village.post('/api/pharmacy/dispenses', {
      ...body,
      lines: [{ ...body.lines[0], qty: 96 }],
    });
    expect(changed.statusCode).toBe(422);
  });

  it('a trace code dispensed once is refused the second time and flagged as 回流药', async () => {
    await receive(env, { orgId: w.villageOrg, drugId: metf, batchNo: 'M2', expiry: '2027-12-31', qty: 480 });
    await receive(env, { orgId: w.otherVillageOrg, drugId: metf, batchNo: 'M3', expiry: '2027-12-31', qty: 480 });
    const code = traceCode(1);
    const first = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[3], [{ drugId: metf, qty: 48, traceCodes: [code] }]),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().lines[0].traceCodes).toEqual([code]);
    const second = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[4], [{ drugId: metf, qty: 48, traceCodes: [code] }]),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('TRACE_CODE_DISPENSED');
    expect(second.json().message).toContain('回流药');
    const flags = await env.asOwner(`SELECT code, resident_id FROM trace_code_flags`);
    expect(flags).toEqual([{ code, resident_id: w.residents[4] }]);
    // nothing of the refused dispensing stayed
    const [n] = await env.asOwner(`SELECT count(*)::int AS n FROM dispenses WHERE resident_id = ${w.residents[4]}`);
    expect(n.n).toBe(0);
    const list = await w.pharmacist.get('/api/pharmacy/trace-flags');
    expect(list.json().items[0].code).toBe(code);
  });

  it('a village sees only its own stock and cannot dispense for another village', async () => {
    const mine = await w.village.get('/api/pharmacy/stock?view=all&pageSize=100');
    expect(mine.statusCode).toBe(200);
    const orgs = new Set(mine.json<{ items: Array<{ orgId: number }> }>().items.map((i) => i.orgId));
    expect([...orgs]).toEqual([w.villageOrg]);
    const all = await w.pharmacist.get('/api/pharmacy/stock?view=all&pageSize=100');
    expect(new Set(all.json<{ items: Array<{ orgId: number }> }>().items.map((i) => i.orgId)).size).toBeGreaterThan(1);
    const res = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.otherResidents[0], [{ drugId: metf, qty: 48 }], { orgId: w.otherVillageOrg }),
    );
    expect(res.statusCode).toBe(403);
  });

  it('bad input gets a Chinese 400 and changes nothing', async () => {
    const res = await w.village.post('/api/pharmacy/dispenses', {
      clientId: 'nope',
      residentId: w.residents[0],
      lines: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('returns: never more than dispensed; into a recalled batch they stay blocked', async () => {
    const b = await receive(env, { orgId: w.villageOrg, drugId: amlo, batchNo: 'R1', expiry: '2026-12-31', qty: 28 });
    const d = await w.village.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.residents[5], [{ drugId: amlo, qty: 28 }]),
    );
    expect(d.statusCode, d.body).toBe(201);
    const line = d.json<{ lines: Array<{ id: number; batchNo: string }> }>().lines.find((l) => l.batchNo === 'R1')!;
    const recall = await w.pharmacist.post('/api/pharmacy/recalls', {
      drugId: amlo,
      batchNo: 'R1',
      level: '2',
      reason: '药监局通报溶出度不合格',
    });
    expect(recall.statusCode, recall.body).toBe(200);
    const back = await w.village.post(`/api/pharmacy/dispense-lines/${line.id}/returns`, {
      clientId: randomUUID(),
      qty: 10,
      reason: '召回退回',
      restock: true,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await balance(env, b)).toMatchObject({ available: 0, blocked: 10 });
    const tooMany = await w.village.post(`/api/pharmacy/dispense-lines/${line.id}/returns`, {
      clientId: randomUUID(),
      qty: 100,
      reason: '多退',
      restock: false,
    });
    expect(tooMany.statusCode).toBe(409);
  });
});
