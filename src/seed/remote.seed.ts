import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';
import { seedConsults, seedCriticals, seedKits, seedOpenWork } from './remote-events.seed.ts';
import { seedStudyFiles } from './remote-files.seed.ts';
import {
  at,
  ECG_CONCLUSIONS,
  IMAGING_CONCLUSIONS,
  intArray,
  PATH_CONCLUSIONS,
  pick,
  rows,
  run,
  u,
  US_CONCLUSIONS,
  type RemoteCtx,
} from './remote-sql.ts';

/**
 * 远程诊断 demo data (issue 12 §8): a year of reading requests from every township and village
 * to the people's hospital's ECG, imaging, ultrasound and pathology centres, reports written by
 * one reader and reviewed by another, amendments, critical values with their acknowledgement
 * times, escalations and tasks, 结果互认, duty rosters, teleconsultations over two years, village
 * kits with a month of readings, and today's open work. Every statement is one INSERT … SELECT
 * (remote-sql.ts); the whole thing runs in about a second on the demo county.
 */
export interface RemoteSeedOptions {
  countyId: number;
  seed: number;
  now: Date;
  scale: 'demo' | 'jiexiu';
}

/** requests a year per centre */
const VOLUME = {
  demo: { ecg: 2000, imaging: 500, ultrasound: 400, pathology: 40 },
  jiexiu: { ecg: 9000, imaging: 2500, ultrasound: 2000, pathology: 200 },
} as const;

/** share of issued reports later amended (version 2), share of requests past their due time */
const AMENDED = 0.025;
const LATE = 0.08;

export async function seedRemote(db: Kdb, opts: RemoteSeedOptions): Promise<void> {
  const orgs = await db.selectFrom('orgs').select('id').where('county_id', '=', opts.countyId).execute();
  await withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    // runs once, as the other generators do: a county with duty rosters has its remote data
    const done = await rows(trx, `SELECT 1 FROM org_duty WHERE county_id = ${opts.countyId} LIMIT 1`);
    if (done.length > 0) return;
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    const c = await context(trx, opts);
    const steps = [
      seedDuty,
      sources,
      seedKits,
      historyRequests,
      kitRequests,
      chooseCriticals,
      reports,
      recognised,
    ].concat([seedCriticals, seedConsults, seedOpenWork, seedStudyFiles]);
    const ms: Record<string, number> = {};
    for (const step of steps) {
      const started = performance.now();
      await step(trx, c);
      ms[step.name] = Math.round(performance.now() - started);
    }
    if (process.env.SEED_TIMING) console.log('remote seed steps (ms)', ms);
  });
}

async function context(trx: Kdb, opts: RemoteSeedOptions): Promise<RemoteCtx> {
  const county = opts.countyId;
  const [people] = await rows<{ id: number }>(
    trx,
    `SELECT id FROM orgs WHERE county_id = ${county} AND kind = 'county_hospital' AND code LIKE '%-RMYY' LIMIT 1`,
  );
  const [root] = await rows<{ id: number }>(trx, `SELECT id FROM orgs WHERE id = ${county}`);
  if (!people || !root) throw new Error("remote seed: the county has no people's hospital");
  const readersOf = () =>
    rows<{ id: number }>(
      trx,
      `SELECT id FROM staff WHERE org_id = ${people.id} AND 'reader' = ANY(roles) AND NOT disabled ORDER BY id`,
    );
  let readers = await readersOf();
  if (readers.length < 2) {
    // a report is signed by a second doctor: a profile with one reader gets a colleague
    await run(
      trx,
      `INSERT INTO staff (county_id, org_id, department_id, username, display_name, title, roles, password_hash)
       SELECT county_id, org_id, department_id, 'yuancheng.review', '韩冬梅', '心电诊断医师', roles, password_hash
       FROM staff WHERE id = ${readers[0]?.id ?? 0} ON CONFLICT DO NOTHING`,
    );
    readers = await readersOf();
  }
  if (readers.length < 2) throw new Error('remote seed: no reader at the people’s hospital');
  const [coord] = await rows<{ id: number }>(
    trx,
    `SELECT id FROM staff WHERE county_id = ${county} AND 'coordinator' = ANY(roles) ORDER BY id LIMIT 1`,
  );
  return {
    county,
    seed: opts.seed,
    now: opts.now.toISOString(),
    scale: opts.scale,
    people: Number(people.id),
    root: Number(root.id),
    readers: readers.map((r) => Number(r.id)),
    coordinator: Number(coord?.id ?? readers[0].id),
  };
}

