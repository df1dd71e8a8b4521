import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedCare, type CareSeedResult } from './care.seed.ts';

/**
 * The care demo generator on the tiny county (60 residents), scaled up per resident, measured
 * through the indicator views the figures page reads. Bands (the seeds' figure in brackets):
 *   primary share of visits 0.70–0.82 (most at village and township level)
 *   TCM share of visits 0.07–0.16, over 45% of TCM visits at the TCM hospital
 *   county-internal visit rate 0.93–0.97 (95%), inpatient 0.87–0.93 (90%), women and children ≥ 0.955 (97%)
 *   average length of stay 6.0–8.5 days (7.24)
 *   bed use 0.55–0.85 over the whole months of the year (71.5%)
 *   drug share 0.24–0.33 (28.03%), consumables 0.10–0.17 (13.49%)
 *   level-3 and level-4 operations present, under half of all operations
 */
let env: TestEnv;
let result: CareSeedResult;
const NOW = new Date('2026-06-30T12:00:00+08:00');

beforeAll(async () => {
  env = await createTestEnv();
  result = await seedCare(env.db, {
    countyId: env.countyId,
    seed: 7,
    visitsPerResident: 40,
    staysPerResident: 12,
    now: NOW,
    onStep: (step, ms) => console.log(`care seed: ${step} ${Math.round(ms)} ms`),
  });
});
afterAll(async () => {
  await env?.close();
});

const one = async (q: string) => (await env.asOwner(q))[0];
const figures: Record<string, unknown> = {};

describe('care demo data', () => {
  it('a year of visits, mostly at village and township level, TCM concentrated at the TCM hospital', async () => {
    const p = await one(`SELECT count(*) FILTER (WHERE in_numerator)::float8 / count(*) AS share, count(*)::int AS n
      FROM indicator_care_primary_visit_share_v01`);
    expect(p.n).toBe(result.visits);
    expect(p.share).toBeGreaterThan(0.7);
    expect(p.share).toBeLessThan(0.82);
    const tcm = await one(`SELECT count(*) FILTER (WHERE in_numerator)::float8 / count(*) AS share
      FROM indicator_care_tcm_visit_share_v01`);
    expect(tcm.share).toBeGreaterThan(0.07);
    expect(tcm.share).toBeLessThan(0.16);
    const where = await one(`SELECT count(*) FILTER (WHERE o.name LIKE '%中医医院')::float8 / count(*) AS at_tcm
      FROM visits v JOIN orgs o ON o.id = v.org_id WHERE v.tcm`);
    expect(where.at_tcm).toBeGreaterThan(0.45);
    const span = await one(`SELECT min(registered_at) AS lo, max(registered_at) AS hi FROM visits`);
    expect(new Date(String(span.hi)).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(String(span.lo)).getTime()).toBeGreaterThan(NOW.getTime() - 367 * 86_400_000);
    Object.assign(figures, { primary: p.share, tcm: tcm.share, tcmAtTcmHospital: where.at_tcm });
  });

  it('county-internal visit rate near 95%, inpatient near 90%, women and children higher', async () => {
    const r = await one(`SELECT
        count(*) FILTER (WHERE in_numerator AND visit_type = 'outpatient')::float8 / count(*) FILTER (WHERE visit_type = 'outpatient') AS outpatient,
        count(*) FILTER (WHERE in_numerator AND visit_type = 'inpatient')::float8 / count(*) FILTER (WHERE visit_type = 'inpatient') AS inpatient,
        count(*) FILTER (WHERE in_numerator AND visit_type = 'outpatient' AND woman_or_child)::float8
          / count(*) FILTER (WHERE visit_type = 'outpatient' AND woman_or_child) AS women_children
      FROM indicator_care_county_internal_visit_rate_v01`);
    expect(r.outpatient).toBeGreaterThan(0.93);
    expect(r.outpatient).toBeLessThan(0.97);
    expect(r.inpatient).toBeGreaterThan(0.87);
    expect(r.inpatient).toBeLessThan(0.93);
    expect(r.women_children).toBeGreaterThan(0.955);
    Object.assign(figures, {
      internalOutpatient: r.outpatient,
      internalInpatient: r.inpatient,
      womenChildren: r.women_children,
    });
  });

  it('stays near 7 days, bed use near 70%, level 3 and 4 operations, drug share near 28%', async () => {
    const los = await one(
      `SELECT sum(los_days)::float8 / count(*) AS alos FROM indicator_care_average_length_of_stay_v01`,
    );
    expect(los.alos).toBeGreaterThan(6);
    expect(los.alos).toBeLessThan(8.5);
    // whole months inside the generated year (the view runs to the wall clock's month)
    const beds =
      await one(`SELECT sum(occupied_bed_days)::float8 / sum(open_bed_days) AS rate FROM indicator_care_bed_use_rate_v01
      WHERE month > to_char(date '2026-06-30' - interval '12 months', 'YYYY-MM') AND month < '2026-06'`);
    expect(beds.rate).toBeGreaterThan(0.55);
    expect(beds.rate).toBeLessThan(0.85);
    const ops =
      await one(`SELECT count(*) FILTER (WHERE grade = 3)::int AS g3, count(*) FILTER (WHERE grade = 4)::int AS g4,
      count(*)::int AS n FROM stay_operations`);
    expect(ops.g3).toBeGreaterThan(0);
    expect(ops.g4).toBeGreaterThan(0);
    expect(Number(ops.g3) + Number(ops.g4)).toBeLessThan(Number(ops.n) / 2);
    const drug =
      await one(`SELECT sum(drug_fen)::float8 / sum(total_fen) AS drug, sum(consumable_fen)::float8 / sum(total_fen) AS cons
      FROM indicator_care_drug_share_v01`);
    expect(drug.drug).toBeGreaterThan(0.24);
    expect(drug.drug).toBeLessThan(0.33);
    expect(drug.cons).toBeGreaterThan(0.1);
    expect(drug.cons).toBeLessThan(0.17);
    Object.assign(figures, { alos: los.alos, bedUse: beds.rate, drug: drug.drug, consumables: drug.cons, ops });
  });

  it("today's inpatients hold their beds once each; past stays hold none", async () => {
    const occ = await one(`SELECT count(*)::int AS n, count(DISTINCT resident_id)::int AS people FROM bed_occupancy`);
    expect(occ.n).toBe(result.inpatientsNow);
    expect(occ.people).toBe(occ.n);
    const open = await one(`SELECT count(*) FILTER (WHERE status = 'admitted')::int AS admitted,
      count(*) FILTER (WHERE status = 'admitted' AND bed_id IS NULL)::int AS bedless FROM stays`);
    expect(open.admitted).toBe(result.inpatientsNow);
    expect(open.bedless).toBe(0);
    expect(result.inpatientsNow).toBeGreaterThan(0);
    console.log('care seed figures', { ...figures, beds: result.beds, inpatientsNow: result.inpatientsNow });
  });
});
