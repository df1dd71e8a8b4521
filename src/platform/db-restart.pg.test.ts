import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../residents/id-number.ts';
import { KNOWN_RESIDENTS } from '../seed/seed.ts';

/**
 * The server survives its database: 8 clients write (residents and referrals) to the real
 * server (src/server.ts, a child process) while its PostgreSQL is stopped with
 * `pg_ctl -m immediate` and started again 3 s later. The process must stay up, answer 503
 * DATABASE_UNAVAILABLE meanwhile (and say so at /api/health), serve again ≤ 5 s after the
 * database is back, and every acknowledged write must be there, whole. The cluster is this
 * file's own (initdb into a temp dir), never the shared test server.
 */
const run = promisify(execFile);
const PASSWORD = 'Restart-Test-2026';
const CLIENTS = 8;

const pgBin = (() => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions.map((v) => path.join(root, v, 'bin')).findLast((d) => fs.existsSync(path.join(d, 'pg_ctl')));
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  return bin;
})();
const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its binaries run as the `postgres` user. */
async function asPostgres(command: string): Promise<string> {
  const { stdout } = isRoot
    ? await run('su', ['postgres', '-s', '/bin/bash', '-c', command])
    : await run('bash', ['-c', command]);
  return stdout;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let p = from; p < from + 200; p++) if (await portIsFree(p)) return p;
  throw new Error(`no free port from ${from}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir = '';
let pgPort = 0;
let serverPort = 0;
let server: ChildProcess | undefined;
let serverOut = '';
let exited: string | undefined;
const dbUrl = () => `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
const base = () => `http://127.0.0.1:${serverPort}`;
const pgCtl = (args: string) => asPostgres(`'${pgBin}/pg_ctl' -D '${dir}/data' -l '${dir}/log' ${args}`);
const startPg = () =>
  pgCtl(`-w -o "-p ${pgPort} -k '${dir}' -c listen_addresses=127.0.0.1 -c max_connections=100" start`);

beforeAll(async () => {
  if (isRoot) await run('bash', ['-c', 'id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres']);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-dbrestart-'));
  if (isRoot) await run('chown', ['postgres', dir]);
  pgPort = await freePort(55990);
  // --no-sync speeds up initdb only; the server keeps fsync and synchronous_commit on (start-up refuses otherwise)
  await asPostgres(`'${pgBin}/initdb' -D '${dir}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync`);
  await startPg();
  serverPort = await freePort(40000 + Math.floor(Math.random() * 20000));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl(),
      DEMO_PROFILE: 'tiny',
      DEMO_PASSWORD: PASSWORD,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // the schedulers run during the outage too: they must log and carry on
      REFERRAL_SCHEDULER_MS: '300',
      CLINIC_SCHEDULER_MS: '300',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      serverOut += chunk.toString();
      if (serverOut.includes('已启动')) resolve();
    };
    server!.stdout!.on('data', seen);
    server!.stderr!.on('data', seen);
    server!.on('exit', (code, signal) => {
      exited = `server exited with ${code ?? signal}`;
      reject(new Error(`${exited}:\n${serverOut.slice(-4000)}`));
    });
  });
}, 120_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  if (dir) {
    await pgCtl('-m immediate stop').catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

interface Session {
  cookie: string;
  csrf: string;
}

async function login(username: string): Promise<Session> {
  const res = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0],
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(s: Session | null, method: string, url: string, body?: unknown, headers = {}): Promise<Answer> {
  try {
    const res = await fetch(`${base()}${url}`, {
      method,
      headers: {
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  } catch (err) {
    return { status: 0, body: { error: String(err) } }; // no answer at all (server gone, timeout)
  }
}

/** A valid 身份证号 of 介休市 no seeded resident has: birth dates from 1930 on, sequence 9xx. */
function idNumber(client: number, n: number): string {
  const birth = new Date(Date.UTC(1930, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `140781${birth}9${String(client).padStart(2, '0')}`;
  return first17 + checkDigit(first17);
}

/** Reads an SSE stream until an event of `topic` arrives ('event'), the server ends it ('ended'), or ms pass ('timeout'). */
async function readStream(
  res: Response,
  topic: string,
  ms: number,
): Promise<{ outcome: 'event' | 'ended' | 'timeout'; text: string }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => undefined);
  }, ms);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { outcome: timedOut ? 'timeout' : 'ended', text };
      text += decoder.decode(value, { stream: true });
      const at = text.indexOf(`event: ${topic}\n`);
      if (at >= 0 && text.indexOf('\n\n', at) > 0) return { outcome: 'event', text: text.slice(at) };
    }
  } catch {
    return { outcome: timedOut ? 'timeout' : 'ended', text };
  } finally {
    clearTimeout(timer);
  }
}

