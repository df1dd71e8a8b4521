import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

export function lockStaffByUsername(db: Kdb, username: string) {
  return db
    .selectFrom('staff')
    .select([
      'id',
      'username',
      'display_name',
      'org_id',
      'county_id',
      'roles',
      'password_hash',
      'disabled',
      'failed_attempts',
      'must_change_password',
      sql<number | null>`ceil(extract(epoch FROM locked_until - now()) / 60)::int`.as('locked_minutes_left'),
    ])
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
}

export function lockStaffById(db: Kdb, id: number) {
  return db.selectFrom('staff').select(['id', 'password_hash']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function recordFailure(db: Kdb, id: number, attempts: number, lockMinutes: number | null): Promise<void> {
  await db
    .updateTable('staff')
    .set({
      failed_attempts: attempts,
      locked_until: lockMinutes === null ? null : sql<Date>`now() + make_interval(mins => ${lockMinutes})`,
    })
    .where('id', '=', id)
    .execute();
}

export async function recordSuccess(db: Kdb, id: number): Promise<void> {
  await db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(db: Kdb, id: number, hash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, must_change_password: mustChange, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function findMe(db: Kdb, staffId: number) {
  return db
    .selectFrom('staff as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.username',
      's.display_name',
      's.roles',
      's.county_id',
      's.must_change_password',
      'o.id as org_id',
      'o.name as org_name',
      'o.kind as org_kind',
    ])
    .where('s.id', '=', staffId)
    .executeTakeFirstOrThrow();
}
