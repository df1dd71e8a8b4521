import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { createPlatform } from '../platform/platform.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, key, place, shiftSession, type Place } from './clinics.fixtures.ts';
import { ConsoleChannel, messageChannel } from './notify.ts';

let env: TestEnv;
let coordinator: Client;
let county: Client;
let where: Place;
let people: Array<{ id: number; idNumber: string; mobile: string }>;

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, county] = await Promise.all([env.login('coordinator'), env.login('county.doctor')]);
  where = await place(env);
  people = (
    await env.asOwner(
      `SELECT id, id_number, mobile FROM residents WHERE mobile IS NOT NULL AND deceased_on IS NULL ORDER BY id DESC LIMIT 6`,
    )
  ).map((r) => ({ id: Number(r.id), idNumber: String(r.id_number), mobile: String(r.mobile) }));
});
afterAll(async () => {
  await env?.close();
});

async function login(p: { idNumber: string; mobile: string }): Promise<string> {
  const sent = await env.anonymous().post('/api/portal/code', { idNumber: p.idNumber.toLowerCase(), mobile: p.mobile });
  expect(sent.statusCode, sent.body).toBe(200);
  const res = await env
    .anonymous()
    .post('/api/portal/verify', { idNumber: p.idNumber, mobile: p.mobile, code: sent.json().demoCode });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token;
}
const as = (token: string) => ({ 'x-portal-token': token });

