import { sql } from 'kysely';
import { writeAudit, type AuditContext } from '../platform/audit.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import type { PeriodicJob } from '../platform/periodic.ts';
import type { EscalationLevel } from './criticals.tables.ts';
import { mapRemoteError, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';

/**
 * 危急值 escalation ladder (issue 12 §4), idempotent: each rung is ONE statement,
 * INSERT … SELECT … ON CONFLICT (critical_id, level) DO NOTHING RETURNING, and notifications
 * (and tasks) are written only for the rows that statement returned. A second run, or a
 * second process running at the same moment, inserts nothing (the unique key waits for the
 * first writer's commit and then does nothing) and so notifies nobody twice. The minutes
 * come from remote_critical_rules (0091), the rule in force when the value was notified.
 */

export interface EscalationRun {
  unacknowledged_15: number;
  not_acted_30: number;
  note_due_6h: number;
}

type Inserted = { id: number; critical_id: number; target_staff: number[]; target_org_id: number | null };

const LEVEL_TITLE: Record<EscalationLevel, string> = {
  unacknowledged_15: '危急值超过 15 分钟未确认',
  not_acted_30: '危急值超过 30 分钟未处置',
  note_due_6h: '危急值病程记录已到期',
};

const systemAudit = (countyId: number): AuditContext => ({
  userId: null,
  username: 'system',
  role: null,
  orgId: null,
  countyId,
  requestId: 'critical-escalation',
  ip: '127.0.0.1',
});

/** critical values due for `level`: the rule in force at notification, its minutes passed at `now` */
const due = (county: number, level: EscalationLevel, now: Date, condition: ReturnType<typeof sql>) => sql`
  SELECT c.id, c.county_id, c.requesting_org_id, c.request_id,
    c.notified_at + make_interval(mins => rule.after_minutes) AS due_at
  FROM remote_criticals c
  CROSS JOIN LATERAL (SELECT r.after_minutes FROM remote_critical_rules r
    WHERE r.level = ${level} AND r.effective_from <= c.notified_at
      AND (r.effective_to IS NULL OR r.effective_to > c.notified_at)
    ORDER BY r.effective_from DESC LIMIT 1) rule
  WHERE c.county_id = ${county} AND c.notified_at IS NOT NULL AND ${condition}
    AND c.notified_at + make_interval(mins => rule.after_minutes) <= ${now}::timestamptz`;

/** duty in force at `now` for an org: its own rows, else its parent's (a village clinic → its township centre) */
const dutyOf = (orgCol: string, duties: string[], now: Date) => sql`
  SELECT pick.org_id, array_agg(DISTINCT od.staff_id ORDER BY od.staff_id) AS staff
  FROM (SELECT od.org_id FROM org_duty od
        WHERE od.org_id IN (${sql.ref(orgCol)}, (SELECT o.parent_id FROM orgs o WHERE o.id = ${sql.ref(orgCol)}))
          AND od.duty = ANY (${duties}::text[]) AND od.effective_from <= ${now}::timestamptz
          AND (od.effective_to IS NULL OR od.effective_to > ${now}::timestamptz)
        ORDER BY (od.org_id = ${sql.ref(orgCol)}) DESC LIMIT 1) pick
  JOIN org_duty od ON od.org_id = pick.org_id AND od.duty = ANY (${duties}::text[])
    AND od.effective_from <= ${now}::timestamptz AND (od.effective_to IS NULL OR od.effective_to > ${now}::timestamptz)
  GROUP BY pick.org_id`;

async function rungUnacknowledged(trx: Kdb, county: number, now: Date): Promise<Inserted[]> {
  const { rows } = await sql<Inserted>`
    INSERT INTO remote_escalations (county_id, critical_id, level, due_at, created_at, target_staff, target_org_id)
    SELECT d.county_id, d.id, 'unacknowledged_15', d.due_at, ${now}, coalesce(t.staff, '{}'),
      coalesce(t.org_id, d.requesting_org_id)
    FROM (${due(county, 'unacknowledged_15', now, sql`c.status = 'notified' AND c.ack_at IS NULL`)}) d
    LEFT JOIN LATERAL (${dutyOf('d.requesting_org_id', ['duty_doctor', 'lead'], now)}) t ON true
    ORDER BY d.id
    ON CONFLICT (critical_id, level) DO NOTHING
    RETURNING id, critical_id, target_staff, target_org_id`.execute(trx);
  return rows;
}

/** the group's medical office: duty rows at the county root, else the coordinators of the reading county hospital */
async function rungNotActed(trx: Kdb, county: number, now: Date): Promise<Inserted[]> {
  const { rows } = await sql<Inserted>`
    INSERT INTO remote_escalations (county_id, critical_id, level, due_at, created_at, target_staff, target_org_id)
    SELECT d.county_id, d.id, 'not_acted_30', d.due_at, ${now},
      coalesce(office.staff, coord.staff, '{}'), coalesce(office.org_id, rq.reading_org_id)
    FROM (${due(county, 'not_acted_30', now, sql`c.status IN ('notified', 'acknowledged') AND c.acted_at IS NULL`)}) d
    JOIN remote_requests rq ON rq.id = d.request_id
    LEFT JOIN LATERAL (SELECT od.org_id, array_agg(DISTINCT od.staff_id ORDER BY od.staff_id) AS staff
      FROM org_duty od JOIN orgs o ON o.id = od.org_id AND o.kind = 'county' AND o.county_id = d.county_id
      WHERE od.duty = 'medical_office' AND od.effective_from <= ${now}::timestamptz
        AND (od.effective_to IS NULL OR od.effective_to > ${now}::timestamptz)
      GROUP BY od.org_id LIMIT 1) office ON true
    LEFT JOIN LATERAL (SELECT array_agg(s.id ORDER BY s.id) AS staff FROM staff s
      WHERE s.org_id = rq.reading_org_id AND 'coordinator' = ANY (s.roles) AND NOT s.disabled) coord ON true
    ORDER BY d.id
    ON CONFLICT (critical_id, level) DO NOTHING
    RETURNING id, critical_id, target_staff, target_org_id`.execute(trx);
  return rows;
}

/** the progress note due at 6 h: the rung, and a task for whoever acknowledged (else the clinic) */
async function rungNoteDue(trx: Kdb, county: number, now: Date): Promise<Inserted[]> {
  const { rows } = await sql<Inserted>`
    INSERT INTO remote_escalations (county_id, critical_id, level, due_at, created_at, target_staff, target_org_id)
    SELECT d.county_id, d.id, 'note_due_6h', d.due_at, ${now},
      CASE WHEN c.ack_by IS NULL THEN '{}'::integer[] ELSE ARRAY[c.ack_by] END, d.requesting_org_id
    FROM (${due(county, 'note_due_6h', now, sql`c.status IN ('notified', 'acknowledged', 'acted') AND c.noted_at IS NULL`)}) d
    JOIN remote_criticals c ON c.id = d.id
    ORDER BY d.id
    ON CONFLICT (critical_id, level) DO NOTHING
    RETURNING id, critical_id, target_staff, target_org_id`.execute(trx);
  if (rows.length)
    await sql`INSERT INTO remote_tasks (county_id, critical_id, kind, org_id, staff_id, due_at, created_at)
      SELECT c.county_id, c.id, 'progress_note', c.requesting_org_id, c.ack_by, e.due_at, ${now}
      FROM remote_escalations e JOIN remote_criticals c ON c.id = e.critical_id
      WHERE e.id = ANY (${rows.map((r) => r.id)}::integer[])
      ON CONFLICT (critical_id, kind) DO NOTHING`.execute(trx);
  return rows;
}

/** notifications for the rungs just inserted: each target in their own org's inbox, or the whole org when nobody is on duty */
async function notify(trx: Kdb, county: number, level: EscalationLevel, rows: Inserted[], now: Date): Promise<void> {
  if (!rows.length) return;
  const { rows: orgs } = await sql<{ org_id: number; critical_id: number }>`
    INSERT INTO remote_notifications (county_id, org_id, staff_id, kind, critical_id, request_id, title, body, created_at)
    SELECT ${county}, coalesce(s.org_id, e.target_org_id), s.id, ${level === 'note_due_6h' ? 'task' : 'escalation'},
      c.id, c.request_id, ${LEVEL_TITLE[level]}, i.name || '：' || c.detail, ${now}
    FROM remote_escalations e
    JOIN remote_criticals c ON c.id = e.critical_id
    JOIN remote_critical_items i ON i.code = c.item_code
    LEFT JOIN LATERAL unnest(CASE WHEN cardinality(e.target_staff) = 0 THEN ARRAY[NULL::integer] ELSE e.target_staff END)
      AS target(staff_id) ON true
    LEFT JOIN staff s ON s.id = target.staff_id
    WHERE e.id = ANY (${rows.map((r) => r.id)}::integer[])
    RETURNING org_id, critical_id`.execute(trx);
  const byCritical = new Map<number, number[]>();
  for (const o of orgs) byCritical.set(o.critical_id, [...(byCritical.get(o.critical_id) ?? []), o.org_id]);
  for (const [criticalId, orgIds] of byCritical)
    await publishRemote(trx, county, REMOTE_TOPIC.notice, orgIds, { kind: 'escalation', level, criticalId });
}

async function runCounty(db: Kdb, county: number, now: Date): Promise<EscalationRun> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM orgs WHERE county_id = ${county}`.execute(db);
  return withScope(db, { userId: 0, orgIds: rows.map((r) => r.id) }, async (trx) => {
    const run: EscalationRun = { unacknowledged_15: 0, not_acted_30: 0, note_due_6h: 0 };
    const rungs: Array<[EscalationLevel, () => Promise<Inserted[]>]> = [
      ['unacknowledged_15', () => rungUnacknowledged(trx, county, now)],
      ['not_acted_30', () => rungNotActed(trx, county, now)],
      ['note_due_6h', () => rungNoteDue(trx, county, now)],
    ];
    for (const [level, rung] of rungs) {
      const inserted = await rung();
      await notify(trx, county, level, inserted, now);
      run[level] = inserted.length;
    }
    if (run.unacknowledged_15 || run.not_acted_30 || run.note_due_6h)
      await writeAudit(trx, systemAudit(county), {
        action: 'remote.critical.escalate',
        resource: 'remote_critical',
        detail: { ...run, at: now.toISOString() },
      });
    return run;
  });
}

/** Every county's ladder at `now` (the injected clock in tests). Safe to run twice or in several processes at once. */
export async function runCriticalEscalations(db: Kdb, now: Date = new Date()): Promise<EscalationRun> {
  const total: EscalationRun = { unacknowledged_15: 0, not_acted_30: 0, note_due_6h: 0 };
  const { rows } = await sql<{ county_id: number }>`SELECT DISTINCT county_id FROM orgs ORDER BY county_id`.execute(db);
  for (const { county_id } of rows) {
    const run = await runCounty(db, county_id, now).catch((err: unknown) => {
      throw mapRemoteError(err);
    });
    total.unacknowledged_15 += run.unacknowledged_15;
    total.not_acted_30 += run.not_acted_30;
    total.note_due_6h += run.note_due_6h;
  }
  return total;
}

/** Every 30 s in a serving process (REMOTE_ESCALATION_MS=0 turns it off); registered in src/app.ts. */
export const criticalEscalationJob = (db: Kdb, now: () => Date = () => new Date()): PeriodicJob => ({
  name: 'critical-value escalations',
  env: 'REMOTE_ESCALATION_MS',
  defaultMs: 30_000,
  run: () => runCriticalEscalations(db, now()),
});
