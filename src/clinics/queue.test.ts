import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, place, residentIds, type Place } from './clinics.fixtures.ts';

let env: TestEnv;
let coordinator: Client;
let clerk: Client;
let expert: Client;
let where: Place;
let residents: number[];
let baseUrl: string;

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, clerk, expert] = await Promise.all(['coordinator', 'clerk', 'expert'].map((u) => env.login(u)));
  where = await place(env);
  residents = await residentIds(env, 30, 30);
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await env?.close();
});

/**
 * The fake clock: the session starts five minutes from now, whatever the time of day (a
 * session just after midnight may be checked in from three hours before).
 */
async function startSoon(sessionId: number) {
  await env.asOwner(`UPDATE clinic_sessions SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '3 hours',
    session_date = (now() AT TIME ZONE 'UTC' + interval '8 hours')::date WHERE id = ${sessionId}`);
  await env.asOwner(`UPDATE clinic_slots sl SET starts_at = now() + interval '5 minutes' + (k.n - 1) * interval '10 minutes',
      ends_at = now() + interval '15 minutes' + (k.n - 1) * interval '10 minutes'
    FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS n FROM clinic_slots WHERE session_id = ${sessionId}) k WHERE k.id = sl.id`);
}

/** A session about to start, with bookings. */
async function todaySession(n: number, opts: { referred?: number[] } = {}) {
  const expertId = await createExpert(coordinator);
  const s = await createSession(coordinator, where, expertId, { daysAhead: 1, slots: 2, capacityPerSlot: 10 });
  const bookings: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await bookAs(coordinator, {
      sessionId: s.id,
      residentId: residents[i],
      referred: opts.referred?.includes(i) ?? false,
    });
    expect(res.statusCode, res.body).toBe(201);
    bookings.push(res.json().id);
  }
  await startSoon(s.id);
  return { session: s, bookings };
}