describe('resident self-service', () => {
  it('a code goes to the registered mobile only; the answer never tells whether the person exists', async () => {
    const p = people[0];
    const ok = await env.anonymous().post('/api/portal/code', { idNumber: p.idNumber, mobile: p.mobile });
    expect(ok.json()).toMatchObject({ sent: true, demoCode: expect.stringMatching(/^\d{6}$/) });
    const channel = messageChannel() as ConsoleChannel;
    expect(channel.lastTo(p.mobile)).toContain(ok.json().demoCode);
    const wrongMobile = await env.anonymous().post('/api/portal/code', { idNumber: p.idNumber, mobile: '13000000000' });
    expect(wrongMobile.statusCode).toBe(200);
    expect(wrongMobile.json().message).toBe(ok.json().message);
    expect(wrongMobile.json().demoCode).toBeUndefined();
    expect(
      (await env.anonymous().post('/api/portal/code', { idNumber: '140781197503120011', mobile: p.mobile })).json(),
    ).toMatchObject({ code: 'INVALID_ID_NUMBER' });
  });

  it('a wrong code is refused; after 5 wrong tries even the right code is refused', async () => {
    const p = people[1];
    const { demoCode } = (
      await env.anonymous().post('/api/portal/code', { idNumber: p.idNumber, mobile: p.mobile })
    ).json();
    const wrong = String((Number(demoCode) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const res = await env
        .anonymous()
        .post('/api/portal/verify', { idNumber: p.idNumber, mobile: p.mobile, code: wrong });
      expect(res.json()).toMatchObject({ code: 'CODE_INVALID', field: 'code' });
    }
    expect(
      (await env.anonymous().post('/api/portal/verify', { idNumber: p.idNumber, mobile: p.mobile, code: demoCode }))
        .statusCode,
    ).toBe(400);
    const [{ n }] = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'portal.login' AND outcome = 'failure' AND resident_id = ${p.id}`,
    );
    expect(n).toBe(6);
  });

  it('a resident books, sees and cancels their own booking; a code is single-use', async () => {
    const p = people[2];
    const sent = (await env.anonymous().post('/api/portal/code', { idNumber: p.idNumber, mobile: p.mobile })).json();
    const first = await env
      .anonymous()
      .post('/api/portal/verify', { idNumber: p.idNumber, mobile: p.mobile, code: sent.demoCode });
    expect(first.json().maskedName).toMatch(/\*/);
    expect(
      (
        await env
          .anonymous()
          .post('/api/portal/verify', { idNumber: p.idNumber, mobile: p.mobile, code: sent.demoCode })
      ).statusCode,
    ).toBe(400);
    const token = first.json().token;
    const s = await createSession(coordinator, where, await createExpert(coordinator), {
      slots: 2,
      capacityPerSlot: 1,
    });
    const list = await env.anonymous().request('GET', '/api/portal/sessions', undefined, as(token));
    expect(list.json().map((x: { id: number }) => x.id)).toContain(s.id);
    const k = key();
    const booked = await env
      .anonymous()
      .post('/api/portal/bookings', { sessionId: s.id, slotId: s.slots[1].id }, { ...as(token), 'idempotency-key': k });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ channel: 'self', slotId: s.slots[1].id, residentId: p.id });
    expect(
      (
        await env
          .anonymous()
          .post(
            '/api/portal/bookings',
            { sessionId: s.id, slotId: s.slots[1].id },
            { ...as(token), 'idempotency-key': k },
          )
      ).statusCode,
    ).toBe(200);
    const me = (await env.anonymous().request('GET', '/api/portal/me', undefined, as(token))).json();
    expect(me.bookings.map((b: { id: number }) => b.id)).toContain(booked.json().id);
    const cancelled = await env.anonymous().post(`/api/portal/bookings/${booked.json().id}/cancel`, {}, as(token));
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '本人在线取消' });
    const audit = await env.asOwner(
      `SELECT action FROM audit_log WHERE resident_id = ${p.id} AND role = 'resident' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'portal.code',
        'portal.login',
        'clinic.booking.create',
        'portal.read',
        'clinic.booking.cancel',
      ]),
    );
  });

  it("online cancellation closes at the cut-off; another resident's booking is not found", async () => {
    const token = await login(people[3]);
    const s = await createSession(coordinator, where, await createExpert(coordinator), {
      slots: 1,
      capacityPerSlot: 2,
    });
    const mine = (
      await env
        .anonymous()
        .post('/api/portal/bookings', { sessionId: s.id }, { ...as(token), 'idempotency-key': key() })
    ).json();
    const theirs = (await bookAs(county, { sessionId: s.id, residentId: people[4].id })).json();
    expect((await env.anonymous().post(`/api/portal/bookings/${theirs.id}/cancel`, {}, as(token))).statusCode).toBe(
      404,
    );
    // bring the session to one hour from now: inside the 120-minute cut-off
    await env.asOwner(
      `UPDATE clinic_slots SET starts_at = now() + interval '1 hour', ends_at = now() + interval '90 minutes' WHERE session_id = ${s.id}`,
    );
    const late = await env.anonymous().post(`/api/portal/bookings/${mine.id}/cancel`, {}, as(token));
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'TOO_LATE_TO_CANCEL', message: expect.stringContaining('120 分钟') });
    // staff may still cancel until the slot starts
    expect((await county.post(`/api/clinic-bookings/${mine.id}/cancel`, { reason: '窗口代为取消' })).statusCode).toBe(
      200,
    );
  });

  it('after 3 no-shows the resident cannot self-book for 30 days, but staff still can', async () => {
    const p = people[5];
    const expertId = await createExpert(coordinator);
    for (let i = 0; i < 3; i++) {
      const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 1 });
      const b = (await bookAs(county, { sessionId: s.id, residentId: p.id })).json();
      await shiftSession(env, s.id, '-10 days');
      await county.post(`/api/clinic-bookings/${b.id}/no-show`);
    }
    const token = await login(p);
    const s = await createSession(coordinator, where, expertId, { slots: 1, capacityPerSlot: 2 });
    const res = await env
      .anonymous()
      .post('/api/portal/bookings', { sessionId: s.id }, { ...as(token), 'idempotency-key': key() });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SELF_BOOKING_SUSPENDED', message: expect.stringContaining('暂停') });
    expect(
      (await env.anonymous().request('GET', '/api/portal/me', undefined, as(token))).json().suspendedUntil,
    ).not.toBeNull();
    expect((await bookAs(county, { sessionId: s.id, residentId: p.id })).statusCode).toBe(201);
  });

  it('without a valid portal token every portal route is 401; logout ends the session', async () => {
    expect((await env.anonymous().get('/api/portal/me')).statusCode).toBe(401);
    expect(
      (await env.anonymous().request('GET', '/api/portal/me', undefined, as('forged-token-value'))).json(),
    ).toMatchObject({ code: 'PORTAL_LOGIN_REQUIRED' });
    const token = await login(people[0]);
    expect((await env.anonymous().post('/api/portal/logout', {}, as(token))).statusCode).toBe(200);
    expect((await env.anonymous().request('GET', '/api/portal/me', undefined, as(token))).statusCode).toBe(401);
  });
});

describe('the demo code stays in the demo', () => {
  it('a server with DATABASE_URL and no demo county never returns the code, even with PORTAL_DEMO_CODES=on', async () => {
    const production = loadConfig({
      DATABASE_URL: 'postgres://app@db.example/onecounty',
      DEMO_PROFILE: 'none',
      PORTAL_DEMO_CODES: 'on',
    });
    // a second server process on the same database, configured as production decides
    const app = await buildApp(
      await createPlatform(env.database, { ...env.config, portalDemoCodes: production.portalDemoCodes }),
    );
    try {
      const p = people[0];
      const res = await app.inject({
        method: 'POST',
        url: '/api/portal/code',
        payload: { idNumber: p.idNumber, mobile: p.mobile },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ sent: true, message: expect.any(String) });
      // the code itself still went out, through the channel only
      const sent = (messageChannel() as ConsoleChannel).lastTo(p.mobile) ?? '';
      const code = /(\d{6})/.exec(sent)?.[1];
      const verified = await app.inject({
        method: 'POST',
        url: '/api/portal/verify',
        payload: { idNumber: p.idNumber, mobile: p.mobile, code },
      });
      expect(verified.statusCode, verified.body).toBe(200);
    } finally {
      await app.close();
    }
  });
});
