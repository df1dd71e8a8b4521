import fs from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer, withScope } from '../src/platform/db.ts';
import { generateCounty } from '../src/seed/seed.ts';
import {
  calculate,
  pickPackage,
  pickRules,
  ZERO_ACCUMULATORS,
  type Accumulators,
  type BillGroup,
  type Scheme,
} from '../src/settlement/calc.ts';
import { contentOf } from '../src/settlement/policy.service.ts';
import { FIXTURE_PACKAGE, FIXTURE_RULES } from '../src/settlement/settlement-test-kit.ts';
import * as q from '../src/settlement/settle.queries.ts';
import { compute, FIELD_NAMES, PAYER_FIELD } from '../src/settlement/settle.service.ts';
import { percentile, startServer, scratchDatabase } from './_server.ts';

/**
 * Discharge settlement at the desk: ≥ 10,000 discharged stays at the people's hospital settled
 * over HTTP by 50 concurrent clerks (50 accounts, one session each): POST /api/settlements
 * (calculate) then POST /api/settlements/:id/confirm with the hash; on 409 SETTLEMENT_CHANGED
 * the clerk recalculates and confirms again. 5% of the residents have two stays in the year;
 * their two stays are handed out back to back, so two clerks settle the same person at the same
 * moment and meet at the person-year accumulator lock. Baseline in the same run: an identical
 * second set of residents, stays and bills, settled in-process with the same compute()
 * (under the lock) and the same inserts (confirmed settlement, lines, accumulators,
 * receivables, till) in one scoped transaction each, 50 workers on a pool of the same size as
 * the server's. Afterwards every settlement is checked: the balance, and a sequential
 * recalculation of each person's year in confirmation order from the bills in fee_lines.
 * Runs in a scratch database on the server in DATABASE_URL, dropped afterwards.
 */
const CLERKS = Number(process.env.BENCH_CLERKS ?? 50);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 9600);
const TWICE_SHARE = 0.05;
const WARM = Number(process.env.BENCH_WARM ?? 300);
/** database connections, the same for the server and the baseline (2 cores: see booking-rush) */
const POOL = Number(process.env.BENCH_POOL ?? 10);

type Owner = Kysely<DB>;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** the fixture policy (test kit), published directly, in force from 1 January (the API refuses a past day) */
async function publishPolicy(owner: Owner, countyId: number, adminId: number): Promise<number> {
  const {
    rows: [v],
  } = await sql<{ id: number }>`
    INSERT INTO settlement_policy_versions (county_id, version_no, title, effective_from, doc_ref, demo, created_by)
    SELECT ${countyId}, coalesce(max(version_no), 0) + 1, '压测参数（非官方政策）', date '2026-01-01',
      'FIXTURE — issue 15 worked example, not official policy', true, ${adminId}
    FROM settlement_policy_versions WHERE county_id = ${countyId} RETURNING id`.execute(owner);
  const rules = FIXTURE_RULES.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, val]) => [
        snake(k),
        k === 'tiers'
          ? (val as Array<{ uptoFen: number | null; ratioBp: number }>).map((t) => ({
              upto_fen: t.uptoFen,
              ratio_bp: t.ratioBp,
            }))
          : val,
      ]),
    ),
  );
  await sql`INSERT INTO settlement_rules (version_id, scheme, person_cat, setting, layer, hosp_level, deductible_fen,
      deductible_per, ratio_bp, threshold_fen, tiers, annual_cap_fen, cap_fen, cap_scope, cap_period, amount_fen, diseases)
    SELECT ${v.id}, scheme, person_cat, setting, layer, hosp_level, deductible_fen, deductible_per, ratio_bp, threshold_fen,
      tiers, annual_cap_fen, cap_fen, cap_scope, cap_period, amount_fen, diseases
    FROM jsonb_populate_recordset(NULL::settlement_rules, ${JSON.stringify(rules)}::jsonb)`.execute(owner);
  const p = FIXTURE_PACKAGE;
  await sql`INSERT INTO settlement_packages (version_id, code, disease_name, icd_prefixes, hosp_level, fixed_price_fen, patient_share_bp)
    VALUES (${v.id}, ${p.code}, ${p.diseaseName}, ${p.icdPrefixes}, ${p.hospLevel}, ${p.fixedPriceFen}, ${p.patientShareBp})`.execute(
    owner,
  );
  await sql`UPDATE settlement_policy_versions SET status = 'published', published_by = ${adminId}, published_at = now()
    WHERE id = ${v.id}`.execute(owner);
  return v.id;
}