/** each township centre's duty doctor and lead (15-minute rung); the group's medical office (30-minute rung) */
async function seedDuty(trx: Kdb, c: RemoteCtx): Promise<void> {
  await run(
    trx,
    `INSERT INTO org_duty (county_id, org_id, duty, staff_id, effective_from)
     SELECT ${c.county}, t.org_id, d.duty, t.ids[least(d.n, cardinality(t.ids))], ${at(c)} - interval '400 days'
     FROM (SELECT s.org_id, array_agg(s.id ORDER BY s.id) AS ids FROM staff s JOIN orgs o ON o.id = s.org_id
           WHERE o.county_id = ${c.county} AND o.kind IN ('township_center', 'community_center')
             AND 'township_doctor' = ANY(s.roles) GROUP BY s.org_id) t
     CROSS JOIN (VALUES ('duty_doctor', 1), ('lead', 2)) d(duty, n)
     UNION ALL
     SELECT ${c.county}, ${c.root}, 'medical_office', ${c.coordinator}, ${at(c)} - interval '400 days'`,
  );
}

/**
 * Who asks: every village clinic (its village doctor) and township centre (a township doctor),
 * with residents to ask for; idx over all, cidx over the centres only (imaging and pathology).
 */
async function sources(trx: Kdb, c: RemoteCtx): Promise<void> {
  await run(
    trx,
    `CREATE TEMP TABLE seed_remote_src ON COMMIT DROP AS
     WITH res AS (
       SELECT vo.parent_id AS township_id, r.org_id, (array_agg(r.id ORDER BY r.id))[1:300] AS ids
       FROM residents r JOIN orgs vo ON vo.id = r.org_id WHERE r.county_id = ${c.county} GROUP BY 1, 2
     ), o AS (
       SELECT o.id AS org_id, o.kind,
         CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE o.id END AS township_id,
         (SELECT s.id FROM staff s WHERE s.org_id = o.id AND s.roles && ARRAY['village_doctor', 'township_doctor']
            ORDER BY s.id LIMIT 1) AS staff_id,
         coalesce((SELECT res.ids FROM res WHERE res.org_id = o.id),
                  (SELECT res.ids FROM res WHERE res.township_id = o.id ORDER BY res.org_id LIMIT 1)) AS residents
       FROM orgs o WHERE o.county_id = ${c.county} AND o.active
         AND o.kind IN ('village_clinic', 'township_center', 'community_center')
     )
     SELECT (row_number() OVER (ORDER BY o.org_id) - 1)::int AS idx,
       CASE WHEN o.kind <> 'village_clinic'
         THEN (row_number() OVER (PARTITION BY o.kind = 'village_clinic' ORDER BY o.org_id) - 1)::int END AS cidx,
       o.org_id, o.kind, o.township_id, o.staff_id, o.residents
     FROM o WHERE o.staff_id IS NOT NULL AND o.residents IS NOT NULL`,
  );
}

/**
 * The request columns from a base select (key, resident_id, requesting_org_id,
 * requesting_staff_id, centre, item_code, priority, requested_at, arrive_s, source, client_id,
 * device_at), with the due time from the turnaround table, the claiming reader, and the first
 * issue mostly inside the limit and a few past it, never after now.
 */
