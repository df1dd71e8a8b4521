import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { runClinicScheduler } from './clinic-scheduler.ts';
import type { Place } from './clinics.fixtures.ts';
import { RETRY } from './notify.ts';
import { endHold, heldSessionWithWaitlist, later, schedulerWorld, type ScriptedChannel } from './scheduler.fixtures.ts';

/** The clinic scheduler with a steered SMS gateway and a movable clock. */
let env: TestEnv;
let county: Client; // the referral centre's coordinator: plans expert sessions and books for residents
let where: Place;
let expertId: number;
let people: number[];
let channel: ScriptedChannel;

beforeAll(async () => {
  env = await createTestEnv();
  ({ desk: county, where, expertId, people, channel } = await schedulerWorld(env, 20));
});
afterAll(async () => {
  await env?.close();
});

const noteOf = async (residentId: number) =>
  (
    await env.asOwner(`SELECT id, attempts, last_error, sent_at, failed_at, next_attempt_at
  FROM clinic_notifications WHERE resident_id = ${residentId} AND kind = 'waitlist_promoted' ORDER BY id DESC LIMIT 1`)
  )[0];
const ms = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).getTime();

/** a referred patient on the list who came last: the list puts referred patients first whatever the time */
async function addReferredWaiter(sessionId: number, residentId: number) {
  await env.asOwner(`INSERT INTO clinic_waitlist (county_id, session_id, org_id, resident_id, resident_org_id, resident_name, resident_birth_date, referred, status, channel)
    SELECT r.county_id, ${sessionId}, ${where.orgId}, r.id, r.org_id, r.name, r.birth_date, true, 'waiting', 'staff' FROM residents r WHERE r.id = ${residentId}`);
}

/** a waiting resident promoted by the scheduler while the gateway is down: the message failed once */
async function promotedWhileDown(booker: number, waiter: number, at: Date) {
  channel.down = true;
  const s = await heldSessionWithWaitlist(county, where, expertId, { held: 1, booker, waiters: [waiter] });
  await endHold(env, s.id);
  expect(await runClinicScheduler(env.db, at)).toMatchObject({ promoted: 1, sent: 0 });
  return s;
}

describe('held places when the hold ends', () => {
  it('go to the waitlist, referred first then first come, with a message, an audit row each; a second run does nothing', async () => {
    const [booker, first, second, third, referred] = people;
    const s = await heldSessionWithWaitlist(county, where, expertId, {
      held: 2,
      booker,
      waiters: [first, second, third],
    });
    await addReferredWaiter(s.id, referred);
    expect(await runClinicScheduler(env.db)).toMatchObject({ promoted: 0 });

    await endHold(env, s.id);
    expect(await runClinicScheduler(env.db)).toMatchObject({ promoted: 2 });
    const list = (await county.get(`/api/clinic-sessions/${s.id}/bookings`)).json();
    const promoted = list.bookings.filter((b: { channel: string }) => b.channel === 'waitlist');
    expect(promoted.map((b: { residentId: number }) => b.residentId).sort()).toEqual([first, referred].sort());
    expect(promoted.find((b: { residentId: number }) => b.residentId === referred)).toMatchObject({
      referred: true,
      status: 'confirmed',
    });
    expect(
      list.waitlist
        .filter((w: { status: string }) => w.status === 'waiting')
        .map((w: { residentId: number; position: number }) => [w.residentId, w.position]),
    ).toEqual([
      [second, 1],
      [third, 2],
    ]);
    expect(list.messages.map((m: { residentId: number; status: string }) => [m.residentId, m.status]).sort()).toEqual(
      [
        [first, 'sent'],
        [referred, 'sent'],
      ].sort(),
    );
    expect(channel.sent.filter((m) => m.text.includes('预约成功'))).toHaveLength(2);
    const audit = await env.asOwner(
      `SELECT username, detail->>'trigger' AS trigger FROM audit_log WHERE action = 'clinic.waitlist.promote' AND resident_id IN (${first}, ${referred})`,
    );
    expect(audit).toEqual([
      { username: 'system', trigger: 'hold_released' },
      { username: 'system', trigger: 'hold_released' },
    ]);

    const sent = channel.sent.length;
    expect(await runClinicScheduler(env.db)).toEqual({ promoted: 0, sent: 0, failed: 0 });
    expect(channel.sent).toHaveLength(sent);
    expect(
      await env.asOwner(
        `SELECT count(*)::int AS n FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed'`,
      ),
    ).toEqual([{ n: 3 }]);
  });
});

