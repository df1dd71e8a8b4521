import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { createUp, referralWorld, type ReferralWorld } from './referral-test-kit.ts';

/**
 * The serving process escalates overdue referrals by itself: the deadline job that
 * registerJobs (src/app.ts) starts when the app is ready. Own database, since the job runs
 * on the real clock against every referral in it.
 */
let env: TestEnv;
let w: ReferralWorld;
beforeAll(async () => {
  process.env.REFERRAL_SCHEDULER_MS = '200';
  try {
    env = await createTestEnv();
  } finally {
    delete process.env.REFERRAL_SCHEDULER_MS;
  }
  w = await referralWorld(env);
});
afterAll(async () => {
  await env?.close();
});

async function waitFor(check: () => Promise<boolean>, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await check()) return;
  throw new Error('timed out');
}

describe('the referral deadline job of a serving process', () => {
  it('escalates an overdue referral without anyone asking', async () => {
    const { id } = await createUp(w, { urgency: 'emergency' });
    await env.asOwner(`UPDATE referrals SET deadline_at = now() - interval '1 minute' WHERE id = ${id}`);
    await waitFor(async () => (await w.coordinator.get(`/api/referrals/${id}`)).json().escalationLevel === 1);
    const events = (await w.coordinator.get(`/api/referrals/${id}`)).json().events;
    expect(events.at(-1)).toMatchObject({ action: 'escalate', actorName: '系统' });
  });
});
