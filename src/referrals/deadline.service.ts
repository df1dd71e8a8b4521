import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { writeAudit, type AuditContext } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { startPeriodic } from '../platform/periodic.ts';
import * as q from './referral.queries.ts';
import { publishChange } from './referral.service.ts';
import {
  ARRIVAL_WINDOW_DAYS,
  DEFAULT_ACCEPT_MINUTES,
  EXPIRE_AFTER_WINDOWS,
  URGENCIES,
  type ReferralStatus,
  type Urgency,
} from './referral.states.ts';

/** Level 1 at the deadline goes to the tiered-care coordinator, level 2 one window later to the department head. */
export const ESCALATION_TARGETS = { 1: 'coordinator', 2: 'department_head' } as const;

export interface DeadlineRun {
  escalated: number;
  expired: number;
}

const systemAudit = (countyId: number): AuditContext => ({
  userId: null,
  username: 'system',
  role: null,
  orgId: null,
  countyId,
  requestId: 'referral-scheduler',
  ip: '127.0.0.1',
});

async function logSystem(
  trx: Kdb,
  row: { id: number; county_id: number },
  action: string,
  from: string,
  to: string,
  note: string,
): Promise<void> {
  await q.insertEvent(trx, {
    county_id: row.county_id,
    referral_id: row.id,
    actor_id: null,
    actor_name: '系统',
    actor_org_id: null,
    action,
    from_status: from,
    to_status: to,
    note,
    detail: null,
  });
}

async function escalateCounty(trx: Kdb, countyId: number, now: Date): Promise<number> {
  const settings = await q.deadlineMinutes(trx, countyId);
  let n = 0;
  for (const urgency of URGENCIES) {
    const window = settings[urgency] ?? DEFAULT_ACCEPT_MINUTES[urgency];
    for (const level of [1, 2] as const) {
      // the primary key (referral, round, level) makes a second run, or a second process, add nothing
      const { rows } = await sql<{ referral_id: number }>`
        INSERT INTO referral_escalations (referral_id, round, level, county_id, target_role, at)
        SELECT id, deadline_round, ${level}, county_id, ${ESCALATION_TARGETS[level]}, ${now}
        FROM referrals
        WHERE county_id = ${countyId} AND urgency = ${urgency} AND status IN ('submitted', 'redirected') AND escalation_level < ${level}
          AND deadline_at + make_interval(mins => ${(level - 1) * window}) <= ${now}
        ON CONFLICT DO NOTHING RETURNING referral_id`.execute(trx);
      if (rows.length === 0) continue;
      const updated = await trx
        .updateTable('referrals')
        .set({ escalation_level: level, updated_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          rows.map((r) => r.referral_id),
        )
        .where('escalation_level', '<', level)
        .returning(['id', 'county_id', 'status', 'from_org_id', 'to_org_id', 'origin_org_id', 'direction'])
        .execute();
      for (const r of updated) {
        await logSystem(
          trx,
          r,
          'escalate',
          r.status,
          r.status,
          level === 1 ? '超过接收时限，已提醒分级诊疗中心协调员' : '仍未处理，已上报科室主任',
        );
        await publishChange(trx, r, r.status, 'escalate');
      }
      n += updated.length;
    }
  }
  return n;
}

async function expireCounty(trx: Kdb, countyId: number, now: Date): Promise<number> {
  const settings = await q.deadlineMinutes(trx, countyId);
  let n = 0;
  const candidates: Array<{ id: number; status: ReferralStatus; note: string }> = [];
  for (const urgency of URGENCIES) {
    const window = settings[urgency] ?? DEFAULT_ACCEPT_MINUTES[urgency];
    const rows = await trx
      .selectFrom('referrals')
      .select(['id', 'status'])
      .where('county_id', '=', countyId)
      .where('urgency', '=', urgency)
      .where('status', 'in', ['submitted', 'redirected'])
      .where(sql<boolean>`deadline_at + make_interval(mins => ${EXPIRE_AFTER_WINDOWS * window}) <= ${now}`)
      .execute();
    candidates.push(
      ...rows.map((r) => ({
        id: r.id,
        status: r.status as ReferralStatus,
        note: '长期无人处理，已自动过期，请重新转诊',
      })),
    );
  }
  const accepted = await trx
    .selectFrom('referrals')
    .select(['id', 'status'])
    .where('county_id', '=', countyId)
    .where('status', '=', 'accepted')
    .where(sql<boolean>`accepted_at + make_interval(days => ${ARRIVAL_WINDOW_DAYS}) <= ${now}`)
    .execute();
  candidates.push(
    ...accepted.map((r) => ({
      id: r.id,
      status: r.status as ReferralStatus,
      note: `接收后 ${ARRIVAL_WINDOW_DAYS} 天未到院，已自动过期`,
    })),
  );
  for (const c of candidates) {
    if (!(await q.transition(trx, c.id, c.status, { status: 'expired' }))) continue; // someone acted first
    const row = (await q.findById(trx, c.id))!;
    await logSystem(trx, row, 'expire', c.status, 'expired', c.note);
    await publishChange(trx, row, 'expired', 'expire');
    n++;
  }
  return n;
}

/**
 * Escalates overdue referrals and expires abandoned ones, for every county. `now` is passed
 * in so tests can move the clock. Safe to run twice or in several processes at once.
 */
export async function runDeadlines(db: Kdb, now: Date = new Date()): Promise<DeadlineRun> {
  const counties = await db.selectFrom('orgs').select('id').where('kind', '=', 'county').execute();
  const total: DeadlineRun = { escalated: 0, expired: 0 };
  for (const { id: countyId } of counties) {
    const orgIds = (await db.selectFrom('orgs').select('id').where('county_id', '=', countyId).execute()).map(
      (o) => o.id,
    );
    await withScope(db, { userId: 0, orgIds }, async (trx) => {
      const escalated = await escalateCounty(trx, countyId, now);
      const expired = await expireCounty(trx, countyId, now);
      if (escalated || expired)
        await writeAudit(trx, systemAudit(countyId), {
          action: 'referral.deadlines',
          resource: 'referral',
          detail: { escalated, expired },
        });
      total.escalated += escalated;
      total.expired += expired;
    });
  }
  return total;
}

/** Every 30 s in a serving process (REFERRAL_SCHEDULER_MS=0 turns it off). */
export function startDeadlineScheduler(app: FastifyInstance): void {
  startPeriodic(app, {
    name: 'referral deadline',
    env: 'REFERRAL_SCHEDULER_MS',
    defaultMs: 30_000,
    run: () => runDeadlines(app.platform.db),
  });
}

export async function getSettings(ctx: Ctx) {
  const rows = await q.deadlineMinutes(ctx.db, ctx.actor.countyId);
  return URGENCIES.map((u) => ({
    urgency: u,
    acceptMinutes: rows[u] ?? DEFAULT_ACCEPT_MINUTES[u],
    isDefault: rows[u] === undefined,
  }));
}

export async function setSettings(ctx: Ctx, input: Partial<Record<Urgency, number>>) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const [urgency, minutes] of Object.entries(input)) {
      if (minutes === undefined) continue;
      await trx
        .insertInto('referral_deadline_settings')
        .values({ county_id: ctx.actor.countyId, urgency, accept_minutes: minutes })
        .onConflict((oc) => oc.columns(['county_id', 'urgency']).doUpdateSet({ accept_minutes: minutes }))
        .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: 'referral.deadline_settings',
      resource: 'referral_settings',
      detail: input,
    });
  });
  return getSettings(ctx);
}
