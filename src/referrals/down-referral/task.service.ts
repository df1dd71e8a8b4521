import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { withScope } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as q from '../referral.queries.ts';
import type { ReferralTask, ResidentSnapshot } from '../referral.schema.ts';
import { publishChange } from '../referral.service.ts';
import { boxOrgs, iso } from '../referral.view.ts';

export interface TaskQuery {
  status: 'open' | 'confirmed' | 'done' | 'pending' | 'all';
  limit: number;
}
export interface NoteBody {
  text: string;
  done?: boolean;
}

/** Down-referral tasks for the caller's clinic or centre (and the clinics below a centre). */
export async function list(ctx: Ctx, input: TaskQuery): Promise<ReferralTask[]> {
  const orgIds = boxOrgs(ctx, 'incoming');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    let query = trx
      .selectFrom('referral_tasks as t')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .innerJoin('referrals as r', 'r.id', 't.referral_id')
      .selectAll('t')
      .select(['o.name as org_name', 'r.resident_snapshot', 'r.resident_id'])
      .where('t.org_id', 'in', orgIds.length ? orgIds : [0]);
    if (input.status === 'pending') query = query.where('t.status', 'in', ['open', 'confirmed']);
    else if (input.status !== 'all') query = query.where('t.status', '=', input.status);
    const rows = await query
      .orderBy(sql`CASE t.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`)
      .orderBy('t.id')
      .limit(input.limit)
      .execute();
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
    await writeAudit(trx, ctx.audit, {
      action: 'referral.task.list',
      resource: 'referral_task',
      detail: { results: rows.map((r) => r.id) },
    });
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
  });
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
    const row = await trx
      .selectFrom('referral_tasks as t')
      .select([
        sql<number>`count(*)::int`.as('pending'),
        sql<number>`count(*) FILTER (WHERE t.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int`.as('overdue'),
      ])
      .where('t.org_id', 'in', orgIds.length ? orgIds : [0])
      .where('t.status', 'in', ['open', 'confirmed'])
      .executeTakeFirstOrThrow();
    return { pending: row.pending, overdue: row.overdue };
  });
}
