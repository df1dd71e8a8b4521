import net from 'node:net';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { a01, a03, a04, p03 } from '../src/his/fixtures/simulated-his.ts';
import { frame, MllpDecoder } from '../src/his/mllp.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { checkDigit } from '../src/residents/id-number.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { freePort, startServer, scratchDatabase } from './_server.ts';

/**
 * HL7 ingest: ≥ 20,000 ADT and DFT messages over MLLP from 4 concurrent senders (one
 * connection each, one message at a time, the next after the ACK, as a HIS sends), 5% of
 * them sent again, and a few connections cut right after a message was written (the sender
 * reconnects and resends what was not acknowledged). Every message goes through the real
 * server process: stored raw, resident matched, effect applied through the care functions,
 * status and ACK stored, in one transaction. Baseline in the same run: the same message rows,
 * effect rows (visit; stay and its movement; fee lines) and audit row inserted directly with
 * plain SQL, 4 connections, one transaction per message. Runs in a scratch database on DATABASE_URL, dropped afterwards.
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const SENDERS = 4;
const RESEND_SHARE = 0.05;
const CUTS_PER_SENDER = 3;
const POOL = Number(process.env.BENCH_POOL ?? 10);

type Owner = Kysely<DB>;

interface Msg {
  key: string;
  raw: string;
  kind: 'A04' | 'A01' | 'A03' | 'P03';
  lines: number;
}

/** a deterministic pseudo-random sequence (no Math.random: same run, same messages) */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `140502${ymd}${String(100 + Math.floor(i / 20000)).slice(-3)}`;
  return first17 + checkDigit(first17);
}

/** residents with valid ID numbers, one per episode, in the county's first village */
async function addResidents(owner: Owner, countyId: number, n: number): Promise<string[]> {
  const village = await owner
    .selectFrom('orgs')
    .select('id')
    .where('county_id', '=', countyId)
    .where('kind', '=', 'village_clinic')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const ids = Array.from({ length: n }, (_, i) => idNumber(i));
  for (let i = 0; i < n; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await sql`
      INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, mobile, insurance_type)
      SELECT ${countyId}, ${village.id}, t.id, '压测' || t.ord, 'yace', 'yc',
             CASE WHEN substr(t.id, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END,
             to_date(substr(t.id, 7, 8), 'YYYYMMDD'), NULL, 'resident'
      FROM unnest(${chunk}::text[]) WITH ORDINALITY AS t(id, ord)`.execute(owner);
  }
  return ids;
}

/** the messages of one sender: outpatient (A04 + P03) and inpatient (A01 + P03 + A03) episodes */
function messagesFor(facility: string, dept: string, ids: string[], count: number, seed: number): Msg[] {
  const out: Msg[] = [];
  const r = rng(seed);
  let e = 0;
  const at = (min: number) => {
    const d = new Date(Date.UTC(2026, 5, 1, 0, 0) + min * 60_000 + 8 * 3_600_000);
    return d.toISOString().slice(0, 16).replace(/[-T:]/g, '') + '00';
  };
  while (out.length < count) {
    const patient = { idNumber: ids[e % ids.length], name: '压测' };
    const visitNumber = `${facility}-V${e}`;
    const c = (k: string) => `${facility}-${e}-${k}`;
    const t0 = e;
    if (r() < 0.6) {
      out.push({
        key: c('A04'),
        kind: 'A04',
        lines: 0,
        raw: a04({ facility, controlId: c('A04'), visitNumber, at: at(t0), patient, dept, diagnosis: 'I10' }),
      });
      out.push({
        key: c('P03'),
        kind: 'P03',
        lines: 2,
        raw: p03({
          facility,
          controlId: c('P03'),
          visitNumber,
          at: at(t0 + 1),
          lines: [
            { id: c('F1'), item: 'REG-GEN', quantity: 1 },
            { id: c('F2'), item: 'DRG-AMLO', quantity: 2 },
          ],
        }),
      });
    } else {
      out.push({
        key: c('A01'),
        kind: 'A01',
        lines: 0,
        raw: a01({ facility, controlId: c('A01'), visitNumber, at: at(t0), patient, dept, diagnosis: 'J18.9' }),
      });
      out.push({
        key: c('P03'),
        kind: 'P03',
        lines: 2,
        raw: p03({
          facility,
          controlId: c('P03'),
          visitNumber,
          at: at(t0 + 60),
          lines: [
            { id: c('F1'), item: 'BED-GEN', quantity: 3 },
            { id: c('F2'), item: 'DRG-AMLO', quantity: 1, price: '12.50' },
          ],
        }),
      });
      out.push({
        key: c('A03'),
        kind: 'A03',
        lines: 0,
        raw: a03({ facility, controlId: c('A03'), visitNumber, at: at(t0 + 4320), disposition: '01' }),
      });
    }
    e++;
  }
  return out.slice(0, count);
}

