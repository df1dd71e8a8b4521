import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ExpertsTable } from './clinics.tables.ts';

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

export type ExpertRow = Awaited<ReturnType<typeof findById>> & object;

export function findById(db: Kdb, countyId: number, id: number) {
  return db.selectFrom('experts').selectAll().where('id', '=', id).where('county_id', '=', countyId).executeTakeFirst();
}

export function findByStaff(db: Kdb, staffId: number) {
  return db.selectFrom('experts').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

export async function search(
  db: Kdb,
  countyId: number,
  opts: { q?: string; speciality?: string; active?: boolean; limit: number; offset: number },
) {
  let q = db.selectFrom('experts').selectAll().where('county_id', '=', countyId);
  if (opts.q) {
    const like = `%${escapeLike(opts.q)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('name', 'like', like),
        eb('home_hospital', 'like', like),
        eb('speciality', 'like', like),
        eb('native_place', 'like', like),
      ]),
    );
  }
  if (opts.speciality) q = q.where('speciality', '=', opts.speciality);
  if (opts.active !== undefined) q = q.where('active', '=', opts.active);
  const rows = await q
    .orderBy('speciality')
    .orderBy('name')
    .orderBy('id')
    .limit(opts.limit + 1)
    .offset(opts.offset)
    .execute();
  return { rows: rows.slice(0, opts.limit), more: rows.length > opts.limit };
}

export function insert(db: Kdb, values: Insertable<ExpertsTable>) {
  return db.insertInto('experts').values(values).returningAll().executeTakeFirstOrThrow();
}

export function update(db: Kdb, countyId: number, id: number, version: number, values: Updateable<ExpertsTable>) {
  return db
    .updateTable('experts')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('county_id', '=', countyId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function staffInCounty(db: Kdb, countyId: number, staffId: number) {
  return db
    .selectFrom('staff')
    .select(['id', 'roles'])
    .where('id', '=', staffId)
    .where('county_id', '=', countyId)
    .executeTakeFirst();
}
