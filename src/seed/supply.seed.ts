import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';

export interface SupplySeedOptions {
  countyId: number;
  seed: number;
  /** the reference instant: everything generated ends here (the real clock is never read) */
  now: Date;
  scale: 'demo' | 'jiexiu';
}

/**
 * Demo data of issue 14 part 7, set-based inside PostgreSQL (one INSERT … SELECT per table,
 * randomness from md5 of the seed, a salt and the row key): a year of sterilisation loads in
 * the people's hospital CSSD (three sterilizers, pending only today), one load whose biological
 * indicator failed 40 days ago with every pack recalled (some already issued and used), packs
 * issued to the township centres and used on their residents; a medical-waste bag (box) on
 * about one day in six per village clinic and most days per township centre, with the handover
 * chain producer → collector → transfer station → disposal company, a few weight discrepancies,
 * a few bags never collected (overdue) and recent handovers not yet confirmed.
 */
export async function seedSupply(db: Kdb, opts: SupplySeedOptions): Promise<void> {
  const county = opts.countyId;
  const s = `supply:${opts.seed}`;
  const now = `'${opts.now.toISOString()}'::timestamptz`;
  const today = `(${now} AT TIME ZONE 'Asia/Shanghai')::date`;
  const u = (salt: string, key: string) =>
    `((('x' || substr(md5('${s}:${salt}:' || (${key})::text), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
  const orgs = await db.selectFrom('orgs').select('id').where('county_id', '=', county).execute();
  if (orgs.length === 0) return;
  await withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    const run = (text: string) => sql.raw(text).execute(trx);
    // the CSSD: the pharmacist's hospital (else the first county hospital), its two staff for the two sides
    await run(`CREATE TEMP TABLE supply_seed_ctx ON COMMIT DROP AS
      WITH cssd AS (
        SELECT coalesce(
          (SELECT org_id FROM staff WHERE county_id = ${county} AND username = 'pharmacist'),
          (SELECT min(id) FROM orgs WHERE county_id = ${county} AND kind = 'county_hospital')) AS org_id)
      SELECT cssd.org_id,
        (SELECT min(id) FROM staff WHERE org_id = cssd.org_id) AS staff_a,
        (SELECT max(id) FROM staff WHERE org_id = cssd.org_id) AS staff_b,
        (SELECT array_agg(id ORDER BY code) FROM orgs WHERE county_id = ${county} AND kind = 'township_center') AS townships
      FROM cssd`);
    const { rows } = await sql<{
      org_id: number | null;
      staff_a: number | null;
    }>`SELECT org_id, staff_a FROM supply_seed_ctx`.execute(trx);
    if (!rows[0]?.org_id || !rows[0].staff_a) return;

    await run(`INSERT INTO sterile_pack_types (county_id, name, items, method, packaging, shelf_days) VALUES
      (${county}, '清创缝合包', '[{"name":"持针器","count":1},{"name":"组织剪","count":1},{"name":"线剪","count":1},{"name":"有齿镊","count":2},{"name":"纱布","count":10}]', 'steam', '纺织布', 14),
      (${county}, '换药包', '[{"name":"弯盘","count":2},{"name":"镊子","count":2},{"name":"棉球","count":10},{"name":"纱布","count":4}]', 'steam', '纺织布', 14),
      (${county}, '导尿包', '[{"name":"弯盘","count":1},{"name":"镊子","count":2},{"name":"洞巾","count":1},{"name":"纱布","count":4}]', 'steam', '医用皱纹纸', 180),
      (${county}, '产包', '[{"name":"止血钳","count":4},{"name":"会阴剪","count":1},{"name":"脐带剪","count":1},{"name":"产单","count":2},{"name":"纱布","count":20}]', 'steam', '无纺布', 180),
      (${county}, '腹腔镜器械包', '[{"name":"腹腔镜抓钳","count":3},{"name":"分离钳","count":2},{"name":"剪刀","count":1},{"name":"气腹针","count":1}]', 'plasma', '纸塑袋', 180),
      (${county}, '口腔器械盒', '[{"name":"口镜","count":1},{"name":"探针","count":1},{"name":"镊子","count":1}]', 'plasma', '纸塑袋', 180)`);

    // a year of loads: steam A1 (3 cycles a day), steam A2 (2), plasma P1 (1); today's still pending
    await run(`INSERT INTO sterile_loads (county_id, org_id, sterilizer, cycle_no, load_date, method, operator_staff_id,
                 status, physical_ok, chemical_ok, biological_ok, note, read_by, read_at, created_at)
      SELECT ${county}, c.org_id, k.sterilizer, k.cycle_no, ${today} - d, k.method, c.staff_a,
             CASE WHEN d = 0 THEN 'pending' WHEN fail THEN 'failed' ELSE 'passed' END,
             CASE WHEN d = 0 THEN NULL ELSE true END, CASE WHEN d = 0 THEN NULL ELSE true END,
             CASE WHEN d = 0 THEN NULL ELSE NOT fail END,
             CASE WHEN fail THEN '生物指示物培养 48 小时阳性，本锅全部召回' END,
             CASE WHEN d = 0 THEN NULL ELSE c.staff_b END,
             CASE WHEN d = 0 THEN NULL ELSE least(${now}, ((${today} - d + 2)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai') END,
             ((${today} - d)::timestamp + interval '7 hours' + k.cycle_no * interval '2 hours') AT TIME ZONE 'Asia/Shanghai'
      FROM supply_seed_ctx c
      CROSS JOIN generate_series(0, 364) d
      CROSS JOIN (VALUES ('A1', 1, 'steam'), ('A1', 2, 'steam'), ('A1', 3, 'steam'), ('A2', 1, 'steam'), ('A2', 2, 'steam'),
                         ('P1', 1, 'plasma')) AS k(sterilizer, cycle_no, method)
      CROSS JOIN LATERAL (SELECT d = 40 AND k.sterilizer = 'A2' AND k.cycle_no = 2 AS fail) f`);

    // packs: 1–4 of each type the load's method takes; issued to a township after a day, mostly used
    await run(`WITH p AS MATERIALIZED (
        SELECT l.id AS load_id, l.org_id, l.load_date, l.status AS load_status, t.id AS type_id, t.shelf_days,
               row_number() OVER (PARTITION BY l.id ORDER BY t.id, g) AS n,
               ${u('p1', "l.id || ':' || t.id || ':' || g")} AS u1, ${u('p2', "l.id || ':' || t.id || ':' || g")} AS u2,
               ${u('p3', "l.id || ':' || t.id || ':' || g")} AS u3
        FROM sterile_loads l
        JOIN sterile_pack_types t ON t.county_id = l.county_id AND t.method = l.method
        CROSS JOIN LATERAL generate_series(1, 1 + floor(${u('pn', "l.id || ':' || t.id")} * 4)::int) g
        WHERE l.county_id = ${county}),
      r AS (
        SELECT r.id, CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE r.org_id END AS township FROM residents r
        JOIN orgs o ON o.id = r.org_id WHERE r.county_id = ${county} AND r.deceased_on IS NULL),
      rn AS (SELECT id, township, row_number() OVER (PARTITION BY township ORDER BY id) - 1 AS n FROM r),
      -- the residents per township apart, so the pick below is an equality join (township, n)
      rc AS (SELECT township, count(*) AS cnt FROM r GROUP BY township),
      x AS (
        SELECT p.*, c.townships[1 + floor(p.u1 * cardinality(c.townships))::int] AS township, c.staff_a,
               (${today} - p.load_date) AS age, p.load_date + p.shelf_days AS expires_on
        FROM p CROSS JOIN supply_seed_ctx c),
      y AS (
        SELECT x.*, CASE
          WHEN x.age < 1 OR x.township IS NULL THEN 'in_cssd'
          WHEN x.u2 < 0.80 AND x.age >= 2 THEN 'used'
          WHEN x.u2 < 0.86 THEN 'returned'
          WHEN x.u2 < 0.93 THEN 'issued'
          ELSE 'in_cssd' END AS was
        FROM x)
      INSERT INTO sterile_packs (county_id, org_id, code, pack_type_id, load_id, sterilised_on, expires_on, status, recalled_from,
                                 issued_to_org_id, issued_ward, issued_by, issued_at, used_resident_id, used_by, used_at,
                                 returned_by, returned_at, recalled_at)
      SELECT ${county}, y.org_id, 'SP' || lpad(y.load_id::text, 6, '0') || '-' || lpad(y.n::text, 3, '0'), y.type_id, y.load_id,
             y.load_date, y.expires_on,
             CASE WHEN y.load_status = 'failed' THEN 'recalled' ELSE y.was END,
             CASE WHEN y.load_status = 'failed' THEN y.was END,
             CASE WHEN y.was <> 'in_cssd' THEN y.township END,
             CASE WHEN y.was <> 'in_cssd' THEN (ARRAY['门诊', '治疗室', '产房', '住院部'])[1 + floor(y.u3 * 4)::int] END,
             CASE WHEN y.was <> 'in_cssd' THEN y.staff_a END,
             CASE WHEN y.was <> 'in_cssd' THEN ((y.load_date + 1)::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' END,
             CASE WHEN y.was = 'used' THEN rn.id END,
             CASE WHEN y.was = 'used' THEN (SELECT min(id) FROM staff WHERE org_id = y.township) END,
             CASE WHEN y.was = 'used' THEN least(${now}, ((y.load_date + 2)::timestamp + interval '9 hours' + y.u3 * interval '8 hours') AT TIME ZONE 'Asia/Shanghai') END,
             CASE WHEN y.was = 'returned' THEN (SELECT min(id) FROM staff WHERE org_id = y.township) END,
             CASE WHEN y.was = 'returned' THEN least(${now}, ((least(y.expires_on, ${today}))::timestamp + interval '15 hours') AT TIME ZONE 'Asia/Shanghai') END,
             CASE WHEN y.load_status = 'failed' THEN ((y.load_date + 2)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai' END
      FROM y LEFT JOIN rc ON rc.township = y.township
      LEFT JOIN rn ON rn.township = y.township AND rn.n = floor(y.u3 * rc.cnt)::int
      WHERE y.was <> 'used' OR rn.id IS NOT NULL`);

    await seedWaste(run, county, now, u);
  });
}

type Run = (text: string) => Promise<unknown>;
type U = (salt: string, key: string) => string;

async function seedWaste(run: Run, county: number, now: string, u: U): Promise<void> {
  const station = '县医疗废物暂存转运站';
  const company = '康洁医疗废物集中处置有限公司';
  // bags: village clinics on about one day in six, township centres on most days
  await run(`INSERT INTO waste_bags (id, county_id, org_id, category, weight_g, stage, device_at, created_at, created_by)
    WITH g AS MATERIALIZED (
      SELECT o.id AS org_id, o.kind, d, ${u('b0', "o.id || ':' || d")} AS u0, ${u('b1', "o.id || ':' || d")} AS u1,
             ${u('b2', "o.id || ':' || d")} AS u2, ${u('b3', "o.id || ':' || d")} AS u3,
             (SELECT min(id) FROM staff WHERE org_id = o.id) AS staff
      FROM orgs o CROSS JOIN generate_series(0, 364) d
      WHERE o.county_id = ${county} AND o.kind IN ('village_clinic', 'township_center'))
    SELECT md5('bag:' || g.org_id || ':' || g.d)::uuid, ${county}, g.org_id,
           CASE WHEN g.u1 < 0.70 THEN 'infectious' WHEN g.u1 < 0.85 THEN 'sharps' WHEN g.u1 < 0.88 THEN 'pathological'
                WHEN g.u1 < 0.96 THEN 'pharmaceutical' ELSE 'chemical' END,
           CASE WHEN g.kind = 'village_clinic' THEN 200 + floor(g.u2 * 1300) ELSE 500 + floor(g.u2 * 4500) END::int,
           'produced',
           ${now} - g.d * interval '1 day' - g.u3 * interval '10 hours' - g.u0 * interval '5 minutes',
           ${now} - g.d * interval '1 day' - g.u3 * interval '10 hours',
           g.staff
    FROM g WHERE g.staff IS NOT NULL AND g.u0 < CASE WHEN g.kind = 'village_clinic' THEN 0.16 ELSE 0.7 END`);

  // producer → collector (the township's collector): within 1–40 h; a few bags never collected;
  // a handover in the last 3 h half the time not yet confirmed; about 1% received light
  const step = (
    name: string,
    from: string,
    delayHours: string,
    giver: string,
    receiver: string,
    givenBy: string,
    receivedBy: string,
    skip: string,
  ) =>
    run(`INSERT INTO waste_handovers (bag_id, county_id, org_id, step, giver_name, giver_weight_g, given_by, given_at,
                                      receiver_name, receiver_weight_g, received_by, received_at)
      WITH f AS MATERIALIZED (${from}),
      h AS (SELECT f.*, f.since + ${delayHours} AS given_at, ${u(name + '1', 'f.bag_id')} AS v1,
                   ${u(name + '2', 'f.bag_id')} AS v2 FROM f)
      SELECT h.bag_id, ${county}, h.org_id, '${name}', ${giver}, h.w, ${givenBy}, h.given_at, ${receiver},
             CASE WHEN h.given_at > ${now} - interval '3 hours' AND h.v1 < 0.5 THEN NULL
                  WHEN h.v2 < 0.01 THEN greatest(1, round(h.w * (0.80 + h.v1 * 0.1)))::int
                  ELSE greatest(1, h.w + round((h.v2 - 0.5) * h.w * 0.03))::int END,
             CASE WHEN h.given_at > ${now} - interval '3 hours' AND h.v1 < 0.5 THEN NULL ELSE ${receivedBy} END,
             CASE WHEN h.given_at > ${now} - interval '3 hours' AND h.v1 < 0.5 THEN NULL ELSE h.given_at + interval '5 minutes' END
      FROM h WHERE h.given_at <= ${now} AND NOT (${skip})`);
  const township = `CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE o.id END`;
  await step(
    'collect',
    `SELECT b.id AS bag_id, b.org_id, b.weight_g AS w, b.created_at AS since, o.name AS org_name,
            (SELECT name FROM orgs t WHERE t.id = ${township}) AS township_name, b.created_by,
            coalesce((SELECT min(id) FROM staff s WHERE s.org_id = ${township} AND s.id <> b.created_by),
              (SELECT staff_a FROM supply_seed_ctx)) AS collector
     FROM waste_bags b JOIN orgs o ON o.id = b.org_id WHERE b.county_id = ${county}`,
    `(1 + floor(${u('cd', 'f.bag_id')} * 40)) * interval '1 hour'`,
    'h.org_name',
    `h.township_name || '收集员'`,
    'h.created_by',
    'h.collector',
    `h.collector IS NULL OR ${u('never', 'h.bag_id')} < 0.004`,
  );
  await step(
    'station',
    `SELECT x.bag_id, x.org_id, x.receiver_weight_g AS w, x.received_at AS since, x.receiver_name AS collector_name,
            x.received_by AS collector, (SELECT staff_a FROM supply_seed_ctx) AS station_staff
     FROM waste_handovers x WHERE x.county_id = ${county} AND x.step = 'collect' AND x.received_at IS NOT NULL`,
    `(2 + floor(${u('sd', 'f.bag_id')} * 22)) * interval '1 hour'`,
    'h.collector_name',
    `'${station}'`,
    'h.collector',
    'h.station_staff',
    'false',
  );
  await step(
    'dispose',
    `SELECT x.bag_id, x.org_id, x.receiver_weight_g AS w, x.received_at AS since,
            (SELECT staff_a FROM supply_seed_ctx) AS station_staff, (SELECT staff_b FROM supply_seed_ctx) AS company_staff
     FROM waste_handovers x WHERE x.county_id = ${county} AND x.step = 'station' AND x.received_at IS NOT NULL
`,
    `(24 + floor(${u('dd', 'f.bag_id')} * 48)) * interval '1 hour'`,
    `'${station}'`,
    `'${company}'`,
    'h.station_staff',
    'h.company_staff',
    'false',
  );
  await run(`UPDATE waste_bags b SET stage = CASE s.last WHEN 'dispose' THEN 'disposed' WHEN 'station' THEN 'at_station' ELSE 'collected' END
    FROM (SELECT bag_id, (array_agg(step ORDER BY CASE step WHEN 'collect' THEN 1 WHEN 'station' THEN 2 ELSE 3 END DESC))[1] AS last
          FROM waste_handovers WHERE county_id = ${county} AND received_at IS NOT NULL GROUP BY bag_id) s
    WHERE s.bag_id = b.id`);
}
