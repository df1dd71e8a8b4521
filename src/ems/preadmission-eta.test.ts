import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';

/**
 * 院前预警, the destination's list of patients on their way (issue 13): once the crew stamps the
 * door the patient is at the door (no countdown), listed first to be received; a stood-down
 * mission or one ended short of the door leaves the list; the home page's count agrees with the
 * list every time. The clock is injected.
 */
let clock = new Date('2026-11-21T02:00:00Z');
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
const tick = (min: number) => {
  clock = new Date(clock.getTime() + min * 60_000);
};

interface Pre {
  id: number;
  missionId: number;
  status: string;
  etaAt: string | null;
  doorAt: string | null;
}
const expectedList = async () => {
  const res = await w.countyDoctor.get('/api/ems/preadmissions?status=expected');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Pre[]>();
};
const todoCount = async () => {
  const res = await w.countyDoctor.get('/api/todo');
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json<{ items: Array<{ key: string; count: number }> }>().items.find((i) => i.key === 'ems_patients_expected')
      ?.count ?? 0
  );
};
/** the list and the to-do count tell the same story */
async function listAndCount() {
  const list = await expectedList();
  expect(await todoCount()).toBe(list.length);
  return list;
}

async function step(c: Client, missionId: number, action: string) {
  const r = await c.post(`/api/ems/missions/${missionId}/step`, { clientId: randomUUID(), action, at: later(0) });
  expect(r.statusCode, r.body).toBe(200);
}

/** a mission on its way to the people's hospital with a pre-alert of `eta` minutes */
async function onTheWay(vehicleId: number, stepper: Client, eta: number, upTo: readonly string[]) {
  const m = await dispatched(w, clock, vehicleId);
  for (const action of upTo) {
    tick(2);
    await step(stepper, m.id, action);
  }
  const p = await stepper.post(`/api/ems/missions/${m.id}/prealert`, {
    clientId: randomUUID(),
    at: later(0),
    etaMinutes: eta,
  });
  expect(p.statusCode, p.body).toBe(201);
  return m.id;
}

describe('the expected list after the door', () => {
  it('the door stamped by the crew: 已到门 with its time, first in the list, until the hospital receives', async () => {
    expect(await listAndCount()).toEqual([]);
    const near = await onTheWay(w.v1, w.crew, 10, ['depart', 'arrive_scene', 'leave_scene']);
    const far = await onTheWay(w.v2, w.dispatcher, 5, ['depart']);
    // soonest ETA first while both are on the road
    expect((await listAndCount()).map((p) => [p.missionId, p.doorAt])).toEqual([
      [far, null],
      [near, null],
    ]);
    // the crew presses 到达医院 15 minutes later, past its ETA: at the door, first, no countdown
    tick(15);
    const doorAt = later(0);
    await step(w.crew, near, 'arrive_hospital');
    const list = await listAndCount();
    expect(list.map((p) => p.missionId)).toEqual([near, far]);
    expect(list[0]).toMatchObject({ status: 'expected', doorAt });
    // and it stays there after the crew clears: the hospital has not received the patient yet
    tick(5);
    await step(w.crew, near, 'clear');
    expect((await listAndCount()).map((p) => p.missionId)).toEqual([near, far]);
    // 到院 takes it off, with the crew's door time
    const pre = list[0];
    const arrived = await w.countyDoctor.post(`/api/ems/preadmissions/${pre.id}/arrive`, {
      at: later(0),
      edBypass: false,
    });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json()).toMatchObject({ status: 'arrived', arrivedAt: doorAt });
    expect((await listAndCount()).map((p) => p.missionId)).toEqual([far]);
    await w.crew.post(`/api/ems/vehicles/${w.v1}/status`, { action: 'back_in_station' });

    // the other mission is stood down: its pre-admission is cancelled with it and leaves the list
    await step(w.dispatcher, far, 'stand_down');
    expect(await listAndCount()).toEqual([]);
    expect((await env.asOwner(`SELECT status FROM ems_preadmissions WHERE mission_id = ${far}`))[0]).toEqual({
      status: 'cancelled',
    });
    await w.dispatcher.post(`/api/ems/vehicles/${w.v2}/status`, { action: 'back_in_station' });
  });

  it('a stood-down mission and one ended on scene without transport leave the list and the count', async () => {
    const down = await onTheWay(w.v1, w.crew, 20, ['depart']);
    const treated = await onTheWay(w.v2, w.dispatcher, 25, ['depart', 'arrive_scene']);
    expect((await listAndCount()).map((p) => p.missionId).sort()).toEqual([down, treated].sort());
    tick(1);
    await step(w.crew, down, 'stand_down');
    expect((await listAndCount()).map((p) => p.missionId)).toEqual([treated]);
    // treated on scene, not transported: the mission completes without a door
    tick(30);
    await step(w.dispatcher, treated, 'clear');
    expect(await listAndCount()).toEqual([]);
    const rows = await env.asOwner(
      `SELECT mission_id, status FROM ems_preadmissions WHERE mission_id IN (${down}, ${treated}) ORDER BY mission_id`,
    );
    expect(rows.map((r) => (r as { status: string }).status)).toEqual(['cancelled', 'cancelled']);
    const cancelled = await w.countyDoctor.get('/api/ems/preadmissions?status=cancelled');
    expect(cancelled.json<Pre[]>().map((p) => p.missionId)).toEqual(expect.arrayContaining([down, treated]));
    await w.crew.post(`/api/ems/vehicles/${w.v1}/status`, { action: 'back_in_station' });
    await w.dispatcher.post(`/api/ems/vehicles/${w.v2}/status`, { action: 'back_in_station' });
  });
});
