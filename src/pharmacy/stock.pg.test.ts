import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import {
  balance,
  dispenseBody,
  makeDrug,
  pharmacyWorld,
  receive,
  traceCode,
  type PharmacyWorld,
} from './pharmacy-test-kit.ts';

/** Races on a real PostgreSQL server (PGlite runs one statement at a time, so it cannot race). */
let env: TestEnv;
let w: PharmacyWorld;
let counters: Client[];
let drug: number;
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => new Date('2026-06-10T02:00:00Z') });
  w = await pharmacyWorld(env);
  drug = await makeDrug(env, { chargeCode: 'DRG-ASPI', name: '阿司匹林肠溶片', packQty: 30 });
  // several counters and phones of the same village at once
  counters = await Promise.all(Array.from({ length: 10 }, () => env.login('village.doctor')));
});
afterAll(async () => {
  await env?.close();
});

describe('stock races on PostgreSQL', () => {
  it('50 concurrent dispensings of the last 10 units leave exactly 0, in every round', async () => {
    for (let round = 0; round < 5; round++) {
      // the last 10 units spread over two batches, one nearly expired
      const a = await receive(env, {
        orgId: w.villageOrg,
        drugId: drug,
        batchNo: `A${round}`,
        expiry: '2026-07-01',
        qty: 4,
      });
      const b = await receive(env, {
        orgId: w.villageOrg,
        drugId: drug,
        batchNo: `B${round}`,
        expiry: '2027-07-01',
        qty: 6,
      });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          counters[i % counters.length].post(
            '/api/pharmacy/dispenses',
            dispenseBody(w.residents[i % w.residents.length], [{ drugId: drug, qty: 1 }]),
          ),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(10);
      expect(codes.filter((c) => c !== 201 && c !== 409)).toEqual([]);
      expect(await balance(env, a)).toMatchObject({ available: 0, out: 4 });
      expect(await balance(env, b)).toMatchObject({ available: 0, out: 6 });
    }
    // the invariant in SQL: no balance below zero, every balance equal to its ledger
    const bad = await env.asOwner(`
      SELECT b.id FROM stock_batches b
      LEFT JOIN LATERAL (
        SELECT coalesce(sum(qty) FILTER (WHERE kind IN ('receive','transfer_in','return') OR (kind = 'stocktake_adj' AND qty > 0)), 0) AS i,
               coalesce(sum(qty) FILTER (WHERE kind IN ('transfer_out','dispense','loss','recall_out')), 0)
                 + coalesce(sum(-qty) FILTER (WHERE kind = 'stocktake_adj' AND qty < 0), 0) AS o
        FROM stock_moves m WHERE m.batch_id = b.id) l ON true
      WHERE b.qty_in <> l.i OR b.qty_out <> l.o OR b.qty_in - b.qty_out - b.qty_blocked < 0`);
    expect(bad).toEqual([]);
    const lines = await env.asOwner(
      `SELECT coalesce(sum(qty), 0)::int AS n FROM dispense_lines WHERE drug_id = ${drug}`,
    );
    expect(lines[0].n).toBe(50);
  });

  it('the same trace code scanned at two counters at once is dispensed once; the other is flagged', async () => {
    await receive(env, { orgId: w.villageOrg, drugId: drug, batchNo: 'T1', expiry: '2027-07-01', qty: 300 });
    for (let round = 0; round < 5; round++) {
      const code = traceCode(9000 + round);
      const results = await Promise.all(
        counters
          .slice(0, 6)
          .map((c, i) =>
            c.post(
              '/api/pharmacy/dispenses',
              dispenseBody(w.residents[i], [{ drugId: drug, qty: 30, traceCodes: [code] }]),
            ),
          ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(
        Array(5).fill('TRACE_CODE_DISPENSED'),
      );
      const [f] = await env.asOwner(`SELECT count(*)::int AS n FROM trace_code_flags WHERE code = '${code}'`);
      expect(f.n).toBe(5);
    }
  });
});
