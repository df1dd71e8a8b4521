import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openServer, type Database } from '../platform/db.ts';
import { createPlatform } from '../platform/platform.ts';
import { createTestEnv, loginClient, TEST_PASSWORD, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { callBody, emsWorld, type EmsWorld } from './ems-test-kit.ts';

/**
 * The dispatch board across two server processes (issue 13): instance A and instance B each
 * have their own connection pool and their own LISTEN connection to one PostgreSQL database,
 * as two Node processes behind a load balancer would. A dispatcher's board holds a real SSE
 * stream (HTTP on a real port) to A; a colleague takes a call and sends a vehicle through B;
 * the crew's phone reports the vehicle's position through B; the board hears all three within seconds. Only PostgreSQL's LISTEN/NOTIFY carries them from B to A.
 */
const clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
let databaseB: Database;
let appB: FastifyInstance;
let dispatcherB: Client;
let baseA: string;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await emsWorld(env);
  const [{ name }] = (await env.asOwner('SELECT current_database() AS name')) as Array<{ name: string }>;
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  databaseB = await openServer({ databaseUrl: url.toString(), migrationDatabaseUrl: '', poolSize: 4 });
  appB = await buildApp(await createPlatform(databaseB, env.config), { logger: false });
  await appB.ready();
  dispatcherB = await loginClient(appB, 'dispatcher', TEST_PASSWORD);
  baseA = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await appB?.close();
  await databaseB?.close();
  await env?.close();
});

/** a live SSE stream on instance A, as the board's EventSource holds it */
async function streamOnA(client: Client) {
  const ctrl = new AbortController();
  const res = await fetch(`${baseA}/api/ems/stream`, {
    headers: { accept: 'text/event-stream', cookie: client.cookie },
    signal: ctrl.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const first = await reader.read(); // ": connected": the stream is subscribed
  text += decoder.decode(first.value);
  return {
    /** waits until an event of this topic whose data has this id arrives, or the time is up */
    async waitFor(topic: string, id: number, ms = 5000): Promise<boolean> {
      // one SSE message: `id: …\nevent: <topic>\ndata: {…}` then a blank line
      const wanted = (t: string) =>
        t.split('\n\n').some((m) => {
          const data = /^data: (.*)$/m.exec(m)?.[1];
          if (!m.includes(`event: ${topic}\n`) || data === undefined) return false;
          try {
            return (JSON.parse(data) as { id?: number }).id === id;
          } catch {
            return false; // the message's tail has not arrived yet
          }
        });
      const deadline = Date.now() + ms;
      while (!wanted(text) && Date.now() < deadline) {
        const timeout = new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())));
        const chunk = await Promise.race([reader.read(), timeout]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      return wanted(text);
    },
    close: () => ctrl.abort(),
  };
}

describe('the live board across two server processes', () => {
  it('a call taken, a vehicle sent and its position reported on instance B reach the board streaming from instance A within seconds', async () => {
    const board = await streamOnA(w.dispatcher);
    try {
      const call = await dispatcherB.post('/api/ems/calls', callBody(w, clock));
      expect(call.statusCode, call.body).toBe(201);
      const callId = call.json<{ id: number }>().id;
      expect(await board.waitFor('ems.call', callId), 'the new call on A').toBe(true);

      const sent = await dispatcherB.post(`/api/ems/calls/${callId}/dispatch`, { vehicleId: w.v1 });
      expect(sent.statusCode, sent.body).toBe(201);
      const missionId = sent.json<{ id: number }>().id;
      expect(await board.waitFor('ems.mission', missionId), 'the dispatch on A').toBe(true);

      // the crew's phone, served by B, moves the vehicle on A's board
      const fix = {
        clientId: randomUUID(),
        lat: w.village.lat,
        lng: w.village.lng,
        deviceAt: clock.toISOString(),
      };
      const crewB = await loginClient(appB, 'crew', TEST_PASSWORD);
      const moved = await crewB.post(`/api/ems/vehicles/${w.v1}/positions`, { fixes: [fix] });
      expect(moved.json()).toMatchObject({ stored: 1 });
      expect(await board.waitFor('ems.vehicle', w.v1), 'the vehicle moved on A').toBe(true);
    } finally {
      board.close();
    }
  });
});
