import { sql, type Insertable, type Updateable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { HisMessageStatus, HisMessagesTable, HisSendersTable } from './his.tables.ts';

// ---- senders ----

export function senderByFacility(db: Kdb, facility: string) {
  return db.selectFrom('his_senders').selectAll().where('facility', '=', facility).executeTakeFirst();
}

export type SenderRow = NonNullable<Awaited<ReturnType<typeof senderByFacility>>>;

export function senderById(db: Kdb, id: number) {
  return db.selectFrom('his_senders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function senderCounties(db: Kdb) {
  return db.selectFrom('his_senders').select('county_id').distinct().execute();
}

export function insertSender(db: Kdb, values: Insertable<HisSendersTable>) {
  return db.insertInto('his_senders').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateSender(db: Kdb, id: number, values: Updateable<HisSendersTable>) {
  return db.updateTable('his_senders').set(values).where('id', '=', id).returningAll().executeTakeFirst();
}

/** per sender: counts today (Asia/Shanghai) and in all, last message, lag of the last hour */
export function senderStats(db: Kdb, countyId: number, dayStart: Date) {
  return db
    .selectFrom('his_senders as s')
    .leftJoin('his_messages as m', 'm.sender_id', 's.id')
    .select([
      's.id',
      's.facility',
      's.name',
      's.org_id',
      's.active',
      sql<number>`count(m.id) FILTER (WHERE m.received_at >= ${dayStart})::int`.as('today'),
      sql<number>`count(m.id)::int`.as('received'),
      sql<number>`count(m.id) FILTER (WHERE m.status = 'applied')::int`.as('applied'),
      sql<number>`count(m.id) FILTER (WHERE m.status = 'held')::int`.as('held'),
      sql<number>`count(m.id) FILTER (WHERE m.status = 'error')::int`.as('error'),
      sql<number>`count(m.id) FILTER (WHERE m.status = 'duplicate')::int`.as('duplicates'),
      sql<Date | null>`max(m.received_at)`.as('last_received_at'),
      sql<
        number | null
      >`(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM m.received_at - m.sent_at)) FILTER (WHERE m.received_at >= ${dayStart} AND m.sent_at IS NOT NULL))::float8`.as(
        'median_lag_seconds',
      ),
      sql<
        number | null
      >`(max(extract(epoch FROM m.received_at - m.sent_at)) FILTER (WHERE m.received_at >= ${dayStart}))::float8`.as(
        'max_lag_seconds',
      ),
    ])
    .where('s.county_id', '=', countyId)
    .groupBy('s.id')
    .orderBy('s.facility')
    .execute();
}

/** messages that no registered sender could be named for (unknown MSH-4, unparseable header) */
export function unattributedCounts(db: Kdb) {
  return db
    .selectFrom('his_messages')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`max(received_at)`.as('last')])
    .where('sender_id', 'is', null)
    .executeTakeFirstOrThrow();
}

// ---- messages ----

/** The original (first stored) message with this key, or nothing. */
export function originalByKey(db: Kdb, facility: string, controlId: string) {
  return db
    .selectFrom('his_messages')
    .select(['id', 'status', 'ack', 'ack_code'])
    .where('facility', '=', facility)
    .where('control_id', '=', controlId)
    .where('status', '<>', 'duplicate')
    .executeTakeFirst();
}

/** Stores a message as received; undefined when its (facility, control id) is already stored (a resend). */
/**
 * Stores a message already settled, in one statement: the row's id comes from the identity
 * sequence first, so the ACK (built with ACK_ID_SLOT where its own control id goes) can name
 * it. Skipped when the (facility, control id) already has an original: undefined, a resend.
 */
export async function insertSettled(
  db: Kdb,
  values: Insertable<HisMessagesTable> & { ack: string },
): Promise<{ id: number; ack: string } | undefined> {
  const { ack, ...rest } = values;
  const cols = Object.keys(rest) as Array<keyof typeof rest>;
  const { rows } = await sql<{ id: number; ack: string }>`
    WITH n AS (SELECT nextval('his_messages_id_seq') AS id)
    INSERT INTO his_messages (id, ack, ${sql.join(cols.map((c) => sql.ref(c)))})
    SELECT n.id, replace(${ack}, ${ACK_ID_SLOT}, 'OC' || n.id), ${sql.join(cols.map((c) => sql`${rest[c]}`))}
    FROM n
    ON CONFLICT (facility, control_id) WHERE status <> 'duplicate' DO NOTHING
    RETURNING id, ack`.execute(db);
  return rows[0];
}

/** where an ACK built before its row exists carries the row's id (see insertSettled) */
export const ACK_ID_SLOT = '\u0001ACKID\u0001';

export function insertMessage(db: Kdb, values: Insertable<HisMessagesTable>) {
  return db.insertInto('his_messages').values(values).returning(['id']).executeTakeFirstOrThrow();
}

/** The one way a stored message changes state: only from the state it was read in. */
export function settle(
  db: Kdb,
  id: number,
  from: readonly HisMessageStatus[],
  values: Updateable<HisMessagesTable>,
): Promise<{ id: number } | undefined> {
  return db
    .updateTable('his_messages')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(['id'])
    .executeTakeFirst();
}

export function lockMessage(db: Kdb, id: number) {
  return db.selectFrom('his_messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type MessageRow = NonNullable<Awaited<ReturnType<typeof lockMessage>>>;

export function messageById(db: Kdb, id: number) {
  return db.selectFrom('his_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MessageFilter {
  status?: HisMessageStatus;
  senderId?: number;
  type?: string;
  q?: string;
}

export function messages(db: Kdb, f: MessageFilter) {
  let q = db
    .selectFrom('his_messages as m')
    .leftJoin('his_senders as s', 's.id', 'm.sender_id')
    .select([
      'm.id',
      'm.sender_id',
      's.name as sender_name',
      'm.facility',
      'm.control_id',
      'm.message_type',
      'm.channel',
      'm.sent_at',
      'm.received_at',
      'm.status',
      'm.error_code',
      'm.error_text',
      'm.resident_id',
      'm.external_number',
      'm.ack_code',
      'm.attempts',
      'm.duplicate_of',
    ]);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.senderId) q = q.where('m.sender_id', '=', f.senderId);
  if (f.type) q = q.where('m.message_type', '=', f.type);
  if (f.q) {
    const term = f.q;
    q = q.where((eb) => eb.or([eb('m.control_id', '=', term), eb('m.external_number', '=', term)]));
  }
  return q;
}

/** held and error messages, oldest first: replay order is arrival order (an A01 before its A02) */
export function replayable(db: Kdb, ids: readonly number[] | null, limit: number) {
  let q = db
    .selectFrom('his_messages')
    .select(['id'])
    .where('status', 'in', ['held', 'error'])
    .orderBy('id')
    .limit(limit);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  return q.execute();
}
