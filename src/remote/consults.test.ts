import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, readXlsx, type TestEnv } from '../platform/test-helpers.ts';
import { applyBody, consultWorld, step, type ConsultView, type ConsultWorld } from './consults.test-kit.ts';

/**
 * 远程会诊 through the API against the real database (issue 12 §5): both modes end to end,
 * consent before scheduling (the database's rule), the requesting institution's decision,
 * idempotent applications, steps out of order, and who sees what. The clock is injected.
 */
let clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: ConsultWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await consultWorld(env);
}, 120_000);
afterAll(async () => {
  await env?.close();
});
const tick = (min: number) => {
  clock = new Date(clock.getTime() + min * 60_000);
  return clock.toISOString();
};
const owner = async (q: string) => (await env.asOwner(q))[0];

async function applied(over: Record<string, unknown> = {}): Promise<ConsultView> {
  const res = await w.township.post('/api/remote/consults', applyBody(w, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ConsultView>();
}
/** one consultation taken to `upTo` (accepted, consented, scheduled, held) by the expected people */
async function takeTo(c: ConsultView, upTo: 'accept' | 'consent' | 'schedule' | 'hold'): Promise<ConsultView> {
  const order = ['accept', 'consent', 'schedule', 'hold'] as const;
  let v = c;
  for (const s of order.slice(0, order.indexOf(upTo) + 1)) {
    const done =
      (s === 'accept' && v.status !== 'applied') ||
      (s === 'consent' && v.consentAt !== null) ||
      (s === 'schedule' && v.status !== 'accepted');
    if (done) continue;
    const who = s === 'consent' ? w.township : w.expert;
    const body: Record<string, unknown> =
      s === 'consent'
        ? { consentBy: '患者本人' }
        : s === 'schedule'
          ? { scheduledAt: tick(60), videoLink: 'https://meet.example.cn/r/123' }
          : s === 'hold'
            ? { startedAt: clock.toISOString(), endedAt: tick(30) }
            : {};
    const r = await step(who, v.id, s, { version: v.version, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    v = r.body;
  }
  return v;
}

describe('the whole consultation', () => {
  it('scheduled (video): applied → accepted with the table fee → consent → scheduled → held → opinion → decision → closed', async () => {
    const c = await applied();
    expect(c).toMatchObject({ status: 'applied', mode: 'scheduled', side: 'requesting', steps: ['consent', 'cancel'] });
    expect(c.patientName).toBeTruthy();

    // the invited expert sees it in 邀请我的, with the steps that are theirs
    const inbox = (await w.expert.get('/api/remote/consults?direction=incoming')).json<{ items: ConsultView[] }>();
    expect(inbox.items.map((i) => i.id)).toContain(c.id);
    const seen = (await w.expert.get(`/api/remote/consults/${c.id}`)).json<ConsultView>();
    expect(seen).toMatchObject({ side: 'invited', steps: ['accept', 'decline'], patientName: c.patientName });
    const notice = await owner(
      `SELECT count(*)::int AS n FROM remote_notifications WHERE consult_id = ${c.id} AND org_id = ${w.ids.peopleOrg}
         AND staff_id = ${w.expertId} AND kind = 'consult'`,
    );
    expect(notice.n).toBe(1);

    const accepted = await takeTo(c, 'accept');
    expect(accepted).toMatchObject({ status: 'accepted', feeFen: 20000 });
    const held = await takeTo(accepted, 'hold');
    expect(held).toMatchObject({ status: 'held', videoLink: 'https://meet.example.cn/r/123' });
    expect(held.steps).toEqual(['opinion']);

    tick(10);
    const signed = await step(w.expert, c.id, 'opinion', {
      version: held.version,
      opinion: '考虑后循环缺血，建议头颅 MRI 及颈动脉彩超，控制血压。',
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'opinion_signed', opinionByName: '郭卫东' });
    const decided = await step(w.township, c.id, 'decide', {
      version: signed.body.version,
      decision: '采纳会诊意见，预约头颅 MRI，调整降压方案。',
    });
    expect(decided.status).toBe(200);
    const closed = await step(w.township, c.id, 'close', { version: decided.body.version });
    expect(closed.body).toMatchObject({ status: 'closed', steps: [] });
    expect(closed.body.timeline.map((e) => e.action)).toEqual([
      'applied',
      'accepted',
      'consent',
      'scheduled',
      'held',
      'opinion_signed',
      'decided',
      'closed',
    ]);
    // every step audited, and the requesting doctor's inbox heard of each of the expert's steps
    const audit = await owner(
      `SELECT count(*)::int AS n FROM audit_log WHERE resource = 'remote_consult' AND resource_id = '${c.id}'`,
    );
    expect(audit.n).toBe(8);
    const mine = await owner(
      `SELECT count(*)::int AS n FROM remote_notifications WHERE consult_id = ${c.id} AND org_id = ${w.ids.townshipOrg}`,
    );
    expect(mine.n).toBe(4); // accepted, scheduled, held, opinion
  });

  it('async (document): accepted → consent → opinion without any scheduling → decision → closed', async () => {
    const c = await applied({ mode: 'async', invitedStaffId: undefined });
    const accepted = await step(w.expert, c.id, 'accept', { version: c.version, feeFen: 5000 });
    expect(accepted.body).toMatchObject({ status: 'accepted', feeFen: 5000 });
    const schedule = await step(w.expert, c.id, 'schedule', {
      version: accepted.body.version,
      scheduledAt: tick(60),
      videoLink: 'https://meet.example.cn/x',
    });
    expect(schedule.status).toBe(422);
    const consent = await step(w.township, c.id, 'consent', {
      version: accepted.body.version,
      consentBy: '患者之子 李强',
    });
    expect(consent.body).toMatchObject({ status: 'accepted', consentBy: '患者之子 李强' });
    expect(consent.body.consentAt).toBe(clock.toISOString());
    const signed = await step(w.expert, c.id, 'opinion', { version: consent.body.version, opinion: '同意目前诊断。' });
    expect(signed.body.status).toBe('opinion_signed');
    const decided = await step(w.township, c.id, 'decide', { version: signed.body.version, decision: '维持原方案。' });
    const closed = await step(w.township, c.id, 'close', { version: decided.body.version });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.map((e) => e.action)).toEqual([
      'applied',
      'accepted',
      'consent',
      'opinion_signed',
      'decided',
      'closed',
    ]);
  });
});

describe('the rules', () => {
  it('scheduling before consent is refused (422) by the database and nothing changes', async () => {
    const c = await takeTo(await applied(), 'accept');
    const res = await step(w.expert, c.id, 'schedule', {
      version: c.version,
      scheduledAt: tick(60),
      videoLink: 'https://meet.example.cn/r/9',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CONSENT_REQUIRED');
    const row = await owner(`SELECT status, version, scheduled_at, video_link FROM remote_consults WHERE id = ${c.id}`);
    expect(row).toEqual({ status: 'accepted', version: c.version, scheduled_at: null, video_link: null });
    const events = await owner(`SELECT count(*)::int AS n FROM remote_consult_events WHERE consult_id = ${c.id}`);
    expect(events.n).toBe(2);
    // and the database itself, past the service
    await expect(
      env.asOwner(`UPDATE remote_consults SET status = 'scheduled', scheduled_at = now() WHERE id = ${c.id}`),
    ).rejects.toThrow(/remote_consults_consent_first/);
  });

  it('a video consultation needs an https link', async () => {
    const c = await takeTo(await applied(), 'consent');
    const plain = await step(w.expert, c.id, 'schedule', {
      version: c.version,
      scheduledAt: tick(60),
      videoLink: 'http://x.cn',
    });
    expect(plain.status).toBe(400);
    const none = await step(w.expert, c.id, 'schedule', { version: c.version, scheduledAt: tick(60) });
    expect(none.status).toBe(422);
  });

  it('declining needs a reason; with one the requester is told why', async () => {
    const c = await applied();
    const bare = await step(w.expert, c.id, 'decline', { version: c.version });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/拒绝原因/);
    const ok = await step(w.expert, c.id, 'decline', { version: c.version, reason: '本院神经内科本周无会诊专家' });
    expect(ok.body).toMatchObject({ status: 'declined', declineReason: '本院神经内科本周无会诊专家', steps: [] });
    await expect(env.asOwner(`UPDATE remote_consults SET decline_reason = NULL WHERE id = ${c.id}`)).rejects.toThrow();
  });

  it('the decision belongs to the requesting institution: the invited expert is refused, and so is the database', async () => {
    const c = await takeTo(await applied(), 'hold');
    const signed = await step(w.expert, c.id, 'opinion', { version: c.version, opinion: '建议转上级医院。' });
    const byExpert = await step(w.expert, c.id, 'decide', { version: signed.body.version, decision: '转院。' });
    expect(byExpert.status).toBe(403);
    const row = await owner(`SELECT status, decision FROM remote_consults WHERE id = ${c.id}`);
    expect(row).toEqual({ status: 'opinion_signed', decision: null });
    await expect(
      env.asOwner(
        `UPDATE remote_consults SET status = 'decided', decision = '转院', decided_by = opinion_by, decided_at = now()
         WHERE id = ${c.id}`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('only the named expert signs the opinion; the coordinator-type roles of the requester cannot accept', async () => {
    const c = await takeTo(await applied(), 'hold');
    const other = await step(w.reader, c.id, 'opinion', { version: c.version, opinion: '意见' });
    expect(other.status).toBe(403);
    const fresh = await applied();
    const selfAccept = await step(w.township, fresh.id, 'accept', { version: fresh.version });
    expect(selfAccept.status).toBe(403);
  });

  it('the same clientId returns the same consultation; another body under it is 422', async () => {
    const body = applyBody(w);
    const first = await w.township.post('/api/remote/consults', body);
    const again = await w.township.post('/api/remote/consults', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<ConsultView>().id).toBe(first.json<ConsultView>().id);
    const changed = await w.township.post('/api/remote/consults', { ...body, purpose: '另一个目的' });
    expect(changed.statusCode).toBe(422);
    const n = await owner(`SELECT count(*)::int AS n FROM remote_consults WHERE client_id = '${body.clientId}'`);
    expect(n.n).toBe(1);
  });

  it('a step out of order is 409, a stale version is 409, and nothing changes', async () => {
    const c = await applied();
    expect((await step(w.expert, c.id, 'opinion', { version: c.version, opinion: '意见' })).status).toBe(409);
    expect(
      (
        await step(w.expert, c.id, 'hold', {
          version: c.version,
          startedAt: clock.toISOString(),
          endedAt: clock.toISOString(),
        })
      ).status,
    ).toBe(409);
    expect((await step(w.township, c.id, 'close', { version: c.version })).status).toBe(409);
    const stale = await step(w.expert, c.id, 'accept', { version: c.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONSULT_CHANGED');
    const row = await owner(`SELECT status, version FROM remote_consults WHERE id = ${c.id}`);
    expect(row).toEqual({ status: 'applied', version: c.version });
  });

  it('the requester cancels before it is held, not after; the invited side cannot cancel', async () => {
    const c = await takeTo(await applied(), 'accept');
    expect((await step(w.expert, c.id, 'cancel', { version: c.version, reason: '专家出差' })).status).toBe(403);
    const ok = await step(w.township, c.id, 'cancel', { version: c.version, reason: '患者已转上级医院' });
    expect(ok.body).toMatchObject({ status: 'cancelled' });
    expect(ok.body.timeline.at(-1)).toMatchObject({ action: 'cancelled', note: '患者已转上级医院' });
    const held = await takeTo(await applied(), 'hold');
    expect((await step(w.township, held.id, 'cancel', { version: held.version, reason: '不需要了' })).status).toBe(409);
  });

  it('refuses a hospital outside the county list, a resident of another township and a foreign expert', async () => {
    const bad = await w.township.post('/api/remote/consults', applyBody(w, { invitedOrgId: w.ids.villageOrg }));
    expect(bad.statusCode).toBe(400);
    const res = await w.township.post('/api/remote/consults', applyBody(w, { residentId: w.ids.otherResident }));
    expect(res.statusCode).toBe(400);
    const exp = await w.township.post('/api/remote/consults', applyBody(w, { invitedStaffId: w.ids.townshipDoctor }));
    expect(exp.statusCode).toBe(400);
    expect((await w.expert.post('/api/remote/consults', applyBody(w))).statusCode).toBe(403);
  });
});

describe('attachments, lists and who sees what', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const dicom = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([2, 0, 0, 0, 0x55, 0x4c, 4, 0])]);

  it('a PDF and a DICOM file are stored by SHA-256, both sides download them, other bytes are refused', async () => {
    const c = await applied();
    const up = await w.township.post(
      `/api/remote/consults/${c.id}/files?filename=${encodeURIComponent('心电图.pdf')}`,
      pdf,
      {
        'content-type': 'application/pdf',
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    const sha = up.json<{ sha256: string }>().sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const twice = await w.township.post(`/api/remote/consults/${c.id}/files?filename=again.pdf`, pdf, {
      'content-type': 'application/octet-stream',
    });
    expect(twice.statusCode).toBe(200);
    const dcm = await w.township.post(`/api/remote/consults/${c.id}/files?filename=CT`, dicom, {
      'content-type': 'application/dicom',
    });
    expect(dcm.statusCode).toBe(201);
    const exe = await w.township.post(
      `/api/remote/consults/${c.id}/files?filename=a.exe`,
      Buffer.from('MZ\x90\x00 not a pdf'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(exe.statusCode).toBe(415);
    const view = (await w.expert.get(`/api/remote/consults/${c.id}`)).json<ConsultView>();
    expect(view.files.map((f) => [f.fileName, f.mime])).toEqual(
      expect.arrayContaining([
        ['心电图.pdf', 'application/pdf'],
        ['CT.dcm', 'application/dicom'],
      ]),
    );
    expect(view.files).toHaveLength(2);
    const down = await w.expert.get(`/api/remote/consults/${c.id}/files/${sha}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-type']).toMatch(/application\/pdf/);
  });

  it('a doctor of another township gets 404 on every route of a consultation, and an empty list', async () => {
    const c = await applied();
    const up = await w.township.post(`/api/remote/consults/${c.id}/files?filename=a.pdf`, pdf, {
      'content-type': 'application/pdf',
    });
    const sha = up.json<{ sha256: string }>().sha256;
    const s = w.stranger;
    expect((await s.get(`/api/remote/consults/${c.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/remote/consults/${c.id}/files/${sha}`)).statusCode).toBe(404);
    const file = await s.post(`/api/remote/consults/${c.id}/files?filename=x.pdf`, pdf, {
      'content-type': 'application/pdf',
    });
    expect(file.statusCode).toBe(404);
    const bodies: Record<string, Record<string, unknown>> = {
      accept: {},
      decline: { reason: '无专家' },
      consent: { consentBy: '患者本人' },
      schedule: { scheduledAt: tick(60), videoLink: 'https://meet.example.cn/a' },
      hold: { startedAt: clock.toISOString(), endedAt: clock.toISOString() },
      opinion: { opinion: '意见' },
      decide: { decision: '决定' },
      close: {},
      cancel: { reason: '取消' },
    };
    for (const [name, body] of Object.entries(bodies)) {
      const r = await step(s, c.id, name, { version: c.version, ...body });
      expect(r.status, name).toBe(404);
    }
    const list = (await s.get('/api/remote/consults')).json<{ items: ConsultView[]; total: number }>();
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    const row = await owner(`SELECT status, version FROM remote_consults WHERE id = ${c.id}`);
    expect(row).toEqual({ status: 'applied', version: c.version });
  });

  it('filters by direction, status and mode, and exports the same rows to Excel', async () => {
    const out = (await w.township.get('/api/remote/consults?direction=outgoing&pageSize=100')).json<{
      items: ConsultView[];
      total: number;
    }>();
    expect(out.total).toBeGreaterThan(5);
    expect(out.items.every((i) => i.direction === 'outgoing')).toBe(true);
    const none = (await w.township.get('/api/remote/consults?direction=incoming')).json<{ total: number }>();
    expect(none.total).toBe(0);
    const closed = (await w.expert.get('/api/remote/consults?status=closed&mode=async')).json<{
      items: ConsultView[];
    }>();
    expect(closed.items.length).toBe(1);
    const xlsx = await w.township.get('/api/remote/consults/export?direction=outgoing');
    expect(xlsx.statusCode).toBe(200);
    const rows = readXlsx(xlsx.rawPayload);
    expect(rows[0]).toContain('会诊号');
    expect(rows.length - 1).toBe(out.total);
    const opts = (await w.township.get('/api/remote/consults/options')).json<{
      orgs: Array<{ id: number }>;
      experts: Array<{ id: number }>;
      fees: { async: number; scheduled: number };
    }>();
    expect(opts.orgs.map((o) => o.id)).toContain(w.ids.peopleOrg);
    expect(opts.experts.map((e) => e.id)).toContain(w.expertId);
    expect(opts.fees).toEqual({ async: 10000, scheduled: 20000 });
  });
});
