import type { Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
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
  limit: number;
}

/** Newest visit first. */
export function list(db: Kdb, f: VisitFilter) {
  let q = db
    .selectFrom('out_of_county_visits as v')
    .leftJoin('residents as r', 'r.id', 'v.resident_id')
    .selectAll('v')
    .select('r.name as resident_name')
    .where('v.county_id', '=', f.countyId);
  if (f.id) q = q.where('v.id', '=', f.id);
  if (f.from) q = q.where('v.visit_date', '>=', f.from);
  if (f.to) q = q.where('v.visit_date', '<=', f.to);
  return q.orderBy('v.visit_date', 'desc').orderBy('v.id', 'desc').limit(f.limit).execute();
}
