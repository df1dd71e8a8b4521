import { sql, type Expression, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { ExpertsTable } from './clinics.tables.ts';
import type { EXPERT_SORTS, ExpertSearch } from './expert.schema.ts';

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

export type ExpertRow = Awaited<ReturnType<typeof findById>> & object;

export function findById(db: Kdb, countyId: number, id: number) {
  return db.selectFrom('experts').selectAll().where('id', '=', id).where('county_id', '=', countyId).executeTakeFirst();
}

export function findByStaff(db: Kdb, staffId: number) {
  return db.selectFrom('experts').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

const SORTS: Record<(typeof EXPERT_SORTS)[number], Expression<unknown>> = {
  name: sql`name`,
  speciality: sql`speciality`,
  homeHospital: sql`home_hospital`,
  hospitalLevel: sql`CASE hospital_level WHEN 'national' THEN 0 WHEN 'provincial' THEN 1 WHEN 'city' THEN 2 ELSE 3 END`,
};

/** By speciality then name unless another sort is chosen. */
export function search(
  db: Kdb,
  countyId: number,
  opts: Omit<ExpertSearch, 'active' | 'allianceMember'> & {
    active?: boolean;
    allianceMember?: boolean;
  },
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
  if (opts.hospitalLevel) q = q.where('hospital_level', '=', opts.hospitalLevel);
  if (opts.active !== undefined) q = q.where('active', '=', opts.active);
  if (opts.allianceMember !== undefined) q = q.where('alliance_member', '=', opts.allianceMember);
  const chosen = sortSql(opts.sort, SORTS);
  return (chosen ? q.orderBy(chosen) : q.orderBy('speciality').orderBy('name')).orderBy('id');
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