async function screenFor(departmentId: number) {
  const res = await coordinator.post('/api/clinic-screens', { departmentId, name: '神经内科候诊区' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; token: string; url: string }>();
}

/** Reads SSE events from a live stream (a screen's, or with `path` a ticket's) as they arrive. */
async function listen(token: string, path = '/api/screen/stream') {
  const ctrl = new AbortController();
  const res = await fetch(`${baseUrl}${path}?token=${token}`, { signal: ctrl.signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: Array<Record<string, unknown>> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = chunk.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    events,
    async waitFor(pred: (e: Record<string, unknown>) => boolean, ms = 3000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const hit = events.find(pred);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no matching event in ${JSON.stringify(events)}`);
    },
    close: async () => {
      ctrl.abort();
      await pump;
    },
  };
}

describe('check-in and queue order', () => {
  it('orders the queue: emergency, then referred and 80+, then by check-in time', async () => {
    const { session, bookings } = await todaySession(5, { referred: [2] });
    // resident 1 is 85 years old
    await env.asOwner(
      `UPDATE clinic_bookings SET resident_birth_date = (now() - interval '85 years')::date WHERE id = ${bookings[1]}`,
    );
    const checked = [];
    for (const [i, body] of [
      [0, {}],
      [1, {}],
      [2, {}],
      [3, { emergency: true }],
      [4, {}],
    ] as const) {
      const res = await clerk.post(`/api/clinic-bookings/${bookings[i]}/check-in`, body);
      expect(res.statusCode, res.body).toBe(201);
      checked.push(res.json());
    }
    expect(checked.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(checked[0].url).toMatch(/^\/q\/.{20,}/);
    expect((await clerk.post(`/api/clinic-bookings/${bookings[0]}/check-in`, {})).json()).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
    });
    const q = (await expert.get(`/api/clinic-sessions/${session.id}/queue`)).json();
    expect(q.waiting.map((t: { number: number }) => t.number)).toEqual([4, 2, 3, 1, 5]);
    expect(q.waiting.map((t: { priorityReason: string | null }) => t.priorityReason)).toEqual([
      '急诊',
      '80岁以上',
      '转诊优先',
      null,
      null,
    ]);
  });

  it('check-in only on the day of the session', async () => {
    const expertId = await createExpert(coordinator);
    const s = await createSession(coordinator, where, expertId, { daysAhead: 2 });
    const b = (await bookAs(coordinator, { sessionId: s.id, residentId: residents[0] })).json();
    expect((await clerk.post(`/api/clinic-bookings/${b.id}/check-in`, {})).json()).toMatchObject({ code: 'NOT_TODAY' });
  });

  it('the doctor calls next, recalls, skips, requeues and finishes; the booking ends completed', async () => {
    const { session, bookings } = await todaySession(3);
    for (const b of bookings) await clerk.post(`/api/clinic-bookings/${b}/check-in`, {});
    let q = (await expert.post(`/api/clinic-sessions/${session.id}/call-next`)).json();
    expect(q.current).toMatchObject({ number: 1, status: 'called', callCount: 1 });
    q = (await expert.post(`/api/clinic-queue-tickets/${q.current.id}/recall`)).json();
    expect(q.current.callCount).toBe(2);
    const skippedId = q.current.id;
    q = (await expert.post(`/api/clinic-queue-tickets/${skippedId}/skip`)).json();
    expect(q.current).toBeNull();
    expect(q.skipped.map((t: { number: number }) => t.number)).toEqual([1]);
    q = (await expert.post(`/api/clinic-sessions/${session.id}/call-next`)).json();
    expect(q.current.number).toBe(2);
    q = (await clerk.post(`/api/clinic-queue-tickets/${skippedId}/requeue`)).json();
    expect(q.waiting.map((t: { number: number }) => t.number)).toEqual([3, 1]);
    q = (await expert.post(`/api/clinic-queue-tickets/${q.current.id}/finish`)).json();
    expect(q).toMatchObject({ current: null, done: 1 });
    expect((await expert.post(`/api/clinic-queue-tickets/${skippedId}/finish`)).json()).toMatchObject({
      code: 'INVALID_STATE',
    });
    const [row] = await env.asOwner(`SELECT status FROM clinic_bookings WHERE id = ${bookings[1]}`);
    expect(row.status).toBe('completed');
  });
});

describe("display screen and the patient's phone page", () => {
  it('a screen shows the call with a masked name and the Mandarin announcement, live over SSE', async () => {
    const { session, bookings } = await todaySession(2);
    const screen = await screenFor(where.departmentId);
    const tickets = [];
    for (const b of bookings) tickets.push((await clerk.post(`/api/clinic-bookings/${b}/check-in`, {})).json());
    const live = await listen(screen.token);
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    const called = await live.waitFor((e) => e.kind === 'called');
    expect(called).toMatchObject({ topic: 'clinic.queue', sessionId: session.id, number: 1 });
    expect(called.announcement).toMatch(/^请 1 号 .\*+.? 到 .+诊室就诊$/);
    const board = (await env.anonymous().get(`/api/screen/board?token=${screen.token}`)).json();
    const room = board.rooms.find((r: { sessionId: number }) => r.sessionId === session.id);
    expect(room.current).toMatchObject({ number: 1, maskedName: tickets[0].maskedName });
    expect(room.current.maskedName).toMatch(/\*/);
    expect(room.next.map((t: { number: number }) => t.number)).toEqual([2]);
    expect(JSON.stringify(board)).not.toContain(tickets[0].residentName);
    await live.close();
  });

  it('after a reconnect the board has the calls made while offline, and new events flow again', async () => {
    const { session, bookings } = await todaySession(3);
    const screen = await screenFor(where.departmentId);
    for (const b of bookings) await clerk.post(`/api/clinic-bookings/${b}/check-in`, {});
    const first = await listen(screen.token);
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    await first.waitFor((e) => e.kind === 'called' && e.number === 1);
    await first.close();
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`); // while the screen is offline
    const second = await listen(screen.token);
    const board = (await env.anonymous().get(`/api/screen/board?token=${screen.token}`)).json();
    expect(board.rooms.find((r: { sessionId: number }) => r.sessionId === session.id).current.number).toBe(2);
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    await second.waitFor((e) => e.kind === 'called' && e.number === 3);
    expect(second.events.some((e) => e.number === 2)).toBe(false);
    await second.close();
  });

  it('screens of another department hear nothing; a bad or rotated token is refused and audited', async () => {
    const other = await place(env, 'cardiology');
    const { session, bookings } = await todaySession(1);
    await clerk.post(`/api/clinic-bookings/${bookings[0]}/check-in`, {});
    const otherScreen = await screenFor(other.departmentId);
    const live = await listen(otherScreen.token);
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events.filter((e) => e.sessionId === session.id)).toEqual([]);
    await live.close();
    const bad = await env.anonymous().get(`/api/screen/board?token=${'x'.repeat(32)}`);
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'INVALID_TOKEN', message: expect.stringMatching(/链接无效/) });
    const rotated = (await coordinator.post(`/api/clinic-screens/${otherScreen.id}/rotate`)).json();
    expect((await env.anonymous().get(`/api/screen/board?token=${otherScreen.token}`)).statusCode).toBe(401);
    expect((await env.anonymous().get(`/api/screen/board?token=${rotated.token}`)).statusCode).toBe(200);
    const [{ n }] = await env.asOwner(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'clinic.screen.denied'`);
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it("the patient's phone shows the place in the queue and an estimated wait", async () => {
    const { session, bookings } = await todaySession(3);
    const tickets = [];
    for (const b of bookings) tickets.push((await clerk.post(`/api/clinic-bookings/${b}/check-in`, {})).json());
    const token = tickets[2].token;
    let me = (await env.anonymous().get(`/api/queue-ticket?token=${token}`)).json();
    expect(me).toMatchObject({
      number: 3,
      status: 'waiting',
      position: 2,
      estimatedWaitMinutes: 16,
      minutesPerPatient: 8,
      currentNumber: null,
    });
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    me = (await env.anonymous().get(`/api/queue-ticket?token=${token}`)).json();
    expect(me).toMatchObject({ position: 1, currentNumber: 1, estimatedWaitMinutes: 16 });
    expect(me.maskedName).toMatch(/\*/);
    expect((await env.anonymous().get(`/api/queue-ticket?token=${'y'.repeat(24)}`)).statusCode).toBe(401);
  });

  it('the phone page gets its own place pushed over SSE as the queue moves, and the current state again after a reconnect', async () => {
    const { session, bookings } = await todaySession(3);
    const tickets = [];
    for (const b of bookings) tickets.push((await clerk.post(`/api/clinic-bookings/${b}/check-in`, {})).json());
    const listenersBefore = env.app.platform.events.listenerCount;
    const stream = '/api/queue-ticket/stream';
    const first = await listen(tickets[2].token, stream);
    await first.waitFor((e) => e.position === 2 && e.currentNumber === null); // pushed on connect, no GET needed
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    await first.waitFor((e) => e.position === 1 && e.currentNumber === 1 && e.estimatedWaitMinutes === 16);
    // its own view only: the waiting room's announcement (another patient's masked name) is not forwarded
    const ownFields = [
      ...Object.keys((await env.anonymous().get(`/api/queue-ticket?token=${tickets[2].token}`)).json()),
      'topic',
    ].sort();
    for (const e of first.events) expect(Object.keys(e).sort()).toEqual(ownFields);
    expect(JSON.stringify(first.events)).not.toMatch(/announcement|residentName/);
    await first.close();
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`); // while the phone is offline
    const second = await listen(tickets[2].token, stream);
    await second.waitFor((e) => e.position === 0 && e.currentNumber === 2);
    await expert.post(`/api/clinic-sessions/${session.id}/call-next`);
    await second.waitFor((e) => e.status === 'called' && e.position === null);
    await second.close();
    // the server lets go of a closed stream's subscriptions
    await expect.poll(() => env.app.platform.events.listenerCount).toBe(listenersBefore);
  });

  it("another session's queue pushes nothing to a ticket; a bad token is refused before any stream opens", async () => {
    const mine = await todaySession(1);
    const other = await todaySession(1);
    const t = (await clerk.post(`/api/clinic-bookings/${mine.bookings[0]}/check-in`, {})).json();
    await clerk.post(`/api/clinic-bookings/${other.bookings[0]}/check-in`, {});
    const live = await listen(t.token, '/api/queue-ticket/stream');
    await live.waitFor((e) => e.position === 0);
    await expert.post(`/api/clinic-sessions/${other.session.id}/call-next`);
    await new Promise((r) => setTimeout(r, 300));
    expect(live.events).toHaveLength(1);
    await live.close();
    const bad = await fetch(`${baseUrl}/api/queue-ticket/stream?token=${'z'.repeat(24)}`);
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_TOKEN', message: expect.stringMatching(/链接无效/) });
  });
});
