import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { percentile, startServer, scratchDatabase } from './_server.ts';

/**
 * A booking rush: 200 concurrent clients fire ≥5,000 booking attempts over HTTP (real server
 * process: session check, policy, idempotency, preflight, RLS transaction, conditional slot
 * UPDATE, audit) at one session of 300 one-place slots. Exactly 300 must be confirmed, none
 * over, no 5xx. Baseline in the same run: the same number of attempts as the bare
 * conditional capacity UPDATE, at the same concurrency and pool size, on a fresh session.
 * Runs in a scratch database on the server in DATABASE_URL, dropped afterwards.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 6000);
const CAPACITY = 300;
/**
 * Database connections, the same for the server and the baseline. PostgreSQL here has 2
 * cores: past ~4 per core more connections only add lock and CPU contention (both the
 * server and the bare-SQL baseline run faster at 10 than at 40 on this machine).
 */
const POOL = Number(process.env.BENCH_POOL ?? 10);
const RESIDENTS = 1200;

type Owner = Kysely<DB>;

/** 1,200 extra residents in the first village (the tiny county has 60), as the owner. */
async function addResidents(owner: Owner, countyId: number): Promise<number[]> {
  const village = await owner
    .selectFrom('orgs')
    .select('id')
    .where('county_id', '=', countyId)
    .where('kind', '=', 'village_clinic')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: number }>`
    INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, mobile, insurance_type)
    SELECT ${countyId}, ${village.id}, '99' || lpad(g::text, 16, '0'), '压测' || g, 'yace' || g, 'yc', 'M', date '1970-01-01' + g, NULL, 'resident'
    FROM generate_series(1, ${RESIDENTS}) g RETURNING id`.execute(owner);
  return rows.map((r) => r.id);
}

