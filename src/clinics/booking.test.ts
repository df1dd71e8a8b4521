import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { shanghaiClock } from './clinic-time.ts';
import {
  bookAs,
  createExpert,
  createSession,
  key,
  place,
  residentIds,
  shiftSession,
  type Place,
} from './clinics.fixtures.ts';

let env: TestEnv;
let coordinator: Client;
let county: Client;
let village: Client;
let township: Client;
let admin: Client;
let where: Place;
let expertId: number;
let residents: number[];

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, county, village, township, admin] = await Promise.all(
    ['coordinator', 'county.doctor', 'village.doctor', 'township.doctor', 'admin'].map((u) => env.login(u)),
  );
  where = await place(env);
  expertId = await createExpert(coordinator);
  residents = await residentIds(env, 40);
});
afterAll(async () => {
  await env?.close();
});

const CHINESE = /[\u4e00-\u9fff]/;
const count = async (text: string) => Number((await env.asOwner(text))[0].n);

describe('expert roster', () => {
  it('coordinators register experts; other roles see the contact masked and cannot edit', async () => {
    const id = await createExpert(coordinator, { name: '郭建华', speciality: '心血管内科' });
    expect((await coordinator.get(`/api/experts/${id}`)).json()).toMatchObject({
      name: '郭建华',
      mobile: '13900001111',
      allianceMember: true,
      hospitalLevel: 'provincial',
    });
    expect((await county.get(`/api/experts/${id}`)).json().mobile).toBe('139****1111');
    expect((await county.post('/api/experts', { name: '甲' })).statusCode).toBe(403);
    const list = await county.get(`/api/experts?q=${encodeURIComponent('心血管')}`);
    expect(list.json().items.map((e: { id: number }) => e.id)).toContain(id);
    const stale = await coordinator.patch(`/api/experts/${id}`, { version: 99, title: '副主任医师' });
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });
  });
});

describe('sessions and slots', () => {
  it('a plan becomes slots with capacity; the same expert or room cannot be double-booked', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 4, capacityPerSlot: 5, heldPerSlot: 1 });
    expect(s).toMatchObject({ status: 'published', capacity: 20 });
    expect(s.slots).toHaveLength(4);
    expect(s.slots.map((x) => x.free)).toEqual([4, 4, 4, 4]);
    const again = await coordinator.post('/api/clinic-sessions', {
      kind: 'expert',
      expertId,
      orgId: where.orgId,
      departmentId: where.departmentId,
      room: 'X1',
      date: s.date,
      startTime: s.slots[0].startsAt.slice(11, 16) === '' ? '08:00' : shanghaiClock(new Date(s.slots[1].startsAt)),
      endTime: '21:00',
      capacityPerSlot: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EXPERT_BUSY', message: expect.stringMatching(CHINESE) });
  });

  it('only the group office plans expert sessions; a township doctor plans ordinary clinics in their own centre only', async () => {
    const centre = await env.asOwner(
      `SELECT d.id, d.org_id FROM departments d JOIN orgs o ON o.id = d.org_id WHERE o.kind = 'township_center' AND o.county_id = ${env.countyId} ORDER BY o.id, d.id LIMIT 1`,
    );
    const mine = { orgId: Number(centre[0].org_id), departmentId: Number(centre[0].id) };
    expect(
      (
        await township.post('/api/clinic-sessions', {
          kind: 'expert',
          expertId,
          ...mine,
          room: '1',
          date: '2099-01-01',
          startTime: '08:00',
          endTime: '09:00',
          capacityPerSlot: 2,
        })
      ).statusCode,
    ).toBe(403);
    const ordinary = await createSession(township, mine, null, { kind: 'ordinary' });
    expect(ordinary.status).toBe('published');
    const out = await township.post('/api/clinic-sessions', {
      kind: 'ordinary',
      doctorName: '王医生',
      ...where,
      room: '9',
      date: '2099-01-01',
      startTime: '08:00',
      endTime: '09:00',
      capacityPerSlot: 2,
    });
    expect(out.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });
});

