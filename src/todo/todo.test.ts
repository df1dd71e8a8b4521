import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { createUp, downBody, key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';
import type { TodoItem, TodoKey } from './todo.schema.ts';

/**
 * The home page's to-do counts: what each role is shown, that each count follows the work
 * (a new referral, a down-referral's tasks, an exam waiting for its report, today's session),
 * and that one org's work never shows up in another org's counts.
 */
let env: TestEnv;
let w: ReferralWorld;
let reader: Client;
beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  reader = await env.login('reader');
});
afterAll(async () => {
  await env?.close();
});

async function todo(c: Client): Promise<Map<TodoKey, TodoItem>> {
  const res = await c.get('/api/todo');
  expect(res.statusCode, res.body).toBe(200);
  return new Map(res.json<{ items: TodoItem[] }>().items.map((i) => [i.key, i]));
}
const count = (m: Map<TodoKey, TodoItem>, k: TodoKey) => m.get(k)?.count ?? -1;
const attention = (m: Map<TodoKey, TodoItem>, k: TodoKey) => m.get(k)?.attention ?? -1;

describe('GET /api/todo', () => {
  it('shows each role only the work it may do', async () => {
    expect([...(await todo(w.coordinator)).keys()].sort()).toEqual(
      [
        'exams_to_perform',
        'referrals_awaiting',
        'sessions_at_my_org',
        'remote_criticals_unacked',
        'remote_tasks_open',
      ].sort(),
    );
    expect([...(await todo(w.township)).keys()].sort()).toEqual(
      [
        'down_referral_tasks',
        'referrals_awaiting',
        'sessions_at_my_org',
        'grid_alerts',
        'followups_due',
        'contracts_to_renew',
        'stock_near_expiry',
        'recall_calls',
        'deliveries_to_receive',
        'ems_patients_expected',
        'remote_reports_unread',
        'remote_criticals_unacked',
        'remote_tasks_open',
      ].sort(),
    );
    expect([...(await todo(w.village)).keys()]).toEqual(
      expect.arrayContaining(['grid_alerts', 'followups_due', 'contracts_to_renew']),
    );
    expect([...(await todo(reader)).keys()].sort()).toEqual([
      'exams_to_perform',
      'exams_to_report',
      'remote_to_read',
      'remote_to_review',
    ]);
    expect([...(await todo(await env.login('auditor'))).keys()]).toEqual([]);
  });

  it("coordinator: a new up-referral is one more to accept; escalated ones are to do first; another township's count stays", async () => {
    const before = await todo(w.coordinator);
    const other = await todo(w.otherTownship);
    const { id } = await createUp(w);
    const after = await todo(w.coordinator);
    expect(count(after, 'referrals_awaiting')).toBe(count(before, 'referrals_awaiting') + 1);
    expect(after.get('referrals_awaiting')?.link).toBe('/referrals?box=incoming&status=awaiting');
    await env.asOwner(`UPDATE referrals SET escalation_level = 1 WHERE id = ${id}`);
    expect(attention(await todo(w.coordinator), 'referrals_awaiting')).toBe(
      attention(before, 'referrals_awaiting') + 1,
    );
    // accepted: no longer waiting
    expect((await w.coordinator.post(`/api/referrals/${id}/accept`, {})).statusCode).toBe(200);
    expect(count(await todo(w.coordinator), 'referrals_awaiting')).toBe(count(before, 'referrals_awaiting'));
    expect(await todo(w.otherTownship)).toEqual(other);
  });

  it('township doctor: a down-referral to the centre brings its tasks, the overdue ones counted apart', async () => {
    const before = await todo(w.township);
    const other = await todo(w.otherTownship);
    const village = await todo(w.village);
    const { id } = await createUp(w);
    for (const [c, path] of [
      [w.coordinator, 'accept'],
      [w.clerk, 'arrive'],
      [w.county, 'complete'],
    ] as const) {
      const res = await c.post(`/api/referrals/${id}/${path}`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const down = await w.county.post(`/api/referrals/${id}/down-referrals`, downBody(w), { 'idempotency-key': key() });
    expect(down.statusCode, down.body).toBe(201);
    const downId = down.json<{ id: number }>().id;
    // due dates fixed far in the past and future: the test does not depend on today's date
    await env.asOwner(`UPDATE referral_tasks SET due_on = CASE WHEN kind = 'rehab' THEN date '2000-01-03' ELSE date '2999-12-31' END
      WHERE referral_id = ${downId}`);
    const after = await todo(w.township);
    expect(count(after, 'down_referral_tasks')).toBe(count(before, 'down_referral_tasks') + 2);
    expect(attention(after, 'down_referral_tasks')).toBe(attention(before, 'down_referral_tasks') + 1);
    expect(after.get('down_referral_tasks')?.link).toBe('/referral-tasks?status=pending');
    // the down-referral itself waits for the centre to accept it
    expect(count(after, 'referrals_awaiting')).toBe(count(before, 'referrals_awaiting') + 1);
    expect(await todo(w.otherTownship)).toEqual(other);
    // the patient's village clinic sees the referral, but the centre's tasks are not its work
    expect(count(await todo(w.village), 'down_referral_tasks')).toBe(count(village, 'down_referral_tasks'));
  });

  it("reader: a performed exam waits for its report at the reader's hospital", async () => {
    const before = await todo(reader);
    const res = await w.village.post(
      '/api/exam-orders',
      { residentId: w.residentId, itemCode: 'ECG-12', urgency: 'urgent' },
      { 'idempotency-key': key() },
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: number }>().id;
    const ordered = await todo(reader);
    expect(count(ordered, 'exams_to_perform')).toBe(count(before, 'exams_to_perform') + 1);
    expect(attention(ordered, 'exams_to_perform')).toBe(attention(before, 'exams_to_perform') + 1);
    expect(count(ordered, 'exams_to_report')).toBe(count(before, 'exams_to_report'));
    await reader.post(`/api/exam-orders/${id}/schedule`, { scheduledAt: '2026-06-01T09:00:00+08:00' });
    expect((await reader.post(`/api/exam-orders/${id}/perform`, {})).statusCode).toBe(200);
    const performed = await todo(reader);
    expect(count(performed, 'exams_to_report')).toBe(count(before, 'exams_to_report') + 1);
    expect(count(performed, 'exams_to_perform')).toBe(count(before, 'exams_to_perform'));
    expect(
      (await reader.post(`/api/exam-orders/${id}/report`, { resultText: '窦性心律', resultFlag: 'normal' })).statusCode,
    ).toBe(200);
    expect(count(await todo(reader), 'exams_to_report')).toBe(count(before, 'exams_to_report'));
  });

  it("today's sessions count the caller's own org only; the console's own=true lists only those", async () => {
    const [dept] = await env.asOwner(
      `SELECT id FROM departments WHERE org_id = ${w.songguCentre} AND active ORDER BY id LIMIT 1`,
    );
    const [peopleDept] = await env.asOwner(
      `SELECT id FROM departments WHERE org_id = ${w.people} AND active ORDER BY id LIMIT 1`,
    );
    const before = await todo(w.township);
    const plan = async (c: Client, orgId: number, departmentId: number) => {
      const res = await c.post('/api/clinic-sessions', {
        kind: 'ordinary',
        doctorName: '武医生',
        orgId,
        departmentId,
        room: `T${orgId}`,
        date: '2099-03-02',
        startTime: '08:00',
        endTime: '09:00',
        capacityPerSlot: 2,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: number }>().id;
      // brought to today on the database's own Shanghai clock
      await env.asOwner(
        `UPDATE clinic_sessions SET session_date = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = ${id}`,
      );
      return id;
    };
    const mine = await plan(w.township, w.songguCentre, Number(dept.id));
    const elsewhere = await plan(w.coordinator, w.people, Number(peopleDept.id));
    expect(count(await todo(w.township), 'sessions_at_my_org')).toBe(count(before, 'sessions_at_my_org') + 1);

    const ids = async (url: string) =>
      (await w.township.get(url)).json<{ items: Array<{ id: number }> }>().items.map((s) => s.id);
    const own = await ids('/api/clinic-sessions?own=true&pageSize=100');
    expect(own).toContain(mine);
    expect(own).not.toContain(elsewhere);
    expect(await ids('/api/clinic-sessions?pageSize=100')).toEqual(expect.arrayContaining([mine, elsewhere]));
  });
});
