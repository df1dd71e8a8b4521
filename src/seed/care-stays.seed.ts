import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { at, CLINICAL_DEPARTMENTS, diagnosisOf, insertFeeLines, residentPools, u, type CareSql } from './care-sql.ts';

/**
 * Inpatient stays of the demo year (see care.seed.ts). Past stays are inserted discharged,
 * each discharged within the year before the reference instant: they never hold a bed
 * (stays require bed_id NULL once discharged, so the bed trigger does nothing for them) and
 * the bed board shows only the current inpatients of insertCurrentStays, which take their
 * beds through the ordinary trigger (bed_occupy), one resident per bed.
 */

/** Operations by grade (手术分级): name, ICD-9-CM-3 code, the catalogue item it is charged as. */
const OPERATIONS = `(VALUES
  (1, 0, '清创缝合术', '86.59', 'OPR-DEBRID'),
  (2, 0, '阑尾切除术', '47.09', 'OPR-APPEND'),
  (2, 1, '腹股沟疝修补术', '53.00', 'OPR-HERNIA'),
  (3, 0, '腹腔镜胆囊切除术', '51.23', 'OPR-CHOLE'),
  (3, 1, '剖宫产术', '74.1', 'OPR-CSEC'),
  (4, 0, '经皮冠状动脉介入治疗', '00.66', 'OPR-PCI'),
  (4, 1, '人工全髋关节置换术', '81.51', 'OPR-THR')) AS op(grade, k, name, code, item)`;

/**
 * Where: 58% at the people's hospital, 20% TCM, 12% maternal-child (women and children),
 * 10% at the patient's township centre. Length of stay: 1 + an exponential of mean 6.9 days,
 * at most 30, so the average is near 7 days.
 */
export async function insertPastStays(trx: Kdb, c: CareSql, count: number): Promise<void> {
  const pick = (pool: string) => `floor(${u(c, 's0', 'i')} * (SELECT count(*) FROM ${pool}))::int`;
  await sql
    .raw(
      `WITH ${residentPools(c)}, ${CLINICAL_DEPARTMENTS},
       g AS MATERIALIZED (
         SELECT i, ${u(c, 's1', 'i')} AS u1, ${u(c, 's2', 'i')} AS u2, ${u(c, 's3', 'i')} AS u3, ${u(c, 's4', 'i')} AS u4,
                ${u(c, 's5', 'i')} AS u5,                 ${pick('res')} AS rn, ${pick('wc')} AS wn
         FROM generate_series(1, ${count}) i),
       x AS (
         SELECT g.*, coalesce(w.id, r.id) AS resident_id,
                CASE WHEN g.u1 < 0.58 THEN ${c.people} WHEN g.u1 < 0.78 THEN ${c.tcm} WHEN g.u1 < 0.90 THEN ${c.mch}
                     ELSE r.township END AS org_id,
                least(30, 1 + floor(-ln(1 - g.u3) * 6.9))::int AS los,
                ${at(c)} - interval '1 hour' - floor(g.u2 * 365) * interval '1 day' - floor(g.u4 * 600) * interval '1 minute' AS discharged_at
         FROM g JOIN res r ON r.n = g.rn LEFT JOIN wc w ON g.u1 >= 0.78 AND g.u1 < 0.90 AND w.n = g.wn),
       y AS (
         SELECT x.*, d.ids[1 + floor(x.u4 * cardinality(d.ids))::int] AS department_id,
                x.discharged_at - x.los * interval '1 day' AS admitted_at, ${diagnosisOf('x.u2')} AS dx
         FROM x JOIN depts d ON d.org_id = x.org_id)
       INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, admission_diagnoses, status, discharged_at,
                          discharge_diagnoses, disposition, length_of_stay_days, source)
       SELECT ${c.county}, y.org_id, y.resident_id, y.department_id, y.admitted_at, y.dx, 'discharged', y.discharged_at, y.dx,
              CASE WHEN y.u5 < 0.85 THEN 'home' WHEN y.u5 < 0.91 THEN 'down_referral'
                   WHEN y.u5 < 0.95 THEN 'transfer_out' WHEN y.u5 < 0.96 THEN 'death' ELSE 'other' END,
              greatest(1, (y.discharged_at AT TIME ZONE 'Asia/Shanghai')::date - (y.admitted_at AT TIME ZONE 'Asia/Shanghai')::date),
              'seed'
       FROM y`,
    )
    .execute(trx);
  // one movement per stay, and the operations: 22% of county-hospital stays (grades 1–4,
  // about a third of them level 3 or 4; the maternal-child centre's are caesareans), 5% at
  // township centres (grades 1–2)
  await sql
    .raw(
      `INSERT INTO stay_movements (county_id, org_id, stay_id, department_id, from_at, to_at, kind)
       SELECT county_id, org_id, id, department_id, admitted_at, discharged_at, 'admission' FROM stays
       WHERE county_id = ${c.county} AND source = 'seed';
       WITH s AS MATERIALIZED (
         SELECT id, county_id, org_id, admitted_at, discharged_at, ${u(c, 'o1', 'id')} AS u1, ${u(c, 'o2', 'id')} AS u2,
                ${u(c, 'o3', 'id')} AS u3, org_id IN (${c.people}, ${c.tcm}, ${c.mch}) AS county_level
         FROM stays WHERE county_id = ${c.county} AND source = 'seed'),
       o AS (
         SELECT s.*, CASE WHEN s.org_id = ${c.mch} THEN 3 WHEN NOT s.county_level THEN 1 + floor(s.u3 * 2)::int
                          WHEN s.u3 < 0.35 THEN 1 WHEN s.u3 < 0.68 THEN 2 WHEN s.u3 < 0.92 THEN 3 ELSE 4 END AS grade,
                     CASE WHEN s.org_id = ${c.mch} THEN 1 ELSE floor(s.u2 * 2)::int END AS k
         FROM s WHERE s.u1 < CASE WHEN s.county_level THEN 0.22 ELSE 0.05 END)
       INSERT INTO stay_operations (county_id, org_id, stay_id, code, name, grade, performed_at)
       SELECT o.county_id, o.org_id, o.id, op.code, op.name, op.grade,
              least(o.discharged_at, o.admitted_at + interval '1 day')
       FROM o JOIN ${OPERATIONS} ON op.grade = o.grade AND op.k = CASE WHEN o.grade = 1 OR (o.grade = 3 AND o.org_id <> ${c.mch}) THEN 0 ELSE o.k END`,
    )
    .execute(trx);
}

