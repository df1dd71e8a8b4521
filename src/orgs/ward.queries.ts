import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { BedsTable, WardsTable } from './ward.tables.ts';

export function departmentByCode(db: Kdb, orgId: number, code: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'org_id', 'county_id', 'code', 'name', 'active'])
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function departmentById(db: Kdb, id: number) {
  return db
    .selectFrom('departments')
    .select(['id', 'org_id', 'county_id', 'code', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function bedByCode(db: Kdb, departmentId: number, code: string) {
  return db
    .selectFrom('beds')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function bedById(db: Kdb, id: number) {
  return db.selectFrom('beds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function wardById(db: Kdb, id: number) {
  return db.selectFrom('wards').selectAll().where('id', '=', id).executeTakeFirst();
}

export function isOccupied(db: Kdb, bedId: number) {
  return db
    .selectFrom('bed_occupancy')
    .select(['bed_id', 'resident_id'])
    .where('bed_id', '=', bedId)
    .executeTakeFirst();
}

/** Wards of the orgs given, with their beds counted by state (occupied from bed_occupancy). */
export function wardsOf(db: Kdb, orgIds: readonly number[], departmentId?: number) {
  let q = db
    .selectFrom('wards as w')
    .innerJoin('departments as d', 'd.id', 'w.department_id')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .select([
      'w.id',
      'w.org_id',
      'w.department_id',
      'w.code',
      'w.name',
      'w.active',
      'd.name as department_name',
      'o.name as org_name',
      sql<number>`(SELECT count(*) FROM beds b WHERE b.ward_id = w.id AND b.active)::int`.as('beds'),
      sql<number>`(SELECT count(*) FROM beds b WHERE b.ward_id = w.id AND b.active AND b.status = 'open')::int`.as(
        'open_beds',
      ),
      sql<number>`(SELECT count(*) FROM beds b JOIN bed_occupancy x ON x.bed_id = b.id WHERE b.ward_id = w.id)::int`.as(
        'occupied',
      ),
    ])
    .where('w.org_id', 'in', orgIds.length ? orgIds : [-1]);
  if (departmentId !== undefined) q = q.where('w.department_id', '=', departmentId);
  return q.orderBy('w.org_id').orderBy('w.code').execute();
}

/** Beds of a department (or ward) with who holds them: a stay, an admitted request, or no one. */
export function bedsWithOccupancy(db: Kdb, where: { departmentId?: number; wardId?: number }) {
  let q = db
    .selectFrom('beds as b')
    .leftJoin('wards as w', 'w.id', 'b.ward_id')
    .leftJoin('bed_occupancy as x', 'x.bed_id', 'b.id')
    .leftJoin('residents as r', 'r.id', 'x.resident_id')
    .select([
      'b.id',
      'b.code',
      'b.org_id',
      'b.department_id',
      'b.ward_id',
      'w.name as ward_name',
      'b.bed_type',
      'b.status',
      'b.active',
      'x.resident_id',
      'r.name as resident_name',
      'x.stay_id',
      'x.admission_id',
      'x.since',
    ]);
  if (where.departmentId !== undefined) q = q.where('b.department_id', '=', where.departmentId);
  if (where.wardId !== undefined) q = q.where('b.ward_id', '=', where.wardId);
  return q.orderBy('b.code').execute();
}

export async function insertWard(db: Kdb, values: Insertable<WardsTable>): Promise<number> {
  const r = await db.insertInto('wards').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateWard(db: Kdb, id: number, values: { name?: string; active?: boolean }): Promise<void> {
  await db.updateTable('wards').set(values).where('id', '=', id).execute();
}

export async function insertBeds(db: Kdb, rows: readonly Insertable<BedsTable>[]): Promise<number[]> {
  if (!rows.length) return [];
  const r = await db.insertInto('beds').values(rows).returning('id').execute();
  return r.map((x) => x.id);
}

export async function updateBed(
  db: Kdb,
  id: number,
  values: Pick<Updateable<BedsTable>, 'bed_type' | 'status' | 'active' | 'ward_id'>,
): Promise<void> {
  await db.updateTable('beds').set(values).where('id', '=', id).execute();
}

export function bedCodesTaken(db: Kdb, departmentId: number, codes: readonly string[]) {
  return db
    .selectFrom('beds')
    .select('code')
    .where('department_id', '=', departmentId)
    .where('code', 'in', codes.length ? codes : [''])
    .execute();
}
