import { sql, type Expression } from 'kysely';
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
  sortSql,
  toXlsx,
  type SheetColumn,
} from '../../platform/list.ts';
import * as q from '../referral.queries.ts';
import type { ReferralTask, ResidentSnapshot, TASK_SORTS, TaskQuery } from '../referral.schema.ts';
import { publishChange } from '../referral.service.ts';
import { boxOrgs, iso } from '../referral.view.ts';

export interface NoteBody {
  text: string;
  done?: boolean;
}

const STATUS_RANK = sql`CASE t.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`;
const SORTS: Record<(typeof TASK_SORTS)[number], Expression<unknown>> = {
  dueOn: sql`t.due_on`,
  createdAt: sql`t.created_at`,
  status: STATUS_RANK,
};
const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

function tasksOf(trx: Kdb, ctx: Ctx) {
  const orgIds = boxOrgs(ctx, 'incoming');
  return trx
    .selectFrom('referral_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .innerJoin('referrals as r', 'r.id', 't.referral_id')
    .selectAll('t')
    .select(['o.name as org_name', 'r.resident_snapshot', 'r.resident_id'])
    .where('t.org_id', 'in', orgIds.length ? orgIds : [0]);
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksOf>['executeTakeFirstOrThrow']>>;

function filtered(trx: Kdb, ctx: Ctx, input: TaskQuery) {
  let query = tasksOf(trx, ctx);
  if (input.status === 'pending') query = query.where('t.status', 'in', ['open', 'confirmed']);
  else if (input.status !== 'all') query = query.where('t.status', '=', input.status);
  if (input.q) {
    const term = escapeLike(input.q);
    query = query.where((eb) =>
      eb.or([eb(sql<string>`r.resident_snapshot->>'name'`, 'like', `${term}%`), eb('t.title', 'like', `%${term}%`)]),
    );
  }
  return query;
}

/** To confirm first, then to follow up, each oldest first (the longest waiting on top). */
function ordered(trx: Kdb, ctx: Ctx, input: TaskQuery) {
  const chosen = sortSql(input.sort, SORTS);
  const q = filtered(trx, ctx, input);
  return (chosen ? q.orderBy(chosen) : q.orderBy(STATUS_RANK)).orderBy('t.id');
}

async function withNotes(trx: Kdb, rows: TaskRow[]): Promise<ReferralTask[]> {
  const notes = rows.length
    ? await trx
        .selectFrom('referral_task_notes')
        .selectAll()
        .where(
          'task_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return rows.map((t) => ({
    id: t.id,
    referralId: t.referral_id,
    orgId: t.org_id,
    orgName: t.org_name,
    kind: t.kind,
    title: t.title,
    detail: t.detail,
    dueOn: t.due_on,
    status: t.status as ReferralTask['status'],
    confirmedAt: iso(t.confirmed_at),
    doneAt: iso(t.done_at),
    notes: notes
      .filter((n) => n.task_id === t.id)
      .map((n) => ({
        id: n.id,
        taskId: n.task_id,
        authorName: n.author_name,
        orgId: n.org_id,
        text: n.text,
        at: iso(n.at)!,
      })),
    resident: t.resident_snapshot as ResidentSnapshot,
  }));
}

/** Down-referral tasks for the caller's clinic or centre (and the clinics below a centre). */
export async function list(ctx: Ctx, input: TaskQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, ordered(trx, ctx, input), input);
    const counts = await tasksOf(trx, ctx)
      .clearSelect()
      .select([
        sql<number>`count(*) FILTER (WHERE t.status = 'open')::int`.as('open'),
        sql<number>`count(*) FILTER (WHERE t.status = 'confirmed')::int`.as('confirmed'),
      ])
      .executeTakeFirstOrThrow();
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
  const rows = await withScope(ctx.db, ctx.scope, async (trx) => {
    const result = await exportRows(trx, ctx.audit, ordered(trx, ctx, input), {
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
    const task = await trx.selectFrom('referral_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
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
    await trx
      .insertInto('referral_task_notes')
      .values({
        county_id: task.county_id,
        task_id: taskId,
        referral_id: task.referral_id,
        author_id: ctx.actor.id,
        author_name: ctx.actor.displayName,
        org_id: ctx.actor.orgId,
        text: input.text,
      })
      .execute();
    if (input.done)
      await trx
        .updateTable('referral_tasks')
        .set({ status: 'done', done_at: sql<Date>`now()` })
        .where('id', '=', taskId)
        .where('status', '=', 'confirmed')
        .execute();
    const ref = (await q.findById(trx, task.referral_id))!;
    await trx
      .updateTable('referrals')
      .set({ updated_at: sql<Date>`now()` })
      .where('id', '=', ref.id)
      .execute();
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
    const rows = await tasksOf(trx, ctx).where('t.id', '=', taskId).execute();
    return (await withNotes(trx, rows))[0] ?? null;
  });
}
