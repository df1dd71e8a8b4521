import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ClinicBookingsTable } from './clinics.tables.ts';
import { batcherPerDb } from '../platform/batch.ts';
import { slotOpen, slotOpenFor } from './session.queries.ts';

export interface PreflightInput {
  countyId: number;
  sessionId: number;
  slotId: number | null;
  referred: boolean;
  owner: string;
  key: string;
}
export interface Preflight {
  replay_id: number | null;
  replay_hash: string | null;
  id: number | null;
  org_id: number;
  department_id: number;
  expert_id: number | null;
  status: string;
  release_at: Date;
  ends_at: Date;
  has_free: boolean;
  /** what a booking's answer shows about its session, read here once per batch rather than per booking */
  session_date: string;
  room: string;
  doctor_name: string | null;
  expert_name: string | null;
  org_name: string;
  department_name: string;
}

/**
 * Everything a booking request needs before any transaction: an earlier request with the
 * same Idempotency-Key, the session, and whether any slot is open for this caller. A full
 * session is answered from this alone. In a rush every loser asks this at once, so the
 * requests that arrive together share one statement (one row per request, the free-slot
 * check once per distinct session/slot/referred).
 */
export const preflight = batcherPerDb(
  async (db: Kdb, ps: readonly PreflightInput[]): Promise<Preflight[]> => {
    const { rows } = await sql<Preflight & { i: string }>`
    WITH r AS (
      SELECT * FROM unnest(${ps.map((p) => p.countyId)}::int[], ${ps.map((p) => p.sessionId)}::int[], ${ps.map((p) => p.slotId)}::int[],
        ${ps.map((p) => p.referred)}::boolean[], ${ps.map((p) => p.owner)}::text[], ${ps.map((p) => p.key)}::text[])
        WITH ORDINALITY AS r(county_id, session_id, slot_id, referred, owner, key, i)
    ), f AS (
      SELECT DISTINCT session_id, slot_id, referred FROM r
    ), free AS (
      SELECT f.session_id, f.slot_id, f.referred, EXISTS (
        SELECT 1 FROM clinic_slots sl WHERE sl.session_id = f.session_id AND sl.ends_at > now()
          AND (f.slot_id IS NULL OR sl.id = f.slot_id) AND ${slotOpenFor(sql.ref('f.referred'))}) AS has_free
      FROM f
    )
    SELECT r.i, k.id AS replay_id, k.request_hash AS replay_hash, s.id, s.org_id, s.department_id, s.expert_id, s.status, s.release_at, s.ends_at,
      coalesce(free.has_free, false) AS has_free, s.session_date, s.room, s.doctor_name, e.name AS expert_name, o.name AS org_name, d.name AS department_name
    FROM r
    LEFT JOIN LATERAL clinic_booking_by_key(r.owner, r.key) k ON true
    LEFT JOIN clinic_sessions s ON s.id = r.session_id AND s.county_id = r.county_id
    LEFT JOIN orgs o ON o.id = s.org_id
    LEFT JOIN departments d ON d.id = s.department_id
    LEFT JOIN experts e ON e.id = s.expert_id
    LEFT JOIN free ON free.session_id = r.session_id AND free.slot_id IS NOT DISTINCT FROM r.slot_id AND free.referred = r.referred
    ORDER BY r.i`.execute(db);
    return rows;
  },
  { maxInFlight: 2 },
);

/**
 * Takes one place in a slot, or nothing. The conditional UPDATE is the capacity rule; the
 * CHECK (booked <= capacity) behind it is the last wall. First try the earliest open slot
 * nobody is writing (SKIP LOCKED: bookers spread over slots instead of queueing on one);
 * if all open slots are busy, wait for the earliest (a writer may roll back).
 */
export async function takeSlot(db: Kdb, sessionId: number, slotId: number | null, referred: boolean) {
  for (const skip of slotId === null ? [true, false] : [false]) {
    const { rows } = await sql<{ id: number; starts_at: Date; ends_at: Date }>`
      UPDATE clinic_slots sl SET booked = sl.booked + 1, booked_referred = sl.booked_referred + ${referred ? 1 : 0}
      WHERE sl.id = (
        SELECT sl.id FROM clinic_slots sl
        WHERE sl.session_id = ${sessionId} AND sl.ends_at > now() AND (${slotId}::int IS NULL OR sl.id = ${slotId}::int) AND ${slotOpen(referred)}
        ORDER BY sl.starts_at, sl.id LIMIT 1 FOR UPDATE ${skip ? sql`SKIP LOCKED` : sql``})
        AND ${slotOpen(referred)}
      RETURNING sl.id, sl.starts_at, sl.ends_at`.execute(db);
    if (rows[0]) return rows[0];
  }
  return undefined;
}

