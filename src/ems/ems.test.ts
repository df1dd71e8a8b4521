import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { callBody, dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';
import { nextStatus, VEHICLE_ACTIONS, VEHICLE_RULES, VEHICLE_STATUSES } from './ems.states.ts';

/**
 * 120 through the API against the real database (issue 13): the fleet's status machine in code
 * and in the database, calls and dispatch with one active mission per vehicle, the crew's
 * idempotent steps, the timeline's order rules and back-entry, the pre-alert → pre-admission →
 * arrival → encounter, and who sees what. The clock is injected.
 */
let clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await emsWorld(env);
});
afterAll(async () => {
  await env?.close();
});
const later = (ms: number) => new Date(clock.getTime() + ms).toISOString();
const owner = async (q: string) => (await env.asOwner(q))[0];

describe('the fleet status machine', () => {
  it('the database rules are the code rules', async () => {
    const rows = await env.asOwner('SELECT action, from_status, to_status FROM ems_vehicle_rules ORDER BY 1, 2');
    const code = VEHICLE_RULES.map((r) => ({ action: r.action, from_status: r.from, to_status: r.to })).sort(
      (a, b) => a.action.localeCompare(b.action) || a.from_status.localeCompare(b.from_status),
    );
    expect(rows).toEqual(code);
  });

  it('every (status, action) pair: the database allows exactly the listed transitions', async () => {
    const [station] = await env.asOwner(
      `SELECT id, org_id FROM ems_stations WHERE county_id = ${env.countyId} LIMIT 1`,
    );
    const s = station as { id: number; org_id: number };
    let n = 0;
    for (const from of VEHICLE_STATUSES) {
      for (const action of VEHICLE_ACTIONS) {
        n++;
        const [v] = await env.asOwner(
          `INSERT INTO ems_vehicles (county_id, station_id, org_id, call_sign, plate, kind, status)
           VALUES (${env.countyId}, ${s.id}, ${s.org_id}, 'P${n}', '晋K·P${String(n).padStart(4, '0')}', 'transport', '${from}') RETURNING id`,
        );
        const id = (v as { id: number }).id;
        const to = nextStatus(from, action);
        // the other statuses the action could name: the database must refuse every one not listed
        for (const target of VEHICLE_STATUSES) {
          if (target === from) continue;
          const allowed = VEHICLE_RULES.some((r) => r.from === from && r.to === target);
          const attempt = env.asOwner(`UPDATE ems_vehicles SET status = '${target}' WHERE id = ${id}`);
          if (allowed) {
            await attempt;
            await env.asOwner(`DELETE FROM ems_vehicles WHERE id = ${id}`);
            const [again] = await env.asOwner(
              `INSERT INTO ems_vehicles (county_id, station_id, org_id, call_sign, plate, kind, status)
               VALUES (${env.countyId}, ${s.id}, ${s.org_id}, 'P${n}', '晋K·P${String(n).padStart(4, '0')}', 'transport', '${from}') RETURNING id`,
            );
            await env.asOwner(`DELETE FROM ems_vehicles WHERE id = ${(again as { id: number }).id}`);
            break;
          } else await expect(attempt).rejects.toThrow(/不能从/);
        }
        if (to) expect(VEHICLE_RULES.some((r) => r.from === from && r.action === action && r.to === to)).toBe(true);
        await env.asOwner(`DELETE FROM ems_vehicles WHERE call_sign = 'P${n}'`);
      }
    }
    expect(n).toBe(VEHICLE_STATUSES.length * VEHICLE_ACTIONS.length);
  });

  it('a vehicle is taken out of service and back only from the right status, in Chinese otherwise', async () => {
    const out = await w.dispatcher.post(`/api/ems/vehicles/${w.v3}/status`, { action: 'out_of_service' });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ status: 'out_of_service' });
    const again = await w.dispatcher.post(`/api/ems/vehicles/${w.v3}/status`, { action: 'back_in_station' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/停用.*不能「回站待命」/);
    expect((await w.dispatcher.post(`/api/ems/vehicles/${w.v3}/status`, { action: 'in_service' })).statusCode).toBe(
      200,
    );
  });
});

