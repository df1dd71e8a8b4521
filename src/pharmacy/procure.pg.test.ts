import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { procureWorld, requestBody, type ProcureWorld } from './procure-test-kit.ts';

/** Races on a real PostgreSQL server (PGlite runs one statement at a time, so it cannot race). */
let env: TestEnv;
let w: ProcureWorld;
let pharmacists: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => new Date('2026-12-02T02:00:00Z') });
  w = await procureWorld(env);
  pharmacists = await Promise.all(Array.from({ length: 6 }, () => env.login('pharmacist')));
});
afterAll(async () => {
  await env?.close();
});

const owner = async (q: string) => (await env.asOwner(q))[0];

async function sentOrder(packs: number) {
  const r = (await w.village.post('/api/pharmacy/requests', requestBody([{ drugId: w.amlo, packs }]))).json();
  const po = (await w.pharmacist.post('/api/pharmacy/purchase-orders', { requestIds: [r.id] })).json().orders[0];
  for (const a of ['approve', 'send']) await w.pharmacist.post(`/api/pharmacy/purchase-orders/${po.id}/${a}`);
  const line = (await w.pharmacist.get(`/api/pharmacy/purchase-orders/${po.id}`)).json().lines[0];
  return { requestId: r.id as number, poId: po.id as number, lineId: line.id as number };
}

describe('concurrency on PostgreSQL', () => {
  it('concurrent receipts of one order line never exceed the ordered packs', async () => {
    const { poId, lineId } = await sentOrder(10);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pharmacists[i % pharmacists.length].post(`/api/pharmacy/purchase-orders/${poId}/receipts`, {
          clientId: randomUUID(),
          lines: [{ poLineId: lineId, batchNo: 'RACE1', expiryDate: '2028-01-31', packs: 3 }],
        }),
      ),
    );
    const ok = answers.filter((a) => a.statusCode === 200).length;
    expect(ok).toBe(3);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'OVER_RECEIPT')).toBe(true);
    expect(await owner(`SELECT received_packs FROM purchase_order_lines WHERE id = ${lineId}`)).toEqual({
      received_packs: 9,
    });
    expect(
      await owner(`SELECT qty_in::int AS n FROM stock_batches WHERE batch_no = 'RACE1' AND org_id = ${w.centralOrg}`),
    ).toEqual({ n: 9 * 28 });
  });

  it('concurrent picks competing for the same stock never take more than there is', async () => {
    // 9 packs at the centre (above); five distributions of 3 packs each picked at once: three win
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const d = (
        await w.pharmacist.post('/api/pharmacy/distributions', {
          toOrgId: w.villageOrg,
          lines: [{ drugId: w.amlo, packs: 3 }],
        })
      ).json();
      await w.pharmacist.post(`/api/pharmacy/distributions/${d.id}/approve`);
      ids.push(d.id);
    }
    const answers = await Promise.all(
      ids.map((id, i) => pharmacists[i % pharmacists.length].post(`/api/pharmacy/distributions/${id}/pick`)),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'STOCK_SHORT')).toBe(true);
    expect(
      await owner(
        `SELECT (qty_in - qty_out)::int AS left FROM stock_batches WHERE batch_no = 'RACE1' AND org_id = ${w.centralOrg}`,
      ),
    ).toEqual({ left: 0 });
  });
});
