import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import type { KitBatchResult } from './kit.schema.ts';
import { bp, countReadings, ecg, registerKit, send } from './kit-test-kit.ts';
import { remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * The same kit batch sent twice at once on a real PostgreSQL server (a kit whose first answer
 * was slow retries while the first send is still running; PGlite cannot race): every reading is
 * stored exactly once, each send answers per item, and one ECG makes one reading request.
 */
const NOW = new Date('2026-03-06T08:00:00Z');
let env: TestEnv;
let w: RemoteWorld;
let villages: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20, now: () => NOW });
  w = await remoteWorld(env);
  await registerKit(w, 'KIT-PG01');
  villages = [w.village, ...(await Promise.all(Array.from({ length: 3 }, () => env.login('village.doctor'))))];
}, 120_000);
afterAll(async () => {
  await env?.close();
});

describe('kit batches sent concurrently on PostgreSQL', () => {
  it('four concurrent sends of the same batch store each reading once; one ECG, one request', async () => {
    for (let round = 0; round < 5; round++) {
      const at = new Date(NOW.getTime() - (round + 1) * 60_000);
      const readings = [
        ...Array.from({ length: 30 }, (_, i) => bp(`r${round}-bp-${i}`, w.ids.resident, 110 + i, 70, at)),
        ecg(`r${round}-ecg-0`, w.ids.resident, at, 1),
      ];
      const answers = await Promise.all(villages.map((c) => send(c, 'KIT-PG01', readings, `batch-${round}`)));
      for (const a of answers) expect(a.statusCode, a.body).toBe(200);
      const bodies = answers.map((a) => a.json<KitBatchResult>());
      // every reading is stored by exactly one of the sends, a duplicate for the others
      for (let i = 0; i < readings.length; i++) {
        const statuses = bodies.map((b) => b.items[i].status);
        expect(statuses.filter((s) => s === 'stored')).toHaveLength(1);
        expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(villages.length - 1);
      }
      const accessions = new Set(bodies.map((b) => b.items[30].accession));
      expect(accessions.size).toBe(1);
      expect([...accessions][0]).toMatch(/^R\d{13}$/);
    }
    expect(await countReadings(env, 'KIT-PG01')).toBe(5 * 31);
    const [q] = await env.asOwner(
      `SELECT count(*)::int AS requests, (SELECT count(*)::int FROM remote_studies WHERE format = 'aecg') AS studies
       FROM remote_requests WHERE source = 'kit'`,
    );
    expect(q).toMatchObject({ requests: 5, studies: 5 });
  });
});