describe('calls and dispatch', () => {
  it('a call is stored once for a resend, with the complaint proposing channel and triage; the number is masked', async () => {
    const body = callBody(w, clock, { complaintCode: 'STROKE' });
    const first = await w.dispatcher.post('/api/ems/calls', body);
    expect(first.statusCode, first.body).toBe(201);
    const resend = await w.dispatcher.post('/api/ems/calls', body);
    expect(resend.statusCode).toBe(200);
    expect(resend.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({
      channel: 'stroke',
      triageLevel: 1,
      callerPhone: '138****1234',
      answerSeconds: 8,
    });
    const bad = await w.dispatcher.post('/api/ems/calls', { ...callBody(w, clock), complaintCode: 'NOPE' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/主诉/);
    const backwards = await w.dispatcher.post('/api/ems/calls', {
      ...callBody(w, clock),
      answeredAt: new Date(clock.getTime() - 60_000).toISOString(),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toMatch(/接听时间不能早于呼入时间/);
    await w.dispatcher.post(`/api/ems/calls/${first.json().id}/cancel`, { reason: '测试结束' });
  });

  it('recommends free vehicles by road minutes and a PCI hospital first for chest pain', async () => {
    const call = (await w.dispatcher.post('/api/ems/calls', callBody(w, clock))).json<{ id: number }>();
    const rec = (await w.dispatcher.get(`/api/ems/calls/${call.id}/recommend`)).json<{
      vehicles: Array<{ vehicleId: number; minutes: number | null }>;
      hospitals: Array<{ orgId: number; capable: boolean; minutes: number | null; capabilities: string[] }>;
    }>();
    const ids = rec.vehicles.map((v) => v.vehicleId);
    expect(ids).toEqual(expect.arrayContaining([w.v1, w.v2, w.v3]));
    const minutes = rec.vehicles.map((v) => v.minutes ?? Infinity);
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
    expect(minutes.every((m) => m > 0 && m < 240)).toBe(true);
    // the village is in the township: its own station's vehicle is nearer than the county's
    expect(ids.indexOf(w.v3)).toBeLessThan(ids.indexOf(w.v1));
    expect(rec.hospitals[0]).toMatchObject({ orgId: w.peopleOrg, capable: true });
    expect(rec.hospitals[0].capabilities).toContain('pci');
    await w.dispatcher.post(`/api/ems/calls/${call.id}/cancel`, { reason: '测试结束' });
  });

  it('a busy vehicle cannot be sent again: 409 with its current mission; the database holds one active mission per vehicle', async () => {
    const m = await dispatched(w, clock, w.v2);
    const other = (await w.dispatcher.post('/api/ems/calls', callBody(w, clock))).json<{ id: number }>();
    const second = await w.dispatcher.post(`/api/ems/calls/${other.id}/dispatch`, { vehicleId: w.v2 });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'VEHICLE_BUSY', missionId: m.id, status: 'dispatched' });
    expect(second.json().message).toMatch(/已被派往任务/);
    await expect(
      env.asOwner(
        `INSERT INTO ems_missions (county_id, call_id, vehicle_id, org_id, station_org_id, channel)
         VALUES (${env.countyId}, ${other.id}, ${w.v2}, ${w.peopleOrg}, ${w.peopleOrg}, 'general')`,
      ),
    ).rejects.toThrow(/ems_missions_one_active/);
    const timeline = (await w.dispatcher.get(`/api/ems/missions/${m.id}`)).json<{
      events: Array<{ milestone: string; source: string }>;
    }>();
    expect(timeline.events.map((e) => e.milestone)).toEqual([
      'call_received',
      'call_answered',
      'dispatch_decided',
      'crew_notified',
    ]);
    // the dispatcher stands the vehicle down: free again, the call open again
    const down = await w.dispatcher.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'stand_down',
      at: later(0),
    });
    expect(down.statusCode, down.body).toBe(200);
    expect(await owner(`SELECT status FROM ems_vehicles WHERE id = ${w.v2}`)).toEqual({ status: 'available' });
    expect(await owner(`SELECT status FROM ems_calls WHERE id = ${m.callId}`)).toEqual({ status: 'open' });
    await w.dispatcher.post(`/api/ems/calls/${other.id}/cancel`, { reason: '测试结束' });
    await w.dispatcher.post(`/api/ems/calls/${m.callId}/cancel`, { reason: '测试结束' });
  });
});

