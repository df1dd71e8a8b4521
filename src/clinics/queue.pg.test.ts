import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, place, residentIds } from './clinics.fixtures.ts';

/** Queue races on a real server: two doctors (or a double click) pressing "next" at once. */
let env: TestEnv;
let coordinator: Client;
let callers: Client[];

beforeAll(async () => {
  env = await createTestEnv();
  coordinator = await env.login('coordinator');
  callers = await Promise.all(['expert', 'county.doctor', 'coordinator'].map((u) => env.login(u)));
});
afterAll(async () => {
  await env?.close();
});

describe('queue calling races on PostgreSQL', () => {
  it('parallel "next" presses call each patient exactly once and never two at a time', async () => {
    const s = await createSession(coordinator, await place(env), await createExpert(coordinator), {
      daysAhead: 1,
      slots: 2,
      capacityPerSlot: 10,
    });
    const residents = await residentIds(env, 8, 20);
    const bookings = [];
    for (const r of residents) bookings.push((await bookAs(coordinator, { sessionId: s.id, residentId: r })).json().id);
    await env.asOwner(`UPDATE clinic_sessions SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '3 hours',
      session_date = (now() AT TIME ZONE 'UTC' + interval '8 hours')::date WHERE id = ${s.id}`);
    const desk = await env.login('clerk');
    await Promise.all(bookings.map((b) => desk.post(`/api/clinic-bookings/${b}/check-in`, {})));
    const [{ n: numbers }] = await env.asOwner(
      `SELECT count(DISTINCT number)::int AS n FROM clinic_queue_tickets WHERE session_id = ${s.id}`,
    );
    expect(numbers).toBe(8);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(callers.map((c) => c.post(`/api/clinic-sessions/${s.id}/call-next`)));
      expect(results.filter((r) => r.statusCode >= 500)).toEqual([]);
      const rows = await env.asOwner(
        `SELECT status, count(*)::int AS n FROM clinic_queue_tickets WHERE session_id = ${s.id} GROUP BY status`,
      );
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      expect(by.called ?? 0).toBeLessThanOrEqual(1);
    }
    const [{ done, called }] = await env.asOwner(
      `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'called')::int AS called FROM clinic_queue_tickets WHERE session_id = ${s.id}`,
    );
    // nine presses, eight patients: every patient called once, none twice
    expect(Number(done) + Number(called)).toBe(8);
    expect(Number(called)).toBe(0);
  });
});
