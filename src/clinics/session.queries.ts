import { sql, type Expression, type Insertable, type RawBuilder } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { ClinicSessionsTable, ClinicSlotsTable } from './clinics.tables.ts';
import type { SESSION_SORTS, SessionSearch } from './session.schema.ts';

/**
 * Can a slot take one more booking? Everyone needs booked < capacity. Before hold_until,
 * a patient who was not referred may not dip into the `held` part: ordinary bookings
 * (booked minus the referred ones that sit inside the hold) must stay below capacity − held.
 */
export const slotOpen = (referred: boolean) => slotOpenFor(sql`${referred}::boolean`);
/** slotOpen with the referred flag as an SQL expression (a column of a batch of requests) */
export const slotOpenFor = (
  referred: RawBuilder<unknown> | ReturnType<typeof sql.ref>,
) => sql<boolean>`(sl.booked < sl.capacity AND (${referred} OR now() >= sl.hold_until
  OR sl.booked - LEAST(sl.booked_referred, sl.held) < sl.capacity - sl.held))`;

/** free places for a patient who was not referred (same rule as slotOpen(false), as a count) */
const openFree = sql<number>`GREATEST(0, sl.capacity - sl.booked - CASE WHEN now() < sl.hold_until THEN GREATEST(sl.held - sl.booked_referred, 0) ELSE 0 END)`;

function base(db: Kdb) {
  return db
    .selectFrom('clinic_sessions as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('experts as e', 'e.id', 's.expert_id')
    .select([
      's.id',
      's.county_id',
      's.kind',
      's.session_type',
      's.expert_id',
      'e.name as expert_name',
      'e.title as expert_title',
      'e.home_hospital',
      'e.speciality',
      'e.staff_id as expert_staff_id',
      's.doctor_name',
      's.org_id',
      'o.name as org_name',
      's.department_id',
      'd.name as department_name',
      'd.speciality as department_speciality',
      's.room',
      's.session_date',
      's.starts_at',
      's.ends_at',
      's.release_at',
      's.hold_until',
      's.status',
      's.capacity',
      's.subsidy_fen',
      's.cancel_reason',
      's.note',
      sql<boolean>`now() >= s.release_at`.as('released'),
      sql<number>`(SELECT coalesce(sum(sl.booked), 0)::int FROM clinic_slots sl WHERE sl.session_id = s.id)`.as(
        'booked',
      ),
      sql<number>`(SELECT coalesce(sum(${openFree}), 0)::int FROM clinic_slots sl WHERE sl.session_id = s.id)`.as(
        'free',
      ),
    ]);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findById(db: Kdb, countyId: number, id: number) {
  return base(db).where('s.id', '=', id).where('s.county_id', '=', countyId).executeTakeFirst();
}

export interface SessionFilter {
  from?: string;
  to?: string;
  orgId?: number;
  departmentId?: number;
  expertId?: number;
  kind?: string;
  status?: string;
  expertStaffId?: number;
  /** only sessions at these orgs (the caller's own org and the clinics under it) */
  orgIds?: readonly number[];
  /** the expert's or doctor's name, the speciality or the department (part of it) */
  q?: string;
  sort?: SessionSearch['sort'];
}

const SORTS: Record<(typeof SESSION_SORTS)[number], Expression<unknown>> = {
  startsAt: sql`s.starts_at`,
  expertName: sql`coalesce(e.name, s.doctor_name)`,
  department: sql`d.name`,
  status: sql`s.status`,
};

/** Soonest first unless another sort is chosen; the id keeps pages from overlapping. */
export function ordered(db: Kdb, countyId: number, f: SessionFilter) {
  let q = base(db).where('s.county_id', '=', countyId);
  if (f.from) q = q.where('s.session_date', '>=', f.from);
  if (f.to) q = q.where('s.session_date', '<=', f.to);
  if (f.orgId) q = q.where('s.org_id', '=', f.orgId);
  if (f.departmentId) q = q.where('s.department_id', '=', f.departmentId);
  if (f.expertId) q = q.where('s.expert_id', '=', f.expertId);
  if (f.kind) q = q.where('s.kind', '=', f.kind as 'expert');
  if (f.status) q = q.where('s.status', '=', f.status as 'published');
  if (f.expertStaffId !== undefined) q = q.where('e.staff_id', '=', f.expertStaffId);
  if (f.orgIds) q = q.where('s.org_id', 'in', f.orgIds.length ? f.orgIds : [0]);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('e.name', 'like', like),
        eb('s.doctor_name', 'like', like),
        eb('e.speciality', 'like', like),
        eb('d.name', 'like', like),
      ]),
    );
  }
  const chosen = sortSql(f.sort, SORTS);
  return (chosen ? q.orderBy(chosen) : q.orderBy('s.starts_at')).orderBy('s.id');
}

