import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { PrescriptionLinesTable, PrescriptionsTable, VisitAmendmentsTable, VisitsTable } from './care.tables.ts';

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

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

function base(db: Kdb) {
  return db
    .selectFrom('visits as v')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .leftJoin('residents as r', 'r.id', 'v.resident_id')
    .leftJoin('departments as d', 'd.id', 'v.department_id')
    .leftJoin('staff as s', 's.id', 'v.doctor_id')
    .selectAll('v')
    .select([
      'o.name as org_name',
      'r.name as resident_name',
      'd.name as department_name',
      's.display_name as doctor_name',
      sql<number>`coalesce((SELECT sum(f.amount_fen) FROM fee_lines f WHERE f.visit_id = v.id), 0)::float8`.as(
        'total_fen',
      ),
    ]);
}
export type VisitListRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function getById(db: Kdb, id: number) {
  return base(db).where('v.id', '=', id).executeTakeFirst();
}

export interface VisitFilter {
  orgIds: readonly number[];
  from?: string;
  to?: string;
  status?: VisitsTable['status']['__select__'];
  tcm?: boolean;
  residentId?: number;
  q?: string;
}

const SORTS = { registeredAt: sql`v.registered_at`, queueNo: sql`v.queue_no` } as const;

export function listed(db: Kdb, f: VisitFilter, sort?: `${'' | '-'}${keyof typeof SORTS}`) {
  let q = base(db).where('v.org_id', 'in', f.orgIds.length ? f.orgIds : [0]);
  if (f.from) q = q.where('v.visit_day', '>=', f.from);
  if (f.to) q = q.where('v.visit_day', '<=', f.to);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.tcm !== undefined) q = q.where('v.tcm', '=', f.tcm);
  if (f.residentId) q = q.where('v.resident_id', '=', f.residentId);
  if (f.q) {
    const term = escapeLike(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('r.name', 'like', `${term}%`),
        eb('r.name_initials', 'like', `${term.toLowerCase()}%`),
        eb('v.external_number', '=', f.q ?? ''),
      ]),
    );
  }
  const chosen = sortSql(sort, SORTS);
  return (chosen ? q.orderBy(chosen) : q.orderBy('v.registered_at', 'desc')).orderBy('v.id', 'desc');
}

export async function insertOnce(db: Kdb, values: Insertable<VisitsTable>): Promise<number | null> {
  const r = await db
    .insertInto('visits')
    .values(values)
    .onConflict((oc) => oc.columns(['created_by', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export function byIdempotencyKey(db: Kdb, staffId: number, key: string) {
  return db
    .selectFrom('visits')
    .select(['id', 'request_hash'])
    .where('created_by', '=', staffId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function amendmentsOf(db: Kdb, visitId: number) {
  return db
    .selectFrom('visit_amendments as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select(['a.id', 'a.what', 'a.reason', 'a.at', 's.display_name as staff_name'])
    .where('a.visit_id', '=', visitId)
    .orderBy('a.id')
    .execute();
}

export async function closeDay(
  db: Kdb,
  values: { orgId: number; countyId: number; day: string; staffId: number },
): Promise<number | null> {
  const inserted = await db
    .insertInto('care_day_closes')
    .values({ org_id: values.orgId, county_id: values.countyId, day: values.day, closed_by: values.staffId, visits: 0 })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst();
  if (!inserted) return null;
  const r = await db
    .updateTable('visits')
    .set({ status: 'closed', closed_at: sql<Date>`now()` })
    .where('org_id', '=', values.orgId)
    .where('visit_day', '=', values.day)
    .where('status', '=', 'open')
    .executeTakeFirst();
  const n = Number(r.numUpdatedRows);
  await db
    .updateTable('care_day_closes')
    .set({ visits: n })
    .where('org_id', '=', values.orgId)
    .where('day', '=', values.day)
    .execute();
  return n;
}

// ---- prescriptions and exams of a visit ----

export async function insertPrescriptionOnce(db: Kdb, values: Insertable<PrescriptionsTable>): Promise<number | null> {
  const r = await db
    .insertInto('prescriptions')
    .values(values)
    .onConflict((oc) => oc.columns(['prescribed_by', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export function prescriptionByKey(db: Kdb, staffId: number, key: string) {
  return db
    .selectFrom('prescriptions')
    .select(['id', 'visit_id', 'request_hash'])
    .where('prescribed_by', '=', staffId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertPrescriptionLines(db: Kdb, rows: readonly Insertable<PrescriptionLinesTable>[]) {
  await db.insertInto('prescription_lines').values(rows).execute();
}

export function prescriptionsOf(db: Kdb, visitId: number) {
  return db
    .selectFrom('prescriptions as p')
    .leftJoin('staff as s', 's.id', 'p.prescribed_by')
    .select(['p.id', 'p.prescribed_at', 'p.tcm', 'p.status', 's.display_name as prescriber_name'])
    .where('p.visit_id', '=', visitId)
    .orderBy('p.id')
    .execute();
}

export function prescriptionLinesOf(db: Kdb, prescriptionIds: readonly number[]) {
  return db
    .selectFrom('prescription_lines as l')
    .innerJoin('charge_items as i', 'i.code', 'l.item_code')
    .selectAll('l')
    .select(['i.name as item_name', 'i.spec'])
    .where('l.prescription_id', 'in', prescriptionIds.length ? prescriptionIds : [0])
    .orderBy('l.prescription_id')
    .orderBy('l.line_no')
    .execute();
}

export async function linkExam(db: Kdb, values: { visit_id: number; exam_order_id: number; org_id: number }) {
  const r = await db
    .insertInto('visit_exam_orders')
    .values(values)
    .onConflict((oc) => oc.column('exam_order_id').doNothing())
    .returning('exam_order_id')
    .executeTakeFirst();
  return r !== undefined;
}

export function examsOf(db: Kdb, visitId: number) {
  return db
    .selectFrom('visit_exam_orders as x')
    .innerJoin('exam_orders as e', 'e.id', 'x.exam_order_id')
    .leftJoin('orgs as o', 'o.id', 'e.performing_org_id')
    .select([
      'e.id',
      'e.item_code',
      'e.item_name',
      'e.status',
      'e.price_fen',
      'e.result_text',
      'e.created_at',
      'o.name as performing_org_name',
    ])
    .where('x.visit_id', '=', visitId)
    .orderBy('e.id')
    .execute();
}

export function orgSettings(db: Kdb, orgId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'county_id', 'kind', 'visit_queue'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
}
