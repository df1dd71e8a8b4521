import { sql, type Selectable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { DepartmentsTable, OrgsTable } from '../platform/db-types.ts';
import type { Department, Org, OrgKind } from './orgs.schema.ts';

export const toOrg = (r: Selectable<OrgsTable>): Org => ({
  id: r.id,
  countyId: r.county_id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  kind: r.kind as OrgKind,
  level: r.level as Org['level'],
  divisionCode: r.division_code,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  specialities: r.specialities,
  beds: r.beds,
  phone: r.phone,
  active: r.active,
});

export const toDepartment = (r: Selectable<DepartmentsTable>): Department => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  name: r.name,
  speciality: r.speciality,
  active: r.active,
});

export function listByIds(db: Kdb, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('orgs').selectAll().where('id', 'in', ids).orderBy('path').execute();
}

export function findById(db: Kdb, id: number) {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockById(db: Kdb, id: number) {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function codeTaken(db: Kdb, code: string) {
  return db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirst();
}

export async function insert(
  db: Kdb,
  values: Omit<OrgsTable, 'id' | 'path' | 'active' | 'created_at' | 'updated_at' | 'visit_queue'>,
  parentPath: string,
) {
  const row = await db
    .insertInto('orgs')
    .values({ ...values, path: '/' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .updateTable('orgs')
    .set({ path: `${parentPath}${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function update(db: Kdb, id: number, values: Partial<Selectable<OrgsTable>>) {
  return db
    .updateTable('orgs')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function departmentsOf(db: Kdb, orgId: number) {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}

export function findDepartment(db: Kdb, id: number) {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertDepartment(db: Kdb, values: Omit<DepartmentsTable, 'id' | 'active' | 'created_at'>) {
  return db.insertInto('departments').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateDepartment(db: Kdb, id: number, values: Partial<Selectable<DepartmentsTable>>) {
  return db.updateTable('departments').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function departmentCodeTaken(db: Kdb, orgId: number, code: string) {
  return db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}
