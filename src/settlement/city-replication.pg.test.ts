import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPool } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { checkDigit } from '../residents/id-number.ts';

/**
 * City supervision over logical replication (issue 15, docs/city-supervision.md): two county
 * clusters (wal_level=logical, migrated, so they publish settlement_feed as onecounty_city) and
 * one city cluster (db/city/city.sql, one subscription per county, connecting as the county's
 * replication role onecounty_city_repl, not a superuser). The city must see both counties'
 * confirmed settlements and a reversal netted to zero, keep serving while a county's link is down
 * or its server is stopped, and catch up from the county's slot when it is back; and it must hold
 * no personal identifier. The three clusters are this file's own (initdb into temp dirs).
 */
const run = promisify(execFile);
const POLL_LIMIT_MS = 60_000;
const CITY_SQL = path.resolve(import.meta.dirname, '../../db/city/city.sql');

const pgBin = (() => {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  return versions.map((v) => path.join(root, v, 'bin')).findLast((d) => fs.existsSync(path.join(d, 'pg_ctl')));
})();
const inCi = process.env.CI === 'true';
if (!pgBin && !inCi)
  console.warn('[city-replication] 跳过：/usr/lib/postgresql 下没有 PostgreSQL 程序（initdb/pg_ctl）');
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

async function freePort(from: number, taken: number[]): Promise<number> {
  for (let p = from; p < from + 400; p++) if (!taken.includes(p) && (await portIsFree(p))) return p;
  throw new Error(`no free port from ${from}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Cluster {
  name: string;
  dir: string;
  port: number;
  opts: string;
  started: boolean;
  pool?: pg.Pool;
}

const clusters: Cluster[] = [];
const url = (c: Cluster, user = 'postgres') => `postgres://${user}@127.0.0.1:${c.port}/postgres`;
const pgCtl = (c: Cluster, args: string) =>
  asPostgres(`'${pgBin}/pg_ctl' -D '${c.dir}/data' -l '${c.dir}/log' ${args}`);

async function startCluster(c: Cluster): Promise<void> {
  await pgCtl(
    c,
    `-w -t 60 -o "-p ${c.port} -k '${c.dir}' -c listen_addresses=127.0.0.1 -c max_connections=40 ${c.opts}" start`,
  );
  c.started = true;
}

async function stopCluster(c: Cluster): Promise<void> {
  if (!c.started) return;
  c.started = false;
  await pgCtl(c, '-m immediate -w stop');
}

async function newCluster(name: string, opts: string, taken: number[]): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oc-city-${name}-`));
  if (isRoot) await run('chown', ['postgres', dir]);
  const port = await freePort(56100 + (process.pid % 300) * 3, taken);
  taken.push(port);
  const c: Cluster = { name, dir, port, opts, started: false };
  clusters.push(c);
  // --no-sync speeds up initdb only; the servers keep fsync on
  await asPostgres(`'${pgBin}/initdb' -D '${dir}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync`);
  await startCluster(c);
  c.pool = newPool(url(c), 4);
  return c;
}

function poolOf(c: Cluster): pg.Pool {
  if (!c.pool) throw new Error(`cluster ${c.name} has no pool`);
  return c.pool;
}

async function q<R extends pg.QueryResultRow = Record<string, unknown>>(
  c: Cluster,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  return (await poolOf(c).query<R>(text, params)).rows;
}

const LOGICAL = '-c wal_level=logical -c max_replication_slots=10 -c max_wal_senders=10';

interface County {
  cluster: Cluster;
  code: string;
  name: string;
  hospitalId: number;
  departmentId: number;
  residentId: number;
  idNumber: string;
  seq: number;
}

/** Migrates a county database like the app does, then the least it takes to confirm a settlement. */
async function setUpCounty(c: Cluster, code: string, name: string, idNumber: string): Promise<County> {
  await q(c, `DO $$ BEGIN CREATE ROLE onecounty_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: newPool(url(c), 2) }) });
  try {
    await migrate(db);
  } finally {
    await db.destroy();
  }
  // the county root's own id is its county_id; the hospital hangs under it
  await q(
    c,
    `INSERT INTO orgs (id, county_id, parent_id, code, name, kind, level, path)
     VALUES (1, 1, NULL, $1, $2, 'county', 'county', '/1/'),
            (2, 1, 1, $3, $4, 'county_hospital', 'county', '/1/2/')`,
    [code, name, `${code}-H1`, `${name}人民医院`],
  );
  const [dept] = await q<{ id: number }>(
    c,
    `INSERT INTO departments (county_id, org_id, code, name) VALUES (1, 2, 'IM', '内科') RETURNING id`,
  );
  const [resident] = await q<{ id: number }>(
    c,
    `INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date,
       mobile, registered_poor)
     VALUES (1, 2, $1, '张三', 'zhangsan', 'zs', 'M', to_date(substr($1, 7, 8), 'YYYYMMDD'), '13800138000', true) RETURNING id`,
    [idNumber],
  );
  // the county's replication role: LOGIN REPLICATION, and SELECT on the feed for the initial copy
  await q(c, `CREATE ROLE onecounty_city_repl WITH LOGIN REPLICATION`);
  await q(c, `GRANT SELECT ON settlement_feed TO onecounty_city_repl`);
  const pub = await q(
    c,
    `SELECT 1 FROM pg_publication_tables WHERE pubname = 'onecounty_city'
    AND tablename = 'settlement_feed'`,
  );
  expect(pub).toHaveLength(1);
  return { cluster: c, code, name, hospitalId: 2, departmentId: dept.id, residentId: resident.id, idNumber, seq: 0 };
}

const AMOUNTS = {
  medfee_sumamt: 1_000_000,
  fulamt_ownpay_amt: 50_000,
  preselfpay_amt: 100_000,
  inscp_scp_amt: 850_000,
  hifp_pay: 600_000,
  hifmi_pay: 100_000,
  hifob_pay: 0,
  maf_pay: 150_000,
  oth_pay: 0,
  hosp_part_amt: 0,
  fund_pay_sumamt: 850_000,
  psn_part_amt: 150_000,
  acct_pay: 0,
  psn_cash_pay: 150_000,
};
const AMOUNT_COLUMNS = Object.keys(AMOUNTS);

/** A discharged stay and its confirmed settlement (as superuser: past RLS); returns its number and id. */
async function settle(county: County): Promise<{ no: string; id: number; stayId: number }> {
  const c = county.cluster;
  county.seq += 1;
  const no = `${county.code}-JS${String(county.seq).padStart(4, '0')}`;
  const [stay] = await q<{ id: number }>(
    c,
    `INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, status, discharged_at,
       disposition, length_of_stay_days, discharge_diagnoses, source)
     VALUES (1, $1, $2, $3, now() - interval '5 days', 'discharged', now(), 'home', 5,
       '[{"code": "J18.9", "name": "肺炎"}]', 'seed') RETURNING id`,
    [county.hospitalId, county.residentId, county.departmentId],
  );
  const values = AMOUNT_COLUMNS.map((k) => AMOUNTS[k as keyof typeof AMOUNTS]);
  const [row] = await q<{ id: number }>(
    c,
    `INSERT INTO settlements (settlement_no, county_id, org_id, resident_id, stay_id, kind, setting, status, scheme,
       person_cat, hosp_level, year, settled_on, pay_later, input_hash, confirmed_at, source,
       ${AMOUNT_COLUMNS.join(', ')})
     VALUES ($1, 1, $2, $3, $4, 'settlement', 'inpatient', 'confirmed', 'resident', 'poor', 'county',
       extract(year FROM now())::int, current_date, true, repeat('a', 64), now(), 'seed',
       ${AMOUNT_COLUMNS.map((_, i) => `$${i + 5}`).join(', ')})
     RETURNING id`,
    [no, county.hospitalId, county.residentId, stay.id, ...values],
  );
  return { no, id: row.id, stayId: stay.id };
}

/** 冲销: a confirmed reversal with the negated amounts, then the original marked reversed by it. */
async function reverse(county: County, original: { no: string; id: number; stayId: number }): Promise<string> {
  const c = county.cluster;
  const no = `${original.no}-CX`;
  const values = AMOUNT_COLUMNS.map((k) => -AMOUNTS[k as keyof typeof AMOUNTS]);
  const client = await poolOf(c).connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO settlements (settlement_no, county_id, org_id, resident_id, stay_id, kind, reverses_id, setting,
         status, scheme, person_cat, hosp_level, year, settled_on, pay_later, input_hash, confirmed_at, reason,
         source, ${AMOUNT_COLUMNS.join(', ')})
       VALUES ($1, 1, $2, $3, $4, 'reversal', $5, 'inpatient', 'confirmed', 'resident', 'poor', 'county',
         extract(year FROM now())::int, current_date, true, repeat('b', 64), now(), '收费错误，冲销重结', 'seed',
         ${AMOUNT_COLUMNS.map((_, i) => `$${i + 6}`).join(', ')})
       RETURNING id`,
      [no, county.hospitalId, county.residentId, original.stayId, original.id, ...values],
    );
    await client.query('UPDATE settlements SET reversed_by_id = $1 WHERE id = $2', [rows[0].id, original.id]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return no;
}

