import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { loginWithCsrf, percentile, scratchDatabase, startServer } from './_server.ts';

/**
 * Village kit ingest (issue 12 §6): a week of kit readings from 163 villages (one kit each,
 * ~1,300 readings per kit: blood pressure, glucose, SpO₂, temperature, some past an alert
 * threshold) sent over HTTP to the real server (session, policy, RLS transaction, device and
 * residents checked, limits judged, one multi-row INSERT … ON CONFLICT DO NOTHING, audit) in
 * batches of 50 by 20 kits at once; one batch in ten is sent a second time right after (the
 * answer was lost), which must store nothing. Afterwards, in SQL: stored = distinct readings.
 *
 * Baseline in the same run: the same rows as bare multi-row INSERTs of 50 (as the owner, no
 * HTTP, session, RLS or checks) at the same concurrency over a pool of the server's size, into
 * the same table, emptied again before the HTTP run. ratio = rps / baseline_rps (readings per
 * second); backlog_s = the wall time of the whole HTTP backlog (duplicates included).
 *
 * The 163 villages are created in SQL under the demo township centre (so `township.doctor`
 * uploads for all of them), with 10 residents and one kit each. Runs in a scratch database on
 * the server in DATABASE_URL, dropped afterwards.
 */
const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 163);
const PER_KIT = Number(process.env.BENCH_PER_KIT ?? 1300);
const BATCH = 50;
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 20);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const DUP_EVERY = 10;
const RESIDENTS_PER_VILLAGE = 10;

type Owner = Kysely<DB>;
interface Reading {
  readingId: string;
  residentId: number;
  kind: 'bp' | 'glucose' | 'spo2' | 'temperature';
  measuredAt: string;
  systolic?: number;
  diastolic?: number;
  pulse?: number;
  glucose?: number;
  glucoseCtx?: 'fasting';
  spo2?: number;
  temperature?: number;
}
interface Kit {
  id: string;
  orgId: number;
  residents: number[];
}

async function setup(owner: Owner, countyId: number, townshipOrg: number): Promise<Kit[]> {
  const { rows } = await sql<{ id: number }>`
    WITH n AS (SELECT g FROM generate_series(1, ${VILLAGES}::int) g),
    ins AS (
      INSERT INTO orgs (county_id, parent_id, code, name, kind, level, path)
      SELECT ${countyId}::int, ${townshipOrg}::int, 'BENCH-V' || lpad(g::text, 3, '0'), '压测' || g || '村卫生室',
        'village_clinic', 'village', 'pending'
      FROM n RETURNING id)
    SELECT id FROM ins ORDER BY id`.execute(owner);
  await sql`UPDATE orgs o SET path = p.path || o.id || '/' FROM orgs p
    WHERE p.id = o.parent_id AND o.path = 'pending'`.execute(owner);
  const kits: Kit[] = [];
  for (const [k, { id: orgId }] of rows.entries()) {
    const { rows: res } = await sql<{ id: number }>`
      INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, insurance_type)
      SELECT ${countyId}::int, ${orgId}::int, '97' || lpad((${k}::int * 100 + g)::text, 16, '0'), '一体机' || ${k}::int || '-' || g,
        'ytj', 'ytj', CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END, date '1950-01-01' + g * 300, 'resident'
      FROM generate_series(1, ${RESIDENTS_PER_VILLAGE}::int) g RETURNING id`.execute(owner);
    const id = `BENCH-KIT-${String(k + 1).padStart(3, '0')}`;
    await sql`INSERT INTO kit_devices (id, county_id, org_id, model) VALUES (${id}, ${countyId}::int, ${orgId}::int, '压测一体机')`.execute(
      owner,
    );
    kits.push({ id, orgId, residents: res.map((r) => r.id) });
  }
  await sql`ANALYZE orgs, residents, kit_devices`.execute(owner);
  return kits;
}

/** a week of one kit's readings, in the order it measured them */
function readingsOf(kit: Kit, k: number, now: number): Reading[] {
  const week = 7 * 86_400_000;
  return Array.from({ length: PER_KIT }, (_, i) => {
    const measuredAt = new Date(now - week + Math.floor((i * week) / PER_KIT) + k * 1000).toISOString();
    const base = {
      readingId: `${kit.id}-${String(i).padStart(6, '0')}`,
      residentId: kit.residents[i % kit.residents.length],
      measuredAt,
    };
    switch (i % 4) {
      case 0:
        return {
          ...base,
          kind: 'bp',
          systolic: 110 + ((i * 7) % 85),
          diastolic: 65 + ((i * 3) % 40),
          pulse: 60 + (i % 40),
        };
      case 1:
        return { ...base, kind: 'glucose', glucose: 4 + ((i * 13) % 110) / 10, glucoseCtx: 'fasting' };
      case 2:
        return { ...base, kind: 'spo2', spo2: 90 + (i % 10), pulse: 60 + (i % 40) };
      default:
        return { ...base, kind: 'temperature', temperature: 36 + (i % 30) / 10 };
    }
  });
}

/** the stored row of a reading, as the server would write it (for the baseline) */
function rowOf(kit: Kit, r: Reading, countyId: number, staffId: number, receivedAt: Date) {
  return {
    device_id: kit.id,
    reading_id: r.readingId,
    county_id: countyId,
    org_id: kit.orgId,
    resident_id: r.residentId,
    staff_id: staffId,
    kind: r.kind,
    systolic: r.systolic ?? null,
    diastolic: r.diastolic ?? null,
    pulse: r.pulse ?? null,
    glucose: r.glucose === undefined ? null : r.glucose.toFixed(1),
    glucose_ctx: r.glucoseCtx ?? null,
    spo2: r.spo2 ?? null,
    temperature: r.temperature === undefined ? null : r.temperature.toFixed(1),
    heart_rate: null,
    ecg_leads: null,
    flagged: false,
    flag_reasons: [] as string[],
    measured_at: r.measuredAt,
    received_at: receivedAt,
  };
}