function requestInsert(c: RemoteCtx, salt: string, base: string, cancelled: number): string {
  const n = c.readers.length;
  return `
    WITH b AS (SELECT b.*, i.name AS item_name, i.consent_required,
        b.requested_at + make_interval(secs => b.arrive_s) AS arrived,
        remote_rule_for(b.centre, i.item_group, b.priority, b.requested_at) AS rule
      FROM (${base}) b JOIN remote_items i ON i.code = b.item_code OFFSET 0),
    d AS (SELECT b.*, (b.rule).id AS tid, remote_due(b.arrived, (b.rule).limit_value, (b.rule).limit_unit) AS due,
        ${u(c, `${salt}:o`, 'b.key')} AS uo, ${u(c, `${salt}:f`, 'b.key')} AS uf, ${u(c, `${salt}:a`, 'b.key')} AS ua
      FROM b OFFSET 0),
    e AS (SELECT d.*, d.uo < ${cancelled} AS cancelled,
        least(d.arrived + (d.due - d.arrived) * CASE WHEN d.uo < ${1 - LATE} THEN 0.2 + 0.75 * d.uf ELSE 1.05 + 1.2 * d.uf END,
              ${at(c)} - interval '5 minutes') AS issued,
        (${intArray(c.readers)})[1 + floor(d.ua * ${n})::int] AS reader
      FROM d)
    INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id, centre,
      item_code, item_name, priority, patient_setting, clinical_info, consent_at, consent_by, source, status, requested_at,
      device_at, study_arrived_at, turnaround_id, due_at, claimed_by, claimed_at, issued_at, cancelled_reason, client_id)
    SELECT ${c.county}, e.resident_id, e.requesting_org_id, e.requesting_staff_id, ${c.people}, e.centre, e.item_code,
      e.item_name, e.priority, CASE WHEN e.priority = 'stat' THEN 'emergency' ELSE 'outpatient' END,
      ${pick(['胸闷、心悸 2 天', '高血压随访', '体检', '头晕乏力', '胸痛 1 小时', '咳嗽咳痰一周', '腹痛待查', '糖尿病并发症筛查'], u(c, `${salt}:ci`, 'e.key'))},
      CASE WHEN e.consent_required THEN e.requested_at END, CASE WHEN e.consent_required THEN '患者本人' END,
      e.source, CASE WHEN e.cancelled THEN 'cancelled' ELSE 'issued' END, e.requested_at, e.device_at, e.arrived,
      e.tid, e.due, CASE WHEN NOT e.cancelled THEN e.reader END,
      CASE WHEN NOT e.cancelled THEN e.arrived + (e.issued - e.arrived) * 0.15 END,
      CASE WHEN NOT e.cancelled THEN e.issued END,
      CASE WHEN e.cancelled THEN '患者未到检，申请撤销' END, e.client_id
    FROM e`;
}

