import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';

/**
 * Two people correcting the same time at once, on a real PostgreSQL server (PGlite runs one
 * statement at a time, so it cannot race): in every round several dispatchers send a correction
 * from the same expectedAt; exactly one wins, the others get 409, and the event's count and the
 * history hold exactly one correction per round.
 */
let clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
let dispatchers: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => clock });
  w = await emsWorld(env);
  dispatchers = [w.dispatcher, ...(await Promise.all(Array.from({ length: 4 }, () => env.login('dispatcher'))))];
});
afterAll(async () => {
  await env?.close();
});

describe('concurrent corrections on PostgreSQL', () => {
  it('many rounds: one winner from the same expectedAt, the others told to refresh', async () => {
    const t0 = clock.getTime();
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const m = await dispatched(w, clock, w.v1);
    clock = new Date(t0 + 60 * 60_000);
    const r = await w.crew.post(`/api/ems/missions/${m.id}/step`, {
      clientId: randomUUID(),
      action: 'depart',
      at: at(10),
    });
    expect(r.statusCode, r.body).toBe(200);
    const ROUNDS = 12;
    let current = at(10);
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        dispatchers.map((d, i) =>
          d.post(`/api/ems/missions/${m.id}/events/departed/correct`, {
            // each person's own new time, never the round's old one (whole minutes and half minutes alternate)
            at: at(2 + ((round + i) % 7) + (round % 2) * 0.5),
            reason: `第 ${round + 1} 轮核对 ${i + 1}`,
            expectedAt: current,
          }),
        ),
      );
      const won = answers.filter((a) => a.statusCode === 200);
      expect(won, `round ${round}: ${answers.map((a) => a.statusCode).join(',')}`).toHaveLength(1);
      for (const lost of answers.filter((a) => a.statusCode !== 200)) {
        expect(lost.statusCode, lost.body).toBe(409);
        expect(lost.json().message).toBe('该时间已被他人更正，请刷新');
      }
      current = won[0].json<{ at: string }>().at;
    }
    const [check] = await env.asOwner(`SELECT
        (SELECT corrections FROM ems_events WHERE mission_id = ${m.id} AND milestone = 'departed') AS corrections,
        (SELECT count(*)::int FROM ems_event_corrections WHERE mission_id = ${m.id}) AS history,
        (SELECT at FROM ems_events WHERE mission_id = ${m.id} AND milestone = 'departed') AS at`);
    expect(check).toMatchObject({ corrections: ROUNDS, history: ROUNDS });
    expect(new Date((check as { at: string }).at).toISOString()).toBe(current);
  });
});
