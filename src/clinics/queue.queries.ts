import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ClinicQueueTicketsTable, ClinicScreensTable } from './clinics.tables.ts';

/** The queue order, documented once: priority tier (0 emergency, 1 referred / 80+, 2 others), then check-in time. */
export const QUEUE_ORDER = ['priority', 'checked_in_at', 'id'] as const;

export async function nextNumber(db: Kdb, sessionId: number): Promise<number> {
  const r = await db
    .updateTable('clinic_sessions')
    .set({ queue_seq: sql`queue_seq + 1` })
    .where('id', '=', sessionId)
    .returning('queue_seq')
    .executeTakeFirstOrThrow();
  return r.queue_seq;
}

export function insertTicket(db: Kdb, values: Insertable<ClinicQueueTicketsTable>) {
  return db.insertInto('clinic_queue_tickets').values(values).returningAll().executeTakeFirstOrThrow();
}

function base(db: Kdb) {
  return db
    .selectFrom('clinic_queue_tickets as t')
    .innerJoin('clinic_bookings as b', 'b.id', 't.booking_id')
    .select([
      't.id',
      't.session_id',
      't.booking_id',
      't.number',
      'b.resident_name',
      't.masked_name',
      't.priority',
      't.priority_reason',
      't.status',
      't.room',
      't.checked_in_at',
      't.called_at',
      't.call_count',
      't.org_id',
      't.county_id',
      't.department_id',
      't.resident_id',
    ]);
}
export type TicketRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function bySession(db: Kdb, sessionId: number) {
  return base(db)
    .where('t.session_id', '=', sessionId)
    .orderBy('t.priority')
    .orderBy('t.checked_in_at')
    .orderBy('t.id')
    .execute();
}

export function findById(db: Kdb, id: number) {
  return base(db).where('t.id', '=', id).executeTakeFirst();
}

export function lockById(db: Kdb, id: number) {
  return db.selectFrom('clinic_queue_tickets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockCalled(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_queue_tickets')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'called')
    .forUpdate()
    .executeTakeFirst();
}

export function lockNextWaiting(db: Kdb, sessionId: number) {
  return db
    .selectFrom('clinic_queue_tickets')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('priority')
    .orderBy('checked_in_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function setStatus(
  db: Kdb,
  id: number,
  from: ClinicQueueTicketsTable['status'],
  set: Pick<Updateable<ClinicQueueTicketsTable>, 'status' | 'called_at' | 'finished_at' | 'checked_in_at'> & {
    bumpCall?: boolean;
  },
) {
  const { bumpCall, ...values } = set;
  const r = await db
    .updateTable('clinic_queue_tickets')
    .set(bumpCall ? { ...values, call_count: sql<number>`call_count + 1` } : values)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

// ---- public views: SECURITY-neutral reads of tickets by the screen's/ticket's own org ----

/** today's sessions of a department with their queues, for a screen */
export function boardRows(db: Kdb, departmentId: number, date: string) {
  return (
    db
      .selectFrom('clinic_sessions as s')
      .leftJoin('experts as e', 'e.id', 's.expert_id')
      .select(['s.id', 's.room', 's.doctor_name', 'e.name as expert_name', 'e.title as expert_title', 's.starts_at'])
      .where('s.department_id', '=', departmentId)
      .where('s.status', 'in', ['published', 'closed'])
      // today's sessions, and one starting within three hours (a session just after midnight)
      .where((eb) =>
        eb.or([
          eb('s.session_date', '=', date),
          eb.and([
            eb('s.starts_at', '<', sql<Date>`now() + interval '3 hours'`),
            eb('s.ends_at', '>', sql<Date>`now()`),
          ]),
        ]),
      )
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute()
  );
}

export function publicTickets(db: Kdb, sessionIds: number[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clinic_queue_tickets')
    .select([
      'id',
      'session_id',
      'number',
      'masked_name',
      'priority',
      'status',
      'called_at',
      'call_count',
      'room',
      'checked_in_at',
    ])
    .where('session_id', 'in', sessionIds)
    .where('status', 'in', ['waiting', 'called'])
    .orderBy('priority')
    .orderBy('checked_in_at')
    .orderBy('id')
    .execute();
}

export async function ticketOrg(db: Kdb, tokenHash: string): Promise<number | null> {
  const { rows } = await sql<{ org_id: number | null }>`SELECT clinic_ticket_org(${tokenHash}) AS org_id`.execute(db);
  return rows[0]?.org_id ?? null;
}

export function ticketByToken(db: Kdb, tokenHash: string) {
  return db
    .selectFrom('clinic_queue_tickets as t')
    .innerJoin('clinic_sessions as s', 's.id', 't.session_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('experts as e', 'e.id', 's.expert_id')
    .select([
      't.id',
      't.session_id',
      't.number',
      't.masked_name',
      't.status',
      't.priority',
      't.checked_in_at',
      't.room',
      't.org_id',
      't.county_id',
      'o.name as org_name',
      'd.name as department_name',
      'e.name as expert_name',
      's.doctor_name',
      's.starts_at',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** average minutes between calls today in this session, when there are enough calls to say */
export async function observedMinutesPerPatient(db: Kdb, sessionId: number): Promise<number | null> {
  const { rows } = await sql<{ m: number | null; n: number }>`
    SELECT EXTRACT(EPOCH FROM (max(called_at) - min(called_at))) / 60 / NULLIF(count(*) - 1, 0) AS m, count(*)::int AS n
    FROM clinic_queue_tickets WHERE session_id = ${sessionId} AND called_at IS NOT NULL`.execute(db);
  const r = rows[0];
  return r && r.n >= 4 && r.m !== null ? Math.max(1, Math.round(Number(r.m))) : null;
}

export function screenByToken(db: Kdb, tokenHash: string) {
  return db
    .selectFrom('clinic_screens as sc')
    .innerJoin('orgs as o', 'o.id', 'sc.org_id')
    .innerJoin('departments as d', 'd.id', 'sc.department_id')
    .select([
      'sc.id',
      'sc.name',
      'sc.org_id',
      'sc.county_id',
      'sc.department_id',
      'o.name as org_name',
      'd.name as department_name',
    ])
    .where('sc.token_hash', '=', tokenHash)
    .where('sc.active', '=', true)
    .executeTakeFirst();
}

export function screens(db: Kdb, orgIds: readonly number[]) {
  return db
    .selectFrom('clinic_screens as sc')
    .innerJoin('orgs as o', 'o.id', 'sc.org_id')
    .innerJoin('departments as d', 'd.id', 'sc.department_id')
    .select([
      'sc.id',
      'sc.name',
      'sc.org_id',
      'o.name as org_name',
      'sc.department_id',
      'd.name as department_name',
      'sc.active',
      'sc.created_at',
    ])
    .where('sc.org_id', 'in', orgIds.length ? [...orgIds] : [0])
    .orderBy('sc.org_id')
    .orderBy('sc.id')
    .execute();
}

/** the session fields the queue needs (check-in window, room, host org) */
export function sessionForQueue(db: Kdb, id: number) {
  return db
    .selectFrom('clinic_sessions')
    .select(['id', 'org_id', 'department_id', 'county_id', 'room', 'status', 'session_date', 'starts_at', 'ends_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertScreen(db: Kdb, values: Insertable<ClinicScreensTable>) {
  return db.insertInto('clinic_screens').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function setScreenToken(db: Kdb, id: number, tokenHash: string) {
  await db.updateTable('clinic_screens').set({ token_hash: tokenHash }).where('id', '=', id).execute();
}
