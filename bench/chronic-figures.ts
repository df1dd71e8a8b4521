import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { shanghaiDate } from '../src/platform/calendar.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { seedChronic } from '../src/seed/chronic.seed.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { login, percentile, startServer, scratchDatabase } from './_server.ts';

/**
 * The chronic-disease and contract figures at county scale (issue 11). A scratch database on
 * the server in DATABASE_URL gets the jiexiu profile's residents (400,000) and its chronic
 * demo data (seedChronic: contracts, ≥ 60,000 hypertension and ≥ 20,000 diabetes cases, three
 * years of follow-ups, grids). Then, over HTTP on the real server:
 * - the county dashboard as the bureau: every figure for the county by township
 *   (GET /api/chronic/figures?level=township), p95 of DASHBOARD_N calls;
 * - a village doctor's day list (GET /api/chronic/day-list), p95 of DAYLIST_N calls;
 * - freshness: a follow-up saved by the village doctor, then the dashboard polled until the
 *   county's managed count moved.
 * Baseline in the same run: the same figures by plain aggregate SQL over the raw tables
 * (follow-ups, cases, residents, contracts, entitlements) as the database owner, median of 3.
 */
const DASHBOARD_N = Number(process.env.BENCH_DASHBOARD_N ?? 60);
const DAYLIST_N = Number(process.env.BENCH_DAYLIST_N ?? 100);

type Owner = Kysely<DB>;

/** The dashboard's figures for the county by township, by plain aggregates over the raw tables. */
async function baseline(owner: Owner, countyId: number, year: number): Promise<number> {
  const started = performance.now();
  const asOf = `least(make_date(${year}, 12, 31), (now() AT TIME ZONE 'Asia/Shanghai')::date)`;
  await sql`
    WITH f AS (
      SELECT f.case_id, f.org_id, f.disease, f.visit_date, f.mode, f.controlled,
             row_number() OVER (PARTITION BY f.case_id ORDER BY f.visit_date DESC, f.recorded_at DESC) AS rn
      FROM followups f WHERE f.county_id = ${countyId} AND f.visit_date >= make_date(${year}, 1, 1) AND f.visit_date <= make_date(${year}, 12, 31)
    ), per_case AS (
      SELECT case_id, org_id, disease, count(*) FILTER (WHERE mode <> 'phone') AS f2f,
             count(DISTINCT extract(quarter FROM visit_date)) FILTER (WHERE mode <> 'phone') AS quarters,
             bool_or(controlled) FILTER (WHERE rn = 1) AS last_controlled,
             max(visit_date) AS last_visit
      FROM f GROUP BY case_id, org_id, disease
    )
    SELECT o.parent_id, p.disease, count(*) AS managed, count(*) FILTER (WHERE f2f >= 4) AS four,
           count(*) FILTER (WHERE quarters = 4) AS quarterly, count(*) FILTER (WHERE last_controlled) AS controlled
    FROM per_case p JOIN orgs o ON o.id = p.org_id GROUP BY o.parent_id, p.disease`.execute(owner);
  await sql`
    SELECT o.parent_id, c.disease, count(*) AS registered,
           count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id
             AND f.visit_date BETWEEN make_date(${year}, 1, 1) AND make_date(${year}, 12, 31))) AS lost,
           count(*) FILTER (WHERE (SELECT f.controlled FROM followups f WHERE f.case_id = c.id
             AND f.visit_date BETWEEN make_date(${year}, 10, 1) AND make_date(${year}, 12, 31)
             ORDER BY f.visit_date DESC LIMIT 1)) AS controlled
    FROM chronic_cases c JOIN orgs o ON o.id = c.org_id
    WHERE c.county_id = ${countyId} AND c.disease IN ('htn', 't2dm') AND coalesce(c.confirmed_on, c.managed_on) <= make_date(${year}, 9, 30)
      AND (c.terminated_on IS NULL OR c.terminated_on > make_date(${year}, 12, 31))
    GROUP BY o.parent_id, c.disease`.execute(owner);
  await sql`
    SELECT o.parent_id, count(*) AS residents,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fd_contracts k WHERE k.resident_id = r.id AND k.period @> ${sql.raw(asOf)})) AS signed,
           count(*) FILTER (WHERE r.registered_poor) AS poor,
           count(*) FILTER (WHERE r.registered_poor AND EXISTS (SELECT 1 FROM fd_contracts k WHERE k.resident_id = r.id AND k.period @> ${sql.raw(asOf)})) AS poor_signed
    FROM residents r JOIN orgs o ON o.id = r.org_id
    WHERE r.county_id = ${countyId} AND (r.deceased_on IS NULL OR r.deceased_on > ${sql.raw(asOf)})
    GROUP BY o.parent_id`.execute(owner);
  await sql`
    SELECT o.parent_id, count(*) AS ended, count(n.id) AS renewed
    FROM fd_contracts c JOIN orgs o ON o.id = c.org_id LEFT JOIN fd_contracts n ON n.renewed_from_id = c.id
    WHERE c.county_id = ${countyId} AND c.status = 'active' AND extract(year FROM c.signed_to - 1) = ${year}
    GROUP BY o.parent_id`.execute(owner);
  await sql`
    SELECT o.parent_id, sum(least(e.used, e.quota)) AS used, sum(e.quota) AS quota
    FROM fd_contracts c JOIN fd_entitlements e ON e.contract_id = c.id JOIN orgs o ON o.id = c.org_id
    WHERE c.county_id = ${countyId} AND extract(year FROM lower(c.period)) = ${year}
    GROUP BY o.parent_id`.execute(owner);
  return performance.now() - started;
}