/** a year of requests: ECG the largest; imaging and pathology from the township centres only */
async function historyRequests(trx: Kdb, c: RemoteCtx): Promise<void> {
  const v = VOLUME[c.scale];
  const [n] = await rows<{ all: number; centres: number[] }>(
    trx,
    `SELECT count(*)::int AS all, array_agg(idx ORDER BY cidx) FILTER (WHERE cidx IS NOT NULL) AS centres
     FROM seed_remote_src`,
  );
  const e1 = v.ecg;
  const e2 = e1 + v.imaging;
  const e3 = e2 + v.ultrasound;
  const total = e3 + v.pathology;
  const key = `g`;
  const centre = `CASE WHEN g <= ${e1} THEN 'ecg' WHEN g <= ${e2} THEN 'imaging' WHEN g <= ${e3} THEN 'ultrasound' ELSE 'pathology' END`;
  const ui = u(c, 'h:item', key);
  const item = `CASE WHEN g <= ${e1} THEN ${pick(['ECG-12', 'ECG-12', 'ECG-12', 'ECG-12', 'ECG-12', 'ECG-12', 'ECG-12', 'ECG-12', 'ECG-1', 'ECG-HOLTER'], ui)}
      WHEN g <= ${e2} THEN ${pick(['IMG-CXR', 'IMG-CXR', 'IMG-CXR', 'IMG-CXR', 'IMG-CT-HEAD', 'IMG-CT-HEAD', 'IMG-CT-CHEST', 'IMG-CT-CHEST', 'IMG-MRI-HEAD', 'IMG-MRI-LSPINE'], ui)}
      WHEN g <= ${e3} THEN ${pick(['US-ABD', 'US-ABD', 'US-ABD', 'US-HEART', 'US-CAROTID', 'US-THYROID'], ui)}
      ELSE ${pick(['PATH-HISTO', 'PATH-HISTO', 'PATH-CYTO'], ui)} END`;
  const up = u(c, 'h:prio', key);
  const priority = `CASE WHEN g <= ${e1} THEN CASE WHEN ${up} < 0.08 THEN 'stat' WHEN ${up} < 0.2 THEN 'urgent' ELSE 'routine' END
      WHEN g <= ${e2} THEN CASE WHEN ${up} < 0.05 THEN 'stat' WHEN ${up} < 0.2 THEN 'urgent' ELSE 'routine' END
      WHEN g <= ${e3} THEN CASE WHEN ${up} < 0.1 THEN 'urgent' ELSE 'routine' END ELSE 'routine' END`;
  const back = `CASE WHEN g > ${e3} THEN 8 + floor(${u(c, 'h:day', key)} * 356) ELSE 1 + floor(${u(c, 'h:day', key)} * 364) END`;
  const base = `
    SELECT g::text AS key, s.residents[1 + floor(${u(c, 'h:res', key)} * cardinality(s.residents))::int] AS resident_id,
      s.org_id AS requesting_org_id, s.staff_id AS requesting_staff_id, x.centre, x.item AS item_code, x.priority,
      ((date_trunc('day', ${at(c)} AT TIME ZONE 'Asia/Shanghai') - make_interval(days => x.back::int)
        + make_interval(mins => (480 + floor(${u(c, 'h:min', key)} * 660))::int)) AT TIME ZONE 'Asia/Shanghai') AS requested_at,
      floor(${u(c, 'h:arr', key)} * 300)::int AS arrive_s, 'request'::text AS source, NULL::text AS client_id,
      NULL::timestamptz AS device_at
    FROM generate_series(1, ${total}) g
    CROSS JOIN LATERAL (SELECT ${centre} AS centre, ${item} AS item, ${priority} AS priority, ${back} AS back) x
    CROSS JOIN LATERAL (SELECT CASE WHEN x.centre IN ('imaging', 'pathology')
      THEN (${intArray(n.centres)})[1 + floor(${u(c, 'h:src', key)} * ${n.centres.length})::int]
      ELSE floor(${u(c, 'h:src', key)} * ${n.all})::int END AS si) y
    JOIN seed_remote_src s ON s.idx = y.si`;
  await run(trx, requestInsert(c, 'h', base, 0.01));
}

/** every village-kit ECG of the last month became a reading request of the ECG centre (source kit) */
async function kitRequests(trx: Kdb, c: RemoteCtx): Promise<void> {
  const base = `
    SELECT k.device_id || ':' || k.reading_id AS key, k.resident_id, k.org_id AS requesting_org_id,
      k.staff_id AS requesting_staff_id, 'ecg'::text AS centre, CASE WHEN k.ecg_leads = 12 THEN 'ECG-12' ELSE 'ECG-1' END AS item_code,
      'routine'::text AS priority, k.received_at AS requested_at, 0 AS arrive_s, 'kit'::text AS source,
      'kit-' || k.device_id || '-' || k.reading_id AS client_id, k.measured_at AS device_at
    FROM kit_readings k WHERE k.county_id = ${c.county} AND k.kind = 'ecg'`;
  await run(trx, requestInsert(c, 'k', base, 0));
  await run(
    trx,
    `UPDATE kit_readings k SET request_id = r.id FROM remote_requests r
     WHERE r.county_id = ${c.county} AND r.source = 'kit' AND r.client_id = 'kit-' || k.device_id || '-' || k.reading_id`,
  );
}

