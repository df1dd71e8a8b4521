import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { at, CLINICAL_DEPARTMENTS, diagnosisOf, insertFeeLines, residentPools, u, type CareSql } from './care-sql.ts';

/**
 * Outpatient visits of the demo year (see care.seed.ts): where they happen follows the seeds —
 * 46% at the patient's village clinic, 30% at their township centre, the rest at the county
 * hospitals (14% people's, 6% TCM, 4% maternal-child, whose patients are women and children).
 * About 9% are TCM visits, over half of them at the TCM hospital.
 */
export async function insertVisits(trx: Kdb, c: CareSql, count: number): Promise<number> {
  const pick = (pool: string, salt: string) => `floor(${u(c, salt, 'i')} * (SELECT count(*) FROM ${pool}))::int`;
  const { numAffectedRows } = await sql
    .raw(
      `WITH ${residentPools(c)}, ${CLINICAL_DEPARTMENTS},
       g AS MATERIALIZED (
         SELECT i, ${u(c, 'v1', 'i')} AS u1, ${u(c, 'v2', 'i')} AS u2, ${u(c, 'v3', 'i')} AS u3,
                ${u(c, 'v4', 'i')} AS u4, ${u(c, 'v5', 'i')} AS u5, ${pick('res', 'v0')} AS rn, ${pick('wc', 'v0')} AS wn
         FROM generate_series(1, ${count}) i),
       x AS (
         SELECT g.*, coalesce(w.id, r.id) AS resident_id,
                CASE WHEN g.u1 < 0.46 THEN r.org_id WHEN g.u1 < 0.76 THEN r.township WHEN g.u1 < 0.90 THEN ${c.people}
                     WHEN g.u1 < 0.96 THEN ${c.tcm} ELSE ${c.mch} END AS org_id,
                date_trunc('day', ${at(c)} AT TIME ZONE 'Asia/Shanghai') - floor(g.u2 * 365) * interval '1 day'
                  + (8 + floor(g.u4 * 9)) * interval '1 hour' + floor(g.u3 * 60) * interval '1 minute' AS local_at
         FROM g JOIN res r ON r.n = g.rn LEFT JOIN wc w ON g.u1 >= 0.96 AND w.n = g.wn)
       INSERT INTO visits (county_id, org_id, resident_id, department_id, registered_at, visit_day, tcm, status, source,
                           closed_at, diagnoses)
       SELECT ${c.county}, x.org_id, x.resident_id, d.ids[1 + floor(x.u5 * cardinality(d.ids))::int],
              x.local_at AT TIME ZONE 'Asia/Shanghai', x.local_at::date,
              CASE WHEN x.org_id = ${c.tcm} THEN x.u3 < 0.85 WHEN x.org_id IN (${c.people}, ${c.mch}) THEN x.u3 < 0.02
                   ELSE x.u3 < 0.05 END,
              CASE WHEN x.local_at AT TIME ZONE 'Asia/Shanghai' < ${at(c)} - interval '1 day' THEN 'closed' ELSE 'open' END,
              'seed',
              CASE WHEN x.local_at AT TIME ZONE 'Asia/Shanghai' < ${at(c)} - interval '1 day' THEN ${at(c)} END,
              ${diagnosisOf('x.u4')}
       FROM x LEFT JOIN depts d ON d.org_id = x.org_id
       WHERE x.local_at AT TIME ZONE 'Asia/Shanghai' <= ${at(c)}`,
    )
    .execute(trx);
  return Number(numAffectedRows ?? 0);
}

/**
 * Outpatient charges: registration, drugs (boxes of western medicine, or TCM decoctions and
 * patent medicine at TCM visits), injections and infusions with their consumables,
 * dressings, exams (more at the county hospitals) and TCM treatments.
 */