async function insertSession(owner: Owner, countyId: number, label: string): Promise<number> {
  const dept = await owner
    .selectFrom('departments as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.org_id'])
    .where('o.county_id', '=', countyId)
    .where('o.kind', '=', 'county_hospital')
    .orderBy('d.id')
    .executeTakeFirstOrThrow();
  const expert = await owner
    .insertInto('experts')
    .values({
      county_id: countyId,
      name: `压测专家${label}`,
      title: '主任医师',
      home_hospital: '山西医科大学第一医院',
      hospital_level: 'provincial',
      speciality: '心血管内科',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const {
    rows: [s],
  } = await sql<{ id: number }>`
    INSERT INTO clinic_sessions (county_id, kind, session_type, expert_id, org_id, department_id, room, session_date, starts_at, ends_at, release_at, hold_until, status, capacity)
    VALUES (${countyId}, 'expert', 'clinic', ${expert.id}, ${dept.org_id}, ${dept.id}, ${label}, (now() + interval '3 days')::date,
      now() + interval '3 days', now() + interval '3 days 10 hours', now() - interval '1 hour', now() - interval '1 hour', 'published', ${CAPACITY})
    RETURNING id`.execute(owner);
  await sql`INSERT INTO clinic_slots (county_id, session_id, starts_at, ends_at, hold_until, capacity)
    SELECT ${countyId}, ${s.id}, now() + interval '3 days' + g * interval '2 minutes', now() + interval '3 days' + (g + 1) * interval '2 minutes', now() - interval '1 hour', 1
    FROM generate_series(0, ${CAPACITY - 1}) g`.execute(owner);
  return s.id;
}

async function loginStaff(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0],
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

async function confirmed(owner: Owner, sessionId: number) {
  const {
    rows: [r],
  } = await sql<{ bookings: number; booked: number; over: number; fill_ms: number }>`
    SELECT (SELECT count(*)::int FROM clinic_bookings WHERE session_id = ${sessionId} AND status = 'confirmed') AS bookings,
           (SELECT round(extract(epoch from max(created_at) - min(created_at)) * 1000)::int FROM clinic_bookings WHERE session_id = ${sessionId}) AS fill_ms,
           (SELECT coalesce(sum(booked), 0)::int FROM clinic_slots WHERE session_id = ${sessionId}) AS booked,
           (SELECT count(*)::int FROM clinic_slots WHERE session_id = ${sessionId} AND booked > capacity) AS over`.execute(
    owner,
  );
  return r;
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'rush');
  try {
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: POOL });
    ownerPool.on('error', () => {
      /* an idle connection dropped by the server: the pool replaces it */
    });
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const residents = await addResidents(owner, countyId);
    const rushSession = await insertSession(owner, countyId, 'R1');
    const baselineSession = await insertSession(owner, countyId, 'B1');

    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      LOGIN_RATE_LIMIT: '1000',
    });
    let http: autocannon.Result;
    let rushStart = 0;
    let rushSeconds = 0;
    let lastResponse = 0;
    const winnerMs: number[] = [];
    const loserMs: number[] = [];
    try {
      const staff = await loginStaff(server.url, 'coordinator', config.demoPassword);
      // warm-up on another (already full) session, so the rush measures a warm process, not JIT start-up
      const warmSession = await insertSession(owner, countyId, 'W1');
      await sql`UPDATE clinic_slots SET booked = capacity WHERE session_id = ${warmSession}`.execute(owner);
      await autocannon({
        url: server.url,
        connections: 50,
        amount: 1500,
        requests: [
          {
            method: 'POST',
            path: '/api/clinic-bookings',
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...req.headers,
                cookie: staff.cookie,
                'x-csrf-token': staff.csrf,
                'content-type': 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify({ sessionId: warmSession, residentId: residents[0] }),
            }),
          },
        ],
      });
      let n = 0;
      rushStart = performance.now();
      http = await new Promise<autocannon.Result>((resolve, reject) => {
        const run = autocannon(
          {
            url: server.url,
            connections: CLIENTS,
            amount: ATTEMPTS,
            timeout: 30,
            requests: [
              {
                method: 'POST',
                path: '/api/clinic-bookings',
                setupRequest: (req) => {
                  const i = n++;
                  return {
                    ...req,
                    headers: {
                      ...req.headers,
                      cookie: staff.cookie,
                      'x-csrf-token': staff.csrf,
                      'content-type': 'application/json',
                      'idempotency-key': randomUUID(),
                    },
                    body: JSON.stringify({ sessionId: rushSession, residentId: residents[i % residents.length] }),
                  };
                },
              },
            ],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        // winners and losers take different paths: their latencies are reported apart
        run.on('response', (_client, status: number, _bytes, ms: number) => {
          (status === 201 ? winnerMs : loserMs).push(ms);
          lastResponse = performance.now();
        });
      });
      rushSeconds = (lastResponse - rushStart) / 1000;
    } finally {
      await server.stop();
    }
    const codes = http.statusCodeStats as Record<string, { count: number }>;
    const serverErrors =
      Object.entries(codes)
        .filter(([c]) => Number(c) >= 500)
        .reduce((s, [, v]) => s + v.count, 0) +
      http.errors +
      http.timeouts;
    const rush = await confirmed(owner, rushSession);
    // first request to last answer: autocannon's own duration only ends on its next 1-second tick
    const rps = http.requests.total / rushSeconds;

    // baseline: the conditional capacity UPDATE alone, same attempts, same concurrency and pool
    const latencies: number[] = [];
    let next = 0;
    let won = 0;
    const worker = async () => {
      while (next < ATTEMPTS) {
        next++;
        const t0 = performance.now();
        const { rows } = await sql<{ id: number }>`
          UPDATE clinic_slots SET booked = booked + 1
          WHERE id = (SELECT id FROM clinic_slots WHERE session_id = ${baselineSession} AND booked < capacity ORDER BY starts_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            AND booked < capacity
          RETURNING id`.execute(owner);
        latencies.push(performance.now() - t0);
        if (rows.length) won++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, worker));
    const baselineRps = ATTEMPTS / ((performance.now() - t0) / 1000);
    latencies.sort((a, b) => a - b);
    await owner.destroy();

    return {
      capacity: CAPACITY,
      attempts: http.requests.total,
      confirmed: rush.bookings,
      overbooked: Math.max(0, rush.bookings - CAPACITY) + rush.over,
      server_errors: serverErrors,
      rps: Math.round(rps),
      p99_ms: http.latency.p99,
      p50_ms: http.latency.p50,
      status_codes: Object.fromEntries(Object.entries(codes).map(([c, v]) => [c, v.count])),
      slots_booked_sum: rush.booked,
      fill_ms: rush.fill_ms,
      p99_confirmed_ms: percentile(
        winnerMs.sort((a, b) => a - b),
        99,
      ),
      p99_full_ms: percentile(
        loserMs.sort((a, b) => a - b),
        99,
      ),
      clients: CLIENTS,
      pool: POOL,
      baseline_rps: Math.round(baselineRps),
      baseline_confirmed: won,
      baseline_p99_ms: Number(percentile(latencies, 99).toFixed(2)),
      ratio: Number((rps / baselineRps).toFixed(3)),
    };
  } finally {
    await scratch.drop();
  }
}