export async function search(db: Kdb, countyId: number, f: SessionFilter & { limit: number; offset: number }) {
  const rows = await ordered(db, countyId, f)
    .limit(f.limit + 1)
    .offset(f.offset)
    .execute();
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** Published sessions of today (Asia/Shanghai) of one expert's or at some orgs, and sessions awaiting approval. */
export async function todayCounts(
  db: Kdb,
  countyId: number,
  f: { expertStaffId: number; orgIds: readonly number[] },
): Promise<{ expertToday: number; orgToday: number; pendingApproval: number }> {
  const today = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
  const orgIds = sql.val(f.orgIds);
  const { rows } = await sql<{ expert_today: number; org_today: number; pending_approval: number }>`
    SELECT count(*) FILTER (WHERE s.status = 'published' AND s.session_date = ${today} AND e.staff_id = ${f.expertStaffId})::int AS expert_today,
           count(*) FILTER (WHERE s.status = 'published' AND s.session_date = ${today} AND s.org_id = ANY(${orgIds}::int[]))::int AS org_today,
           count(*) FILTER (WHERE s.status = 'pending_approval')::int AS pending_approval
    FROM clinic_sessions s LEFT JOIN experts e ON e.id = s.expert_id
    WHERE s.county_id = ${countyId}`.execute(db);
  const r = rows[0];
  return { expertToday: r.expert_today, orgToday: r.org_today, pendingApproval: r.pending_approval };
}

export function slots(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_slots as sl')
    .select([
      'sl.id',
      'sl.starts_at',
      'sl.ends_at',
      'sl.capacity',
      'sl.held',
      'sl.booked',
      'sl.hold_until',
      openFree.as('free'),
      sql<number>`sl.capacity - sl.booked`.as('free_referred'),
    ])
    .where('sl.session_id', '=', sessionId)
    .orderBy('sl.starts_at')
    .orderBy('sl.id')
    .execute();
}

export async function waitlistCount(db: Kdb, sessionId: number): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM clinic_waitlist WHERE session_id = ${sessionId} AND status = 'waiting'`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export function insertSession(db: Kdb, values: Insertable<ClinicSessionsTable>) {
  return db.insertInto('clinic_sessions').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertSlots(db: Kdb, rows: Insertable<ClinicSlotsTable>[]) {
  if (rows.length) await db.insertInto('clinic_slots').values(rows).execute();
}

export function department(db: Kdb, id: number) {
  return db
    .selectFrom('departments')
    .select(['id', 'org_id', 'county_id', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** another live session of the same expert, or in the same room, overlapping [start, end) */
export function overlapping(
  db: Kdb,
  f: { expertId: number | null; departmentId: number; room: string; start: Date; end: Date },
) {
  return db
    .selectFrom('clinic_sessions')
    .select(['id', 'expert_id', 'room', 'starts_at'])
    .where('status', 'in', ['published', 'pending_approval'])
    .where('starts_at', '<', f.end)
    .where('ends_at', '>', f.start)
    .where((eb) =>
      eb.or([
        ...(f.expertId ? [eb('expert_id', '=', f.expertId)] : []),
        eb.and([eb('department_id', '=', f.departmentId), eb('room', '=', f.room)]),
      ]),
    )
    .executeTakeFirst();
}

/** state transitions apply only from the state the caller saw */
export async function transition(
  db: Kdb,
  id: number,
  from: readonly string[],
  set: { status: ClinicSessionsTable['status']; approved_by?: number; cancel_reason?: string },
) {
  const r = await db
    .updateTable('clinic_sessions')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from as Array<ClinicSessionsTable['status']>)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export function lockSession(db: Kdb, id: number) {
  return db
    .selectFrom('clinic_sessions')
    .select(['id', 'status', 'org_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The next bookable times for someone who lost a race or found a session full: free slots
 * of this session first, then the next sessions of the same expert (or department). A
 * fragment over the session's id, expert and department, so the booking preflight can embed it.
 */
export function nextFreeSql(
  id: RawBuilder<number> | number,
  expertId: RawBuilder<number | null> | number | null,
  departmentId: RawBuilder<number> | number,
  countyId: number,
  referred: boolean,
  limit = 5,
) {
  return sql<NextFree>`
    SELECT sl.session_id, sl.id AS slot_id, sl.starts_at, e.name AS expert_name, o.name AS org_name, d.name AS department_name
    FROM clinic_slots sl
    JOIN clinic_sessions s ON s.id = sl.session_id
    JOIN orgs o ON o.id = s.org_id
    JOIN departments d ON d.id = s.department_id
    LEFT JOIN experts e ON e.id = s.expert_id
    WHERE s.county_id = ${countyId} AND s.status = 'published' AND sl.ends_at > now()
      AND (s.id = ${id} OR s.expert_id = ${expertId} OR (${expertId}::int IS NULL AND s.department_id = ${departmentId}))
      AND (${referred}::boolean OR s.release_at <= now())
      AND ${slotOpen(referred)}
    ORDER BY (s.id = ${id}) DESC, sl.starts_at, sl.id
    LIMIT ${limit}`;
}
export interface NextFree {
  session_id: number;
  slot_id: number;
  starts_at: Date | string;
  expert_name: string | null;
  org_name: string;
  department_name: string;
}

export async function nextFree(
  db: Kdb,
  s: { id: number; countyId: number; expertId: number | null; departmentId: number },
  referred: boolean,
  limit = 5,
) {
  return (await nextFreeSql(s.id, s.expertId, s.departmentId, s.countyId, referred, limit).execute(db)).rows;
}

// ---- whole-session changes: cancel and close ----

export function checkedInBooking(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_bookings')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'checked_in')
    .executeTakeFirst();
}

export function confirmedBookings(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_bookings')
    .select(['id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'confirmed')
    .execute();
}

/** every confirmed booking of the session becomes cancelled; returns whom to tell */
export function cancelConfirmedBookings(db: Kdb, sessionId: number, reason: string) {
  return db
    .updateTable('clinic_bookings')
    .set({ status: 'cancelled', cancelled_at: new Date(), cancel_reason: reason })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'confirmed')
    .returning(['id', 'resident_id', 'resident_org_id', 'org_id'])
    .execute();
}

export async function emptySlots(db: Kdb, sessionId: number) {
  await db
    .updateTable('clinic_slots')
    .set({ booked: 0, booked_referred: 0 })
    .where('session_id', '=', sessionId)
    .execute();
}

export async function completeCheckedIn(db: Kdb, sessionId: number) {
  await db
    .updateTable('clinic_bookings')
    .set({ status: 'completed' })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'checked_in')
    .execute();
}
