import type { Kdb } from '../platform/db.ts';
import { at, pick, rows, run, u, type RemoteCtx } from './remote-sql.ts';

/**
 * 远程诊断 demo data, the rest (see remote.seed.ts): village kits and a month of their readings,
 * the critical values' closed loop (double check, notification, read-back acknowledgement,
 * action, progress note, escalations and tasks), two years of teleconsultations, and today's
 * open work so the worklist and the village doctor's inbox are alive.
 */

/** every village clinic has a kit (most with ECG); ~5 readings a day for the last 30 days */
export async function seedKits(trx: Kdb, c: RemoteCtx): Promise<void> {
  await run(
    trx,
    `INSERT INTO kit_devices (id, county_id, org_id, model, has_ecg, created_at)
     SELECT 'KIT-' || ${c.county} || '-' || s.org_id, ${c.county}, s.org_id,
       ${pick(['健康一体机 HK-300', '健康一体机 HK-300', '云诊断一体机 YZ-8'], u(c, 'kit:m', 's.org_id'))},
       ${u(c, 'kit:ecg', 's.org_id')} < 0.88, ${at(c)} - interval '400 days'
     FROM seed_remote_src s WHERE s.kind = 'village_clinic'`,
  );
  const k = `d.id || ':' || dd.day || ':' || nn.n`;
  const v = (salt: string) => u(c, `kr:${salt}`, k);
  await run(
    trx,
    `WITH r AS (
       SELECT d.id AS device_id, 'R' || dd.day || '-' || nn.n AS reading_id, d.org_id, s.staff_id,
         s.residents[1 + floor(${v('res')} * cardinality(s.residents))::int] AS resident_id,
         CASE WHEN d.has_ecg AND ${v('kind')} < 0.1 THEN 'ecg' WHEN ${v('kind')} < 0.55 THEN 'bp'
              WHEN ${v('kind')} < 0.8 THEN 'glucose' WHEN ${v('kind')} < 0.92 THEN 'spo2' ELSE 'temperature' END AS kind,
         ${v('val')} AS uv, ${v('hi')} < 0.06 AS high,
         ((date_trunc('day', ${at(c)} AT TIME ZONE 'Asia/Shanghai') - make_interval(days => dd.day)
           + make_interval(mins => (480 + floor(${v('t')} * 600))::int)) AT TIME ZONE 'Asia/Shanghai') AS measured_at
       FROM kit_devices d JOIN seed_remote_src s ON s.org_id = d.org_id
       CROSS JOIN generate_series(1, 30) dd(day) CROSS JOIN generate_series(1, 5) nn(n)
       WHERE d.county_id = ${c.county}
     ), v AS (
       SELECT r.*,
         CASE WHEN kind = 'bp' THEN CASE WHEN high THEN 182 + floor(uv * 20) ELSE 105 + floor(uv * 70) END END AS sys,
         CASE WHEN kind = 'bp' THEN 62 + floor(uv * 30) END AS dia,
         CASE WHEN kind = 'glucose' THEN round((CASE WHEN high THEN 14.2 + uv * 6 ELSE 4.4 + uv * 6 END)::numeric, 1) END AS glu,
         CASE WHEN kind = 'spo2' THEN CASE WHEN high THEN 88 + floor(uv * 4) ELSE 94 + floor(uv * 6) END END AS spo2,
         CASE WHEN kind = 'temperature' THEN round((CASE WHEN high THEN 38.6 + uv ELSE 36.0 + uv * 1.2 END)::numeric, 1) END AS temp
       FROM r
     )
     INSERT INTO kit_readings (device_id, reading_id, county_id, org_id, resident_id, staff_id, kind, systolic, diastolic,
       pulse, glucose, glucose_ctx, spo2, temperature, heart_rate, ecg_leads, flagged, flag_reasons, reviewed_by,
       reviewed_at, measured_at, received_at)
     SELECT device_id, reading_id, ${c.county}, org_id, resident_id, staff_id, kind, sys, dia,
       CASE WHEN kind = 'bp' THEN 62 + floor(uv * 30) END, glu,
       CASE WHEN kind = 'glucose' THEN (ARRAY['fasting', 'postprandial', 'random'])[1 + floor(uv * 3)::int] END, spo2, temp,
       CASE WHEN kind = 'ecg' THEN 58 + floor(uv * 40) END, CASE WHEN kind = 'ecg' THEN CASE WHEN uv < 0.8 THEN 1 ELSE 12 END END,
       high AND kind <> 'ecg',
       CASE WHEN NOT high OR kind = 'ecg' THEN '{}'::text[] WHEN kind = 'bp' THEN ARRAY['收缩压高于 180 mmHg']
            WHEN kind = 'glucose' THEN ARRAY['血糖高于 13.9 mmol/L'] WHEN kind = 'spo2' THEN ARRAY['血氧饱和度低于 93%']
            ELSE ARRAY['体温高于 38.5 ℃'] END,
       CASE WHEN high AND kind <> 'ecg' AND measured_at < ${at(c)} - interval '2 days' THEN staff_id END,
       CASE WHEN high AND kind <> 'ecg' AND measured_at < ${at(c)} - interval '2 days' THEN measured_at + interval '3 hours' END,
       measured_at, measured_at + make_interval(secs => 5 + floor(uv * 100)::int)
     FROM v`,
  );
}

