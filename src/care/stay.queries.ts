import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { StayMovementsTable, StayOperationsTable, StaysTable } from './care.tables.ts';

export function findById(db: Kdb, id: number) {
  return db.selectFrom('stays').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stay row locked for this transaction: steps on one stay queue behind each other. */
export function lockById(db: Kdb, id: number) {
  return db.selectFrom('stays').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockByExternal(db: Kdb, orgId: number, externalNumber: string) {
  return db
    .selectFrom('stays')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_number', '=', externalNumber)
    .forUpdate()
    .executeTakeFirst();
}

export async function insert(db: Kdb, values: Insertable<StaysTable>): Promise<number> {
  const r = await db.insertInto('stays').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function update(db: Kdb, id: number, values: Updateable<StaysTable>): Promise<void> {
  await db.updateTable('stays').set(values).where('id', '=', id).execute();
}

/** Discharge, conditional on the stay being in hospital; length of stay in Shanghai days (same day = 1). */
export async function discharge(
  db: Kdb,
  id: number,
  values: Pick<Updateable<StaysTable>, 'disposition' | 'discharge_diagnoses' | 'down_referral_id'> & { at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('stays')
    .set({
      status: 'discharged',
      discharged_at: values.at,
      disposition: values.disposition,
      discharge_diagnoses: values.discharge_diagnoses,
      down_referral_id: values.down_referral_id ?? null,
      last_bed_id: sql<number | null>`bed_id`,
      bed_id: null,
      length_of_stay_days: sql<number>`greatest(1, (${values.at}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        - (admitted_at AT TIME ZONE 'Asia/Shanghai')::date)`,
    })
    .where('id', '=', id)
    .where('status', '=', 'admitted')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function insertMovement(db: Kdb, values: Insertable<StayMovementsTable>): Promise<void> {
  await db.insertInto('stay_movements').values(values).execute();
}

export async function closeMovement(db: Kdb, stayId: number, at: Date): Promise<void> {
  await db
    .updateTable('stay_movements')
    .set({ to_at: sql<Date>`greatest(from_at, ${at}::timestamptz)` })
    .where('stay_id', '=', stayId)
    .where('to_at', 'is', null)
    .execute();
}

/** Opens the last movement again (a cancelled discharge). */
export async function reopenLastMovement(db: Kdb, stayId: number): Promise<void> {
  await db
    .updateTable('stay_movements')
    .set({ to_at: null })
    .where(
      'id',
      '=',
      db
        .selectFrom('stay_movements')
        .select('id')
        .where('stay_id', '=', stayId)
        .orderBy('from_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1),
    )
    .execute();
}

export async function updateCurrentMovement(db: Kdb, stayId: number, values: Updateable<StayMovementsTable>) {
  await db.updateTable('stay_movements').set(values).where('stay_id', '=', stayId).where('to_at', 'is', null).execute();
}

export function movementsOf(db: Kdb, stayId: number) {
  return db
    .selectFrom('stay_movements as m')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .leftJoin('beds as b', 'b.id', 'm.bed_id')
    .select([
      'm.id',
      'm.department_id',
      'd.name as department_name',
      'm.bed_id',
      'b.code as bed_code',
      'm.from_at',
      'm.to_at',
      'm.kind',
    ])
    .where('m.stay_id', '=', stayId)
    .orderBy('m.from_at')
    .orderBy('m.id')
    .execute();
}

export async function insertOperation(db: Kdb, values: Insertable<StayOperationsTable>): Promise<number> {
  const r = await db.insertInto('stay_operations').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function operationsOf(db: Kdb, stayId: number) {
  return db.selectFrom('stay_operations').selectAll().where('stay_id', '=', stayId).orderBy('performed_at').execute();
}
