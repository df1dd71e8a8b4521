import { writeAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { withScope } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as q from '../referral.queries.ts';
import type { ReferralTask } from '../referral.schema.ts';
import { publishChange } from '../referral.service.ts';
import { boxOrgs, toTask } from '../referral.view.ts';
import * as tq from './task.queries.ts';
import type { NoteBody, TaskQuery } from './task.schema.ts';

/** Down-referral tasks for the caller's clinic or centre (and the clinics below a centre). */
export async function list(ctx: Ctx, input: TaskQuery): Promise<ReferralTask[]> {
  const orgIds = boxOrgs(ctx, 'incoming');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await tq.forOrgs(trx, orgIds, input.status, input.limit);
    const notes = await tq.notesForTasks(
      trx,
      rows.map((r) => r.id),
    );
    await writeAudit(trx, ctx.audit, {
      action: 'referral.task.list',
      resource: 'referral_task',
      detail: { results: rows.map((r) => r.id) },
    });
    return rows.map((t) => ({ ...toTask(t, notes), resident: t.resident_snapshot }));
  });
}

/** A follow-up note by the receiving side; the county doctor reads it on the referral's timeline. */
export async function addNote(ctx: Ctx, taskId: number, input: NoteBody) {
  const ok = await withScope(ctx.db, ctx.scope, async (trx) => {
    const task = await tq.findById(trx, taskId);
    if (!task) {
      await writeAudit(trx, ctx.audit, {
        action: 'referral.task.note',
        outcome: 'denied',
        resource: 'referral_task',
        resourceId: taskId,
      });
      return null;
    }
    if (!ctx.platform.orgTree.ancestry(task.org_id).includes(ctx.actor.orgId))
      throw new AppError(403, 'NOT_YOUR_SIDE', '只有接收机构可以填写随访记录');
    if (task.status === 'open')
      throw new AppError(409, 'TASK_NOT_CONFIRMED', '请先确认接收该下转患者，再填写随访记录', undefined, {
        currentStatus: task.status,
      });
    if (task.status === 'done')
      throw new AppError(409, 'TASK_DONE', '该任务已完成，不能再追加记录', undefined, { currentStatus: task.status });
    await tq.insertNote(trx, {
      county_id: task.county_id,
      task_id: taskId,
      referral_id: task.referral_id,
      author_id: ctx.actor.id,
      author_name: ctx.actor.displayName,
      org_id: ctx.actor.orgId,
      text: input.text,
    });
    if (input.done) await tq.markDone(trx, taskId);
    // the task's referral is visible wherever the task is (its row-level security follows the referral)
    const ref = await q.getById(trx, task.referral_id);
    await q.touch(trx, ref.id);
    await q.insertEvent(trx, {
      county_id: ref.county_id,
      referral_id: ref.id,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.displayName,
      actor_org_id: ctx.actor.orgId,
      action: 'follow_up',
      from_status: ref.status,
      to_status: ref.status,
      note: `${task.title}：${input.text}`,
      detail: JSON.stringify({ taskId, done: Boolean(input.done) }),
    });
    await writeAudit(trx, ctx.audit, {
      action: 'referral.task.note',
      resource: 'referral_task',
      resourceId: taskId,
      residentId: ref.resident_id,
    });
    await publishChange(trx, ref, ref.status, 'follow_up');
    return true;
  });
  if (!ok) throw notFound('任务');
  return (await list(ctx, { status: 'all', limit: 500 })).find((t) => t.id === taskId) ?? null;
}

/** Down-referral tasks land at village clinics and township or community centres, not at hospitals. */
export function receivesTasks(ctx: Ctx): boolean {
  const kind = ctx.platform.orgTree.get(ctx.actor.orgId)?.kind ?? '';
  return ['village_clinic', 'township_center', 'community_center'].includes(kind);
}

/**
 * The home page's down-referral to-do for the caller's clinic or centre: tasks not done yet,
 * and those of them past their due date (a date in Asia/Shanghai).
 */
export async function pendingCounts(ctx: Ctx): Promise<{ pending: number; overdue: number }> {
  const orgIds = boxOrgs(ctx, 'incoming');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await tq.pendingCounts(trx, orgIds.length ? orgIds : [0]);
    return { pending: row.pending, overdue: row.overdue };
  });
}
