import { sql, type Insertable, type UpdateObject } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { DB } from '../platform/db-types.ts';
import type { ExamStatus } from './exam-order.schema.ts';
import type { ExamOrdersTable } from './referral.tables.ts';

export function catalogue(db: Kdb) {
  return db
    .selectFrom('exam_catalogue')
    .selectAll()
    .where('active', '=', true)
    .orderBy('category')
    .orderBy('code')
    .execute();
}

export function catalogueItem(db: Kdb, code: string) {
  return db
    .selectFrom('exam_catalogue')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

function base(db: Kdb) {
  return db
    .selectFrom('exam_orders as e')
    .innerJoin('orgs as oo', 'oo.id', 'e.ordering_org_id')
    .innerJoin('orgs as po', 'po.id', 'e.performing_org_id')
    .innerJoin('staff as s', 's.id', 'e.ordering_staff_id')
    .leftJoin('residents as res', 'res.id', 'e.resident_id')
    .selectAll('e')
    .select([
      'oo.name as ordering_org_name',
      'po.name as performing_org_name',
      's.display_name as staff_name',
      'res.name as resident_name',
    ]);
}
export type ExamOrderRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findById(db: Kdb, id: number) {
  return base(db).where('e.id', '=', id).executeTakeFirst();
}

/** An order the caller just wrote or read in this transaction: its absence is a fault. */
export function getById(db: Kdb, id: number) {
  return base(db).where('e.id', '=', id).executeTakeFirstOrThrow();
}

export function getByIdempotencyKey(db: Kdb, staffId: number, key: string) {
  return base(db)
    .where('e.ordering_staff_id', '=', staffId)
    .where('e.idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
}

/** Inserts unless the same staff member already used the key; a concurrent twin waits, then yields. */
export async function insertOnce(db: Kdb, values: Insertable<ExamOrdersTable>): Promise<number | null> {
  const row = await db
    .insertInto('exam_orders')
    .values(values)
    .onConflict((oc) => oc.constraint('exam_orders_idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ExamListFilter {
  performingOrgId?: number;
  orderingOrgIds?: readonly number[];
  statuses?: readonly ExamStatus[];
  residentId?: number;
  limit: number;
}

/** Performing list: urgency first, then 三优先 priority, then order time. */
export function list(db: Kdb, f: ExamListFilter) {
  let q = base(db);
  if (f.performingOrgId !== undefined) q = q.where('e.performing_org_id', '=', f.performingOrgId);
  if (f.orderingOrgIds) q = q.where('e.ordering_org_id', 'in', f.orderingOrgIds.length ? f.orderingOrgIds : [0]);
  if (f.statuses) q = q.where('e.status', 'in', f.statuses);
  if (f.residentId) q = q.where('e.resident_id', '=', f.residentId);
  return q
    .orderBy(sql`CASE e.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`)
    .orderBy('e.priority', 'desc')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(f.limit)
    .execute();
}

/** What a move writes besides the status. */
export type ExamValues = Omit<UpdateObject<DB, 'exam_orders'>, 'status' | 'version'>;

/** The transaction's clock, for a timestamp column. */
export const now = () => sql<Date>`now()`;

/** One step of the order, only from the status the caller expects: a repeated step changes nothing. */
export async function transition(
  db: Kdb,
  id: number,
  from: ExamStatus,
  to: ExamStatus,
  values: ExamValues,
): Promise<boolean> {
  const r = await db
    .updateTable('exam_orders')
    .set({ ...values, status: to, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export function statusOf(db: Kdb, id: number) {
  return db.selectFrom('exam_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow();
}

/** Orders a hospital still has to perform, and performed ones awaiting their report, with the urgent ones. */
export function performingCounts(db: Kdb, orgId: number) {
  return db
    .selectFrom('exam_orders as e')
    .select([
      sql<number>`count(*) FILTER (WHERE e.status IN ('ordered', 'scheduled'))::int`.as('toPerform'),
      sql<number>`count(*) FILTER (WHERE e.status = 'performed')::int`.as('toReport'),
      sql<number>`count(*) FILTER (WHERE e.status IN ('ordered', 'scheduled') AND e.urgency <> 'routine')::int`.as(
        'toPerformUrgent',
      ),
      sql<number>`count(*) FILTER (WHERE e.status = 'performed' AND e.urgency <> 'routine')::int`.as('toReportUrgent'),
    ])
    .where('e.performing_org_id', '=', orgId)
    .where('e.status', 'in', ['ordered', 'scheduled', 'performed'])
    .executeTakeFirstOrThrow();
}