export interface ClaimInput {
  countyId: number;
  sessionId: number;
  hostOrgId: number;
  slotId: number | null;
  residentId: number;
  referred: boolean;
  referralId: number | null;
  channel: 'staff' | 'self';
  owner: string;
  key: string;
  hash: string;
  staffId: number | null;
}
export interface Claim {
  session_open: boolean;
  resident_id: number | null;
  resident_name: string | null;
  deceased: boolean;
  suspended_until: Date | null;
  booking_id: number | null;
  slot_id: number | null;
  slot_starts_at: Date | null;
  slot_ends_at: Date | null;
  created_at: Date | null;
}

/**
 * A booking in one statement: the session still published (KEY SHARE: a session being
 * cancelled, which holds its row FOR UPDATE, makes this wait and then see it cancelled, so no
 * booking slips into a cancelled session), the resident (visible under RLS), a self-service suspension,
 * one place in the earliest open slot (the conditional UPDATE, as in takeSlot) and the
 * booking row. A place is only taken for a living, visible, unsuspended resident, so the
 * caller can still answer each refusal precisely; the unique indexes abort the statement
 * (and so the whole claim) on a second active booking or a reused key. One round trip
 * instead of four keeps a rush's transactions short.
 */
export async function claimPlace(db: Kdb, c: ClaimInput): Promise<Claim> {
  const attempt = async (skip: boolean) =>
    (
      await sql<Claim>`
      WITH sess AS (
        SELECT id FROM clinic_sessions WHERE id = ${c.sessionId} AND status = 'published' FOR KEY SHARE
      ), r AS (
        SELECT id, org_id, name, birth_date, deceased_on IS NOT NULL AS deceased FROM residents WHERE id = ${c.residentId}
      ), susp AS (
        SELECT until FROM clinic_suspensions WHERE resident_id = ${c.residentId} AND until > now() AND ${c.channel === 'self'}::boolean
      ), pick AS (
        SELECT sl.id FROM clinic_slots sl
        WHERE sl.session_id = ${c.sessionId} AND sl.ends_at > now() AND (${c.slotId}::int IS NULL OR sl.id = ${c.slotId}::int) AND ${slotOpen(c.referred)}
          AND EXISTS (SELECT 1 FROM sess) AND EXISTS (SELECT 1 FROM r WHERE NOT r.deceased) AND NOT EXISTS (SELECT 1 FROM susp)
        ORDER BY sl.starts_at, sl.id LIMIT 1 FOR UPDATE ${skip ? sql`SKIP LOCKED` : sql``}
      ), taken AS (
        UPDATE clinic_slots sl SET booked = sl.booked + 1, booked_referred = sl.booked_referred + ${c.referred ? 1 : 0}
        FROM pick WHERE sl.id = pick.id AND ${slotOpen(c.referred)}
        RETURNING sl.id, sl.starts_at, sl.ends_at
      ), booked AS (
        INSERT INTO clinic_bookings (county_id, session_id, slot_id, org_id, resident_id, resident_org_id, resident_name, resident_birth_date,
          status, channel, referred, referral_id, idempotency_owner, idempotency_key, request_hash, created_by)
        SELECT ${c.countyId}, ${c.sessionId}, taken.id, ${c.hostOrgId}, r.id, r.org_id, r.name, r.birth_date,
          'confirmed', ${c.channel}, ${c.referred}, ${c.referralId}, ${c.owner}, ${c.key}, ${c.hash}, ${c.staffId}
        FROM taken, r
        RETURNING id, slot_id, created_at
      )
      SELECT EXISTS (SELECT 1 FROM sess) AS session_open, r.id AS resident_id, r.name AS resident_name, coalesce(r.deceased, false) AS deceased,
        (SELECT until FROM susp) AS suspended_until, b.id AS booking_id, b.slot_id, t.starts_at AS slot_starts_at, t.ends_at AS slot_ends_at, b.created_at
      FROM (SELECT 1) one LEFT JOIN r ON true LEFT JOIN booked b ON true LEFT JOIN taken t ON t.id = b.slot_id`.execute(
        db,
      )
    ).rows[0];
  const first = await attempt(c.slotId === null);
  const noPlace =
    first.session_open &&
    first.booking_id === null &&
    first.resident_id !== null &&
    !first.deceased &&
    !first.suspended_until;
  // every open slot was being written by someone else: wait for the earliest (its writer may roll back)
  return noPlace && c.slotId === null ? attempt(false) : first;
}

