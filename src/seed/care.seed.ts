import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';

/**
 * The group's price list (fen) for the charge catalogue of 0031_care_charges.sql, in force
 * from 2025-01-01 in Shanghai, with its source document; the 一单通 exams keep their catalogue
 * price. Every profile gets it (the HIS interface prices DFT lines from it).
 */
export const BASE_PRICES: Readonly<Record<string, number>> = {
  'REG-GEN': 1000,
  'REG-TCM': 1500,
  'DRG-AMLO': 1260,
  'DRG-NIFE': 1830,
  'DRG-METF': 980,
  'DRG-ASPI': 1350,
  'DRG-ATOR': 2470,
  'DRG-AMOX': 760,
  'DRG-CEFU': 1890,
  'DRG-IBUP': 1120,
  'DRG-OMEP': 860,
  'DRG-NS250': 320,
  'DRG-GS250': 350,
  'DRG-CEFT': 1560,
  'DRG-INSU': 5680,
  'DRG-LIANHUA': 2390,
  'DRG-TCMHERB': 3200,
  'DRG-DANSHEN': 2650,
  'CON-SYRINGE': 80,
  'CON-IVSET': 260,
  'CON-CATH': 3500,
  'CON-STENT': 79800,
  'CON-SUTURE': 4500,
  'CON-DRESS': 150,
  'TRT-IV': 600,
  'TRT-IM': 300,
  'TRT-DRESS': 1200,
  'TRT-ACUP': 2000,
  'TRT-MOXA': 2500,
  'TRT-TUINA': 3000,
  'TRT-CUPPING': 1500,
  'TRT-OXYGEN': 300,
  'OPR-APPEND': 120000,
  'OPR-CHOLE': 260000,
  'OPR-HERNIA': 150000,
  'OPR-CSEC': 180000,
  'OPR-PCI': 450000,
  'OPR-THR': 680000,
  'OPR-DEBRID': 30000,
  'BED-GEN': 3000,
  'BED-ICU': 18000,
  'NUR-1': 2600,
  'NUR-2': 1500,
  'NUR-3': 800,
  'OTH-HEAT': 500,
  'OTH-COPY': 50,
};
export const PRICE_SOURCE = '山西省医疗服务价格项目目录（2025版）及医共体统一价格表';
export const PRICES_FROM = '2025-01-01T00:00:00+08:00';

export async function seedPriceList(trx: Kdb, countyId: number): Promise<void> {
  await trx
    .insertInto('charge_prices')
    .values(
      Object.entries(BASE_PRICES).map(([code, fen]) => ({
        county_id: countyId,
        item_code: code,
        price_fen: fen,
        valid_from: new Date(PRICES_FROM),
        source_document: PRICE_SOURCE,
      })),
    )
    .execute();
  await sql`INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
    SELECT ${countyId}, code, price_fen, ${PRICES_FROM}::timestamptz, '一单通检查检验统一价格' FROM exam_catalogue`.execute(
    trx,
  );
}

/**
 * A year of visits and stays with their charges, generated inside PostgreSQL (INSERT … SELECT
 * over generate_series, randomness from md5 of the seed and the row number), so the jiexiu
 * profile's two million visits take minutes, not hours, and the same seed gives the same
 * county. Proportions follow the seeds: most visits at village clinics and township centres,
 * TCM visits mostly at the TCM hospital, stays mostly at the people's hospital with a length
 * of stay near 7 days, and each department's beds registered so that bed use is near 70%.
 */
export interface CareSeedOptions {
  countyId: number;
  seed: number;
  visitsPerResident: number;
  staysPerResident: number;
  now?: Date;
}

const CLINICAL_EXCLUDED = ['lab', 'imaging', 'ecg', 'ultrasound', 'pathology', 'pharmacy', 'referral', 'public-health'];
const DIAGNOSES = [
  'I10',
  'E11.9',
  'J06.9',
  'J20.9',
  'K29.7',
  'M54.5',
  'J44.1',
  'I63.9',
  'N39.0',
  'I25.1',
  'J18.9',
  'R51',
];

