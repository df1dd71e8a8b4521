import { sql, type InsertObject, type Insertable, type UpdateObject } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { DB } from '../platform/db-types.ts';
import type { ReferralStatus, Urgency } from './referral.states.ts';
import type { ReferralEventsTable } from './referral.tables.ts';

export type ReferralValues = UpdateObject<DB, 'referrals'>;

/** The transaction's clock, for a timestamp column (every timestamp of one change agrees). */
export const now = () => sql<Date>`now()`;
/** A deadline this many minutes after the transaction's clock. */
export const minutesFromNow = (minutes: number) => sql<Date>`now() + make_interval(mins => ${minutes})`;
/** A redirect starts a new deadline round: escalations of the old round stay recorded. */
export const nextDeadlineRound = () => sql<number>`deadline_round + 1`;

function base(db: Kdb) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('orgs as fo', 'fo.id', 'r.from_org_id')
    .innerJoin('orgs as tor', 'tor.id', 'r.to_org_id')
    .innerJoin('staff as fs', 'fs.id', 'r.from_staff_id')
    .leftJoin('departments as td', 'td.id', 'r.to_department_id')
    .selectAll('r')
    .select([
      'fo.name as from_org_name',
      'tor.name as to_org_name',
      'tor.kind as to_org_kind',
      'fs.display_name as from_staff_name',
      'td.name as to_department_name',
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findById(db: Kdb, id: number) {
  return base(db).where('r.id', '=', id).executeTakeFirst();
}

/** A row the caller just wrote (or may see for certain): its absence is a fault, not a 404. */
export function getById(db: Kdb, id: number) {
  return base(db).where('r.id', '=', id).executeTakeFirstOrThrow();
}

export function findByIdempotencyKey(db: Kdb, createdBy: number, key: string) {
  return db
    .selectFrom('referrals')
    .select(['id', 'request_hash'])
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Inserts unless the same creator already used the key; a concurrent twin waits, then yields. */
export async function insertOnce(db: Kdb, values: InsertObject<DB, 'referrals'>): Promise<number | null> {
  const row = await db
    .insertInto('referrals')
    .values(values)
    .onConflict((oc) => oc.constraint('referrals_idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insert(db: Kdb, values: InsertObject<DB, 'referrals'>): Promise<number> {
  const row = await db.insertInto('referrals').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The only way a status changes: conditional on the status the caller saw, so of two
 * concurrent accepts exactly one updates a row. The trigger checks the pair again.
 */
export async function transition(
  db: Kdb,
  id: number,
  expected: ReferralStatus,
  values: ReferralValues,
): Promise<boolean> {
  const r = await db
    .updateTable('referrals')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Something on the referral changed without a status change (a file, a follow-up note): worklists show it as unread. */
export async function touch(db: Kdb, id: number): Promise<void> {
  await db.updateTable('referrals').set({ updated_at: now() }).where('id', '=', id).execute();
}

export async function insertEvent(db: Kdb, values: Insertable<ReferralEventsTable>): Promise<void> {
  await db.insertInto('referral_events').values(values).execute();
}

export function eventsFor(db: Kdb, referralIds: readonly number[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', 'in', referralIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function related(db: Kdb, row: { id: number; parent_id: number | null }) {
  return base(db)
    .where((eb) =>
      eb.or([
        eb('r.parent_id', '=', row.id),
        ...(row.parent_id ? [eb('r.id', '=', row.parent_id), eb('r.parent_id', '=', row.parent_id)] : []),
      ]),
    )
    .where('r.id', '!=', row.id)
    .orderBy('r.id')
    .execute();
}

export function stateRules(db: Kdb) {
  return db.selectFrom('referral_state_rules').selectAll().orderBy('action').orderBy('from_status').execute();
}

/** 三优先 and the resident a linked referral belongs to (visible to the caller by RLS, or absent). */
export function priorityOf(db: Kdb, id: number) {
  return db.selectFrom('referrals').select(['priority', 'resident_id']).where('id', '=', id).executeTakeFirst();
}

/** An active department of the receiving org (the referral form's optional department). */
export function activeDepartment(db: Kdb, orgId: number, departmentId: number) {
  return db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function markRead(db: Kdb, staffId: number, referralId: number): Promise<void> {
  await db
    .insertInto('referral_reads')
    .values({ staff_id: staffId, referral_id: referralId, seen_at: sql<Date>`now()` })
    .onConflict((oc) => oc.columns(['staff_id', 'referral_id']).doUpdateSet({ seen_at: sql<Date>`now()` }))
    .execute();
}

/** The database's clock, so countdowns never depend on the server's or the browser's. */
export async function serverNow(db: Kdb): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  return rows[0].now;
}

export interface ListFilter {
  orgIds: readonly number[];
  box: 'incoming' | 'outgoing' | 'all';
  boxOrgIds: readonly number[];
  statuses?: readonly ReferralStatus[];
  direction?: 'up' | 'down';
  urgency?: Urgency;
  escalated?: boolean;
  outOfCounty?: boolean;
  residentId?: number;
  q?: string;
  limit: number;
  offset: number;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

function filtered(db: Kdb, f: Omit<ListFilter, 'limit' | 'offset'>) {
  const orgs = sql.val(f.orgIds);
  // repeats row-level security on purpose: the planner uses the org indexes
  let q = base(db).where(
    sql<boolean>`(r.from_org_id = ANY(${orgs}::int[]) OR r.to_org_id = ANY(${orgs}::int[]) OR r.origin_org_id = ANY(${orgs}::int[]))`,
  );
  const box = sql.val(f.boxOrgIds);
  if (f.box === 'incoming')
    q = q.where(sql<boolean>`r.to_org_id = ANY(${box}::int[])`).where('r.status', '!=', 'draft');
  if (f.box === 'outgoing') q = q.where(sql<boolean>`r.from_org_id = ANY(${box}::int[])`);
  if (f.statuses) q = q.where('r.status', 'in', f.statuses);
  if (f.direction) q = q.where('r.direction', '=', f.direction);
  if (f.urgency) q = q.where('r.urgency', '=', f.urgency);
  if (f.escalated !== undefined) q = q.where('r.escalation_level', f.escalated ? '>' : '=', 0);
  if (f.outOfCounty !== undefined) q = q.where('r.out_of_county', '=', f.outOfCounty);
  if (f.residentId) q = q.where('r.resident_id', '=', f.residentId);
  if (f.q) q = q.where(sql<string>`r.resident_snapshot->>'name'`, 'like', `${escapeLike(f.q)}%`);
  return q;
}

/** Awaiting a decision first, by deadline; then the rest, newest first. Priority patients lead their urgency. */
export async function list(db: Kdb, f: ListFilter) {
  const rows = await filtered(db, f)
    .orderBy(sql`CASE WHEN r.status IN ('submitted', 'redirected') THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN r.status IN ('submitted', 'redirected') THEN r.deadline_at END`, 'asc')
    .orderBy(sql`CASE r.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`)
    .orderBy('r.priority', 'desc')
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

export async function counts(db: Kdb, f: Omit<ListFilter, 'limit' | 'offset'>, staffId: number) {
  const row = await filtered(db, f)
    .clearSelect()
    .leftJoin('referral_reads as rr', (j) => j.onRef('rr.referral_id', '=', 'r.id').on('rr.staff_id', '=', staffId))
    .select([
      sql<number>`count(*) FILTER (WHERE r.status IN ('submitted', 'redirected'))::int`.as('awaiting'),
      sql<number>`count(*) FILTER (WHERE r.status IN ('submitted', 'redirected') AND r.escalation_level > 0)::int`.as(
        'escalated',
      ),
      sql<number>`count(*) FILTER (WHERE rr.seen_at IS NULL OR rr.seen_at < r.updated_at)::int`.as('unread'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
