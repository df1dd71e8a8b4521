import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import * as q from './referral.queries.ts';
import type {
  AcceptBody,
  DownReferralCreate,
  RedirectBody,
  RejectBody,
  SubmitBody,
  TransitionBody,
} from './referral.schema.ts';
import {
  acceptMinutes,
  checkDepartment,
  checkTarget,
  found,
  get,
  insertTasks,
  loadVisible,
  publishChange,
  requestHash,
} from './referral.service.ts';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  transitionFor,
  type ReferralAction,
  type ReferralStatus,
  type Urgency,
} from './referral.states.ts';
import { allowedActions, sidesOf } from './referral.view.ts';

type UserAction = Exclude<ReferralAction, 'expire' | 'down_refer'>;

function invalidTransition(ctx: Ctx, row: q.ReferralRow, action: ReferralAction): AppError {
  const status = row.status as ReferralStatus;
  return conflict(
    'INVALID_TRANSITION',
    `该转诊单当前状态为「${STATUS_LABELS[status]}」，不能${ACTION_LABELS[action]}`,
    {
      currentStatus: status,
      allowedActions: allowedActions(ctx, row),
    },
  );
}

/** The side an action needs; a user never takes a system-side step. */
function requireSide(ctx: Ctx, row: q.ReferralRow, action: ReferralAction): void {
  const needs = new Set(TRANSITIONS.filter((t) => t.action === action && t.side !== 'system').map((t) => t.side));
  const sides = sidesOf(ctx, row);
  if (![...needs].some((s) => sides.has(s))) {
    throw new AppError(
      403,
      'NOT_YOUR_SIDE',
      needs.has('receiver') ? '只有接收机构可以执行此操作' : '只有转出机构可以执行此操作',
    );
  }
}

interface Step {
  row: q.ReferralRow;
  to: ReferralStatus;
}

/**
 * One transition in the caller's transaction: check the table, update only if the status is
 * still the one we read (a concurrent winner makes this a 409 with the new state), log it.
 */
export async function step(
  ctx: Ctx,
  trx: Kdb,
  row: q.ReferralRow,
  action: ReferralAction,
  values: q.ReferralValues,
  note: string | null,
  system = false,
): Promise<Step> {
  const t = transitionFor(action, row.status as ReferralStatus);
  if (!t || (t.side === 'system') !== system) throw invalidTransition(ctx, row, action);
  const ok = await q.transition(trx, row.id, t.from, { ...values, status: t.to });
  if (!ok) {
    const now = await q.findById(trx, row.id);
    throw invalidTransition(ctx, now ?? row, action);
  }
  await q.insertEvent(trx, {
    county_id: row.county_id,
    referral_id: row.id,
    actor_id: ctx.actor.id,
    actor_name: system ? `系统（${ctx.actor.displayName}）` : ctx.actor.displayName,
    actor_org_id: ctx.actor.orgId,
    action,
    from_status: t.from,
    to_status: t.to,
    note,
    detail: null,
  });
  await publishChange(trx, row, t.to, action);
  return { row, to: t.to };
}

async function effects(
  ctx: Ctx,
  trx: Kdb,
  row: q.ReferralRow,
  action: UserAction,
  input: Record<string, unknown>,
): Promise<q.ReferralValues> {
  switch (action) {
    case 'submit': {
      const consent = (input as SubmitBody).consent;
      if (!row.consent_at && !consent)
        throw new AppError(400, 'CONSENT_REQUIRED', '提交转诊前须记录患者或监护人知情同意', 'consent');
      const minutes = await acceptMinutes(trx, row.county_id, row.urgency as Urgency);
      return {
        submitted_at: sql<Date>`now()`,
        deadline_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
        ...(row.consent_at ? {} : { consent_by: consent!.by, consent_at: sql<Date>`now()` }),
      };
    }
    case 'accept': {
      const dept = (input as AcceptBody).toDepartmentId;
      await checkDepartment(trx, row.to_org_id, dept);
      // 三优先: an up-referral accepted by a county-level hospital is served first there
      const priority = row.direction === 'up' && row.to_org_kind === 'county_hospital';
      return {
        accepted_at: sql<Date>`now()`,
        decided_by: ctx.actor.id,
        priority,
        ...(dept ? { to_department_id: dept } : {}),
      };
    }
    case 'reject':
      return { decided_by: ctx.actor.id, decision_note: (input as RejectBody).reason };
    case 'redirect': {
      const body = input as RedirectBody;
      const to = checkTarget(ctx, row.from_org_id, body.toOrgId, row.direction);
      if (to.id === row.to_org_id) throw new AppError(400, 'INVALID_ORG', '改派机构与当前接收机构相同', 'toOrgId');
      await checkDepartment(trx, to.id, body.toDepartmentId);
      const minutes = await acceptMinutes(trx, row.county_id, row.urgency as Urgency);
      return {
        to_org_id: to.id,
        to_department_id: body.toDepartmentId ?? null,
        out_of_county: to.kind === 'partner_hospital' || row.out_of_county,
        out_reason: row.out_reason ?? (to.kind === 'partner_hospital' ? body.reason : null),
        decision_note: body.reason,
        decided_by: ctx.actor.id,
        deadline_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
        deadline_round: sql<number>`deadline_round + 1`,
        escalation_level: 0,
      };
    }
    case 'arrive':
      return { arrived_at: sql<Date>`now()` };
    case 'complete':
      return { completed_at: sql<Date>`now()` };
    case 'close':
      return { closed_at: sql<Date>`now()` };
    case 'cancel':
      return {};
  }
}