describe('booking', () => {
  it('books the earliest free slot; the same key and body replays (200, Idempotent-Replayed: true), another body is 422', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 2, capacityPerSlot: 2 });
    const k = key();
    const first = await bookAs(village, { sessionId: s.id, residentId: residents[0] }, k);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      sessionId: s.id,
      slotId: s.slots[0].id,
      status: 'confirmed',
      channel: 'staff',
    });
    // the answer is assembled from the claim; it must be the booking as stored
    expect((await village.get(`/api/clinic-bookings/${first.json().id}`)).json()).toEqual(first.json());
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const replay = await bookAs(village, { sessionId: s.id, residentId: residents[0] }, k);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    const other = await bookAs(village, { sessionId: s.id, residentId: residents[1] }, k);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(CHINESE) });
    expect(await count(`SELECT count(*) AS n FROM clinic_bookings WHERE session_id = ${s.id}`)).toBe(1);
    expect((await bookAs(village, { sessionId: s.id, residentId: residents[0] })).json()).toMatchObject({
      code: 'ALREADY_BOOKED',
    });
    expect((await bookAs(village, { sessionId: s.id, residentId: residents[0] })).statusCode).toBe(409);
    expect((await bookAs(village, { sessionId: s.id, residentId: residents[0] }, 'short')).statusCode).toBe(400);
  });

  it('an unseen resident (404), a deceased one (400) and a second booking (409) take no place', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 3 });
    const [other] = await env.asOwner(`SELECT r.id FROM residents r JOIN staff st ON st.username = 'village.doctor'
      WHERE r.county_id = st.county_id AND r.org_id <> st.org_id AND r.deceased_on IS NULL ORDER BY r.id LIMIT 1`);
    const unseen = await bookAs(village, { sessionId: s.id, residentId: Number(other.id) });
    expect(unseen.statusCode).toBe(404);
    // a resident no other test books (the known demo names and the fixture list stay alive)
    const [gone] = await env.asOwner(`UPDATE residents SET deceased_on = current_date - 1 WHERE id = (
      SELECT id FROM residents WHERE county_id = ${env.countyId} AND name NOT LIKE '张%' AND id <> ALL(ARRAY[${residents.join(',')}]::int[])
      ORDER BY id DESC LIMIT 1) RETURNING id`);
    const deceased = await bookAs(county, { sessionId: s.id, residentId: Number(gone.id) });
    expect(deceased.json()).toMatchObject({
      code: 'RESIDENT_DECEASED',
      field: 'residentId',
      message: expect.stringMatching(CHINESE),
    });
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[31] })).statusCode).toBe(201);
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[31] })).json().code).toBe('ALREADY_BOOKED');
    const [slot] = await env.asOwner(`SELECT sum(booked)::int AS booked FROM clinic_slots WHERE session_id = ${s.id}`);
    expect(slot.booked).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM clinic_bookings WHERE session_id = ${s.id}`)).toBe(1);
  });

  it('a full session answers 409 in Chinese with the next free times, and writes nothing', async () => {
    const own = await createExpert(coordinator);
    const s = await createSession(coordinator, where, own, { slots: 1, capacityPerSlot: 1 });
    const later = await createSession(coordinator, where, own, { slots: 2, capacityPerSlot: 1, daysAhead: 4 });
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[2] })).statusCode).toBe(201);
    const before = await count(`SELECT count(*) AS n FROM clinic_bookings`);
    const lost = await bookAs(county, { sessionId: s.id, residentId: residents[3] });
    expect(lost.statusCode).toBe(409);
    expect(lost.json()).toMatchObject({ code: 'SESSION_FULL', message: expect.stringContaining('可改约') });
    expect(lost.json().nextFree[0]).toMatchObject({ sessionId: later.id, slotId: later.slots[0].id });
    expect(await count(`SELECT count(*) AS n FROM clinic_bookings`)).toBe(before);
    const slotFull = await bookAs(county, { sessionId: later.id, slotId: later.slots[0].id, residentId: residents[3] });
    expect(slotFull.statusCode).toBe(201);
    const taken = await bookAs(county, { sessionId: later.id, slotId: later.slots[0].id, residentId: residents[4] });
    expect(taken.json()).toMatchObject({ code: 'SLOT_FULL', nextFree: [{ slotId: later.slots[1].id }] });
  });

  it('cancelling frees the place for the next booker', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
    const a = (await bookAs(county, { sessionId: s.id, residentId: residents[5] })).json();
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[6] })).statusCode).toBe(409);
    const cancelled = await county.post(`/api/clinic-bookings/${a.id}/cancel`, { reason: '患者改期' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '患者改期' });
    expect((await county.post(`/api/clinic-bookings/${a.id}/cancel`, { reason: '再次取消' })).json()).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[6] })).statusCode).toBe(201);
    // the resident whose booking was cancelled may book again (only active bookings are unique)
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[5] })).statusCode).toBe(409);
  });

  it('the waitlist is promoted automatically when a place frees, and the resident is told', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
    const a = (await bookAs(county, { sessionId: s.id, residentId: residents[7] })).json();
    expect(
      (await county.post('/api/clinic-waitlist', { sessionId: s.id, residentId: residents[8] })).json(),
    ).toMatchObject({ status: 'waiting', position: 1 });
    expect(
      (await county.post('/api/clinic-waitlist', { sessionId: s.id, residentId: residents[9] })).json(),
    ).toMatchObject({ position: 2 });
    expect(
      (await county.post('/api/clinic-waitlist', { sessionId: s.id, residentId: residents[8] })).json(),
    ).toMatchObject({ code: 'ALREADY_WAITING' });
    await county.post(`/api/clinic-bookings/${a.id}/cancel`, { reason: '家中有事' });
    const list = (await county.get(`/api/clinic-sessions/${s.id}/bookings`)).json();
    const active = list.bookings.filter((b: { status: string }) => b.status === 'confirmed');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ residentId: residents[8], channel: 'waitlist' });
    expect(list.waitlist.find((w: { residentId: number }) => w.residentId === residents[9])).toMatchObject({
      status: 'waiting',
      position: 1,
    });
    const notes = await env.asOwner(
      `SELECT kind, message, sent_at FROM clinic_notifications WHERE resident_id = ${residents[8]}`,
    );
    expect(notes[0]).toMatchObject({ kind: 'waitlist_promoted', message: expect.stringContaining('预约成功') });
    expect(notes[0].sent_at).not.toBeNull();
    const open = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 2 });
    expect(
      (await county.post('/api/clinic-waitlist', { sessionId: open.id, residentId: residents[9] })).json(),
    ).toMatchObject({ code: 'SLOTS_AVAILABLE' });
  });

  it('slots open at the release time; referred patients (三优先) may book before', async () => {
    const s = await createSession(coordinator, where, expertId, { daysAhead: 20, slots: 2, capacityPerSlot: 1 });
    const early = await bookAs(county, { sessionId: s.id, residentId: residents[10] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'NOT_RELEASED', message: expect.stringMatching(/开放预约/) });
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[10], referred: true })).statusCode).toBe(201);
    await env.asOwner(`UPDATE clinic_sessions SET release_at = now() - interval '1 minute' WHERE id = ${s.id}`);
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[11] })).statusCode).toBe(201);
  });

  it('held slots stay for referred patients until the hold ends, then anyone may book them', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 2, heldPerSlot: 1 });
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[12] })).statusCode).toBe(201);
    const blocked = await bookAs(county, { sessionId: s.id, residentId: residents[13] });
    expect(blocked.json()).toMatchObject({ code: 'SESSION_FULL' });
    const detail = (await county.get(`/api/clinic-sessions/${s.id}`)).json();
    expect(detail.slots[0]).toMatchObject({ free: 0, freeReferred: 1 });
    await env.asOwner(`UPDATE clinic_slots SET hold_until = now() - interval '1 minute' WHERE session_id = ${s.id}`);
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[13] })).statusCode).toBe(201);
    // and with the hold still on, the referred patient gets the held place
    const s2 = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 2, heldPerSlot: 1 });
    expect((await bookAs(county, { sessionId: s2.id, residentId: residents[12] })).statusCode).toBe(201);
    expect(
      (await bookAs(coordinator, { sessionId: s2.id, residentId: residents[14], referred: true, referralId: 7 }))
        .statusCode,
    ).toBe(201);
    expect(
      (await bookAs(coordinator, { sessionId: s2.id, residentId: residents[15], referred: true })).json(),
    ).toMatchObject({ code: 'SESSION_FULL' });
  });

  it('3 no-shows in 90 days suspend self-booking for 30 days', async () => {
    const r = residents[16];
    for (let i = 0; i < 3; i++) {
      const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
      const b = (await bookAs(county, { sessionId: s.id, residentId: r })).json();
      expect((await county.post(`/api/clinic-bookings/${b.id}/no-show`)).json()).toMatchObject({ code: 'TOO_EARLY' });
      await shiftSession(env, s.id, '-10 days');
      const res = await county.post(`/api/clinic-bookings/${b.id}/no-show`);
      expect(res.json()).toMatchObject({ booking: { status: 'no_show' }, noShowsInWindow: i + 1, suspended: i === 2 });
    }
    const [row] = await env.asOwner(
      `SELECT until > now() + interval '29 days' AS long, until < now() + interval '31 days' AS short FROM clinic_suspensions WHERE resident_id = ${r}`,
    );
    expect(row).toEqual({ long: true, short: true });
  });

  it('closing a past session marks those who never came as no-shows', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 2, capacityPerSlot: 1 });
    await bookAs(county, { sessionId: s.id, residentId: residents[17] });
    expect((await county.post(`/api/clinic-sessions/${s.id}/close`)).json()).toMatchObject({ code: 'NOT_ENDED' });
    await shiftSession(env, s.id, '-10 days');
    expect((await county.post(`/api/clinic-sessions/${s.id}/close`)).json()).toEqual({ noShows: 1, suspended: 0 });
  });

  it('cancelling a session cancels every booking, frees the slots and tells each patient', async () => {
    const s = await createSession(coordinator, where, expertId, { slots: 2, capacityPerSlot: 2 });
    for (const r of residents.slice(18, 21))
      expect((await bookAs(county, { sessionId: s.id, residentId: r })).statusCode).toBe(201);
    const res = await coordinator.post(`/api/clinic-sessions/${s.id}/cancel`, { reason: '专家临时手术' });
    expect(res.json()).toMatchObject({ status: 'cancelled', notified: 3, booked: 0 });
    expect(
      await count(`SELECT count(*) AS n FROM clinic_bookings WHERE session_id = ${s.id} AND status = 'confirmed'`),
    ).toBe(0);
    const notes = await env.asOwner(
      `SELECT message FROM clinic_notifications WHERE kind = 'session_cancelled' AND booking_id IN (SELECT id FROM clinic_bookings WHERE session_id = ${s.id})`,
    );
    expect(notes).toHaveLength(3);
    expect(String(notes[0].message)).toContain('专家临时手术');
    expect((await bookAs(county, { sessionId: s.id, residentId: residents[21] })).json()).toMatchObject({
      code: 'SESSION_NOT_OPEN',
    });
  });

  it('booking rows are resident data: invisible without an org scope (RLS), and reads are audited', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM clinic_bookings`.execute(env.db);
    expect(rows[0].n).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM clinic_bookings`)).toBeGreaterThan(5);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'clinic.booking.create' AND resident_id IS NOT NULL`,
      ),
    ).toBeGreaterThan(5);
  });

  it('a village doctor cannot book or see a resident of another township', async () => {
    const [other] = await env.asOwner(
      `SELECT r.id FROM residents r JOIN orgs o ON o.id = r.org_id WHERE r.name = '张思敏'`,
    );
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 3 });
    expect((await bookAs(village, { sessionId: s.id, residentId: Number(other.id) })).statusCode).toBe(404);
    const b = (await bookAs(county, { sessionId: s.id, residentId: Number(other.id) })).json();
    expect((await village.get(`/api/clinic-bookings/${b.id}`)).statusCode).toBe(404);
    expect((await village.post(`/api/clinic-bookings/${b.id}/cancel`, { reason: '越权取消' })).statusCode).toBe(404);
  });
});

