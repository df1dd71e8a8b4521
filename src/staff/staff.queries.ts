import { sql, type Expression, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { StaffTable } from '../platform/db-types.ts';
import type { STAFF_SORTS, StaffQuery } from './staff.schema.ts';

function base(db: Kdb) {
  return db
    .selectFrom('staff as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.username',
      's.display_name',
      's.title',
      's.roles',
      's.org_id',
      'o.name as org_name',
      's.department_id',
      's.mobile',
      's.disabled',
      's.must_change_password',
      's.last_login_at',
      sql<boolean>`coalesce(s.locked_until > now(), false)`.as('locked'),
    ]);
}
export type StaffRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const SORTS: Record<(typeof STAFF_SORTS)[number], Expression<unknown>> = {
  username: sql`s.username`,
  displayName: sql`s.display_name`,
  orgName: sql`o.name`,
  lastLoginAt: sql`s.last_login_at`,
};

/** Accounts of the caller's orgs; by org then username unless another sort is chosen. */
export function search(db: Kdb, orgIds: readonly number[], query: StaffQuery) {
  let q = base(db).where('s.org_id', 'in', orgIds.length ? orgIds : [-1]);
  if (query.orgId) q = q.where('s.org_id', '=', query.orgId);
  if (query.role) q = q.where(sql<boolean>`${query.role} = ANY (s.roles)`);
  if (query.status === 'disabled') q = q.where('s.disabled', '=', true);
  if (query.status === 'active') q = q.where('s.disabled', '=', false);
  if (query.status === 'locked') q = q.where(sql<boolean>`coalesce(s.locked_until > now(), false)`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('s.username', 'like', like), eb('s.display_name', 'like', like)]));
  }
  const chosen = sortSql(query.sort, SORTS);
  return (chosen ? q.orderBy(chosen) : q.orderBy('s.org_id')).orderBy('s.username').orderBy('s.id');
}

export function findById(db: Kdb, id: number) {
  return base(db).where('s.id', '=', id).executeTakeFirst();
}

export function usernameTaken(db: Kdb, username: string) {
  return db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirst();
}

export function departmentOrg(db: Kdb, departmentId: number) {
  return db.selectFrom('departments').select('org_id').where('id', '=', departmentId).executeTakeFirst();
}

export function insert(
  db: Kdb,
  values: Omit<
    StaffTable,
    | 'id'
    | 'created_at'
    | 'updated_at'
    | 'disabled'
    | 'failed_attempts'
    | 'locked_until'
    | 'last_login_at'
    | 'must_change_password'
  >,
) {
  return db
    .insertInto('staff')
    .values({ ...values, must_change_password: true })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function update(db: Kdb, id: number, values: Updateable<StaffTable>): Promise<boolean> {
  const r = await db
    .updateTable('staff')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
