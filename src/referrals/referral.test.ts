import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { createUp, downBody, key, referralWorld, upBody, type ReferralWorld } from './referral-test-kit.ts';
import {
  REFERRAL_STATUSES,
  TRANSITIONS,
  transitionFor,
  type ReferralAction,
  type ReferralStatus,
} from './referral.states.ts';

let env: TestEnv;
let w: ReferralWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const count = async (sqlText: string) => Number((await env.asOwner(sqlText))[0].n);

describe('the state machine is one table, in code and in the database', () => {
  it('referral_state_rules holds exactly the TRANSITIONS of referral.states.ts', async () => {
    const rows = await env.asOwner('SELECT action, from_status, to_status, side FROM referral_state_rules');
    const db = rows.map((r) => `${r.action}:${r.from_status}>${r.to_status}:${r.side}`).sort();
    expect(db).toEqual(TRANSITIONS.map((t) => `${t.action}:${t.from}>${t.to}:${t.side}`).sort());
  });

  it('the database refuses a status change the table does not list, even from the owner', async () => {
    const r = await createUp(w);
    await expect(env.asOwner(`UPDATE referrals SET status = 'completed' WHERE id = ${r.id}`)).rejects.toThrow(
      /cannot go from submitted to completed/,
    );
    await expect(env.asOwner(`UPDATE referrals SET status = 'closed' WHERE id = ${r.id}`)).rejects.toThrow();
  });
});

describe('create with an Idempotency-Key', () => {
  it('same key + same body replays the referral (200, Idempotent-Replayed: true); same key + other body is 422; no key is 400', async () => {
    const k = key();
    const first = await w.village.post('/api/referrals', upBody(w), { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'submitted',
      direction: 'up',
      toOrg: { id: w.people },
      diagnosis: { code: 'I20.0', name: '不稳定型心绞痛' },
    });
    expect(first.json().resident.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await w.village.post('/api/referrals', upBody(w), { 'idempotency-key': k });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const other = await w.village.post('/api/referrals', upBody(w, { reason: '另一个原因' }), { 'idempotency-key': k });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    const none = await w.village.post('/api/referrals', upBody(w));
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await count(`SELECT count(*) AS n FROM referrals WHERE idempotency_key = '${k}'`)).toBe(1);
  });

  it('parallel duplicate submits create exactly one referral', async () => {
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => w.village.post('/api/referrals', upBody(w), { 'idempotency-key': k })),
    );
    expect(
      results.every((r) => r.statusCode === 200 || r.statusCode === 201),
      results.map((r) => r.body.slice(0, 100)).join('\n'),
    ).toBe(true);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM referrals WHERE idempotency_key = '${k}'`)).toBe(1);
  });

  it('rejects what the form must not send, writing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM referrals');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [upBody(w, { diagnosisCode: 'X99.9' }), 'UNKNOWN_DIAGNOSIS', 'diagnosisCode'],
      [upBody(w, { consent: undefined }), 'CONSENT_REQUIRED', 'consent'],
      [upBody(w, { toOrgId: w.villageOrg }), 'INVALID_ORG', 'toOrgId'],
      [upBody(w, { toOrgId: 999999 }), 'INVALID_ORG', 'toOrgId'],
      [upBody(w, { toDepartmentId: w.rehabDept }), 'INVALID_DEPARTMENT', 'toDepartmentId'],
      [upBody(w, { urgency: 'soon' }), 'VALIDATION_FAILED', 'urgency'],
    ];
    for (const [body, code, field] of cases) {
      const res = await w.village.post('/api/referrals', body, { 'idempotency-key': key() });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.json()).toMatchObject({ code, field });
    }
    const down = await w.township.post('/api/referrals', upBody(w, { toOrgId: w.villageOrg }), {
      'idempotency-key': key(),
    });
    expect(down.json()).toMatchObject({ code: 'WRONG_DIRECTION' });
    expect(await count('SELECT count(*) AS n FROM referrals')).toBe(before);
  });
});

describe('receiving orgs: up to the levels above, down to the levels below', () => {
  type Target = { id: number; name: string; kind: string; near: boolean };
  const targets = async (c: Client, direction: 'up' | 'down') => {
    const res = await c.get(`/api/referral-targets?direction=${direction}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Target[]>();
  };

  it('a village clinic is offered its township centre first, then county hospitals, never another village clinic', async () => {
    const up = await targets(w.village, 'up');
    expect(up.some((o) => o.kind === 'village_clinic')).toBe(false);
    expect(up[0]).toMatchObject({ id: w.songguCentre, near: true });
    expect(up.map((o) => o.id)).toEqual(expect.arrayContaining([w.people, w.tcm]));
    expect(await targets(w.village, 'down')).toEqual([]);
  });

  it('a township centre refers down to its own village clinics first and up to the county, never to a peer centre', async () => {
    const down = await targets(w.township, 'down');
    expect(down.length).toBeGreaterThan(0);
    expect(down.every((o) => o.kind === 'village_clinic')).toBe(true);
    expect(down[0]).toMatchObject({ id: w.villageOrg, near: true });
    const up = await targets(w.township, 'up');
    expect(up.some((o) => ['village_clinic', 'township_center', 'community_center'].includes(o.kind))).toBe(false);
    expect(up.map((o) => o.id)).toContain(w.people);
  });

  it('the server refuses a same-level up-referral with a Chinese message, writing nothing', async () => {
    const orgs = (await w.county.get('/api/orgs')).json<Array<{ id: number; kind: string }>>();
    const peerVillage = orgs.find((o) => o.kind === 'village_clinic' && o.id !== w.villageOrg)!.id;
    const before = await count('SELECT count(*) AS n FROM referrals');
    for (const [c, toOrgId] of [
      [w.village, peerVillage],
      [w.county, w.tcm],
    ] as const) {
      const res = await c.post('/api/referrals', upBody(w, { toOrgId }), { 'idempotency-key': key() });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'WRONG_DIRECTION',
        field: 'toOrgId',
        message: expect.stringMatching(/上转.*上级机构/),
      });
    }
    expect(await count('SELECT count(*) AS n FROM referrals')).toBe(before);
  });
});