export async function seedCare(
  db: Kdb,
  opts: CareSeedOptions,
): Promise<{ visits: number; stays: number; beds: number }> {
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind'])
    .where('county_id', '=', opts.countyId)
    .execute();
  const pick = (suffix: string) => orgs.find((o) => o.kind === 'county_hospital' && o.name.endsWith(suffix))?.id ?? 0;
  const people = pick('人民医院');
  const tcm = pick('中医医院');
  const mch = orgs.find((o) => o.kind === 'county_hospital' && o.id !== people && o.id !== tcm)?.id ?? people;
  const now = (opts.now ?? new Date()).toISOString();
  const county = opts.countyId;
  const seed = String(opts.seed);
  // a uniform number in [0, 1) from the seed, a salt and a row key
  const u = (salt: string, key: string) =>
    `((('x' || substr(md5('${seed}:${salt}:' || ${key}), 1, 8))::bit(32)::int::bigint & 2147483647) / 2147483648.0)`;
  const dx = `(ARRAY[${DIAGNOSES.map((d) => `'${d}'`).join(',')}])`;
  const excluded = `(${CLINICAL_EXCLUDED.map((c) => `'${c}'`).join(',')})`;
  return withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    const [{ n: residentCount }] = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM residents WHERE county_id = ${county} AND deceased_on IS NULL`.execute(trx)
    ).rows;
    const visitCount = Math.round(residentCount * opts.visitsPerResident);
    const stayCount = Math.round(residentCount * opts.staysPerResident);
    await sql
      .raw(
        `WITH res AS (
           SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.org_id,
                  CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE r.org_id END AS township
           FROM residents r JOIN orgs o ON o.id = r.org_id WHERE r.county_id = ${county} AND r.deceased_on IS NULL),
         g AS (
           SELECT i, ${u('v1', 'i')} AS u1, ${u('v2', 'i')} AS u2, ${u('v3', 'i')} AS u3, ${u('v4', 'i')} AS u4,
                  floor(${u('v0', 'i')} * ${residentCount})::int AS rn
           FROM generate_series(1, ${visitCount}) i),
         x AS (
           SELECT g.*, r.id AS resident_id,
                  CASE WHEN g.u1 < 0.46 THEN r.org_id WHEN g.u1 < 0.76 THEN r.township WHEN g.u1 < 0.90 THEN ${people}
                       WHEN g.u1 < 0.96 THEN ${tcm} ELSE ${mch} END AS org_id,
                  date_trunc('day', '${now}'::timestamptz AT TIME ZONE 'Asia/Shanghai') - floor(g.u2 * 365) * interval '1 day'
                    + (8 + floor(g.u4 * 9)) * interval '1 hour' + floor(g.u3 * 60) * interval '1 minute' AS local_at
           FROM g JOIN res r ON r.n = g.rn)
         INSERT INTO visits (county_id, org_id, resident_id, registered_at, visit_day, tcm, status, source, closed_at, diagnoses)
         SELECT ${county}, x.org_id, x.resident_id, x.local_at AT TIME ZONE 'Asia/Shanghai', x.local_at::date,
                CASE WHEN x.org_id = ${tcm} THEN x.u3 < 0.85 WHEN x.org_id = ${people} OR x.org_id = ${mch} THEN x.u3 < 0.02
                     ELSE x.u3 < 0.08 END,
                CASE WHEN x.local_at AT TIME ZONE 'Asia/Shanghai' < '${now}'::timestamptz - interval '1 day' THEN 'closed' ELSE 'open' END,
                'seed',
                CASE WHEN x.local_at AT TIME ZONE 'Asia/Shanghai' < '${now}'::timestamptz - interval '1 day' THEN '${now}'::timestamptz END,
                jsonb_build_array(jsonb_build_object('code', ${dx}[1 + floor(x.u4 * ${DIAGNOSES.length})::int], 'name', ${dx}[1 + floor(x.u4 * ${DIAGNOSES.length})::int]))
         FROM x WHERE x.local_at AT TIME ZONE 'Asia/Shanghai' <= '${now}'::timestamptz`,
      )
      .execute(trx);
    // outpatient charges: registration, drugs (TCM prescriptions at TCM visits), injections, exams
    await sql
      .raw(
        `WITH v AS (SELECT id, org_id, resident_id, registered_at, tcm, ${u('f1', 'id')} AS a, ${u('f2', 'id')} AS b
                    FROM visits WHERE county_id = ${county} AND source = 'seed'),
         l AS (
           SELECT v.*, x.item, x.qty FROM v CROSS JOIN LATERAL (VALUES
             (CASE WHEN v.tcm THEN 'REG-TCM' ELSE 'REG-GEN' END, 1, true),
             (CASE WHEN v.tcm THEN (CASE WHEN v.b < 0.6 THEN 'DRG-TCMHERB' ELSE 'DRG-LIANHUA' END)
                   ELSE (ARRAY['DRG-AMLO','DRG-NIFE','DRG-METF','DRG-ASPI','DRG-AMOX','DRG-IBUP','DRG-OMEP','DRG-CEFU'])[1 + floor(v.b * 8)::int] END,
              CASE WHEN v.tcm AND v.b < 0.6 THEN 5 ELSE 1 END, v.a < 0.80),
             ('TRT-IM', 1, v.a >= 0.55 AND v.a < 0.75), ('CON-SYRINGE', 2, v.a >= 0.55 AND v.a < 0.75),
             ('TRT-IV', 1, v.a >= 0.75 AND v.a < 0.82), ('CON-IVSET', 1, v.a >= 0.75 AND v.a < 0.82),
             ((ARRAY['LAB-CBC','ECG-12','LAB-GLU','US-ABD','IMG-CXR'])[1 + floor(v.b * 5)::int], 1, v.b < 0.25),
             ('TRT-ACUP', 1, v.tcm AND v.a < 0.5)
           ) AS x(item, qty, wanted) WHERE x.wanted)
         INSERT INTO fee_lines (county_id, org_id, visit_id, resident_id, item_code, item_name, category, insurance_class,
                                self_pay_bp, quantity, unit_price_fen, price_id, amount_fen, charged_at)
         SELECT ${county}, l.org_id, l.id, l.resident_id, i.code, i.name, i.category, i.insurance_class, i.self_pay_bp,
                l.qty, p.price_fen, p.id, round(l.qty * p.price_fen), l.registered_at + interval '20 minutes'
         FROM l JOIN charge_items i ON i.code = l.item
         JOIN charge_prices p ON p.item_code = i.code AND p.county_id = ${county} AND p.valid_to IS NULL`,
      )
      .execute(trx);
    // stays: length of stay ~ 1 + exponential(6.3), at most 30 days; all discharged before now
    await sql
      .raw(
        `WITH res AS (
           SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE r.org_id END AS township
           FROM residents r JOIN orgs o ON o.id = r.org_id WHERE r.county_id = ${county} AND r.deceased_on IS NULL),
         g AS (
           SELECT i, ${u('s1', 'i')} AS u1, ${u('s2', 'i')} AS u2, ${u('s3', 'i')} AS u3, ${u('s4', 'i')} AS u4,
                  floor(${u('s0', 'i')} * ${residentCount})::int AS rn
           FROM generate_series(1, ${stayCount}) i),
         x AS (
           SELECT g.*, r.id AS resident_id,
                  CASE WHEN g.u1 < 0.60 THEN ${people} WHEN g.u1 < 0.80 THEN ${tcm} WHEN g.u1 < 0.92 THEN ${mch} ELSE r.township END AS org_id,
                  least(30, 1 + floor(-ln(1 - g.u3) * 6.3))::int AS los
           FROM g JOIN res r ON r.n = g.rn),
         y AS (
           SELECT x.*, d.id AS department_id,
                  '${now}'::timestamptz - (x.los + 1 + floor(x.u2 * 360)) * interval '1 day' + floor(x.u4 * 600) * interval '1 minute' AS admitted_at
           FROM x CROSS JOIN LATERAL (
             SELECT d.id FROM departments d WHERE d.org_id = x.org_id AND d.code NOT IN ${excluded}
             ORDER BY d.id OFFSET floor(x.u4 * (SELECT count(*) FROM departments d2 WHERE d2.org_id = x.org_id AND d2.code NOT IN ${excluded})) LIMIT 1) d)
         INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, admission_diagnoses, status, discharged_at,
                            discharge_diagnoses, disposition, length_of_stay_days, source)
         SELECT ${county}, y.org_id, y.resident_id, y.department_id, y.admitted_at,
                jsonb_build_array(jsonb_build_object('code', ${dx}[1 + floor(y.u2 * ${DIAGNOSES.length})::int], 'name', ${dx}[1 + floor(y.u2 * ${DIAGNOSES.length})::int])),
                'discharged', y.admitted_at + y.los * interval '1 day',
                jsonb_build_array(jsonb_build_object('code', ${dx}[1 + floor(y.u2 * ${DIAGNOSES.length})::int], 'name', ${dx}[1 + floor(y.u2 * ${DIAGNOSES.length})::int])),
                CASE WHEN y.u1 * 100 % 1 < 0.85 THEN 'home' WHEN y.u1 * 100 % 1 < 0.91 THEN 'down_referral'
                     WHEN y.u1 * 100 % 1 < 0.95 THEN 'transfer_out' WHEN y.u1 * 100 % 1 < 0.96 THEN 'death' ELSE 'other' END,
                greatest(1, ((y.admitted_at + y.los * interval '1 day') AT TIME ZONE 'Asia/Shanghai')::date - (y.admitted_at AT TIME ZONE 'Asia/Shanghai')::date),
                'seed'
         FROM y`,
      )
      .execute(trx);
    await sql
      .raw(
        `INSERT INTO stay_movements (county_id, org_id, stay_id, department_id, from_at, to_at, kind)
         SELECT county_id, org_id, id, department_id, admitted_at, discharged_at, 'admission' FROM stays WHERE county_id = ${county} AND source = 'seed';
         INSERT INTO stay_operations (county_id, org_id, stay_id, name, grade, performed_at)
         SELECT county_id, org_id, id,
                (ARRAY['清创缝合术','腹股沟疝修补术','阑尾切除术','腹腔镜胆囊切除术','剖宫产术','经皮冠状动脉介入治疗','人工全髋关节置换术'])[1 + floor(${u('o2', 'id')} * 7)::int],
                CASE WHEN org_id IN (${people}, ${tcm}, ${mch}) THEN 1 + floor(${u('o3', 'id')} * 4)::int ELSE 1 + floor(${u('o3', 'id')} * 2)::int END,
                admitted_at + interval '1 day'
         FROM stays WHERE county_id = ${county} AND source = 'seed' AND ${u('o1', 'id')} < 0.3`,
      )
      .execute(trx);
    // inpatient charges per day and per stay
    await sql
      .raw(
        `WITH s AS (SELECT s.id, s.org_id, s.resident_id, s.admitted_at, s.length_of_stay_days AS los,
                           EXISTS (SELECT 1 FROM stay_operations o WHERE o.stay_id = s.id) AS op, ${u('c1', 's.id')} AS a
                    FROM stays s WHERE s.county_id = ${county} AND s.source = 'seed'),
         l AS (
           SELECT s.*, x.item, x.qty FROM s CROSS JOIN LATERAL (VALUES
             ('BED-GEN', s.los, true), ('NUR-2', s.los, true), ('DRG-CEFT', 2 * s.los, true), ('DRG-NS250', 2 * s.los, true),
             ('TRT-IV', 2 * s.los, true), ('CON-IVSET', 2 * s.los, true), ('CON-DRESS', s.los, true),
             ('LAB-CBC', 2, true), ('LAB-LFT', 1, true), ('LAB-RFT', 1, true), ('IMG-CT-CHEST', 1, s.a < 0.5),
             ('CON-CATH', 1, s.a < 0.4), ('OPR-HERNIA', 1, s.op), ('CON-SUTURE', 3, s.op), ('CON-STENT', 1, s.op AND s.a < 0.05)
           ) AS x(item, qty, wanted) WHERE x.wanted)
         INSERT INTO fee_lines (county_id, org_id, stay_id, resident_id, item_code, item_name, category, insurance_class,
                                self_pay_bp, quantity, unit_price_fen, price_id, amount_fen, charged_at)
         SELECT ${county}, l.org_id, l.id, l.resident_id, i.code, i.name, i.category, i.insurance_class, i.self_pay_bp,
                l.qty, p.price_fen, p.id, round(l.qty * p.price_fen), l.admitted_at + interval '2 hours'
         FROM l JOIN charge_items i ON i.code = l.item
         JOIN charge_prices p ON p.item_code = i.code AND p.county_id = ${county} AND p.valid_to IS NULL`,
      )
      .execute(trx);
    // wards and beds: one ward per department with stays, sized for ~70% bed use over the year
    await sql
      .raw(
        `INSERT INTO wards (county_id, org_id, department_id, code, name)
         SELECT ${county}, d.org_id, d.id, 'W-' || d.code, d.name || '病区' FROM departments d
         WHERE d.id IN (SELECT DISTINCT department_id FROM stays WHERE county_id = ${county} AND source = 'seed')
         ON CONFLICT (org_id, code) DO NOTHING;
         INSERT INTO beds (county_id, org_id, department_id, ward_id, code)
         SELECT ${county}, w.org_id, w.department_id, w.id, lpad(n::text, 2, '0')
         FROM wards w
         JOIN (SELECT department_id, ceil(sum(length_of_stay_days) / 365.0 / 0.70)::int AS beds
               FROM stays WHERE county_id = ${county} AND source = 'seed' GROUP BY department_id) b ON b.department_id = w.department_id
         CROSS JOIN LATERAL generate_series(1, b.beds) n
         WHERE w.county_id = ${county}
         ON CONFLICT (department_id, code) DO NOTHING`,
      )
      .execute(trx);
    const [{ beds }] = (
      await sql<{ beds: number }>`SELECT count(*)::int AS beds FROM beds WHERE county_id = ${county}`.execute(trx)
    ).rows;
    return { visits: visitCount, stays: stayCount, beds };
  });
}
