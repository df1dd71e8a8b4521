import type { Kdb } from '../platform/db.ts';
import {
  at,
  day,
  hash,
  pastAt,
  NEW_COMPLICATION,
  part,
  quote,
  run,
  textArray,
  TWICE_UNSATISFIED,
  u,
  type ChronicSql,
} from './chronic-sql.ts';

/** The three calendar years generated: the reference day's and the two before it. */
const firstYear = (c: ChronicSql) => `(extract(year FROM ${day(c)})::int - 2)`;

/**
 * The registries: residents aged 35 or more whose record marks hypertension or diabetes, a
 * sample of them sized to about 27.5% and 9.2% of the living residents aged 35+ (the resident
 * record marks a little more), plus those who died with the condition (terminated 'died').
 * Most are managed for years, some newly confirmed or only screened, some lost or ended.
 * Then each case's path as events, and the year's first blood pressure of 65% of residents 35+.
 */
export async function insertCases(trx: Kdb, c: ChronicSql): Promise<void> {
  const d = day(c);
  const within = `${d} - 30 - floor(p.u3 * 1070)::int`;
  const before = `${d} - 1100 - floor(p.u3 * 2500)::int`;
  await run(
    trx,
    `WITH s AS (
       SELECT count(*) FILTER (WHERE deceased_on IS NULL AND age >= 35)::float8 AS n35,
              greatest(1, count(*) FILTER (WHERE deceased_on IS NULL AND age >= 35 AND htn_mark))::float8 AS h,
              greatest(1, count(*) FILTER (WHERE deceased_on IS NULL AND age >= 35 AND dm_mark))::float8 AS g
       FROM sx_res),
     p AS MATERIALIZED (
       SELECT h.id, h.org_id, h.deceased_on, h.disease, ${part('h.a', 0)} AS u0, ${part('h.a', 1)} AS u1,
              ${part('h.a', 2)} AS u2, ${part('h.a', 3)} AS u3, ${part('h.b', 0)} AS u4, ${part('h.b', 1)} AS u5
       FROM (SELECT r.id, r.org_id, r.deceased_on, x.disease, ${hash(c, 'cs', 'r.id || x.disease')} AS a,
                    ${hash(c, 'cs2', 'r.id || x.disease')} AS b
             FROM sx_res r CROSS JOIN LATERAL (VALUES ('htn', r.htn_mark), ('t2dm', r.dm_mark)) x(disease, marked)
             WHERE x.marked AND (r.age >= 35 AND r.deceased_on IS NULL
                                 OR r.birth_date <= r.deceased_on - interval '35 years' AND r.deceased_on < ${d})
             OFFSET 0) h),
     k AS (
       SELECT p.*,
              CASE WHEN p.deceased_on IS NOT NULL THEN 'died' WHEN p.u1 < 0.80 THEN 'managed' WHEN p.u1 < 0.85 THEN 'confirmed'
                   WHEN p.u1 < 0.875 THEN 'screened' WHEN p.u1 < 0.93 THEN 'lost'
                   WHEN p.u1 < 0.965 THEN 'moved' ELSE 'refused' END AS path,
              CASE WHEN p.u2 < 0.85 THEN ${before} ELSE ${within} END AS managed_from,
              ${d} - 30 - floor(p.u4 * 700)::int AS ended
       FROM p, s
       WHERE p.deceased_on IS NOT NULL OR p.u0 < CASE p.disease WHEN 'htn' THEN 0.275 * s.n35 / s.h ELSE 0.092 * s.n35 / s.g END),
     m AS (
       SELECT k.*, CASE path WHEN 'managed' THEN managed_from WHEN 'died' THEN least(managed_from, deceased_on - 120)
                             WHEN 'confirmed' THEN NULL WHEN 'screened' THEN NULL ELSE least(managed_from, ended - 120) END AS managed_on
       FROM k)
     INSERT INTO chronic_cases (county_id, org_id, resident_id, disease, state, screened_on, confirmed_on, managed_on,
                                lost_on, terminated_on, terminated_reason, created_at)
     SELECT ${c.county}, m.org_id, m.id, m.disease,
            CASE m.path WHEN 'managed' THEN 'managed' WHEN 'confirmed' THEN 'confirmed' WHEN 'screened' THEN 'screened'
                        WHEN 'lost' THEN 'lost' ELSE 'terminated' END,
            CASE WHEN m.path = 'screened' THEN ${d} - floor(m.u3 * 45)::int
                 WHEN m.path = 'confirmed' THEN ${d} - floor(m.u3 * 60)::int - floor(m.u5 * 40)::int
                 ELSE m.managed_on - floor(m.u4 * 20)::int - floor(m.u5 * 45)::int END,
            CASE WHEN m.path = 'screened' THEN NULL WHEN m.path = 'confirmed' THEN ${d} - floor(m.u3 * 60)::int
                 ELSE m.managed_on - floor(m.u4 * 20)::int END,
            m.managed_on,
            CASE WHEN m.path = 'lost' THEN m.ended END,
            CASE WHEN m.path = 'died' THEN m.deceased_on WHEN m.path IN ('moved', 'refused') THEN m.ended END,
            CASE WHEN m.path IN ('died', 'moved', 'refused') THEN m.path END,
            ${pastAt(c, 'coalesce(m.managed_on, ' + d + ')', '10')}
     FROM m`,
  );
  await run(
    trx,
    `INSERT INTO chronic_case_events (case_id, org_id, from_state, to_state, on_date, reason, staff_id, at)
     SELECT k.id, k.org_id, e.from_state, e.to_state, e.on_date, e.reason, v.doctor, ${pastAt(c, 'e.on_date', '11')}
     FROM chronic_cases k JOIN sx_vil v ON v.org_id = k.org_id
     CROSS JOIN LATERAL (VALUES
       (NULL, 'screened', k.screened_on, '首诊测血压/血糖筛查'),
       ('screened', 'confirmed', k.confirmed_on, '上级医院确诊'),
       ('confirmed', 'managed', k.managed_on, '纳入规范管理'),
       ('managed', 'lost', k.lost_on, '连续多次联系不上'),
       ('managed', 'terminated', k.terminated_on,
        CASE k.terminated_reason WHEN 'died' THEN '死亡' WHEN 'moved' THEN '迁出本县' ELSE '本人拒绝管理' END)
     ) AS e(from_state, to_state, on_date, reason)
     WHERE k.county_id = ${c.county} AND e.on_date IS NOT NULL`,
  );
  await run(
    trx,
    `WITH y AS (SELECT y, make_date(y, 1, 1) AS y0, least(make_date(y, 12, 31), ${d}) AS y1
                FROM generate_series(${firstYear(c)}, ${firstYear(c)} + 2) y),
     p AS MATERIALIZED (
       SELECT h.id, h.org_id, h.htn_mark, h.deceased_on, h.y, h.y0 + floor(${part('h.h', 1)} * (h.y1 - h.y0 + 1))::int AS on_day,
              ${part('h.h', 0)} AS u0, ${part('h.h', 2)} AS u2, ${part('h.h', 3)} AS u3
       FROM (SELECT r.id, r.org_id, r.htn_mark, r.deceased_on, y.*, ${hash(c, 'bp', "r.id || ':' || y.y")} AS h
             FROM sx_res r CROSS JOIN y WHERE r.birth_date <= y.y0 - interval '35 years' OFFSET 0) h)
     INSERT INTO bp_screenings (resident_id, year, county_id, org_id, screened_on, sbp, dbp, source)
     SELECT p.id, p.y, ${c.county}, p.org_id, p.on_day,
            CASE WHEN p.htn_mark THEN 126 + floor(p.u2 * 44) ELSE 104 + floor(p.u2 * 34) END,
            CASE WHEN p.htn_mark THEN 76 + floor(p.u3 * 24) ELSE 62 + floor(p.u3 * 24) END, 'seed'
     FROM p WHERE p.u0 < 0.65 AND (p.deceased_on IS NULL OR p.deceased_on > p.on_day)`,
  );
}