describe('retries of failed messages', () => {
  it('a failed send keeps the booking, waits out the back-off, then is delivered once', async () => {
    const waiter = people[6];
    const t0 = new Date();
    const s = await promotedWhileDown(people[5], waiter, t0);
    const failed = await noteOf(waiter);
    expect(failed).toMatchObject({
      attempts: 1,
      sent_at: null,
      failed_at: null,
      last_error: expect.stringContaining('短信网关'),
    });
    expect(ms(failed.next_attempt_at) - t0.getTime()).toBe(RETRY.baseMs);
    expect(
      (await county.get(`/api/clinic-sessions/${s.id}/bookings`))
        .json()
        .bookings.find((b: { residentId: number }) => b.residentId === waiter).status,
    ).toBe('confirmed');

    channel.down = false;
    const calls = channel.calls;
    expect(await runClinicScheduler(env.db, later(RETRY.baseMs - 1, t0))).toMatchObject({ sent: 0 });
    expect(channel.calls).toBe(calls);
    expect(await runClinicScheduler(env.db, later(RETRY.baseMs, t0))).toMatchObject({ sent: 1 });
    expect(await noteOf(waiter)).toMatchObject({ attempts: 2, sent_at: expect.anything(), last_error: null });
    expect(channel.sent.at(-1)!.text).toContain('预约成功');
    expect(await runClinicScheduler(env.db, later(86_400_000, t0))).toMatchObject({ sent: 0 });
    expect(channel.calls).toBe(calls + 1);
  });

  it('doubles the wait after each failure and gives up after the last attempt, leaving the message for staff', async () => {
    const waiter = people[8];
    let at = new Date();
    const s = await promotedWhileDown(people[7], waiter, at);
    for (let attempt = 1; attempt < RETRY.maxAttempts; attempt++) {
      const n = await noteOf(waiter);
      expect(n.attempts).toBe(attempt);
      expect(ms(n.next_attempt_at) - at.getTime()).toBe(Math.min(RETRY.capMs, RETRY.baseMs * 2 ** (attempt - 1)));
      const calls = channel.calls;
      await runClinicScheduler(env.db, later(-1, new Date(ms(n.next_attempt_at))));
      expect(channel.calls).toBe(calls);
      at = new Date(ms(n.next_attempt_at));
      const run = await runClinicScheduler(env.db, at);
      expect(run.failed).toBe(attempt + 1 === RETRY.maxAttempts ? 1 : 0);
    }
    const given = await noteOf(waiter);
    expect(given).toMatchObject({
      attempts: RETRY.maxAttempts,
      sent_at: null,
      failed_at: expect.anything(),
      last_error: expect.stringContaining('短信网关'),
    });
    // the desk sees the message failed and why, to call the resident instead
    expect((await county.get(`/api/clinic-sessions/${s.id}/bookings`)).json().messages).toEqual([
      expect.objectContaining({
        residentId: waiter,
        kind: 'waitlist_promoted',
        status: 'failed',
        attempts: RETRY.maxAttempts,
        lastError: expect.stringContaining('短信网关'),
        sentAt: null,
      }),
    ]);
    channel.down = false;
    const calls = channel.calls;
    expect(await runClinicScheduler(env.db, later(7 * 86_400_000))).toMatchObject({ sent: 0, failed: 0 });
    expect(channel.calls).toBe(calls);
  });

  it('a resident without a mobile number is marked failed at once, for staff to call', async () => {
    const [row] = await env.asOwner(
      `SELECT id FROM residents WHERE county_id = ${env.countyId} AND deceased_on IS NULL AND mobile IS NULL ORDER BY id LIMIT 1`,
    );
    const s = await heldSessionWithWaitlist(county, where, expertId, {
      held: 1,
      booker: people[9],
      waiters: [Number(row.id)],
    });
    await endHold(env, s.id);
    const calls = channel.calls;
    expect(await runClinicScheduler(env.db)).toMatchObject({ promoted: 1 });
    expect(await noteOf(Number(row.id))).toMatchObject({
      attempts: 1,
      failed_at: expect.anything(),
      last_error: '居民未登记手机号',
    });
    expect(channel.calls).toBe(calls);
  });
});