async function timed(url: string, cookie: string, path: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'chronic');
  try {
    const now = new Date();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const t0 = performance.now();
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, {
      profile: 'jiexiu',
      seed: 2026,
      password: config.demoPassword,
    });
    const residentSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const seeded = await seedChronic(database.db, { countyId, seed: 2026, now, scale: 'jiexiu' });
    const chronicSeconds = (performance.now() - t1) / 1000;
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: 4 });
    ownerPool.on('error', () => undefined);
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    await sql`ANALYZE`.execute(owner);
    const counts = await sql<{ residents: number; followups: number; htn: number; t2dm: number; contracts: number }>`
      SELECT (SELECT count(*)::int FROM residents) AS residents, (SELECT count(*)::int FROM followups) AS followups,
             (SELECT count(*)::int FROM chronic_cases WHERE disease = 'htn') AS htn,
             (SELECT count(*)::int FROM chronic_cases WHERE disease = 't2dm') AS t2dm,
             (SELECT count(*)::int FROM fd_contracts) AS contracts`.execute(owner);
    const c = counts.rows[0];

    const base: number[] = [];
    for (let i = 0; i < 3; i++) base.push(await baseline(owner, countyId, year));
    base.sort((a, b) => a - b);

    // a case of the demo village doctor's village with no follow-up yet this year, for the freshness probe
    const probe = await sql<{ id: number }>`
      SELECT c.id FROM chronic_cases c JOIN staff s ON s.org_id = c.org_id AND s.username = 'village.doctor'
      WHERE c.disease = 'htn' AND c.state = 'managed'
        AND NOT EXISTS (SELECT 1 FROM chronic_case_years y WHERE y.case_id = c.id AND y.year = ${year})
      LIMIT 1`.execute(owner);

    const server = await startServer({ DATABASE_URL: scratch.url, DB_POOL_SIZE: '10', LOGIN_RATE_LIMIT: '1000' });
    let dashboard: number[];
    let daylist: number[];
    let freshSeconds: number | null = null;
    let snapshotSeconds: number;
    try {
      const bureau = await login(server.url, 'bureau', config.demoPassword);
      const doctor = await login(server.url, 'village.doctor', config.demoPassword);
      const path = `/api/chronic/figures?year=${year}&level=township`;
      // the first call computes the snapshot (what the background job does every 20 s)
      const ts = performance.now();
      await timed(server.url, bureau, path, 1);
      snapshotSeconds = (performance.now() - ts) / 1000;
      await timed(server.url, bureau, path, 5);
      dashboard = await timed(server.url, bureau, path, DASHBOARD_N);
      await timed(server.url, doctor, '/api/chronic/day-list', 5);
      daylist = await timed(server.url, doctor, '/api/chronic/day-list', DAYLIST_N);
      if (probe.rows[0]) {
        const managed = async () => {
          const res = await fetch(`${server.url}${path}`, { headers: { cookie: bureau } });
          return ((await res.json()) as { total: { htn: { managed: number } } }).total.htn.managed;
        };
        const before = await managed();
        const csrf = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: doctor } }).then(
          async (r) => ((await r.json()) as { csrfToken?: string }).csrfToken ?? '',
        );
        const saved = performance.now();
        const res = await fetch(`${server.url}/api/chronic/followups`, {
          method: 'POST',
          headers: { cookie: doctor, 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({
            id: randomUUID(),
            caseId: probe.rows[0].id,
            visitDate: shanghaiDate(now),
            mode: 'clinic',
            sbp: 132,
            dbp: 82,
            adherence: 'regular',
          }),
        });
        if (res.status !== 201) throw new Error(`follow-up: ${res.status} ${await res.text()}`);
        while ((await managed()) === before && performance.now() - saved < 120_000)
          await new Promise((r) => setTimeout(r, 200));
        freshSeconds = Math.round((performance.now() - saved) / 100) / 10;
      }
    } finally {
      await server.stop();
      await owner.destroy();
    }
    const dashboardP95 = percentile(dashboard, 95);
    const daylistP95 = percentile(daylist, 95);
    const baselineMs = base[1];
    return {
      residents: c.residents,
      followups: c.followups,
      htn_cases: c.htn,
      t2dm_cases: c.t2dm,
      contracts: c.contracts,
      dashboard_p95_ms: Math.round(dashboardP95 * 10) / 10,
      daylist_p95_ms: Math.round(daylistP95 * 10) / 10,
      baseline_dashboard_ms: Math.round(baselineMs),
      speedup: Math.round((baselineMs / dashboardP95) * 10) / 10,
      fresh_s: freshSeconds,
      snapshot_s: Math.round(snapshotSeconds * 10) / 10,
      aims: { dashboard_p95_ms: '< 100', daylist_p95_ms: '< 50', speedup: '≥ 10', fresh_s: '≤ 60' },
      seed_seconds: { residents: Math.round(residentSeconds), chronic: Math.round(chronicSeconds), ...seeded },
      note: "the dashboard reads the views' rows from a per-county snapshot at most FIGURES_MAX_AGE_MS old (30 s), refreshed every 20 s in the background; fresh_s: how long a saved follow-up took to show on it",
    };
  } finally {
    await scratch.drop();
  }
}
