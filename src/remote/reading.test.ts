import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

const key = () => `t-${randomUUID()}`;
// Thursday 2026-03-05 10:00 Shanghai
let clock = new Date('2026-03-05T02:00:00Z');
const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('remote diagnosis: requests, the worklist, claims and reviewed reports (issue 12 §1, §3)', () => {
  let env: TestEnv;
  let w: RemoteWorld;
  beforeAll(async () => {
    env = await createTestEnv({ now: () => clock });
    w = await remoteWorld(env);
  }, 120_000);
  afterAll(() => env.close());

  const ecgDraft = {
    rhythm: '窦性心律',
    heartRate: 96,
    prMs: 160,
    qrsMs: 96,
    qtMs: 380,
    qtcMs: 440,
    axisDeg: 60,
    findings: 'II、III、aVF 导联 ST 段抬高 0.3 mV，I、aVL 导联 ST 段压低',
    conclusion: '急性下壁心肌梗死',
    abnormal: true,
  };

  async function requestEcg(priority: 'stat' | 'routine' = 'routine') {
    const res = await w.village.post(
      '/api/remote/requests',
      { residentId: w.ids.resident, itemCode: 'ECG-12', priority, clinicalInfo: '胸痛 2 小时' },
      { 'idempotency-key': key() },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number; accession: string; dueAt: string; status: string }>();
  }

  it('a village doctor asks for a reading: accession number, due time from the turnaround table, idempotent', async () => {
    const k = key();
    const body = { residentId: w.ids.resident, itemCode: 'ECG-12', priority: 'stat', clinicalInfo: '胸闷' };
    const first = await w.village.post('/api/remote/requests', body, { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    const r = first.json<{ id: number; accession: string; dueAt: string; status: string; requestedAt: string }>();
    expect(r.accession).toMatch(/^R260305\d{7}$/);
    expect(new Date(r.dueAt).getTime() - new Date(r.requestedAt).getTime()).toBe(10 * 60_000);
    expect(r.status).toBe('awaiting_study');
    const again = await w.village.post('/api/remote/requests', body, { 'idempotency-key': k });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(r.id);
    const other = await w.village.post(
      '/api/remote/requests',
      { ...body, priority: 'routine' },
      { 'idempotency-key': k },
    );
    expect(other.statusCode).toBe(422);
  });

  it('an item needing consent is refused without it, and an unknown item is refused; nothing is stored', async () => {
    const before = await env.asOwner(`SELECT count(*)::int AS n FROM remote_requests`);
    const noConsent = await w.township.post(
      '/api/remote/requests',
      { residentId: w.ids.resident, itemCode: 'PATH-HISTO', priority: 'routine' },
      { 'idempotency-key': key() },
    );
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().message).toContain('知情同意');
    const unknown = await w.village.post(
      '/api/remote/requests',
      { residentId: w.ids.resident, itemCode: 'NOPE-1', priority: 'routine' },
      { 'idempotency-key': key() },
    );
    expect(unknown.statusCode).toBe(422);
    const after = await env.asOwner(`SELECT count(*)::int AS n FROM remote_requests`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('the worklist puts stat before routine, by due time, and shows overdue', async () => {
    const routine = await insertRequest(env, w, { priority: 'routine' });
    const stat = await insertRequest(env, w, { priority: 'stat' });
    advance(15); // the stat ECG (10 min) is now overdue
    const list = (await w.reader.get('/api/remote/worklist?centre=ecg')).json<{
      items: Array<{ id: number; overdue: boolean; minutesToDue: number }>;
    }>().items;
    const iStat = list.findIndex((x) => x.id === stat.id);
    const iRoutine = list.findIndex((x) => x.id === routine.id);
    expect(iStat).toBeGreaterThanOrEqual(0);
    expect(iStat).toBeLessThan(iRoutine);
    expect(list[iStat].overdue).toBe(true);
    expect(list[iStat].minutesToDue).toBe(-5);
    expect(list[iRoutine].overdue).toBe(false);
  });

  it('two readers claim the same study: one wins, the other is told who has it', async () => {
    const r = await insertRequest(env, w);
    const [a, b] = await Promise.all([
      w.reader.post(`/api/remote/requests/${r.id}/claim`),
      w.reader2.post(`/api/remote/requests/${r.id}/claim`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('ALREADY_CLAIMED');
  });

  it('draft → submit → the author cannot sign (the database refuses) → a second reader signs', async () => {
    const r = await insertRequest(env, w);
    expect((await w.reader.post(`/api/remote/requests/${r.id}/claim`)).statusCode).toBe(200);
    // the other reader cannot write on a study they did not claim
    expect((await w.reader2.put(`/api/remote/requests/${r.id}/report`, ecgDraft)).statusCode).toBe(409);
    const saved = await w.reader.put(`/api/remote/requests/${r.id}/report`, { ...ecgDraft, conclusion: '' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await w.reader.post(`/api/remote/requests/${r.id}/report/submit`)).json().code).toBe('CONCLUSION_REQUIRED');
    await w.reader.put(`/api/remote/requests/${r.id}/report`, ecgDraft);
    expect((await w.reader.post(`/api/remote/requests/${r.id}/report/submit`)).statusCode).toBe(200);
    const detail = (await w.reader.get(`/api/remote/requests/${r.id}`)).json<{
      status: string;
      reports: Array<{ id: number }>;
    }>();
    expect(detail.status).toBe('in_review');
    const reportId = detail.reports[0].id;
    const self = await w.reader.post(`/api/remote/reports/${reportId}/issue`);
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('REVIEWER_IS_AUTHOR');
    // and straight at the database, past the service: the constraint holds
    await expect(
      env.asOwner(
        `UPDATE remote_reports SET status = 'issued', reviewer_id = author_id, issued_at = now() WHERE id = ${reportId}`,
      ),
    ).rejects.toThrow(/remote_reports_reviewer_not_author/);
    advance(3);
    expect((await w.reader2.post(`/api/remote/reports/${reportId}/issue`)).statusCode).toBe(200);
    const issued = (await w.village.get(`/api/remote/requests/${r.id}`)).json<{
      status: string;
      currentVersion: number;
      reports: Array<{ status: string; reviewerId: number; authorId: number }>;
    }>();
    expect(issued.status).toBe('issued');
    expect(issued.currentVersion).toBe(1);
    expect(issued.reports[0]).toMatchObject({ status: 'issued', reviewerId: w.ids.reader2, authorId: w.ids.reader });
    const notes = await env.asOwner(`SELECT kind, org_id FROM remote_notifications WHERE request_id = ${r.id}`);
    expect(notes).toEqual([{ kind: 'report', org_id: w.ids.villageOrg }]);
  });

  it('an issued report never changes; an amendment is version 2 and the requester sees which one they acted on', async () => {
    const r = await insertRequest(env, w, { status: 'claimed' });
    await w.reader.put(`/api/remote/requests/${r.id}/report`, ecgDraft);
    await w.reader.post(`/api/remote/requests/${r.id}/report/submit`);
    const [v1] = await env.asOwner(`SELECT id FROM remote_reports WHERE request_id = ${r.id}`);
    await w.reader2.post(`/api/remote/reports/${v1.id}/issue`);
    await expect(
      env.asOwner(`UPDATE remote_reports SET conclusion = '正常心电图' WHERE id = ${v1.id}`),
    ).rejects.toThrow(/不可修改/);
    await expect(env.asOwner(`DELETE FROM remote_reports WHERE id = ${v1.id}`)).rejects.toThrow(/不可删除/);
    // the village doctor reads version 1 and acts on it
    expect((await w.village.post(`/api/remote/requests/${r.id}/read`)).json().myReadVersion).toBe(1);
    advance(60);
    expect(
      (await w.reader2.post(`/api/remote/requests/${r.id}/amend`, { reason: '补充：合并右室受累' })).statusCode,
    ).toBe(200);
    await w.reader2.put(`/api/remote/requests/${r.id}/report`, { ...ecgDraft, conclusion: '急性下壁合并右室心肌梗死' });
    await w.reader2.post(`/api/remote/requests/${r.id}/report/submit`);
    const [v2] = await env.asOwner(`SELECT id FROM remote_reports WHERE request_id = ${r.id} AND version = 2`);
    expect((await w.reader2.post(`/api/remote/reports/${v2.id}/issue`)).statusCode).toBe(422);
    expect((await w.reader.post(`/api/remote/reports/${v2.id}/issue`)).statusCode).toBe(200);
    const seen = (await w.village.get(`/api/remote/requests/${r.id}`)).json<{
      currentVersion: number;
      myReadVersion: number;
      reports: Array<{ version: number; status: string; conclusion: string }>;
    }>();
    expect(seen.currentVersion).toBe(2);
    expect(seen.myReadVersion).toBe(1);
    expect(seen.reports.map((p) => [p.version, p.status, p.conclusion])).toEqual([
      [1, 'superseded', '急性下壁心肌梗死'],
      [2, 'issued', '急性下壁合并右室心肌梗死'],
    ]);
    const kinds = await env.asOwner(`SELECT kind FROM remote_notifications WHERE request_id = ${r.id} ORDER BY id`);
    expect(kinds.map((k) => k.kind)).toEqual(['report', 'amendment']);
  });

  it('结果互认: a recent issued report of the same item is offered and reused instead of a new study', async () => {
    const r = await insertRequest(env, w, { status: 'claimed' });
    await w.reader.put(`/api/remote/requests/${r.id}/report`, {
      ...ecgDraft,
      conclusion: '窦性心律，正常心电图',
      abnormal: false,
    });
    await w.reader.post(`/api/remote/requests/${r.id}/report/submit`);
    const [rep] = await env.asOwner(`SELECT id FROM remote_reports WHERE request_id = ${r.id}`);
    await w.reader2.post(`/api/remote/reports/${rep.id}/issue`);
    advance(24 * 60);
    const offers = (await w.township.get(`/api/remote/recognition?residentId=${w.ids.resident}&itemCode=ECG-12`)).json<
      Array<{ reportId: number }>
    >();
    expect(offers.map((o) => o.reportId)).toContain(rep.id);
    const reuse = await w.township.post(
      '/api/remote/requests',
      { residentId: w.ids.resident, itemCode: 'ECG-12', priority: 'routine', recogniseReportId: Number(rep.id) },
      { 'idempotency-key': key() },
    );
    expect(reuse.statusCode, reuse.body).toBe(201);
    expect(reuse.json()).toMatchObject({ status: 'recognised', recognisedFrom: { accession: r.accession } });
    // past its 7-day window it is no longer offered
    advance(7 * 24 * 60);
    const late = (await w.township.get(`/api/remote/recognition?residentId=${w.ids.resident}&itemCode=ECG-12`)).json<
      Array<{ reportId: number }>
    >();
    expect(late.map((o) => o.reportId)).not.toContain(rep.id);
  });

  it('an exam order read by a centre flows into the worklist and leaves it as reported', async () => {
    const order = await w.village.post(
      '/api/exam-orders',
      { residentId: w.ids.resident, itemCode: 'US-ABD', urgency: 'routine' },
      { 'idempotency-key': key() },
    );
    expect(order.statusCode).toBe(201);
    const [req] = await env.asOwner(
      `SELECT id, status, source, centre FROM remote_requests WHERE exam_order_id = ${order.json().id}`,
    );
    expect(req).toMatchObject({ status: 'awaiting_study', source: 'exam_order', centre: 'ultrasound' });
    await env.asOwner(
      `UPDATE exam_orders SET status = 'performed', performed_at = now() WHERE id = ${order.json().id}`,
    );
    const open = (await w.reader.get('/api/remote/worklist?centre=ultrasound')).json<{
      items: Array<{ id: number; status: string }>;
    }>();
    expect(open.items.find((x) => x.id === req.id)?.status).toBe('ready');
    await w.reader.post(`/api/remote/requests/${req.id}/claim`);
    await w.reader.put(`/api/remote/requests/${req.id}/report`, {
      findings: '肝胆胰脾未见明显异常',
      conclusion: '腹部超声未见异常',
    });
    await w.reader.post(`/api/remote/requests/${req.id}/report/submit`);
    const [rep] = await env.asOwner(`SELECT id FROM remote_reports WHERE request_id = ${req.id}`);
    expect((await w.reader2.post(`/api/remote/reports/${rep.id}/issue`)).statusCode).toBe(200);
    const [exam] = await env.asOwner(`SELECT status, result_text FROM exam_orders WHERE id = ${order.json().id}`);
    expect(exam).toEqual({ status: 'reported', result_text: '腹部超声未见异常' });
  });

  it('a requester sees only their own org: another township gets 404 on every request route', async () => {
    const r = await requestEcg();
    const other = await env.login('township.doctor');
    // a doctor of another township: made by copying the demo township doctor to the other centre
    await env.asOwner(
      `INSERT INTO staff (county_id, org_id, username, display_name, roles, password_hash, must_change_password)
       SELECT county_id, ${w.ids.otherTownshipOrg}, 'township.other', '外乡医生', roles, password_hash, false
       FROM staff WHERE username = 'township.doctor' ON CONFLICT DO NOTHING`,
    );
    const stranger = await env.login('township.other');
    expect((await stranger.get(`/api/remote/requests/${r.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/remote/requests/${r.id}/cancel`, { reason: '误开' })).statusCode).toBe(404);
    expect((await stranger.post(`/api/remote/requests/${r.id}/read`)).statusCode).toBe(404);
    const listed = (await stranger.get('/api/remote/requests')).json<{ items: Array<{ id: number }> }>();
    expect(listed.items.map((x) => x.id)).not.toContain(r.id);
    // the village's own township (its parent) does see it
    expect((await other.get(`/api/remote/requests/${r.id}`)).statusCode).toBe(200);
    // and a village doctor may not claim or report
    expect((await w.village.post(`/api/remote/requests/${r.id}/claim`)).statusCode).toBe(403);
  });

  it('the requester cancels before the centre starts, not after', async () => {
    const r = await requestEcg();
    expect(
      (await w.village.post(`/api/remote/requests/${r.id}/cancel`, { reason: '患者已转上级医院' })).json().status,
    ).toBe('cancelled');
    const claimed = await insertRequest(env, w, { status: 'claimed' });
    const refused = await w.village.post(`/api/remote/requests/${claimed.id}/cancel`, { reason: '误开' });
    expect(refused.statusCode).toBe(409);
  });
});
