import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../platform/context.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { criticalTodo } from './criticals.read.service.ts';
import { criticalWorld, notifiedCritical, type CriticalWorld } from './criticals-test-kit.ts';
import { insertRequest } from './remote-test-kit.ts';

/**
 * 危急值 through the API against the real database (issue 12 §4): the double check, the push
 * that is a row first (replayed by `after=`), read-back acknowledgement, action, note, the
 * call-back task, the timeline, and who sees what.
 */
let clock = new Date('2026-03-10T02:00:00Z');
let env: TestEnv;
let w: CriticalWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await criticalWorld(env);
}, 120_000);
afterAll(() => env?.close());

const status = async (id: number) =>
  String((await env.asOwner(`SELECT status FROM remote_criticals WHERE id = ${id}`))[0].status);
type Inbox = {
  items: Array<{ id: number; kind: string; criticalId: number }>;
  lastId: number;
  unacknowledged: Array<{ id: number; itemName: string; detail: string }>;
};

describe('flag and double check', () => {
  it('a reader flags from the centre list in force; another centre’s item or a stale one is refused', async () => {
    const req = await insertRequest(env, w, { status: 'claimed' });
    const wrong = await w.reader.post(`/api/remote/requests/${req.id}/criticals`, {
      itemCode: 'IMG-BLEED',
      detail: '颅内出血',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('CRITICAL_ITEM_INVALID');
    await env.asOwner(`UPDATE remote_critical_items SET effective_to = '2026-03-01' WHERE code = 'ECG-VF'`);
    const stale = await w.reader.post(`/api/remote/requests/${req.id}/criticals`, {
      itemCode: 'ECG-VF',
      detail: '室颤',
    });
    expect(stale.statusCode).toBe(422);
    const lab = await w.reader.post(`/api/remote/requests/${req.id}/criticals`, {
      itemCode: 'LAB-K-HIGH',
      detail: '血钾 6.8 mmol/L',
      clientId: 'flag-retry-0001',
    });
    expect(lab.statusCode, lab.body).toBe(201);
    const again = await w.reader.post(`/api/remote/requests/${req.id}/criticals`, {
      itemCode: 'LAB-K-HIGH',
      detail: '血钾 6.8 mmol/L',
      clientId: 'flag-retry-0001',
    });
    expect(again.json().id).toBe(lab.json().id);
    const panel = await w.reader.get(`/api/remote/requests/${req.id}/criticals`);
    const body = panel.json<{ items: unknown[]; catalogue: Array<{ code: string }> }>();
    expect(body.items).toHaveLength(1);
    expect(body.catalogue.map((c) => c.code)).toContain('ECG-AMI');
    expect(body.catalogue.map((c) => c.code)).not.toContain('ECG-VF');
    expect(body.catalogue.map((c) => c.code)).not.toContain('IMG-BLEED');
  });

  it('the flagger cannot check their own flag (422), and the database refuses it too', async () => {
    const { criticalId } = await notifiedCritical(env, w, { check: false });
    const self = await w.reader.post(`/api/remote/criticals/${criticalId}/check`);
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('DOUBLE_CHECK_SELF');
    expect(await status(criticalId)).toBe('pending_check');
    await expect(
      env.asOwner(
        `UPDATE remote_criticals SET checked_by = flagged_by, checked_at = now(), notified_at = now(),
           status = 'notified' WHERE id = ${criticalId}`,
      ),
    ).rejects.toThrow(/remote_criticals_double_check/);
    const withdraw = await w.reader.post(`/api/remote/criticals/${criticalId}/withdraw`, { reason: '误判，复查正常' });
    expect(withdraw.json().status).toBe('withdrawn');
    expect((await w.reader2.post(`/api/remote/criticals/${criticalId}/check`)).statusCode).toBe(409);
  });

  it('the check notifies the clinic in the same moment: inbox rows for the org and the requesting doctor, replayed after=', async () => {
    const before = (await w.village.get('/api/remote/inbox?after=0')).json<Inbox>().lastId;
    const { criticalId } = await notifiedCritical(env, w);
    const [c] = await env.asOwner(
      `SELECT status, notified_at, checked_by FROM remote_criticals WHERE id = ${criticalId}`,
    );
    expect(c.status).toBe('notified');
    expect((c.notified_at as Date).toISOString()).toBe(clock.toISOString());
    expect(Number(c.checked_by)).toBe(w.ids.reader2);
    // no stream was open: the device that comes back asks for everything after the last id it saw
    const missed = (await w.village.get(`/api/remote/inbox?after=${before}`)).json<Inbox>();
    const mine = missed.items.filter((n) => n.criticalId === criticalId);
    expect(mine).toHaveLength(2);
    expect(mine.every((n) => n.kind === 'critical')).toBe(true);
    expect(missed.unacknowledged.map((u) => u.id)).toContain(criticalId);
    expect((await w.village.get(`/api/remote/inbox?after=${missed.lastId}`)).json<Inbox>().items).toHaveLength(0);
    // the township centre sees its village's org-wide row, not the village doctor's own
    const township = (await w.township.get(`/api/remote/inbox?after=${before}`)).json<Inbox>();
    expect(township.items.filter((n) => n.criticalId === criticalId)).toHaveLength(1);
    const audit = await env.asOwner(
      `SELECT action FROM audit_log WHERE resource = 'remote_critical' AND resource_id = '${criticalId}' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['remote.critical.flag', 'remote.critical.check']);
  });
});

describe('acknowledge with read-back, act, document', () => {
  it('without read-back → 422 READBACK_REQUIRED and nothing changes; the database refuses it as well', async () => {
    const { criticalId } = await notifiedCritical(env, w);
    for (const body of [{ patientStatus: 'present' }, { readback: '   ', patientStatus: 'present' }]) {
      const r = await w.village.post(`/api/remote/criticals/${criticalId}/acknowledge`, body);
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('READBACK_REQUIRED');
    }
    const [c] = await env.asOwner(`SELECT status, ack_at, ack_by FROM remote_criticals WHERE id = ${criticalId}`);
    expect(c).toEqual({ status: 'notified', ack_at: null, ack_by: null });
    await expect(
      env.asOwner(
        `UPDATE remote_criticals SET status = 'acknowledged', ack_at = now(), ack_by = ${w.ids.villageDoctor}
         WHERE id = ${criticalId}`,
      ),
    ).rejects.toThrow(/remote_criticals_readback/);
  });

  it('read-back, a patient who has left → call-back task; act; note; the timeline shows every step with people', async () => {
    const { criticalId } = await notifiedCritical(env, w);
    clock = new Date(clock.getTime() + 4 * 60_000);
    const ack = await w.village.post(`/api/remote/criticals/${criticalId}/acknowledge`, {
      readback: '急性下壁心肌梗死，患者已离开卫生室',
      patientStatus: 'left',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const tasks = await env.asOwner(`SELECT kind, org_id FROM remote_tasks WHERE critical_id = ${criticalId}`);
    expect(tasks).toEqual([{ kind: 'call_back', org_id: w.ids.villageOrg }]);
    const noteFirst = await w.village.post(`/api/remote/criticals/${criticalId}/note`, { text: '病程记录' });
    expect(noteFirst.statusCode).toBe(409);
    clock = new Date(clock.getTime() + 6 * 60_000);
    expect(
      (
        await w.village.post(`/api/remote/criticals/${criticalId}/act`, {
          action: '电话召回，嚼服阿司匹林 300mg，呼叫 120',
        })
      ).statusCode,
    ).toBe(200);
    const list = await w.village.get('/api/remote/tasks?open=true');
    const task = list
      .json<{ items: Array<{ id: number; criticalId: number }> }>()
      .items.find((t) => t.criticalId === criticalId);
    expect(task).toBeDefined();
    const done = await w.village.post(`/api/remote/tasks/${task?.id}/done`, { outcome: '患者已返回，120 转县医院' });
    expect(done.statusCode).toBe(200);
    expect((await w.village.post(`/api/remote/tasks/${task?.id}/done`, { outcome: '再次' })).statusCode).toBe(409);
    clock = new Date(clock.getTime() + 60 * 60_000);
    const note = await w.village.post(`/api/remote/criticals/${criticalId}/note`, {
      text: '14:04 接县心电中心危急值，回读无误，已召回患者并转诊',
    });
    expect(note.json().status).toBe('documented');
    const detail = await w.village.get(`/api/remote/criticals/${criticalId}`);
    const steps = detail.json<{ timeline: Array<{ step: string; by: string | null; text: string | null }> }>().timeline;
    expect(steps.map((s) => s.step)).toEqual([
      'flagged',
      'checked',
      'notified',
      'acknowledged',
      'task.call_back',
      'acted',
      'task_done.call_back',
      'documented',
    ]);
    expect(steps.find((s) => s.step === 'acknowledged')?.text).toBe('急性下壁心肌梗死，患者已离开卫生室');
    expect(steps.find((s) => s.step === 'checked')?.by).toBe('韩冬梅');
    const audit = await env.asOwner(
      `SELECT action FROM audit_log WHERE resource = 'remote_critical' AND resource_id = '${criticalId}' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'remote.critical.flag',
      'remote.critical.check',
      'remote.critical.acknowledge',
      'remote.critical.act',
      'remote.critical.note',
      'remote.critical.read',
    ]);
  });
});

describe('who sees what', () => {
  it('another township’s doctor gets 404 on every :id route; lists show the own clinic’s and the centre’s', async () => {
    const { criticalId, requestId } = await notifiedCritical(env, w);
    const [task] = await env.asOwner(
      `INSERT INTO remote_tasks (county_id, critical_id, kind, org_id, due_at, created_at)
       VALUES (${env.countyId}, ${criticalId}, 'call_back', ${w.ids.villageOrg}, now(), now()) RETURNING id`,
    );
    const o = w.outsider;
    const answers = await Promise.all([
      o.get(`/api/remote/criticals/${criticalId}`),
      o.post(`/api/remote/criticals/${criticalId}/acknowledge`, { readback: '心梗', patientStatus: 'present' }),
      o.post(`/api/remote/criticals/${criticalId}/act`, { action: '处置' }),
      o.post(`/api/remote/criticals/${criticalId}/note`, { text: '病程' }),
      o.post(`/api/remote/tasks/${Number(task.id)}/done`, { outcome: '已回访' }),
      o.get(`/api/remote/requests/${requestId}/criticals`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await status(criticalId)).toBe('notified');
    const outsiderList = (await o.get('/api/remote/criticals')).json<{ items: Array<{ id: number }> }>();
    expect(outsiderList.items.map((c) => c.id)).not.toContain(criticalId);
    expect((await o.get('/api/remote/inbox?after=0')).json<Inbox>().items.map((n) => n.criticalId)).not.toContain(
      criticalId,
    );
    const villageList = (await w.village.get('/api/remote/criticals?status=notified')).json<{
      items: Array<{ id: number; status: string }>;
    }>();
    expect(villageList.items.map((c) => c.id)).toContain(criticalId);
    expect(villageList.items.every((c) => c.status === 'notified')).toBe(true);
    const centre = (await w.reader.get('/api/remote/criticals?centre=ecg&from=2026-03-10&to=2026-03-10')).json<{
      total: number;
      items: Array<{ id: number }>;
    }>();
    expect(centre.items.map((c) => c.id)).toContain(criticalId);
    expect((await w.reader.get('/api/remote/criticals?centre=imaging')).json<{ total: number }>().total).toBe(0);
    // readers flag and check; clinicians do not, and readers do not acknowledge
    expect((await w.village.post(`/api/remote/criticals/${criticalId}/check`)).statusCode).toBe(403);
    expect(
      (
        await w.reader.post(`/api/remote/criticals/${criticalId}/acknowledge`, {
          readback: 'xx',
          patientStatus: 'present',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the home page counts: unacknowledged critical values and open tasks of my clinic', async () => {
    const r = await w.village.get('/api/remote/criticals?status=notified&pageSize=100');
    const n = r.json<{ total: number }>().total;
    const actor = {
      id: w.ids.villageDoctor,
      orgId: w.ids.villageOrg,
      countyId: env.countyId,
      roles: ['village_doctor'],
    };
    const ctx = {
      db: env.db,
      actor,
      scope: { userId: w.ids.villageDoctor, role: 'village_doctor', orgIds: [w.ids.villageOrg] },
      audit: {
        userId: actor.id,
        username: 'village.doctor',
        role: null,
        orgId: null,
        countyId: env.countyId,
        requestId: 't',
        ip: '::1',
      },
      platform: env.app.platform,
    } as unknown as Ctx;
    const counts = await criticalTodo(ctx);
    expect(counts.unacknowledged).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(counts.tasksOpen).toBeGreaterThan(0);
  });
});

describe('duty roster', () => {
  it('the administrator sets it; a township doctor only once they lead their centre, and only for it and its villages', async () => {
    const notLead = await w.township.post('/api/remote/duty', {
      orgId: w.ids.townshipOrg,
      duty: 'duty_doctor',
      staffId: w.ids.townshipDoctor,
    });
    expect(notLead.statusCode).toBe(403);
    const made = await w.admin.post('/api/remote/duty', {
      orgId: w.ids.townshipOrg,
      duty: 'lead',
      staffId: w.ids.townshipDoctor,
    });
    expect(made.statusCode, made.body).toBe(201);
    const forVillage = await w.township.post('/api/remote/duty', {
      orgId: w.ids.villageOrg,
      duty: 'duty_doctor',
      staffId: w.ids.townshipDoctor,
    });
    expect(forVillage.statusCode, forVillage.body).toBe(201);
    const elsewhere = await w.township.post('/api/remote/duty', {
      orgId: w.ids.otherTownshipOrg,
      duty: 'duty_doctor',
      staffId: w.ids.townshipDoctor,
    });
    expect(elsewhere.statusCode).toBe(404);
    clock = new Date(clock.getTime() + 60_000);
    const replaced = await w.admin.post('/api/remote/duty', {
      orgId: w.ids.townshipOrg,
      duty: 'lead',
      staffId: w.lead,
    });
    expect(replaced.statusCode).toBe(201);
    const roster = (await w.admin.get(`/api/remote/duty?orgId=${w.ids.townshipOrg}`)).json<
      Array<{ duty: string; staffId: number }>
    >();
    expect(roster.filter((d) => d.duty === 'lead').map((d) => d.staffId)).toEqual([w.lead]);
    await env.asOwner(`DELETE FROM org_duty`);
  });

  it("the roster form's picker offers the village's own staff first, then its township centre's, never another township's", async () => {
    const res = await w.township.get(`/api/remote/duty/candidates?orgId=${w.ids.villageOrg}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<Array<{ id: number; orgName: string }>>().map((c) => c.id);
    expect(ids).toContain(w.ids.villageDoctor);
    expect(ids).toContain(w.ids.townshipDoctor);
    expect(ids.indexOf(w.ids.villageDoctor)).toBeLessThan(ids.indexOf(w.ids.townshipDoctor));
    const elsewhere = await w.township.get(`/api/remote/duty/candidates?orgId=${w.ids.otherTownshipOrg}`);
    expect(elsewhere.statusCode).toBe(404);
    const bad = await w.township.get('/api/remote/duty/candidates?orgId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/请选择机构/);
  });
});