/** 危急值: about 0.35% of the issued ECGs and a few CT heads (chosen before the reports, which name them) */
async function chooseCriticals(trx: Kdb, c: RemoteCtx): Promise<void> {
  const ecg = ['ECG-AMI', 'ECG-AMI', 'ECG-AMI', 'ECG-VT', 'ECG-PAUSE', 'ECG-AVB', 'ECG-HR-LOW', 'ECG-PREEX-AF'];
  await run(
    trx,
    `CREATE TEMP TABLE seed_remote_crit ON COMMIT DROP AS
     SELECT r.id AS request_id, ${pick(ecg, u(c, 'crit:item', 'r.id'))} AS item_code FROM remote_requests r
     WHERE r.county_id = ${c.county} AND r.status = 'issued' AND r.centre = 'ecg'
       AND r.issued_at < ${at(c)} - interval '12 hours'
     ORDER BY md5('${c.seed}:crit:' || r.id) LIMIT (SELECT ceil(count(*) * 0.0035) FROM remote_requests
       WHERE county_id = ${c.county} AND status = 'issued' AND centre = 'ecg')`,
  );
  await run(
    trx,
    `INSERT INTO seed_remote_crit SELECT r.id, 'IMG-BLEED' FROM remote_requests r
     WHERE r.county_id = ${c.county} AND r.status = 'issued' AND r.item_code = 'IMG-CT-HEAD'
       AND r.issued_at < ${at(c)} - interval '12 hours'
     ORDER BY md5('${c.seed}:crit:' || r.id) LIMIT 2`,
  );
}

