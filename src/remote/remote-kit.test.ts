import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

describe('remote diagnosis: the database keeps the turnaround table and the test world', () => {
  let env: TestEnv;
  let w: RemoteWorld;
  beforeAll(async () => {
    env = await createTestEnv({ now: () => new Date('2026-03-06T08:00:00Z') });
    w = await remoteWorld(env);
  }, 120_000);
  afterAll(() => env.close());

  it('a stat ECG is due in 10 minutes, a routine outpatient CT in 4 working hours across the weekend', async () => {
    // Friday 16:00 Shanghai
    const fri = new Date('2026-03-06T08:00:00Z');
    const ecg = await insertRequest(env, w, { priority: 'stat', requestedAt: fri });
    const ct = await insertRequest(env, w, { centre: 'imaging', item: 'IMG-CT-HEAD', requestedAt: fri });
    const rows = await env.asOwner(
      `SELECT id, due_at, accession FROM remote_requests WHERE id IN (${ecg.id}, ${ct.id}) ORDER BY id`,
    );
    expect((rows[0].due_at as Date).toISOString()).toBe('2026-03-06T08:10:00.000Z');
    // one hour on Friday (16:00–17:00), three on Monday from 08:00 → Monday 11:00 Shanghai
    expect((rows[1].due_at as Date).toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(ecg.accession).toMatch(/^R260306\d{7}$/);
    expect(ecg.accession).not.toBe(ct.accession);
    expect(w.ids.reader2).not.toBe(w.ids.reader);
    expect(w.ids.otherResident).toBeGreaterThan(0);
  });
});
