import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { makeDrug, pharmacyWorld, receive, type PharmacyWorld } from './pharmacy-test-kit.ts';
import { MOVE_KINDS, type MoveKind } from './pharmacy.tables.ts';

let env: TestEnv;
let w: PharmacyWorld;
let drug: number;
beforeAll(async () => {
  env = await createTestEnv();
  w = await pharmacyWorld(env);
  drug = await makeDrug(env, { chargeCode: 'DRG-NIFE', name: '硝苯地平缓释片', packQty: 30 });
});
afterAll(async () => {
  await env?.close();
});

/** a tiny deterministic generator, so a failure replays */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Bal {
  in: number;
  out: number;
  blocked: number;
}
/** what a move does to a balance (the ledger's meaning, written independently of the trigger) */
function apply(b: Bal, kind: MoveKind, qty: number): Bal {
  switch (kind) {
    case 'receive':
    case 'transfer_in':
    case 'return':
      return { ...b, in: b.in + qty };
    case 'transfer_out':
    case 'dispense':
    case 'loss':
      return { ...b, out: b.out + qty };
    case 'block':
      return { ...b, blocked: b.blocked + qty };
    case 'unblock':
      return { ...b, blocked: b.blocked - qty };
    case 'recall_out':
      return { ...b, blocked: b.blocked - qty, out: b.out + qty };
    case 'stocktake_adj':
      return qty > 0 ? { ...b, in: b.in + qty } : { ...b, out: b.out - qty };
  }
}
const valid = (b: Bal) => b.in >= 0 && b.out >= 0 && b.blocked >= 0 && b.out + b.blocked <= b.in;

describe('the stock ledger', () => {
  it('balances always equal the ledger and never go negative, over random move sequences', async () => {
    for (let seq = 0; seq < 6; seq++) {
      const next = rng(1000 + seq);
      const batchId = await receive(env, {
        orgId: w.villageOrg,
        drugId: drug,
        batchNo: `P${seq}`,
        expiry: '2027-01-01',
        qty: 20,
      });
      let model: Bal = { in: 20, out: 0, blocked: 0 };
      let refused = 0;
      for (let step = 0; step < 40; step++) {
        const kind = MOVE_KINDS[Math.floor(next() * MOVE_KINDS.length)];
        const size = 1 + Math.floor(next() * 15);
        const qty = kind === 'stocktake_adj' && next() < 0.5 ? -size : size;
        const after = apply(model, kind, qty);
        let accepted = true;
        try {
          await env.asOwner(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty)
            VALUES (${env.countyId}, ${w.villageOrg}, ${batchId}, '${kind}', ${qty})`);
        } catch {
          accepted = false;
        }
        // the database accepts exactly the moves that keep the balance valid
        expect(accepted, `${kind} ${qty} on ${JSON.stringify(model)}`).toBe(valid(after));
        if (accepted) model = after;
        else refused++;
        const [b] = await env.asOwner(
          `SELECT qty_in::int AS "in", qty_out::int AS "out", qty_blocked::int AS blocked FROM stock_batches WHERE id = ${batchId}`,
        );
        expect(b).toEqual(model);
      }
      expect(refused).toBeGreaterThan(0);
    }
  });

  it('the ledger is append-only, even for the owner', async () => {
    await expect(env.asOwner(`UPDATE stock_moves SET qty = 1000`)).rejects.toThrow(/只能追加/);
    await expect(env.asOwner(`DELETE FROM stock_moves`)).rejects.toThrow(/只能追加/);
  });
});