/**
 * The critical values chosen in remote.seed.ts: double-checked by the reviewer, notified, acknowledged
 * with read-back (median ~6 min, ~15% after 15 min and escalated), acted on and documented.
 */
export async function seedCriticals(trx: Kdb, c: RemoteCtx): Promise<void> {
  const h = (salt: string) => u(c, `cv:${salt}`, 'r.id');
  await run(
    trx,
    `WITH x AS (
       SELECT r.id, r.requesting_org_id, r.requesting_staff_id, r.claimed_by, p.id AS report_id, p.reviewer_id,
         k.item_code, ci.name, r.claimed_at + (r.issued_at - r.claimed_at) * 0.3 AS flagged,
         CASE WHEN ${h('late')} < 0.85 THEN 2 + 9 * power(${h('ack')}, 1.5) ELSE 16 + 25 * ${h('ack')} END AS ack_min,
         4 + 14 * ${h('act')} AS act_min,
         CASE WHEN ${h('note')} < 0.9 THEN 30 + 240 * ${h('note2')} ELSE 380 + 60 * ${h('note2')} END AS note_min,
         ${h('left')} < 0.2 AS left_
       FROM seed_remote_crit k JOIN remote_requests r ON r.id = k.request_id
       JOIN remote_reports p ON p.request_id = r.id AND p.version = 1
       JOIN remote_critical_items ci ON ci.code = k.item_code
     ), y AS (
       SELECT x.*, flagged + interval '45 seconds' AS notified FROM x
     )
     INSERT INTO remote_criticals (county_id, request_id, report_id, requesting_org_id, item_code, detail, status,
       flagged_by, flagged_at, checked_by, checked_at, notified_at, ack_by, ack_at, readback, patient_status, acted_by,
       acted_at, action_text, noted_by, noted_at, note_text)
     SELECT ${c.county}, id, report_id, requesting_org_id, item_code, name || '，请立即处置', 'documented',
       claimed_by, flagged, reviewer_id, flagged + interval '40 seconds', notified,
       requesting_staff_id, notified + make_interval(secs => (ack_min * 60)::int), name || '，已知晓',
       CASE WHEN left_ THEN 'left' ELSE 'present' END, requesting_staff_id,
       notified + make_interval(secs => ((ack_min + act_min) * 60)::int),
       CASE WHEN left_ THEN '电话通知患者返院，已联系 120 转运' ELSE '吸氧、心电监护，联系上级医院转诊' END,
       requesting_staff_id, notified + make_interval(secs => ((ack_min + act_min + note_min) * 60)::int),
       '患者危急值已处置，详见病程记录'
     FROM y`,
  );
  const duty = (kinds: string) => `(SELECT coalesce(array_agg(d.staff_id ORDER BY d.id), '{}') FROM org_duty d
      WHERE d.org_id = t.township AND d.duty IN (${kinds}))`;
  await run(
    trx,
    `INSERT INTO remote_escalations (county_id, critical_id, level, due_at, created_at, target_staff, target_org_id)
     SELECT ${c.county}, cv.id, l.level, cv.notified_at + l.after, cv.notified_at + l.after + interval '20 seconds',
       CASE WHEN l.level = 'unacknowledged_15' THEN ${duty(`'duty_doctor', 'lead'`)} ELSE ARRAY[${c.coordinator}] END,
       CASE WHEN l.level = 'unacknowledged_15' THEN t.township ELSE ${c.root} END
     FROM remote_criticals cv
     JOIN orgs o ON o.id = cv.requesting_org_id
     CROSS JOIN LATERAL (SELECT CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE o.id END AS township) t
     JOIN (VALUES ('unacknowledged_15', interval '15 minutes'), ('not_acted_30', interval '30 minutes'))
       l(level, after) ON (l.level = 'unacknowledged_15' AND cv.ack_at > cv.notified_at + l.after)
                       OR (l.level = 'not_acted_30' AND cv.acted_at > cv.notified_at + l.after)
     WHERE cv.county_id = ${c.county}`,
  );
  await run(
    trx,
    `INSERT INTO remote_tasks (county_id, critical_id, kind, org_id, staff_id, due_at, created_at, done_at, done_by, outcome)
     SELECT ${c.county}, cv.id, 'progress_note', cv.requesting_org_id, cv.ack_by, cv.notified_at + interval '6 hours',
       cv.notified_at, cv.noted_at, cv.noted_by, '已写病程记录'
     FROM remote_criticals cv WHERE cv.county_id = ${c.county} AND cv.noted_at IS NOT NULL
     UNION ALL
     SELECT ${c.county}, cv.id, 'call_back', cv.requesting_org_id, cv.ack_by, cv.ack_at + interval '30 minutes',
       cv.ack_at, cv.acted_at, cv.acted_by, '已电话联系患者返院'
     FROM remote_criticals cv WHERE cv.county_id = ${c.county} AND cv.patient_status = 'left'`,
  );
  await run(
    trx,
    `INSERT INTO remote_notifications (county_id, org_id, kind, critical_id, request_id, title, body, created_at)
     SELECT ${c.county}, cv.requesting_org_id, 'critical', cv.id, cv.request_id, '危急值：' || ci.name, cv.detail, cv.notified_at
     FROM remote_criticals cv JOIN remote_critical_items ci ON ci.code = cv.item_code WHERE cv.county_id = ${c.county}`,
  );
}

