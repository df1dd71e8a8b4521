import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { runDeadlines } from './deadline.service.ts';
import { createUp, referralWorld, type ReferralWorld } from './referral-test-kit.ts';

/** Deadlines with a controllable clock: runDeadlines takes `now`. Own database: the clock jumps touch every referral. */
let env: TestEnv;
let w: ReferralWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const minutes = (base: string, m: number) => new Date(new Date(base).getTime() + m * 60_000);
const rows = (sqlText: string) => env.asOwner(sqlText);

describe('acceptance deadlines', () => {
  it('emergency: coordinator at 15 min, department head one window later; running twice escalates nothing twice', async () => {
    const r = (await w.coordinator.get(`/api/referrals/${(await createUp(w, { urgency: 'emergency' })).id}`)).json();
    const routine = (
      await w.coordinator.get(`/api/referrals/${(await createUp(w, { urgency: 'routine' })).id}`)
    ).json();
    expect(new Date(r.deadlineAt).getTime() - new Date(r.submittedAt).getTime()).toBe(15 * 60_000);

    expect(await runDeadlines(env.db, minutes(r.deadlineAt, -1))).toEqual({ escalated: 0, expired: 0 });
    expect(await runDeadlines(env.db, minutes(r.deadlineAt, 1))).toEqual({ escalated: 1, expired: 0 });
    expect(await runDeadlines(env.db, minutes(r.deadlineAt, 2))).toEqual({ escalated: 0, expired: 0 });
    // two processes at once: still once
    const parallel = await Promise.all([
      runDeadlines(env.db, minutes(r.deadlineAt, 3)),
      runDeadlines(env.db, minutes(r.deadlineAt, 3)),
    ]);
    expect(parallel.reduce((a, b) => a + b.escalated, 0)).toBe(0);
    const level1 = (await w.coordinator.get(`/api/referrals/${r.id}`)).json();
    expect(level1.escalationLevel).toBe(1);
    expect(level1.events.at(-1)).toMatchObject({ action: 'escalate', actorName: '系统', toStatus: 'submitted' });
    expect(
      (await w.coordinator.get('/api/referrals?box=incoming&escalated=true'))
        .json()
        .items.map((x: { id: number }) => x.id),
    ).toEqual([r.id]);

    expect(await runDeadlines(env.db, minutes(r.deadlineAt, 16))).toEqual({ escalated: 1, expired: 0 });
    expect(await runDeadlines(env.db, minutes(r.deadlineAt, 17))).toEqual({ escalated: 0, expired: 0 });
    expect(
      await rows(`SELECT level, target_role FROM referral_escalations WHERE referral_id = ${r.id} ORDER BY level`),
    ).toEqual([
      { level: 1, target_role: 'coordinator' },
      { level: 2, target_role: 'department_head' },
    ]);
    expect(
      await rows(`SELECT count(*)::int AS n FROM referral_events WHERE referral_id = ${r.id} AND action = 'escalate'`),
    ).toEqual([{ n: 2 }]);
    expect((await w.coordinator.get(`/api/referrals/${routine.id}`)).json().escalationLevel).toBe(0);
  });

  it('no overdue referral is left unescalated after a run; a decided referral is never escalated', async () => {
    const open = await createUp(w, { urgency: 'urgent' });
    const decided = await createUp(w, { urgency: 'urgent' });
    await w.coordinator.post(`/api/referrals/${decided.id}/accept`, {});
    const at = minutes(new Date().toISOString(), 121);
    await runDeadlines(env.db, at);
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM referrals WHERE status IN ('submitted', 'redirected') AND deadline_at <= '${at.toISOString()}' AND escalation_level = 0`,
      ),
    ).toEqual([{ n: 0 }]);
    expect((await w.coordinator.get(`/api/referrals/${open.id}`)).json().escalationLevel).toBeGreaterThan(0);
    expect((await w.coordinator.get(`/api/referrals/${decided.id}`)).json().escalationLevel).toBe(0);
  });

  it('a redirect starts a new deadline round with its own escalations', async () => {
    const { id } = await createUp(w, { urgency: 'emergency' });
    const first = (await w.coordinator.get(`/api/referrals/${id}`)).json();
    await runDeadlines(env.db, minutes(first.deadlineAt, 1));
    const redirected = (
      await w.coordinator.post(`/api/referrals/${id}/redirect`, { toOrgId: w.tcm, reason: '转中医医院' })
    ).json();
    expect(redirected.escalationLevel).toBe(0);
    const r2 = await runDeadlines(env.db, minutes(redirected.deadlineAt, 1));
    expect(r2.escalated).toBeGreaterThanOrEqual(1);
    expect(
      await rows(
        `SELECT round, level FROM referral_escalations WHERE referral_id = ${id} AND level = 1 ORDER BY round`,
      ),
    ).toEqual([
      { round: 0, level: 1 },
      { round: 1, level: 1 },
    ]);
  });

  it('configurable per county; abandoned referrals expire once', async () => {
    const admin = await env.login('admin');
    const set = await admin.patch('/api/referral-settings/deadlines', { routine: 600 });
    expect(set.json().find((s: { urgency: string }) => s.urgency === 'routine')).toMatchObject({
      acceptMinutes: 600,
      isDefault: false,
    });
    const { id } = await createUp(w, { urgency: 'routine' });
    const r = (await w.coordinator.get(`/api/referrals/${id}`)).json();
    expect(new Date(r.deadlineAt).getTime() - new Date(r.submittedAt).getTime()).toBe(600 * 60_000);
    const far = minutes(r.deadlineAt, 600 * 6 + 1);
    const run = await runDeadlines(env.db, far);
    expect(run.expired).toBeGreaterThanOrEqual(1);
    expect((await w.coordinator.get(`/api/referrals/${id}`)).json().status).toBe('expired');
    expect((await runDeadlines(env.db, far)).expired).toBe(0);
  });
});