/** Drives a fresh referral to a status through the API (expired: the scheduler's own step, done as owner). */
async function referralIn(status: ReferralStatus): Promise<number> {
  if (status === 'draft') {
    const r = await w.village.post('/api/referrals', upBody(w, { submit: false, consent: undefined }), {
      'idempotency-key': key(),
    });
    return r.json().id;
  }
  const { id } = await createUp(w);
  const go = async (c: Client, path: string, body: unknown = {}) => {
    const res = await c.post(`/api/referrals/${id}/${path}`, body);
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  };
  const paths: Record<ReferralStatus, Array<() => Promise<void>>> = {
    draft: [],
    submitted: [],
    accepted: [() => go(w.coordinator, 'accept')],
    rejected: [() => go(w.coordinator, 'reject', { reason: '床位已满' })],
    redirected: [() => go(w.coordinator, 'redirect', { toOrgId: w.tcm, reason: '中医康复更合适' })],
    arrived: [() => go(w.coordinator, 'accept'), () => go(w.clerk, 'arrive')],
    completed: [() => go(w.coordinator, 'accept'), () => go(w.clerk, 'arrive'), () => go(w.county, 'complete')],
    down_referred: [
      () => go(w.coordinator, 'accept'),
      () => go(w.clerk, 'arrive'),
      () => go(w.county, 'complete'),
      () => go(w.county, 'down-referrals', downBody(w)),
    ],
    closed: [
      () => go(w.coordinator, 'accept'),
      () => go(w.clerk, 'arrive'),
      () => go(w.county, 'complete'),
      () => go(w.county, 'close'),
    ],
    cancelled: [() => go(w.village, 'cancel')],
    expired: [],
  };
  for (const step of paths[status]) await step();
  if (status === 'expired') await env.asOwner(`UPDATE referrals SET status = 'expired' WHERE id = ${id}`);
  return id;
}

const USER_ACTIONS: ReadonlyArray<Exclude<ReferralAction, 'expire'>> = [
  'submit',
  'accept',
  'reject',
  'redirect',
  'arrive',
  'complete',
  'down_refer',
  'close',
  'cancel',
];

async function attempt(id: number, action: Exclude<ReferralAction, 'expire'>) {
  const current = (await w.coordinator.get(`/api/referrals/${id}`)).json();
  const sender = action === 'submit' || action === 'cancel';
  const client = sender ? w.village : w.coordinator;
  switch (action) {
    case 'reject':
      return client.post(`/api/referrals/${id}/reject`, { reason: '不符合收治条件' });
    case 'redirect':
      return client.post(`/api/referrals/${id}/redirect`, {
        toOrgId: current.toOrg.id === w.tcm ? w.people : w.tcm,
        reason: '专科更合适',
      });
    case 'down_refer':
      return client.post(`/api/referrals/${id}/down-referrals`, downBody(w));
    case 'submit':
      return client.post(`/api/referrals/${id}/submit`, { consent: { by: 'guardian' } });
    default:
      return client.post(`/api/referrals/${id}/${action}`, {});
  }
}

