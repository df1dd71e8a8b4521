import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { VisitAmendmentsTable, VisitsTable } from './care.tables.ts';

export function findById(db: Kdb, id: number) {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockById(db: Kdb, id: number) {
  return db.selectFrom('visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockByExternal(db: Kdb, orgId: number, externalNumber: string) {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_number', '=', externalNumber)
    .forUpdate()
    .executeTakeFirst();
}

export async function insert(db: Kdb, values: Insertable<VisitsTable>): Promise<number> {
  const r = await db.insertInto('visits').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function update(db: Kdb, id: number, values: Updateable<VisitsTable>): Promise<void> {
  await db.updateTable('visits').set(values).where('id', '=', id).execute();
}

/** The next queue number of an org's day: one upsert, so concurrent registrations never share one. */
export async function nextQueueNo(db: Kdb, orgId: number, day: string): Promise<number> {
  const r = await db
    .insertInto('visit_queue_counters')
    .values({ org_id: orgId, day, last_no: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'day']).doUpdateSet({ last_no: sql<number>`visit_queue_counters.last_no + 1` }),
    )
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return r.last_no;
}

export async function insertAmendment(db: Kdb, values: Insertable<VisitAmendmentsTable>): Promise<void> {
  await db.insertInto('visit_amendments').values(values).execute();
}

export function dayClosed(db: Kdb, orgId: number, day: string) {
  return db
    .selectFrom('care_day_closes')
    .select(['day', 'closed_at'])
    .where('org_id', '=', orgId)
    .where('day', '=', day)
    .executeTakeFirst();
}
