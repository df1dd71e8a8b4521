import { writeAudit, type AuditContext } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import type { PeriodicJob } from '../platform/periodic.ts';
import * as dq from './deadline.queries.ts';
import type { DeadlineSetting, DeadlinePatch } from './deadline.schema.ts';
import * as q from './referral.queries.ts';
import { publishChange } from './referral.service.ts';
import {
  ARRIVAL_WINDOW_DAYS,
  DEFAULT_ACCEPT_MINUTES,
  EXPIRE_AFTER_WINDOWS,
  URGENCIES,
  type ReferralEventAction,
  type ReferralStatus,
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
  action: ReferralEventAction,
  from: ReferralStatus,
  to: ReferralStatus,
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
  const settings = await dq.acceptMinutesByUrgency(trx, countyId);
  let n = 0;
  for (const urgency of URGENCIES) {
    const windowMinutes = settings[urgency] ?? DEFAULT_ACCEPT_MINUTES[urgency];
    for (const level of [1, 2] as const) {
      const targetRole = ESCALATION_TARGETS[level];
      const ids = await dq.recordEscalations(trx, { countyId, urgency, level, targetRole, windowMinutes, now });
      if (ids.length === 0) continue;
      const updated = await dq.raiseEscalation(trx, ids, level);
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
  const settings = await dq.acceptMinutesByUrgency(trx, countyId);
  const candidates: Array<{ id: number; status: ReferralStatus; note: string }> = [];
  for (const urgency of URGENCIES) {
    const windowMinutes = settings[urgency] ?? DEFAULT_ACCEPT_MINUTES[urgency];
    const rows = await dq.undecidedSince(trx, countyId, urgency, EXPIRE_AFTER_WINDOWS * windowMinutes, now);
    candidates.push(...rows.map((r) => ({ ...r, note: '长期无人处理，已自动过期，请重新转诊' })));
  }
  const accepted = await dq.acceptedNotArrived(trx, countyId, ARRIVAL_WINDOW_DAYS, now);
  candidates.push(...accepted.map((r) => ({ ...r, note: `接收后 ${ARRIVAL_WINDOW_DAYS} 天未到院，已自动过期` })));
  let n = 0;
  for (const c of candidates) {
    if (!(await q.transition(trx, c.id, c.status, { status: 'expired' }))) continue; // someone acted first
    const row = await q.getById(trx, c.id);
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
  const total: DeadlineRun = { escalated: 0, expired: 0 };
  for (const countyId of await dq.countyIds(db)) {
    const orgIds = await dq.orgIdsOfCounty(db, countyId);
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

/** Every 30 s in a serving process (REFERRAL_SCHEDULER_MS=0 turns it off); registered in src/app.ts. */
export const referralDeadlineJob = (db: Kdb): PeriodicJob => ({
  name: 'referral deadlines',
  env: 'REFERRAL_SCHEDULER_MS',
  defaultMs: 30_000,
  run: () => runDeadlines(db),
});

export async function getSettings(ctx: Ctx): Promise<DeadlineSetting[]> {
  const rows = await dq.acceptMinutesByUrgency(ctx.db, ctx.actor.countyId);
  return URGENCIES.map((u) => ({
    urgency: u,
    acceptMinutes: rows[u] ?? DEFAULT_ACCEPT_MINUTES[u],
    isDefault: rows[u] === undefined,
  }));
}

export async function setSettings(ctx: Ctx, input: DeadlinePatch): Promise<DeadlineSetting[]> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const urgency of URGENCIES) {
      const minutes = input[urgency];
      if (minutes !== undefined) await dq.upsertAcceptMinutes(trx, ctx.actor.countyId, urgency, minutes);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'referral.deadline_settings',
      resource: 'referral_settings',
      detail: input,
    });
  });
  return getSettings(ctx);
}
