import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
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

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

function base(db: Kdb) {
  return db
    .selectFrom('stays as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('beds as b', 'b.id', 's.bed_id')
    .leftJoin('residents as r', 'r.id', 's.resident_id')
    .selectAll('s')
    .select([
      'o.name as org_name',
      'd.name as department_name',
      'b.code as bed_code',
      'r.name as resident_name',
      sql<number>`coalesce((SELECT sum(f.amount_fen) FROM fee_lines f WHERE f.stay_id = s.id), 0)::float8`.as(
        'total_fen',
      ),
    ]);
}
export type StayListRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function getById(db: Kdb, id: number) {
  return base(db).where('s.id', '=', id).executeTakeFirst();
}

const SORTS = { admittedAt: sql`s.admitted_at`, dischargedAt: sql`s.discharged_at` } as const;

export function listed(
  db: Kdb,
  f: { orgIds: readonly number[]; status?: StaysTable['status']['__select__']; from?: string; to?: string; q?: string },
  sort?: `${'' | '-'}${keyof typeof SORTS}`,
) {
  let q = base(db).where('s.org_id', 'in', f.orgIds.length ? f.orgIds : [0]);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.from) q = q.where(sql<boolean>`(s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`(s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date <= ${f.to}::date`);
  if (f.q) {
    const term = escapeLike(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('r.name', 'like', `${term}%`),
        eb('r.name_initials', 'like', `${term.toLowerCase()}%`),
        eb('s.external_number', '=', f.q ?? ''),
      ]),
    );
  }
  const chosen = sortSql(sort, SORTS);
  return (
    chosen
      ? q.orderBy(chosen)
      : q.orderBy(sql`CASE s.status WHEN 'admitted' THEN 0 ELSE 1 END`).orderBy('s.admitted_at', 'desc')
  ).orderBy('s.id', 'desc');
}

export function byIdempotencyKey(db: Kdb, staffId: number, key: string) {
  return db
    .selectFrom('stays')
    .select(['id', 'request_hash'])
    .where('created_by', '=', staffId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}