const HTN_DRUGS = [
  [['硝苯地平缓释片', '20mg 每日2次']],
  [['氨氯地平片', '5mg 每日1次']],
  [['厄贝沙坦片', '150mg 每日1次']],
  [
    ['氨氯地平片', '5mg 每日1次'],
    ['氢氯噻嗪片', '12.5mg 每日1次'],
  ],
  [['缬沙坦胶囊', '80mg 每日1次']],
  [
    ['硝苯地平缓释片', '20mg 每日2次'],
    ['美托洛尔缓释片', '47.5mg 每日1次'],
  ],
];
const DM_DRUGS = [
  [['二甲双胍片', '0.5g 每日3次']],
  [
    ['二甲双胍片', '0.5g 每日3次'],
    ['格列美脲片', '2mg 每日1次'],
  ],
  [['阿卡波糖片', '50mg 每日3次']],
  [['格列齐特缓释片', '30mg 每日1次']],
  [
    ['二甲双胍片', '0.5g 每日2次'],
    ['甘精胰岛素注射液', '12U 睡前'],
  ],
];
const drugsJson = (list: string[][][]) =>
  quote(JSON.stringify(list.map((ds) => ds.map(([name, dose]) => ({ name, dose })))));

/**
 * Three calendar years of 规范 follow-ups: one visit a quarter for each managed case (a
 * fifth of the cases skip nearly half), and a two-week recheck after a share of the
 * uncontrolled visits (`recheck`), three in ten of those by phone. 46% of the cases are well
 * controlled (86% of visits), the rest not (20%), which puts control at the year's last
 * follow-up near 55%; values follow, two village doctors round to 0 and pile up at 139/89,
 * and classification, referral and next due come from the rule numbers as decide() does.
 */