/**
 * Inpatient charges: bed and nursing per day, infusions with their drugs and consumables,
 * the disease's drug, TCM decoctions and acupuncture at the TCM hospital, labs, imaging,
 * and the operation with its sutures (and stents for a PCI). Tuned so that the group's drug
 * share is near 28% and consumables near 13% (see care-seed.test.ts).
 */
export async function insertStayCharges(trx: Kdb, c: CareSql): Promise<void> {
  await sql
    .raw(
      `WITH s AS MATERIALIZED (
         SELECT s.id, s.org_id, s.resident_id, s.admitted_at + interval '2 hours' AS charged_at, s.length_of_stay_days AS los,
                op.item AS op_item, op.grade AS op_grade, d.code = 'icu' AS icu, s.org_id = ${c.tcm} AS tcm,
                ${u(c, 'c1', 's.id')} AS a, ${u(c, 'c2', 's.id')} AS b, ${u(c, 'c3', 's.id')} AS q
         FROM stays s JOIN departments d ON d.id = s.department_id
         LEFT JOIN stay_operations o ON o.stay_id = s.id
         LEFT JOIN ${OPERATIONS} ON op.name = o.name
         WHERE s.county_id = ${c.county} AND s.source = 'seed'),
       l AS (
         SELECT s.*, x.item, x.qty FROM s CROSS JOIN LATERAL (VALUES
           (CASE WHEN s.icu THEN 'BED-ICU' ELSE 'BED-GEN' END, s.los, true),
           (CASE WHEN s.icu OR s.op_item IS NOT NULL THEN 'NUR-1' ELSE 'NUR-2' END, s.los, true),
           ('DRG-CEFT', 2 * s.los, s.a < 0.7), ('DRG-NS250', 3 * s.los, true), ('DRG-GS250', s.los, true),
           ('DRG-OMEP', ceil(s.los / 2.0), s.b < 0.5),
           ((ARRAY['DRG-INSU','DRG-ATOR','DRG-DANSHEN','DRG-AMLO','DRG-ASPI'])[1 + floor(s.q * 5)::int], s.los + ceil(s.los * 0.7), true),
           ('DRG-TCMHERB', s.los, s.tcm), ('TRT-ACUP', s.los, s.tcm),
           ('TRT-IV', 2 * s.los, true), ('TRT-OXYGEN', 4 * s.los, s.q < 0.3),
           ('CON-IVSET', 5 * s.los, true), ('CON-SYRINGE', 10 * s.los, true), ('CON-DRESS', 5 * s.los, true),
           ('CON-CATH', 1, true), ('CON-DRESS', 10, s.op_item IS NOT NULL),
           ('LAB-CBC', 2, true), ('LAB-ELEC', 2, true), ('LAB-CRP', 1, true), ('LAB-LFT', 1, true), ('LAB-RFT', 1, true),
           ('ECG-12', 1, true), ('LAB-COAG', 1, s.op_item IS NOT NULL),
           ('IMG-CT-CHEST', 1, s.b < 0.35), ('US-ABD', 1, s.q >= 0.6), ('IMG-CT-HEAD', 1, s.a > 0.85),
           (s.op_item, 1, s.op_item IS NOT NULL), ('TRT-DRESS', ceil(s.los / 2.0), s.op_item IS NOT NULL),
           ('CON-SUTURE', 4 + 4 * s.op_grade, s.op_item IS NOT NULL), ('CON-STENT', 1 + floor(s.q * 2), s.op_item = 'OPR-PCI')
         ) AS x(item, qty, wanted) WHERE x.wanted)
       ${insertFeeLines(c, 'stay_id')}`,
    )
    .execute(trx);
}