const STATUSES = ['applied', 'accepted', 'scheduled', 'held', 'opinion_signed', 'decided', 'closed', 'declined'];

/** two years of teleconsultations: ~20 a month this year, ~14 last year; recent ones in every status */
export async function seedConsults(trx: Kdb, c: RemoteCtx): Promise<void> {
  const k = `m.m || ':' || n.n`;
  const v = (salt: string) => u(c, `co:${salt}`, k);
  const t = (rank: number, offset: string, expr: string) =>
    `CASE WHEN rank >= ${rank} THEN created + ${offset} END AS ${expr}`;
  const [n] = await rows<{ all: number }>(trx, `SELECT count(*)::int AS all FROM seed_remote_src`);
  await run(
    trx,
    `WITH g AS (
       SELECT ${k} AS key, s.org_id, s.staff_id, s.residents[1 + floor(${v('res')} * cardinality(s.residents))::int] AS resident_id,
         floor((m.m + ${v('day')}) * 30.4)::int + 2 AS age,
         ${v('st')} AS ust, ${v('mode')} < 0.4 AS async, ${v('inv')} AS uinv
       FROM generate_series(0, 23) m(m) CROSS JOIN generate_series(1, 24) n(n)
       JOIN seed_remote_src s ON s.idx = floor(${v('src')} * ${n.all})::int
       WHERE ${v('keep')} < CASE WHEN m.m < 12 THEN 0.84 ELSE 0.6 END
     ), p AS (
       SELECT g.*, ${at(c)} - make_interval(days => g.age) + make_interval(mins => floor(g.uinv * 600)::int) AS created,
         CASE WHEN g.age > 20 THEN CASE WHEN g.ust < 0.05 THEN 'declined' WHEN g.ust < 0.09 THEN 'cancelled'
                                        WHEN g.ust < 0.12 THEN 'decided' ELSE 'closed' END
              ELSE ${pick(STATUSES, 'g.ust')} END AS status,
         CASE WHEN g.uinv < 0.7 OR (SELECT count(*) FROM orgs WHERE county_id = ${c.county} AND kind = 'partner_hospital') = 0
              THEN ${c.people}
              ELSE (SELECT id FROM orgs WHERE county_id = ${c.county} AND kind = 'partner_hospital'
                    ORDER BY md5(g.key || id::text) LIMIT 1) END AS invited
       FROM g
     ), q AS (
       SELECT p.*, (ARRAY['applied', 'accepted', 'scheduled', 'held', 'opinion_signed', 'decided', 'closed']::text[]) AS ranks,
         coalesce((SELECT s.id FROM staff s WHERE s.org_id = p.invited AND s.roles && ARRAY['expert', 'county_doctor']
                   ORDER BY md5(p.key || s.id::text) LIMIT 1), ${c.readers[0]}) AS expert
       FROM p
     ), r AS (
       SELECT q.*, coalesce(array_position(q.ranks, q.status) - 1, -1) AS rank FROM q
     )
     INSERT INTO remote_consults (county_id, resident_id, requesting_org_id, requesting_staff_id, invited_org_id,
       invited_staff_id, speciality, mode, purpose, clinical_summary, status, decline_reason, accepted_by, accepted_at,
       consent_at, consent_by, scheduled_at, video_link, started_at, ended_at, opinion, opinion_by, opinion_signed_at,
       decision, decided_by, decided_at, closed_at, fee_fen, created_at)
     SELECT ${c.county}, resident_id, org_id, staff_id, invited, expert,
       ${pick(['心血管内科', '神经内科', '呼吸内科', '内分泌科', '消化内科', '骨科'], u(c, 'co:sp', 'key'))},
       CASE WHEN async THEN 'async' ELSE 'scheduled' END,
       ${pick(['明确诊断', '制定治疗方案', '是否需要上转', '疑难病例讨论'], u(c, 'co:pu', 'key'))},
       ${pick(['反复胸闷气短 3 月，心电图示 ST-T 改变', '血糖控制不佳，空腹 12 mmol/L', '头晕伴右侧肢体麻木 2 天', '慢性咳嗽 2 月，胸片示右下肺阴影'], u(c, 'co:cs', 'key'))},
       status, CASE WHEN status = 'declined' THEN '该专科本周无专家排班，请改约' END,
       CASE WHEN rank >= 1 THEN expert END, ${t(1, "interval '1 hour'", 'a1')},
       ${t(2, "interval '2 hours'", 'a2')}, CASE WHEN rank >= 2 THEN '患者本人' END,
       ${t(2, "interval '6 hours'", 'a3')}, CASE WHEN rank >= 2 AND NOT async THEN 'https://rtc.example.cn/room/' || md5(key) END,
       ${t(3, "interval '6 hours'", 'a4')}, ${t(3, "interval '6 hours 40 minutes'", 'a5')},
       CASE WHEN rank >= 4 THEN '考虑诊断明确，建议按方案治疗，2 周后复诊' END, CASE WHEN rank >= 4 THEN expert END,
       ${t(4, "interval '8 hours'", 'a6')},
       CASE WHEN rank >= 5 THEN '采纳会诊意见，继续本院治疗' END, CASE WHEN rank >= 5 THEN staff_id END,
       ${t(5, "interval '10 hours'", 'a7')}, ${t(6, "interval '20 hours'", 'a8')},
       CASE WHEN async THEN 15000 ELSE 30000 END, created
     FROM r`,
  );
}

