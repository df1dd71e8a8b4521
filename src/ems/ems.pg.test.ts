import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { callBody, emsWorld, type EmsWorld } from './ems-test-kit.ts';

/**
 * The double-dispatch race on a real PostgreSQL server (PGlite runs one statement at a time, so
 * it cannot race): in every round several dispatchers press 派车 on the same vehicle for
 * different calls at once; exactly one wins, the rest get 409 with the winner's mission, and the
 * database never holds two active missions for one vehicle.
 */
const clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
let dispatchers: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => clock });
  w = await emsWorld(env);
  dispatchers = [w.dispatcher, ...(await Promise.all(Array.from({ length: 5 }, () => env.login('dispatcher'))))];
});
afterAll(async () => {
  await env?.close();
});

describe('double dispatch on PostgreSQL', () => {
  it('many rounds: one winner per vehicle, the others told its mission; never two active missions', async () => {
    const ROUNDS = 15;
    const AT_ONCE = 6;
    for (let round = 0; round < ROUNDS; round++) {
      const calls = await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const r = await w.dispatcher.post('/api/ems/calls', callBody(w, clock));
          expect(r.statusCode, r.body).toBe(201);
          return r.json<{ id: number }>().id;
        }),
      );
      const vehicle = [w.v1, w.v2, w.v3][round % 3];
      const answers = await Promise.all(
        calls.map((callId, i) =>
          dispatchers[i % dispatchers.length].post(`/api/ems/calls/${callId}/dispatch`, { vehicleId: vehicle }),
        ),
      );
      const won = answers.filter((a) => a.statusCode === 201);
      expect(won, `round ${round}`).toHaveLength(1);
      const winner = won[0].json<{ id: number }>().id;
      for (const lost of answers.filter((a) => a.statusCode !== 201)) {
        expect(lost.statusCode).toBe(409);
        expect(lost.json()).toMatchObject({ code: 'VEHICLE_BUSY', missionId: winner });
      }
      const down = await w.dispatcher.post(`/api/ems/missions/${winner}/step`, {
        clientId: randomUUID(),
        action: 'stand_down',
        at: clock.toISOString(),
      });
      expect(down.statusCode, down.body).toBe(200);
      for (const callId of calls) await w.dispatcher.post(`/api/ems/calls/${callId}/cancel`, { reason: '测试结束' });
    }
    const [check] = await env.asOwner(`SELECT
        (SELECT count(*)::int FROM ems_missions WHERE county_id = ${env.countyId}) AS missions,
        (SELECT count(*)::int FROM (SELECT vehicle_id FROM ems_missions WHERE status NOT IN ('completed', 'cancelled')
           GROUP BY vehicle_id HAVING count(*) > 1) x) AS doubled,
        (SELECT count(*)::int FROM ems_vehicles WHERE county_id = ${env.countyId} AND status <> 'available') AS busy`);
    expect(check).toEqual({ missions: ROUNDS, doubled: 0, busy: 0 });
  });
});