/**
 * Wards and beds: one ward per department that had stays, with beds for the bed-days of the
 * year before the reference instant at 70% use.
 */
export async function insertWardsAndBeds(trx: Kdb, c: CareSql): Promise<void> {
  const yearStart = `(${at(c)} - interval '365 days')`;
  await sql
    .raw(
      `INSERT INTO wards (county_id, org_id, department_id, code, name)
       SELECT ${c.county}, d.org_id, d.id, 'W-' || d.code, d.name || '病区' FROM departments d
       WHERE d.id IN (SELECT DISTINCT department_id FROM stays WHERE county_id = ${c.county} AND source = 'seed')
       ON CONFLICT (org_id, code) DO NOTHING;
       WITH need AS (
         SELECT org_id, department_id,
                sum(extract(epoch FROM least(discharged_at, ${at(c)}) - greatest(admitted_at, ${yearStart})) / 86400.0) / 365.0 / 0.70 AS beds
         FROM stays WHERE county_id = ${c.county} AND source = 'seed' AND discharged_at > ${yearStart}
         GROUP BY org_id, department_id),
       -- rounded so that each org's total is its rounded need (department by department, the
       -- running total rounded), not a sum of per-department roundings
       alloc AS (
         SELECT department_id, (round(sum(beds) OVER (PARTITION BY org_id ORDER BY department_id))
                - round(coalesce(sum(beds) OVER (PARTITION BY org_id ORDER BY department_id
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)))::int AS beds
         FROM need)
       INSERT INTO beds (county_id, org_id, department_id, ward_id, code, bed_type)
       SELECT ${c.county}, w.org_id, w.department_id, w.id, lpad(n::text, 2, '0'),
              CASE d.code WHEN 'icu' THEN 'icu' WHEN 'paediatrics' THEN 'paediatric' WHEN 'neonatal' THEN 'paediatric'
                          WHEN 'obstetrics' THEN 'obstetric' ELSE 'general' END
       FROM wards w JOIN departments d ON d.id = w.department_id
       JOIN alloc b ON b.department_id = w.department_id
       CROSS JOIN LATERAL generate_series(1, b.beds) n
       WHERE w.county_id = ${c.county}
       ON CONFLICT (department_id, code) DO NOTHING`,
    )
    .execute(trx);
}

/**
 * Today's inpatients: 70% of each seeded ward's free beds, admitted in the last week, each a
 * resident without an open stay, each bed taken through the stays trigger (bed_occupy).
 */
export async function insertCurrentStays(trx: Kdb, c: CareSql): Promise<number> {
  const { numAffectedRows } = await sql
    .raw(
      `WITH b AS (
         SELECT b.id AS bed_id, b.org_id, b.department_id, row_number() OVER (PARTITION BY b.department_id ORDER BY b.id) AS k,
                count(*) OVER (PARTITION BY b.department_id) AS n
         FROM beds b JOIN wards w ON w.id = b.ward_id
         WHERE b.county_id = ${c.county} AND w.code LIKE 'W-%' AND b.active AND b.status = 'open'
           AND NOT EXISTS (SELECT 1 FROM bed_occupancy o WHERE o.bed_id = b.id)),
       taken AS (SELECT b.*, row_number() OVER (ORDER BY b.bed_id) AS j FROM b WHERE b.k <= round(0.7 * b.n)),
       people AS (
         SELECT r.id, row_number() OVER (ORDER BY md5('${c.seed}:now:' || r.id)) AS j FROM residents r
         WHERE r.county_id = ${c.county} AND r.deceased_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.resident_id = r.id AND s.status = 'admitted')
           AND NOT EXISTS (SELECT 1 FROM bed_occupancy o WHERE o.resident_id = r.id)),
       x AS (
         SELECT t.*, p.id AS resident_id, ${u(c, 'now1', 't.bed_id')} AS u1, ${u(c, 'now2', 't.bed_id')} AS u2
         FROM taken t JOIN people p ON p.j = t.j)
       INSERT INTO stays (county_id, org_id, resident_id, department_id, bed_id, admitted_at, admission_diagnoses, status, source)
       SELECT ${c.county}, x.org_id, x.resident_id, x.department_id, x.bed_id,
              ${at(c)} - interval '2 hours' - floor(x.u1 * 7) * interval '1 day' - floor(x.u2 * 600) * interval '1 minute',
              ${diagnosisOf('x.u2')}, 'admitted', 'seed'
       FROM x`,
    )
    .execute(trx);
  await sql
    .raw(
      `INSERT INTO stay_movements (county_id, org_id, stay_id, department_id, bed_id, from_at, kind)
       SELECT county_id, org_id, id, department_id, bed_id, admitted_at, 'admission' FROM stays
       WHERE county_id = ${c.county} AND source = 'seed' AND status = 'admitted'`,
    )
    .execute(trx);
  return Number(numAffectedRows ?? 0);
}
