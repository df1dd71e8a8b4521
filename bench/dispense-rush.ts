import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db-types.ts';
import { openServer } from '../src/platform/db.ts';
import { generateCounty } from '../src/seed/seed.ts';
import { loginWithCsrf, percentile, scratchDatabase, startServer } from './_server.ts';

/**
 * A dispensing rush (issue 14): 100 concurrent dispensers fire ≥5,000 dispensings over HTTP
 * (real server process: session, policy, RLS transaction, FEFO claim under the batch row locks
 * through stock_claim, ledger rows, priced lines, audit, the dispensing read back) at 20 items
 * with little stock left: two batches each (60 units expiring first, then 90), 3,000 units in
 * all against ~12,000 asked for (qty 1–3 a line), so most attempts end in 409 STOCK_SHORT once
 * an item runs out. Afterwards, in SQL: no balance below zero, and per batch the dispensed lines,
 * the ledger and qty_out agree.
 *
 * Baseline in the same run: the same number of attempts as the bare conditional UPDATE of a
 * batch's balance (as the owner, on fresh copies of the same batches at another village), at
 * the same concurrency over a pool of the server's size.
 *
 * Recall: ≥100,000 dispensings of another item written in SQL (dispenses, dispense_lines and
 * their ledger rows, so every balance still equals its ledger), 1,500 of each of five batch
 * numbers; then POST /api/pharmacy/recalls for each of the five (fresh recalls, same work),
 * timed over HTTP, its resident list checked against the SQL count.
 *
 * Runs in a scratch database on the server in DATABASE_URL, dropped afterwards.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 6000);
/** Database connections, the same for the server and the baseline (see booking-rush). */
const POOL = Number(process.env.BENCH_POOL ?? 10);
const ITEMS = 20;
/** per item: the batch expiring first, then the later one (smallest units) */
const BATCH_QTY = [60, 90] as const;
const RESIDENTS = 1200;
const RECALL_DISPENSINGS = Number(process.env.BENCH_RECALL_DISPENSINGS ?? 100_000);
/** batch numbers of the recall item (at two orgs each); the first RECALL_TARGETS are recalled */
const RECALL_BATCHES = 40;
const RECALL_TARGETS = 5;
const PER_TARGET = 1500;
const PRICE_FEN = 2800;
const PACK_QTY = 10;
const MOVE_CHUNK = 2000;

type Owner = Kysely<DB>;

