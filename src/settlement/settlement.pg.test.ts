import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';
import { calculate, ZERO_ACCUMULATORS, type AppliedRules, type BillGroup } from './calc.ts';
import { dischargedStay, publishFixturePolicy, type Settled } from './settlement-test-kit.ts';

/** Races on a real server: the person-year lock and the one-settlement-per-discharge index. */
let env: TestEnv;
let w: ReferralWorld;
let clerk2: Client;
let residents: number[];

beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  clerk2 = await env.login('clerk');
  const admin = await env.login('admin');
  residents = (await env.asOwner(`SELECT id FROM residents WHERE deceased_on IS NULL ORDER BY id LIMIT 12`)).map((r) =>
    Number(r.id),
  );
  await env.asOwner(
    `UPDATE residents SET insurance_type = 'resident', registered_poor = true WHERE id = ANY('{${residents.join(',')}}'::int[])`,
  );
  await publishFixturePolicy(admin, todayInShanghai());
});
afterAll(async () => {
  await env?.close();
});

const stay = (residentId: number, aFen: number, bFen: number) =>
  dischargedStay(env, { clerk: w.clerk, doctor: w.county, dept: w.cardiologyDept }, residentId, {
    aFen,
    bFen,
    selfFen: 50_000,
  });

/** calculate and confirm, recalculating when another settlement of the person got in between */
async function settleRetrying(c: Client, stayId: number): Promise<{ s: Settled; retries: number }> {
  for (let retries = 0; retries < 10; retries++) {
    const calc = await c.post('/api/settlements', { stayId });
    expect(calc.statusCode, calc.body).toBe(200);
    const ok = await c.post(`/api/settlements/${calc.json().id}/confirm`, { inputHash: calc.json().inputHash });
    if (ok.statusCode === 200) return { s: ok.json<Settled>(), retries };
    expect(ok.json().code, ok.body).toBe('SETTLEMENT_CHANGED');
  }
  throw new Error('no confirmation after 10 tries');
}

describe('two settlements of one person in one year, at once', () => {
  it('give exactly what one after the other gives, round after round', async () => {
    let contended = 0;
    for (const residentId of residents.slice(0, 6)) {
      // an earlier stay of the year: the person's year row exists, so only its lock can order the two below
      await settleRetrying(w.clerk, await stay(residentId, 200_000, 0));
      const first = await stay(residentId, 2_500_000 + residentId * 100, 300_000);
      const second = await stay(residentId, 1_800_000, 500_000 + residentId * 10);
      const [a, b] = await Promise.all([settleRetrying(w.clerk, first), settleRetrying(clerk2, second)]);
      contended += a.retries + b.retries;
      // replay in confirmation order with the stored bills and the rules the database applied
      const rows =
        await env.asOwner(`SELECT id, inputs FROM settlements WHERE resident_id = ${residentId} AND kind = 'settlement'
        ORDER BY confirmed_at, id`);
      expect(rows).toHaveLength(3);
      let before = { ...ZERO_ACCUMULATORS };
      for (const r of rows) {
        const inputs = r.inputs as {
          bill: BillGroup[];
          rules: AppliedRules;
          result: { fields: Record<string, number> };
        };
        const expected = calculate({
          setting: 'inpatient',
          bill: inputs.bill,
          rules: inputs.rules,
          package: null,
          before,
        });
        expect(inputs.result.fields).toEqual(expected.fields);
        const stored = (
          await env.asOwner(
            `SELECT hifmi_pay::int AS m, psn_part_amt::int AS p FROM settlements WHERE id = ${String(r.id)}`,
          )
        )[0];
        expect(stored).toEqual({ m: expected.fields.hifmi_pay, p: expected.fields.psn_part_amt });
        before = expected.after;
      }
      const acc = await env.asOwner(
        `SELECT serious_base_fen::bigint::text AS base, settlements FROM settlement_accumulators WHERE resident_id = ${residentId}`,
      );
      expect(acc[0]).toEqual({ base: String(before.serious_base_fen), settlements: 3 });
    }
    // the lock made someone wait and look again at least once; logged, not asserted (timing)
    console.log(`[settlement race] recalculations after a concurrent settlement of the same person: ${contended}`);
  });
});

describe('one discharge, many clerks', () => {
  it('concurrent calculations make one settlement and concurrent confirmations confirm it once', async () => {
    for (const residentId of residents.slice(6, 10)) {
      const stayId = await stay(residentId, 400_000, 0);
      const calcs = await Promise.all(
        [w.clerk, clerk2, w.clerk, clerk2].map((c) => c.post('/api/settlements', { stayId })),
      );
      expect(new Set(calcs.map((r) => r.json().id)).size).toBe(1);
      const { id, inputHash } = calcs[0].json();
      const oks = await Promise.all(
        [w.clerk, clerk2, w.clerk].map((c) => c.post(`/api/settlements/${id}/confirm`, { inputHash })),
      );
      for (const r of oks) expect(r.statusCode, r.body).toBe(200);
      const rows = await env.asOwner(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'confirmed')::int AS c,
          (SELECT count(*)::int FROM receivables WHERE settlement_id = ${id}) AS recs,
          (SELECT settlements FROM settlement_accumulators WHERE resident_id = ${residentId}) AS acc
        FROM settlements WHERE stay_id = ${stayId}`);
      expect(rows[0]).toMatchObject({ n: 1, c: 1, acc: 1 });
      expect(Number(rows[0].recs)).toBeGreaterThan(0);
    }
  });
});