describe("the crew's phone", () => {
  it('steps are idempotent and follow the status machine; the crew sees only its own missions', async () => {
    const mine = await dispatched(w, clock, w.v1);
    const notMine = await dispatched(w, clock, w.v2);
    const list = (await w.crew.get('/api/ems/my-missions')).json<Array<{ id: number; nextActions: string[] }>>();
    expect(list.map((m) => m.id)).toEqual([mine.id]);
    expect(list[0].nextActions).toEqual(['depart', 'stand_down']);
    expect((await w.crew.get(`/api/ems/missions/${notMine.id}`)).statusCode).toBe(404);
    const foreign = await w.crew.post(`/api/ems/missions/${notMine.id}/step`, {
      clientId: randomUUID(),
      action: 'depart',
      at: later(0),
    });
    expect(foreign.statusCode).toBe(404);

    const depart = { clientId: randomUUID(), action: 'depart', at: later(60_000) };
    clock = new Date(clock.getTime() + 90_000);
    expect((await w.crew.post(`/api/ems/missions/${mine.id}/step`, depart)).statusCode).toBe(200);
    // the answer was lost; the phone sends it again: nothing twice
    const resend = await w.crew.post(`/api/ems/missions/${mine.id}/step`, depart);
    expect(resend.statusCode).toBe(200);
    expect(
      await owner(`SELECT count(*)::int AS n FROM ems_events WHERE mission_id = ${mine.id} AND milestone = 'departed'`),
    ).toEqual({ n: 1 });
    expect(resend.json()).toMatchObject({ status: 'en_route', vehicleStatus: 'en_route' });
    const skip = await w.crew.post(`/api/ems/missions/${mine.id}/step`, {
      clientId: randomUUID(),
      action: 'arrive_hospital',
      at: later(0),
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toMatch(/途中.*不能「到达医院」/);
    const event = await owner(
      `SELECT source, at, recorded_at FROM ems_events WHERE mission_id = ${mine.id} AND milestone = 'departed'`,
    );
    expect(event.source).toBe('crew');
    expect(new Date(event.at as string).getTime()).toBe(new Date(depart.at).getTime());
    expect(new Date(event.recorded_at as string).getTime()).toBe(clock.getTime());
    await w.dispatcher.post(`/api/ems/missions/${notMine.id}/step`, {
      clientId: randomUUID(),
      action: 'stand_down',
      at: later(0),
    });
    await w.crew.post(`/api/ems/missions/${mine.id}/step`, {
      clientId: randomUUID(),
      action: 'stand_down',
      at: later(0),
    });
    await w.dispatcher.post(`/api/ems/vehicles/${w.v1}/status`, { action: 'back_in_station' });
  });

  it('observations: implausible values refused, an ECG stamps first ECG and its transmission once, a resend stores nothing', async () => {
    const m = await dispatched(w, clock, w.v1);
    const bad = await w.crew.post(`/api/ems/missions/${m.id}/observations`, {
      clientId: randomUUID(),
      kind: 'vitals',
      observedAt: later(0),
      value: { sbp: 400 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('收缩压应在 40–300');
    const ecg = {
      clientId: randomUUID(),
      kind: 'ecg',
      observedAt: later(0),
      value: { stemi: true, rhythm: '窦性心律' },
      file: { name: 'ecg.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.4 ECG').toString('base64') },
    };
    expect((await w.crew.post(`/api/ems/missions/${m.id}/observations`, ecg)).statusCode).toBe(201);
    const again = await w.crew.post(`/api/ems/missions/${m.id}/observations`, ecg);
    expect(again.json()).toMatchObject({ created: false });
    const detail = (await w.dispatcher.get(`/api/ems/missions/${m.id}`)).json<{
      events: Array<{ milestone: string }>;
      observations: Array<{ id: number; hasFile: boolean }>;
    }>();
    expect(detail.events.filter((e) => ['first_ecg', 'ecg_transmitted'].includes(e.milestone))).toHaveLength(2);
    expect(detail.observations).toHaveLength(1);
    const file = await w.countyDoctor.get(`/api/ems/observations/${detail.observations[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.4 ECG');
    // a township that has nothing to do with this mission cannot read the ECG
    expect((await w.townshipDoctor.get(`/api/ems/observations/${detail.observations[0].id}/file`)).statusCode).toBe(
      404,
    );
    await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action: 'stand_down', at: later(0) });
  });
});

describe('the timeline', () => {
  it('refuses an impossible order with a clear message, allows back-entry, and reproduces D2W 27 and FMC2W 45', async () => {
    const t0 = clock.getTime();
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const m = await dispatched(w, clock, w.v1);
    const ev = (milestone: string, minute: number, source?: string) =>
      w.countyDoctor.post(`/api/ems/missions/${m.id}/events`, {
        clientId: randomUUID(),
        milestone,
        at: at(minute),
        source,
      });
    clock = new Date(t0 + 30 * 60_000);
    const steps: Array<[string, number]> = [
      ['depart', 1],
      ['arrive_scene', 9],
      ['leave_scene', 16],
      ['arrive_hospital', 27],
    ];
    for (const [action, minute] of steps) {
      const r = await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action, at: at(minute) });
      expect(r.statusCode, r.body).toBe(200);
    }
    // a door time before the departure: refused, in Chinese, nothing stored
    const wrong = await ev('wire', 0.5);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('EVENT_ORDER');
    expect(wrong.json().message).toMatch(/时间顺序不合理：「导丝通过」.*不能早于/);
    expect(
      await owner(`SELECT count(*)::int AS n FROM ems_events WHERE mission_id = ${m.id} AND milestone = 'wire'`),
    ).toEqual({ n: 0 });
    // back-entered from the cath-lab log, marked as such
    clock = new Date(t0 + 70 * 60_000);
    expect((await ev('wire', 54, 'backfill')).statusCode).toBe(201);
    const detail = (await w.countyDoctor.get(`/api/ems/missions/${m.id}`)).json<{
      intervals: Array<{ key: string; minutes: number; met: boolean }>;
      events: Array<{ milestone: string; source: string }>;
    }>();
    expect(detail.events.find((e) => e.milestone === 'wire')?.source).toBe('backfill');
    const get = (k: string) => detail.intervals.find((i) => i.key === k);
    expect(get('door_to_wire')).toMatchObject({ minutes: 27, met: true });
    expect(get('fmc_to_wire')).toMatchObject({ minutes: 45, met: true });
    const twice = await ev('wire', 55);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('MILESTONE_RECORDED');
    await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action: 'clear', at: at(60) });
    await w.crew.post(`/api/ems/vehicles/${w.v1}/status`, { action: 'back_in_station' });
  });

  it('an open chest-pain case shows the interval at risk, live', async () => {
    const m = await dispatched(w, clock, w.v1);
    clock = new Date(clock.getTime() + 150_000);
    const risks = (await w.dispatcher.get(`/api/ems/missions/${m.id}`)).json<{
      risks: Array<{ key: string; state: string }>;
    }>().risks;
    expect(risks.find((r) => r.key === 'depart_3min')?.state).toBe('breached');
    await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action: 'stand_down', at: later(0) });
  });
});

describe('上车即入院', () => {
  it('a pre-alert reaches the destination only; the team is activated; arrival opens the encounter for the resident', async () => {
    const m = await dispatched(w, clock, w.v1);
    for (const action of ['depart', 'arrive_scene', 'leave_scene']) {
      clock = new Date(clock.getTime() + 5 * 60_000);
      expect(
        (await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action, at: later(0) }))
          .statusCode,
      ).toBe(200);
    }
    const alert = { clientId: randomUUID(), at: later(0), etaMinutes: 18 };
    const p = await w.crew.post(`/api/ems/missions/${m.id}/prealert`, alert);
    expect(p.statusCode, p.body).toBe(201);
    expect((await w.crew.post(`/api/ems/missions/${m.id}/prealert`, alert)).statusCode).toBe(200);
    const list = (await w.countyDoctor.get('/api/ems/preadmissions?status=expected')).json<
      Array<{ id: number; tempId: string; missionId: number; etaAt: string }>
    >();
    const pre = list.find((x) => x.missionId === m.id);
    expect(pre?.tempId).toMatch(/^T\d{8}-\d{4,}$/);
    expect(new Date(pre?.etaAt ?? 0).getTime()).toBe(clock.getTime() + 18 * 60_000);
    expect((await w.townshipDoctor.get('/api/ems/preadmissions')).json()).toEqual([]);
    const id = pre?.id ?? 0;
    expect(
      (await w.townshipDoctor.post(`/api/ems/preadmissions/${id}/activate`, { team: 'chest_pain' })).statusCode,
    ).toBe(404);
    const act = await w.countyDoctor.post(`/api/ems/preadmissions/${id}/activate`, { team: 'chest_pain' });
    expect(act.statusCode, act.body).toBe(200);
    expect(act.json().events.map((e: { milestone: string }) => e.milestone)).toContain('cathlab_activated');

    const [resident] = await env.asOwner(
      `SELECT id FROM residents WHERE county_id = ${env.countyId} ORDER BY id LIMIT 1`,
    );
    const rid = (resident as { id: number }).id;
    clock = new Date(clock.getTime() + 15 * 60_000);
    const arrived = await w.countyDoctor.post(`/api/ems/preadmissions/${id}/arrive`, {
      at: later(0),
      edBypass: true,
      residentId: rid,
    });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({ status: 'arrived', edBypass: true, residentId: rid });
    const visitId = arrived.json().visitId as number;
    expect(await owner(`SELECT resident_id, org_id FROM visits WHERE id = ${visitId}`)).toEqual({
      resident_id: rid,
      org_id: w.peopleOrg,
    });
    expect(await owner(`SELECT resident_id FROM ems_missions WHERE id = ${m.id}`)).toEqual({ resident_id: rid });
    const other = await w.countyDoctor.post(`/api/ems/preadmissions/${id}/merge`, { residentId: rid + 1 });
    expect(other.statusCode).toBe(409);
    await w.crew.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'arrive_hospital',
      at: later(0),
    });
    await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action: 'clear', at: later(60_000) });
    await w.crew.post(`/api/ems/vehicles/${w.v1}/status`, { action: 'back_in_station' });
  });

  it('an unidentified patient keeps the temporary number until merged into the resident', async () => {
    const m = await dispatched(w, clock, w.v1, { patientLabel: '无名氏' });
    await w.crew.post(`/api/ems/missions/${m.id}/prealert`, { clientId: randomUUID(), at: later(0), etaMinutes: 20 });
    const pre = (await w.countyDoctor.get('/api/ems/preadmissions'))
      .json<Array<{ id: number; missionId: number }>>()
      .find((x) => x.missionId === m.id);
    const id = pre?.id ?? 0;
    const early = await w.countyDoctor.post(`/api/ems/preadmissions/${id}/merge`, { residentId: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/到院后/);
    clock = new Date(clock.getTime() + 20 * 60_000);
    const arrived = (
      await w.countyDoctor.post(`/api/ems/preadmissions/${id}/arrive`, { at: later(0), edBypass: false })
    ).json();
    expect(arrived).toMatchObject({ status: 'arrived', residentId: null, visitId: null });
    const [resident] = await env.asOwner(
      `SELECT id FROM residents WHERE county_id = ${env.countyId} ORDER BY id DESC LIMIT 1`,
    );
    const rid = (resident as { id: number }).id;
    const merged = await w.countyDoctor.post(`/api/ems/preadmissions/${id}/merge`, { residentId: rid });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ residentId: rid });
    expect(merged.json().visitId).toBeGreaterThan(0);
    await w.crew.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action: 'stand_down', at: later(0) });
  });
});

describe('who sees what', () => {
  it('a township sees no mission it has no part in; the village doctor reaches no 120 route', async () => {
    const m = await dispatched(w, clock, w.v2);
    expect((await w.townshipDoctor.get(`/api/ems/missions/${m.id}`)).statusCode).toBe(404);
    const list = (await w.townshipDoctor.get('/api/ems/missions?pageSize=100')).json<{
      items: Array<{ id: number }>;
    }>();
    expect(list.items.map((i) => i.id)).not.toContain(m.id);
    const village = await env.login('village.doctor');
    for (const path of ['/api/ems/calls', '/api/ems/missions', `/api/ems/missions/${m.id}`, '/api/ems/preadmissions'])
      expect((await village.get(path)).statusCode, path).toBe(403);
    await w.dispatcher.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'stand_down',
      at: later(0),
    });
  });
});