describe('every (state, action) pair', () => {
  for (const status of REFERRAL_STATUSES) {
    it(`from ${status}`, async () => {
      const shared = await referralIn(status);
      for (const action of USER_ACTIONS) {
        const t = transitionFor(action, status);
        const allowed = t !== undefined && t.side !== 'system';
        const id = allowed ? await referralIn(status) : shared;
        const res = await attempt(id, action);
        const label = `${status} × ${action}: ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (allowed) {
          expect([200, 201], label).toContain(res.statusCode);
          const after = (await w.coordinator.get(`/api/referrals/${id}`)).json();
          expect(after.status, label).toBe(t.to);
          expect(after.events.at(-1), label).toMatchObject({ action, fromStatus: status, toStatus: t.to });
        } else {
          expect(res.statusCode, label).toBe(409);
          expect(res.json(), label).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: status });
          expect((await w.coordinator.get(`/api/referrals/${id}`)).json().status, label).toBe(status);
        }
      }
    });
  }

  it('the wrong side gets 403: a village doctor cannot accept, a coordinator cannot cancel for the sender', async () => {
    const { id } = await createUp(w);
    expect((await w.village.post(`/api/referrals/${id}/accept`, {})).json()).toMatchObject({ code: 'NOT_YOUR_SIDE' });
    expect((await w.coordinator.post(`/api/referrals/${id}/cancel`, {})).statusCode).toBe(403);
  });
});

describe('concurrent accept', () => {
  it('two coordinators accepting at once: exactly one wins, the other gets 409 with the current state', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await createUp(w);
      const results = await Promise.all([
        w.coordinator.post(`/api/referrals/${id}/accept`, {}),
        w.county.post(`/api/referrals/${id}/accept`, {}),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes, results.map((r) => r.body.slice(0, 120)).join('\n')).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({
        code: 'INVALID_TRANSITION',
        currentStatus: 'accepted',
      });
      expect(
        await count(`SELECT count(*) AS n FROM referral_events WHERE referral_id = ${id} AND action = 'accept'`),
      ).toBe(1);
    }
  });
});

describe('the closed loop', () => {
  it('accept gives 三优先 priority; transitions are logged with who, when, from, to and note', async () => {
    const { id } = await createUp(w);
    const accepted = (await w.coordinator.post(`/api/referrals/${id}/accept`, { note: '已安排心内科' })).json();
    expect(accepted).toMatchObject({ status: 'accepted', priority: true });
    expect(accepted.events.map((e: { action: string }) => e.action)).toEqual(['create', 'accept']);
    expect(accepted.events[1]).toMatchObject({
      actorName: '李晓燕',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      note: '已安排心内科',
      at: expect.any(String),
    });
  });

  it('down-referral: tasks for the township centre at once; receipt confirms them and closes the loop; notes reach the county doctor; the village sees it all', async () => {
    const upId = await referralIn('completed');
    const down = await w.county.post(`/api/referrals/${upId}/down-referrals`, downBody(w));
    expect(down.statusCode).toBe(201);
    const downId = down.json().id;
    expect(down.json()).toMatchObject({
      direction: 'down',
      status: 'submitted',
      parentId: upId,
      toOrg: { id: w.songguCentre },
    });
    expect((await w.county.post(`/api/referrals/${upId}/down-referrals`, downBody(w))).statusCode).toBe(409);

    const tasks = (await w.township.get('/api/referral-tasks')).json();
    const mine = tasks.filter((t: { referralId: number }) => t.referralId === downId);
    expect(mine.map((t: { title: string; status: string }) => [t.title, t.status])).toEqual([
      ['心脏康复训练 每周3次', 'open'],
      ['两周后复查心电图', 'open'],
    ]);
    expect(
      (await w.otherTownship.get('/api/referral-tasks'))
        .json()
        .filter((t: { referralId: number }) => t.referralId === downId),
    ).toEqual([]);
    const early = await w.township.post(`/api/referral-tasks/${mine[0].id}/notes`, { text: '未确认先记录' });
    expect(early.json()).toMatchObject({ code: 'TASK_NOT_CONFIRMED' });

    const confirmed = await w.township.post(`/api/referrals/${downId}/accept`, {});
    expect(confirmed.json().status).toBe('accepted');
    expect(confirmed.json().tasks.every((t: { status: string }) => t.status === 'confirmed')).toBe(true);
    const note = await w.township.post(`/api/referral-tasks/${mine[0].id}/notes`, {
      text: '首次康复训练完成，步行 200 米无不适',
    });
    expect(note.statusCode).toBe(201);

    const parent = (await w.county.get(`/api/referrals/${upId}`)).json();
    expect(parent.status).toBe('closed');
    expect(parent.related).toEqual([expect.objectContaining({ id: downId, direction: 'down' })]);
    const child = (await w.county.get(`/api/referrals/${downId}`)).json();
    expect(child.tasks[0].notes[0]).toMatchObject({
      authorName: '武俊峰',
      text: '首次康复训练完成，步行 200 米无不适',
    });

    const villageView = (await w.village.get(`/api/referrals/${upId}`)).json();
    expect(villageView.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'accept',
      'arrive',
      'complete',
      'down_refer',
      'close',
    ]);
    const villageChild = await w.village.get(`/api/referrals/${downId}`);
    expect(villageChild.statusCode).toBe(200);
    expect(villageChild.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'accept',
      'follow_up',
    ]);
  });

  it('the loop closes even when the confirming township cannot see the up-referral, and its scope stays its own', async () => {
    const upId = await referralIn('completed');
    const other = (await w.otherTownship.get('/api/auth/me')).json<{ org: { id: number } }>().org.id;
    expect((await w.otherTownship.get(`/api/referrals/${upId}`)).statusCode).toBe(404);
    const { toDepartmentId: _songguRehab, ...body } = downBody(w);
    const down = await w.county.post(`/api/referrals/${upId}/down-referrals`, { ...body, toOrgId: other });
    expect(down.statusCode, down.body).toBe(201);
    const accepted = await w.otherTownship.post(`/api/referrals/${down.json().id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await w.county.get(`/api/referrals/${upId}`)).json().status).toBe('closed');
    expect((await w.otherTownship.get(`/api/referrals/${upId}`)).statusCode).toBe(404);
  });
});

describe('visibility: sending and receiving chains only', () => {
  it('another township gets 404 by path id (audited), sees nothing in lists, cannot act', async () => {
    const { id } = await createUp(w);
    expect((await w.township.get(`/api/referrals/${id}`)).statusCode).toBe(200);
    const res = await w.otherTownship.get(`/api/referrals/${id}`);
    expect(res.statusCode).toBe(404);
    expect((await w.otherTownship.post(`/api/referrals/${id}/accept`, {})).statusCode).toBe(404);
    const list = (await w.otherTownship.get('/api/referrals?limit=200')).json();
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE username = 'xiangyi.2' AND resource = 'referral' AND resource_id = '${id}' AND outcome = 'denied'`,
      ),
    ).toBe(2);
  });

  it('row-level security: without the org list the app role sees no referral', async () => {
    const { sql } = await import('kysely');
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals`.execute(env.db);
    expect(rows[0].n).toBe(0);
    expect(await count('SELECT count(*) AS n FROM referrals')).toBeGreaterThan(0);
  });
});

describe('worklists', () => {
  it('incoming for the tiered-care centre, outgoing for the village, with deadlines, server time and unread counts', async () => {
    const { id } = await createUp(w, { urgency: 'emergency' });
    const incoming = (await w.coordinator.get('/api/referrals?box=incoming&status=awaiting')).json();
    const item = incoming.items.find((r: { id: number }) => r.id === id);
    expect(item).toBeDefined();
    expect(new Date(item.deadlineAt).getTime() - new Date(item.submittedAt).getTime()).toBe(15 * 60_000);
    expect(item.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'redirect']));
    expect(incoming.now).toEqual(expect.any(String));
    expect(incoming.counts.unread).toBeGreaterThan(0);
    const unreadBefore = incoming.counts.unread;
    await w.coordinator.get(`/api/referrals/${id}`);
    expect((await w.coordinator.get('/api/referrals?box=incoming&status=awaiting')).json().counts.unread).toBe(
      unreadBefore - 1,
    );
    // emergencies lead the awaiting list (earliest deadline first)
    expect(incoming.items[0].urgency).toBe('emergency');
    const outgoing = (await w.village.get('/api/referrals?box=outgoing')).json();
    expect(outgoing.items.map((r: { id: number }) => r.id)).toContain(id);
    expect(
      (await w.village.get('/api/referrals?box=incoming')).json().items.map((r: { id: number }) => r.id),
    ).not.toContain(id);
  });
});

describe('ICD-10 and tiered-care guidance', () => {
  it('finds codes by code, Chinese name and pinyin initials', async () => {
    const byCode = (await w.village.get('/api/icd10?q=I63')).json();
    expect(byCode[0].code).toMatch(/^I63/);
    expect(
      (await w.village.get(`/api/icd10?q=${encodeURIComponent('脑梗')}`)).json().map((c: { code: string }) => c.code),
    ).toContain('I63.9');
    expect((await w.village.get('/api/icd10?q=ngs')).json().map((c: { name: string }) => c.name)).toContain('脑梗死');
    expect((await w.village.get('/api/icd10?q=gxy')).json().map((c: { code: string }) => c.code)).toContain('I10');
  });

  it('suggests the level: stable hypertension → village, stroke → county then township rehab', async () => {
    expect((await w.village.get('/api/referral-guidance?code=I10')).json()).toMatchObject({ level: 'village' });
    expect((await w.village.get('/api/referral-guidance?code=I63.9')).json()).toMatchObject({
      level: 'county',
      downTo: 'township',
      speciality: '康复',
    });
  });
});
