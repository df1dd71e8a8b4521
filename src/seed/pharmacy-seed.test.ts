import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite, withScope, type Database } from '../platform/db.ts';
import { generateCounty } from './seed.ts';
import { seedPharmacy } from './pharmacy.seed.ts';

/**
 * The issue-14 demo data on the demo county, checked in SQL: a few hundred catalogue items with
 * valid codes and a price each, the old charge items among them, a year of stock where no
 * balance is negative and every batch equals the sum of its ledger rows, near-expiry and
 * expired stock, one open recall whose batch is blocked and whose residents exist.
 */
const onPglite = process.env.TEST_DB !== 'postgres';
const NOW = new Date('2026-06-30T12:00:00+08:00');
let database: Database;
let ms = 0;

beforeAll(async () => {
  if (!onPglite) return;
  database = await openPglite(undefined);
  const { countyId } = await generateCounty(database.db, {
    profile: 'demo',
    seed: 2026,
    password: 'Pharmacy-Seed-2026!',
  });
  const started = performance.now();
  await seedPharmacy(database.db, { countyId, seed: 2026, now: NOW, scale: 'demo' });
  ms = performance.now() - started;
  console.log(`pharmacy seed: ${Math.round(ms)} ms`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function one(q: string): Promise<Record<string, number>> {
  const orgs = await database.db.selectFrom('orgs').select('id').execute();
  const rows = await withScope(database.db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows;
  });
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

describe.runIf(onPglite)('pharmacy demo data', () => {
  it('a few hundred items, each priced now, every old drug charge item included, in seconds', async () => {
    const s = await one(`SELECT count(*) AS items, count(*) FILTER (WHERE kind = 'consumable') AS consumables,
        count(*) FILTER (WHERE charge_code LIKE 'DRG-%' OR charge_code LIKE 'CON-%') AS legacy,
        (SELECT count(*) FROM charge_items WHERE code LIKE 'DRG-%' OR code LIKE 'CON-%') AS legacy_items,
        count(*) FILTER (WHERE pinyin = '') AS no_pinyin,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM charge_prices p WHERE p.item_code = d.charge_code
          AND p.valid_from <= '${NOW.toISOString()}' AND (p.valid_to IS NULL OR p.valid_to > '${NOW.toISOString()}'))) AS unpriced,
        (SELECT count(*) FROM charge_prices WHERE valid_from > '${NOW.toISOString()}') AS planned,
        (SELECT count(*) FROM drug_suppliers) AS suppliers
      FROM drugs d`);
    expect(s.items).toBeGreaterThan(250);
    expect(s.consumables).toBeGreaterThan(20);
    // every drug and consumable billed before the catalogue existed is dispensable
    expect(s.legacy).toBe(s.legacy_items);
    expect(s.no_pinyin).toBe(0);
    expect(s.unpriced).toBe(0);
    expect(s.planned).toBe(3);
    expect(s.suppliers).toBeGreaterThanOrEqual(5);
    // about 2 s on a quiet machine; the bound leaves room for a shared CI runner
    expect(ms).toBeLessThan(15_000);
  });

  it('no negative balance; every batch equals the sum of its moves; dispensing priced as it was', async () => {
    const s = await one(`SELECT
        (SELECT count(*) FROM stock_batches WHERE qty_in - qty_out - qty_blocked < 0) AS negative,
        (SELECT count(*) FROM stock_batches b LEFT JOIN (
           SELECT batch_id,
             sum(CASE WHEN kind IN ('receive', 'transfer_in', 'return') OR (kind = 'stocktake_adj' AND qty > 0) THEN abs(qty) ELSE 0 END) AS i,
             sum(CASE WHEN kind IN ('transfer_out', 'dispense', 'loss', 'recall_out') OR (kind = 'stocktake_adj' AND qty < 0) THEN abs(qty) ELSE 0 END) AS o,
             sum(CASE kind WHEN 'block' THEN qty WHEN 'unblock' THEN -qty WHEN 'recall_out' THEN -qty ELSE 0 END) AS bl
           FROM stock_moves GROUP BY batch_id) m ON m.batch_id = b.id
         WHERE b.qty_in <> coalesce(m.i, 0) OR b.qty_out <> coalesce(m.o, 0) OR b.qty_blocked <> coalesce(m.bl, 0)) AS drift,
        (SELECT count(*) FROM stock_batches) AS batches,
        (SELECT count(*) FROM dispense_lines) AS lines,
        (SELECT count(*) FROM dispense_lines l JOIN charge_prices p ON p.id = l.price_id
         WHERE l.unit_price_fen <> p.price_fen OR p.valid_from > l.dispensed_at OR p.valid_to <= l.dispensed_at) AS mispriced,
        (SELECT count(*) FROM distributions WHERE status = 'received') AS distributions,
        (SELECT count(*) FROM purchase_orders WHERE status = 'received') AS orders,
        (SELECT count(DISTINCT org_id) FROM dispenses) AS dispensing_orgs,
        (SELECT count(*) FROM trace_codes) AS codes,
        (SELECT count(*) FROM trace_code_flags) AS flags`);
    expect(s.negative).toBe(0);
    expect(s.drift).toBe(0);
    expect(s.batches).toBeGreaterThan(1000);
    expect(s.lines).toBeGreaterThan(1000);
    expect(s.mispriced).toBe(0);
    expect(s.distributions).toBeGreaterThan(20);
    expect(s.orders).toBeGreaterThan(10);
    expect(s.dispensing_orgs).toBeGreaterThan(10);
    expect(s.codes).toBeGreaterThan(100);
    expect(s.flags).toBe(3);
  });

  it('near-expiry and expired stock; one open recall, blocked, whose residents exist; shortages in every state', async () => {
    const s = await one(`SELECT
        (SELECT count(*) FROM stock_batches WHERE expiry_date BETWEEN date '2026-06-30' AND date '2026-06-30' + 90
           AND qty_in - qty_out - qty_blocked > 0) AS near,
        (SELECT count(*) FROM stock_batches WHERE expiry_date < date '2026-06-30' AND qty_in - qty_out - qty_blocked > 0) AS expired,
        (SELECT count(*) FROM drug_recalls WHERE status = 'open') AS recalls,
        (SELECT blocked_qty FROM drug_recalls) AS blocked,
        (SELECT sum(b.qty_in - b.qty_out - b.qty_blocked) FROM drug_recalls r JOIN stock_batches b
           ON b.drug_id = r.drug_id AND b.batch_no = r.batch_no) AS still_available,
        (SELECT count(DISTINCT l.resident_id) FROM drug_recalls r JOIN stock_batches b ON b.drug_id = r.drug_id AND b.batch_no = r.batch_no
           JOIN dispense_lines l ON l.batch_id = b.id JOIN residents p ON p.id = l.resident_id) AS recall_residents,
        (SELECT count(*) FROM drug_recall_calls c LEFT JOIN residents p ON p.id = c.resident_id WHERE p.id IS NULL) AS orphan_calls,
        (SELECT count(DISTINCT status) FROM drug_shortages) AS shortage_states`);
    expect(s.near).toBeGreaterThan(5);
    expect(s.expired).toBeGreaterThan(0);
    expect(s.recalls).toBe(1);
    expect(s.blocked).toBeGreaterThan(0);
    expect(s.still_available).toBe(0);
    expect(s.recall_residents).toBeGreaterThan(0);
    expect(s.orphan_calls).toBe(0);
    expect(s.shortage_states).toBe(5);
  });
});