export async function releaseSlot(db: Kdb, slotId: number, referred: boolean) {
  await sql`UPDATE clinic_slots SET booked = booked - 1, booked_referred = booked_referred - ${referred ? 1 : 0} WHERE id = ${slotId}`.execute(
    db,
  );
}

export function residentForBooking(db: Kdb, id: number) {
  return db
    .selectFrom('residents')
    .select(['id', 'org_id', 'county_id', 'name', 'birth_date', 'deceased_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function suspendedUntil(db: Kdb, residentId: number): Promise<Date | null> {
  const r = await db
    .selectFrom('clinic_suspensions')
    .select('until')
    .where('resident_id', '=', residentId)
    .where('until', '>', new Date())
    .executeTakeFirst();
  return r ? new Date(r.until) : null;
}

/** Inserts unless the resident already holds an active booking for the session (then undefined). */
export async function insertBooking(
  db: Kdb,
  values: Insertable<ClinicBookingsTable>,
  onDuplicate: 'fail' | 'skip' = 'fail',
) {
  let q = db.insertInto('clinic_bookings').values(values);
  if (onDuplicate === 'skip') {
    q = q.onConflict((oc) =>
      oc.columns(['session_id', 'resident_id']).where('status', 'in', ['confirmed', 'checked_in']).doNothing(),
    );
  }
  return q.returning(['id', 'created_at']).executeTakeFirst();
}

function base(db: Kdb) {
  return db
    .selectFrom('clinic_bookings as b')
    .innerJoin('clinic_slots as sl', 'sl.id', 'b.slot_id')
    .innerJoin('clinic_sessions as s', 's.id', 'b.session_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('experts as e', 'e.id', 's.expert_id')
    .leftJoin('clinic_queue_tickets as t', 't.booking_id', 'b.id')
    .select([
      'b.id',
      'b.session_id',
      'b.slot_id',
      'sl.starts_at as slot_starts_at',
      'sl.ends_at as slot_ends_at',
      'b.resident_id',
      'b.resident_name',
      'b.resident_org_id',
      'b.resident_birth_date',
      'b.status',
      'b.channel',
      'b.referred',
      'b.created_at',
      'b.cancelled_at',
      'b.cancel_reason',
      'b.org_id',
      'b.county_id',
      's.session_date',
      's.department_id',
      's.status as session_status',
      'e.name as expert_name',
      's.doctor_name',
      'o.name as org_name',
      'd.name as department_name',
      's.room',
      't.number as queue_number',
    ]);
}
export type BookingRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findById(db: Kdb, id: number) {
  return base(db).where('b.id', '=', id).executeTakeFirst();
}

export function lockById(db: Kdb, id: number) {
  return db.selectFrom('clinic_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function bySession(db: Kdb, sessionId: number) {
  return base(db).where('b.session_id', '=', sessionId).orderBy('sl.starts_at').orderBy('b.id').execute();
}

export function byResident(db: Kdb, residentId: number, limit = 50) {
  return base(db)
    .where('b.resident_id', '=', residentId)
    .orderBy('sl.starts_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}

export async function setBookingStatus(
  db: Kdb,
  id: number,
  from: ClinicBookingsTable['status'],
  set: Partial<Pick<ClinicBookingsTable, 'status' | 'cancelled_at' | 'cancel_reason' | 'no_show_at'>>,
) {
  const r = await db
    .updateTable('clinic_bookings')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function noShowCount(db: Kdb, residentId: number, days: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT clinic_no_show_count(${residentId}, ${days}) AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function suspend(db: Kdb, residentId: number, countyId: number, days: number, reason: string) {
  await sql`INSERT INTO clinic_suspensions (resident_id, county_id, until, reason) VALUES (${residentId}, ${countyId}, now() + make_interval(days => ${days}), ${reason})
    ON CONFLICT (resident_id) DO UPDATE SET until = GREATEST(clinic_suspensions.until, EXCLUDED.until), reason = EXCLUDED.reason`.execute(
    db,
  );
}

export async function setScope(db: Kdb, userId: number, orgIds: readonly number[]) {
  await sql`SELECT set_config('app.user_id', ${String(userId)}, true), set_config('app.org_ids', ${orgIds.join(',')}, true)`.execute(
    db,
  );
}

export function slotStart(db: Kdb, slotId: number) {
  return db.selectFrom('clinic_slots').select(['starts_at']).where('id', '=', slotId).executeTakeFirstOrThrow();
}
