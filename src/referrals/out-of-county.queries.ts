import { sql, type Expression, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { VISIT_SORTS, VisitQuery } from './out-of-county.schema.ts';
import type { OutOfCountyVisitsTable } from './referral.tables.ts';

/** The registered resident with this (normalised) ID number, where the caller may see them (RLS). */
export function residentByIdNumber(db: Kdb, idNumber: string) {
  return db.selectFrom('residents').select(['id', 'org_id']).where('id_number', '=', idNumber).executeTakeFirst();
}

/** Inserts the visits not registered yet (one per resident, date, hospital and visit type); returns the new ids. */
export async function insertNew(db: Kdb, rows: ReadonlyArray<Insertable<OutOfCountyVisitsTable>>): Promise<number[]> {
  if (!rows.length) return [];
  const inserted = await db
    .insertInto('out_of_county_visits')
    .values(rows)
    .onConflict((oc) => oc.constraint('out_of_county_visit_once').doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export interface VisitFilter {
  countyId: number;
  id?: number;
  from?: string;
  to?: string;
  hospitalLevel?: VisitQuery['hospitalLevel'];
  visitType?: VisitQuery['visitType'];
  /** the resident's name (prefix) or the hospital's name (part of it) */
  q?: string;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');
const SORTS: Record<(typeof VISIT_SORTS)[number], Expression<unknown>> = {
  visitDate: sql`v.visit_date`,
  costFen: sql`v.cost_fen`,
  hospitalName: sql`v.hospital_name`,
  createdAt: sql`v.created_at`,
};

/** Row-level security limits the rows to the caller's residents; the county filter lets the planner use its index. */
function filtered(db: Kdb, f: VisitFilter) {
  let q = db
    .selectFrom('out_of_county_visits as v')
    .leftJoin('residents as r', 'r.id', 'v.resident_id')
    .selectAll('v')
    .select('r.name as resident_name')
    .where('v.county_id', '=', f.countyId);
  if (f.id) q = q.where('v.id', '=', f.id);
  if (f.from) q = q.where('v.visit_date', '>=', f.from);
  if (f.to) q = q.where('v.visit_date', '<=', f.to);
  if (f.hospitalLevel) q = q.where('v.hospital_level', '=', f.hospitalLevel);
  if (f.visitType) q = q.where('v.visit_type', '=', f.visitType);
  if (f.q) {
    const term = escapeLike(f.q);
    q = q.where((eb) => eb.or([eb('r.name', 'like', `${term}%`), eb('v.hospital_name', 'like', `%${term}%`)]));
  }
  return q;
}

/** Newest visit first unless another sort is chosen; the id keeps pages from overlapping. */
export function list(db: Kdb, f: VisitFilter, sort?: VisitQuery['sort']) {
  const chosen = sortSql(sort, SORTS);
  const q = filtered(db, f);
  return (chosen ? q.orderBy(chosen) : q.orderBy('v.visit_date', 'desc')).orderBy('v.id', 'desc');
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof list>['executeTakeFirstOrThrow']>>;
