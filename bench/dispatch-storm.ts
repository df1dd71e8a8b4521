import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { fromScene } from '../src/ems/recommend.service.ts';
import { hospitals } from '../src/ems/fleet.service.ts';
import { loadRoadGraph } from '../src/ems/roads.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { seedRoads } from '../src/seed/ems-roads.seed.ts';
import { seedEms } from '../src/seed/ems.seed.ts';
import { Rng } from '../src/seed/random.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { loginWithCsrf, percentile, scratchDatabase, startServer } from './_server.ts';

/**
 * A dispatch storm (issue 13): 300 calls in 60 s over the jiexiu-scale road network (5,000+
 * nodes), 20 ambulances, 10 dispatchers (10 accounts, one session each). Calls come in waves
 * of ten every 2 s, one per dispatcher, so the ten take their calls at the same moment: each
 * POSTs the call, GETs /api/ems/calls/:id/recommend and dispatches the top vehicle with the
 * top hospital. Calls of one wave near the same station share their top vehicle, so most
 * dispatchers collide: 409 VEHICLE_BUSY → the next vehicle of the same recommendation, as a
 * dispatcher would; the list used up → recommend again (after 150 ms when nothing was free).
 *
 * Each vehicle's crew (its first crew account, logged in on its own session) runs the mission
 * on compressed time through the API: depart, arrive on scene, then 70 % leave the scene and
 * arrive at the hospital, clear, and back in the station (POST /api/ems/vehicles/:id/status).
 * A returning vehicle may be dispatched again before it is back (the rules allow it): its
 * back_in_station then answers 409 VEHICLE_TRANSITION, counted apart. One mission in 20 is a
 * duplicate call: the dispatcher stands the vehicle down on its way and cancels the call.
 *
 * Checked in SQL: during the run (every 500 ms, one snapshot) no vehicle's status disagrees
 * with its missions; at the end no vehicle ever had two missions overlapping in time
 * (created_at … ended_at) or two active at once (double_dispatched), and what is left: active
 * missions, the calls by status.
 *
 * Baseline in the same run: the same search in-process, the road graph from loadRoadGraph
 * and, for each scene of the storm, fromScene to the 20 vehicles' stations and the hospitals
 * plus the two rankings (what recommend() does after its reads). ratio = baseline p95 /
 * recommend p95 over HTTP, the share of the HTTP time that is the search (the house's ratios
 * are HTTP speed over baseline speed: 1 = no overhead). Extra, to place the difference: the
 * same recommendations over HTTP one at a time after the storm (idle), and recommend's reads
 * run as the owner (no HTTP, session or row-level security) followed by the search; and the
 * CPU the server, its PostgreSQL backends and this process used per call during the storm and
 * per idle recommendation (with the cores they kept busy: on a shared machine, a latency far
 * above the CPU it needs is time spent waiting for a core).
 *
 * The county: the tiny test county with the jiexiu-scale roads (seedRoads) and the fleet of
 * seedEms without history (a station at the people's hospital and one at the maternal and
 * child health hospital), of which eight ambulances are moved to two township stations so the
 * nearest vehicle depends on the scene; the mobile CT vehicle is put out of service.
 * Runs in a scratch database on the server in DATABASE_URL, dropped afterwards.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const DISPATCHERS = Number(process.env.BENCH_DISPATCHERS ?? 10);
/** the server's database connections */
const POOL = Number(process.env.BENCH_POOL ?? 10);
/** multiplies the crews' simulated step times (1: a mission of about 2 s) */
const MISSION_SCALE = Number(process.env.BENCH_MISSION_SCALE ?? 1);
const AMBULANCES = 20;
/** ambulances moved from the people's hospital to each of the (first two) township centres */
const PER_TOWNSHIP = 4;
const WARM_WAVES = 2;
const DUPLICATE_SHARE = 0.05;
const TRANSPORT_SHARE = 0.7;
/** a dispatcher gives a call up after this long without a vehicle (counted; never expected) */
const GIVE_UP_MS = 30_000;
/** simulated durations of the crew's steps (ms, uniform between), before MISSION_SCALE */
const STEP_MS = {
  depart: [150, 300],
  arrive_scene: [300, 600],
  leave_scene: [200, 400],
  arrive_hospital: [300, 600],
  clear: [100, 200],
  back: [200, 500],
} as const;
const COMPLAINTS: ReadonlyArray<readonly [string, number]> = [
  ['CHEST_PAIN', 14],
  ['CARDIAC_ARREST', 2],
  ['PALPITATION', 5],
  ['STROKE', 10],
  ['HEADACHE', 4],
  ['TRAFFIC', 12],
  ['FALL', 10],
  ['BURN', 2],
  ['LABOUR', 5],
  ['PREG_HTN', 1],
  ['NEWBORN', 1],
  ['DYSPNOEA', 10],
  ['POISON', 3],
  ['ABDOMINAL', 10],
  ['FEVER', 8],
  ['TRANSFER', 3],
];

