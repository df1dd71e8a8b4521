import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, readXlsx, type TestEnv } from '../platform/test-helpers.ts';
import type { RemoteFigure, RemoteFigures } from './figures.schema.ts';
import { remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * 远程诊断统计 against the real database: hand-made requests, reports, critical values, kit
 * readings and consultations in March 2019 and 2020 (Shanghai) must come out of the
 * indicator_remote_*_v01 views with exactly the numerators and denominators a person counts
 * by hand. The tiny county has no remote data of its own.
 */

let env: TestEnv;
let w: RemoteWorld;
let otherVillage: number;
let otherDoctor: number;
let requests: number[] = [];

const one = async (q: string) => (await env.asOwner(q))[0];
const ts = (t: string) => `'${t}+08'::timestamptz`;
const Q = '/api/remote/figures?from=2020-03&to=2020-03';

/** an ECG reading request issued at `issued` (Shanghai), requested 10:00 the same day: due 10:30 */
async function issuedEcg(day: string, issued: string, org = w.ids.villageOrg, staff = w.ids.villageDoctor) {
  const row = await one(`
    INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id,
      centre, item_code, item_name, priority, requested_at, study_arrived_at, status, issued_at)
    VALUES (${env.countyId}, ${w.ids.resident}, ${org}, ${staff}, ${w.ids.peopleOrg}, 'ecg', 'ECG-12',
      '十二导联心电图', 'routine', ${ts(`${day} 10:00`)}, ${ts(`${day} 10:00`)}, 'issued', ${ts(`${day} ${issued}`)})
    RETURNING id`);
  const id = Number(row.id);
  return id;
}

async function report(request: number, version: number, status: string, submitted: string, issued: string) {
  const prev =
    version === 1
      ? 'NULL'
      : `(SELECT id FROM remote_reports WHERE request_id = ${request} AND version = ${version - 1})`;
  await env.asOwner(`
    INSERT INTO remote_reports (county_id, request_id, version, kind, status, findings, conclusion, author_id,
      authored_at, submitted_at, reviewer_id, issued_at, superseded_at, amends_report_id, amendment_reason)
    VALUES (${env.countyId}, ${request}, ${version}, 'ecg', '${status}', '窦性心律', '正常心电图', ${w.ids.reader},
      ${ts(submitted)}, ${ts(submitted)}, ${w.ids.reader2}, ${ts(issued)},
      ${status === 'superseded' ? ts(issued) : 'NULL'}, ${prev}, ${version === 1 ? 'NULL' : "'心率测量更正'"})`);
}

async function critical(request: number, notified: string, ackMin: number, actedMin: number | null) {
  const at = (m: number) => `${ts(notified)} + interval '${m} minutes'`;
  const row = await one(`
    INSERT INTO remote_criticals (county_id, request_id, requesting_org_id, item_code, detail, status, flagged_by,
      flagged_at, checked_by, checked_at, notified_at, ack_by, ack_at, readback, acted_by, acted_at, action_text)
    VALUES (${env.countyId}, ${request}, ${w.ids.villageOrg}, 'ECG-AMI', '急性下壁心肌梗死', '${actedMin === null ? 'acknowledged' : 'acted'}',
      ${w.ids.reader}, ${at(-2)}, ${w.ids.reader2}, ${at(-1)}, ${ts(notified)}, ${w.ids.villageDoctor}, ${at(ackMin)},
      '急性下壁心肌梗死', ${actedMin === null ? 'NULL' : w.ids.villageDoctor}, ${actedMin === null ? 'NULL' : at(actedMin)},
      ${actedMin === null ? 'NULL' : "'已转诊'"})
    RETURNING id`);
  return Number(row.id);
}

async function consult(created: string, org = w.ids.villageOrg, staff = w.ids.villageDoctor) {
  await env.asOwner(`
    INSERT INTO remote_consults (county_id, resident_id, requesting_org_id, requesting_staff_id, invited_org_id, mode,
      purpose, clinical_summary, created_at)
    VALUES (${env.countyId}, ${w.ids.resident}, ${org}, ${staff}, ${w.ids.peopleOrg}, 'async', '明确诊断', '胸痛三天', ${ts(created)})`);
}

const fig = (d: RemoteFigures, key: string): RemoteFigure => {
  const f = d.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};
const cell = (f: { numerator: number | null; denominator: number | null; value: number | null }) => [
  f.numerator,
  f.denominator,
  f.value,
];

beforeAll(async () => {
  env = await createTestEnv({ now: () => new Date('2020-03-31T04:00:00Z') });
  w = await remoteWorld(env);
  const v = await one(`SELECT o.id, s.id AS staff FROM orgs o JOIN staff s ON s.org_id = o.id
    WHERE o.parent_id = ${w.ids.otherTownshipOrg} AND o.kind = 'village_clinic' ORDER BY o.id LIMIT 1`);
  otherVillage = Number(v.id);
  otherDoctor = Number(v.staff);
  // four routine ECGs from the village, due 10:30: three issued in time, one at 10:45
  requests = [
    await issuedEcg('2020-03-10', '10:20'),
    await issuedEcg('2020-03-11', '10:25'),
    await issuedEcg('2020-03-12', '10:29'),
    await issuedEcg('2020-03-13', '10:45'),
  ];
  // review lags 4, 6, 8, 10 minutes → median 7
  await report(requests[0], 1, 'issued', '2020-03-10 10:16', '2020-03-10 10:20');
  await report(requests[1], 1, 'issued', '2020-03-11 10:19', '2020-03-11 10:25');
  await report(requests[2], 1, 'issued', '2020-03-12 10:21', '2020-03-12 10:29');
  // the fourth was amended: version 1 superseded, version 2 issued
  await report(requests[3], 1, 'superseded', '2020-03-13 10:35', '2020-03-13 10:45');
  await report(requests[3], 2, 'issued', '2020-03-13 11:00', '2020-03-13 11:05');
  // two critical values: acknowledged at 6 and 20 minutes; the second escalated at 15 minutes
  await critical(requests[0], '2020-03-10 10:12', 6, 25);
  const late = await critical(requests[3], '2020-03-13 10:40', 20, null);
  await env.asOwner(`INSERT INTO remote_escalations (county_id, critical_id, level, due_at, created_at, target_org_id)
    VALUES (${env.countyId}, ${late}, 'unacknowledged_15', ${ts('2020-03-13 10:55')}, ${ts('2020-03-13 10:55')}, ${w.ids.villageOrg})`);
  // one from another township's village, in time: not the township doctor's
  const other = await issuedEcg('2020-03-14', '10:10', otherVillage, otherDoctor);
  await report(other, 1, 'issued', '2020-03-14 10:05', '2020-03-14 10:10');
  // 结果互认: a fifth ECG in the village closed as recognised on the first one's report
  await env.asOwner(`
    INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id,
      centre, item_code, item_name, priority, requested_at, status, recognised_report_id)
    SELECT ${env.countyId}, ${w.ids.resident}, ${w.ids.villageOrg}, ${w.ids.villageDoctor}, ${w.ids.peopleOrg},
      'ecg', 'ECG-12', '十二导联心电图', 'routine', ${ts('2020-03-15 09:00')}, 'recognised', id
    FROM remote_reports WHERE request_id = ${requests[0]}`);
  // village kit: one ECG and two BP readings in the village (one village of the tiny county's four)
  await env.asOwner(`
    INSERT INTO kit_devices (id, county_id, org_id, model) VALUES ('KIT-T-0001', ${env.countyId}, ${w.ids.villageOrg}, '健康一体机');
    INSERT INTO kit_readings (device_id, reading_id, county_id, org_id, resident_id, staff_id, kind, systolic, diastolic,
      heart_rate, ecg_leads, measured_at, received_at)
    VALUES
      ('KIT-T-0001', 'r-0001', ${env.countyId}, ${w.ids.villageOrg}, ${w.ids.resident}, ${w.ids.villageDoctor}, 'ecg', NULL, NULL, 72, 1, ${ts('2020-03-05 09:00')}, ${ts('2020-03-05 09:01')}),
      ('KIT-T-0001', 'r-0002', ${env.countyId}, ${w.ids.villageOrg}, ${w.ids.resident}, ${w.ids.villageDoctor}, 'bp', 150, 90, NULL, NULL, ${ts('2020-03-05 09:05')}, ${ts('2020-03-05 09:06')}),
      ('KIT-T-0001', 'r-0003', ${env.countyId}, ${w.ids.villageOrg}, ${w.ids.resident}, ${w.ids.villageDoctor}, 'bp', 130, 80, NULL, NULL, ${ts('2020-02-05 09:05')}, ${ts('2020-02-05 09:06')})`);
  // consultations: two in March 2019, three in March 2020 (one from the other township)
  await consult('2019-03-02 09:00');
  await consult('2019-03-09 09:00');
  await consult('2020-03-03 09:00');
  await consult('2020-03-04 09:00');
  await consult('2020-03-05 09:00', otherVillage, otherDoctor);
}, 120_000);
afterAll(() => env.close());

describe('远程诊断统计: each view counts what its definition says', () => {
  it('turnaround: 4 of 5 issued within the limit; the township doctor sees 3 of their 4', async () => {
    const county = (await w.county.get(Q)).statusCode;
    expect(county).toBe(403); // county doctors are not figure readers
    const admin = await env.login('admin');
    const d = (await admin.get(Q)).json<RemoteFigures>();
    expect(cell(fig(d, 'within_limit'))).toEqual([4, 5, 80]);
    expect(d.turnaround).toEqual([
      { centre: 'ecg', priority: 'routine', numerator: 4, denominator: 5, value: 80, medianMin: 25 },
    ]);
    expect(fig(d, 'within_limit').definition).toContain('应出报告时间');
    expect(fig(d, 'within_limit').view).toBe('db/views/indicator_remote_turnaround_v01.sql');
    const t = (await w.township.get(Q)).json<RemoteFigures>();
    expect(t.townshipId).toBe(w.ids.townshipOrg);
    expect(cell(fig(t, 'within_limit'))).toEqual([3, 4, 75]);
    expect(fig(t, 'within_limit').byTownship?.map((x) => x.id)).toEqual([String(w.ids.townshipOrg)]);
  });

  it('review lag median, amendment rate and critical-value rate over the township’s issued requests', async () => {
    const d = (await w.township.get(Q)).json<RemoteFigures>();
    expect(cell(fig(d, 'review_lag_p50'))).toEqual([null, 4, 7]);
    expect(cell(fig(d, 'amendment_rate'))).toEqual([1, 4, 25]);
    expect(cell(fig(d, 'critical_rate'))).toEqual([2, 4, 50]);
  });

  it('critical values: median acknowledgement 13 min, 1 of 2 within 15 min, 1 acted within 30, 0 documented, 1 escalation', async () => {
    const d = (await w.reader.get(Q)).json<RemoteFigures>();
    expect(cell(fig(d, 'ack_p50'))).toEqual([null, 2, 13]);
    expect(cell(fig(d, 'ack_15min'))).toEqual([1, 2, 50]);
    expect(cell(fig(d, 'acted_30min'))).toEqual([1, 2, 50]);
    expect(cell(fig(d, 'documented_6h'))).toEqual([0, 2, 0]);
    expect(cell(fig(d, 'escalations'))).toEqual([1, null, 1]);
  });

  it('结果互认率, readings per township, village ECG coverage', async () => {
    const d = (await w.township.get(Q)).json<RemoteFigures>();
    // ECG-12 allows recognition: 5 requests of the township in March, 1 recognised
    expect(cell(fig(d, 'recognition_rate'))).toEqual([1, 5, 20]);
    // March: 2 kit readings + 5 requests (the February BP is outside the period)
    expect(cell(fig(d, 'readings'))).toEqual([7, null, 7]);
    // the township has two villages; one sent an ECG
    expect(cell(fig(d, 'ecg_coverage'))).toEqual([1, 2, 50]);
    const county = (await (await env.login('bureau')).get(Q)).json<RemoteFigures>();
    expect(cell(fig(county, 'ecg_coverage'))).toEqual([1, 4, 25]);
    expect(fig(county, 'ecg_coverage').byTownship?.map((x) => [x.numerator, x.denominator])).toEqual([
      [1, 2],
      [0, 2],
    ]);
    expect(cell(fig(county, 'readings'))).toEqual([8, null, 8]);
  });

  it('consultations per month and year-on-year growth: 3 against 2 is +50%', async () => {
    const d = (await w.reader.get(Q)).json<RemoteFigures>();
    expect(cell(fig(d, 'consults'))).toEqual([3, null, 3]);
    expect(cell(fig(d, 'consult_growth'))).toEqual([3, 2, 50]);
    const t = (await w.township.get(Q)).json<RemoteFigures>();
    expect(cell(fig(t, 'consult_growth'))).toEqual([2, 2, 0]);
  });

  it('filters by centre: no imaging requests, so nothing counts', async () => {
    const d = (await w.reader.get(`${Q}&centre=imaging`)).json<RemoteFigures>();
    expect(cell(fig(d, 'within_limit'))).toEqual([0, 0, null]);
    expect(d.turnaround).toEqual([]);
  });
});

describe('远程诊断统计: who sees what', () => {
  it('a township doctor asking for another township is refused; the county can pick one', async () => {
    const res = await w.township.get(`${Q}&townshipId=${w.ids.otherTownshipOrg}`);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toContain('本乡镇');
    const d = (await w.reader.get(`${Q}&townshipId=${w.ids.otherTownshipOrg}`)).json<RemoteFigures>();
    expect(cell(fig(d, 'within_limit'))).toEqual([1, 1, 100]);
  });

  it('village doctors have no figures; bad input is a Chinese 400', async () => {
    expect((await w.village.get(Q)).statusCode).toBe(403);
    const bad = await w.reader.get('/api/remote/figures?from=2020-05&to=2020-03');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('起始月份');
    expect((await w.reader.get('/api/remote/figures?centre=xray')).statusCode).toBe(400);
  });

  it('exports the figures as Excel with their definitions', async () => {
    const res = await w.reader.get(`/api/remote/figures/export?from=2020-03&to=2020-03`);
    expect(res.statusCode).toBe(200);
    const rows = readXlsx(res.rawPayload);
    const header = rows[0];
    expect(header).toContain('定义');
    const total = rows.find((r) => r[0] === '报告时限达标率' && r[1] === '合计');
    expect(total?.slice(3, 6)).toEqual(['4', '5', '80']);
  });
});