interface SenderRun {
  sent: number;
  resent: number;
  acked: number;
  cuts: number;
}

/**
 * One HIS: one connection, one message at a time. Planned resends go out again right after
 * their ACK; at planned cut points the message is written and the socket destroyed before the
 * ACK can arrive, then the sender reconnects and sends it again.
 */
async function runSender(port: number, msgs: Msg[], seed: number): Promise<SenderRun> {
  const r = rng(seed);
  const cutAt = new Set(Array.from({ length: CUTS_PER_SENDER }, (_, i) => Math.floor(((i + 1) * msgs.length) / 4)));
  const stats: SenderRun = { sent: 0, resent: 0, acked: 0, cuts: 0 };
  let socket = new net.Socket(); // replaced by connect() before any write
  let waiting: ((ack: string) => void) | null = null;
  const connect = async () => {
    socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    const decoder = new MllpDecoder();
    socket.on('data', (chunk) => {
      for (const ack of decoder.push(chunk)) waiting?.(ack);
    });
    socket.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  };
  const sendAndWait = (raw: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ACK in 30 s')), 30_000);
      waiting = (ack) => {
        clearTimeout(timer);
        waiting = null;
        resolve(ack);
      };
      socket.write(frame(raw));
    });
  await connect();
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i];
    if (cutAt.has(i)) {
      socket.write(frame(m.raw));
      stats.sent++;
      socket.destroy();
      stats.cuts++;
      await connect();
      stats.resent++;
    }
    const ack = await sendAndWait(m.raw);
    stats.sent++;
    if (!/MSA\|A[AER]\|/.test(ack)) throw new Error(`unexpected ACK: ${ack.slice(0, 200)}`);
    stats.acked++;
    if (r() < RESEND_SHARE) {
      await sendAndWait(m.raw);
      stats.sent++;
      stats.resent++;
    }
  }
  socket.end();
  return stats;
}