type Owner = Kysely<DB>;

interface Session {
  cookie: string;
  csrf: string;
}

interface Scene {
  lat: number;
  lng: number;
  complaint: string;
  address: string;
}

interface RecVehicle {
  vehicleId: number;
  minutes: number | null;
}
interface Recommendation {
  vehicles: RecVehicle[];
  hospitals: Array<{ orgId: number; capable: boolean }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p = (xs: number[], q: number, digits = 1) => Number(percentile(sorted(xs), q).toFixed(digits));

/** every answer of the run, by request and status; 5xx and failed requests counted as server errors */
class Tally {
  codes: Record<string, number> = {};
  serverErrors = 0;
  networkErrors = 0;
  firstUnexpected: string | null = null;
  ms: Record<string, number[]> = {};

  count(key: string, status: number, text: string, expected: boolean, ms: number): void {
    this.codes[`${key} ${status}`] = (this.codes[`${key} ${status}`] ?? 0) + 1;
    (this.ms[key] ??= []).push(ms);
    if (status >= 500) this.serverErrors++;
    if (!expected && !this.firstUnexpected) this.firstUnexpected = `${key} ${status} ${text.slice(0, 300)}`;
  }
}

async function send(
  url: string,
  s: Session,
  tally: Tally,
  key: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  expected: (status: number, text: string) => boolean = (st) => st < 300,
): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  let status: number;
  let text: string;
  try {
    const res = await fetch(url + path, {
      method,
      headers: {
        cookie: s.cookie,
        ...(method === 'POST' ? { 'x-csrf-token': s.csrf, 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    tally.networkErrors++;
    tally.serverErrors++;
    tally.count(key, 0, String(err), false, performance.now() - t0);
    return { status: 0, text: String(err), ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  tally.count(key, status, text, expected(status, text), ms);
  return { status, text, ms };
}

/** CPU seconds (user + system) of processes picked by their /proc entry (as bench/settlement.ts) */
function cpuSeconds(pick: (cmdline: string, ppid: number) => boolean): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (pick(cmdline, Number(f[1]))) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks / 100;
}

interface CpuMark {
  at: number;
  server: number;
  db: number;
  client: number;
}
function cpuMark(dbName: string): CpuMark {
  const me = process.cpuUsage();
  return {
    at: performance.now(),
    server: cpuSeconds((cmd, ppid) => ppid === process.pid && cmd.includes('src/server.ts')),
    db: cpuSeconds((cmd) => cmd.startsWith('postgres: ') && cmd.includes(` ${dbName} `)),
    client: (me.user + me.system) / 1e6,
  };
}
/** CPU of the server, its PostgreSQL backends and this process between two marks: per request (ms) and cores busy */
const cpuBetween = (a: CpuMark, b: CpuMark, n: number) => {
  const total = b.server - a.server + (b.db - a.db) + (b.client - a.client);
  return {
    server_ms: Number((((b.server - a.server) * 1000) / n).toFixed(2)),
    postgres_ms: Number((((b.db - a.db) * 1000) / n).toFixed(2)),
    bench_client_ms: Number((((b.client - a.client) * 1000) / n).toFixed(2)),
    cores_used: Number((total / ((b.at - a.at) / 1000)).toFixed(2)),
  };
};

/** The fleet as the benchmark wants it: 20 ambulances available at four stations, nothing else in service. */
async function prepareFleet(owner: Owner, countyId: number) {
  // seedEms without history still gives the first two ambulances the statuses of the live
  // missions it does not create (to_hospital, en_route): walk them home along the rules
  const home: Record<string, string> = {
    dispatched: 'available',
    en_route: 'returning',
    on_scene: 'returning',
    to_hospital: 'at_hospital',
    at_hospital: 'returning',
    returning: 'available',
  };
  const stuck = await sql<{ id: number; status: string }>`
    SELECT v.id, v.status FROM ems_vehicles v WHERE v.county_id = ${countyId}
      AND v.status NOT IN ('available', 'out_of_service')
      AND NOT EXISTS (SELECT 1 FROM ems_missions m WHERE m.vehicle_id = v.id AND m.status NOT IN ('completed', 'cancelled'))`.execute(
    owner,
  );
  for (const v of stuck.rows) {
    let status = v.status;
    while (status !== 'available') {
      status = home[status];
      await sql`UPDATE ems_vehicles SET status = ${status}, status_at = now() WHERE id = ${v.id}`.execute(owner);
    }
  }
  // the mobile CT (and anything past 20 ambulances) out of service: 20 vehicles to dispatch
  const all = await owner
    .selectFrom('ems_vehicles')
    .select(['id', 'kind', 'station_id'])
    .where('county_id', '=', countyId)
    .orderBy('id')
    .execute();
  const ambulances = all.filter((v) => v.kind !== 'mobile_ct').slice(0, AMBULANCES);
  if (ambulances.length < AMBULANCES) throw new Error(`only ${ambulances.length} ambulances seeded`);
  const keep = new Set(ambulances.map((v) => v.id));
  for (const v of all)
    if (!keep.has(v.id))
      await sql`UPDATE ems_vehicles SET status = 'out_of_service', status_at = now() WHERE id = ${v.id}`.execute(owner);
  // two township stations, each with four of the people's hospital's ambulances (its last ones)
  const towns = await owner
    .selectFrom('orgs as o')
    .innerJoin('road_nodes as n', 'n.org_id', 'o.id')
    .select(['o.id', 'o.name', 'n.id as node_id'])
    .where('o.county_id', '=', countyId)
    .where('o.kind', '=', 'township_center')
    .orderBy('o.id')
    .limit(2)
    .execute();
  const peopleStation = ambulances[0].station_id;
  const movable = ambulances.filter((v) => v.station_id === peopleStation).reverse();
  let k = 0;
  for (const t of towns) {
    const station = await owner
      .insertInto('ems_stations')
      .values({
        county_id: countyId,
        org_id: t.id,
        name: `${t.name.replace(/卫生院$/, '')}急救分站`,
        node_id: t.node_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const v of movable.slice(k, k + PER_TOWNSHIP))
      await owner
        .updateTable('ems_vehicles')
        .set({ station_id: station.id, org_id: t.id })
        .where('id', '=', v.id)
        .execute();
    k += PER_TOWNSHIP;
  }
  return owner
    .selectFrom('ems_vehicles as v')
    .innerJoin('ems_stations as s', 's.id', 'v.station_id')
    .innerJoin('staff as c', (j) => j.on(sql<boolean>`c.id = v.crew_staff_ids[1]`))
    .select(['v.id', 'v.call_sign', 's.name as station', 's.node_id', 'c.username as crew'])
    .where('v.county_id', '=', countyId)
    .where('v.status', '=', 'available')
    .orderBy('v.id')
    .execute();
}

/** scenes spread over the road network: a random junction or village, up to ~250 m off the road */
async function scenes(owner: Owner, countyId: number, n: number, rng: Rng): Promise<Scene[]> {
  const nodes = await sql<{ lat: number; lng: number }>`
    SELECT lat, lng FROM road_nodes WHERE county_id = ${countyId} AND kind IN ('junction', 'village') ORDER BY id`.execute(
    owner,
  );
  return Array.from({ length: n }, (_, i) => {
    const node = rng.pick(nodes.rows);
    return {
      lat: node.lat + (rng.next() - 0.5) * 0.0045,
      lng: node.lng + (rng.next() - 0.5) * 0.0056,
      complaint: rng.weighted(COMPLAINTS),
      address: `压测呼救地点${i + 1}号`,
    };
  });
}

interface Storm {
  recommendMs: number[];
  dispatchMs: number[];
  toDispatchMs: number[];
  recommends: number;
  dispatched: number;
  collisions: number;
  otherRefusals: number;
  nothingFree: number;
  givenUp: number;
  standDowns: number;
  cancelled: number;
  backOk: number;
  backRedispatched: number;
  callIds: number[];
  firstCall: number;
  lastDispatch: number;
  missions: Array<Promise<void>>;
}

function newStorm(): Storm {
  return {
    recommendMs: [],
    dispatchMs: [],
    toDispatchMs: [],
    recommends: 0,
    dispatched: 0,
    collisions: 0,
    otherRefusals: 0,
    nothingFree: 0,
    givenUp: 0,
    standDowns: 0,
    cancelled: 0,
    backOk: 0,
    backRedispatched: 0,
    callIds: [],
    firstCall: 0,
    lastDispatch: 0,
    missions: [],
  };
}

/**
 * Ten dispatchers, calls in waves of one each every `waveMs`: call k is dispatcher k % n's,
 * released at wave floor(k / n). A dispatcher still busy with its last call takes the next late.
 */
async function runStorm(o: {
  url: string;
  dispatchers: Session[];
  crews: Map<number, Session>;
  scenes: Scene[];
  waveMs: number;
  tally: Tally;
  rng: Rng;
}): Promise<Storm> {
  const st = newStorm();
  const n = o.dispatchers.length;
  const t0 = performance.now() + 200;
  const wall0 = Date.now() + 200;
  st.firstCall = t0;
  const between = (range: readonly [number, number]) =>
    MISSION_SCALE * (range[0] + o.rng.next() * (range[1] - range[0]));

  /** the crew's side of a mission, on compressed time */
  const mission = async (d: Session, missionId: number, callId: number, vehicleId: number, duplicate: boolean) => {
    const crew = o.crews.get(vehicleId);
    if (!crew) throw new Error(`no crew session for vehicle ${vehicleId}`);
    const step = (who: Session, action: string) =>
      send(o.url, who, o.tally, `step ${action}`, 'POST', `/api/ems/missions/${missionId}/step`, {
        clientId: randomUUID(),
        action,
        at: new Date().toISOString(),
      });
    await sleep(between(STEP_MS.depart));
    await step(crew, 'depart');
    await sleep(between(STEP_MS.arrive_scene));
    if (duplicate) {
      // the same emergency was called in twice: the dispatcher recalls the vehicle, cancels the call
      const r = await step(d, 'stand_down');
      if (r.status === 200) st.standDowns++;
      const c = await send(o.url, d, o.tally, 'cancel call', 'POST', `/api/ems/calls/${callId}/cancel`, {
        reason: '重复呼救，已由其他车辆处置',
      });
      if (c.status === 200) st.cancelled++;
    } else {
      await step(crew, 'arrive_scene');
      if (o.rng.chance(TRANSPORT_SHARE)) {
        await sleep(between(STEP_MS.leave_scene));
        await step(crew, 'leave_scene');
        await sleep(between(STEP_MS.arrive_hospital));
        await step(crew, 'arrive_hospital');
      }
      await sleep(between(STEP_MS.clear));
      await step(crew, 'clear');
    }
    await sleep(between(STEP_MS.back));
    // a returning vehicle may have been dispatched again meanwhile: then it is not back, and says so
    const b = await send(
      o.url,
      crew,
      o.tally,
      'back_in_station',
      'POST',
      `/api/ems/vehicles/${vehicleId}/status`,
      { action: 'back_in_station' },
      (status, text) => status === 200 || (status === 409 && text.includes('VEHICLE_TRANSITION')),
    );
    if (b.status === 200) st.backOk++;
    else if (b.status === 409) st.backRedispatched++;
  };

  const handle = async (d: Session, k: number, release: number, scene: Scene) => {
    const received = new Date(wall0 + (release - t0) - 20_000);
    const created = await send(o.url, d, o.tally, 'create call', 'POST', '/api/ems/calls', {
      clientId: randomUUID(),
      receivedAt: received.toISOString(),
      answeredAt: new Date(received.getTime() + 6_000).toISOString(),
      callerPhone: `139${String(10_000_000 + k).slice(-8)}`,
      address: scene.address,
      lat: scene.lat,
      lng: scene.lng,
      complaintCode: scene.complaint,
    });
    if (created.status !== 201) return;
    const callId = (JSON.parse(created.text) as { id: number }).id;
    st.callIds.push(callId);
    for (;;) {
      if (performance.now() - release > GIVE_UP_MS) {
        st.givenUp++;
        return;
      }
      const r = await send(o.url, d, o.tally, 'recommend', 'GET', `/api/ems/calls/${callId}/recommend`);
      st.recommends++;
      st.recommendMs.push(r.ms);
      if (r.status !== 200) {
        await sleep(150);
        continue;
      }
      const rec = JSON.parse(r.text) as Recommendation;
      const dest = rec.hospitals.at(0)?.orgId;
      for (const v of rec.vehicles) {
        const res = await send(
          o.url,
          d,
          o.tally,
          'dispatch',
          'POST',
          `/api/ems/calls/${callId}/dispatch`,
          { vehicleId: v.vehicleId, ...(dest === undefined ? {} : { destOrgId: dest }) },
          (status, text) => status === 201 || (status === 409 && text.includes('VEHICLE_BUSY')),
        );
        st.dispatchMs.push(res.ms);
        if (res.status === 201) {
          const m = JSON.parse(res.text) as { id: number; vehicleId: number };
          st.dispatched++;
          st.toDispatchMs.push(performance.now() - release);
          st.lastDispatch = performance.now();
          st.missions.push(mission(d, m.id, callId, m.vehicleId, o.rng.chance(DUPLICATE_SHARE)));
          return;
        }
        if (res.status === 409 && res.text.includes('VEHICLE_BUSY')) st.collisions++;
        else st.otherRefusals++;
      }
      // every vehicle of this list is taken (or none was free): ask again, after a pause if there was nothing
      if (rec.vehicles.length === 0) {
        st.nothingFree++;
        await sleep(150);
      }
    }
  };

  await Promise.all(
    o.dispatchers.map(async (d, i) => {
      for (let k = i; k < o.scenes.length; k += n) {
        const release = t0 + Math.floor(k / n) * o.waveMs;
        const wait = release - performance.now();
        if (wait > 0) await sleep(wait);
        await handle(d, k, release, o.scenes[k]);
      }
    }),
  );
  await Promise.all(st.missions);
  return st;
}

/** the invariants: no vehicle with two missions overlapping in time or two active at once */
async function checkMissions(owner: Owner, countyId: number) {
  const {
    rows: [r],
  } = await sql<{
    double_dispatched: number;
    overlapping_pairs: number;
    max_overlap_ms: number | null;
    two_active: number;
    active_left: number;
    missions: number;
    completed: number;
    cancelled: number;
    min_per_vehicle: number;
    max_per_vehicle: number;
  }>`
    WITH m AS (
      SELECT id, vehicle_id, status, created_at, coalesce(ended_at, 'infinity'::timestamptz) AS ended
      FROM ems_missions WHERE county_id = ${countyId}),
    pairs AS (
      SELECT a.vehicle_id,
             CASE WHEN a.ended < 'infinity' AND b.ended < 'infinity'
                  THEN extract(epoch FROM least(a.ended, b.ended) - greatest(a.created_at, b.created_at)) * 1000 END AS overlap_ms
      FROM m a JOIN m b ON a.vehicle_id = b.vehicle_id AND a.id < b.id
      WHERE a.created_at < b.ended AND b.created_at < a.ended),
    active AS (
      SELECT vehicle_id FROM m WHERE status NOT IN ('completed', 'cancelled') GROUP BY vehicle_id HAVING count(*) > 1),
    per AS (
      SELECT v.id, count(m.id) AS n FROM ems_vehicles v LEFT JOIN m ON m.vehicle_id = v.id
      WHERE v.county_id = ${countyId} AND v.status <> 'out_of_service' GROUP BY v.id)
    SELECT (SELECT count(*)::int FROM (SELECT vehicle_id FROM pairs UNION SELECT vehicle_id FROM active) x) AS double_dispatched,
           (SELECT count(*)::int FROM pairs) AS overlapping_pairs,
           (SELECT max(overlap_ms)::float8 FROM pairs) AS max_overlap_ms,
           (SELECT count(*)::int FROM active) AS two_active,
           (SELECT count(*)::int FROM m WHERE status NOT IN ('completed', 'cancelled')) AS active_left,
           (SELECT count(*)::int FROM m) AS missions,
           (SELECT count(*)::int FROM m WHERE status = 'completed') AS completed,
           (SELECT count(*)::int FROM m WHERE status = 'cancelled') AS cancelled,
           (SELECT min(n)::int FROM per) AS min_per_vehicle,
           (SELECT max(n)::int FROM per) AS max_per_vehicle`.execute(owner);
  return r;
}

/** one snapshot: vehicles on a mission by their status but without an active mission, or the other way round */
async function statusMismatches(owner: Owner, countyId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ems_vehicles v
    WHERE v.county_id = ${countyId} AND v.status <> 'out_of_service'
      AND (v.status IN ('dispatched', 'en_route', 'on_scene', 'to_hospital', 'at_hospital'))
          <> EXISTS (SELECT 1 FROM ems_missions m WHERE m.vehicle_id = v.id AND m.status NOT IN ('completed', 'cancelled'))`.execute(
    owner,
  );
  return rows[0]?.n ?? 0;
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  if (CALLS % DISPATCHERS !== 0)
    throw new Error('BENCH_CALLS 应为 BENCH_DISPATCHERS 的整数倍（每波每位调度员一个呼救）');
  const scratch = await scratchDatabase(config.databaseUrl, 'storm');
  try {
    const tSeed = performance.now();
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await seedRoads(database.db, { countyId, seed: 1, scale: 'jiexiu' });
    await seedEms(database.db, { countyId, seed: 1, now: new Date(), scale: 'jiexiu', history: false });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: 4 });
    ownerPool.on('error', () => {
      /* an idle connection dropped by the server: the pool replaces it */
    });
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const fleet = await prepareFleet(owner, countyId);
    if (fleet.length !== AMBULANCES) throw new Error(`${fleet.length} vehicles available, expected ${AMBULANCES}`);
    const {
      rows: [net],
    } = await sql<{ nodes: number; edges: number }>`
      SELECT (SELECT count(*)::int FROM road_nodes WHERE county_id = ${countyId}) AS nodes,
             (SELECT count(*)::int FROM road_edges WHERE county_id = ${countyId}) AS edges`.execute(owner);
    // ten dispatchers at the dispatch centre, with the seeded dispatcher's password
    const { rows: dispatcherRows } = await sql<{ username: string }>`
      INSERT INTO staff (county_id, org_id, department_id, username, display_name, title, roles, password_hash, must_change_password)
      SELECT county_id, org_id, department_id, 'bench.dispatcher' || lpad(g::text, 2, '0'), '压测调度员' || g, title, roles,
        password_hash, false
      FROM staff, generate_series(1, ${DISPATCHERS}) g WHERE username = 'dispatcher' RETURNING username`.execute(owner);
    const rng = new Rng(1, 'dispatch-storm');
    const stormScenes = await scenes(owner, countyId, CALLS, rng.fork('scenes'));
    const warmScenes = await scenes(owner, countyId, WARM_WAVES * DISPATCHERS, rng.fork('warm'));
    const seedSeconds = (performance.now() - tSeed) / 1000;

    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      LOGIN_RATE_LIMIT: '1000',
    });
    const tally = new Tally();
    let storm: Storm;
    let warm: Storm;
    let mismatchSamples = 0;
    let mismatches = 0;
    const idleMs: number[] = [];
    const load: number[] = [];
    const dbName = new URL(scratch.url).pathname.slice(1);
    const marks: CpuMark[] = [];
    try {
      const dispatchers: Session[] = [];
      for (const d of dispatcherRows)
        dispatchers.push(await loginWithCsrf(server.url, d.username, config.demoPassword));
      const crews = new Map<number, Session>();
      for (const v of fleet) crews.set(v.id, await loginWithCsrf(server.url, v.crew, config.demoPassword));

      // warm-up: two waves on their own calls (the first recommendation reads the road graph),
      // then the fleet is back in the stations
      warm = await runStorm({
        url: server.url,
        dispatchers,
        crews,
        scenes: warmScenes,
        waveMs: 500,
        tally: new Tally(),
        rng: rng.fork('warm-run'),
      });

      load.push(os.loadavg()[0]);
      marks.push(cpuMark(dbName));
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          mismatches += await statusMismatches(owner, countyId);
          mismatchSamples++;
          await sleep(500);
        }
      })();
      storm = await runStorm({
        url: server.url,
        dispatchers,
        crews,
        scenes: stormScenes,
        waveMs: (SECONDS * 1000) / (CALLS / DISPATCHERS),
        tally,
        rng: rng.fork('storm-run'),
      });
      marks.push(cpuMark(dbName));
      sampling = false;
      await sampler;
      load.push(os.loadavg()[0]);

      // the same recommendations again, one at a time on a quiet server
      marks.push(cpuMark(dbName));
      for (const id of storm.callIds) {
        const r = await send(
          server.url,
          dispatchers[0],
          tally,
          'recommend (idle)',
          'GET',
          `/api/ems/calls/${id}/recommend`,
        );
        idleMs.push(r.ms);
      }
      marks.push(cpuMark(dbName));
    } finally {
      await server.stop();
    }

    const checked = await checkMissions(owner, countyId);
    const finalMismatches = await statusMismatches(owner, countyId);
    const { rows: callRows } = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM ems_calls WHERE id = ANY(${storm.callIds}::int[]) GROUP BY status`.execute(
      owner,
    );
    const callStatus = Object.fromEntries(callRows.map((r) => [r.status, r.n]));

    // baseline: the search recommend() runs, in-process on the graph loadRoadGraph reads, for the same scenes
    const g = await loadRoadGraph(owner, countyId);
    const places = await hospitals(owner, countyId);
    const targets = [...fleet.map((v) => v.node_id), ...places.map((h) => h.nodeId)];
    const search = (lat: number, lng: number) => {
      const times = fromScene(g, lat, lng, targets);
      const ranked = fleet
        .map((v, i) => ({ id: v.id, minutes: times[i]?.minutes ?? null }))
        .sort((a, b) => (a.minutes ?? Infinity) - (b.minutes ?? Infinity) || a.id - b.id);
      const dest = places
        .map((h, i) => ({ id: h.orgId, minutes: times[fleet.length + i]?.minutes ?? null }))
        .sort((a, b) => (a.minutes ?? Infinity) - (b.minutes ?? Infinity));
      return ranked.length + dest.length;
    };
    for (const s of stormScenes) search(s.lat, s.lng); // warm (JIT)
    const baselineMs: number[] = [];
    for (const s of stormScenes) {
      const t0 = performance.now();
      search(s.lat, s.lng);
      baselineMs.push(performance.now() - t0);
    }
    // and with recommend()'s reads before it, as the owner (no HTTP, no session, no row-level security)
    const withSqlMs: number[] = [];
    for (const id of storm.callIds) {
      const t0 = performance.now();
      const call = await owner
        .selectFrom('ems_calls')
        .select(['id', 'lat', 'lng', 'channel'])
        .where('id', '=', id)
        .where('county_id', '=', countyId)
        .executeTakeFirstOrThrow();
      await owner
        .selectFrom('ems_vehicles as v')
        .innerJoin('ems_stations as s', 's.id', 'v.station_id')
        .select([
          'v.id',
          'v.call_sign',
          'v.kind',
          'v.negative_pressure',
          'v.status',
          's.name as station_name',
          's.node_id',
        ])
        .where('v.county_id', '=', countyId)
        .where('v.status', 'in', ['available', 'returning'])
        .execute();
      await hospitals(owner, countyId);
      search(Number(call.lat), Number(call.lng));
      withSqlMs.push(performance.now() - t0);
    }
    await owner.destroy();

    const recommendP95 = p(storm.recommendMs, 95);
    const baselineP95 = p(baselineMs, 95, 3);
    const stormSeconds = (storm.lastDispatch - storm.firstCall) / 1000;
    const stations = [...new Set(fleet.map((v) => v.station))];
    return {
      calls: storm.callIds.length,
      vehicles: fleet.length,
      dispatchers: dispatcherRows.length,
      collisions: storm.collisions,
      double_dispatched: checked.double_dispatched,
      server_errors: tally.serverErrors,
      recommend_p95_ms: recommendP95,
      baseline_p95_ms: baselineP95,
      ratio: Number((baselineP95 / recommendP95).toFixed(4)),
      ratio_is: 'baseline_p95_ms / recommend_p95_ms (in-process search over HTTP recommend; 1 = no overhead)',
      recommend_p50_ms: p(storm.recommendMs, 50),
      recommend_p99_ms: p(storm.recommendMs, 99),
      recommend_max_ms: p(storm.recommendMs, 100),
      recommends: storm.recommends,
      recommend_idle_p50_ms: p(idleMs, 50),
      recommend_idle_p95_ms: p(idleMs, 95),
      cpu_per_call_storm: cpuBetween(marks[0], marks[1], storm.callIds.length),
      cpu_per_recommend_idle: cpuBetween(marks[2], marks[3], idleMs.length),
      baseline_p50_ms: p(baselineMs, 50, 3),
      baseline_max_ms: p(baselineMs, 100, 3),
      baseline_with_sql_p50_ms: p(withSqlMs, 50, 2),
      baseline_with_sql_p95_ms: p(withSqlMs, 95, 2),
      dispatched: storm.dispatched,
      dispatch_attempts: storm.dispatchMs.length,
      other_refusals: storm.otherRefusals,
      dispatch_p50_ms: p(storm.dispatchMs, 50),
      dispatch_p95_ms: p(storm.dispatchMs, 95),
      call_to_dispatch_p50_ms: p(storm.toDispatchMs, 50),
      call_to_dispatch_p95_ms: p(storm.toDispatchMs, 95),
      call_to_dispatch_max_ms: p(storm.toDispatchMs, 100),
      nothing_free: storm.nothingFree,
      given_up: storm.givenUp,
      storm_s: Number(stormSeconds.toFixed(1)),
      stand_downs: storm.standDowns,
      calls_cancelled: storm.cancelled,
      back_in_station: storm.backOk,
      redispatched_while_returning: storm.backRedispatched,
      missions_total: checked.missions,
      missions_completed: checked.completed,
      missions_cancelled: checked.cancelled,
      missions_active_left: checked.active_left,
      missions_per_vehicle_min: checked.min_per_vehicle,
      missions_per_vehicle_max: checked.max_per_vehicle,
      overlapping_mission_pairs: checked.overlapping_pairs,
      max_overlap_ms: checked.max_overlap_ms,
      two_active_at_once: checked.two_active,
      status_mismatches_live: mismatches,
      status_samples_live: mismatchSamples,
      status_mismatches_end: finalMismatches,
      call_status: callStatus,
      network_errors: tally.networkErrors,
      status_codes: tally.codes,
      latency_ms: Object.fromEntries(
        Object.entries(tally.ms).map(([k, xs]) => [k, { n: xs.length, p50: p(xs, 50), p95: p(xs, 95) }]),
      ),
      first_unexpected_answer: tally.firstUnexpected,
      warmup_calls: warm.callIds.length,
      warmup_collisions: warm.collisions,
      road_nodes: net.nodes,
      road_edges: net.edges,
      stations: stations.length,
      vehicles_per_station: Object.fromEntries(stations.map((s) => [s, fleet.filter((v) => v.station === s).length])),
      pool: POOL,
      mission_scale: MISSION_SCALE,
      seconds: SECONDS,
      load_avg_1m_before: Number((load[0] ?? 0).toFixed(2)),
      load_avg_1m_after: Number((load[1] ?? 0).toFixed(2)),
      setup_s: Number(seedSeconds.toFixed(1)),
    };
  } finally {
    await scratch.drop();
  }
}
