import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { seedRoads } from '../seed/ems-roads.seed.ts';

/**
 * The 120 world of the tests (issue 13) on the tiny county: its road network, a station at the
 * people's hospital with two ambulances (the first crewed by the demo `crew` account) and one
 * at the first township centre, and the people who work it.
 */
export interface EmsWorld {
  dispatcher: Client;
  crew: Client;
  countyDoctor: Client;
  townshipDoctor: Client;
  peopleOrg: number;
  townshipOrg: number;
  villageOrg: number;
  village: { lat: number; lng: number; name: string };
  /** the crew account's vehicle, another at the same station, one at the township */
  v1: number;
  v2: number;
  v3: number;
  crewId: number;
}

export async function emsWorld(env: TestEnv): Promise<EmsWorld> {
  await seedRoads(env.db, { countyId: env.countyId, seed: 1, scale: 'demo' });
  const [dispatcher, crew, countyDoctor, townshipDoctor] = await Promise.all(
    ['dispatcher', 'crew', 'county.doctor', 'township.doctor'].map((u) => env.login(u)),
  );
  const me = async (c: Client) => (await c.get('/api/auth/me')).json<{ id: number; org: { id: number } }>();
  const [crewMe, peopleMe, townshipMe] = await Promise.all([me(crew), me(countyDoctor), me(townshipDoctor)]);
  const [village] = await env.asOwner(
    `SELECT id, name, lat, lng FROM orgs WHERE parent_id = ${townshipMe.org.id} AND kind = 'village_clinic' AND lat IS NOT NULL ORDER BY id LIMIT 1`,
  );
  const [s1] = await env.asOwner(
    `INSERT INTO ems_stations (county_id, org_id, name, node_id) VALUES (${env.countyId}, ${peopleMe.org.id}, '县急救站',
      (SELECT id FROM road_nodes WHERE org_id = ${peopleMe.org.id})) RETURNING id`,
  );
  const [s2] = await env.asOwner(
    `INSERT INTO ems_stations (county_id, org_id, name, node_id) VALUES (${env.countyId}, ${townshipMe.org.id}, '乡镇急救点',
      (SELECT id FROM road_nodes WHERE org_id = ${townshipMe.org.id})) RETURNING id`,
  );
  const vehicle = async (station: unknown, org: number, sign: string, plate: string, crewIds: number[]) =>
    Number(
      (
        await env.asOwner(
          `INSERT INTO ems_vehicles (county_id, station_id, org_id, call_sign, plate, kind, negative_pressure, crew_staff_ids)
           VALUES (${env.countyId}, ${String(station)}, ${org}, '${sign}', '${plate}', 'emergency', true, '{${crewIds.join(',')}}') RETURNING id`,
        )
      )[0].id,
    );
  const s1id = (s1 as { id: number }).id;
  const s2id = (s2 as { id: number }).id;
  const v1 = await vehicle(s1id, peopleMe.org.id, '测试120-01', '晋K·T0001', [crewMe.id]);
  const v2 = await vehicle(s1id, peopleMe.org.id, '测试120-02', '晋K·T0002', []);
  const v3 = await vehicle(s2id, townshipMe.org.id, '测试120-03', '晋K·T0003', []);
  const v = village as { id: number; name: string; lat: number; lng: number };
  return {
    dispatcher,
    crew,
    countyDoctor,
    townshipDoctor,
    peopleOrg: peopleMe.org.id,
    townshipOrg: townshipMe.org.id,
    villageOrg: v.id,
    village: { lat: Number(v.lat), lng: Number(v.lng), name: v.name },
    v1,
    v2,
    v3,
    crewId: crewMe.id,
  };
}

export function callBody(w: EmsWorld, now: Date, over: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    receivedAt: new Date(now.getTime() - 40_000).toISOString(),
    answeredAt: new Date(now.getTime() - 32_000).toISOString(),
    callerPhone: '13800001234',
    address: `${w.village.name}村口`,
    villageOrgId: w.villageOrg,
    lat: w.village.lat,
    lng: w.village.lng,
    complaintCode: 'CHEST_PAIN',
    patientLabel: '男，60岁',
    ...over,
  };
}

/** a call taken and a vehicle sent: the mission id */
export async function dispatched(w: EmsWorld, now: Date, vehicleId: number, over: Record<string, unknown> = {}) {
  const call = await w.dispatcher.post('/api/ems/calls', callBody(w, now, over));
  expect(call.statusCode, call.body).toBe(201);
  const res = await w.dispatcher.post(`/api/ems/calls/${call.json<{ id: number }>().id}/dispatch`, {
    vehicleId,
    destOrgId: w.peopleOrg,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; callId: number }>();
}