export async function insertVisitCharges(trx: Kdb, c: CareSql): Promise<void> {
  const primary = `(SELECT array_agg(id) FROM orgs WHERE county_id = ${c.county} AND kind <> 'county_hospital')`;
  await sql
    .raw(
      `WITH v AS MATERIALIZED (
         SELECT id, org_id, resident_id, registered_at + interval '20 minutes' AS charged_at, tcm,
                org_id = ANY (${primary}::int[]) AS primary_level,
                ${u(c, 'f1', 'id')} AS a, ${u(c, 'f2', 'id')} AS b, ${u(c, 'f3', 'id')} AS q
         FROM visits WHERE county_id = ${c.county} AND source = 'seed'),
       l AS (
         SELECT v.*, x.item, x.qty FROM v CROSS JOIN LATERAL (VALUES
           (CASE WHEN v.tcm THEN 'REG-TCM' ELSE 'REG-GEN' END, 1, true),
           (CASE WHEN v.tcm THEN (CASE WHEN v.b < 0.6 THEN 'DRG-TCMHERB' ELSE 'DRG-LIANHUA' END)
                 ELSE (ARRAY['DRG-AMLO','DRG-NIFE','DRG-METF','DRG-ASPI','DRG-ATOR','DRG-AMOX','DRG-CEFU','DRG-IBUP','DRG-OMEP'])[1 + floor(v.b * 9)::int] END,
            CASE WHEN v.tcm AND v.b < 0.6 THEN 3 WHEN v.q < 0.25 THEN 2 ELSE 1 END, v.a < 0.62),
           ('TRT-IM', 1, v.a >= 0.55 AND v.a < 0.70), ('CON-SYRINGE', 2, v.a >= 0.55 AND v.a < 0.70),
           ('TRT-IV', 2, v.a >= 0.70 AND v.a < 0.80), ('DRG-NS250', 2, v.a >= 0.70 AND v.a < 0.80),
           ('CON-IVSET', 4, v.a >= 0.70 AND v.a < 0.80), ('CON-SYRINGE', 6, v.a >= 0.70 AND v.a < 0.80),
           ('TRT-DRESS', 1, v.a >= 0.80 AND v.a < 0.86), ('CON-DRESS', 10, v.a >= 0.80 AND v.a < 0.86),
           ('CON-CATH', 1, NOT v.primary_level AND v.a >= 0.90), ('CON-SYRINGE', 2, v.b < CASE WHEN v.primary_level THEN 0.15 ELSE 0.45 END),
           ((ARRAY['LAB-CBC','ECG-12','LAB-GLU','LAB-URINE','US-ABD','IMG-CXR','LAB-LIPID'])[1 + floor(v.q * 7)::int], 1,
            v.b < CASE WHEN v.primary_level THEN 0.15 ELSE 0.45 END),
           ((ARRAY['IMG-CT-HEAD','IMG-CT-CHEST','US-HEART','US-CAROTID','LAB-LFT'])[1 + floor(v.a * 5)::int], 1,
            NOT v.primary_level AND v.q < 0.15),
           ((ARRAY['TRT-ACUP','TRT-MOXA','TRT-TUINA','TRT-CUPPING'])[1 + floor(v.q * 4)::int], 1, v.tcm AND v.a < 0.5)
         ) AS x(item, qty, wanted) WHERE x.wanted)
       ${insertFeeLines(c, 'visit_id')}`,
    )
    .execute(trx);
}

/**
 * The out-of-county register: enough visits outside the county that the county-internal
 * visit rate is near 95% and the inpatient rate near 90% (counting what the referral seed
 * registered already). Women and children go out less (their rate stays near 97%): 75% of
 * these rows are men over 15.
 */
export async function insertOutOfCounty(trx: Kdb, c: CareSql): Promise<void> {
  const hospitals = `(ARRAY['山西白求恩医院','山西医科大学第一医院','山西省人民医院','晋中市第一人民医院','北京协和医院','太原市中心医院','平遥县人民医院'])`;
  const levels = `(ARRAY['provincial','provincial','provincial','city','national','city','other_county'])`;
  const need = (type: string, table: string, internalRate: number) =>
    `SELECT '${type}'::text AS visit_type, greatest(0, ceil((SELECT count(*) FROM ${table} WHERE county_id = ${c.county} AND status <> 'cancelled')
              * ${((1 - internalRate) / internalRate).toFixed(6)})::int
              - (SELECT count(*) FROM out_of_county_visits WHERE county_id = ${c.county} AND visit_type = '${type}')::int) AS n`;
  await sql
    .raw(
      `WITH ${residentPools(c)},
       need AS (${need('outpatient', 'visits', 0.95)} UNION ALL ${need('inpatient', 'stays', 0.9)}),
       g AS MATERIALIZED (
         SELECT need.visit_type, i, ${u(c, `oc1:' || need.visit_type || '`, 'i')} AS u1, ${u(c, `oc2:' || need.visit_type || '`, 'i')} AS u2,
                ${u(c, `oc3:' || need.visit_type || '`, 'i')} AS u3, ${u(c, `oc4:' || need.visit_type || '`, 'i')} AS u4
         FROM need CROSS JOIN LATERAL generate_series(1, need.n) i),
       x AS (
         SELECT g.*, CASE WHEN g.u1 < 0.75 THEN m.id ELSE w.id END AS resident_id,
                CASE WHEN g.u1 < 0.75 THEN m.org_id ELSE w.org_id END AS org_id
         FROM g
         LEFT JOIN men m ON g.u1 < 0.75 AND m.n = floor(g.u2 * (SELECT count(*) FROM men))::int
         LEFT JOIN wc w ON g.u1 >= 0.75 AND w.n = floor(g.u2 * (SELECT count(*) FROM wc))::int)
       INSERT INTO out_of_county_visits (county_id, resident_id, resident_org_id, visit_date, hospital_name, hospital_level,
                                         visit_type, diagnosis_code, diagnosis_name, cost_fen, reason, source, entered_by)
       SELECT ${c.county}, x.resident_id, x.org_id,
              (${at(c)} AT TIME ZONE 'Asia/Shanghai')::date - floor(x.u3 * 365)::int,
              ${hospitals}[1 + floor(x.u4 * 7)::int], ${levels}[1 + floor(x.u4 * 7)::int],
              x.visit_type, dx->0->>'code', dx->0->>'name',
              CASE WHEN x.visit_type = 'inpatient' THEN 800000 + floor(x.u1 * 4200000) ELSE 20000 + floor(x.u1 * 130000) END,
              (ARRAY['自行前往','家属要求','异地工作','复诊'])[1 + floor(x.u4 * 4)::int], 'seed', ${c.clerk}
       FROM x CROSS JOIN LATERAL (SELECT ${diagnosisOf('x.u3')} AS dx) d
       WHERE x.resident_id IS NOT NULL
       ON CONFLICT ON CONSTRAINT out_of_county_visit_once DO NOTHING`,
    )
    .execute(trx);
}