/** runs the jobs with `n` workers at once; returns the wall time in ms */
async function pool<T>(jobs: T[], n: number, fn: (job: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) await fn(jobs[next++]);
    }),
  );
  return performance.now() - t0;
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'kit');
  try {
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: POOL });
    ownerPool.on('error', () => {
      /* an idle connection dropped by the server: the pool replaces it */
    });
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const doctor = await owner
      .selectFrom('staff')
      .select(['id', 'org_id'])
      .where('username', '=', 'township.doctor')
      .executeTakeFirstOrThrow();
    const kits = await setup(owner, countyId, doctor.org_id);
    const now = Date.now();
    const perKit = kits.map((kit, k) => readingsOf(kit, k, now));
    const readings = perKit.reduce((s, r) => s + r.length, 0);

    // the kits' batches, kit by kit; every tenth sent twice (the answer was lost)
    interface Job {
      kit: Kit;
      batch: Reading[];
      twice: boolean;
    }
    const jobs: Job[] = [];
    let n = 0;
    for (const [k, kit] of kits.entries())
      for (let i = 0; i < perKit[k].length; i += BATCH)
        jobs.push({ kit, batch: perKit[k].slice(i, i + BATCH), twice: ++n % DUP_EVERY === 0 });
    // 20 kits at once: interleave the kits' queues so concurrent workers send for different kits
    jobs.sort(
      (a, b) =>
        a.batch[0].readingId.slice(-6).localeCompare(b.batch[0].readingId.slice(-6)) ||
        a.kit.id.localeCompare(b.kit.id),
    );

    // baseline: the same rows as bare multi-row INSERTs of 50, same concurrency and pool size
    const receivedAt = new Date();
    const baselineMs = await pool(jobs, CONCURRENT, async (job) => {
      await owner
        .insertInto('kit_readings')
        .values(job.batch.map((r) => rowOf(job.kit, r, countyId, doctor.id, receivedAt)))
        .execute();
    });
    const [{ n: baselineStored }] = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM kit_readings`.execute(owner)
    ).rows;
    await sql`TRUNCATE kit_readings`.execute(owner);
    await sql`VACUUM ANALYZE kit_readings`.execute(owner);

    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      LOGIN_RATE_LIMIT: '1000',
    });
    const latencies: number[] = [];
    const codes: Record<string, number> = {};
    let answeredStored = 0;
    let answeredDup = 0;
    let answeredRefused = 0;
    let firstOther = '';
    let duplicatesSent = 0;
    let backlogMs = 0;
    try {
      const s = await loginWithCsrf(server.url, 'township.doctor', config.demoPassword);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
      const post = async (job: Job, batchId: string) => {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/remote/kit/batches`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ deviceId: job.kit.id, batchId, readings: job.batch }),
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        codes[res.status] = (codes[res.status] ?? 0) + 1;
        if (res.status !== 200) {
          if (!firstOther) firstOther = `${res.status} ${text.slice(0, 300)}`;
          return;
        }
        const body = JSON.parse(text) as { stored: number; duplicates: number; refused: number };
        answeredStored += body.stored;
        answeredDup += body.duplicates;
        answeredRefused += body.refused;
      };
      // warm-up: one batch of another kind of work (devices list), so the first batches do not pay start-up
      await fetch(`${server.url}/api/remote/kit/devices`, { headers });
      backlogMs = await pool(jobs, CONCURRENT, async (job) => {
        const batchId = job.batch[0].readingId;
        await post(job, batchId);
        if (job.twice) {
          duplicatesSent += job.batch.length;
          await post(job, batchId);
        }
      });
    } finally {
      await server.stop();
    }
    const {
      rows: [c],
    } = await sql<{ stored: number; distinct_ids: number; flagged: number }>`
      SELECT count(*)::int AS stored, count(DISTINCT (device_id, reading_id))::int AS distinct_ids,
             count(*) FILTER (WHERE flagged)::int AS flagged FROM kit_readings`.execute(owner);
    await owner.destroy();
    const rps = readings / (backlogMs / 1000);
    const baselineRps = readings / (baselineMs / 1000);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      readings,
      duplicates_sent: duplicatesSent,
      stored: c.stored,
      stored_equals_distinct: c.stored === readings && c.distinct_ids === readings,
      rps: Math.round(rps),
      baseline_rps: Math.round(baselineRps),
      ratio: Number((rps / baselineRps).toFixed(3)),
      backlog_s: Number((backlogMs / 1000).toFixed(2)),
      baseline_s: Number((baselineMs / 1000).toFixed(2)),
      baseline_stored: baselineStored,
      batches: jobs.length,
      requests: latencies.length,
      requests_per_s: Math.round(latencies.length / (backlogMs / 1000)),
      answered_stored: answeredStored,
      answered_duplicates: answeredDup,
      answered_refused: answeredRefused,
      flagged: c.flagged,
      p50_ms: Number(percentile(sorted, 50).toFixed(1)),
      p99_ms: Number(percentile(sorted, 99).toFixed(1)),
      status_codes: codes,
      first_unexpected_answer: firstOther || null,
      villages: VILLAGES,
      batch: BATCH,
      concurrent: CONCURRENT,
      pool: POOL,
    };
  } finally {
    await scratch.drop();
  }
}