/** today: a few requests on the worklist (one stat ECG overdue) and an unacknowledged critical value at village.doctor's clinic */
export async function seedOpenWork(trx: Kdb, c: RemoteCtx): Promise<void> {
  const [vd] = await rows<{ id: number; org_id: number }>(
    trx,
    `SELECT id, org_id FROM staff WHERE county_id = ${c.county} AND username = 'village.doctor'`,
  );
  const [rd] = await rows<{ id: number }>(
    trx,
    `SELECT id FROM staff WHERE county_id = ${c.county} AND username = 'reader'`,
  );
  if (!vd) return;
  const reader = Number(rd?.id ?? c.readers[0]);
  const other = c.readers.find((r) => r !== reader) ?? c.readers[1];
  const ago = (min: number) => `${at(c)} - interval '${min} minutes'`;
  const res = `(SELECT residents[1] FROM seed_remote_src WHERE org_id = ${vd.org_id})`;
  // [source, centre, item, priority, status, minutes ago, claimed by]
  const open: Array<[string, string, string, string, string, number, number | null]> = [
    [`org_id = ${vd.org_id}`, 'ecg', 'ECG-12', 'stat', 'ready', 25, null],
    ['idx = 1', 'ecg', 'ECG-12', 'routine', 'ready', 6, null],
    ['idx = 2', 'ecg', 'ECG-1', 'routine', 'ready', 12, null],
    ['idx = 3', 'ecg', 'ECG-12', 'routine', 'ready', 19, null],
    ['cidx = 0', 'imaging', 'IMG-CT-HEAD', 'urgent', 'ready', 20, null],
    ['cidx = 1', 'ultrasound', 'US-ABD', 'routine', 'claimed', 15, reader],
    ['cidx = 2', 'imaging', 'IMG-CXR', 'routine', 'awaiting_study', 30, null],
  ];
  const values = open.map(
    ([src, centre, item, prio, status, min, by]) => `
    (SELECT s.residents[1 + (${min} % cardinality(s.residents))], s.org_id, s.staff_id, '${centre}', '${item}', '${prio}',
      '${status}', ${ago(min)}, ${status === 'awaiting_study' ? 'NULL::timestamptz' : ago(min - 1)},
      ${by ?? 'NULL::int'}, ${by ? ago(min - 10) : 'NULL::timestamptz'}
    FROM seed_remote_src s WHERE s.${src} LIMIT 1)`,
  );
  await run(
    trx,
    `INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id, centre,
       item_code, item_name, priority, patient_setting, clinical_info, source, status, requested_at, study_arrived_at,
       claimed_by, claimed_at)
     SELECT ${c.county}, x.res, x.org, x.staff, ${c.people}, x.centre, x.item, i.name, x.prio,
       CASE WHEN x.prio = 'stat' THEN 'emergency' ELSE 'outpatient' END, '胸闷、心悸，今日就诊', 'request', x.status,
       x.at, x.arrived, x.by, x.claimed
     FROM (${values.join(' UNION ALL ')}) x(res, org, staff, centre, item, prio, status, at, arrived, by, claimed)
     JOIN remote_items i ON i.code = x.item`,
  );
  // the critical value the village doctor has not acknowledged yet
  const [req] = await rows<{ id: number }>(
    trx,
    `INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id, centre,
       item_code, item_name, priority, patient_setting, clinical_info, source, status, requested_at, study_arrived_at,
       claimed_by, claimed_at)
     VALUES (${c.county}, ${res}, ${vd.org_id}, ${vd.id}, ${c.people}, 'ecg', 'ECG-12', '十二导联心电图', 'stat', 'emergency',
       '突发胸痛 40 分钟，伴大汗', 'request', 'in_review', ${ago(22)}, ${ago(21)}, ${other}, ${ago(18)})
     RETURNING id`,
  );
  const [rep] = await rows<{ id: number }>(
    trx,
    `INSERT INTO remote_reports (county_id, request_id, version, kind, status, rhythm, heart_rate, pr_ms, qrs_ms, qt_ms,
       qtc_ms, axis_deg, findings, conclusion, abnormal, author_id, authored_at, submitted_at)
     VALUES (${c.county}, ${req.id}, 1, 'ecg', 'submitted', '窦性心律', 96, 160, 98, 380, 432, 30,
       'II、III、aVF 导联 ST 段弓背向上抬高 0.3 mV，I、aVL 导联 ST 段压低', '急性下壁心肌梗死', true, ${other},
       ${ago(17)}, ${ago(9)})
     RETURNING id`,
  );
  await run(
    trx,
    `WITH cv AS (
       INSERT INTO remote_criticals (county_id, request_id, report_id, requesting_org_id, item_code, detail, status,
         flagged_by, flagged_at, checked_by, checked_at, notified_at)
       VALUES (${c.county}, ${req.id}, ${rep.id}, ${vd.org_id}, 'ECG-AMI', '急性下壁心肌梗死（II、III、aVF ST 段抬高），请立即处置',
         'notified', ${other}, ${ago(12)}, ${reader}, ${ago(11)}, ${ago(11)})
       RETURNING id, detail, notified_at)
     INSERT INTO remote_notifications (county_id, org_id, kind, critical_id, request_id, title, body, created_at)
     SELECT ${c.county}, ${vd.org_id}, 'critical', cv.id, ${req.id}, '危急值：急性心肌梗死', cv.detail, cv.notified_at FROM cv`,
  );
}
