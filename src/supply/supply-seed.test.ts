import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite, withScope, type Database } from '../platform/db.ts';
import { generateCounty } from '../seed/seed.ts';
import { seedSupply } from '../seed/supply.seed.ts';

/**
 * The issue-14 sterile-supply and waste demo data on the tiny county (which the demo profile
 * does not fill): a year of loads with one failed biological indicator and all its packs
 * recalled, packs issued to townships, bags from every township and village with handovers,
 * a few discrepancies and bags never collected. Measured in SQL at a fixed reference instant.
 */
const onPglite = process.env.TEST_DB !== 'postgres';
const NOW = new Date('2026-06-30T12:00:00+08:00');
let database: Database;
let orgIds: number[];

beforeAll(async () => {
  if (!onPglite) return;
  database = await openPglite(undefined);
  const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 7, password: 'Supply-Seed-2026!' });
  await seedSupply(database.db, { countyId, seed: 7, now: NOW, scale: 'demo' });
  orgIds = (await database.db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function one(q: string): Promise<Record<string, number>> {
  const rows = await withScope(
    database.db,
    { userId: 0, orgIds },
    async (trx) => (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows,
  );
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

describe.skipIf(!onPglite)('supply demo data', () => {
  it('a year of loads, one failed with every pack recalled, some already used', async () => {
    const loads = await one(`SELECT count(*) AS n, count(*) FILTER (WHERE status = 'failed') AS failed,
      count(*) FILTER (WHERE status = 'pending') AS pending, max(load_date) - min(load_date) AS span,
      count(*) FILTER (WHERE read_at > '${NOW.toISOString()}') AS future FROM sterile_loads`);
    expect(loads).toMatchObject({ failed: 1, pending: 6, span: 364, future: 0 });
    const recalled = await one(`SELECT count(*) AS n, count(*) FILTER (WHERE p.status = 'recalled') AS recalled,
      count(*) FILTER (WHERE p.recalled_from IN ('issued', 'used')) AS out
      FROM sterile_packs p JOIN sterile_loads l ON l.id = p.load_id WHERE l.status = 'failed'`);
    expect(recalled.n).toBeGreaterThan(0);
    expect(recalled.recalled).toBe(recalled.n);
    expect(recalled.out).toBeGreaterThan(0);
    const packs =
      await one(`SELECT count(*) FILTER (WHERE status = 'used') AS used, count(DISTINCT issued_to_org_id) AS townships,
      count(*) FILTER (WHERE used_at > '${NOW.toISOString()}') AS future FROM sterile_packs`);
    expect(packs.used).toBeGreaterThan(100);
    expect(packs.townships).toBeGreaterThan(0);
    expect(packs.future).toBe(0);
  });

  it('bags from every township and village, the chain mostly complete, a few discrepancies and overdue bags', async () => {
    const cover =
      await one(`SELECT count(*) AS orgs, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM waste_bags b WHERE b.org_id = o.id)) AS with_bags
      FROM orgs o WHERE o.kind IN ('village_clinic', 'township_center')`);
    expect(cover.with_bags).toBe(cover.orgs);
    const chain = await one(`SELECT count(*) AS bags, count(*) FILTER (WHERE stage = 'disposed') AS disposed,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM waste_handovers h WHERE h.bag_id = b.id AND h.step = 'collect')
        AND created_at < '${NOW.toISOString()}'::timestamptz - interval '48 hours') AS overdue,
      (SELECT count(*) FROM waste_handovers h WHERE abs(h.receiver_weight_g - h.giver_weight_g) > greatest(50, h.giver_weight_g * 0.05)) AS off,
      (SELECT count(*) FROM waste_handovers h WHERE h.given_at > '${NOW.toISOString()}') AS future
      FROM waste_bags b`);
    expect(chain.disposed / chain.bags).toBeGreaterThan(0.9);
    expect(chain.overdue).toBeGreaterThan(0);
    expect(chain.off).toBeGreaterThan(0);
    expect(chain.future).toBe(0);
    const views =
      await one(`SELECT (SELECT sum(weight_g) FROM indicator_supply_waste_v01) AS w, (SELECT sum(weight_g) FROM waste_bags) AS total,
      (SELECT sum(failed_loads) FROM indicator_supply_sterile_v01) AS failed`);
    expect(views.w).toBe(views.total);
    expect(views.failed).toBe(1);
  });
});