/**
 * Residents, discharged stays and their fee lines, set-based. Each set ('H' over HTTP, 'B' the
 * baseline, 'W' warm-up) gets the same people and bills, a function of the person's number i
 * and the stay number k only. The first 5% of a set have a second stay in the same year
 * (mostly registered poor, so the year's cumulative serious-illness base matters).
 */
async function createData(owner: Owner, countyId: number, hospitalId: number, twice: number): Promise<void> {
  const village = await owner
    .selectFrom('orgs')
    .select('id')
    .where('county_id', '=', countyId)
    .where('kind', '=', 'village_clinic')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const dept = await owner
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', hospitalId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await sql`CREATE TABLE bench_persons (grp text, i integer, resident_id integer, PRIMARY KEY (grp, i))`.execute(owner);
  await sql`CREATE TABLE bench_stays (grp text, i integer, k integer, stay_id integer, PRIMARY KEY (grp, i, k))`.execute(
    owner,
  );
  await sql`
    WITH p AS (
      SELECT s.grp, s.prefix, i FROM (VALUES ('H', '97', ${RESIDENTS}::int), ('B', '98', ${RESIDENTS}::int), ('W', '96', ${WARM}::int))
        AS s(grp, prefix, n), generate_series(1, s.n) i),
    ins AS (
      INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, mobile,
        insurance_type, registered_poor)
      SELECT ${countyId}, ${village.id}, p.prefix || lpad(p.i::text, 16, '0'), '结算' || p.grp || p.i, 'jiesuan', 'js',
        CASE WHEN p.i % 2 = 0 THEN 'F' ELSE 'M' END, date '1940-01-01' + (p.i * 37) % 25000, NULL, 'resident',
        CASE WHEN p.i <= ${twice} THEN p.i % 5 <> 0 ELSE p.i % 10 < 3 END
      FROM p RETURNING id, id_number)
    INSERT INTO bench_persons (grp, i, resident_id)
    SELECT CASE substr(id_number, 1, 2) WHEN '97' THEN 'H' WHEN '98' THEN 'B' ELSE 'W' END, substr(id_number, 3)::int, id
    FROM ins`.execute(owner);
  await sql`
    WITH st AS (
      SELECT p.grp, p.i, k, p.resident_id,
        timestamptz '2026-01-10 02:00:00+00' + ((p.i * 7919) % 290) * interval '1 day' + (k - 1) * interval '20 days'
          + (p.i % 480) * interval '1 minute' AS discharged_at,
        1 + p.i % 9 AS los
      FROM bench_persons p, generate_series(1, 2) k
      WHERE k = 1 OR (p.i <= ${twice} AND p.grp <> 'W')),
    ins AS (
      INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, admission_diagnoses, status,
        discharged_at, discharge_diagnoses, disposition, length_of_stay_days, source, external_number)
      SELECT ${countyId}, ${hospitalId}, st.resident_id, ${dept.id}, st.discharged_at - st.los * interval '1 day',
        jsonb_build_array(jsonb_build_object('code', 'I21.9', 'name', '急性心肌梗死')), 'discharged', st.discharged_at,
        CASE WHEN st.i % 20 = 7 THEN jsonb_build_array(jsonb_build_object('code', 'K35.8', 'name', '急性阑尾炎'))
             ELSE jsonb_build_array(jsonb_build_object('code', 'I21.9', 'name', '急性心肌梗死')) END,
        'home', st.los + 1, 'local', 'BENCH-' || st.grp || '-' || st.i || '-' || st.k
      FROM st RETURNING id, external_number)
    INSERT INTO bench_stays (grp, i, k, stay_id)
    SELECT split_part(external_number, '-', 2), split_part(external_number, '-', 3)::int,
      split_part(external_number, '-', 4)::int, id
    FROM ins`.execute(owner);
  // 2–5 fee lines a stay, class A / 乙类 at 10% / outside the catalogue, ¥50 to ¥2,500 each. The 单病种
  // (K35, fixed price) stays have class A lines only: calc.ts throws 'settlement does not balance' (HTTP 500)
  // for a packaged stay with any 乙类 or self-pay line (reported with the results, not worked around in src)
  await sql`
    INSERT INTO fee_lines (county_id, org_id, stay_id, resident_id, item_code, item_name, category, insurance_class,
      self_pay_bp, quantity, unit_price_fen, amount_fen, charged_at)
    SELECT ${countyId}, ${hospitalId}, s.id, s.resident_id, c.code, c.name, c.category, c.cls, c.bp, 1, a.amount, a.amount,
      s.discharged_at - interval '1 hour'
    FROM bench_stays b JOIN stays s ON s.id = b.stay_id,
      generate_series(1, 2 + (b.i * 31 + b.k * 7) % 4) j,
      LATERAL (SELECT 5000 + (b.i * 7919 + j * 104729 + b.k * 1299709) % 245000 AS amount) a,
      LATERAL (SELECT * FROM (VALUES (0, 'DRG-AMLO', '氨氯地平片', 'drug', 'class_a', 0),
                                     (1, 'DRG-ATOR', '阿托伐他汀钙片', 'drug', 'class_b', 1000),
                                     (2, 'OTH-HEAT', '取暖费', 'other', 'self_pay', 0)) v(n, code, name, category, cls, bp)
               WHERE v.n = CASE WHEN b.i % 20 = 7 THEN 0 ELSE (b.i + j + b.k) % 3 END) c`.execute(owner);
  await sql`ANALYZE`.execute(owner);
}