describe('subsidy budget', () => {
  it("a session that would exceed the year's budget waits for approval, then opens", async () => {
    await env.asOwner(
      `INSERT INTO clinic_subsidy_rates VALUES (${env.countyId}, 'operation', 300000) ON CONFLICT DO NOTHING`,
    );
    // both sessions on one Shanghai day two days ahead; the budget is that day's year's
    const date = addDays(todayInShanghai(), 2);
    await env.asOwner(
      `INSERT INTO clinic_budgets (county_id, year, budget_fen) VALUES (${env.countyId}, ${date.slice(0, 4)}, 500000) ON CONFLICT DO NOTHING`,
    );
    const surgeon = await createExpert(coordinator, { speciality: '骨科' });
    const first = await createSession(coordinator, where, surgeon, { sessionType: 'operation', date });
    const second = await createSession(coordinator, where, surgeon, { sessionType: 'operation', date });
    expect(first.status).toBe('published');
    expect(second.status).toBe('pending_approval');
    expect((await bookAs(county, { sessionId: second.id, residentId: residents[22] })).json()).toMatchObject({
      code: 'SESSION_NOT_OPEN',
    });
    expect((await coordinator.post(`/api/clinic-sessions/${second.id}/approve`)).statusCode).toBe(403);
    expect((await admin.post(`/api/clinic-sessions/${second.id}/approve`)).json()).toMatchObject({
      status: 'published',
    });
    expect((await admin.post(`/api/clinic-sessions/${second.id}/approve`)).json()).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect((await bookAs(county, { sessionId: second.id, residentId: residents[22] })).statusCode).toBe(201);
  });
});
