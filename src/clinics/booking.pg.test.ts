import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, key, place, residentIds, type Place } from './clinics.fixtures.ts';

/** Races on a real PostgreSQL server (PGlite runs one statement at a time, so it cannot race). */
let env: TestEnv;
let coordinator: Client;
let desks: Client[];
let where: Place;
let residents: number[];

beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20 });
  coordinator = await env.login('coordinator');
  // several desks at once, each its own session, like a booking rush from many terminals
  desks = await Promise.all(['county.doctor', 'coordinator', 'clerk'].map((u) => env.login(u)));
  where = await place(env);
  residents = await residentIds(env, 60);
});
afterAll(async () => {
  await env?.close();
});

const statuses = (rs: Array<{ statusCode: number }>) => rs.map((r) => r.statusCode).sort();

async function invariant(sessionId?: number) {
  const filter = sessionId ? `WHERE sl.session_id = ${sessionId}` : '';
  const rows = await env.asOwner(`SELECT sl.id, sl.capacity, sl.booked,
      (SELECT count(*)::int FROM clinic_bookings b WHERE b.slot_id = sl.id AND b.status IN ('confirmed', 'checked_in', 'completed', 'no_show')) AS active
    FROM clinic_slots sl ${filter}`);
  for (const r of rows) {
    expect(Number(r.booked), `slot ${r.id}`).toBe(Number(r.active));
    expect(Number(r.booked), `slot ${r.id}`).toBeLessThanOrEqual(Number(r.capacity));
  }
  const dupes = await env.asOwner(
    `SELECT session_id, resident_id FROM clinic_bookings WHERE status IN ('confirmed', 'checked_in') GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  expect(dupes).toEqual([]);
}

describe('booking races on PostgreSQL', () => {
  it('N concurrent bookers on the last free place: exactly one wins, the rest get 409 in Chinese', async () => {
    for (let round = 0; round < 5; round++) {
      const expertId = await createExpert(coordinator);
      const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 2 });
      expect((await bookAs(desks[0], { sessionId: s.id, residentId: residents[59] })).statusCode).toBe(201);
      const results = await Promise.all(
        residents.slice(0, 30).map((r, i) => bookAs(desks[i % desks.length], { sessionId: s.id, residentId: r })),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.statusCode !== 201)) {
        expect(r.statusCode).toBe(409);
        expect(r.json().message).toMatch(/约满/);
      }
      await invariant(s.id);
    }
  });

  it('a rush of 120 bookers on 25 places confirms exactly 25', async () => {
    const expertId = await createExpert(coordinator);
    const s = await createSession(coordinator, where, expertId, { slots: 5, capacityPerSlot: 5 });
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        bookAs(desks[i % desks.length], { sessionId: s.id, residentId: residents[i % 60] }),
      ),
    );
    expect(results.filter((r) => r.statusCode >= 500)).toEqual([]);
    const [{ n }] = await env.asOwner(
      `SELECT count(*)::int AS n FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed'`,
    );
    expect(n).toBe(25);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(25);
    await invariant(s.id);
  });

  it('one resident, one session, parallel requests with different keys: one booking', async () => {
    const expertId = await createExpert(coordinator);
    const s = await createSession(coordinator, where, expertId, { slots: 3, capacityPerSlot: 5 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        bookAs(desks[i % desks.length], { sessionId: s.id, residentId: residents[0] }),
      ),
    );
    expect(statuses(results)).toEqual([201, ...Array(11).fill(409)]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('ALREADY_BOOKED');
    await invariant(s.id);
  });

  it('parallel retries with the same Idempotency-Key make one booking and all answer it', async () => {
    const expertId = await createExpert(coordinator);
    const s = await createSession(coordinator, where, expertId, { slots: 3, capacityPerSlot: 5 });
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => bookAs(desks[0], { sessionId: s.id, residentId: residents[1] }, k)),
    );
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const [{ n }] = await env.asOwner(`SELECT count(*)::int AS n FROM clinic_bookings WHERE session_id = ${s.id}`);
    expect(n).toBe(1);
  });

  it('cancel vs book on a full session, repeated: never over capacity, counts always match', async () => {
    const expertId = await createExpert(coordinator);
    for (let round = 0; round < 8; round++) {
      const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
      const held = (await bookAs(desks[0], { sessionId: s.id, residentId: residents[2] })).json();
      const [cancelled, ...booked] = await Promise.all([
        desks[0].post(`/api/clinic-bookings/${held.id}/cancel`, { reason: '并发取消' }),
        ...residents.slice(3, 9).map((r, i) => bookAs(desks[1 + (i % 2)], { sessionId: s.id, residentId: r })),
      ]);
      expect(cancelled.statusCode).toBe(200);
      expect(booked.filter((r) => r.statusCode === 201).length).toBeLessThanOrEqual(1);
      expect(booked.filter((r) => r.statusCode >= 500)).toEqual([]);
      await invariant(s.id);
    }
  });

  it('cancel with a waitlist vs parallel bookers: the freed place goes to exactly one person', async () => {
    const expertId = await createExpert(coordinator);
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
    const held = (await bookAs(desks[0], { sessionId: s.id, residentId: residents[10] })).json();
    expect(
      (await desks[0].post('/api/clinic-waitlist', { sessionId: s.id, residentId: residents[11] })).statusCode,
    ).toBe(201);
    await Promise.all([
      desks[0].post(`/api/clinic-bookings/${held.id}/cancel`, { reason: '并发取消' }),
      ...residents.slice(12, 18).map((r, i) => bookAs(desks[1 + (i % 2)], { sessionId: s.id, residentId: r })),
    ]);
    const [{ n }] = await env.asOwner(
      `SELECT count(*)::int AS n FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed'`,
    );
    expect(n).toBe(1);
    await invariant(s.id);
  });

  it('a session cancelled in the middle of a rush keeps no confirmed booking, and everyone booked is told', async () => {
    for (let round = 0; round < 4; round++) {
      const expertId = await createExpert(coordinator);
      const s = await createSession(coordinator, where, expertId, { slots: 4, capacityPerSlot: 10 });
      const rush = residents
        .slice(0, 40)
        .map((r, i) => bookAs(desks[i % desks.length], { sessionId: s.id, residentId: r }));
      const cancelled = coordinator.post(`/api/clinic-sessions/${s.id}/cancel`, { reason: '专家临时手术' });
      const results = await Promise.all(rush);
      expect((await cancelled).statusCode).toBe(200);
      expect(results.filter((r) => r.statusCode >= 500)).toEqual([]);
      const [left] = await env.asOwner(`SELECT
        (SELECT count(*)::int FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed') AS confirmed,
        (SELECT coalesce(sum(booked), 0)::int FROM clinic_slots WHERE session_id = ${s.id}) AS booked,
        (SELECT count(*)::int FROM clinic_bookings WHERE session_id = ${s.id}) AS made,
        (SELECT count(*)::int FROM clinic_notifications n JOIN clinic_bookings b ON b.id = n.booking_id WHERE b.session_id = ${s.id} AND n.kind = 'session_cancelled') AS told`);
      expect(left, `round ${round}`).toMatchObject({ confirmed: 0, booked: 0 });
      expect(left.told).toBe(left.made);
      expect(left.made).toBe(results.filter((r) => r.statusCode === 201).length);
    }
  });
});
