import { writeAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { withScope, type Kdb } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  shanghaiText,
  toXlsx,
  type SheetColumn,
} from '../../platform/list.ts';
import * as q from '../referral.queries.ts';
import type { ReferralTask } from '../referral.schema.ts';
import { publishChange } from '../referral.service.ts';
import { boxOrgs, toTask } from '../referral.view.ts';
import * as tq from './task.queries.ts';
import type { NoteBody, TaskQuery } from './task.schema.ts';

type TaskRow = Awaited<ReturnType<typeof tq.oneOfOrgs>>[number];

async function withNotes(trx: Kdb, rows: TaskRow[]): Promise<ReferralTask[]> {
  const notes = await tq.notesForTasks(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((t) => ({ ...toTask(t, notes), resident: t.resident_snapshot }));
}

/** Down-referral tasks for the caller's clinic or centre (and the clinics below a centre). */
export async function list(ctx: Ctx, input: TaskQuery) {
  const orgIds = boxOrgs(ctx, 'incoming');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, tq.forOrgs(trx, orgIds, input), input);
    const counts = await tq.statusCounts(trx, orgIds);
    await writeAudit(trx, ctx.audit, {
      action: 'referral.task.list',
      resource: 'referral_task',
      detail: { results: rows.map((r) => r.id) },
    });
    return { ...meta, items: await withNotes(trx, rows), counts };
  });
}

const TASK_STATUS: Record<ReferralTask['status'], string> = { open: '待确认', confirmed: '随访中', done: '已完成' };
const SHEET: Array<SheetColumn<ReferralTask>> = [
  { header: '任务编号', value: (t) => t.id, width: 9 },
  { header: '转诊单号', value: (t) => t.referralId, width: 9 },
  { header: '患者', value: (t) => t.resident?.name, width: 10 },
  { header: '身份证号', value: (t) => t.resident?.idNumber, width: 21 },
  { header: '手机号', value: (t) => t.resident?.mobile, width: 14 },
  { header: '任务', value: (t) => t.title, width: 24 },
  { header: '说明', value: (t) => t.detail, width: 24 },
  { header: '机构', value: (t) => t.orgName, width: 18 },
  { header: '截止日期', value: (t) => t.dueOn, width: 11 },
  { header: '状态', value: (t) => TASK_STATUS[t.status], width: 8 },
  { header: '随访次数', value: (t) => t.notes.length, width: 9 },
  { header: '最近随访', value: (t) => t.notes.at(-1)?.text, width: 30 },
  { header: '确认时间', value: (t) => shanghaiText(t.confirmedAt), width: 17 },
  { header: '完成时间', value: (t) => shanghaiText(t.doneAt), width: 17 },
];

export async function exportXlsx(ctx: Ctx, input: TaskQuery) {
  const orgIds = boxOrgs(ctx, 'incoming');
  const rows = await withScope(ctx.db, ctx.scope, async (trx) => {
    const result = await exportRows(trx, ctx.audit, tq.forOrgs(trx, orgIds, input), {
      action: 'referral.task.export',
      resource: 'referral_task',
      filter: exportFilter(input),
    });
    return 'rows' in result ? { rows: await withNotes(trx, result.rows) } : result;
  });
  return toXlsx(refuseIfTooMany(rows), SHEET, '下转任务');
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
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await tq.oneOfOrgs(trx, boxOrgs(ctx, 'incoming'), taskId);
    return (await withNotes(trx, rows))[0] ?? null;
  });
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
