import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';

/** Races on a real server: two clerks choosing one bed at the same moment. */
let env: TestEnv;
let w: ReferralWorld;
let clerk2: Client;
let beds: Array<{ id: number }>;
let residents: number[];

beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  clerk2 = await env.login('clerk');
  const admin = await env.login('admin');
  const ward = (
    await admin.post('/api/wards', { departmentId: w.cardiologyDept, code: 'R1', name: '竞争病区' })
  ).json();
  beds = (await admin.post(`/api/wards/${ward.id}/beds`, { count: 8 })).json();
  residents = (await env.asOwner(`SELECT id FROM residents ORDER BY id LIMIT 24`)).map((r) => Number(r.id));
});
afterAll(async () => {
  await env?.close();
});

const admit = (c: Client, residentId: number, bedId: number) =>
  c.post('/api/stays', { residentId, departmentId: w.cardiologyDept, bedId }, { 'idempotency-key': key() });

describe('one patient per bed under concurrency', () => {
  it('two clerks admitting to the same bed at once: exactly one wins, every time', async () => {
    for (let i = 0; i < 4; i++) {
      const [a, b] = await Promise.all([
        admit(w.clerk, residents[2 * i], beds[i].id),
        admit(clerk2, residents[2 * i + 1], beds[i].id),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      expect(codes, `${a.body} / ${b.body}`).toEqual([201, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('BED_OCCUPIED');
    }
    const rows = await env.asOwner(
      `SELECT bed_id, count(*)::int AS n FROM stays WHERE status = 'admitted' AND bed_id IS NOT NULL GROUP BY bed_id HAVING count(*) > 1`,
    );
    expect(rows).toEqual([]);
  });

  it('a stay and a 三优先 admission racing for one bed: one of them gets it', async () => {
    for (let i = 4; i < 8; i++) {
      const req = (
        await w.coordinator.post('/api/admissions', {
          residentId: residents[8 + 2 * i],
          departmentId: w.cardiologyDept,
          urgency: 'urgent',
        })
      ).json();
      const [a, b] = await Promise.all([
        admit(w.clerk, residents[9 + 2 * i], beds[i].id),
        clerk2.post(`/api/admissions/${req.id}/admit`, { bedId: beds[i].id }),
      ]);
      const wins = [a.statusCode === 201, b.statusCode === 200].filter(Boolean).length;
      expect(wins, `${a.body} / ${b.body}`).toBe(1);
      expect([a.statusCode, b.statusCode]).toContain(409);
      const occ = await env.asOwner(`SELECT count(*)::int AS n FROM bed_occupancy WHERE bed_id = ${beds[i].id}`);
      expect(occ[0].n).toBe(1);
    }
  });
});