/** version 1 of every issued request: author = the claiming reader, reviewer = another; ~2.5% superseded by version 2 */
async function reports(trx: Kdb, c: RemoteCtx): Promise<void> {
  const n = c.readers.length;
  const h = (salt: string) => u(c, `rep:${salt}`, 'r.id');
  const conclusion = `CASE WHEN k.item_code IS NOT NULL THEN ci.name
      WHEN r.centre = 'ecg' THEN ${pick(ECG_CONCLUSIONS, h('c'))}
      WHEN r.centre = 'imaging' THEN ${pick(IMAGING_CONCLUSIONS, h('c'))}
      WHEN r.centre = 'ultrasound' THEN ${pick(US_CONCLUSIONS, h('c'))} ELSE ${pick(PATH_CONCLUSIONS, h('c'))} END`;
  const ecg = (expr: string) => `CASE WHEN r.centre = 'ecg' THEN ${expr} END`;
  await run(
    trx,
    `INSERT INTO remote_reports (county_id, request_id, version, kind, status, rhythm, heart_rate, pr_ms, qrs_ms, qt_ms,
       qtc_ms, axis_deg, findings, conclusion, abnormal, author_id, authored_at, submitted_at, reviewer_id, issued_at,
       superseded_at)
     SELECT r.county_id, r.id, 1, r.centre, CASE WHEN ${h('amend')} < ${AMENDED} THEN 'superseded' ELSE 'issued' END,
       ${ecg(`CASE WHEN ${h('c')} BETWEEN 0.6 AND 0.7 THEN '心房颤动' ELSE '窦性心律' END`)},
       ${ecg(`55 + floor(${h('hr')} * 45)::int`)}, ${ecg(`120 + floor(${h('pr')} * 80)::int`)},
       ${ecg(`80 + floor(${h('qrs')} * 30)::int`)}, ${ecg(`360 + floor(${h('qt')} * 60)::int`)},
       ${ecg(`400 + floor(${h('qtc')} * 40)::int`)}, ${ecg(`-10 + floor(${h('ax')} * 90)::int`)},
       CASE WHEN r.centre = 'ecg' THEN '节律规整，各导联 P 波、QRS 波群形态及 ST-T 见测量值' ELSE '见影像所示' END,
       ${conclusion}, k.item_code IS NOT NULL OR ${h('c')} >= 0.4,
       r.claimed_by, r.claimed_at, r.issued_at - (r.issued_at - r.claimed_at) * 0.35,
       (${intArray(c.readers)})[1 + (array_position(${intArray(c.readers)}, r.claimed_by) + floor(${h('rv')} * ${n - 1})::int) % ${n}],
       r.issued_at,
       CASE WHEN ${h('amend')} < ${AMENDED} THEN least(r.issued_at + make_interval(mins => (60 + floor(${h('sup')} * 2800))::int),
         ${at(c)} - interval '1 minute') END
     FROM remote_requests r
     LEFT JOIN seed_remote_crit k ON k.request_id = r.id
     LEFT JOIN remote_critical_items ci ON ci.code = k.item_code
     WHERE r.county_id = ${c.county} AND r.status = 'issued'
       AND NOT EXISTS (SELECT 1 FROM remote_reports p WHERE p.request_id = r.id)`,
  );
  await run(
    trx,
    `INSERT INTO remote_reports (county_id, request_id, version, kind, status, rhythm, heart_rate, pr_ms, qrs_ms, qt_ms,
       qtc_ms, axis_deg, findings, conclusion, abnormal, author_id, authored_at, submitted_at, reviewer_id, issued_at,
       amends_report_id, amendment_reason)
     SELECT p.county_id, p.request_id, 2, p.kind, 'issued', p.rhythm, p.heart_rate + 2, p.pr_ms, p.qrs_ms, p.qt_ms,
       p.qtc_ms, p.axis_deg, p.findings, p.conclusion, p.abnormal, p.author_id,
       greatest(p.issued_at, p.superseded_at - interval '20 minutes'),
       p.superseded_at - (p.superseded_at - greatest(p.issued_at, p.superseded_at - interval '20 minutes')) / 3,
       p.reviewer_id, p.superseded_at, p.id,
       ${pick(['心率测量值更正', '补充描述：左侧胸导联 ST 段改变', '患者信息核对后更正结论', '测量间期更正'], u(c, 'rep:why', 'p.id'))}
     FROM remote_reports p WHERE p.county_id = ${c.county} AND p.status = 'superseded'`,
  );
}

/** 结果互认: about 5% of the recognisable issued requests were asked for again within the window and reused */
async function recognised(trx: Kdb, c: RemoteCtx): Promise<void> {
  await run(
    trx,
    `INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id, centre,
       item_code, item_name, priority, clinical_info, source, status, requested_at, recognised_report_id)
     SELECT r.county_id, r.resident_id, r.requesting_org_id, r.requesting_staff_id, r.reading_org_id, r.centre,
       r.item_code, r.item_name, 'routine', '复诊，近期已做同项检查', 'request', 'recognised',
       least(p.issued_at + make_interval(mins => floor(${u(c, 'rec:t', 'r.id')} * (i.recognise_days - 1) * 1440)::int + 60),
         ${at(c)} - interval '1 hour'),
       p.id
     FROM remote_requests r
     JOIN remote_items i ON i.code = r.item_code AND i.recognise_days IS NOT NULL
     JOIN remote_reports p ON p.request_id = r.id AND p.status = 'issued'
     WHERE r.county_id = ${c.county} AND r.status = 'issued' AND r.source = 'request'
       AND ${u(c, 'rec', 'r.id')} < 0.05 AND p.issued_at < ${at(c)} - interval '2 hours'`,
  );
}