/** Receipt of a down-referral confirms its tasks and closes the up-referral's loop. */
async function afterAccept(ctx: Ctx, trx: Kdb, row: q.ReferralRow): Promise<void> {
  if (row.direction !== 'down') return;
  await trx
    .updateTable('referral_tasks')
    .set({ status: 'confirmed', confirmed_by: ctx.actor.id, confirmed_at: sql<Date>`now()` })
    .where('referral_id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  if (!row.parent_id) return;
  // the loop closes for the sending side even where the confirming township cannot see it
  await sql`SELECT set_config('app.org_ids', ${[...ctx.scope.orgIds, row.from_org_id, row.origin_org_id].join(',')}, true)`.execute(
    trx,
  );
  const parent = await q.findById(trx, row.parent_id);
  if (parent?.status === 'down_referred') {
    await step(
      ctx,
      trx,
      parent,
      'close',
      { closed_at: sql<Date>`now()` },
      `${row.to_org_name}已确认接收下转患者，闭环完成`,
      true,
    );
  }
  await sql`SELECT set_config('app.org_ids', ${ctx.scope.orgIds.join(',')}, true)`.execute(trx);
}

export async function act(
  ctx: Ctx,
  id: number,
  action: UserAction,
  input: TransitionBody | SubmitBody | AcceptBody | RejectBody | RedirectBody,
) {
  await found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const row = await loadVisible(ctx, trx, id, `referral.${action}`);
      if (!row) return null;
      requireSide(ctx, row, action);
      if (!transitionFor(action, row.status as ReferralStatus)) throw invalidTransition(ctx, row, action);
      const values = await effects(ctx, trx, row, action, input);
      const note = 'reason' in input ? input.reason : ((input as TransitionBody).note ?? null);
      const { to } = await step(ctx, trx, row, action, values, note ?? null);
      if (action === 'accept') await afterAccept(ctx, trx, row);
      await writeAudit(trx, ctx.audit, {
        action: `referral.${action}`,
        resource: 'referral',
        resourceId: id,
        residentId: row.resident_id,
        detail: { from: row.status, to },
      });
      return true;
    }),
  );
  return get(ctx, id, false);
}

/**
 * Discharge with a down-referral: the completed up-referral becomes down_referred and a new
 * down-referral carries the discharge summary and care plan, whose tasks land on the
 * receiving centre or village clinic in the same transaction. The parent's state guard
 * makes a repeated request a 409, never a second down-referral.
 */
export async function downRefer(ctx: Ctx, id: number, input: DownReferralCreate) {
  const childId = await found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const parent = await loadVisible(ctx, trx, id, 'referral.down_refer');
      if (!parent) return null;
      requireSide(ctx, parent, 'down_refer');
      if (parent.direction !== 'up') throw new AppError(400, 'NOT_AN_UP_REFERRAL', '只有上转单可以办理下转', 'id');
      if (!transitionFor('down_refer', parent.status as ReferralStatus))
        throw invalidTransition(ctx, parent, 'down_refer');
      const to = checkTarget(ctx, parent.to_org_id, input.toOrgId, 'down');
      await checkDepartment(trx, to.id, input.toDepartmentId);
      await step(ctx, trx, parent, 'down_refer', {}, `下转：${input.reason}`);
      const minutes = await acceptMinutes(trx, parent.county_id, input.urgency);
      const child = await trx
        .insertInto('referrals')
        .values({
          county_id: parent.county_id,
          direction: 'down',
          status: 'submitted',
          resident_id: parent.resident_id,
          resident_snapshot: JSON.stringify(parent.resident_snapshot),
          origin_org_id: parent.origin_org_id,
          from_org_id: parent.to_org_id,
          from_staff_id: ctx.actor.id,
          to_org_id: to.id,
          to_department_id: input.toDepartmentId ?? null,
          urgency: input.urgency,
          reason: input.reason,
          diagnosis_code: parent.diagnosis_code,
          diagnosis_name: parent.diagnosis_name,
          summary: JSON.stringify(parent.summary ?? {}),
          consent_by: parent.consent_by ?? 'patient',
          consent_at: sql<Date>`now()`,
          out_of_county: false,
          suggested_level: parent.suggested_level,
          parent_id: parent.id,
          discharge_summary: input.dischargeSummary,
          care_plan: JSON.stringify(input.carePlan),
          submitted_at: sql<Date>`now()`,
          deadline_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
          idempotency_key: `down-of-${parent.id}-${parent.version}`,
          request_hash: requestHash(input),
          created_by: ctx.actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = (await q.findById(trx, child.id))!;
      await q.insertEvent(trx, {
        county_id: row.county_id,
        referral_id: row.id,
        actor_id: ctx.actor.id,
        actor_name: ctx.actor.displayName,
        actor_org_id: ctx.actor.orgId,
        action: 'create',
        from_status: null,
        to_status: 'submitted',
        note: input.reason,
        detail: JSON.stringify({ parentId: parent.id }),
      });
      await insertTasks(trx, row, input.carePlan);
      await publishChange(trx, row, 'submitted', 'create');
      await writeAudit(trx, ctx.audit, {
        action: 'referral.down_refer',
        resource: 'referral',
        resourceId: row.id,
        residentId: row.resident_id,
        detail: { parentId: parent.id, toOrgId: to.id },
      });
      return row.id;
    }),
  );
  return get(ctx, childId, false);
}
