import type { Kdb } from '../platform/db.ts';
import { at, day, localAt, quote, run, textArray, u, type ChronicSql } from './chronic-sql.ts';

/**
 * Grids: every grid member of a village clinic leads one grid (the demo account grid.member
 * first, so its grid is the village's first) under the village's doctor, up to the county's
 * limits (grid size and grids per doctor are fd_settings rows); the village's managed
 * hypertension and diabetes patients are dealt round the grids in a seeded order. Then eight
 * weeks of the members' readings (alerts past the emergency thresholds, most handled by the
 * doctor; three open ones at the demo grid in the last days) and weekly grid logs.
 */
export async function insertGrids(trx: Kdb, c: ChronicSql): Promise<void> {
  const d = day(c);
  const r = c.rules;
  await run(
    trx,
    `CREATE TEMP TABLE sx_grid ON COMMIT DROP AS
     SELECT s.id AS member, s.username = 'grid.member' AS demo, v.org_id, v.vname, v.doctor,
            row_number() OVER (PARTITION BY v.org_id ORDER BY (s.username = 'grid.member') DESC, s.id)::int AS k,
            coalesce(fs.grid_max_patients, 20) AS cap, coalesce(fs.doctor_max_grids, 15) AS max_grids
     FROM sx_vil v JOIN staff s ON s.org_id = v.org_id AND 'grid_member' = ANY (s.roles) AND NOT s.disabled
     LEFT JOIN fd_settings fs ON fs.county_id = ${c.county}`,
  );
  await run(trx, `DELETE FROM sx_grid WHERE k > max_grids`);
  await run(
    trx,
    `INSERT INTO grids (county_id, org_id, name, member_staff_id, doctor_staff_id, created_at)
     SELECT ${c.county}, org_id, vname || '第' || k || '网格', member, doctor, ${localAt(`${d} - 400`, '9')} FROM sx_grid`,
  );
  await run(
    trx,
    `WITH p AS (
       SELECT k.org_id, k.resident_id, min(${u(c, 'gp', 'k.resident_id')}) AS o FROM chronic_cases k
       WHERE k.county_id = ${c.county} AND k.state = 'managed' AND k.disease IN ('htn', 't2dm') GROUP BY k.org_id, k.resident_id),
     n AS (SELECT p.*, row_number() OVER (PARTITION BY p.org_id ORDER BY p.o) - 1 AS rn FROM p),
     g AS (SELECT x.*, count(*) OVER (PARTITION BY x.org_id) AS m FROM sx_grid x)
     INSERT INTO grid_patients (grid_id, resident_id, org_id, added_at)
     SELECT gr.id, n.resident_id, n.org_id, ${localAt(`${d} - 70 - floor(${u(c, 'ga', 'n.resident_id')} * 300)::int`, '10')}
     FROM n JOIN g ON g.org_id = n.org_id AND g.k = 1 + n.rn % g.m AND n.rn < g.cap * g.m
     JOIN grids gr ON gr.member_staff_id = g.member`,
  );
  await run(
    trx,
    `UPDATE grids g SET patients = x.n FROM (SELECT grid_id, count(*)::int AS n FROM grid_patients GROUP BY grid_id) x
     WHERE g.id = x.grid_id AND g.county_id = ${c.county}`,
  );
  await run(
    trx,
    `INSERT INTO grid_doctor_loads (staff_id, county_id, grids)
     SELECT doctor_staff_id, ${c.county}, count(*) FROM grids WHERE county_id = ${c.county} GROUP BY doctor_staff_id`,
  );
  const key = `p.resident_id || ':' || w`;
  const alert = `array_remove(ARRAY[
      CASE WHEN x.sbp >= ${r.sbpEmergency} THEN ${quote(r.labels.sbp)} END,
      CASE WHEN x.dbp >= ${r.dbpEmergency} THEN ${quote(r.labels.dbp)} END,
      CASE WHEN x.glucose >= ${r.fbgHigh} THEN ${quote(r.labels.fbgHigh)} END,
      CASE WHEN x.glucose <= ${r.fbgLow} THEN ${quote(r.labels.fbgLow)} END,
      CASE WHEN x.needs_doctor THEN '网格员请医生查看' END]::text[], NULL)`;
  await run(
    trx,
    `WITH p AS (
       SELECT gp.grid_id, gp.resident_id, gp.org_id, g.member_staff_id AS member, g.doctor_staff_id AS doctor, sg.demo,
              bool_or(k.disease = 'htn') AS htn
       FROM grid_patients gp JOIN grids g ON g.id = gp.grid_id JOIN sx_grid sg ON sg.member = g.member_staff_id
       JOIN chronic_cases k ON k.resident_id = gp.resident_id AND k.state = 'managed'
       WHERE g.county_id = ${c.county}
       GROUP BY gp.grid_id, gp.resident_id, gp.org_id, g.member_staff_id, g.doctor_staff_id, sg.demo),
     v AS MATERIALIZED (
       SELECT p.*, w, ${u(c, 'gr0', key)} AS u0, ${u(c, 'gr1', key)} AS u1, ${u(c, 'gr2', key)} AS u2,
              ${u(c, 'gr3', key)} AS u3, ${u(c, 'gr4', key)} AS u4,
              ${localAt(`${d} - 7 * w - floor(${u(c, 'gr5', key)} * 7)::int`, `8 + ${u(c, 'gr6', key)} * 10`)} AS recorded_at
       FROM p CROSS JOIN generate_series(0, 7) w),
     x AS (
       SELECT v.*, CASE WHEN v.u1 < 0.05 THEN 'observation' WHEN v.htn THEN 'bp' ELSE 'glucose' END AS kind,
              v.u1 < 0.05 AND v.u2 < 0.3 AS needs_doctor,
              CASE WHEN v.u1 < 0.05 OR NOT v.htn THEN NULL WHEN v.u2 < 0.015 THEN ${r.sbpEmergency} + floor(v.u3 * 20)
                   ELSE 112 + floor(v.u3 * 55) END::int AS sbp,
              CASE WHEN v.u1 < 0.05 OR NOT v.htn THEN NULL WHEN v.u2 < 0.015 THEN 95 + floor(v.u4 * 20)
                   ELSE 66 + floor(v.u4 * 28) END::int AS dbp,
              CASE WHEN v.u1 < 0.05 OR v.htn THEN NULL WHEN v.u2 < 0.01 THEN round((${r.fbgHigh + 0.1} + v.u3 * 3)::numeric, 1)
                   WHEN v.u2 < 0.02 THEN round((${r.fbgLow - 0.8} + v.u3 * 0.8)::numeric, 1)
                   ELSE round((5 + v.u3 * 7)::numeric, 1) END AS glucose
       FROM v WHERE v.u0 < 0.6 AND v.recorded_at <= ${at(c)}),
     y AS (SELECT x.*, ${alert} AS reasons FROM x)
     INSERT INTO grid_readings (id, county_id, org_id, grid_id, resident_id, staff_id, kind, sbp, dbp, glucose_mmol,
                                glucose_timing, symptoms, medication_taken, needs_doctor, note, alert, alert_reasons,
                                handled_at, handled_by, handled_note, device_at, recorded_at, request_hash)
     SELECT md5('${c.seed}:gr:' || y.resident_id || ':' || y.w)::uuid, ${c.county}, y.org_id, y.grid_id, y.resident_id,
            y.member, y.kind, y.sbp, y.dbp, y.glucose,
            CASE WHEN y.kind = 'glucose' THEN CASE WHEN y.u4 < 0.7 THEN 'fasting' ELSE 'post_meal' END END,
            CASE WHEN y.kind = 'observation' THEN ARRAY[(${textArray(['头晕', '乏力', '胸闷', '下肢水肿', '口干多饮'])})[1 + floor(y.u3 * 5)::int]]
                 ELSE '{}'::text[] END,
            y.u4 < 0.9, y.needs_doctor,
            CASE WHEN y.kind = 'observation' THEN '入户走访时患者自述不适' END,
            cardinality(y.reasons) > 0, y.reasons,
            CASE WHEN cardinality(y.reasons) > 0 AND (y.demo OR y.recorded_at < ${at(c)} - interval '1 day')
                 THEN least(${at(c)}, y.recorded_at + (1 + floor(y.u3 * 6)) * interval '1 hour') END,
            CASE WHEN cardinality(y.reasons) > 0 AND (y.demo OR y.recorded_at < ${at(c)} - interval '1 day') THEN y.doctor END,
            CASE WHEN cardinality(y.reasons) > 0 AND (y.demo OR y.recorded_at < ${at(c)} - interval '1 day')
                 THEN (${textArray(['已电话随访，嘱按时服药、复测', '已上门复测血压并调整用药', '已建议到乡镇卫生院就诊'])})[1 + floor(y.u4 * 3)::int] END,
            y.recorded_at - interval '2 minutes', y.recorded_at, md5('${c.seed}:grh:' || y.resident_id || ':' || y.w)
     FROM y`,
  );
  // the demo grid member's open alerts: three hypertensive patients' high readings in the last two days
  await run(
    trx,
    `WITH p AS (
       SELECT gp.grid_id, gp.resident_id, gp.org_id, g.member_staff_id AS member,
              row_number() OVER (ORDER BY gp.resident_id) - 1 AS n
       FROM grid_patients gp JOIN grids g ON g.id = gp.grid_id JOIN sx_grid sg ON sg.member = g.member_staff_id AND sg.demo
       WHERE EXISTS (SELECT 1 FROM chronic_cases k WHERE k.resident_id = gp.resident_id AND k.disease = 'htn'))
     INSERT INTO grid_readings (id, county_id, org_id, grid_id, resident_id, staff_id, kind, sbp, dbp, symptoms,
                                medication_taken, alert, alert_reasons, device_at, recorded_at, request_hash)
     SELECT md5('${c.seed}:gra:' || p.resident_id)::uuid, ${c.county}, p.org_id, p.grid_id, p.resident_id, p.member, 'bp',
            ${r.sbpEmergency} + 2 + 5 * p.n, 102 + 3 * p.n, CASE WHEN p.n = 0 THEN ARRAY['头晕'] ELSE '{}'::text[] END,
            p.n <> 1, true, ARRAY[${quote(r.labels.sbp)}], ${at(c)} - (2 + 20 * p.n) * interval '1 hour',
            ${at(c)} - (2 + 20 * p.n) * interval '1 hour', md5('${c.seed}:grah:' || p.resident_id)
     FROM p WHERE p.n < 3`,
  );
  await run(
    trx,
    `INSERT INTO grid_logs (grid_id, org_id, week_start, attendees, note, staff_id, created_at)
     SELECT g.id, g.org_id, (date_trunc('week', ${d}::timestamp)::date - 7 * w),
            floor(g.patients * (0.4 + 0.5 * ${u(c, 'gl', "g.id || ':' || w")}))::int,
            (${textArray([
              '组织患者集中测血压，讲解低盐饮食',
              '入户走访，核对服药情况',
              '开展健康讲座：糖尿病足的预防',
              '督促逾期患者到村卫生室随访',
              '集体健步走活动，记录运动情况',
            ])})[1 + floor(${u(c, 'gn', "g.id || ':' || w")} * 5)::int],
            g.member_staff_id,
            least(${at(c)}, ${localAt(`date_trunc('week', ${d}::timestamp)::date - 7 * w + 4`, '17')})
     FROM grids g CROSS JOIN generate_series(0, 7) w WHERE g.county_id = ${c.county}`,
  );
}
