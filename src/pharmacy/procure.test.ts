import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { procureWorld, requestBody, type ProcureWorld } from './procure-test-kit.ts';

/**
 * 统一采购与配送 through the API on a real database: a village request consolidated into a
 * purchase order, received by batch with trace codes, distributed to the village and received
 * one line short, the discrepancy open until resolved; the ledger equals the balances.
 */
let env: TestEnv;
let w: ProcureWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => new Date('2026-12-02T02:00:00Z') });
  w = await procureWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const owner = async (q: string) => (await env.asOwner(q))[0];
const codes = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('request → purchase → receipt → distribution → discrepancy', () => {
  let requestId: number;
  let poId: number;
  let distId: number;

  it('a village raises a request; a resend is the same request and keeps the device time', async () => {
    const body = requestBody([
      { drugId: w.amlo, packs: 10 },
      { drugId: w.metf, packs: 4 },
    ]);
    const res = await w.village.post('/api/pharmacy/requests', body);
    expect(res.statusCode, res.body).toBe(200);
    requestId = res.json().id;
    const again = await w.village.post('/api/pharmacy/requests', body);
    expect(again.json()).toEqual({ id: requestId, replayed: true });
    expect(await owner(`SELECT count(*)::int AS n FROM stock_requests WHERE client_id = '${body.clientId}'`)).toEqual({
      n: 1,
    });
    expect(
      await owner(
        `SELECT device_at = '2026-12-02T01:58:00Z'::timestamptz AS kept FROM stock_requests WHERE id = ${requestId}`,
      ),
    ).toEqual({ kept: true });
    const list = (await w.village.get('/api/pharmacy/requests?status=submitted')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(requestId);
  });

  it('bad input answers in Chinese and changes nothing', async () => {
    const before = await owner(`SELECT count(*)::int AS n FROM stock_requests`);
    const res = await w.village.post('/api/pharmacy/requests', requestBody([{ drugId: w.amlo, packs: 0 }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/数量至少 1 盒/);
    const dup = await w.village.post(
      '/api/pharmacy/requests',
      requestBody([
        { drugId: w.amlo, packs: 1 },
        { drugId: w.amlo, packs: 2 },
      ]),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toMatch(/只能出现一次/);
    expect(await owner(`SELECT count(*)::int AS n FROM stock_requests`)).toEqual(before);
  });

  it('a village cannot see another village’s requests', async () => {
    const other = await owner(
      `INSERT INTO stock_requests (county_id, org_id, client_id, source, created_by)
       SELECT ${env.countyId}, ${w.otherVillageOrg}, '${randomUUID()}', 'manual', id FROM staff WHERE username = 'pharmacist' RETURNING id`,
    );
    const list = (await w.village.get('/api/pharmacy/requests')).json();
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(other.id);
    expect(list.items.every((r: { orgId: number }) => r.orgId === w.villageOrg)).toBe(true);
  });

  it('an item without a supplier is refused at consolidation', async () => {
    const r = (await w.village.post('/api/pharmacy/requests', requestBody([{ drugId: w.nife, packs: 1 }]))).json();
    const res = await w.pharmacist.post('/api/pharmacy/purchase-orders', { requestIds: [r.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/未指定配送企业.*硝苯地平片/);
    expect(await owner(`SELECT status FROM stock_requests WHERE id = ${r.id}`)).toEqual({ status: 'submitted' });
  });

  it('voiding an order sends its requests back to be consolidated again', async () => {
    const r = (await w.village.post('/api/pharmacy/requests', requestBody([{ drugId: w.amlo, packs: 1 }]))).json();
    const [order] = (await w.pharmacist.post('/api/pharmacy/purchase-orders', { requestIds: [r.id] })).json().orders;
    expect((await w.pharmacist.post(`/api/pharmacy/purchase-orders/${order.id}/cancel`)).statusCode).toBe(200);
    expect(await owner(`SELECT status FROM stock_requests WHERE id = ${r.id}`)).toEqual({ status: 'submitted' });
    expect((await w.pharmacist.post(`/api/pharmacy/purchase-orders/${order.id}/approve`)).statusCode).toBe(409);
    await w.village.post(`/api/pharmacy/requests/${r.id}/cancel`);
    expect(await owner(`SELECT status FROM stock_requests WHERE id = ${r.id}`)).toEqual({ status: 'cancelled' });
  });

  it('the pharmacist consolidates into one order per supplier and moves it through its states', async () => {
    const res = await w.pharmacist.post('/api/pharmacy/purchase-orders', { requestIds: [requestId] });
    expect(res.statusCode, res.body).toBe(200);
    const [order] = res.json().orders;
    expect(order.orderNo).toBe('CG202612020002');
    poId = order.id;
    expect(await owner(`SELECT status FROM stock_requests WHERE id = ${requestId}`)).toEqual({
      status: 'consolidated',
    });
    const early = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/send`);
    expect(early.statusCode).toBe(409);
    for (const a of ['approve', 'send'])
      expect((await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/${a}`)).statusCode).toBe(200);
    expect(
      await owner(
        `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'pharmacy.po.%' AND resource_id = '${poId}'`,
      ),
    ).toEqual({ n: 3 });
  });

  it('receives by batch with trace codes; expired and over-receipt refused; a resend is one receipt', async () => {
    const detail = (await w.pharmacist.get(`/api/pharmacy/purchase-orders/${poId}`)).json();
    const amloLine = detail.lines.find((l: { drugId: number }) => l.drugId === w.amlo);
    const metfLine = detail.lines.find((l: { drugId: number }) => l.drugId === w.metf);
    const expired = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/receipts`, {
      clientId: randomUUID(),
      lines: [{ poLineId: amloLine.id, batchNo: 'A1', expiryDate: '2026-11-30', packs: 1 }],
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toMatch(/已过有效期/);
    const over = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/receipts`, {
      clientId: randomUUID(),
      lines: [{ poLineId: amloLine.id, batchNo: 'A1', expiryDate: '2028-06-30', packs: 11 }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toMatch(/超过采购数量/);
    const body = {
      clientId: randomUUID(),
      lines: [
        {
          poLineId: amloLine.id,
          batchNo: 'A1',
          expiryDate: '2028-06-30',
          packs: 10,
          traceCodes: codes('8100000000000000', 10),
        },
      ],
    };
    const first = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/receipts`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('partially_received');
    const again = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/receipts`, body);
    expect(again.json()).toMatchObject({ receiptId: first.json().receiptId, replayed: true });
    const second = await w.pharmacist.post(`/api/pharmacy/purchase-orders/${poId}/receipts`, {
      clientId: randomUUID(),
      lines: [{ poLineId: metfLine.id, batchNo: 'M1', expiryDate: '2027-01-15', packs: 4 }],
    });
    expect(second.json()).toMatchObject({ status: 'received' });
    expect(second.json().warnings[0]).toMatch(/近效期/);
    expect(
      await owner(
        `SELECT sum(qty_in)::int AS n FROM stock_batches WHERE org_id = ${w.centralOrg} AND drug_id = ${w.amlo}`,
      ),
    ).toEqual({ n: 280 });
    expect(await owner(`SELECT count(*)::int AS n FROM trace_codes WHERE drug_id = ${w.amlo}`)).toEqual({ n: 10 });
  });

  it('distributes to the village: approve, FEFO pick, ship with trace codes', async () => {
    const res = await w.pharmacist.post('/api/pharmacy/distributions', { requestId });
    expect(res.statusCode, res.body).toBe(200);
    distId = res.json().id;
    expect(res.json().distNo).toBe('PS202612020001');
    const early = await w.pharmacist.post(`/api/pharmacy/distributions/${distId}/pick`);
    expect(early.statusCode).toBe(409);
    for (const a of ['approve', 'pick', 'ship']) {
      const r = await w.pharmacist.post(`/api/pharmacy/distributions/${distId}/${a}`);
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(await owner(`SELECT count(*)::int AS n FROM trace_codes WHERE org_id = ${w.villageOrg}`)).toEqual({ n: 10 });
  });

  it('a short pick is refused whole and names the item', async () => {
    const d = (
      await w.pharmacist.post('/api/pharmacy/distributions', {
        toOrgId: w.villageOrg,
        lines: [{ drugId: w.amlo, packs: 1 }],
      })
    ).json();
    await w.pharmacist.post(`/api/pharmacy/distributions/${d.id}/approve`);
    const r = await w.pharmacist.post(`/api/pharmacy/distributions/${d.id}/pick`);
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toMatch(/氨氯地平片 库存不足：需要 1盒，可用 0盒/);
    expect(await owner(`SELECT status FROM distributions WHERE id = ${d.id}`)).toEqual({ status: 'approved' });
  });

  it('another village cannot see it; the village receives one line short → discrepancy, open until resolved', async () => {
    const detail = (await w.village.get(`/api/pharmacy/distributions/${distId}`)).json();
    const picks = detail.lines.flatMap((l: { drugId: number; picks: { id: number; packs: number }[] }) =>
      l.picks.map((p) => ({ pickId: p.id, receivedPacks: l.drugId === w.metf ? p.packs - 1 : p.packs })),
    );
    expect(detail.lines[0].picks[0].batchNo).toBe('A1');
    const over = await w.village.post(`/api/pharmacy/distributions/${distId}/receive`, {
      picks: picks.map((p: { pickId: number; receivedPacks: number }) => ({
        ...p,
        receivedPacks: p.receivedPacks + 5,
      })),
    });
    expect(over.statusCode).toBe(400);
    expect(detail.mayReceive).toBe(true);
    const byPharmacist = await w.pharmacist.post(`/api/pharmacy/distributions/${distId}/receive`, { picks });
    expect(byPharmacist.statusCode).toBe(403);
    const noNote = await w.village.post(`/api/pharmacy/distributions/${distId}/receive`, { picks });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toMatch(/差异说明/);
    const res = await w.village.post(`/api/pharmacy/distributions/${distId}/receive`, {
      picks,
      note: '二甲双胍少一盒',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('discrepancy');
    expect(
      await owner(
        `SELECT sum(qty_in - qty_out)::int AS n FROM stock_batches WHERE org_id = ${w.villageOrg} AND drug_id = ${w.metf}`,
      ),
    ).toEqual({ n: 3 * 48 });
    const open = (await w.pharmacist.get('/api/pharmacy/distributions?open=1')).json();
    expect(open.items.map((d: { id: number }) => d.id)).toContain(distId);
    expect((await w.village.get('/api/pharmacy/distributions?status=discrepancy')).json().total).toBe(1);
    const badResolve = await w.pharmacist.post(`/api/pharmacy/distributions/${distId}/resolve`, { resolution: '' });
    expect(badResolve.statusCode).toBe(400);
    const ok = await w.pharmacist.post(`/api/pharmacy/distributions/${distId}/resolve`, {
      resolution: '运输途中破损，已报损',
    });
    expect(ok.json().status).toBe('resolved');
    const after = (await w.pharmacist.get('/api/pharmacy/distributions?open=1')).json();
    expect(after.items.map((d: { id: number }) => d.id)).not.toContain(distId);
  });

  it('a village cannot see or receive another village’s distribution', async () => {
    const d = (
      await w.pharmacist.post('/api/pharmacy/distributions', {
        toOrgId: w.otherVillageOrg,
        lines: [{ drugId: w.amlo, packs: 1 }],
      })
    ).json();
    expect((await w.village.get(`/api/pharmacy/distributions/${d.id}`)).statusCode).toBe(404);
    expect(
      (
        await w.village.post(`/api/pharmacy/distributions/${d.id}/receive`, {
          picks: [{ pickId: 1, receivedPacks: 0 }],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await w.village.get('/api/pharmacy/distributions')).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(d.id);
  });

  it('stock equals the ledger for every batch', async () => {
    const rows = await env.asOwner(`
      SELECT b.id FROM stock_batches b LEFT JOIN (
        SELECT batch_id,
          sum(CASE WHEN kind IN ('receive','transfer_in','return') OR (kind = 'stocktake_adj' AND qty > 0) THEN abs(qty) ELSE 0 END) AS qin,
          sum(CASE WHEN kind IN ('transfer_out','dispense','loss','recall_out') OR (kind = 'stocktake_adj' AND qty < 0) THEN abs(qty) ELSE 0 END) AS qout
        FROM stock_moves GROUP BY batch_id) m ON m.batch_id = b.id
      WHERE b.qty_in <> coalesce(m.qin, 0) OR b.qty_out <> coalesce(m.qout, 0)`);
    expect(rows).toEqual([]);
    expect(
      await owner(
        `SELECT qty_in - qty_out AS left FROM stock_batches WHERE org_id = ${w.centralOrg} AND batch_no = 'A1'`,
      ),
    ).toEqual({ left: 0 });
  });

  it('publishes stock changes for live screens (SSE), to the orgs at both ends', async () => {
    const seen: { orgIds: number[]; data: Record<string, unknown> }[] = [];
    const stop = env.app.platform.events.subscribe('pharmacy.stock', (e) => seen.push(e));
    const d = (
      await w.pharmacist.post('/api/pharmacy/distributions', {
        toOrgId: w.villageOrg,
        lines: [{ drugId: w.metf, packs: 1 }],
      })
    ).json();
    await w.pharmacist.post(`/api/pharmacy/distributions/${d.id}/approve`);
    for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen.map((e) => e.data.status)).toEqual(['requested', 'approved']);
    expect(seen[1].orgIds.sort()).toEqual([w.centralOrg, w.villageOrg].sort());
    const stream = await w.village.get('/api/pharmacy/procure-stream');
    expect(stream.statusCode).toBe(406);
  });

  it('proposes a request from minimum stock and the last 30 days’ consumption', async () => {
    await env.asOwner(
      `INSERT INTO stock_levels (county_id, org_id, drug_id, min_packs, max_packs) VALUES
         (${env.countyId}, ${w.villageOrg}, ${w.metf}, 5, 12), (${env.countyId}, ${w.villageOrg}, ${w.amlo}, 5, 20)`,
    );
    const before = (await w.village.get('/api/pharmacy/requests/proposal')).json();
    expect(before.lines.map((l: { drugId: number; packs: number }) => [l.drugId, l.packs])).toEqual([[w.metf, 9]]);
    await env.asOwner(
      `INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, at)
       SELECT county_id, org_id, id, 'dispense', 224, 'dispense', '2026-11-20T02:00:00Z' FROM stock_batches
       WHERE org_id = ${w.villageOrg} AND drug_id = ${w.amlo}`,
    );
    const after = (await w.village.get('/api/pharmacy/requests/proposal')).json();
    expect(after.lines.find((l: { drugId: number }) => l.drugId === w.amlo)).toMatchObject({
      availablePacks: 2,
      usedPacks30d: 8,
      packs: 18,
    });
  });

  it('exports the lists to Excel', async () => {
    for (const url of [
      '/api/pharmacy/requests/export',
      '/api/pharmacy/purchase-orders/export',
      '/api/pharmacy/distributions/export',
    ]) {
      const r = await w.pharmacist.get(url);
      expect(r.statusCode, url).toBe(200);
    }
  });
});

describe('调剂 between townships', () => {
  it('a township asks another for stock; the pharmacist approves and ships; the township receives it', async () => {
    const a = await owner(`SELECT org_id AS id FROM staff WHERE username = 'township.doctor'`);
    const b = await owner(
      `SELECT id FROM orgs WHERE kind IN ('township_center', 'community_center') AND county_id = ${env.countyId} AND id <> ${a.id} ORDER BY id LIMIT 1`,
    );
    const batch = await owner(
      `INSERT INTO stock_batches (county_id, org_id, drug_id, batch_no, expiry_date) VALUES (${env.countyId}, ${b.id}, ${w.amlo}, 'TB1', '2028-03-31') RETURNING id`,
    );
    await env.asOwner(
      `INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind) VALUES (${env.countyId}, ${b.id}, ${batch.id}, 'receive', 140, 'opening')`,
    );
    const adHoc = await w.township.post('/api/pharmacy/distributions', {
      toOrgId: a.id,
      lines: [{ drugId: w.amlo, packs: 2 }],
    });
    expect(adHoc.statusCode).toBe(403);
    const res = await w.township.post('/api/pharmacy/distributions', {
      kind: 'transfer',
      fromOrgId: b.id,
      toOrgId: a.id,
      lines: [{ drugId: w.amlo, packs: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().distNo).toMatch(/^TJ20261202\d{4}$/);
    const id = res.json().id;
    expect((await w.township.post(`/api/pharmacy/distributions/${id}/approve`)).statusCode).toBe(403);
    for (const step of ['approve', 'pick', 'ship'])
      expect((await w.pharmacist.post(`/api/pharmacy/distributions/${id}/${step}`)).statusCode).toBe(200);
    const detail = (await w.township.get(`/api/pharmacy/distributions/${id}`)).json();
    const picks = detail.lines[0].picks.map((p: { id: number; packs: number }) => ({
      pickId: p.id,
      receivedPacks: p.packs,
    }));
    const got = await w.township.post(`/api/pharmacy/distributions/${id}/receive`, { picks });
    expect(got.json()).toMatchObject({ status: 'received' });
    const again = await w.township.post(`/api/pharmacy/distributions/${id}/receive`, { picks });
    expect(again.json()).toMatchObject({ status: 'received', replayed: true });
    expect(
      await owner(`SELECT (qty_in - qty_out)::int AS n FROM stock_batches WHERE org_id = ${a.id} AND batch_no = 'TB1'`),
    ).toEqual({ n: 56 });
    expect(await owner(`SELECT (qty_in - qty_out)::int AS n FROM stock_batches WHERE id = ${batch.id}`)).toEqual({
      n: 84,
    });
  });
});
