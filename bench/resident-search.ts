import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.ts';
import { openServer, withScope } from '../src/platform/db.ts';
import { OrgTree } from '../src/platform/org-tree.ts';
import * as queries from '../src/residents/residents.queries.ts';
import { classify } from '../src/residents/residents.service.ts';
import { ensureDemoCounty } from '../src/seed/seed.ts';
import { login, percentile, startServer } from './_server.ts';

/**
 * Resident search through HTTP as a logged-in county doctor (session check, policy, RLS
 * transaction, search, audit row) against the same search SQL run directly, at the same
 * concurrency, in the same run, on the jiexiu-sized county (~400,000 residents).
 */
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const database = await openServer(config);
  const started = Date.now();
  const created = await ensureDemoCounty(database.db, {
    profile: 'jiexiu',
    seed: config.demoSeed,
    password: config.demoPassword,
  });
  if (created)
    console.log(`生成 jiexiu 县域：${created.residents} 名居民，用时 ${Math.round((Date.now() - started) / 1000)} s`);
  const db = database.db;
  const tree = await new OrgTree(db).fresh();
  const county = await db.selectFrom('orgs').select('id').where('kind', '=', 'county').executeTakeFirstOrThrow();
  const orgIds = tree.subtree(county.id);
  const sample = await withScope(
    db,
    { userId: 0, orgIds },
    async (trx) =>
      (
        await sql<{ name: string; name_initials: string; id_number: string; mobile: string | null }>`
      SELECT name, name_initials, id_number, mobile FROM residents TABLESAMPLE SYSTEM (1) LIMIT 400`.execute(trx)
      ).rows,
  );
  const {
    rows: [{ n: residents }],
  } = await withScope(db, { userId: 0, orgIds }, (trx) =>
    sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(trx),
  );
  // the four kinds of term a front desk types, in equal parts
  const terms = sample.flatMap(
    (r, i) =>
      [[...r.name].slice(0, 2).join(''), r.name_initials.slice(0, 3), r.id_number, r.mobile ?? r.id_number][i % 4],
  );

  const server = await startServer({ DATABASE_URL: config.databaseUrl, DB_POOL_SIZE: String(CONNECTIONS) });
  let http: autocannon.Result;
  try {
    const cookie = await login(server.url, 'county.doctor', config.demoPassword);
    let next = 0;
    http = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie },
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/residents?q=${encodeURIComponent(terms[next++ % terms.length])}&pageSize=20`,
          }),
        },
      ],
    });
  } finally {
    await server.stop();
  }

  // baseline: the search statement alone, in a transaction with the same RLS scope
  const latencies: number[] = [];
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  let i = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const match = classify(terms[i++ % terms.length]);
      const t0 = performance.now();
      await withScope(db, { userId: 0, orgIds }, (trx) => queries.search(trx, orgIds, match, { limit: 20, offset: 0 }));
      latencies.push(performance.now() - t0);
      done++;
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const baselineRps = done / ((Date.now() - t0) / 1000);
  latencies.sort((a, b) => a - b);
  await database.close();

  const rps = http.requests.average;
  return {
    residents,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: http.requests.total,
    non_2xx: http.non2xx,
    errors: http.errors,
    rps: Math.round(rps),
    p50_ms: http.latency.p50,
    p99_ms: http.latency.p99,
    baseline_rps: Math.round(baselineRps),
    baseline_p50_ms: Number(percentile(latencies, 50).toFixed(2)),
    baseline_p99_ms: Number(percentile(latencies, 99).toFixed(2)),
    ratio: Number((rps / baselineRps).toFixed(3)),
  };
}