describe('the server survives its database', () => {
  it('stays up through an immediate stop and restart under write load; nothing acknowledged is lost', async () => {
    const sessions = await Promise.all(Array.from({ length: CLIENTS }, () => login('village.doctor')));
    const probe = sessions[0];
    const orgs = (await call(probe, 'GET', '/api/orgs')).body as unknown as Array<{ id: number; name: string }>;
    const people = orgs.find((o) => o.name.endsWith('人民医院'))!.id;
    const found = (await call(probe, 'GET', '/api/residents?q=zsm')).body.items as Array<{ id: number; name: string }>;
    const residentId = found.find((r) => r.name === KNOWN_RESIDENTS.inVillage)!.id;
    const run = randomUUID().slice(0, 8);

    let stop = false;
    let dbBackAt = 0;
    let firstServedAt = 0;
    const acked = { residents: [] as string[], referrals: [] as string[] };
    const unavailable: Answer[] = [];
    const unexpected: Answer[] = [];
    const writer = async (client: number) => {
      const s = sessions[client];
      for (let n = 0; !stop; n++) {
        const resident = client % 2 === 0;
        const key = `restart-${run}-${client}-${n}`;
        const id = idNumber(client, n);
        const a = resident
          ? await call(s, 'POST', '/api/residents', { idNumber: id, name: '重启测试' })
          : await call(
              s,
              'POST',
              '/api/referrals',
              {
                residentId,
                toOrgId: people,
                urgency: 'routine',
                reason: '数据库重启测试',
                diagnosisCode: 'I10',
                consent: { by: 'patient' },
              },
              { 'idempotency-key': key },
            );
        if (a.status === 201) {
          (resident ? acked.residents : acked.referrals).push(resident ? id : key);
          if (dbBackAt && !firstServedAt) firstServedAt = Date.now();
        } else {
          (a.status === 503 ? unavailable : unexpected).push(a);
          await sleep(50);
        }
      }
    };

    // a live worklist open before the outage
    const streamBefore = await fetch(`${base()}/api/referral-stream`, {
      headers: { cookie: probe.cookie, accept: 'text/event-stream' },
    });
    expect(streamBefore.status).toBe(200);

    const writers = Array.from({ length: CLIENTS }, (_, i) => writer(i));
    await sleep(2000);
    const beforeStop = acked.residents.length + acked.referrals.length;
    await pgCtl('-m immediate stop');
    const stoppedAt = Date.now();
    await sleep(500);
    const healthDown = await call(null, 'GET', '/api/health');
    const readDown = await call(probe, 'GET', `/api/residents/${residentId}`);
    await sleep(Math.max(0, 3000 - (Date.now() - stoppedAt)));
    const startedAt = Date.now();
    await startPg(); // -w: returns once it accepts connections (after crash recovery)
    dbBackAt = Date.now();
    while (!firstServedAt && Date.now() - dbBackAt < 15_000 && !exited) await sleep(20);
    const secondsToRecover = ((firstServedAt || Date.now()) - dbBackAt) / 1000;
    const healthUp = await call(null, 'GET', '/api/health');
    await sleep(1000);
    stop = true;
    await Promise.all(writers);
    // the process must still be there (an unhandled 'error' event from a dead connection kills it)
    expect(exited, serverOut.slice(-4000)).toBeUndefined();

    // the live worklist: events flow again once the LISTEN connection is re-made (≤ 2 s back-off)
    for (const until = Date.now() + 5000; Date.now() < until && !serverOut.includes('数据库监听连接已恢复');)
      await sleep(50);
    const streamAfter = await fetch(`${base()}/api/referral-stream`, {
      headers: { cookie: probe.cookie, accept: 'text/event-stream' },
    });
    const event = readStream(streamAfter, 'referral.changed', 5000);
    await sleep(200);
    const created = await call(
      probe,
      'POST',
      '/api/referrals',
      {
        residentId,
        toOrgId: people,
        urgency: 'routine',
        reason: '重连后的实时推送',
        diagnosisCode: 'I10',
        consent: { by: 'patient' },
      },
      { 'idempotency-key': `restart-${run}-after` },
    );
    const liveEvent = await event;
    // the worklist opened before the outage was ended once listening resumed, so its page reconnects and refetches
    const before = await readStream(streamBefore, 'never', 2000);
    // the schedulers failed during the outage (logged, with back-off) and run again by themselves
    for (const until = Date.now() + 8000; Date.now() < until; await sleep(100))
      if (/referral deadline runs again/.test(serverOut) && /clinic scheduler runs again/.test(serverOut)) break;

    // acknowledged vs present, and nothing half-written (each row with its audit record and history)
    const owner = new pg.Client({ connectionString: dbUrl() });
    await owner.connect();
    const residentsPresent = (
      await owner.query<{ id_number: string; audited: boolean }>(
        `SELECT r.id_number, EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'resident.create'
           AND a.resource_id = r.id::text) AS audited
         FROM residents r WHERE r.name = '重启测试'`,
      )
    ).rows;
    const referralsPresent = (
      await owner.query<{ idempotency_key: string; audited: boolean; history: boolean }>(
        `SELECT f.idempotency_key,
           EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'referral.create' AND a.resource_id = f.id::text) AS audited,
           EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = f.id AND e.action = 'create') AS history
         FROM referrals f WHERE f.idempotency_key LIKE $1 AND f.idempotency_key <> $2`,
        [`restart-${run}-%`, `restart-${run}-after`],
      )
    ).rows;
    await owner.end();
    const presentResidents = new Set(residentsPresent.map((r) => r.id_number));
    const presentReferrals = new Set(referralsPresent.map((r) => r.idempotency_key));
    const missing = [
      ...acked.residents.filter((id) => !presentResidents.has(id)),
      ...acked.referrals.filter((k) => !presentReferrals.has(k)),
    ];
    const halfWritten = [
      ...residentsPresent.filter((r) => !r.audited),
      ...referralsPresent.filter((r) => !r.audited || !r.history),
    ];
    const ackedTotal = acked.residents.length + acked.referrals.length;
    console.log(
      `[db-restart] acknowledged ${ackedTotal} (residents ${acked.residents.length}, referrals ${acked.referrals.length}; ` +
        `${beforeStop} before the stop), present ${residentsPresent.length + referralsPresent.length}, ` +
        `missing ${missing.length}, half-written ${halfWritten.length}, 503 answers ${unavailable.length}, ` +
        `other answers ${unexpected.length}, PostgreSQL down ${((dbBackAt - stoppedAt) / 1000).toFixed(1)} s ` +
        `(start-up ${((dbBackAt - startedAt) / 1000).toFixed(1)} s), seconds to recover ${secondsToRecover.toFixed(2)}`,
    );

    expect(exited, serverOut.slice(-4000)).toBeUndefined();
    expect(server!.exitCode).toBeNull();
    expect(beforeStop).toBeGreaterThan(0);
    // while the database is away: 503 in the house error shape, and the health check says so
    expect(unexpected.slice(0, 3)).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const a of [...unavailable, readDown]) {
      expect(a.status).toBe(503);
      expect(a.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/数据库/) });
      expect(a.body.requestId).toEqual(expect.any(String));
    }
    expect(healthDown.status).toBe(503);
    expect(healthDown.body).toMatchObject({ status: 'unavailable', database: 'down', code: 'DATABASE_UNAVAILABLE' });
    // back within 5 s of the database, without a restart
    expect(firstServedAt).toBeGreaterThan(0);
    expect(secondsToRecover).toBeLessThanOrEqual(5);
    expect(healthUp.status).toBe(200);
    expect(healthUp.body).toMatchObject({ status: 'ok', database: 'postgresql' });
    // nothing acknowledged lost, nothing half-written
    expect(missing).toEqual([]);
    expect(halfWritten).toEqual([]);
    // live screens: the LISTEN connection came back by itself
    expect(created.status).toBe(201);
    expect(liveEvent.outcome).toBe('event');
    expect(liveEvent.text).toContain(`"id":${String(created.body.id)}`);
    expect(before.outcome).toBe('ended');
    // the schedulers ran through it, logging instead of crashing, and run again
    for (const job of ['referral deadlines', 'clinic scheduler']) {
      expect(serverOut).toMatch(new RegExp(`${job} run failed`));
      expect(serverOut).toMatch(new RegExp(`${job} runs again after \\d+ failed runs`));
    }
    expect(server!.exitCode).toBeNull();
  }, 60_000);
});
