import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { ecgAecgFixture } from './fixtures/studies.fixtures.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/** Studies on a real PostgreSQL server (issue 12 §2): two uploads of one SOP instance at the same moment. */

let env: TestEnv;
let w: RemoteWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => new Date('2026-03-04T02:00:00Z') });
  w = await remoteWorld(env);
}, 120_000);
afterAll(() => env.close());

const send = (bytes: Uint8Array) =>
  w.village.request('POST', '/api/remote/studies?fileName=kit.xml', Buffer.from(bytes), {
    'content-type': 'application/octet-stream',
  });

describe('one SOP instance under concurrency', () => {
  it('the same bytes sent twice at once are stored once; other bytes under the same UID are refused', async () => {
    const req = await insertRequest(env, w, { status: 'awaiting_study' });
    const pid = String(w.ids.resident);
    const same = ecgAecgFixture({ patientId: pid, accession: req.accession });
    const answers = await Promise.all([send(same), send(same), send(same)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<{ id: number }>().id)).size).toBe(1);
    const uid = /<id root="([^"]+)"/.exec(new TextDecoder().decode(same))?.[1] ?? '';
    const other = new TextEncoder().encode(
      new TextDecoder()
        .decode(ecgAecgFixture({ patientId: pid, accession: req.accession }, 'af'))
        .replace(/<id root="[^"]+"/, `<id root="${uid}"`),
    );
    const race = await Promise.all([send(other), send(other)]);
    expect(race.map((a) => a.statusCode)).toEqual([409, 409]);
    const rows = await env.asOwner(`SELECT count(*)::int AS n FROM remote_studies WHERE sop_uid = '${uid}'`);
    expect(rows[0].n).toBe(1);
    const [r] = await env.asOwner(`SELECT status FROM remote_requests WHERE id = ${req.id}`);
    expect(r.status).toBe('ready');
  });
});
