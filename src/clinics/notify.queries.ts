import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ClinicNotificationsTable } from './clinics.tables.ts';

export function insertNotifications(db: Kdb, rows: Insertable<ClinicNotificationsTable>[]) {
  return db.insertInto('clinic_notifications').values(rows).returning('id').execute();
}

/** The one mobile number of one unsent notification (SECURITY DEFINER, past RLS on purpose). */
export async function mobileOf(db: Kdb, id: number): Promise<string | null> {
  const { rows } = await sql<{ mobile: string | null }>`SELECT clinic_notification_mobile(${id}) AS mobile`.execute(db);
  return rows[0]?.mobile ?? null;
}

/**
 * Claims one send: bumps attempts and pushes next_attempt_at back by the back-off
 * (baseMs · 2^attempts, at most capMs) in one conditional UPDATE, so another process finds
 * nothing to claim until then, and a crash mid-send is retried later. `due` is the caller's
 * clock; a first attempt (attempts = 0) is claimed without one, so the delivery right after
 * commit never depends on the app and database clocks agreeing.
 */
export function claim(db: Kdb, id: number, c: { due: Date | null; now: Date; baseMs: number; capMs: number }) {
  return db
    .updateTable('clinic_notifications')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: sql<Date>`${c.now}::timestamptz + LEAST(${c.capMs}::float8, ${c.baseMs}::float8 * power(2, attempts)) * interval '1 millisecond'`,
    }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => (c.due === null ? eb('attempts', '=', 0) : eb('next_attempt_at', '<=', c.due)))
    .returning(['id', 'message', 'attempts'])
    .executeTakeFirst();
}

export async function markSent(db: Kdb, id: number, at: Date) {
  await db
    .updateTable('clinic_notifications')
    .set({ sent_at: at, last_error: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function markFailure(db: Kdb, id: number, error: string, giveUpAt: Date | null) {
  await db
    .updateTable('clinic_notifications')
    .set({ last_error: error.slice(0, 500), failed_at: giveUpAt })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/** Unsent notifications of a county whose next attempt is due, oldest first. */
export function due(db: Kdb, countyId: number, now: Date, limit: number) {
  return db
    .selectFrom('clinic_notifications')
    .select(['id', 'org_id'])
    .where('county_id', '=', countyId)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** the messages about a session's bookings, newest first (read under the caller's RLS scope) */
export function bySession(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_notifications as n')
    .innerJoin('clinic_bookings as b', 'b.id', 'n.booking_id')
    .select([
      'n.id',
      'b.id as booking_id',
      'n.resident_id',
      'n.kind',
      'n.attempts',
      'n.last_error',
      'n.created_at',
      'n.sent_at',
      'n.failed_at',
    ])
    .where('b.session_id', '=', sessionId)
    .orderBy('n.id', 'desc')
    .execute();
}
