import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedReferrals } from '../seed/referrals.seed.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('demo referral data', () => {
  it('a year of referrals, exam orders and out-of-county visits, every status reached through the guarded transitions', async () => {
    const result = await seedReferrals(env.db, {
      countyId: env.countyId,
      seed: 7,
      perMonth: 12,
      now: new Date('2026-06-30T12:00:00Z'),
    });
    expect(result.referrals).toBeGreaterThan(144);
    expect(result.examOrders).toBeGreaterThan(50);
    expect(result.outOfCountyVisits).toBeGreaterThan(20);
    const statuses = await env.asOwner(`SELECT status, count(*)::int AS n FROM referrals GROUP BY status`);
    const by = Object.fromEntries(statuses.map((r) => [r.status, r.n]));
    expect(by.closed).toBeGreaterThan(50);
    expect(by.down_referred ?? 0).toBe(0);
    const rehab = await env.asOwner(
      `SELECT count(*)::int AS n FROM referrals r JOIN orgs o ON o.id = r.to_org_id WHERE r.direction = 'down' AND o.name = '宋古乡卫生院'`,
    );
    expect(Number(rehab[0].n)).toBeGreaterThan(5);
    const figures = (
      await (await env.login('coordinator')).get('/api/referral-figures?from=2025-07-01&to=2026-06-30')
    ).json();
    const closedLoop = figures.figures.find((f: { key: string }) => f.key === 'closed_loop');
    expect(closedLoop.denominator).toBeGreaterThan(50);
    expect(closedLoop.value).toBeGreaterThan(80);
    const again = await seedReferrals(env.db, {
      countyId: env.countyId,
      seed: 7,
      perMonth: 12,
      now: new Date('2026-06-30T12:00:00Z'),
    }).catch((e: Error) => e);
    expect(again).toBeInstanceOf(Error); // same seed twice: the idempotency keys refuse a duplicate year
  });
});
