import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedClinics } from '../seed/clinics.seed.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('demo clinics seed', () => {
  it('gives the county a roster, a past year with attendance, free upcoming slots and a working screen', async () => {
    const r = await seedClinics(env.db, { countyId: env.countyId, seed: 1, profile: 'tiny' });
    expect(r.experts).toBe(6);
    expect(r.sessions).toBeGreaterThan(40);
    expect(r.bookings).toBeGreaterThan(200);
    const [past] =
      await env.asOwner(`SELECT count(*) FILTER (WHERE b.status = 'completed')::int AS seen, count(*) FILTER (WHERE b.status = 'no_show')::int AS no_shows
      FROM clinic_bookings b JOIN clinic_sessions s ON s.id = b.session_id WHERE s.status = 'closed'`);
    expect(Number(past.seen)).toBeGreaterThan(100);
    const bad = await env.asOwner(`SELECT id FROM clinic_slots sl WHERE booked > capacity
      OR booked <> (SELECT count(*) FROM clinic_bookings b WHERE b.slot_id = sl.id AND b.status <> 'cancelled')`);
    expect(bad).toEqual([]);
    const coordinator = await env.login('coordinator');
    const upcoming = (await coordinator.get('/api/clinic-sessions?kind=expert&status=published')).json().items;
    expect(
      upcoming.filter((s: { free: number; released: boolean }) => s.free > 0 && s.released).length,
    ).toBeGreaterThan(3);
    const me = (await (await env.login('expert')).get('/api/clinic-sessions?mine=true')).json().items;
    expect(me.length).toBeGreaterThan(3);
    const board = await env.anonymous().get(`/api/screen/board?token=${r.screenUrls[0].split('/').pop()}`);
    expect(board.statusCode).toBe(200);
    const stats = (await (await env.login('bureau')).get('/api/clinic-stats')).json();
    expect(stats.totals.served).toBeGreaterThan(100);
  });
});