/** the stays of a set in hand-out order: people shuffled, a person's two stays back to back */
async function queueOf(owner: Owner, set: string): Promise<Array<{ stayId: number; residentId: number }>> {
  const { rows } = await sql<{ stay_id: number; resident_id: number }>`
    SELECT b.stay_id, p.resident_id FROM bench_stays b JOIN bench_persons p USING (grp, i)
    WHERE b.grp = ${set} ORDER BY (b.i * 2654435761::bigint) % 4294967291, b.i, b.k`.execute(owner);
  return rows.map((r) => ({ stayId: r.stay_id, residentId: r.resident_id }));
}

interface Session {
  cookie: string;
  csrf: string;
}

async function loginClerk(url: string, username: string, password: string): Promise<Session> {
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

interface Tally {
  settled: number;
  retries: number;
  serverErrors: number;
  otherErrors: number;
  statuses: Record<string, number>;
  latencies: number[];
  firstError: string | null;
}

/** 50 clerks at the desk: each takes the next discharge, calculates, confirms; recalculates on SETTLEMENT_CHANGED */
async function settleOverHttp(
  url: string,
  sessions: Session[],
  queue: Array<{ stayId: number }>,
): Promise<Tally & { seconds: number }> {
  const t: Tally = {
    settled: 0,
    retries: 0,
    serverErrors: 0,
    otherErrors: 0,
    statuses: {},
    latencies: [],
    firstError: null,
  };
  const post = async (s: Session, path: string, body: unknown) => {
    try {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id?: number; inputHash?: string; status?: string; code?: string };
      t.statuses[res.status] = (t.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) t.serverErrors++;
      return { status: res.status, json };
    } catch (err) {
      t.serverErrors++;
      t.statuses.network = (t.statuses.network ?? 0) + 1;
      return { status: 0, json: { code: (err as Error).message } };
    }
  };
  let next = 0;
  const worker = async (s: Session) => {
    while (next < queue.length) {
      const item = queue[next++];
      const t0 = performance.now();
      let done = false;
      for (let attempt = 0; attempt < 20 && !done; attempt++) {
        if (attempt > 0) t.retries++;
        const calc = await post(s, '/api/settlements', { stayId: item.stayId });
        if (calc.status !== 200 || !calc.json.id || !calc.json.inputHash) {
          t.firstError ??= `calculate ${item.stayId}: ${calc.status} ${JSON.stringify(calc.json)}`;
          break;
        }
        const ok = await post(s, `/api/settlements/${calc.json.id}/confirm`, {
          inputHash: calc.json.inputHash,
          method: 'cash',
        });
        if (ok.status === 200 && ok.json.status === 'confirmed') done = true;
        else if (ok.status === 409 && ok.json.code === 'SETTLEMENT_CHANGED') continue;
        else {
          t.firstError ??= `confirm ${item.stayId}: ${ok.status} ${JSON.stringify(ok.json)}`;
          break;
        }
      }
      if (done) {
        t.settled++;
        t.latencies.push(performance.now() - t0);
      } else t.otherErrors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(sessions.map((s) => worker(s)));
  return { ...t, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The same settlement without HTTP, session, idempotency, audit and the detail read-back: the
 * stay, compute() under the person-year lock, the confirmed row, its lines, the accumulators,
 * the receivables and the till row, in one scoped transaction (as the server runs it).
 */
async function settleDirect(db: Owner, clerk: { id: number; orgIds: number[] }, stayId: number): Promise<void> {
  await withScope(db, { userId: clerk.id, orgIds: clerk.orgIds }, async (trx) => {
    const t = await q.stayTarget(trx, stayId);
    if (!t) throw new Error(`stay ${stayId} not found`);
    const c = await compute(trx, t, true);
    const f = c.result.fields;
    const no = `JS${c.day.replaceAll('-', '')}${String(await q.nextNumber(trx, 'settlement_no_seq')).padStart(7, '0')}`;
    const now = new Date();
    const {
      rows: [s],
    } = await sql<{ id: number }>`
      INSERT INTO settlements (settlement_no, county_id, org_id, resident_id, stay_id, setting, status, scheme, person_cat,
        hosp_level, year, settled_on, pay_later, policy_version_id, package_id, inputs, input_hash, calculated_at,
        confirmed_by, confirmed_at, created_by, deposit_fen, refund_fen, collected_fen,
        ${sql.join(FIELD_NAMES.map((k) => sql.ref(k)))})
      VALUES (${no}, ${t.countyId}, ${t.orgId}, ${t.residentId}, ${t.id}, ${c.setting}, 'confirmed', ${t.scheme},
        ${t.personCat}, ${q.hospLevelOf(t.orgKind, t.orgLevel)}, ${c.year}, ${c.day}, ${t.payLater}, ${c.versionId},
        ${c.result.package_id}, ${JSON.stringify({ ...c.inputs, result: c.result })}::jsonb, ${c.inputHash}, ${now},
        ${clerk.id}, ${now}, ${clerk.id}, 0, 0, ${f.psn_part_amt},
        ${sql.join(FIELD_NAMES.map((k) => sql`${f[k]}`))})
      RETURNING id`.execute(trx);
    await sql`INSERT INTO settlement_lines (settlement_id, seq, county_id, org_id, layer, base_fen, ratio_bp, amount_fen, rule_id, note)
      SELECT ${s.id}, x.seq, ${t.countyId}, ${t.orgId}, x.layer, x.base_fen, x.ratio_bp, x.amount_fen, x.rule_id, x.note
      FROM jsonb_to_recordset(${JSON.stringify(c.result.lines.map((l, i) => ({ ...l, seq: i + 1 })))}::jsonb)
        AS x(seq integer, layer text, base_fen bigint, ratio_bp integer, amount_fen bigint, rule_id integer, note text)`.execute(
      trx,
    );
    await q.addToAccumulators(trx, t.residentId, c.year, q.accDelta(c.result.after, c.before), 1);
    const payers = Object.entries(PAYER_FIELD).filter(([, k]) => f[k] > 0);
    if (payers.length)
      await trx
        .insertInto('receivables')
        .values(
          payers.map(([payer, k]) => ({
            county_id: t.countyId,
            org_id: t.orgId,
            settlement_id: s.id,
            payer: payer as keyof typeof PAYER_FIELD,
            amount_fen: f[k],
            opened_on: c.day,
          })),
        )
        .execute();
    if (f.psn_part_amt > 0)
      await trx
        .insertInto('cash_movements')
        .values({
          county_id: t.countyId,
          org_id: t.orgId,
          stay_id: t.id,
          settlement_id: s.id,
          kind: 'settlement_pay',
          amount_fen: f.psn_part_amt,
          method: 'cash',
          receipt_no: `SK${c.day.replaceAll('-', '')}${String(await q.nextNumber(trx, 'cash_receipt_seq')).padStart(7, '0')}`,
          clerk_id: clerk.id,
          at: now,
        })
        .execute();
  });
}

async function settleBaseline(
  db: Owner,
  clerks: Array<{ id: number; orgIds: number[] }>,
  queue: Array<{ stayId: number }>,
): Promise<{ settled: number; errors: number; firstError: string | null; seconds: number; latencies: number[] }> {
  let next = 0;
  let settled = 0;
  let errors = 0;
  let firstError: string | null = null;
  const latencies: number[] = [];
  const worker = async (clerk: { id: number; orgIds: number[] }) => {
    while (next < queue.length) {
      const item = queue[next++];
      const t0 = performance.now();
      try {
        await settleDirect(db, clerk, item.stayId);
        settled++;
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= `${item.stayId}: ${(err as Error).message}`;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(clerks.map((c) => worker(c)));
  return { settled, errors, firstError, seconds: (performance.now() - t0) / 1000, latencies };
}

/**
 * The figures checked after the fact, per settlement of a set: the balance (layers plus the
 * patient's part make the total), and each person's year recalculated sequentially in
 * confirmation order from the bill in fee_lines and the version's rules, field by field; the
 * accumulator row must end where the sequential recalculation ends.
 */
async function check(owner: Owner, set: string, versionId: number) {
  const { rows } = await sql<
    Record<string, unknown> & {
      id: number;
      stay_id: number;
      resident_id: number;
      org_id: number;
      org_kind: string;
      org_level: string;
      insurance_type: Scheme;
      registered_poor: boolean;
      assistance_category: string | null;
      diagnosis_code: string | null;
      policy_version_id: number;
      balanced: boolean;
    }
  >`
    SELECT s.*, o.kind AS org_kind, o.level AS org_level, r.insurance_type, r.registered_poor, r.assistance_category,
      coalesce(st.discharge_diagnoses->0->>'code', st.admission_diagnoses->0->>'code') AS diagnosis_code,
      s.medfee_sumamt = s.hifp_pay + s.hifmi_pay + s.hifob_pay + s.maf_pay + s.oth_pay + s.hosp_part_amt + s.psn_part_amt AS balanced
    FROM bench_stays b JOIN settlements s ON s.stay_id = b.stay_id AND s.kind = 'settlement' AND s.status = 'confirmed'
      JOIN stays st ON st.id = b.stay_id JOIN orgs o ON o.id = s.org_id JOIN residents r ON r.id = s.resident_id
    WHERE b.grp = ${set}
    ORDER BY s.resident_id, s.confirmed_at, s.id`.execute(owner);
  const { rows: billRows } = await sql<{
    stay_id: number;
    insurance_class: BillGroup['insurance_class'];
    self_pay_bp: number;
    amount: string;
  }>`
    SELECT f.stay_id, f.insurance_class, f.self_pay_bp, sum(f.amount_fen)::text AS amount
    FROM bench_stays b JOIN fee_lines f ON f.stay_id = b.stay_id WHERE b.grp = ${set}
    GROUP BY f.stay_id, f.insurance_class, f.self_pay_bp ORDER BY f.stay_id, f.insurance_class, f.self_pay_bp`.execute(
    owner,
  );
  const bills = new Map<number, BillGroup[]>();
  for (const b of billRows) {
    const list = bills.get(b.stay_id) ?? [];
    const amount = Number(b.amount);
    if (amount !== 0) list.push({ insurance_class: b.insurance_class, self_pay_bp: b.self_pay_bp, amount_fen: amount });
    bills.set(b.stay_id, list);
  }
  const { rows: accRows } = await sql<Record<string, unknown> & { resident_id: number }>`
    SELECT a.* FROM settlement_accumulators a JOIN bench_persons p ON p.resident_id = a.resident_id WHERE p.grp = ${set}`.execute(
    owner,
  );
  const accOf = new Map(accRows.map((a) => [a.resident_id, a]));
  const version = await contentOf(owner, versionId);
  let mismatches = 0;
  let unbalanced = 0;
  let wrongVersion = 0;
  let accumulatorMismatches = 0;
  const examples: string[] = [];
  const settledTwice = new Set<number>();
  let running: Accumulators = { ...ZERO_ACCUMULATORS };
  for (let n = 0; n < rows.length; n++) {
    const s = rows[n];
    if (n > 0 && rows[n - 1].resident_id === s.resident_id) settledTwice.add(s.resident_id);
    else running = { ...ZERO_ACCUMULATORS };
    if (!s.balanced) unbalanced++;
    if (s.policy_version_id !== versionId) wrongVersion++;
    const hospLevel = q.hospLevelOf(s.org_kind, s.org_level);
    const who = {
      scheme: s.insurance_type,
      personCat: q.personCatOf(s.registered_poor, s.assistance_category),
      hospLevel,
    };
    const rules = pickRules(version.rules, { ...who, setting: 'inpatient' });
    const pkg =
      who.scheme !== 'none'
        ? pickPackage(version.packages, { diagnosisCode: s.diagnosis_code, orgId: s.org_id, hospLevel })
        : null;
    const again = calculate({
      setting: 'inpatient',
      bill: bills.get(s.stay_id) ?? [],
      rules,
      package: pkg,
      before: running,
    });
    const diff = FIELD_NAMES.filter((k) => Number(s[k]) !== again.fields[k]);
    if (diff.length) {
      mismatches++;
      if (examples.length < 5)
        examples.push(`settlement ${s.id}: ${diff.map((k) => `${k} ${s[k]}≠${again.fields[k]}`).join(', ')}`);
    }
    running = again.after;
    const last = n === rows.length - 1 || rows[n + 1].resident_id !== s.resident_id;
    if (last) {
      const a = accOf.get(s.resident_id);
      const keys = Object.keys(ZERO_ACCUMULATORS) as Array<keyof Accumulators>;
      if (!a || keys.some((k) => Number(a[k]) !== running[k])) {
        accumulatorMismatches++;
        if (examples.length < 5)
          examples.push(`accumulators of resident ${s.resident_id} differ from the sequential run`);
      }
    }
  }
  return {
    settlements: rows.length,
    twiceSettled: settledTwice.size,
    // a settlement counts once however many fields differ; unbalanced rows and accumulator rows too
    sumMismatches: mismatches + unbalanced + accumulatorMismatches + wrongVersion,
    fieldMismatches: mismatches,
    unbalanced,
    accumulatorMismatches,
    wrongVersion,
    examples,
  };
}

/** CPU seconds (user + system) of processes picked by their /proc entry: the server, PostgreSQL backends */
function cpuSeconds(pick: (pid: string, cmdline: string, ppid: number) => boolean): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (pick(pid, cmdline, Number(f[1]))) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks / 100;
}

interface CpuMark {
  server: number;
  db: number;
  client: number;
}
function cpuMark(dbName: string): CpuMark {
  const me = process.cpuUsage();
  return {
    server: cpuSeconds((_pid, cmd, ppid) => ppid === process.pid && cmd.includes('src/server.ts')),
    db: cpuSeconds((_pid, cmd) => cmd.startsWith('postgres: ') && cmd.includes(` ${dbName} `)),
    client: (me.user + me.system) / 1e6,
  };
}
const cpuPer = (a: CpuMark, b: CpuMark, n: number) => ({
  server_ms: Number((((b.server - a.server) * 1000) / n).toFixed(2)),
  postgres_ms: Number((((b.db - a.db) * 1000) / n).toFixed(2)),
  bench_client_ms: Number((((b.client - a.client) * 1000) / n).toFixed(2)),
});

/** pg_stat_statements when the server preloads it (else null): reset, and the top statements since */
async function statementsAvailable(owner: Owner): Promise<boolean> {
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(owner);
    await sql`SELECT pg_stat_statements_reset()`.execute(owner);
    return true;
  } catch {
    return false;
  }
}
async function statementsSince(owner: Owner, n: number) {
  const { rows } = await sql<{ query: string; calls: string; total_ms: number; rows: string }>`
    SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query, calls::text, round(total_exec_time::numeric, 1)::float8 AS total_ms,
      rows::text
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND query NOT ILIKE '%pg_stat_statements%'
    ORDER BY total_exec_time DESC`.execute(owner);
  const total = rows.reduce((s, r) => s + r.total_ms, 0);
  const calls = rows.reduce((s, r) => s + Number(r.calls), 0);
  return {
    statements_per_settlement: Number((calls / n).toFixed(1)),
    exec_ms_per_settlement: Number((total / n).toFixed(2)),
    top: rows.slice(0, 12).map((r) => ({
      query: r.query,
      calls_per_settlement: Number((Number(r.calls) / n).toFixed(2)),
      ms_per_settlement: Number((r.total_ms / n).toFixed(3)),
    })),
  };
}

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'settle');
  try {
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: POOL });
    ownerPool.on('error', () => {
      /* an idle connection dropped by the server: the pool replaces it */
    });
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
    const clerk = await owner
      .selectFrom('staff')
      .select(['id', 'org_id', 'county_id'])
      .where('username', '=', 'clerk')
      .executeTakeFirstOrThrow();
    const admin = await owner
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const hospitalId = clerk.org_id;
    const twice = Math.round(RESIDENTS * TWICE_SHARE);
    const tData = performance.now();
    const versionId = await publishPolicy(owner, countyId, admin.id);
    await createData(owner, countyId, hospitalId, twice);
    // 50 clerks at the people's hospital, with the seeded clerk's password
    const { rows: clerkRows } = await sql<{ id: number; username: string }>`
      INSERT INTO staff (county_id, org_id, username, display_name, title, roles, password_hash, must_change_password)
      SELECT county_id, org_id, 'bench.clerk' || lpad(g::text, 3, '0'), '压测结算员' || g, '医保结算员', ARRAY['clerk'],
        password_hash, false
      FROM staff, generate_series(1, ${CLERKS}) g WHERE username = 'clerk' RETURNING id, username`.execute(owner);
    const dataSeconds = (performance.now() - tData) / 1000;
    const httpQueue = await queueOf(owner, 'H');
    const baseQueue = await queueOf(owner, 'B');
    const warmQueue = await queueOf(owner, 'W');

    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      LOGIN_RATE_LIMIT: '1000',
    });
    let http: Tally & { seconds: number };
    let warm: Tally & { seconds: number };
    const dbName = new URL(scratch.url).pathname.slice(1);
    let profiled = false;
    let httpStatements: Awaited<ReturnType<typeof statementsSince>> | null = null;
    let cpu0 = cpuMark(dbName);
    let cpu1 = cpu0;
    try {
      const sessions: Session[] = [];
      for (const c of clerkRows) sessions.push(await loginClerk(server.url, c.username, config.demoPassword));
      // warm-up on its own people, so the run measures a warm process, not JIT start-up
      warm = await settleOverHttp(server.url, sessions, warmQueue);
      if (warm.settled === 0) throw new Error(`warm-up settled nothing: ${warm.firstError}`);
      profiled = await statementsAvailable(owner);
      cpu0 = cpuMark(dbName);
      http = await settleOverHttp(server.url, sessions, httpQueue);
      cpu1 = cpuMark(dbName);
      if (profiled) httpStatements = await statementsSince(owner, http.settled);
    } finally {
      await server.stop();
    }

    // baseline: the same settlements of the twin set, in-process, same concurrency and pool size
    const basePool = new pg.Pool({ connectionString: scratch.url, max: POOL });
    basePool.on('error', () => undefined);
    // the server's role: no owner privileges, row-level security applies as it does to the server
    basePool.on('connect', (c) => void c.query('SET ROLE onecounty_app').catch(() => undefined));
    const baseDb: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: basePool }) });
    // the clerk's 'descendant' scope as the server computes it: a county hospital's home is the county
    const scopeOrgs = (
      await owner
        .selectFrom('orgs')
        .select('id')
        .where((eb) => eb.or([eb('county_id', '=', countyId), eb('id', '=', countyId)]))
        .orderBy('id')
        .execute()
    ).map((o) => o.id);
    if (!scopeOrgs.includes(hospitalId)) throw new Error('hospital outside the clerk scope');
    const clerkCtx = clerkRows.map((c) => ({ id: c.id, orgIds: scopeOrgs }));
    if (profiled) await sql`SELECT pg_stat_statements_reset()`.execute(owner);
    await sql`SELECT 1`.execute(baseDb); // connect before the first mark
    const cpu2 = cpuMark(dbName);
    const base = await settleBaseline(baseDb, clerkCtx, baseQueue);
    const cpu3 = cpuMark(dbName);
    const baseStatements = profiled ? await statementsSince(owner, base.settled) : null;
    await baseDb.destroy();

    const checked = await check(owner, 'H', versionId);
    const baseChecked = await check(owner, 'B', versionId);
    await owner.destroy();

    const rps = http.settled / http.seconds;
    const baselineRps = base.settled / base.seconds;
    const lat = http.latencies.sort((a, b) => a - b);
    const baseLat = base.latencies.sort((a, b) => a - b);
    const ratio = rps / baselineRps;
    return {
      settlements: http.settled,
      rps: Number(rps.toFixed(1)),
      baseline_rps: Number(baselineRps.toFixed(1)),
      ratio: Number(ratio.toFixed(3)),
      sum_mismatches: checked.sumMismatches,
      p99_ms: Number(percentile(lat, 99).toFixed(1)),
      p50_ms: Number(percentile(lat, 50).toFixed(1)),
      retries: http.retries,
      server_errors: http.serverErrors,
      failed_settlements: http.otherErrors,
      twice_settled_residents: checked.twiceSettled,
      stays_queued: httpQueue.length,
      clerks: CLERKS,
      pool: POOL,
      wall_s: Number(http.seconds.toFixed(1)),
      status_codes: http.statuses,
      first_error: http.firstError,
      check: {
        field_mismatches: checked.fieldMismatches,
        unbalanced: checked.unbalanced,
        accumulator_mismatches: checked.accumulatorMismatches,
        wrong_version: checked.wrongVersion,
        examples: checked.examples,
      },
      cpu_per_settlement: {
        http: cpuPer(cpu0, cpu1, http.settled),
        baseline: cpuPer(cpu2, cpu3, base.settled),
      },
      statements: { http: httpStatements, baseline: baseStatements },
      baseline_settlements: base.settled,
      baseline_errors: base.errors,
      baseline_first_error: base.firstError,
      baseline_p99_ms: Number(percentile(baseLat, 99).toFixed(1)),
      baseline_p50_ms: Number(percentile(baseLat, 50).toFixed(1)),
      baseline_sum_mismatches: baseChecked.sumMismatches,
      baseline_twice_settled_residents: baseChecked.twiceSettled,
      warmup_settlements: warm.settled,
      data_s: Number(dataSeconds.toFixed(1)),
      notes:
        `${CLERKS} clerk sessions over HTTP (calculate + confirm, recalculate on 409 SETTLEMENT_CHANGED; a twice-settled ` +
        `person's two stays handed out back to back). Baseline: an identical twin set of residents, stays and bills settled ` +
        `in-process — stayTarget + compute(lock) + confirmed row, lines, accumulators, receivables, till row in one ` +
        `withScope transaction as role onecounty_app (RLS on) — ${CLERKS} workers on a ${POOL}-connection pool (the server's DB_POOL_SIZE). ` +
        `sum_mismatches: unbalanced rows + settlements differing from a sequential recalculation per person in ` +
        `confirmed_at order from fee_lines + accumulator rows differing from it.`,
    };
  } finally {
    await scratch.drop();
  }
}
