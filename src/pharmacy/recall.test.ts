import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { balance, dispenseBody, makeDrug, pharmacyWorld, receive, type PharmacyWorld } from './pharmacy-test-kit.ts';

let env: TestEnv;
let w: PharmacyWorld;
let drug: number;
beforeAll(async () => {
  env = await createTestEnv({ now: () => new Date('2026-06-10T02:00:00Z') });
  w = await pharmacyWorld(env);
  drug = await makeDrug(env, { chargeCode: 'DRG-AMOX', name: '阿莫西林胶囊', packQty: 24 });
});
afterAll(async () => {
  await env?.close();
});

const dispense = async (orgId: number, residentId: number, qty: number) => {
  const res = await w.pharmacist.post(
    '/api/pharmacy/dispenses',
    dispenseBody(residentId, [{ drugId: drug, qty }], { orgId }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ lines: Array<{ batchNo: string }> }>();
};

describe('recall (召回)', () => {
  it('blocks the batch everywhere at once and lists exactly the residents who received it', async () => {
    const bad1 = await receive(env, {
      orgId: w.villageOrg,
      drugId: drug,
      batchNo: 'BAD01',
      expiry: '2026-09-30',
      qty: 48,
    });
    const bad2 = await receive(env, {
      orgId: w.otherVillageOrg,
      drugId: drug,
      batchNo: 'BAD01',
      expiry: '2026-09-30',
      qty: 48,
    });
    const good = await receive(env, {
      orgId: w.villageOrg,
      drugId: drug,
      batchNo: 'OK02',
      expiry: '2027-09-30',
      qty: 96,
    });
    const central = await receive(env, {
      orgId: w.centralOrg,
      drugId: drug,
      batchNo: 'BAD01',
      expiry: '2026-09-30',
      qty: 240,
    });
    await dispense(w.villageOrg, w.residents[0], 24);
    await dispense(w.villageOrg, w.residents[1], 24); // empties BAD01 at the village
    await dispense(w.villageOrg, w.residents[2], 24); // from OK02
    await dispense(w.otherVillageOrg, w.otherResidents[0], 24);

    const res = await w.pharmacist.post('/api/pharmacy/recalls', {
      drugId: drug,
      batchNo: 'BAD01',
      level: '1',
      reason: '国家药监局通报：该批次含量不合格',
    });
    expect(res.statusCode, res.body).toBe(200);
    const recall = res.json<{
      id: number;
      blockedQty: number;
      residents: Array<{ residentId: number; mobile: string | null }>;
    }>();
    expect(recall.blockedQty).toBe(24 + 240);
    expect(recall.residents.map((r) => r.residentId).sort()).toEqual(
      [w.residents[0], w.residents[1], w.otherResidents[0]].sort(),
    );
    expect(await balance(env, bad1)).toMatchObject({ available: 0, blocked: 0 });
    expect(await balance(env, bad2)).toMatchObject({ available: 0, blocked: 24 });
    expect(await balance(env, central)).toMatchObject({ available: 0, blocked: 240 });
    expect(await balance(env, good)).toMatchObject({ available: 72, blocked: 0 });

    // the village sees its own residents to call, not the other village's
    const mine = await w.village.get(`/api/pharmacy/recalls/${recall.id}`);
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json<{ residents: Array<{ residentId: number }> }>()
        .residents.map((r) => r.residentId)
        .sort(),
    ).toEqual([w.residents[0], w.residents[1]].sort());
    const call = await w.village.post(`/api/pharmacy/recalls/${recall.id}/calls`, {
      residentId: w.residents[0],
      outcome: 'reached',
      note: '已电话通知停药并带回剩余药品',
    });
    expect(call.statusCode, call.body).toBe(200);
    const again = await w.village.get(`/api/pharmacy/recalls/${recall.id}`);
    expect(again.json().residents.find((r: { residentId: number }) => r.residentId === w.residents[0]).outcome).toBe(
      'reached',
    );
    // blocked stock is never dispensed: the other village has nothing left to give
    const none = await w.pharmacist.post(
      '/api/pharmacy/dispenses',
      dispenseBody(w.otherResidents[1], [{ drugId: drug, qty: 1 }], { orgId: w.otherVillageOrg }),
    );
    expect(none.statusCode).toBe(409);
    const twice = await w.pharmacist.post('/api/pharmacy/recalls', {
      drugId: drug,
      batchNo: 'BAD01',
      level: '1',
      reason: '重复',
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe('shortages (缺药登记) and stock-take (盘点)', () => {
  it('follows a shortage to collection, idempotently, and refuses skipping steps', async () => {
    const body = { clientId: randomUUID(), residentId: w.residents[3], drugId: drug, packs: 2, note: '长期服用' };
    const a = await w.village.post('/api/pharmacy/shortages', body);
    const b = await w.village.post('/api/pharmacy/shortages', body);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.json().id).toBe(a.json().id);
    const id = a.json().id;
    expect((await w.village.post(`/api/pharmacy/shortages/${id}/step`, { to: 'collected' })).statusCode).toBe(409);
    for (const to of ['sourcing', 'delivered', 'collected'])
      expect((await w.village.post(`/api/pharmacy/shortages/${id}/step`, { to })).statusCode).toBe(200);
    const list = await w.village.get('/api/pharmacy/shortages?status=collected');
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('a stock-take variance is approved by another person and becomes one adjustment', async () => {
    const batch = await receive(env, {
      orgId: w.townshipOrg,
      drugId: drug,
      batchNo: 'ST1',
      expiry: '2027-01-01',
      qty: 100,
    });
    const open = await w.township.post('/api/pharmacy/stocktakes', { orgId: w.townshipOrg });
    expect(open.statusCode, open.body).toBe(200);
    const id = open.json().id;
    const noReason = await w.township.put(`/api/pharmacy/stocktakes/${id}`, {
      lines: [{ batchId: batch, countedQty: 97 }],
    });
    expect(noReason.statusCode).toBe(400);
    const counted = await w.township.put(`/api/pharmacy/stocktakes/${id}`, {
      lines: [{ batchId: batch, countedQty: 97, reason: '破损' }],
      submit: true,
    });
    expect(counted.statusCode, counted.body).toBe(200);
    const self = await w.township.post(`/api/pharmacy/stocktakes/${id}/decision`, { approve: true });
    expect(self.statusCode).toBe(403);
    const ok = await w.pharmacist.post(`/api/pharmacy/stocktakes/${id}/decision`, { approve: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().adjusted).toBe(1);
    expect(await balance(env, batch)).toMatchObject({ in: 100, out: 3, available: 97 });
  });
});

describe('figures (药事指标)', () => {
  it('counts what was dispensed per org from the versioned views', async () => {
    const res = await w.pharmacist.get('/api/pharmacy/figures?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<{
      byOrg: Array<{ orgId: number; amountFen: number; essentialFen: number; items: number; stockValueFen: number }>;
      definitions: Record<string, string>;
    }>();
    const village = f.byOrg.find((o) => o.orgId === w.villageOrg);
    // 72 capsules of a ¥ box of 24 at the demo price, all essential (the test item is 基药)
    const [price] = await env.asOwner(
      `SELECT price_fen FROM charge_prices WHERE item_code = 'DRG-AMOX' AND county_id = ${env.countyId}`,
    );
    expect(village?.amountFen).toBe(3 * Number(price.price_fen));
    expect(village?.essentialFen).toBe(village?.amountFen);
    expect(village?.items).toBe(1);
    expect(village?.stockValueFen).toBeGreaterThan(0);
    expect(f.definitions.essential).toContain('基药');
    expect((await w.village.get('/api/pharmacy/figures?year=2026')).statusCode).toBe(403);
  });
});
