import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * The claim race on a real PostgreSQL server (PGlite runs one statement at a time, so it cannot
 * race): in every round six reader sessions press 领取 on the same study at once; exactly one
 * wins, the others get 409, and the row names the winner.
 */
const clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: RemoteWorld;
let readers: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => clock });
  w = await remoteWorld(env);
  readers = [
    w.reader,
    w.reader2,
    ...(await Promise.all([1, 2, 3, 4].map((i) => env.login(i % 2 ? 'reader' : 'reader.two')))),
  ];
});
afterAll(async () => {
  await env?.close();
});

describe('claiming a study on PostgreSQL', () => {
  it('ten rounds of six readers at once: one winner each time, the rest told it is taken', async () => {
    for (let round = 0; round < 10; round++) {
      const r = await insertRequest(env, w, { priority: 'stat' });
      const answers = await Promise.all(readers.map((c) => c.post(`/api/remote/requests/${r.id}/claim`)));
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(readers.length - 1);
      const [row] = await env.asOwner(`SELECT status, claimed_by FROM remote_requests WHERE id = ${r.id}`);
      expect(row.status).toBe('claimed');
      const audits = await env.asOwner(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'remote.claim' AND resource_id = '${r.id}'`,
      );
      expect(audits[0].n).toBe(1);
    }
  });
});