export async function insertFollowups(trx: Kdb, c: ChronicSql, recheck: number): Promise<number> {
  const d = day(c);
  const r = c.rules;
  const key = (salt: string) => hash(c, salt, `f.case_id || ':' || f.slot`);
  await run(
    trx,
    `CREATE TEMP TABLE sx_fu ON COMMIT DROP AS
     WITH k AS MATERIALIZED (
       SELECT k.id AS case_id, k.resident_id, k.org_id, k.disease, k.managed_on, v.doctor, v.vn IN (2, 3) AS heaps,
              res.birth_date, coalesce(k.lost_on, k.terminated_on, ${d} + 1) AS ends,
              CASE WHEN ${u(c, 'fk1', 'k.id')} < 0.46 THEN 0.86 ELSE 0.2 END AS pc,
              CASE WHEN ${u(c, 'fk2', 'k.id')} < 0.8 THEN 0.01 ELSE 0.45 END AS skip,
              ${u(c, 'fk3', 'k.id')} AS uh, ${u(c, 'fk4', 'k.id')} AS ub, ${u(c, 'fk5', 'k.id')} AS ud
       FROM chronic_cases k JOIN sx_vil v ON v.org_id = k.org_id JOIN sx_res res ON res.id = k.resident_id
       WHERE k.county_id = ${c.county} AND k.managed_on IS NOT NULL),
     q AS (SELECT q, (make_date(${firstYear(c)}, 1, 1) + q * interval '3 months')::date AS q0 FROM generate_series(0, 11) q),
     main AS MATERIALIZED (
       SELECT h.*, 'q' || h.q AS slot,
              h.q0 + floor(${part('h.a', 0)} * ((h.q0 + interval '3 months')::date - h.q0))::int AS visit_date,
              ${part('h.a', 1)} AS um, ${part('h.a', 2)} AS ux, ${part('h.a', 3)} AS uc, ${part('h.b', 0)} AS us
       FROM (SELECT k.*, q.q, q.q0, ${hash(c, 'fm', "k.case_id || ':' || q.q")} AS a, ${hash(c, 'fm5', "k.case_id || ':' || q.q")} AS b
             FROM k CROSS JOIN q OFFSET 0) h),
     f AS (
       SELECT case_id, resident_id, org_id, disease, doctor, heaps, birth_date, uh, ub, ud, slot, visit_date, ends, managed_on,
              CASE WHEN um < 0.05 THEN 'phone' WHEN um < 0.27 THEN 'home' ELSE 'clinic' END AS mode, uc < pc AS want
       FROM main WHERE us >= skip
       UNION ALL
       SELECT case_id, resident_id, org_id, disease, doctor, heaps, birth_date, uh, ub, ud, 'x' || q,
              visit_date + 14 + floor(ux * 5)::int, ends, managed_on,
              CASE WHEN um < 0.3 THEN 'phone' ELSE 'clinic' END, ${u(c, 'fx', "case_id || ':' || q")} < pc
       FROM main WHERE us >= skip AND uc >= pc AND ux < ${recheck}),
     g AS MATERIALIZED (
       SELECT h.case_id, h.resident_id, h.org_id, h.disease, h.doctor, h.heaps, h.uh, h.ub, h.ud, h.slot, h.visit_date,
              h.mode, h.want, h.t, ${part('h.a', 0)} AS u1, ${part('h.a', 1)} AS u2, ${part('h.a', 2)} AS u3,
              ${part('h.a', 3)} AS u4, ${part('h.b', 0)} AS u5, ${part('h.b', 1)} AS u6, ${part('h.b', 2)} AS u7
       FROM (SELECT f.*, ${key('g')} AS a, ${key('g2')} AS b,
                    CASE WHEN f.birth_date <= f.visit_date - interval '${r.oldFrom} years' THEN ${r.sbpOld} ELSE ${r.sbpYoung} END AS t
             FROM f WHERE f.visit_date <= ${d} AND f.visit_date >= f.managed_on AND f.visit_date < f.ends OFFSET 0) h),
     m AS (
       SELECT g.*,
              CASE WHEN g.u6 < 0.008 THEN ${r.sbpEmergency} + floor(g.u1 * 25)
                   WHEN g.want THEN 112 + floor(g.u1 * (g.t - 112)) WHEN g.u2 < 0.75 THEN g.t + floor(g.u1 * (178 - g.t))
                   ELSE 124 + floor(g.u1 * 15) END AS sbp0,
              CASE WHEN g.u6 < 0.008 THEN 96 + floor(g.u2 * 20) WHEN g.want THEN 64 + floor(g.u3 * ${r.dbp - 65})
                   WHEN g.u2 < 0.75 THEN 76 + floor(g.u3 * 22) ELSE ${r.dbp} + floor(g.u3 * 12) END AS dbp0,
              round((CASE WHEN g.u6 < 0.005 THEN ${r.fbgHigh + 0.1} + g.u1 * 3 WHEN g.u6 < 0.009 THEN ${r.fbgLow - 0.8} + g.u1 * 0.8
                          WHEN g.want THEN 4.5 + g.u1 * ${(r.fbg - 4.6).toFixed(1)} ELSE ${r.fbg} + g.u1 * 6.5 END)::numeric, 1) AS fbg,
              CASE WHEN g.u7 < 0.005 THEN ${r.hrHigh} + 2 + floor(g.u4 * 15) ELSE 60 + floor(g.u4 * 30) END AS hr
       FROM g)
     SELECT m.*, md5('${c.seed}:fu:' || m.case_id || ':' || m.slot)::uuid AS id,
            CASE WHEN m.disease <> 'htn' THEN least(m.sbp0, 168)
                 WHEN m.heaps AND m.u5 < 0.3 AND m.sbp0 BETWEEN m.t - 10 AND m.t + 12 THEN m.t - 1
                 WHEN m.heaps AND m.u5 < 0.9 THEN round(m.sbp0 / 10.0) * 10 ELSE m.sbp0 END::int AS sbp,
            CASE WHEN m.disease <> 'htn' THEN least(m.dbp0, 98)
                 WHEN m.heaps AND m.u5 < 0.3 AND m.sbp0 BETWEEN m.t - 10 AND m.t + 12 THEN least(m.dbp0, ${r.dbp - 1})
                 WHEN m.heaps AND m.u5 < 0.9 THEN round(m.dbp0 / 10.0) * 10 ELSE m.dbp0 END::int AS dbp,
            CASE WHEN m.u7 >= 0.985 THEN 'controllable' ELSE 'none' END AS adr,
            CASE WHEN m.u7 BETWEEN 0.972 AND 0.985 THEN 'new' ELSE 'none' END AS complication
     FROM m`,
  );
  const ctl = `CASE WHEN x.disease = 'htn' THEN x.sbp < x.t AND x.dbp < ${r.dbp} ELSE x.fbg < ${r.fbg} END`;
  const emergency = `array_remove(ARRAY[
      CASE WHEN x.disease = 'htn' AND x.sbp >= ${r.sbpEmergency} THEN ${quote(r.labels.sbp)} END,
      CASE WHEN x.disease = 'htn' AND x.dbp >= ${r.dbpEmergency} THEN ${quote(r.labels.dbp)} END,
      CASE WHEN x.disease = 't2dm' AND x.fbg >= ${r.fbgHigh} THEN ${quote(r.labels.fbgHigh)} END,
      CASE WHEN x.disease = 't2dm' AND x.fbg <= ${r.fbgLow} THEN ${quote(r.labels.fbgLow)} END,
      CASE WHEN x.hr > ${r.hrHigh} THEN ${quote(r.labels.hr)} END]::text[], NULL)`;
  const symptoms = (disease: string, list: string[]) =>
    `CASE WHEN z.disease = '${disease}' THEN to_jsonb((${textArray(list)})[1 + floor(z.u5 * ${list.length})::int : 1 + floor(z.u5 * ${list.length})::int + (z.u4 < 0.3)::int]) END`;
  return run(
    trx,
    `WITH x AS (SELECT x.*, ${ctl} AS controlled, ${emergency} AS emergency FROM sx_fu x),
     w AS (SELECT x.*, count(*) FILTER (WHERE x.controlled) OVER (PARTITION BY x.case_id ORDER BY x.visit_date, x.id
                                                                ROWS UNBOUNDED PRECEDING) AS grp FROM x),
     y AS (SELECT w.*, CASE WHEN w.controlled THEN 0 ELSE row_number() OVER (PARTITION BY w.case_id, w.grp ORDER BY w.visit_date, w.id)
                        - (w.grp > 0)::int END AS streak FROM w),
     z AS (SELECT y.*, y.emergency
                  || CASE WHEN NOT y.controlled AND y.streak >= 2 THEN ARRAY[${quote(TWICE_UNSATISFIED)}] ELSE '{}'::text[] END
                  || CASE WHEN y.complication = 'new' THEN ARRAY[${quote(NEW_COMPLICATION)}] ELSE '{}'::text[] END AS reasons,
                  y.u6 < 0.03 AS late,
                  ${pastAt(c, 'y.visit_date', '8 + floor(y.u2 * 9) + y.u3')} AS seen_at
           FROM y)
     INSERT INTO followups (id, county_id, org_id, case_id, resident_id, disease, visit_date, mode, staff_id, form, sbp, dbp,
                            heart_rate, fbg_mmol, classification, controlled, referral, referral_reasons, next_due, rule_set_id,
                            late_entry, device_at, recorded_at, request_hash)
     SELECT z.id, ${c.county}, z.org_id, z.case_id, z.resident_id, z.disease, z.visit_date, z.mode, z.doctor,
            jsonb_build_object('mode', z.mode, 'symptoms', CASE WHEN z.u3 < 0.65 THEN '[]'::jsonb
                ELSE coalesce(${symptoms('htn', ['头痛头晕', '恶心呕吐', '眼花耳鸣', '心悸胸闷', '四肢发麻'])},
                              ${symptoms('t2dm', ['多饮', '多食', '多尿', '视力模糊', '手脚麻木', '下肢浮肿'])}) END,
              'sbp', z.sbp, 'dbp', z.dbp, 'heart_rate', z.hr, 'fbg', CASE WHEN z.disease = 't2dm' THEN z.fbg END,
              'height', 152 + floor(z.uh * 26), 'bmi', round((20 + z.ub * 9 + z.u4 * 0.8)::numeric, 1),
              'weight', round(((20 + z.ub * 9 + z.u4 * 0.8) * ((152 + floor(z.uh * 26)) / 100.0) ^ 2)::numeric, 1),
              'lifestyle', jsonb_build_object('smoking', CASE WHEN z.ud < 0.3 THEN 5 + floor(z.ub * 15) ELSE 0 END,
                'alcohol', CASE WHEN z.ud > 0.75 THEN floor(z.uh * 4) ELSE 0 END, 'exerciseTimes', floor(z.u4 * 7),
                'exerciseMinutes', 10 * floor(z.u2 * 6), 'salt', (ARRAY['轻','中','重'])[1 + floor(z.ud * 3)::int],
                'compliance', CASE WHEN z.u5 < 0.7 THEN '良好' WHEN z.u5 < 0.93 THEN '一般' ELSE '差' END),
              'adherence', CASE WHEN z.u1 < 0.8 THEN '规律' WHEN z.u1 < 0.94 THEN '间断' WHEN z.u1 < 0.99 THEN '不服药' ELSE '拒绝' END,
              'adr', z.adr, 'complication', z.complication,
              'drugs', CASE WHEN z.disease = 'htn' THEN ${drugsJson(HTN_DRUGS)}::jsonb -> floor(z.ud * ${HTN_DRUGS.length})::int
                            ELSE ${drugsJson(DM_DRUGS)}::jsonb -> floor(z.ud * ${DM_DRUGS.length})::int END),
            z.sbp, z.dbp, z.hr, CASE WHEN z.disease = 't2dm' THEN z.fbg END,
            CASE WHEN z.complication <> 'none' THEN 4 WHEN z.adr <> 'none' THEN 3 WHEN z.controlled THEN 1 ELSE 2 END,
            z.controlled,
            CASE WHEN cardinality(z.emergency) > 0 THEN 'emergency' WHEN cardinality(z.reasons) > 0 THEN 'recommend' ELSE 'none' END,
            z.reasons,
            CASE WHEN cardinality(z.reasons) = 0 AND z.controlled AND z.adr = 'none'
                 THEN (z.visit_date + interval '${r.satisfiedMonths} months')::date ELSE z.visit_date + ${r.otherDays} END,
            ${c.setId}, z.late, z.seen_at,
            least(${at(c)}, CASE WHEN z.late THEN z.seen_at + (2 + floor(z.u4 * 5)) * interval '1 day' + interval '9 hours'
                                 ELSE z.seen_at + interval '3 minutes' END),
            md5('${c.seed}:fuh:' || z.id::text)
     FROM z`,
  );
}

