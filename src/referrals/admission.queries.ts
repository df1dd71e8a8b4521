import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { AdmissionRequestsTable } from './referral.tables.ts';

function base(db: Kdb) {
  return db
    .selectFrom('admission_requests as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('beds as b', 'b.id', 'a.bed_id')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .selectAll('a')
    .select(['d.name as department_name', 'b.code as bed_code', 'r.name as resident_name']);
}
export type AdmissionRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** An admission the caller just wrote: its absence is a fault. */
export function getById(db: Kdb, id: number) {
  return base(db).where('a.id', '=', id).executeTakeFirstOrThrow();
}

export function findRequest(db: Kdb, id: number) {
  return db.selectFrom('admission_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDepartment(db: Kdb, id: number) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'org_id', 'county_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findBed(db: Kdb, id: number) {
  return db.selectFrom('beds').select(['id', 'department_id']).where('id', '=', id).executeTakeFirst();
}

/** Registers bed codes once: a code the department already has is left as it is. */
export async function insertBeds(
  db: Kdb,
  d: { county_id: number; org_id: number; id: number },
  codes: readonly string[],
): Promise<void> {
  await db
    .insertInto('beds')
    .values(codes.map((code) => ({ county_id: d.county_id, org_id: d.org_id, department_id: d.id, code })))
    .onConflict((oc) => oc.columns(['department_id', 'code']).doNothing())
    .execute();
}

export function activeBeds(db: Kdb, departmentId: number) {
  return db
    .selectFrom('beds')
    .select(['id', 'code'])
    .where('department_id', '=', departmentId)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
}

/** Requested and admitted patients of a department: urgency first, then 三优先, then request time. */
export function openForDepartment(db: Kdb, departmentId: number) {
  return base(db)
    .where('a.department_id', '=', departmentId)
    .where('a.status', 'in', ['requested', 'admitted'])
    .orderBy(sql`CASE a.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`)
    .orderBy('a.priority', 'desc')
    .orderBy('a.requested_at')
    .orderBy('a.id')
    .execute();
}

export async function insertRequest(db: Kdb, values: Insertable<AdmissionRequestsTable>): Promise<number> {
  const row = await db.insertInto('admission_requests').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Conditional on the status the caller expects, so a repeated or concurrent step changes nothing. */
export async function admit(db: Kdb, id: number, bedId: number): Promise<boolean> {
  const r = await db
    .updateTable('admission_requests')
    .set({ status: 'admitted', bed_id: bedId, admitted_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function discharge(db: Kdb, id: number): Promise<boolean> {
  const r = await db
    .updateTable('admission_requests')
    .set({ status: 'discharged', discharged_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'admitted')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The admitted patient moves to another bed (the stay made from the request was transferred). */
export async function moveBed(db: Kdb, id: number, bedId: number): Promise<void> {
  await db
    .updateTable('admission_requests')
    .set({ bed_id: bedId })
    .where('id', '=', id)
    .where('status', '=', 'admitted')
    .execute();
}

/** An admitted request whose stay was cancelled: it leaves the bed and the board. */
export async function cancelAdmitted(db: Kdb, id: number): Promise<void> {
  await db
    .updateTable('admission_requests')
    .set({ status: 'cancelled' })
    .where('id', '=', id)
    .where('status', '=', 'admitted')
    .execute();
}
