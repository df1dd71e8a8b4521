import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { switchScope, withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { requestHash } from '../platform/idempotency.ts';
import * as tq from './down-referral/task.queries.ts';
import * as q from './referral.queries.ts';
import type {
  AcceptBody,
  DownReferralCreate,
  RedirectBody,
  ReferralDetail,
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
  loadVisible,
  publishChange,
} from './referral.service.ts';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  transitionFor,
  type ReferralAction,
  type ReferralStatus,
  type UserAction,
} from './referral.states.ts';
import { allowedActions, sidesOf } from './referral.view.ts';

/** A user's step on a referral with the body its route validated. */
export type ActRequest =
  | { action: 'submit'; body: SubmitBody }
  | { action: 'accept'; body: AcceptBody }
  | { action: 'reject'; body: RejectBody }
  | { action: 'redirect'; body: RedirectBody }
  | { action: 'arrive' | 'complete' | 'close' | 'cancel'; body: TransitionBody };

function invalidTransition(ctx: Ctx, row: q.ReferralRow, action: ReferralAction): AppError {
  return conflict(
    'INVALID_TRANSITION',
    `该转诊单当前状态为「${STATUS_LABELS[row.status]}」，不能${ACTION_LABELS[action]}`,
    {
      currentStatus: row.status,
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
  const t = transitionFor(action, row.status);
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

/** What the step writes besides the status, and the note its timeline entry carries. */
async function effects(
  ctx: Ctx,
  trx: Kdb,
  row: q.ReferralRow,
  req: ActRequest,
): Promise<{ values: q.ReferralValues; note: string | null }> {
  switch (req.action) {
    case 'submit': {
      const consent = req.body.consent;
      if (!row.consent_at && !consent)
        throw new AppError(400, 'CONSENT_REQUIRED', '提交转诊前须记录患者或监护人知情同意', 'consent');
      const minutes = await acceptMinutes(trx, row.county_id, row.urgency);
      return {
        values: {
          submitted_at: q.now(),
          deadline_at: q.minutesFromNow(minutes),
          ...(row.consent_at || !consent ? {} : { consent_by: consent.by, consent_at: q.now() }),
        },
        note: req.body.note ?? null,
      };
    }
    case 'accept': {
      const dept = req.body.toDepartmentId;
      await checkDepartment(trx, row.to_org_id, dept);
      // 三优先: an up-referral accepted by a county-level hospital is served first there
      const priority = row.direction === 'up' && row.to_org_kind === 'county_hospital';
      return {
        values: {
          accepted_at: q.now(),
          decided_by: ctx.actor.id,
          priority,
          ...(dept ? { to_department_id: dept } : {}),
        },
        note: req.body.note ?? null,
      };
    }
    case 'reject':
      return { values: { decided_by: ctx.actor.id, decision_note: req.body.reason }, note: req.body.reason };
    case 'redirect': {
      const body = req.body;
      const to = checkTarget(ctx, row.from_org_id, body.toOrgId, row.direction);
      if (to.id === row.to_org_id) throw new AppError(400, 'INVALID_ORG', '改派机构与当前接收机构相同', 'toOrgId');
      await checkDepartment(trx, to.id, body.toDepartmentId);
      const minutes = await acceptMinutes(trx, row.county_id, row.urgency);
      return {
        values: {
          to_org_id: to.id,
          to_department_id: body.toDepartmentId ?? null,
          out_of_county: to.kind === 'partner_hospital' || row.out_of_county,
          out_reason: row.out_reason ?? (to.kind === 'partner_hospital' ? body.reason : null),
          decision_note: body.reason,
          decided_by: ctx.actor.id,
          deadline_at: q.minutesFromNow(minutes),
          deadline_round: q.nextDeadlineRound(),
          escalation_level: 0,
        },
        note: body.reason,
      };
    }
    case 'arrive':
      return { values: { arrived_at: q.now() }, note: req.body.note ?? null };
    case 'complete':
      return { values: { completed_at: q.now() }, note: req.body.note ?? null };
    case 'close':
      return { values: { closed_at: q.now() }, note: req.body.note ?? null };
    case 'cancel':
      return { values: {}, note: req.body.note ?? null };
  }
}

/** Receipt of a down-referral confirms its tasks and closes the up-referral's loop. */
async function afterAccept(ctx: Ctx, trx: Kdb, row: q.ReferralRow): Promise<void> {
  if (row.direction !== 'down') return;
  await tq.confirmOpen(trx, row.id, ctx.actor.id);
  const parentId = row.parent_id;
  if (!parentId) return;
  // the loop closes for the sending side even where the confirming township cannot see it
  const wider = { userId: ctx.scope.userId, orgIds: [...ctx.scope.orgIds, row.from_org_id, row.origin_org_id] };
  await switchScope(trx, wider, async () => {
    const parent = await q.findById(trx, parentId);
    if (parent?.status !== 'down_referred') return;
    const note = `${row.to_org_name}已确认接收下转患者，闭环完成`;
    await step(ctx, trx, parent, 'close', { closed_at: q.now() }, note, true);
  });
}

export async function act(ctx: Ctx, id: number, req: ActRequest): Promise<ReferralDetail> {
  const action: UserAction = req.action;
  found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const row = await loadVisible(ctx, trx, id, `referral.${action}`);
      if (!row) return null;
      requireSide(ctx, row, action);
      if (!transitionFor(action, row.status)) throw invalidTransition(ctx, row, action);
      const { values, note } = await effects(ctx, trx, row, req);
      const { to } = await step(ctx, trx, row, action, values, note);
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
export async function downRefer(ctx: Ctx, id: number, input: DownReferralCreate): Promise<ReferralDetail> {
  const childId = found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const parent = await loadVisible(ctx, trx, id, 'referral.down_refer');
      if (!parent) return null;
      requireSide(ctx, parent, 'down_refer');
      if (parent.direction !== 'up') throw new AppError(400, 'NOT_AN_UP_REFERRAL', '只有上转单可以办理下转', 'id');
      if (!transitionFor('down_refer', parent.status)) throw invalidTransition(ctx, parent, 'down_refer');
      const to = checkTarget(ctx, parent.to_org_id, input.toOrgId, 'down');
      await checkDepartment(trx, to.id, input.toDepartmentId);
      await step(ctx, trx, parent, 'down_refer', {}, `下转：${input.reason}`);
      const minutes = await acceptMinutes(trx, parent.county_id, input.urgency);
      const newId = await q.insert(trx, {
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
        consent_at: q.now(),
        out_of_county: false,
        suggested_level: parent.suggested_level,
        parent_id: parent.id,
        discharge_summary: input.dischargeSummary,
        care_plan: JSON.stringify(input.carePlan),
        submitted_at: q.now(),
        deadline_at: q.minutesFromNow(minutes),
        idempotency_key: `down-of-${parent.id}-${parent.version}`,
        request_hash: requestHash(input),
        created_by: ctx.actor.id,
      });
      const row = await q.getById(trx, newId);
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
      await tq.insertTasks(trx, row, input.carePlan);
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
