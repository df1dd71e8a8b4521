import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite, withScope, type Database } from '../platform/db.ts';
import { generateCounty } from './seed.ts';
import { seedChronic, type ChronicSeedResult } from './chronic.seed.ts';

/**
 * The issue-11 demo generator on the demo county (20,000 residents, 24 villages), measured in
 * SQL: contracts (about 69% signed, every registered poor resident, 续签率 near 80%, 2–4% up
 * for renewal, 8–12% 签而不约), entitlements never past quota, the registries' sizes, every
 * follow-up classified as the rules say, control at the year's last follow-up in 45–65%,
 * grids within their limits and the demo grid member's grid full with open alerts.
 */
const onPglite = process.env.TEST_DB !== 'postgres';
const NOW = new Date('2026-06-30T12:00:00+08:00');
const TODAY = `date '2026-06-30'`;
let database: Database;
let result: ChronicSeedResult;

beforeAll(async () => {
  if (!onPglite) return;
  database = await openPglite(undefined);
  const { countyId } = await generateCounty(database.db, {
    profile: 'demo',
    seed: 2026,
    password: 'Chronic-Seed-2026!',
  });
  const started = performance.now();
  result = await seedChronic(database.db, {
    countyId,
    seed: 2026,
    now: NOW,
    scale: 'demo',
    onStep: (step, ms) => console.log(`${step}: ${Math.round(ms)} ms`),
  });
  console.log(`chronic seed: ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

async function one(q: string): Promise<Record<string, number>> {
  const orgs = await database.db.selectFrom('orgs').select('id').execute();
  const rows = await withScope(database.db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    // the tables were filled in one transaction and never analyzed: hash joins, not nested loops
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows;
  });
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

const ACTIVE_NOW = `k.status = 'active' AND k.period @> ${TODAY}`;

describe.runIf(onPglite)('chronic and family-doctor demo data', () => {
  it('signs about 69% of living residents and every registered poor resident', async () => {
    const s = await one(`SELECT count(k.resident_id)::float8 / count(*) AS signed,
        count(*) FILTER (WHERE r.registered_poor AND k.resident_id IS NULL) AS poor_unsigned,
        count(*) FILTER (WHERE r.registered_poor) AS poor
      FROM residents r LEFT JOIN (SELECT DISTINCT k.resident_id FROM fd_contracts k WHERE ${ACTIVE_NOW}) k ON k.resident_id = r.id
      WHERE r.deceased_on IS NULL`);
    expect(s.signed).toBeGreaterThan(0.64);
    expect(s.signed).toBeLessThan(0.74);
    expect(s.poor).toBeGreaterThan(0);
    expect(s.poor_unsigned).toBe(0);
    const r = await one(`SELECT
        (SELECT count(n.id)::float8 / count(*) FROM fd_contracts k LEFT JOIN fd_contracts n ON n.renewed_from_id = k.id
         WHERE k.status = 'active' AND upper(k.period) <= ${TODAY} AND upper(k.period) > ${TODAY} - 365) AS renewed,
        (SELECT count(*) FILTER (WHERE upper(k.period) <= ${TODAY} + 30)::float8 / count(*) FROM fd_contracts k WHERE ${ACTIVE_NOW}) AS due,
        (SELECT count(*) FILTER (WHERE d.contract_id IS NULL)::float8 / count(*) FROM fd_contracts k
         LEFT JOIN (SELECT DISTINCT contract_id FROM fd_deliveries WHERE delivered_on > ${TODAY} - 90) d ON d.contract_id = k.id
         WHERE ${ACTIVE_NOW}) AS idle,
        (SELECT count(*) FROM fd_contracts k WHERE k.status = 'terminated') AS terminated,
        (SELECT count(*) FROM fd_contracts k JOIN fd_contracts p ON p.id = k.renewed_from_id
         WHERE upper(p.period) <> lower(k.period)) AS gaps`);
    expect(r.renewed).toBeGreaterThan(0.75);
    expect(r.renewed).toBeLessThan(0.85);
    expect(r.due).toBeGreaterThan(0.02);
    expect(r.due).toBeLessThan(0.04);
    expect(r.idle).toBeGreaterThan(0.08);
    expect(r.idle).toBeLessThan(0.12);
    expect(r.terminated).toBeGreaterThan(0);
    expect(r.gaps).toBe(0);
  }, 60_000);

  it('counts deliveries against entitlements, never past quota; versions of the HTN package both in use', async () => {
    const e = await one(`SELECT count(*) FILTER (WHERE e.used > e.quota) AS over,
        count(*) FILTER (WHERE e.used <> coalesce(d.n, 0)) AS wrong, sum(e.used) AS used
      FROM fd_entitlements e LEFT JOIN (SELECT entitlement_id, count(*) AS n FROM fd_deliveries GROUP BY entitlement_id) d
        ON d.entitlement_id = e.id`);
    expect(e.over).toBe(0);
    expect(e.wrong).toBe(0);
    expect(e.used).toBeGreaterThan(0);
    const v =
      await one(`SELECT count(DISTINCT p.version) AS versions FROM fd_contract_packages cp JOIN fd_packages p ON p.id = cp.package_id
      WHERE p.code = 'HTN'`);
    expect(v.versions).toBe(2);
    const t = await one(`SELECT count(*) AS villages, count(DISTINCT tv.village_org_id) AS mapped
      FROM orgs o LEFT JOIN fd_team_villages tv ON tv.village_org_id = o.id WHERE o.kind = 'village_clinic'`);
    expect(t.mapped).toBe(t.villages);
  }, 60_000);

  it('registers hypertension at 25–28% and diabetes at 8–10% of residents 35+', async () => {
    const c =
      await one(`SELECT (SELECT count(*) FROM residents WHERE deceased_on IS NULL AND birth_date <= ${TODAY} - interval '35 years') AS n35,
        (SELECT count(*) FROM chronic_cases k JOIN residents r ON r.id = k.resident_id WHERE k.disease = 'htn' AND r.deceased_on IS NULL) AS htn,
        (SELECT count(*) FROM chronic_cases k JOIN residents r ON r.id = k.resident_id WHERE k.disease = 't2dm' AND r.deceased_on IS NULL) AS dm,
        (SELECT count(*) FROM chronic_cases k JOIN residents r ON r.id = k.resident_id
          WHERE NOT (r.chronic_conditions && ARRAY[CASE k.disease WHEN 'htn' THEN 'hypertension' ELSE 'diabetes' END])) AS unmarked`);
    expect(c.htn / c.n35).toBeGreaterThan(0.25);
    expect(c.htn / c.n35).toBeLessThan(0.28);
    expect(c.dm / c.n35).toBeGreaterThan(0.08);
    expect(c.dm / c.n35).toBeLessThan(0.1);
    expect(c.unmarked).toBe(0);
  }, 60_000);

  it('classifies every follow-up as the rules do, and controls 45–65% at the last follow-up of last year', async () => {
    const f =
      await one(`SELECT count(*) AS n, count(*) FILTER (WHERE f.controlled IS DISTINCT FROM CASE WHEN f.disease = 'htn'
            THEN f.sbp < CASE WHEN r.birth_date <= f.visit_date - interval '65 years' THEN 150 ELSE 140 END AND f.dbp < 90
            ELSE f.fbg_mmol < 7.0 END) AS wrong_control,
        count(*) FILTER (WHERE f.classification IN (1, 2) AND f.classification <> CASE WHEN f.controlled THEN 1 ELSE 2 END) AS wrong_class,
        count(*) FILTER (WHERE (f.referral = 'emergency') <> (f.heart_rate > 100 OR CASE WHEN f.disease = 'htn'
            THEN f.sbp >= 180 OR f.dbp >= 110 ELSE f.fbg_mmol >= 16.7 OR f.fbg_mmol <= 3.9 END)) AS wrong_emergency,
        count(*) FILTER (WHERE f.next_due <> CASE WHEN f.referral = 'none' AND f.classification = 1
            THEN (f.visit_date + interval '3 months')::date ELSE f.visit_date + 14 END) AS wrong_due,
        count(*) FILTER (WHERE f.mode = 'phone')::float8 / count(*) AS phone,
        count(*) FILTER (WHERE f.referral = 'emergency') AS emergencies,
        count(*) FILTER (WHERE f.late_entry AND f.device_at < f.recorded_at - interval '1 day') AS late
      FROM followups f JOIN residents r ON r.id = f.resident_id`);
    expect(f.n).toBe(result.followups);
    expect(f.wrong_control).toBe(0);
    expect(f.wrong_class).toBe(0);
    expect(f.wrong_emergency).toBe(0);
    expect(f.wrong_due).toBe(0);
    expect(f.phone).toBeLessThanOrEqual(0.15);
    expect(f.emergencies).toBeGreaterThan(0);
    expect(f.late).toBeGreaterThan(0);
    const y = await one(`SELECT avg(last_controlled::int) AS controlled, avg((followups >= 4)::int) AS four,
        count(*) FILTER (WHERE y.followups <> f.n OR y.last_visit <> f.last OR f.n IS NULL) AS wrong
      FROM chronic_case_years y LEFT JOIN (SELECT case_id, count(*) AS n, max(visit_date) AS last FROM followups
        WHERE visit_date BETWEEN date '2025-01-01' AND date '2025-12-31' GROUP BY case_id) f ON f.case_id = y.case_id
      WHERE y.year = 2025`);
    expect(y.controlled).toBeGreaterThan(0.45);
    expect(y.controlled).toBeLessThan(0.65);
    expect(y.four).toBeGreaterThan(0.7);
    expect(y.four).toBeLessThan(0.85);
    expect(y.wrong).toBe(0);
    const due = await one(`SELECT count(*) FILTER (WHERE next_due < ${TODAY}) AS overdue,
        count(*) FILTER (WHERE next_due BETWEEN ${TODAY} AND ${TODAY} + 6) AS week FROM chronic_cases WHERE state = 'managed'`);
    expect(due.overdue).toBeGreaterThan(0);
    expect(due.week).toBeGreaterThan(0);
  }, 60_000);

  it('keeps grids within their limits; the demo grid member leads a full grid under village.doctor with open alerts', async () => {
    const g = await one(`SELECT max(g.patients) AS biggest,
        count(*) FILTER (WHERE g.patients <> (SELECT count(*) FROM grid_patients p WHERE p.grid_id = g.id)) AS wrong,
        (SELECT max(n) FROM (SELECT count(*) AS n FROM grids GROUP BY doctor_staff_id) x) AS most,
        (SELECT count(*) FROM grid_doctor_loads l WHERE l.grids <> (SELECT count(*) FROM grids x WHERE x.doctor_staff_id = l.staff_id)) AS loads
      FROM grids g`);
    expect(g.biggest).toBeLessThanOrEqual(20);
    expect(g.wrong).toBe(0);
    expect(g.most).toBeLessThanOrEqual(15);
    expect(g.loads).toBe(0);
    const demo = await one(`SELECT g.patients, (d.username = 'village.doctor')::int AS doctor,
        (SELECT count(*) FROM grid_readings r WHERE r.grid_id = g.id AND r.alert AND r.handled_at IS NULL) AS open,
        (SELECT count(*) FROM grid_patients p JOIN chronic_cases k ON k.resident_id = p.resident_id AND k.disease = 'htn'
          WHERE p.grid_id = g.id) AS htn,
        (SELECT count(*) FROM grid_logs l WHERE l.grid_id = g.id) AS logs
      FROM grids g JOIN staff m ON m.id = g.member_staff_id AND m.username = 'grid.member' JOIN staff d ON d.id = g.doctor_staff_id`);
    expect(demo.patients).toBe(20);
    expect(demo.doctor).toBe(1);
    expect(demo.open).toBeGreaterThanOrEqual(2);
    expect(demo.open).toBeLessThanOrEqual(4);
    expect(demo.htn).toBeGreaterThanOrEqual(5);
    expect(demo.logs).toBe(8);
  }, 60_000);

  it('flags two village doctors for terminal-digit preference, and fills the base data', async () => {
    const t =
      await one(`SELECT count(*) AS heaping FROM (SELECT staff_id FROM followups WHERE disease = 'htn' GROUP BY staff_id
      HAVING avg((sbp % 10 = 0)::int) > 0.5) x`);
    expect(t.heaping).toBe(2);
    const b = await one(
      `SELECT count(*) AS rows, count(DISTINCT year) AS years, min(pop_35_plus) AS smallest FROM chronic_base_data`,
    );
    expect(b.rows).toBe(24 * 3);
    expect(b.years).toBe(3);
    expect(b.smallest).toBeGreaterThan(0);
  }, 60_000);
});
