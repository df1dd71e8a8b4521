import { sql, type Expression, type Insertable } from 'kysely';
import type { Kdb } from '../../platform/db.ts';
import { sortSql } from '../../platform/list.ts';
import type { CarePlan, TaskStatus } from '../referral.schema.ts';
import type { ReferralTaskNotesTable } from '../referral.tables.ts';
import type { TASK_SORTS, TaskQuery } from './task.schema.ts';

/** The care plan's tasks land on the receiving org of the down-referral. */
export async function insertTasks(
  db: Kdb,
  ref: { id: number; county_id: number; to_org_id: number },
  plan: CarePlan,
): Promise<void> {
  await db
    .insertInto('referral_tasks')
    .values(
      plan.tasks.map((t) => ({
        county_id: ref.county_id,
        referral_id: ref.id,
        org_id: ref.to_org_id,
        kind: t.kind,
        title: t.title,
        detail: t.detail ?? null,
        due_on: t.dueOn ?? null,
      })),
    )
    .execute();
}

/** Receipt of the down-referral confirms its open tasks. */
export async function confirmOpen(db: Kdb, referralId: number, staffId: number): Promise<void> {
  await db
    .updateTable('referral_tasks')
    .set({ status: 'confirmed', confirmed_by: staffId, confirmed_at: sql<Date>`now()` })
    .where('referral_id', '=', referralId)
    .where('status', '=', 'open')
    .execute();
}

export function forReferrals(db: Kdb, referralIds: readonly number[]) {
  return db
    .selectFrom('referral_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select('o.name as org_name')
    .where('t.referral_id', 'in', referralIds)
    .orderBy('t.id')
    .execute();
}

export function notesForReferrals(db: Kdb, referralIds: readonly number[]) {
  return db
    .selectFrom('referral_task_notes')
    .selectAll()
    .where('referral_id', 'in', referralIds)
    .orderBy('id')
    .execute();
}

const STATUS_RANK = sql`CASE t.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`;
const SORTS: Record<(typeof TASK_SORTS)[number], Expression<unknown>> = {
  dueOn: sql`t.due_on`,
  createdAt: sql`t.created_at`,
  status: STATUS_RANK,
};
const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

function ofOrgs(db: Kdb, orgIds: readonly number[]) {
  return db
    .selectFrom('referral_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .innerJoin('referrals as r', 'r.id', 't.referral_id')
    .selectAll('t')
    .select(['o.name as org_name', 'r.resident_snapshot', 'r.resident_id'])
    .where('t.org_id', 'in', orgIds.length ? orgIds : [0]);
}

/**
 * The tasks of these orgs: open first, then confirmed, then done, each oldest first (the
 * longest waiting on top) unless another sort is chosen. 'pending' is open or confirmed.
 */
export function forOrgs(
  db: Kdb,
  orgIds: readonly number[],
  f: { status: TaskStatus | 'pending' | 'all'; q?: string; sort?: TaskQuery['sort'] },
) {
  let query = ofOrgs(db, orgIds);
  if (f.status === 'pending') query = query.where('t.status', 'in', ['open', 'confirmed']);
  else if (f.status !== 'all') query = query.where('t.status', '=', f.status);
  if (f.q) {
    const term = escapeLike(f.q);
    query = query.where((eb) =>
      eb.or([eb(sql<string>`r.resident_snapshot->>'name'`, 'like', `${term}%`), eb('t.title', 'like', `%${term}%`)]),
    );
  }
  const chosen = sortSql(f.sort, SORTS);
  return (chosen ? query.orderBy(chosen) : query.orderBy(STATUS_RANK)).orderBy('t.id');
}

/** One task of these orgs, shaped like a list row (after a note is added). */
export function oneOfOrgs(db: Kdb, orgIds: readonly number[], id: number) {
  return ofOrgs(db, orgIds).where('t.id', '=', id).execute();
}

/** The orgs' open (to confirm) and confirmed (to follow up) tasks. */
export function statusCounts(db: Kdb, orgIds: readonly number[]) {
  return ofOrgs(db, orgIds)
    .clearSelect()
    .select([
      sql<number>`count(*) FILTER (WHERE t.status = 'open')::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE t.status = 'confirmed')::int`.as('confirmed'),
    ])
    .executeTakeFirstOrThrow();
}

export function notesForTasks(db: Kdb, taskIds: readonly number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('referral_task_notes').selectAll().where('task_id', 'in', taskIds).orderBy('id').execute();
}

export function findById(db: Kdb, id: number) {
  return db.selectFrom('referral_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNote(db: Kdb, values: Insertable<ReferralTaskNotesTable>): Promise<void> {
  await db.insertInto('referral_task_notes').values(values).execute();
}

/** Only a confirmed task can be done, once. */
export async function markDone(db: Kdb, id: number): Promise<void> {
  await db
    .updateTable('referral_tasks')
    .set({ status: 'done', done_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .execute();
}

/** Open tasks of these orgs, and those past their due date (a date in Asia/Shanghai). */
export function pendingCounts(db: Kdb, orgIds: readonly number[]) {
  return db
    .selectFrom('referral_tasks as t')
    .select([
      sql<number>`count(*)::int`.as('pending'),
      sql<number>`count(*) FILTER (WHERE t.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int`.as('overdue'),
    ])
    .where('t.org_id', 'in', orgIds)
    .where('t.status', 'in', ['open', 'confirmed'])
    .executeTakeFirstOrThrow();
}
