import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../../platform/db.ts';
import type { CarePlan, TaskStatus } from '../referral.schema.ts';
import type { ReferralTaskNotesTable } from '../referral.tables.ts';

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

/** The tasks of these orgs: open first, then confirmed, then done. 'pending' is open or confirmed. */
export function forOrgs(db: Kdb, orgIds: readonly number[], status: TaskStatus | 'pending' | 'all', limit: number) {
  let query = db
    .selectFrom('referral_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .innerJoin('referrals as r', 'r.id', 't.referral_id')
    .selectAll('t')
    .select(['o.name as org_name', 'r.resident_snapshot', 'r.resident_id'])
    .where('t.org_id', 'in', orgIds.length ? orgIds : [0]);
  if (status === 'pending') query = query.where('t.status', 'in', ['open', 'confirmed']);
  else if (status !== 'all') query = query.where('t.status', '=', status);
  return query
    .orderBy(sql`CASE t.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
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