/**
 * chronic_case_years by one aggregate over the follow-ups (as the follow-up service keeps
 * them), then each case's last follow-up: its day, next due (managed cases), class and the
 * uncontrolled follow-ups in a row at the end.
 */
export async function insertCaseYears(trx: Kdb, c: ChronicSql): Promise<void> {
  await run(
    trx,
    `INSERT INTO chronic_case_years (case_id, year, county_id, org_id, disease, followups, face_to_face, quarters,
                                     last_visit, last_controlled)
     SELECT f.case_id, extract(year FROM f.visit_date)::int, ${c.county}, k.org_id, k.disease, count(*),
            count(*) FILTER (WHERE f.mode IN ('clinic', 'home')),
            bit_or(CASE WHEN f.mode IN ('clinic', 'home') THEN 1 << (extract(quarter FROM f.visit_date)::int - 1) ELSE 0 END),
            max(f.visit_date), (array_agg(f.controlled ORDER BY f.visit_date DESC, f.id DESC))[1]
     FROM followups f JOIN chronic_cases k ON k.id = f.case_id
     WHERE f.county_id = ${c.county}
     GROUP BY f.case_id, extract(year FROM f.visit_date), k.org_id, k.disease`,
  );
  await run(
    trx,
    `WITH f AS (
       SELECT case_id, visit_date, next_due, classification, controlled,
              row_number() OVER (PARTITION BY case_id ORDER BY visit_date DESC, id DESC) AS rn
       FROM followups WHERE county_id = ${c.county}),
     l AS (
       SELECT case_id, max(visit_date) FILTER (WHERE rn = 1) AS last_on, max(next_due) FILTER (WHERE rn = 1) AS next_due,
              max(classification) FILTER (WHERE rn = 1) AS class,
              coalesce(min(rn) FILTER (WHERE controlled) - 1, count(*)) AS streak
       FROM f GROUP BY case_id)
     UPDATE chronic_cases k SET last_followup_on = l.last_on, last_class = l.class, unsatisfied_streak = l.streak,
            next_due = CASE WHEN k.state = 'managed' THEN l.next_due END
     FROM l WHERE k.id = l.case_id`,
  );
  // managed cases without a follow-up yet (managed in the last days): the first is due in two weeks
  await run(
    trx,
    `UPDATE chronic_cases SET next_due = managed_on + 14
     WHERE county_id = ${c.county} AND state = 'managed' AND next_due IS NULL`,
  );
}

