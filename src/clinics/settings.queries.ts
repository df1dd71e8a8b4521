import type { Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ClinicSettingsTable } from './clinics.tables.ts';

export function find(db: Kdb, countyId: number) {
  return db.selectFrom('clinic_settings').selectAll().where('county_id', '=', countyId).executeTakeFirst();
}

/** the county's row, created with the column defaults (the documented rules) on first use */
export async function ensure(db: Kdb, countyId: number) {
  await db
    .insertInto('clinic_settings')
    .values({ county_id: countyId })
    .onConflict((oc) => oc.column('county_id').doNothing())
    .execute();
  return db.selectFrom('clinic_settings').selectAll().where('county_id', '=', countyId).executeTakeFirstOrThrow();
}

export async function update(db: Kdb, countyId: number, values: Updateable<ClinicSettingsTable>) {
  await db.updateTable('clinic_settings').set(values).where('county_id', '=', countyId).execute();
}
