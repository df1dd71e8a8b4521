import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { runClinicScheduler } from './clinic-scheduler.ts';
import type { Place } from './clinics.fixtures.ts';
import { RETRY } from './notify.ts';
import { endHold, heldSessionWithWaitlist, later, schedulerWorld, type ScriptedChannel } from './scheduler.fixtures.ts';

/**
 * Several server processes run the clinic scheduler at once: on a real PostgreSQL server,
 * with the app's own scheduler ticking in the background as well.
 */
let env: TestEnv;
let desk: Client;
let where: Place;
let expertId: number;
let people: number[];
let channel: ScriptedChannel;

beforeAll(async () => {
  process.env.CLINIC_SCHEDULER_MS = '200';
  try {
    env = await createTestEnv({ poolSize: 20 });
  } finally {
    delete process.env.CLINIC_SCHEDULER_MS;
  }
  ({ desk, where, expertId, people, channel } = await schedulerWorld(env, 30));
});
afterAll(async () => {
  await env?.close();
});

const parallel = (n: number, at?: Date) => Promise.all(Array.from({ length: n }, () => runClinicScheduler(env.db, at)));
const sentCount = async () =>
  Number((await env.asOwner(`SELECT count(*)::int AS n FROM clinic_notifications WHERE sent_at IS NOT NULL`))[0].n);

async function waitFor(check: () => Promise<boolean>, ms = 8000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await check()) return;
  throw new Error('timed out');
}

describe('clinic scheduler in several processes', () => {
  it("the server's own scheduler hands a released held place to the waitlist without anyone asking", async () => {
    const s = await heldSessionWithWaitlist(desk, where, expertId, {
      held: 1,
      booker: people[0],
      waiters: [people[1]],
    });
    await endHold(env, s.id);
    await waitFor(
      async () =>
        (await env.asOwner(`SELECT status FROM clinic_waitlist WHERE session_id = ${s.id}`))[0].status === 'promoted',
    );
  });

  it('parallel runs give each released place to the first in line, once, and send each message once', async () => {
    // the previous test's message may still be on its way (handed to the gateway, not yet marked
    // sent): count from a quiet moment, or the difference is off by that one message
    await waitFor(
      async () =>
        (await env.asOwner(`SELECT count(*)::int AS n FROM clinic_notifications WHERE sent_at IS NULL`))[0].n === 0,
    );
    const sentBefore = channel.sent.length - (await sentCount());
    const person = (i: number) => people[i % people.length];
    for (let round = 0; round < 5; round++) {
      const sessions = [];
      for (let i = 0; i < 3; i++) {
        const base = round * 12 + i * 4;
        const waiters = [1, 2, 3].map((k) => person(base + k));
        sessions.push({
          waiters,
          s: await heldSessionWithWaitlist(desk, where, expertId, { held: 1, booker: person(base), waiters }),
        });
      }
      for (const { s } of sessions) await endHold(env, s.id);
      await parallel(6);
      for (const { s, waiters } of sessions) {
        // a session the background scheduler holds is skipped by ours: wait for whoever has it
        await waitFor(
          async () =>
            (await env.asOwner(`SELECT 1 FROM clinic_waitlist WHERE session_id = ${s.id} AND status = 'promoted'`))
              .length > 0,
        );
        const rows = await env.asOwner(
          `SELECT resident_id, status FROM clinic_waitlist WHERE session_id = ${s.id} ORDER BY created_at, id`,
        );
        expect(
          rows.map((r) => [Number(r.resident_id), r.status]),
          `round ${round}`,
        ).toEqual([
          [waiters[0], 'promoted'],
          [waiters[1], 'waiting'],
          [waiters[2], 'waiting'],
        ]);
        const [slot] =
          await env.asOwner(`SELECT booked, capacity, (SELECT count(*)::int FROM clinic_bookings b WHERE b.slot_id = sl.id AND b.status = 'confirmed') AS active
          FROM clinic_slots sl WHERE session_id = ${s.id}`);
        expect(slot).toEqual({ booked: 2, capacity: 2, active: 2 });
      }
    }
    await waitFor(
      async () =>
        (await env.asOwner(`SELECT count(*)::int AS n FROM clinic_notifications WHERE sent_at IS NULL`))[0].n === 0,
    );
    // every message delivered went out once: the gateway saw exactly as many as were marked sent
    expect(channel.sent.length - (await sentCount())).toBe(sentBefore);
  });

  it('a cancellation racing the scheduler: no deadlock, the first two in line get the two places, the third waits', async () => {
    const person = (i: number) => people[(i + 5) % people.length];
    for (let round = 0; round < 6; round++) {
      const waiters = [1, 2, 3].map((k) => person(round * 4 + k));
      const s = await heldSessionWithWaitlist(desk, where, expertId, { held: 1, booker: person(round * 4), waiters });
      const [booking] = await env.asOwner(
        `SELECT id FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed'`,
      );
      await endHold(env, s.id);
      const [cancelled] = await Promise.all([
        desk.post(`/api/clinic-bookings/${booking.id}/cancel`, { reason: '临时有事' }),
        parallel(2),
      ]);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      await waitFor(
        async () =>
          (
            await env.asOwner(
              `SELECT count(*)::int AS n FROM clinic_waitlist WHERE session_id = ${s.id} AND status = 'promoted'`,
            )
          )[0].n === 2,
      );
      const rows = await env.asOwner(
        `SELECT resident_id, status FROM clinic_waitlist WHERE session_id = ${s.id} ORDER BY created_at, id`,
      );
      expect(
        rows.map((r) => [Number(r.resident_id), r.status]),
        `round ${round}`,
      ).toEqual([
        [waiters[0], 'promoted'],
        [waiters[1], 'promoted'],
        [waiters[2], 'waiting'],
      ]);
    }
  });

  it('a failed message retried by several schedulers at once is delivered exactly once', async () => {
    channel.down = true;
    const waiters = people.slice(1, 7);
    const s = await heldSessionWithWaitlist(desk, where, expertId, {
      held: waiters.length,
      booker: people[0],
      waiters,
    });
    await endHold(env, s.id);
    const t0 = new Date();
    await parallel(2, t0);
    const ids = `SELECT id FROM clinic_notifications WHERE booking_id IN (SELECT id FROM clinic_bookings WHERE session_id = ${s.id})`;
    const failedOnce = `SELECT count(*)::int AS n FROM clinic_notifications WHERE id IN (${ids}) AND attempts = 1 AND last_error IS NOT NULL AND sent_at IS NULL`;
    await waitFor(async () => (await env.asOwner(failedOnce))[0].n === waiters.length);

    channel.down = false;
    channel.delayMs = 50; // a slow gateway: the runs overlap inside each send
    const before = channel.sent.length;
    const runs = await parallel(4, later(10 * RETRY.baseMs, t0));
    channel.delayMs = 0;
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(waiters.length);
    expect(channel.sent.length - before).toBe(waiters.length);
    expect(
      await env.asOwner(
        `SELECT count(*)::int AS n FROM clinic_notifications WHERE id IN (${ids}) AND sent_at IS NOT NULL AND attempts = 2`,
      ),
    ).toEqual([{ n: waiters.length }]);
    await parallel(3, later(100 * RETRY.baseMs, t0));
    expect(channel.sent.length - before).toBe(waiters.length);
  });
});
