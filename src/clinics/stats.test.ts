import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, place, residentIds, shiftSession } from './clinics.fixtures.ts';

let env: TestEnv;
let coordinator: Client;
let admin: Client;
let bureau: Client;

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, admin, bureau] = await Promise.all(['coordinator', 'admin', 'bureau'].map((u) => env.login(u)));
});
afterAll(async () => {
  await env?.close();
});

describe('programme statistics and subsidy ledger', () => {
  it('counts sessions, visits and patients served, and shows the savings with its inputs', async () => {
    const where = await place(env);
    const expertId = await createExpert(coordinator, { name: '白国强', speciality: '神经外科' });
    const residents = await residentIds(env, 4);
    const s = await createSession(coordinator, where, expertId, { slots: 2, capacityPerSlot: 2 });
    const ids = [];
    for (const r of residents) ids.push((await bookAs(coordinator, { sessionId: s.id, residentId: r })).json().id);
    // two came (checked in and finished), two never did
    await env.asOwner(`UPDATE clinic_bookings SET status = 'completed' WHERE id IN (${ids[0]}, ${ids[1]})`);
    await shiftSession(env, s.id, '-10 days');
    expect((await coordinator.post(`/api/clinic-sessions/${s.id}/close`)).json()).toEqual({ noShows: 2, suspended: 0 });
    const res = await bureau.get('/api/clinic-stats');
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json();
    expect(st.totals).toMatchObject({ sessions: 1, expertVisits: 1, booked: 4, served: 2, noShows: 2, experts: 1 });
    expect(st.byExpert[0]).toMatchObject({ label: '白国强', served: 2 });
    expect(st.bySpeciality[0].label).toBe('神经外科');
    expect(st.savings).toMatchObject({
      patientsServed: 2,
      avgOutOfCountyCostFen: 380000,
      avgTravelCostFen: 60000,
      avgInCountyCostFen: 120000,
      perPatientFen: 320000,
      totalFen: 640000,
    });
    expect(st.savings.formula).toContain('县外就医平均费用');
    await admin.patch('/api/clinic-settings', { avgTravelCostFen: 100000 });
    expect((await bureau.get('/api/clinic-stats')).json().savings.totalFen).toBe(720000);
    expect(JSON.stringify(st)).not.toMatch(/resident/i);
  });

  it('the ledger shows budget, spent, committed and left per expert and month; only admin sets money', async () => {
    // the budget is set for the year of the session's Shanghai date, whatever today is
    // (400 days ahead of late November is two calendar years on)
    const date = addDays(todayInShanghai(), 400);
    const year = Number(date.slice(0, 4));
    expect((await coordinator.post('/api/clinic-subsidy/budget', { year, budgetFen: 1 })).statusCode).toBe(403);
    await admin.post('/api/clinic-subsidy/rates', { rates: [{ sessionType: 'teaching', subsidyFen: 200000 }] });
    const ledger = await admin.post('/api/clinic-subsidy/budget', { year, budgetFen: 500_000_000 });
    expect(ledger.json()).toMatchObject({
      year,
      budgetFen: 500_000_000,
      spentFen: 0,
      committedFen: 0,
      leftFen: 500_000_000,
    });
    const where = await place(env);
    const expertId = await createExpert(coordinator, { name: '乔丽萍' });
    const s = await createSession(coordinator, where, expertId, { sessionType: 'teaching', date });
    expect(s).toMatchObject({ status: 'published', date });
    const after = (await bureau.get(`/api/clinic-subsidy?year=${year}`)).json();
    expect(after.byExpert.find((e: { expertName: string }) => e.expertName === '乔丽萍')).toMatchObject({
      sessions: 1,
      committedFen: 200000,
    });
  });
});