/** The baseline: the rows the interface writes for each message, inserted directly, one transaction each. */
async function baseline(url: string, countyId: number, msgs: Array<Msg & { orgId: number; deptId: number }>) {
  const pool = new pg.Pool({ connectionString: url, max: SENDERS });
  const residents = (
    await pool.query<{ id: number }>(`SELECT id FROM residents WHERE county_id = $1 ORDER BY id LIMIT 1000`, [countyId])
  ).rows.map((r) => r.id);
  const queue = [...msgs];
  const started = performance.now();
  const worker = async (w: number) => {
    const client = await pool.connect();
    try {
      let i = 0;
      for (let m = queue.shift(); m; m = queue.shift(), i++) {
        const resident = residents[(w * 7919 + i) % residents.length];
        const ext = `B-${m.key}`;
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO his_messages (county_id, org_id, channel, facility, control_id, message_type, status, raw, ack, ack_code, sent_at, applied_at)
           VALUES ($1, $2, 'mllp', 'BASELINE', $3, $4, 'applied', $5, 'MSA|AA', 'AA', now(), now())`,
          [countyId, m.orgId, `B-${m.key}`, m.kind, m.raw],
        );
        if (m.kind === 'A04') {
          await client.query(
            `INSERT INTO visits (county_id, org_id, resident_id, department_id, registered_at, visit_day, source, external_number)
             VALUES ($1, $2, $3, $4, now(), current_date, 'his', $5)`,
            [countyId, m.orgId, resident, m.deptId, ext],
          );
        } else if (m.kind === 'A01') {
          const stay = await client.query<{ id: number }>(
            `INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, status, discharged_at, disposition, length_of_stay_days, source, external_number)
             VALUES ($1, $2, $3, $4, now(), 'discharged', now(), 'home', 1, 'his', $5) RETURNING id`,
            [countyId, m.orgId, resident, m.deptId, ext],
          );
          await client.query(
            `INSERT INTO stay_movements (county_id, org_id, stay_id, department_id, from_at, to_at, kind)
             VALUES ($1, $2, $3, $4, now(), now(), 'admission')`,
            [countyId, m.orgId, stay.rows[0].id, m.deptId],
          );
        } else if (m.kind === 'P03') {
          const visit = await client.query<{ id: number }>(
            `INSERT INTO visits (county_id, org_id, resident_id, department_id, registered_at, visit_day, source, external_number)
             VALUES ($1, $2, $3, $4, now(), current_date, 'his', $5) RETURNING id`,
            [countyId, m.orgId, resident, m.deptId, `${ext}-F`],
          );
          for (let l = 0; l < m.lines; l++) {
            await client.query(
              `INSERT INTO fee_lines (county_id, org_id, visit_id, resident_id, item_code, item_name, category, insurance_class, self_pay_bp, quantity, unit_price_fen, amount_fen, charged_at, external_line_id)
               VALUES ($1, $2, $3, $4, 'REG-GEN', '普通门诊诊查费', 'treatment', 'class_a', 0, 1, 1000, 1000, now(), $5)`,
              [countyId, m.orgId, visit.rows[0].id, resident, `${ext}-L${l}`],
            );
          }
        } else {
          await client.query(`UPDATE stays SET length_of_stay_days = 1 WHERE org_id = $1 AND external_number = $2`, [
            m.orgId,
            `B-${m.key.replace(/-A03$/, '-A01')}`,
          ]);
        }
        // the audit row the interface writes for each effect (rule: audit in the same transaction)
        await client.query(
          `INSERT INTO audit_log (county_id, username, org_id, action, outcome, resource, resource_id, resident_id, request_id, ip)
           VALUES ($1, 'his:BASELINE', $2, $3, 'success', 'his_message', $4, $5, $6, '')`,
          [countyId, m.orgId, `his.${m.kind}`, m.key, resident, `his:BASELINE:${m.key}`],
        );
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { seconds, mps: msgs.length / seconds };
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'hl7');
  try {
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: 4 });
    ownerPool.on('error', () => undefined);
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const hospitals = await sql<{ org_id: number; dept_id: number; code: string }>`
      SELECT DISTINCT ON (o.id) o.id AS org_id, d.id AS dept_id, d.code
      FROM orgs o JOIN departments d ON d.org_id = o.id
      WHERE o.county_id = ${countyId} AND o.kind = 'county_hospital' ORDER BY o.id, d.id`.execute(owner);
    if (!hospitals.rows.length) throw new Error('no county hospital with a department in the tiny county');
    const perSender = Math.ceil(MESSAGES / SENDERS);
    const ids = await addResidents(owner, countyId, Math.ceil(perSender / 2) * SENDERS + 10);
    const senders = Array.from({ length: SENDERS }, (_, s) => {
      const h = hospitals.rows[s % hospitals.rows.length];
      const facility = `HIS-${s + 1}`;
      const mine = ids.filter((_, i) => i % SENDERS === s);
      return { facility, h, msgs: messagesFor(facility, h.code, mine, perSender, 1000 + s) };
    });
    for (const s of senders) {
      await sql`INSERT INTO his_senders (county_id, org_id, facility, name, secret_hash)
        VALUES (${countyId}, ${s.h.org_id}, ${s.facility}, ${`压测 ${s.facility}`}, 'bench')`.execute(owner);
    }

    const mllpPort = await freePort();
    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      HIS_MLLP_PORT: String(mllpPort),
    });
    let runs: SenderRun[];
    let seconds: number;
    try {
      // warm-up: a few hundred messages of another facility, so the run measures a warm process
      const warm = messagesFor(senders[0].facility + 'W', senders[0].h.code, ids.slice(-10), 200, 7);
      await sql`INSERT INTO his_senders (county_id, org_id, facility, name, secret_hash)
        VALUES (${countyId}, ${senders[0].h.org_id}, ${senders[0].facility + 'W'}, '预热', 'bench')`.execute(owner);
      await runSender(mllpPort, warm, 9);
      const started = performance.now();
      runs = await Promise.all(senders.map((s, i) => runSender(mllpPort, s.msgs, 2000 + i)));
      seconds = (performance.now() - started) / 1000;
    } finally {
      await server.stop();
    }

    const facilities = senders.map((s) => s.facility);
    const keys = senders.flatMap((s) => s.msgs.map((m) => m.key));
    const stored = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM his_messages WHERE facility = ANY(${facilities}) GROUP BY status`.execute(
      owner,
    );
    const byStatus = Object.fromEntries(stored.rows.map((r) => [r.status, r.n]));
    const originals = await sql<{ n: number }>`
      SELECT count(DISTINCT control_id)::int AS n FROM his_messages
      WHERE facility = ANY(${facilities}) AND status <> 'duplicate' AND control_id = ANY(${keys})`.execute(owner);
    // effects beyond one per message: visits and stays per visit number, fee lines per FT1 id
    const effects = await sql<{ visits: number; stays: number; lines: number }>`
      SELECT (SELECT count(*)::int FROM visits v JOIN his_senders s ON s.org_id = v.org_id WHERE s.facility = ANY(${facilities}) AND v.external_number LIKE s.facility || '-V%') AS visits,
             (SELECT count(*)::int FROM stays v JOIN his_senders s ON s.org_id = v.org_id WHERE s.facility = ANY(${facilities}) AND v.external_number LIKE s.facility || '-V%') AS stays,
             (SELECT count(*)::int FROM fee_lines f JOIN his_senders s ON s.org_id = f.org_id WHERE s.facility = ANY(${facilities}) AND f.external_line_id LIKE s.facility || '-%') AS lines`.execute(
      owner,
    );
    const applied = await sql<{ kind: string; n: number; lines: number }>`
      SELECT split_part(message_type, '^', 2) AS kind, count(*)::int AS n FROM his_messages
      WHERE facility = ANY(${facilities}) AND status = 'applied' GROUP BY 1`.execute(owner);
    const appliedBy = Object.fromEntries(applied.rows.map((r) => [r.kind, r.n]));
    const expectedLines = (appliedBy.P03 ?? 0) * 2;
    const e = effects.rows[0];
    const duplicates =
      Math.max(0, e.visits - (appliedBy.A04 ?? 0)) +
      Math.max(0, e.stays - (appliedBy.A01 ?? 0)) +
      Math.max(0, e.lines - expectedLines);
    const messages = keys.length;
    const resent = runs.reduce((a, r) => a + r.resent, 0);
    const lost = messages - originals.rows[0].n;

    const all = senders.flatMap((s) => s.msgs.map((m) => ({ ...m, orgId: s.h.org_id, deptId: s.h.dept_id })));
    const base = await baseline(scratch.url, countyId, all);
    await owner.destroy();
    const mps = messages / seconds;
    return {
      messages,
      resent,
      cuts: runs.reduce((a, r) => a + r.cuts, 0),
      frames: runs.reduce((a, r) => a + r.sent, 0),
      applied: byStatus.applied ?? 0,
      held: byStatus.held ?? 0,
      errors: byStatus.error ?? 0,
      duplicate_rows: byStatus.duplicate ?? 0,
      duplicates,
      lost,
      seconds: Number(seconds.toFixed(1)),
      mps: Math.round(mps),
      baseline_mps: Math.round(base.mps),
      ratio: Number((mps / base.mps).toFixed(2)),
      senders: SENDERS,
      pool: POOL,
    };
  } finally {
    await scratch.drop();
  }
}
