import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ClinicWaitlistTable } from './clinics.tables.ts';

export function nextWaiting(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_waitlist')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('referred', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export function waitlistBySession(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_waitlist')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('status')
    .orderBy('referred', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function waitingOfResident(db: Kdb, residentId: number) {
  return db
    .selectFrom('clinic_waitlist')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('status', '=', 'waiting')
    .execute();
}

export async function waitingPosition(db: Kdb, entryId: number): Promise<number | null> {
  const { rows } = await sql<{ n: number }>`SELECT clinic_waitlist_position(${entryId}) AS n`.execute(db);
  return rows[0]?.n ? Number(rows[0].n) : null;
}

export function insertEntry(db: Kdb, values: Insertable<ClinicWaitlistTable>) {
  return db.insertInto('clinic_waitlist').values(values).returningAll().executeTakeFirstOrThrow();
}

export function lockEntry(db: Kdb, id: number) {
  return db.selectFrom('clinic_waitlist').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** waiting → cancelled / promoted, only from waiting */
export function endEntry(
  db: Kdb,
  id: number,
  set: { status: 'cancelled' } | { status: 'promoted'; booking_id: number; promoted_at: Date },
) {
  return db
    .updateTable('clinic_waitlist')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .returningAll()
    .executeTakeFirst();
}

export async function expireSession(db: Kdb, sessionId: number) {
  await db
    .updateTable('clinic_waitlist')
    .set({ status: 'expired' })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .execute();
}

export function activeBookingOf(db: Kdb, sessionId: number, residentId: number) {
  return db
    .selectFrom('clinic_bookings')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('resident_id', '=', residentId)
    .where('status', 'in', ['confirmed', 'checked_in'])
    .executeTakeFirst();
}

export function sessionInCounty(db: Kdb, countyId: number, id: number) {
  return db
    .selectFrom('clinic_sessions')
    .select(['id'])
    .where('id', '=', id)
    .where('county_id', '=', countyId)
    .executeTakeFirst();
}

// ---- the clinic scheduler ----

/** Every county with its orgs: the scheduler acts as the system user across one county at a time. */
export function countyScopes(db: Kdb) {
  return db
    .selectFrom('orgs')
    .select(['county_id', sql<number[]>`array_agg(id ORDER BY id)`.as('org_ids')])
    .groupBy('county_id')
    .orderBy('county_id')
    .execute();
}

/**
 * Sessions where someone waits and a place is free now that the hold is over: held places
 * no referred patient took became free for everyone. A session stays a candidate only while
 * both hold, so running the scheduler again finds nothing new.
 */
export function releasedHoldSessions(db: Kdb, countyId: number, now: Date) {
  return db
    .selectFrom('clinic_sessions as s')
    .select(['s.id', 's.org_id', 's.county_id'])
    .where('s.county_id', '=', countyId)
    .where('s.status', '=', 'published')
    .where('s.hold_until', '<=', now)
    .where('s.ends_at', '>', now)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('clinic_waitlist as w')
          .select('w.id')
          .whereRef('w.session_id', '=', 's.id')
          .where('w.status', '=', 'waiting'),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('clinic_slots as sl')
          .select('sl.id')
          .whereRef('sl.session_id', '=', 's.id')
          .where('sl.ends_at', '>', now)
          .whereRef('sl.booked', '<', 'sl.capacity'),
      ),
    )
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(200)
    .execute();
}

/**
 * One promoter per session across processes, held to the end of the transaction. Without
 * it two schedulers skip each other's locked waiting rows (SKIP LOCKED) and the second in
 * line could take the one free place from the first.
 */
export async function tryLockSession(db: Kdb, sessionId: number): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`SELECT pg_try_advisory_xact_lock(hashtext('clinic.waitlist'), ${sessionId}) AS ok`.execute(db);
  return rows[0]?.ok === true;
}

/**
 * A cancellation waits for the same per-session lock, taken as its first lock of all (before
 * the booking's and the slot's rows), so it never holds a row a scheduler needs while
 * waiting. Returns false when the booking is not visible.
 */
export async function lockSessionOfBooking(db: Kdb, bookingId: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    SELECT b.id FROM clinic_bookings b, LATERAL pg_advisory_xact_lock(hashtext('clinic.waitlist'), b.session_id) l WHERE b.id = ${bookingId}`.execute(
    db,
  );
  return rows.length > 0;
}
