import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { criticalWorld, notifiedCritical, type CriticalWorld } from './criticals-test-kit.ts';
import { runCriticalEscalations } from './escalation.service.ts';

/**
 * The escalation ladder with an injected clock (issue 12 §4): nothing at 14:59, the requesting
 * clinic's duty doctor and lead at exactly 15:00 (a village clinic without its own roster →
 * its township centre's), the medical office at 30:00, the progress-note task at 6 h; run
 * twice it creates nothing twice; acknowledged in time → no escalation.
 */
const T0 = new Date('2026-03-10T02:00:00Z');
let clock = T0;
let env: TestEnv;
let w: CriticalWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await criticalWorld(env);
  // the township centre's roster; the village clinic has none of its own
  await env.asOwner(
    `INSERT INTO org_duty (county_id, org_id, duty, staff_id, effective_from) VALUES
       (${env.countyId}, ${w.ids.townshipOrg}, 'duty_doctor', ${w.ids.townshipDoctor}, '2026-01-01'),
       (${env.countyId}, ${w.ids.townshipOrg}, 'lead', ${w.lead}, '2026-01-01')`,
  );
}, 120_000);
afterAll(() => env?.close());

const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000);
const escalations = (id: number) =>
  env.asOwner(
    `SELECT level, target_staff, target_org_id, due_at FROM remote_escalations WHERE critical_id = ${id} ORDER BY id`,
  );
const notices = (id: number) =>
  env.asOwner(
    `SELECT kind, org_id, staff_id FROM remote_notifications WHERE critical_id = ${id} AND kind <> 'critical'
     ORDER BY id`,
  );