const dayPlus = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** 1,200 extra residents at the village (the tiny county has a few dozen), as the owner. */
async function addResidents(owner: Owner, countyId: number, orgId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, mobile, insurance_type)
    SELECT ${countyId}, ${orgId}, '98' || lpad(g::text, 16, '0'), '发药' || g, 'fayao' || g, 'fy', 'F', date '1950-01-01' + g,
      '139' || lpad(g::text, 8, '0'), 'resident'
    FROM generate_series(1, ${RESIDENTS}) g RETURNING id`.execute(owner);
  return rows.map((r) => r.id);
}

/** catalogue items, each billed through its own charge item priced for the county */
async function addDrugs(owner: Owner, countyId: number, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const n = ids.length + 1;
    const code = `BENCH-D${String(n).padStart(3, '0')}`;
    await sql`INSERT INTO charge_items (code, name, category, insurance_class, unit, spec)
      VALUES (${code}, ${name}, 'drug', 'class_a', '盒', '5mg×10片')`.execute(owner);
    await sql`INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
      VALUES (${countyId}, ${code}, ${PRICE_FEN}, now() - interval '30 days', '压测定价')`.execute(owner);
    const {
      rows: [d],
    } = await sql<{ id: number }>`
      INSERT INTO drugs (county_id, kind, yb_code, charge_code, generic_name, pinyin, dosage_form, spec, pack_unit, min_unit,
        pack_qty, split_allowed, manufacturer, approval_no, insurance_class, essential, vbp, levels)
      VALUES (${countyId}, 'drug', ${'XBENCH' + String(n).padStart(17, '0')}, ${code}, ${name}, 'yc', '片剂', '5mg×10片', '盒', '片',
        ${PACK_QTY}, true, '压测药业有限公司', '国药准字H20000001', 'class_a', true, false, ARRAY['county','township','village'])
      RETURNING id`.execute(owner);
    ids.push(d.id);
  }
  return ids;
}

/** puts stock in through the ledger (a batch row, then its 'receive' move: the trigger keeps the balance) */
async function receive(
  owner: Owner,
  countyId: number,
  orgId: number,
  drugId: number,
  batchNo: string,
  expiry: string,
  qty: number,
): Promise<number> {
  const {
    rows: [b],
  } = await sql<{ id: number }>`
    INSERT INTO stock_batches (county_id, org_id, drug_id, batch_no, expiry_date, cost_fen)
    VALUES (${countyId}, ${orgId}, ${drugId}, ${batchNo}, ${expiry}, 1000) RETURNING id`.execute(owner);
  if (qty > 0)
    await sql`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind)
      VALUES (${countyId}, ${orgId}, ${b.id}, 'receive', ${qty}, 'opening')`.execute(owner);
  return b.id;
}

/** each item's two batches at an org, FEFO order */
async function stockItems(owner: Owner, countyId: number, orgId: number, drugs: number[]): Promise<void> {
  for (const drugId of drugs)
    for (const [k, qty] of BATCH_QTY.entries())
      await receive(owner, countyId, orgId, drugId, `R${drugId}-${k + 1}`, dayPlus(200 + 300 * k), qty);
}

/** the invariants after the rush (and at the end): balances, ledger, lines */
async function checkStock(owner: Owner, exceptOrg: number) {
  const {
    rows: [r],
  } = await sql<{ negative: number; ledger_mismatch: number; lines_mismatch: number }>`
    WITH m AS (
      SELECT batch_id,
             sum(CASE WHEN kind IN ('receive', 'transfer_in', 'return') OR (kind = 'stocktake_adj' AND qty > 0) THEN qty ELSE 0 END) AS i,
             sum(CASE WHEN kind IN ('transfer_out', 'dispense', 'loss', 'recall_out') THEN qty
                      WHEN kind = 'stocktake_adj' AND qty < 0 THEN -qty ELSE 0 END) AS o,
             sum(CASE kind WHEN 'block' THEN qty WHEN 'unblock' THEN -qty WHEN 'recall_out' THEN -qty ELSE 0 END) AS bl
      FROM stock_moves GROUP BY batch_id),
    l AS (SELECT batch_id, sum(qty) AS q FROM dispense_lines GROUP BY batch_id)
    SELECT (SELECT count(*)::int FROM stock_batches WHERE qty_in - qty_out - qty_blocked < 0) AS negative,
           (SELECT count(*)::int FROM stock_batches b LEFT JOIN m ON m.batch_id = b.id
             WHERE b.org_id <> ${exceptOrg} AND (b.qty_in <> coalesce(m.i, 0) OR b.qty_out <> coalesce(m.o, 0)
               OR b.qty_blocked <> coalesce(m.bl, 0))) AS ledger_mismatch,
           (SELECT count(*)::int FROM stock_batches b LEFT JOIN l ON l.batch_id = b.id
             WHERE b.org_id <> ${exceptOrg} AND b.qty_out <> coalesce(l.q, 0)) AS lines_mismatch`.execute(owner);
  return r;
}

/**
 * ≥100,000 dispensings of one item over RECALL_BATCHES batch numbers at two orgs, in SQL:
 * the batches, their 'receive' rows (what was dispensed + 50 left), the dispensings, their
 * lines and their 'dispense' ledger rows. The first RECALL_TARGETS batch numbers get
 * PER_TARGET dispensings each.
 */
async function recallData(
  owner: Owner,
  a: {
    countyId: number;
    drugId: number;
    orgs: [number, number];
    staff: [number, number];
    residents: number[];
  },
): Promise<void> {
  const { countyId, drugId } = a;
  const [village, central] = a.orgs;
  for (const org of a.orgs)
    for (let k = 1; k <= RECALL_BATCHES; k++)
      await receive(owner, countyId, org, drugId, `RC-${String(k).padStart(4, '0')}`, dayPlus(500), 0);
  const targeted = RECALL_TARGETS * PER_TARGET;
  await sql`CREATE UNLOGGED TABLE bench_recall_plan AS
    WITH p AS (
      SELECT g,
             CASE WHEN g % 3 = 0 THEN ${central}::int ELSE ${village}::int END AS org_id,
             CASE WHEN g % 3 = 0 THEN ${a.staff[1]}::int ELSE ${a.staff[0]}::int END AS staff_id,
             'RC-' || lpad((CASE WHEN g <= ${targeted}::int THEN (g - 1) / ${PER_TARGET}::int + 1
                                 ELSE ${RECALL_TARGETS + 1}::int + g % ${RECALL_BATCHES - RECALL_TARGETS}::int END)::text, 4, '0') AS batch_no,
             (${a.residents}::int[])[1 + (g * 7919) % ${a.residents.length}::int] AS resident_id,
             1 + g % 3 AS qty,
             now() - (g % 360) * interval '1 day' - (g % 600) * interval '1 minute' AS at
      FROM generate_series(1, ${RECALL_DISPENSINGS}::int) g)
    SELECT p.*, b.id AS batch_id, nextval(pg_get_serial_sequence('dispenses', 'id'))::int AS dispense_id,
           round(p.qty::numeric * ${PRICE_FEN}::int / ${PACK_QTY}::int)::bigint AS amount_fen
    FROM p JOIN stock_batches b ON b.org_id = p.org_id AND b.drug_id = ${drugId}::int AND b.batch_no = p.batch_no`.execute(
    owner,
  );
  await sql`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, at)
    SELECT ${countyId}::int, org_id, batch_id, 'receive', sum(qty) + 50, 'opening', now() - interval '400 days'
    FROM bench_recall_plan GROUP BY org_id, batch_id`.execute(owner);
  await sql`INSERT INTO dispenses (id, county_id, org_id, resident_id, client_id, request_hash, total_fen, dispensed_by, dispensed_at)
    SELECT dispense_id, ${countyId}::int, org_id, resident_id, gen_random_uuid(), 'bench', amount_fen, staff_id, at
    FROM bench_recall_plan`.execute(owner);
  await sql`INSERT INTO dispense_lines (dispense_id, county_id, org_id, resident_id, drug_id, batch_id, qty, unit_price_fen,
      price_id, pack_qty, amount_fen, usage, dispensed_at)
    SELECT p.dispense_id, ${countyId}::int, p.org_id, p.resident_id, ${drugId}::int, p.batch_id, p.qty, ${PRICE_FEN}::int,
      (SELECT cp.id FROM charge_prices cp JOIN drugs d ON d.charge_code = cp.item_code WHERE d.id = ${drugId}::int LIMIT 1),
      ${PACK_QTY}::int, p.amount_fen, '口服 每日一次', p.at
    FROM bench_recall_plan p ORDER BY p.g`.execute(owner);
  // the ledger rows in chunks: each row's trigger updates its batch, and thousands of updates
  // of one row in one transaction make a version chain that every later update walks (minutes)
  for (let from = 1; from <= RECALL_DISPENSINGS; from += MOVE_CHUNK)
    await sql`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind, ref_id, staff_id, at)
      SELECT ${countyId}::int, org_id, batch_id, 'dispense', qty, 'dispense', dispense_id, staff_id, at
      FROM bench_recall_plan WHERE g >= ${from}::int AND g < ${from + MOVE_CHUNK}::int ORDER BY g`.execute(owner);
  await sql`DROP TABLE bench_recall_plan`.execute(owner);
  // what autovacuum would do after a bulk load: fresh statistics for the planner
  await sql`ANALYZE dispenses, dispense_lines, stock_batches, stock_moves, residents`.execute(owner);
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

export default async function run(): Promise<Record<string, unknown>> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new Error('请设置 DATABASE_URL（数据库所有者账号），基准测试在 PostgreSQL 服务器上运行');
  const scratch = await scratchDatabase(config.databaseUrl, 'dispense');
  try {
    const database = await openServer({ databaseUrl: scratch.url, migrationDatabaseUrl: '', poolSize: 4 });
    const { countyId } = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: config.demoPassword });
    await database.close();
    const ownerPool = new pg.Pool({ connectionString: scratch.url, max: POOL });
    ownerPool.on('error', () => {
      /* an idle connection dropped by the server: the pool replaces it */
    });
    const owner: Owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });

    const staffRow = async (username: string) =>
      owner.selectFrom('staff').select(['id', 'org_id']).where('username', '=', username).executeTakeFirstOrThrow();
    const doctor = await staffRow('village.doctor');
    const pharmacist = await staffRow('pharmacist');
    const villageOrg = doctor.org_id;
    const baselineOrg = (
      await owner
        .selectFrom('orgs')
        .select('id')
        .where('county_id', '=', countyId)
        .where('kind', '=', 'village_clinic')
        .where('id', '<>', villageOrg)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    const residents = await addResidents(owner, countyId, villageOrg);
    const drugs = await addDrugs(
      owner,
      countyId,
      Array.from({ length: ITEMS + 2 }, (_, i) => `压测药品${String(i + 1).padStart(2, '0')}`),
    );
    const items = drugs.slice(0, ITEMS);
    const [warmDrug, recallDrug] = drugs.slice(ITEMS);
    await stockItems(owner, countyId, villageOrg, items);
    await stockItems(owner, countyId, baselineOrg, items);
    await receive(owner, countyId, villageOrg, warmDrug, 'WARM-1', dayPlus(300), 400);
    const stockTotal = ITEMS * BATCH_QTY.reduce((s, q) => s + q, 0);

    const server = await startServer({
      DATABASE_URL: scratch.url,
      DB_POOL_SIZE: String(POOL),
      LOGIN_RATE_LIMIT: '1000',
    });
    let http: autocannon.Result;
    let rushSeconds = 0;
    const okMs: number[] = [];
    const shortMs: number[] = [];
    const allMs: number[] = [];
    const otherCodes: Record<string, number> = {};
    let firstOther = '';
    const recallMs: number[] = [];
    const recallGetMs: number[] = [];
    const recallChecks: Array<{ batchNo: string; residents: number; sql: number }> = [];
    let baselineRps = 0;
    let baselineWon = 0;
    let baselineErrors = 0;
    const baselineMs: number[] = [];
    let afterRush: Awaited<ReturnType<typeof checkStock>>;
    let rushSql: { dispensings: number; lines: number; units: number; left: number };
    let recallBuildMs = 0;
    try {
      const staff = await loginWithCsrf(server.url, 'village.doctor', config.demoPassword);
      const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' };
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
      const body = (drugId: number, qty: number) =>
        JSON.stringify({
          clientId: randomUUID(),
          residentId: pick(residents),
          lines: [{ drugId, qty, usage: '口服 每日一次', traceCodes: [] }],
        });
      // warm-up on another item (400 units, then refusals), so the rush measures a warm process
      await autocannon({
        url: server.url,
        connections: 50,
        amount: Math.min(1500, ATTEMPTS),
        requests: [
          {
            method: 'POST',
            path: '/api/pharmacy/dispenses',
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...headers }, body: body(warmDrug, 1) }),
          },
        ],
      });
      let lastResponse = 0;
      const rushStart = performance.now();
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
                path: '/api/pharmacy/dispenses',
                setupRequest: (req) => ({
                  ...req,
                  headers: { ...req.headers, ...headers },
                  body: body(pick(items), 1 + Math.floor(Math.random() * 3)),
                }),
                onResponse: (status, resBody) => {
                  if (status !== 201 && status !== 409 && !firstOther)
                    firstOther = `${status} ${resBody.slice(0, 300)}`;
                  if (status === 409 && !resBody.includes('STOCK_SHORT') && !firstOther)
                    firstOther = `409 ${resBody.slice(0, 300)}`;
                },
              },
            ],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        run.on('response', (_client, status: number, _bytes, ms: number) => {
          if (status === 201) okMs.push(ms);
          else if (status === 409) shortMs.push(ms);
          else otherCodes[status] = (otherCodes[status] ?? 0) + 1;
          allMs.push(ms);
          lastResponse = performance.now();
        });
      });
      rushSeconds = (lastResponse - rushStart) / 1000;
      afterRush = await checkStock(owner, baselineOrg);
      const {
        rows: [rs],
      } = await sql<{ dispensings: number; lines: number; units: number; left: number }>`
        SELECT (SELECT count(DISTINCT dispense_id)::int FROM dispense_lines WHERE drug_id = ANY(${items}::int[])) AS dispensings,
               (SELECT count(*)::int FROM dispense_lines WHERE drug_id = ANY(${items}::int[])) AS lines,
               (SELECT coalesce(sum(qty), 0)::int FROM dispense_lines WHERE drug_id = ANY(${items}::int[])) AS units,
               (SELECT sum(qty_in - qty_out - qty_blocked)::int FROM stock_batches
                 WHERE org_id = ${villageOrg} AND drug_id = ANY(${items}::int[])) AS "left"`.execute(owner);
      rushSql = rs;

      // baseline: the bare conditional UPDATE of the item's first batch with enough left (FEFO
      // order), as the owner on the copies at another village: same attempts, concurrency, pool
      let next = 0;
      const worker = async () => {
        while (next < ATTEMPTS) {
          next++;
          const drugId = pick(items);
          const qty = 1 + Math.floor(Math.random() * 3);
          const t0 = performance.now();
          try {
            const { rows } = await sql<{ id: number }>`
              UPDATE stock_batches SET qty_out = qty_out + ${qty}::int
              WHERE id = (SELECT id FROM stock_batches
                          WHERE org_id = ${baselineOrg}::int AND drug_id = ${drugId}::int AND expiry_date >= current_date
                            AND qty_in - qty_out - qty_blocked >= ${qty}::int
                          ORDER BY expiry_date, id LIMIT 1)
                AND qty_in - qty_out - qty_blocked >= ${qty}::int
              RETURNING id`.execute(owner);
            if (rows.length) baselineWon++;
          } catch {
            baselineErrors++;
          }
          baselineMs.push(performance.now() - t0);
        }
      };
      const b0 = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, worker));
      baselineRps = ATTEMPTS / ((performance.now() - b0) / 1000);

      // recall over ≥100,000 dispensings
      const r0 = performance.now();
      await recallData(owner, {
        countyId,
        drugId: recallDrug,
        orgs: [villageOrg, pharmacist.org_id],
        staff: [doctor.id, pharmacist.id],
        residents,
      });
      recallBuildMs = performance.now() - r0;
      const ph = await loginWithCsrf(server.url, 'pharmacist', config.demoPassword);
      const phHeaders = { cookie: ph.cookie, 'x-csrf-token': ph.csrf, 'content-type': 'application/json' };
      for (let k = 1; k <= RECALL_TARGETS; k++) {
        const batchNo = `RC-${String(k).padStart(4, '0')}`;
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/pharmacy/recalls`, {
          method: 'POST',
          headers: phHeaders,
          body: JSON.stringify({ drugId: recallDrug, batchNo, level: '1', reason: '压测：该批次含量不合格' }),
        });
        const text = await res.text();
        recallMs.push(performance.now() - t0);
        if (!res.ok) throw new Error(`recall ${batchNo}: ${res.status} ${text.slice(0, 300)}`);
        const recall = JSON.parse(text) as { id: number; residents: unknown[] };
        const g0 = performance.now();
        const again = await fetch(`${server.url}/api/pharmacy/recalls/${recall.id}`, { headers: phHeaders });
        await again.text();
        recallGetMs.push(performance.now() - g0);
        const {
          rows: [c],
        } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM (SELECT DISTINCT l.resident_id, l.org_id FROM dispense_lines l
            JOIN stock_batches b ON b.id = l.batch_id
            WHERE b.county_id = ${countyId} AND b.drug_id = ${recallDrug} AND b.batch_no = ${batchNo}) x`.execute(
          owner,
        );
        recallChecks.push({ batchNo, residents: recall.residents.length, sql: c.n });
      }
    } finally {
      await server.stop();
    }
    const final = await checkStock(owner, baselineOrg);
    const {
      rows: [totals],
    } = await sql<{ dispensings: number; target_lines: number }>`
      SELECT (SELECT count(*)::int FROM dispenses) AS dispensings,
             (SELECT count(*)::int FROM dispense_lines l JOIN stock_batches b ON b.id = l.batch_id
               WHERE b.drug_id = ${recallDrug} AND b.batch_no = 'RC-0001') AS target_lines`.execute(owner);
    await owner.destroy();

    const codes = http.statusCodeStats as Record<string, { count: number }>;
    const serverErrors =
      Object.entries(codes)
        .filter(([c]) => Number(c) >= 500)
        .reduce((s, [, v]) => s + v.count, 0) +
      http.errors +
      http.timeouts;
    const rps = http.requests.total / rushSeconds;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const recallSorted = sorted(recallMs);
    return {
      attempts: http.requests.total,
      dispensed: okMs.length,
      refused: shortMs.length,
      negative_balances: final.negative,
      server_errors: serverErrors,
      rps: Math.round(rps),
      baseline_rps: Math.round(baselineRps),
      ratio: Number((rps / baselineRps).toFixed(3)),
      recall_ms: Math.round(median(recallMs)),
      recall_ms_max: Math.round(recallSorted[recallSorted.length - 1] ?? 0),
      recall_get_ms: Math.round(median(recallGetMs)),
      recall_residents: recallChecks.map((c) => c.residents),
      recall_residents_sql: recallChecks.map((c) => c.sql),
      recall_residents_match: recallChecks.every((c) => c.residents === c.sql),
      recall_target_dispensings: totals.target_lines,
      dispensings_total: totals.dispensings,
      recall_data_build_s: Number((recallBuildMs / 1000).toFixed(1)),
      p50_ms: Number(percentile(sorted(allMs), 50).toFixed(1)),
      p99_ms: Number(percentile(sorted(allMs), 99).toFixed(1)),
      p99_dispensed_ms: Number(percentile(sorted(okMs), 99).toFixed(1)),
      p99_refused_ms: Number(percentile(sorted(shortMs), 99).toFixed(1)),
      status_codes: Object.fromEntries(Object.entries(codes).map(([c, v]) => [c, v.count])),
      other_status: otherCodes,
      first_unexpected_answer: firstOther || null,
      dispensings_sql: rushSql.dispensings,
      dispense_lines_sql: rushSql.lines,
      units_dispensed: rushSql.units,
      units_stocked: stockTotal,
      units_left: rushSql.left,
      ledger_mismatches: final.ledger_mismatch,
      lines_vs_qty_out_mismatches: final.lines_mismatch,
      after_rush: afterRush,
      items: ITEMS,
      clients: CLIENTS,
      pool: POOL,
      baseline_dispensed: baselineWon,
      baseline_errors: baselineErrors,
      baseline_p50_ms: Number(percentile(sorted(baselineMs), 50).toFixed(2)),
      baseline_p99_ms: Number(percentile(sorted(baselineMs), 99).toFixed(2)),
    };
  } finally {
    await scratch.drop();
  }
}
