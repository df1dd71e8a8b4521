import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { callBody, dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';
import { loadRoadGraph, nearestNode, route } from './roads.ts';

/**
 * 急救资源 through the API (issue 13): stations and vehicles kept on screen with the database's
 * unique keys as the judge, moves refused while on a mission, retiring refused while vehicles
 * serve, crew by role, and road closures the nearest-unit search obeys — also a closure that
 * starts later, by the injected clock alone.
 */
let clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await emsWorld(env);
  admin = await env.login('admin');
});
afterAll(async () => {
  await env?.close();
});
const owner = async (q: string) => (await env.asOwner(q))[0];
const count = async (q: string) => Number((await owner(`SELECT count(*)::int AS n FROM ${q}`)).n);
const me = async (c: Client) => (await c.get('/api/auth/me')).json<{ id: number; org: { id: number } }>();

describe('stations and vehicles', () => {
  let stationId: number;
  it('a station gets the road node nearest its org, then a vehicle there shows on the board', async () => {
    const res = await w.dispatcher.post('/api/ems/stations', { name: '城东急救分站', orgId: w.townshipOrg });
    expect(res.statusCode, res.body).toBe(201);
    const station = res.json<{ id: number; nodeId: number; active: boolean; vehicles: number }>();
    stationId = station.id;
    const own = await owner(`SELECT id FROM road_nodes WHERE org_id = ${w.townshipOrg}`);
    expect(station).toMatchObject({ nodeId: own.id, active: true, vehicles: 0 });

    const v = await w.dispatcher.post('/api/ems/vehicles', {
      callSign: '城东01',
      plate: '晋K12345',
      kind: 'micu',
      negativePressure: true,
      stationId,
      crewStaffIds: [w.crewId],
    });
    expect(v.statusCode, v.body).toBe(201);
    // one plate, one spelling: 晋K12345 is kept as 晋K·12345
    expect(v.json()).toMatchObject({ plate: '晋K·12345', stationId, status: 'available', crewStaffIds: [w.crewId] });
    const board = (await w.dispatcher.get('/api/ems/vehicles')).json<
      Array<{ callSign: string; stationName: string }>
    >();
    expect(board.find((b) => b.callSign === '城东01')).toMatchObject({ stationName: '城东急救分站' });
    expect(await count(`audit_log WHERE action IN ('ems.station.create', 'ems.vehicle.create')`)).toBe(2);

    const list = await admin.get('/api/ems/stations?q=城东');
    expect(list.json()).toMatchObject({ total: 1, items: [{ name: '城东急救分站', vehicles: 1, inService: 1 }] });
  });

  it('a duplicate station name, call sign or plate is refused in Chinese and nothing is stored', async () => {
    const before = await count('ems_vehicles');
    const dupName = await w.dispatcher.post('/api/ems/stations', { name: '城东急救分站', orgId: w.peopleOrg });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().message).toMatch(/同名急救站点/);
    const base = { kind: 'transport', stationId, negativePressure: false };
    const dupSign = await w.dispatcher.post('/api/ems/vehicles', { ...base, callSign: '城东01', plate: '晋K54321' });
    expect(dupSign.statusCode).toBe(409);
    expect(dupSign.json().message).toMatch(/该呼号/);
    const dupPlate = await admin.post('/api/ems/vehicles', { ...base, callSign: '城东02', plate: '晋k ·12345' });
    expect(dupPlate.statusCode).toBe(409);
    expect(dupPlate.json().message).toMatch(/车牌号已登记/);
    const badPlate = await admin.post('/api/ems/vehicles', { ...base, callSign: '城东02', plate: 'AB12345' });
    expect(badPlate.statusCode).toBe(400);
    expect(badPlate.json().message).toMatch(/车牌号格式不正确/);
    expect(await count('ems_vehicles')).toBe(before);
    expect(await count(`ems_stations WHERE name = '城东急救分站'`)).toBe(1);
  });

  it('a station outside the county, or a crew member without the crew role, is refused', async () => {
    const doctor = await me(w.townshipDoctor);
    const res = await w.dispatcher.post('/api/ems/vehicles', {
      callSign: '城东03',
      plate: '晋K·C0003',
      kind: 'transport',
      stationId,
      crewStaffIds: [doctor.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'crewStaffIds' });
    expect(res.json().message).toMatch(/不是在岗的急救人员/);
    const id = (await w.dispatcher.get('/api/ems/fleet/vehicles?q=城东01')).json<{ items: Array<{ id: number }> }>()
      .items[0].id;
    const edit = await w.dispatcher.patch(`/api/ems/vehicles/${id}`, { crewStaffIds: [w.crewId, doctor.id] });
    expect(edit.statusCode).toBe(400);
    expect((await owner(`SELECT crew_staff_ids FROM ems_vehicles WHERE id = ${id}`)).crew_staff_ids).toEqual([
      w.crewId,
    ]);
    const outside = await w.dispatcher.post('/api/ems/stations', { name: '外县急救站', orgId: 2147483000 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/本县医共体的成员机构/);
  });

  it('a vehicle on a mission cannot change station; an available one can, and takes the org', async () => {
    await dispatched(w, clock, w.v2);
    const moved = await w.dispatcher.patch(`/api/ems/vehicles/${w.v2}`, { stationId });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().message).toMatch(/待任务结束回站待命后再调往其他站点/);
    expect((await owner(`SELECT station_id FROM ems_vehicles WHERE id = ${w.v2}`)).station_id).not.toBe(stationId);
    // other fields of a vehicle on a mission may still be corrected
    expect((await w.dispatcher.patch(`/api/ems/vehicles/${w.v2}`, { negativePressure: false })).statusCode).toBe(200);

    const ok = await admin.patch(`/api/ems/vehicles/${w.v3}`, { stationId, kind: 'transport' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stationId, kind: 'transport', stationOrgId: w.townshipOrg });
    expect(await count(`audit_log WHERE action = 'ems.vehicle.move'`)).toBe(1);
  });

  it('a station with vehicles in service cannot be retired; once they are out of service it can', async () => {
    const refused = await w.dispatcher.patch(`/api/ems/stations/${stationId}`, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/仍有 2 辆在用车辆（城东01、测试120-03）/);
    expect((await owner(`SELECT active FROM ems_stations WHERE id = ${stationId}`)).active).toBe(true);

    const ids = (await w.dispatcher.get(`/api/ems/fleet/vehicles?stationId=${stationId}`)).json<{
      items: Array<{ id: number }>;
    }>().items;
    for (const v of ids)
      expect(
        (await w.dispatcher.post(`/api/ems/vehicles/${v.id}/status`, { action: 'out_of_service' })).statusCode,
      ).toBe(200);
    const renamed = await w.dispatcher.patch(`/api/ems/stations/${stationId}`, {
      name: '城东分站（旧）',
      active: false,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '城东分站（旧）', active: false });
    const into = await w.dispatcher.post('/api/ems/vehicles', {
      callSign: '城东09',
      plate: '晋K·C0009',
      kind: 'transport',
      stationId,
    });
    expect(into.statusCode).toBe(409);
    expect(into.json().message).toMatch(/已撤销/);
    // nor does one of its vehicles come back into service there
    const back = await w.dispatcher.post(`/api/ems/vehicles/${ids[0].id}/status`, { action: 'in_service' });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toMatch(/已撤销，请先将 .* 调往其他站点/);
    // back to work for the road tests
    expect((await w.dispatcher.patch(`/api/ems/stations/${stationId}`, { active: true })).statusCode).toBe(200);
    for (const v of ids) await w.dispatcher.post(`/api/ems/vehicles/${v.id}/status`, { action: 'in_service' });
  });

  it('two clerks registering the same call sign at once: one vehicle, one Chinese 409', async () => {
    const body = (plate: string) => ({ callSign: '并发01', plate, kind: 'transport', stationId });
    const answers = await Promise.all([
      w.dispatcher.post('/api/ems/vehicles', body('晋K·B0001')),
      admin.post('/api/ems/vehicles', body('晋K·B0002')),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await count(`ems_vehicles WHERE call_sign = '并发01'`)).toBe(1);
  });

  it('retiring a station while a vehicle is moved into it: never a retired station with a vehicle in service', async () => {
    const [s] = await env.asOwner(
      `INSERT INTO ems_stations (county_id, org_id, name, node_id) SELECT ${env.countyId}, ${w.peopleOrg}, '临时急救点', node_id
         FROM ems_stations WHERE id = ${stationId} RETURNING id`,
    );
    const target = Number(s.id);
    const mover = (await w.dispatcher.get('/api/ems/fleet/vehicles?q=并发01')).json<{ items: Array<{ id: number }> }>()
      .items[0].id;
    const [retire, move] = await Promise.all([
      admin.patch(`/api/ems/stations/${target}`, { active: false }),
      w.dispatcher.patch(`/api/ems/vehicles/${mover}`, { stationId: target }),
    ]);
    expect([retire.statusCode, move.statusCode].sort()).toEqual([200, 409]);
    const [state] = await env.asOwner(
      `SELECT s.active, (SELECT count(*)::int FROM ems_vehicles v WHERE v.station_id = s.id AND v.status <> 'out_of_service') AS serving
         FROM ems_stations s WHERE s.id = ${target}`,
    );
    expect(state.active === false && Number(state.serving) > 0).toBe(false);
  });

  it('the vehicle list exports to Excel with an audit row', async () => {
    const res = await w.dispatcher.get('/api/ems/fleet/vehicles/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(await count(`audit_log WHERE action = 'ems.vehicles.export'`)).toBe(1);
  });
});

describe('who may keep the fleet', () => {
  it('a village or township doctor and a crew member get 403 on every new route', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/ems/fleet/options'],
      ['GET', '/api/ems/stations'],
      ['POST', '/api/ems/stations', { name: '某站', orgId: w.peopleOrg }],
      ['PATCH', '/api/ems/stations/1', { name: '某站' }],
      ['GET', '/api/ems/fleet/vehicles'],
      ['GET', '/api/ems/fleet/vehicles/export'],
      ['POST', '/api/ems/vehicles', {}],
      ['PATCH', `/api/ems/vehicles/${w.v1}`, { kind: 'micu' }],
      ['GET', '/api/ems/roads'],
      ['GET', '/api/ems/roads/export'],
      ['GET', '/api/ems/roads/map'],
      ['POST', '/api/ems/roads/1/close', { reason: '大雪封路' }],
      ['POST', '/api/ems/roads/1/reopen'],
      ['PATCH', '/api/ems/roads/1', { speedKmh: 30 }],
    ];
    const village = await env.login('village.doctor');
    for (const c of [village, w.townshipDoctor, w.crew])
      for (const [method, url, body] of routes) {
        const res =
          method === 'GET'
            ? await c.get(url)
            : method === 'POST'
              ? await c.post(url, body ?? {})
              : await c.patch(url, body ?? {});
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
  });
});

describe('road closures and the nearest-unit search', () => {
  let callId: number;
  let pathEdges: number[];
  const minutesOf = async (vehicleId: number) => {
    const res = await w.dispatcher.get(`/api/ems/calls/${callId}/recommend`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ vehicles: Array<{ vehicleId: number; minutes: number | null }> }>()
      .vehicles.find((v) => v.vehicleId === vehicleId)?.minutes;
  };

  beforeAll(async () => {
    const call = await w.dispatcher.post('/api/ems/calls', callBody(w, clock));
    callId = call.json<{ id: number }>().id;
    // the road the township's ambulance takes to the village today
    const g = await loadRoadGraph(env.db, env.countyId, clock);
    const scene = nearestNode(g, w.village.lat, w.village.lng);
    const station = await owner(
      `SELECT s.node_id FROM ems_vehicles v JOIN ems_stations s ON s.id = v.station_id WHERE v.id = ${w.v3}`,
    );
    const r = route(g, scene!.nodeId, Number(station.node_id));
    expect(r!.path.length).toBeGreaterThan(1);
    const pairs = r!.path.slice(1).map((b, i) => [r!.path[i], b]);
    const rows = await env.asOwner(
      `SELECT id FROM road_edges WHERE ${pairs
        .map(([a, b]) => `(from_node = ${a} AND to_node = ${b}) OR (from_node = ${b} AND to_node = ${a})`)
        .join(' OR ')}`,
    );
    pathEdges = rows.map((x) => Number(x.id));
  });

  it('closing the fast road makes the village further; reopening it restores the minutes', async () => {
    const open = await minutesOf(w.v3);
    expect(open).toBeGreaterThan(0);
    for (const id of pathEdges) {
      const res = await w.dispatcher.post(`/api/ems/roads/${id}/close`, { reason: '大雪封路' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'closed', closedReason: '大雪封路' });
    }
    const closed = await minutesOf(w.v3);
    expect(closed === null || closed === undefined || closed > open!).toBe(true);
    const list = await admin.get('/api/ems/roads?closed=now');
    expect(list.json()).toMatchObject({ total: pathEdges.length, closedNow: pathEdges.length });

    for (const id of pathEdges) expect((await admin.post(`/api/ems/roads/${id}/reopen`)).statusCode).toBe(200);
    expect(await minutesOf(w.v3)).toBe(open);
    const again = await admin.post(`/api/ems/roads/${pathEdges[0]}/reopen`);
    expect(again.statusCode).toBe(409);
    expect(await count(`audit_log WHERE action IN ('ems.road.close', 'ems.road.reopen')`)).toBe(2 * pathEdges.length);
  });

  it('a closure that starts later takes effect when the clock passes its start, and ends by itself', async () => {
    const open = await minutesOf(w.v3);
    const from = new Date(clock.getTime() + 60 * 60_000);
    const until = new Date(clock.getTime() + 3 * 60 * 60_000);
    for (const id of pathEdges) {
      const res = await w.dispatcher.post(`/api/ems/roads/${id}/close`, {
        from: from.toISOString(),
        until: until.toISOString(),
        reason: '道路施工',
      });
      expect(res.json()).toMatchObject({ state: 'planned' });
    }
    expect(await minutesOf(w.v3)).toBe(open);
    // no edit in between: only the clock moves
    clock = new Date(from.getTime() + 60_000);
    const during = await minutesOf(w.v3);
    expect(during === null || during === undefined || during > open!).toBe(true);
    clock = new Date(until.getTime() + 60_000);
    expect(await minutesOf(w.v3)).toBe(open);
  });

  it('a speed outside 5–120 or a closure ending in the past is refused in Chinese', async () => {
    const slow = await w.dispatcher.patch(`/api/ems/roads/${pathEdges[0]}`, { speedKmh: 3 });
    expect(slow.statusCode).toBe(400);
    expect(slow.json().message).toMatch(/5–120/);
    const past = await w.dispatcher.post(`/api/ems/roads/${pathEdges[0]}/close`, {
      until: new Date(clock.getTime() - 60_000).toISOString(),
      reason: '事故',
    });
    expect(past.statusCode).toBe(400);
    const ok = await w.dispatcher.patch(`/api/ems/roads/${pathEdges[0]}`, { speedKmh: 5 });
    expect(ok.json()).toMatchObject({ speedKmh: 5 });
  });
});
