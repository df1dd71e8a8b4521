import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedHis, type HisSeedResult } from './his.seed.ts';

/** The HIS demo on the tiny county: senders per hospital, messages through the real ingest. */
let env: TestEnv;
let result: HisSeedResult;
const NOW = new Date('2026-06-30T12:00:00+08:00');

beforeAll(async () => {
  env = await createTestEnv();
  const started = performance.now();
  result = await seedHis(env.db, { countyId: env.countyId, seed: 7, now: NOW });
  console.log(`his seed: ${result.messages} messages in ${Math.round(performance.now() - started)} ms`);
});
afterAll(async () => {
  await env?.close();
});

describe('HIS demo data', () => {
  it('registers each county hospital as a sender and sends their three days through ingest', async () => {
    const senders = await env.asOwner(`SELECT s.facility, o.kind FROM his_senders s JOIN orgs o ON o.id = s.org_id`);
    expect(senders).toHaveLength(3);
    expect(senders.every((s) => s.kind === 'county_hospital')).toBe(true);
    const rows = await env.asOwner(`SELECT status, count(*)::int AS n FROM his_messages GROUP BY status`);
    const by = Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
    expect(by).toEqual(result.byStatus);
    expect(by.applied).toBeGreaterThanOrEqual(15);
    expect(by.held).toBe(2);
    expect(by.error).toBe(1);
    const perSender = await env.asOwner(`SELECT sender_id, count(*)::int AS n, max(received_at) AS last
      FROM his_messages GROUP BY sender_id`);
    expect(perSender).toHaveLength(3);
    for (const s of perSender) expect(new Date(String(s.last)).getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it('the held admissions wait for matching; the malformed message keeps its error; effects are real', async () => {
    const held = await env.asOwner(`SELECT error_code FROM his_messages WHERE status = 'held'`);
    expect(held.map((h) => h.error_code)).toEqual(['UNKNOWN_RESIDENT', 'UNKNOWN_RESIDENT']);
    const [bad] = await env.asOwner(`SELECT error_text, ack_code FROM his_messages WHERE status = 'error'`);
    expect(String(bad.error_text).length).toBeGreaterThan(0);
    expect(['AE', 'AR']).toContain(bad.ack_code);
    const stays = await env.asOwner(
      `SELECT status, count(*)::int AS n FROM stays WHERE source = 'his' GROUP BY status`,
    );
    const s = Object.fromEntries(stays.map((r) => [String(r.status), Number(r.n)]));
    expect(s).toEqual({ admitted: 2, discharged: 2, cancelled: 1 });
    const [v] = await env.asOwner(`SELECT count(*)::int AS n FROM visits WHERE source = 'his'`);
    expect(v.n).toBe(5);
  });
});
