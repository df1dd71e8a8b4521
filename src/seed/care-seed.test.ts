import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedCare } from './care.seed.ts';

/** The care demo generator on the tiny county, scaled up per resident: proportions as the seeds say. */
let env: TestEnv;
const NOW = new Date('2026-06-30T12:00:00+08:00');

beforeAll(async () => {
  env = await createTestEnv();
  await seedCare(env.db, { countyId: env.countyId, seed: 7, visitsPerResident: 40, staysPerResident: 2, now: NOW });
});
afterAll(async () => {
  await env?.close();
});

const one = async (q: string) => (await env.asOwner(q))[0];

describe('care demo data', () => {
  it('a year of visits, mostly at village and township level, TCM mostly at the TCM hospital', async () => {
    const p = await one(`SELECT count(*) FILTER (WHERE in_numerator)::float8 / count(*) AS share, count(*)::int AS n
      FROM indicator_care_primary_visit_share_v01`);
    expect(p.n).toBeGreaterThan(2000);
    expect(p.share).toBeGreaterThan(0.65);
    expect(p.share).toBeLessThan(0.85);
    const tcm = await one(`SELECT count(*) FILTER (WHERE o.name LIKE '%中医医院')::float8 / count(*) AS at_tcm
      FROM visits v JOIN orgs o ON o.id = v.org_id WHERE v.tcm`);
    expect(tcm.at_tcm).toBeGreaterThan(0.4);
    const span = await one(`SELECT min(registered_at) AS lo, max(registered_at) AS hi FROM visits`);
    expect(new Date(String(span.hi)).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(String(span.lo)).getTime()).toBeGreaterThan(NOW.getTime() - 367 * 86_400_000);
  });

  it('stays near 7 days, beds sized for about 70% use, a drug share in the range of the seeds', async () => {
    const los = await one(
      `SELECT sum(los_days)::float8 / count(*) AS alos FROM indicator_care_average_length_of_stay_v01`,
    );
    expect(los.alos).toBeGreaterThan(5.5);
    expect(los.alos).toBeLessThan(8.5);
    const drug =
      await one(`SELECT sum(drug_fen)::float8 / sum(total_fen) AS drug, sum(consumable_fen)::float8 / sum(total_fen) AS cons
      FROM indicator_care_drug_share_v01`);
    expect(drug.drug).toBeGreaterThan(0.2);
    expect(drug.drug).toBeLessThan(0.45);
    const beds = await one(`SELECT count(*)::int AS n FROM beds`);
    expect(beds.n).toBeGreaterThan(0);
    console.log('care seed figures', { alos: los.alos, drug: drug.drug, consumables: drug.cons, beds: beds.n });
  });
});
