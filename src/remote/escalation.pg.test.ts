import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { criticalWorld, notifiedCritical, type CriticalWorld } from './criticals-test-kit.ts';
import { runCriticalEscalations } from './escalation.service.ts';

/**
 * The escalation scheduler racing itself on a real PostgreSQL server (two server processes
 * whose timers fire at the same moment; PGlite runs one statement at a time, so cannot race):
 * every rung of every critical value exists once, and each target is notified once.
 */
const T0 = new Date('2026-03-10T02:00:00Z');
const clock = T0;
let env: TestEnv;
let w: CriticalWorld;
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 12, now: () => clock });
  w = await criticalWorld(env);
  await env.asOwner(
    `INSERT INTO org_duty (county_id, org_id, duty, staff_id, effective_from) VALUES
       (${env.countyId}, ${w.ids.townshipOrg}, 'duty_doctor', ${w.ids.townshipDoctor}, '2026-01-01'),
       (${env.countyId}, ${w.ids.townshipOrg}, 'lead', ${w.lead}, '2026-01-01')`,
  );
}, 120_000);
afterAll(() => env?.close());

describe('the escalation scheduler on PostgreSQL', () => {
  it('run concurrently (twice, then four times) it creates nothing twice', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await notifiedCritical(env, w)).criticalId);
    const list = ids.join(',');
    for (const [minutes, parallel] of [
      [15, 2],
      [30, 4],
      [360, 4],
    ] as const) {
      const at = new Date(T0.getTime() + minutes * 60_000);
      const runs = await Promise.all(Array.from({ length: parallel }, () => runCriticalEscalations(env.db, at)));
      const created = runs.reduce((n, r) => n + r.unacknowledged_15 + r.not_acted_30 + r.note_due_6h, 0);
      expect(created).toBe(ids.length);
    }
    const [counts] = await env.asOwner(
      `SELECT (SELECT count(*)::int FROM remote_escalations WHERE critical_id IN (${list})) AS escalations,
         (SELECT count(DISTINCT (critical_id, level))::int FROM remote_escalations WHERE critical_id IN (${list})) AS rungs,
         (SELECT count(*)::int FROM remote_tasks WHERE critical_id IN (${list})) AS tasks,
         (SELECT count(*)::int FROM remote_notifications WHERE critical_id IN (${list}) AND kind = 'escalation'
            AND staff_id = ${w.ids.townshipDoctor}) AS duty_notices`,
    );
    expect(counts).toEqual({ escalations: 15, rungs: 15, tasks: 5, duty_notices: 5 });
  });
});