describe('the escalation ladder', () => {
  it('14:59 nothing; 15:00 the duty doctor and lead; 30:00 the medical office; 6 h the note; twice = once', async () => {
    clock = T0;
    const { criticalId } = await notifiedCritical(env, w);
    await runCriticalEscalations(env.db, at(14, 59));
    expect(await escalations(criticalId)).toHaveLength(0);

    await runCriticalEscalations(env.db, at(15));
    const first = await escalations(criticalId);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      level: 'unacknowledged_15',
      target_org_id: w.ids.townshipOrg,
      target_staff: [w.ids.townshipDoctor, w.lead].sort((a, b) => a - b),
    });
    expect((first[0].due_at as Date).toISOString()).toBe(at(15).toISOString());
    const n15 = await notices(criticalId);
    expect(n15.map((n) => n.staff_id).sort()).toEqual([w.ids.townshipDoctor, w.lead].sort());
    expect(n15.every((n) => n.kind === 'escalation' && n.org_id === w.ids.townshipOrg)).toBe(true);
    // the township duty doctor now sees it in their inbox and banner
    const inbox = (await w.township.get('/api/remote/inbox?after=0')).json<{
      items: Array<{ criticalId: number; kind: string }>;
      unacknowledged: Array<{ id: number }>;
    }>();
    expect(inbox.items.some((n) => n.criticalId === criticalId && n.kind === 'escalation')).toBe(true);

    // the scheduler again at the same minute, and a minute later: nothing twice
    await runCriticalEscalations(env.db, at(15));
    await runCriticalEscalations(env.db, at(16));
    expect(await escalations(criticalId)).toHaveLength(1);
    expect(await notices(criticalId)).toHaveLength(2);

    await runCriticalEscalations(env.db, at(29, 59));
    expect(await escalations(criticalId)).toHaveLength(1);
    await runCriticalEscalations(env.db, at(30));
    await runCriticalEscalations(env.db, at(30));
    const second = await escalations(criticalId);
    expect(second.map((e) => e.level)).toEqual(['unacknowledged_15', 'not_acted_30']);
    // no medical-office roster at the county root: the reading county hospital's coordinators
    expect(second[1].target_staff).toContain(w.coordinatorId);
    const office = (await notices(criticalId)).filter((n) => n.staff_id === w.coordinatorId);
    expect(office).toHaveLength(1);
    const coord = (await w.coordinator.get('/api/remote/inbox?after=0')).json<{
      items: Array<{ criticalId: number }>;
      unacknowledged: Array<{ id: number }>;
    }>();
    expect(coord.items.some((n) => n.criticalId === criticalId)).toBe(true);
    expect(coord.unacknowledged.map((u) => u.id)).toContain(criticalId);

    await runCriticalEscalations(env.db, at(359, 59));
    expect(await env.asOwner(`SELECT 1 FROM remote_tasks WHERE critical_id = ${criticalId}`)).toHaveLength(0);
    await runCriticalEscalations(env.db, at(360));
    await runCriticalEscalations(env.db, at(361));
    expect((await escalations(criticalId)).map((e) => e.level)).toEqual([
      'unacknowledged_15',
      'not_acted_30',
      'note_due_6h',
    ]);
    const tasks = await env.asOwner(`SELECT kind, org_id FROM remote_tasks WHERE critical_id = ${criticalId}`);
    expect(tasks).toEqual([{ kind: 'progress_note', org_id: w.ids.villageOrg }]);
    // the timeline names each rung
    clock = at(362);
    const detail = (await w.village.get(`/api/remote/criticals/${criticalId}`)).json<{
      timeline: Array<{ step: string }>;
    }>();
    expect(detail.timeline.map((s) => s.step)).toEqual([
      'flagged',
      'checked',
      'notified',
      'escalation.unacknowledged_15',
      'escalation.not_acted_30',
      'escalation.note_due_6h',
      'task.progress_note',
    ]);
  });

  it('acknowledged before 15 minutes → no escalation; acted before 30 → no medical office', async () => {
    clock = T0;
    const { criticalId } = await notifiedCritical(env, w);
    clock = at(14);
    const ack = await w.village.post(`/api/remote/criticals/${criticalId}/acknowledge`, {
      readback: '急性下壁心肌梗死',
      patientStatus: 'present',
    });
    expect(ack.statusCode).toBe(200);
    await runCriticalEscalations(env.db, at(15));
    expect(await escalations(criticalId)).toHaveLength(0);
    clock = at(20);
    await w.village.post(`/api/remote/criticals/${criticalId}/act`, { action: '吸氧、阿司匹林、呼叫 120' });
    await runCriticalEscalations(env.db, at(31));
    expect(await escalations(criticalId)).toHaveLength(0);
    expect(await notices(criticalId)).toHaveLength(0);
  });

  it('a medical-office roster at the county root is used first; the durations are data', async () => {
    const [root] = await env.asOwner(`SELECT id FROM orgs WHERE county_id = ${env.countyId} AND kind = 'county'`);
    const [adminRow] = await env.asOwner(`SELECT id FROM staff WHERE username = 'admin'`);
    await env.asOwner(
      `INSERT INTO org_duty (county_id, org_id, duty, staff_id, effective_from)
       VALUES (${env.countyId}, ${Number(root.id)}, 'medical_office', ${Number(adminRow.id)}, '2026-01-01')`,
    );
    // from March 15 the first rung fires at 10 minutes; a value notified before keeps its 15
    await env.asOwner(
      `UPDATE remote_critical_rules SET effective_to = '2026-03-15T00:00:00Z' WHERE level = 'unacknowledged_15';
       INSERT INTO remote_critical_rules (level, after_minutes, effective_from) VALUES ('unacknowledged_15', 10, '2026-03-15T00:00:00Z')`,
    );
    const day = new Date('2026-03-16T02:00:00Z');
    clock = day;
    const { criticalId } = await notifiedCritical(env, w);
    const plus = (m: number) => new Date(day.getTime() + m * 60_000);
    await runCriticalEscalations(env.db, plus(9));
    expect(await escalations(criticalId)).toHaveLength(0);
    await runCriticalEscalations(env.db, plus(10));
    expect(await escalations(criticalId)).toHaveLength(1);
    await runCriticalEscalations(env.db, plus(30));
    const rows = await escalations(criticalId);
    expect(rows[1]).toMatchObject({
      level: 'not_acted_30',
      target_staff: [Number(adminRow.id)],
      target_org_id: Number(root.id),
    });
  });
});