let city: Cluster;
let countyA: County;
let countyB: County;

async function cityHas(county: County, no: string): Promise<boolean> {
  const rows = await q(city, 'SELECT 1 FROM settlement_feed WHERE county_code = $1 AND settlement_no = $2', [
    county.code,
    no,
  ]);
  return rows.length === 1;
}

/** Polls the city until it has all these settlements (≤ 60 s); returns how long it took, in ms. */
async function waitInCity(county: County, nos: string[]): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    let all = true;
    for (const no of nos) if (!(await cityHas(county, no))) all = false;
    if (all) return Date.now() - t0;
    if (Date.now() - t0 > POLL_LIMIT_MS) {
      const stats = await q(city, 'SELECT subname, pid, received_lsn, last_msg_receipt_time FROM pg_stat_subscription');
      throw new Error(`city did not receive ${county.code} ${nos.join(', ')} within 60 s: ${JSON.stringify(stats)}`);
    }
    await sleep(100);
  }
}

const subName = (county: County) => `city_from_${county.code.toLowerCase()}`;

/** A valid 18-digit 居民身份证号 (region, birth date, sequence, check digit). */
function idNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkDigit(first17);
}

describe.skipIf(!pgBin && !inCi)('city supervision over logical replication (two counties, one city)', () => {
  beforeAll(async () => {
    if (!pgBin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql (CI=true: the test must run)');
    if (isRoot) await run('bash', ['-c', 'id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres']);
    const taken: number[] = [];
    const a = await newCluster('a', LOGICAL, taken);
    const b = await newCluster('b', LOGICAL, taken);
    city = await newCluster('city', '', taken);
    [countyA, countyB] = await Promise.all([
      setUpCounty(a, 'CTA', '甲县', idNumber('110101', '19600312', '123')),
      setUpCounty(b, 'CTB', '乙县', idNumber('110102', '19850704', '246')),
    ]);
    // the city: its schema, then one subscription per county, as the county's replication role
    await q(city, fs.readFileSync(CITY_SQL, 'utf8'));
    for (const county of [countyA, countyB]) {
      await q(
        city,
        `CREATE SUBSCRIPTION ${subName(county)}
         CONNECTION 'host=127.0.0.1 port=${county.cluster.port} user=onecounty_city_repl dbname=postgres'
         PUBLICATION onecounty_city`,
      );
    }
  });

  afterAll(async () => {
    // the city first, so its apply workers stop asking the counties
    for (const c of [...clusters].reverse()) {
      await c.pool?.end().catch(() => undefined);
      await stopCluster(c).catch((e: unknown) => console.warn(`stop ${c.name}: ${String(e)}`));
      fs.rmSync(c.dir, { recursive: true, force: true });
    }
  });

  const settledA: Array<{ no: string; id: number; stayId: number }> = [];

  it("the city sees both counties' confirmed settlements, live", async () => {
    const [a1, b1] = await Promise.all([settle(countyA), settle(countyB)]);
    settledA.push(a1);
    const [lagA, lagB] = await Promise.all([waitInCity(countyA, [a1.no]), waitInCity(countyB, [b1.no])]);
    console.log(`[city-replication] confirmation → city: county A ${lagA} ms, county B ${lagB} ms`);
    const rows = await q<{
      county_code: string;
      county_name: string;
      settlements: string;
      total_cost_fen: string;
      fund_pay_fen: string;
      psn_part_fen: string;
      advance_fen: string;
      poor_inpatient_ratio: string;
      last_confirmed_at: Date;
    }>(city, 'SELECT * FROM city_settlement_by_county ORDER BY county_code');
    expect(rows.map((r) => [r.county_code, r.county_name])).toEqual([
      ['CTA', '甲县'],
      ['CTB', '乙县'],
    ]);
    for (const r of rows) {
      expect(Number(r.settlements)).toBe(1);
      expect(Number(r.total_cost_fen)).toBe(1_000_000);
      expect(Number(r.fund_pay_fen)).toBe(850_000);
      expect(Number(r.psn_part_fen)).toBe(150_000);
      expect(Number(r.advance_fen)).toBe(850_000);
      expect(Number(r.poor_inpatient_ratio)).toBe(0.85);
      expect(r.last_confirmed_at).toBeInstanceOf(Date);
    }
    // the city's read-only role reads the screens and cannot write the feed
    const client = await poolOf(city).connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE onecounty_city_reader');
      const seen = await client.query('SELECT county_code FROM city_settlement_by_county');
      expect(seen.rows).toHaveLength(2);
      await expect(client.query(`DELETE FROM settlement_feed`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('a reversal in county A reaches the city and nets the settlement to zero', async () => {
    const original = settledA[0];
    const reversalNo = await reverse(countyA, original);
    const lag = await waitInCity(countyA, [reversalNo]);
    console.log(`[city-replication] reversal → city: ${lag} ms`);
    const [rev] = await q<{ kind: string; reverses_no: string; medfee_sumamt: string }>(
      city,
      `SELECT kind, reverses_no, medfee_sumamt FROM settlement_feed WHERE county_code = 'CTA' AND settlement_no = $1`,
      [reversalNo],
    );
    expect(rev).toEqual({ kind: 'reversal', reverses_no: original.no, medfee_sumamt: -1_000_000 });
    const [a] = await q<{
      settlements: string;
      total_cost_fen: string;
      fund_pay_fen: string;
      psn_part_fen: string;
      advance_fen: string;
      poor_inpatient_ratio: string | null;
    }>(city, `SELECT * FROM city_settlement_by_county WHERE county_code = 'CTA'`);
    expect(Number(a.settlements)).toBe(0);
    expect(Number(a.total_cost_fen)).toBe(0);
    expect(Number(a.fund_pay_fen)).toBe(0);
    expect(Number(a.psn_part_fen)).toBe(0);
    expect(Number(a.advance_fen)).toBe(0);
    expect(a.poor_inpatient_ratio).toBeNull();
    // county B is untouched
    const [b] = await q<{ settlements: string }>(
      city,
      `SELECT * FROM city_settlement_by_county WHERE county_code = 'CTB'`,
    );
    expect(Number(b.settlements)).toBe(1);
  });

  it("with county B's link down the city keeps serving A, and catches up B from its slot", async () => {
    await q(city, `ALTER SUBSCRIPTION ${subName(countyB)} DISABLE`);
    // the apply worker of a disabled subscription exits on its own
    for (let t0 = Date.now(); ; await sleep(100)) {
      const [s] = await q<{ pid: number | null }>(
        city,
        'SELECT pid FROM pg_stat_subscription WHERE subname = $1 AND pid IS NOT NULL',
        [subName(countyB)],
      );
      if (!s?.pid) break;
      if (Date.now() - t0 > POLL_LIMIT_MS) throw new Error('the disabled subscription kept its worker');
    }
    const offline = [await settle(countyB), await settle(countyB), await settle(countyB)].map((s) => s.no);
    const a2 = await settle(countyA);
    await waitInCity(countyA, [a2.no]);
    for (const no of offline) expect(await cityHas(countyB, no)).toBe(false);
    // the county keeps what the city has not confirmed in the slot
    const [slot] = await q<{ active: boolean; retained: string }>(
      countyB.cluster,
      `SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) AS retained
       FROM pg_replication_slots WHERE slot_name = $1`,
      [subName(countyB)],
    );
    expect(slot.active).toBe(false);
    expect(Number(slot.retained)).toBeGreaterThan(0);
    await q(city, `ALTER SUBSCRIPTION ${subName(countyB)} ENABLE`);
    const lag = await waitInCity(countyB, offline);
    console.log(`[city-replication] county B link back → 3 held settlements in the city: ${lag} ms`);
    const [b] = await q<{ settlements: string }>(
      city,
      `SELECT * FROM city_settlement_by_county WHERE county_code = 'CTB'`,
    );
    expect(Number(b.settlements)).toBe(4);
  });

  it("with county B's server stopped the city keeps serving, and B's next settlement arrives once it is back", async () => {
    await stopCluster(countyB.cluster);
    const a3 = await settle(countyA);
    await waitInCity(countyA, [a3.no]);
    const rows = await q<{ county_code: string }>(city, 'SELECT county_code FROM city_settlement_by_county ORDER BY 1');
    expect(rows.map((r) => r.county_code)).toEqual(['CTA', 'CTB']);
    await startCluster(countyB.cluster);
    const b5 = await settle(countyB);
    const lag = await waitInCity(countyB, [b5.no]);
    console.log(`[city-replication] county B server back → its new settlement in the city: ${lag} ms`);
  });

  it('the city holds no personal identifier', async () => {
    const columns = (
      await q<{ column_name: string }>(
        city,
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'settlement_feed'`,
      )
    ).map((r) => r.column_name);
    for (const forbidden of ['id_number', 'name', 'name_pinyin', 'mobile', 'birth_date', 'address', 'resident_id'])
      expect(columns).not.toContain(forbidden);
    for (const county of [countyA, countyB]) {
      const keys = await q<{ person_key: string }>(
        city,
        'SELECT DISTINCT person_key FROM settlement_feed WHERE county_code = $1',
        [county.code],
      );
      expect(keys).toHaveLength(1);
      expect(keys[0].person_key).toMatch(/^[0-9a-f]{64}$/);
      expect(keys[0].person_key).not.toContain(county.idNumber);
      // nowhere in any row: not the id number, the name, the mobile or the birth date
      const birth = `${county.idNumber.slice(6, 10)}-${county.idNumber.slice(10, 12)}-${county.idNumber.slice(12, 14)}`;
      for (const needle of [county.idNumber, '张三', 'zhangsan', '13800138000', birth]) {
        const [hit] = await q<{ n: string }>(
          city,
          `SELECT count(*) AS n FROM settlement_feed f WHERE strpos(to_jsonb(f)::text, $1) > 0`,
          [needle],
        );
        expect(Number(hit.n)).toBe(0);
      }
    }
  });
});
