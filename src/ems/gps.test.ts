import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { callBody, dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';
import { GPS_FRESH_SECONDS } from './ems.states.ts';
import { haversineM } from './roads.ts';

/**
 * 车辆定位 and the server's alarms (issue 13, second part): the crew's phone sends fixes in
 * batches that may be resent; the recommendation measures from a fresh fix and ignores a stale
 * one; the call and vehicle lists carry the alarms by the injected clock.
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
const ago = (s: number) => new Date(clock.getTime() - s * 1000).toISOString();
const fix = (lat: number, lng: number, deviceAt: string, over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  lat,
  lng,
  accuracyM: 8,
  speedKmh: 40,
  deviceAt,
  ...over,
});
const vehiclePos = async (id: number) =>
  (await env.asOwner(`SELECT pos_lat, pos_lng, pos_at FROM ems_vehicles WHERE id = ${id}`))[0];
const nodes = async () =>
  (await env.asOwner(`SELECT id, lat, lng FROM road_nodes WHERE county_id = ${env.countyId} ORDER BY id`)).map((n) => ({
    id: Number(n.id),
    lat: Number(n.lat),
    lng: Number(n.lng),
  }));

describe('positions from the crew phone', () => {
  it('a resent batch stores each fix once; an implausible fix is refused with its reason while the others are stored', async () => {
    const { lat, lng } = w.village;
    const batch = {
      fixes: [
        fix(lat, lng, ago(30)),
        fix(lat + 0.001, lng, ago(15)),
        fix(lat + 5, lng, ago(10)), // 500 km away: GPS drift or a wrong vehicle
        fix(lat, lng, ago(5), { speedKmh: 260 }),
        fix(lat, lng, new Date(clock.getTime() + 6 * 60_000).toISOString()),
        fix(lat, lng, ago(25 * 3600)),
      ],
    };
    const url = `/api/ems/vehicles/${w.v1}/positions`;
    const first = await w.crew.post(url, batch);
    expect(first.statusCode, first.body).toBe(200);
    const a = first.json<{
      stored: number;
      duplicates: number;
      refused: Array<{ clientId: string; reason: string }>;
    }>();
    expect(a.stored).toBe(2);
    expect(a.duplicates).toBe(0);
    expect(a.refused.map((r) => r.clientId)).toEqual(batch.fixes.slice(2).map((f) => f.clientId));
    expect(a.refused.map((r) => r.reason)).toEqual([
      expect.stringContaining('不在本县范围'),
      expect.stringContaining('车速'),
      expect.stringContaining('手机时间'),
      expect.stringContaining('24 小时'),
    ]);
    const again = await w.crew.post(url, batch);
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 2 });
    const [count] = await env.asOwner(
      `SELECT count(*)::int AS n, count(DISTINCT client_id)::int AS d FROM ems_vehicle_positions WHERE vehicle_id = ${w.v1}`,
    );
    expect(count).toEqual({ n: 2, d: 2 });
    // the newest stored fix is where the vehicle is
    const pos = await vehiclePos(w.v1);
    expect(Number(pos.pos_lat)).toBeCloseTo(lat + 0.001, 6);
    expect(new Date(pos.pos_at as string).toISOString()).toBe(ago(15));
    const audit = await env.asOwner(
      `SELECT detail FROM audit_log WHERE action = 'ems.vehicle.positions' AND resource_id = '${w.v1}'`,
    );
    expect(audit).toHaveLength(1); // one row per batch that stored something, none for the resend
  });

  it('an older fix arriving after a newer one is stored but does not move the vehicle back', async () => {
    const { lat, lng } = w.village;
    const url = `/api/ems/vehicles/${w.v2}/positions`;
    const newer = await w.dispatcher.post(url, { fixes: [fix(lat + 0.01, lng, ago(20))] });
    expect(newer.json()).toMatchObject({ stored: 1 });
    const older = await w.dispatcher.post(url, { fixes: [fix(lat - 0.01, lng, ago(60))] });
    expect(older.json()).toMatchObject({ stored: 1 });
    const pos = await vehiclePos(w.v2);
    expect(Number(pos.pos_lat)).toBeCloseTo(lat + 0.01, 6);
    expect(new Date(pos.pos_at as string).toISOString()).toBe(ago(20));
    const list = (await w.dispatcher.get('/api/ems/vehicles')).json<
      Array<{ id: number; pos: { lat: number; at: string; fresh: boolean; ageSeconds: number } | null }>
    >();
    expect(list.find((v) => v.id === w.v2)?.pos).toMatchObject({ at: ago(20), fresh: true, ageSeconds: 20 });
  });

  it('the fix carries the active mission', async () => {
    const m = await dispatched(w, clock, w.v3);
    const r = await w.dispatcher.post(`/api/ems/vehicles/${w.v3}/positions`, {
      fixes: [fix(w.village.lat, w.village.lng, ago(1))],
    });
    expect(r.json()).toMatchObject({ stored: 1 });
    const [row] = await env.asOwner(`SELECT mission_id FROM ems_vehicle_positions WHERE vehicle_id = ${w.v3}`);
    expect(row.mission_id).toBe(m.id);
    await w.dispatcher.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'stand_down',
      at: ago(0),
    });
    await w.dispatcher.post(`/api/ems/calls/${m.callId}/cancel`, { reason: '测试结束' });
  });

  it('a crew member posting for a vehicle they are not on gets 404; a village doctor 403; nothing stored', async () => {
    const body = { fixes: [fix(w.village.lat, w.village.lng, ago(1))] };
    const other = await w.crew.post(`/api/ems/vehicles/${w.v2}/positions`, body);
    expect(other.statusCode, other.body).toBe(404);
    const village = await env.login('village.doctor');
    expect((await village.post(`/api/ems/vehicles/${w.v1}/positions`, body)).statusCode).toBe(403);
    const [n] = await env.asOwner(
      `SELECT count(*)::int AS n FROM ems_vehicle_positions WHERE client_id = '${body.fixes[0].clientId}'`,
    );
    expect(n.n).toBe(0);
    const tooMany = await w.dispatcher.post(`/api/ems/vehicles/${w.v2}/positions`, {
      fixes: Array.from({ length: 51 }, () => fix(w.village.lat, w.village.lng, ago(1))),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ message: string }>().message).toContain('50');
  });
});

describe('the recommendation from where the vehicle really is', () => {
  it('a fresh fix 2 km from the village puts its vehicle first; a stale fix at the village is ignored', async () => {
    await env.asOwner(
      `UPDATE ems_vehicles SET pos_lat = NULL, pos_lng = NULL, pos_at = NULL WHERE county_id = ${env.countyId}`,
    );
    const call = await w.dispatcher.post('/api/ems/calls', callBody(w, clock));
    const callId = call.json<{ id: number }>().id;
    type Rec = { vehicleId: number; minutes: number; from: string; fixAgeSeconds: number | null };
    const rec = async () =>
      (await w.dispatcher.get(`/api/ems/calls/${callId}/recommend`)).json<{ vehicles: Rec[] }>().vehicles;
    const before = await rec();
    expect(before.every((v) => v.from === 'station' && v.fixAgeSeconds === null)).toBe(true);
    const base = (id: number) => before.find((v) => v.vehicleId === id)?.minutes ?? Infinity;
    // v1 (county station, far) is now on a road 1.5–3 km from the village; v3 (the township's own
    // station, nearer than v1's) last reported from the village itself, but 10 minutes ago
    const near = (await nodes())
      .map((n) => ({ ...n, d: haversineM(n.lat, n.lng, w.village.lat, w.village.lng) }))
      .filter((n) => n.d > 1500 && n.d < 3000)
      .sort((a, b) => a.d - b.d)[0];
    expect(near).toBeDefined();
    const stale = new Date(clock.getTime() - (GPS_FRESH_SECONDS + 480) * 1000).toISOString();
    expect(
      (
        await w.dispatcher.post(`/api/ems/vehicles/${w.v3}/positions`, {
          fixes: [fix(w.village.lat, w.village.lng, stale)],
        })
      ).json(),
    ).toMatchObject({ stored: 1 });
    expect(
      (await w.crew.post(`/api/ems/vehicles/${w.v1}/positions`, { fixes: [fix(near.lat, near.lng, ago(30))] })).json(),
    ).toMatchObject({ stored: 1 });
    const after = await rec();
    const v1 = after.find((v) => v.vehicleId === w.v1);
    const v3 = after.find((v) => v.vehicleId === w.v3);
    expect(v1).toMatchObject({ from: 'gps', fixAgeSeconds: 30 });
    expect(v3).toMatchObject({ from: 'station', fixAgeSeconds: GPS_FRESH_SECONDS + 480, minutes: base(w.v3) });
    expect(base(w.v3)).toBeLessThan(base(w.v1)); // from the stations, the township's vehicle was nearer
    expect(v1?.minutes).toBeLessThan(base(w.v1));
    expect(after[0].vehicleId).toBe(w.v1);
    // the same fix, once too old, no longer counts
    clock = new Date(clock.getTime() + GPS_FRESH_SECONDS * 1000);
    const later = await rec();
    expect(later.find((v) => v.vehicleId === w.v1)).toMatchObject({ from: 'station', minutes: base(w.v1) });
    await w.dispatcher.post(`/api/ems/calls/${callId}/cancel`, { reason: '测试结束' });
  });
});

describe('alarms by the server clock', () => {
  type Alarm = { kind: string; seconds: number };
  it('an open call: no alarm at 59 s or 60 s without a vehicle, one at 61 s (more than 60 s); gone once cancelled', async () => {
    const r = await w.dispatcher.post(
      '/api/ems/calls',
      callBody(w, clock, { receivedAt: ago(59), answeredAt: ago(52) }),
    );
    const id = r.json<{ id: number }>().id;
    const alarms = async () => (await w.dispatcher.get(`/api/ems/calls/${id}`)).json<{ alarms: Alarm[] }>().alarms;
    expect(await alarms()).toEqual([]);
    clock = new Date(clock.getTime() + 1000);
    expect(await alarms()).toEqual([]);
    clock = new Date(clock.getTime() + 1000);
    expect(await alarms()).toEqual([{ kind: 'not_dispatched', seconds: 61 }]);
    const listed = (await w.dispatcher.get('/api/ems/calls?status=open')).json<{
      items: Array<{ id: number; alarms: Alarm[] }>;
    }>();
    expect(listed.items.find((c) => c.id === id)?.alarms).toEqual([{ kind: 'not_dispatched', seconds: 61 }]);
    await w.dispatcher.post(`/api/ems/calls/${id}/cancel`, { reason: '测试结束' });
    expect(await alarms()).toEqual([]);
  });

  it('a call answered after 10 s is marked as answered late, one answered at 10 s is not', async () => {
    const onTime = await w.dispatcher.post(
      '/api/ems/calls',
      callBody(w, clock, { receivedAt: ago(12), answeredAt: ago(2) }),
    );
    const late = await w.dispatcher.post(
      '/api/ems/calls',
      callBody(w, clock, { receivedAt: ago(13), answeredAt: ago(2) }),
    );
    const alarmsOf = async (res: typeof onTime) =>
      (await w.dispatcher.get(`/api/ems/calls/${res.json<{ id: number }>().id}`)).json<{ alarms: Alarm[] }>().alarms;
    expect(await alarmsOf(onTime)).toEqual([]);
    expect(await alarmsOf(late)).toEqual([{ kind: 'answered_late', seconds: 11 }]);
    for (const res of [onTime, late])
      await w.dispatcher.post(`/api/ems/calls/${res.json<{ id: number }>().id}/cancel`, { reason: '测试结束' });
    expect(await alarmsOf(late)).toEqual([{ kind: 'answered_late', seconds: 11 }]);
  });

  it('a dispatched vehicle: none at 179 s or 180 s, an alarm at 181 s, none once departed; the to-do count agrees', async () => {
    const m = await dispatched(w, clock, w.v2);
    const vehicleAlarms = async () =>
      (await w.dispatcher.get('/api/ems/vehicles'))
        .json<Array<{ id: number; alarms: Alarm[] }>>()
        .find((v) => v.id === w.v2)?.alarms;
    const callAlarms = async () =>
      (await w.dispatcher.get(`/api/ems/calls/${m.callId}`)).json<{ alarms: Alarm[] }>().alarms;
    const notOut = async () =>
      (await w.dispatcher.get('/api/todo'))
        .json<{ items: Array<{ key: string; attention: number }> }>()
        .items.find((i) => i.key === 'ems_missions_active')?.attention;
    const start = clock.getTime();
    clock = new Date(start + 179_000);
    expect(await vehicleAlarms()).toEqual([]);
    expect(await callAlarms()).toEqual([]);
    expect(await notOut()).toBe(0);
    clock = new Date(start + 180_000);
    expect(await vehicleAlarms()).toEqual([]);
    expect(await notOut()).toBe(0);
    clock = new Date(start + 181_000);
    expect(await vehicleAlarms()).toEqual([{ kind: 'not_departed_3min', seconds: 181 }]);
    expect(await callAlarms()).toEqual([{ kind: 'not_departed_3min', seconds: 181, missionId: m.id }]);
    expect(await notOut()).toBe(1);
    const dep = await w.dispatcher.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'depart',
      at: ago(0),
    });
    expect(dep.statusCode, dep.body).toBe(200);
    expect(await vehicleAlarms()).toEqual([]);
    expect(await callAlarms()).toEqual([]);
    expect(await notOut()).toBe(0);
  });
});