/**
 * Calls on the overdue list: a third of the cases overdue by more than a week were called;
 * most were reached, some not, a few had moved away or died (which ends the case).
 */
export async function insertCalls(trx: Kdb, c: ChronicSql): Promise<void> {
  const d = day(c);
  await run(
    trx,
    `WITH k AS MATERIALIZED (
       SELECT k.id, k.org_id, k.next_due, v.doctor, ${u(c, 'cl1', 'k.id')} AS u1, ${u(c, 'cl2', 'k.id')} AS u2,
              ${u(c, 'cl3', 'k.id')} AS u3
       FROM chronic_cases k JOIN sx_vil v ON v.org_id = k.org_id
       WHERE k.county_id = ${c.county} AND k.state = 'managed' AND k.next_due < ${d} - 7)
     INSERT INTO followup_calls (county_id, org_id, case_id, outcome, note, staff_id, called_on, at)
     SELECT ${c.county}, k.org_id, k.id, o.outcome, o.note, k.doctor, o.on_day, ${pastAt(c, 'o.on_day', '15 + k.u3 * 3')}
     FROM k CROSS JOIN LATERAL (
       SELECT CASE WHEN k.u2 < 0.68 THEN 'reached' WHEN k.u2 < 0.9 THEN 'unreachable' WHEN k.u2 < 0.95 THEN 'moved'
                   WHEN k.u2 < 0.98 THEN 'died' ELSE 'refused' END AS outcome,
              CASE WHEN k.u2 < 0.68 THEN '已约本周到村卫生室随访' WHEN k.u2 < 0.9 THEN '电话无人接听'
                   WHEN k.u2 < 0.95 THEN '家属告知已随子女迁居外地' WHEN k.u2 < 0.98 THEN '家属告知已去世'
                   ELSE '本人表示不再接受随访' END AS note,
              k.next_due + 1 + floor(k.u3 * (${d} - k.next_due - 1))::int AS on_day) o
     WHERE k.u1 < 0.35`,
  );
  await run(
    trx,
    `INSERT INTO chronic_case_events (case_id, org_id, from_state, to_state, on_date, reason, staff_id, at)
     SELECT case_id, org_id, 'managed', 'terminated', called_on, note, staff_id, at FROM followup_calls
     WHERE county_id = ${c.county} AND outcome IN ('moved', 'died', 'refused')`,
  );
  await run(
    trx,
    `UPDATE chronic_cases k SET state = 'terminated', terminated_on = fc.called_on, terminated_reason = fc.outcome,
            next_due = NULL
     FROM followup_calls fc
     WHERE fc.case_id = k.id AND fc.county_id = ${c.county} AND fc.outcome IN ('moved', 'died', 'refused')`,
  );
}

/** 管理率's denominators: residents 35+ of each village in each year, prevalence near 27% and 9%. */
export async function insertBaseData(trx: Kdb, c: ChronicSql): Promise<void> {
  await run(
    trx,
    `INSERT INTO chronic_base_data (org_id, year, county_id, pop_35_plus, htn_prevalence_bp, t2dm_prevalence_bp)
     SELECT v.org_id, y, ${c.county}, count(r.id),
            2650 + floor(${u(c, 'bd1', "v.org_id || ':' || y")} * 100)::int,
            880 + floor(${u(c, 'bd2', "v.org_id || ':' || y")} * 40)::int
     FROM sx_vil v CROSS JOIN generate_series(${firstYear(c)}, ${firstYear(c)} + 2) y
     LEFT JOIN sx_res r ON r.org_id = v.org_id AND r.birth_date <= make_date(y, 7, 1) - interval '35 years'
       AND (r.deceased_on IS NULL OR r.deceased_on >= make_date(y, 1, 1))
     GROUP BY v.org_id, y`,
  );
}
