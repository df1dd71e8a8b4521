import type { AuditContext } from '../platform/audit.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { switchScope, withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as q from './booking.queries.ts';
import { deliver } from './notify.ts';
import * as nq from './notify.queries.ts';
import * as wq from './waitlist.queries.ts';
import type { Booker } from './booking.service.ts';
import { staffBooker, toBooking } from './booking.service.ts';
import type { BookingMessage, WaitlistCreate, WaitlistEntry } from './booking.schema.ts';
import { shanghaiLabel } from './clinic-time.ts';

/** Why places were freed, for the audit trail. */
export type PromotionTrigger = 'cancel' | 'hold_released';

/**
 * Fills freed places from the waitlist (referred first, then first come), acting for the
 * session's host org. A waiting resident who meanwhile booked directly is taken off the
 * list instead. Returns the notifications to send after commit.
 */
export async function promoteWaitlist(
  trx: Kdb,
  s: PromotionTarget,
  audit: AuditContext,
  trigger: PromotionTrigger = 'cancel',
): Promise<number[]> {
  // the waiting residents may come from orgs the caller cannot see: act for the host org
  return switchScope(trx, { userId: 0, orgIds: [s.orgId] }, async () => {
    const notifications: number[] = [];
    for (let i = 0; i < 20; i++) {
      const w = await wq.nextWaiting(trx, s.sessionId);
      if (!w) break;
      const slot = await q.takeSlot(trx, s.sessionId, null, w.referred);
      if (!slot) break;
      const inserted = await q.insertBooking(
        trx,
        {
          county_id: s.countyId,
          session_id: s.sessionId,
          slot_id: slot.id,
          org_id: s.orgId,
          resident_id: w.resident_id,
          resident_org_id: w.resident_org_id,
          resident_name: w.resident_name,
          resident_birth_date: w.resident_birth_date,
          status: 'confirmed',
          channel: 'waitlist',
          referred: w.referred,
        },
        'skip',
      );
      if (!inserted) {
        await q.releaseSlot(trx, slot.id, w.referred);
        await wq.endEntry(trx, w.id, { status: 'cancelled' });
        continue;
      }
      await wq.endEntry(trx, w.id, { status: 'promoted', booking_id: inserted.id, promoted_at: new Date() });
      notifications.push(await tellPromoted(trx, s, w, inserted.id, slot.starts_at));
      await writeAudit(trx, audit, {
        action: 'clinic.waitlist.promote',
        resource: 'clinic_booking',
        resourceId: inserted.id,
        residentId: w.resident_id,
        detail: { waitlistId: w.id, slotId: slot.id, trigger },
      });
      await publish(trx, {
        topic: 'clinic.booking.created',
        countyId: s.countyId,
        orgIds: [s.orgId],
        data: { sessionId: s.sessionId, slotId: slot.id },
      });
    }
    return notifications;
  });
}

interface PromotionTarget {
  sessionId: number;
  orgId: number;
  countyId: number;
}
type Waiting = NonNullable<Awaited<ReturnType<typeof wq.nextWaiting>>>;

async function tellPromoted(
  trx: Kdb,
  s: PromotionTarget,
  w: Waiting,
  bookingId: number,
  startsAt: Date,
): Promise<number> {
  const row = await q.findById(trx, bookingId);
  const who = row?.expert_name ? `${row.expert_name}专家` : (row?.department_name ?? '');
  const [n] = await nq.insertNotifications(trx, [
    {
      county_id: s.countyId,
      org_id: s.orgId,
      resident_id: w.resident_id,
      resident_org_id: w.resident_org_id,
      booking_id: bookingId,
      kind: 'waitlist_promoted',
      message: `【医共体】您候补的${who}门诊已为您预约成功：${shanghaiLabel(new Date(startsAt))}，${row?.org_name ?? ''}${row?.room ?? ''}诊室。如不能就诊请提前取消。`,
    },
  ]);
  return n.id;
}

const schedulerAudit = (countyId: number, orgId: number): AuditContext => ({
  userId: null,
  username: 'system',
  role: null,
  orgId,
  countyId,
  requestId: 'clinic-scheduler',
  ip: '127.0.0.1',
});

/**
 * The scheduler's hold pass for one county: once a session's hold is over, the held places
 * no referred patient took go to the waitlist, exactly as a cancelled place does. One
 * transaction per session under its advisory lock; a session another process is promoting
 * is skipped (the next run finds it again if anything is left). A cancellation takes the
 * same lock before any row lock (lockSessionOfBooking), so the two promote one after the
 * other in waitlist order and cannot deadlock.
 */
export async function releaseHolds(
  db: Kdb,
  scope: { countyId: number; orgIds: readonly number[] },
  now: Date,
): Promise<number> {
  const sessions = await withScope(db, { userId: 0, orgIds: scope.orgIds }, (trx) =>
    wq.releasedHoldSessions(trx, scope.countyId, now),
  );
  let promoted = 0;
  for (const s of sessions) {
    const ids = await db.transaction().execute(async (trx) => {
      if (!(await wq.tryLockSession(trx, s.id))) return [];
      return promoteWaitlist(
        trx,
        { sessionId: s.id, orgId: s.org_id, countyId: s.county_id },
        schedulerAudit(s.county_id, s.org_id),
        'hold_released',
      );
    });
    promoted += ids.length;
    await deliver(db, s.org_id, ids, now);
  }
  return promoted;
}

function toEntry(w: Awaited<ReturnType<typeof wq.waitlistBySession>>[number], position: number | null): WaitlistEntry {
  return {
    id: w.id,
    sessionId: w.session_id,
    residentId: w.resident_id,
    residentName: w.resident_name,
    referred: w.referred,
    status: w.status,
    position,
    createdAt: new Date(w.created_at).toISOString(),
    bookingId: w.booking_id,
  };
}

/** Joins the waitlist of a full session; only a full session has one. */
export async function join(db: Kdb, booker: Booker, input: WaitlistCreate): Promise<WaitlistEntry> {
  if (booker.channel === 'self' && input.referred)
    throw new AppError(400, 'REFERRAL_BY_STAFF', '转诊候补由转诊中心代为登记', 'referred');
  if (booker.residentId !== undefined && booker.residentId !== input.residentId) throw notFound('居民');
  const pre = await q.preflight(db, {
    countyId: booker.countyId,
    sessionId: input.sessionId,
    slotId: null,
    referred: input.referred,
    owner: '',
    key: '',
  });
  if (!pre || pre.id === null) throw notFound('门诊安排');
  if (pre.status !== 'published' || new Date(pre.ends_at).getTime() <= Date.now())
    throw conflict('SESSION_NOT_OPEN', '该门诊不接受候补');
  if (!input.referred && new Date(pre.release_at).getTime() > Date.now())
    throw conflict('NOT_RELEASED', `号源将于 ${shanghaiLabel(new Date(pre.release_at))} 开放预约`);
  if (pre.has_free) throw conflict('SLOTS_AVAILABLE', '本次门诊还有空余号源，请直接预约');
  const sessionId = pre.id;
  try {
    return await withScope(db, { userId: booker.userId, orgIds: booker.orgIds }, async (trx) => {
      const resident = await q.residentForBooking(trx, input.residentId);
      if (!resident) throw notFound('居民');
      if (booker.channel === 'self' && (await q.suspendedUntil(trx, resident.id)))
        throw new AppError(403, 'SELF_BOOKING_SUSPENDED', '因多次预约未就诊，自助预约已暂停，请联系村医或到窗口预约');
      const active = await wq.activeBookingOf(trx, sessionId, resident.id);
      if (active) throw conflict('ALREADY_BOOKED', '该居民已预约本次门诊，无需候补');
      const w = await wq.insertEntry(trx, {
        county_id: booker.countyId,
        session_id: sessionId,
        org_id: pre.org_id,
        resident_id: resident.id,
        resident_org_id: resident.org_id,
        resident_name: resident.name,
        resident_birth_date: resident.birth_date,
        referred: input.referred,
        status: 'waiting',
        channel: booker.channel,
      });
      await writeAudit(trx, booker.audit, {
        action: 'clinic.waitlist.join',
        resource: 'clinic_waitlist',
        resourceId: w.id,
        residentId: resident.id,
        detail: { sessionId: pre.id },
      });
      return toEntry(w, await wq.waitingPosition(trx, w.id));
    });
  } catch (err) {
    if (isUniqueViolation(err, 'clinic_waitlist_one'))
      throw conflict('ALREADY_WAITING', '该居民已在本次门诊的候补名单中');
    throw err;
  }
}

export async function leave(db: Kdb, booker: Booker, id: number): Promise<WaitlistEntry> {
  return withScope(db, { userId: booker.userId, orgIds: booker.orgIds }, async (trx) => {
    const w = await wq.lockEntry(trx, id);
    if (!w || (booker.residentId !== undefined && w.resident_id !== booker.residentId)) throw notFound('候补');
    const updated = w.status === 'waiting' ? await wq.endEntry(trx, id, { status: 'cancelled' }) : undefined;
    if (!updated) throw conflict('INVALID_STATE', '该候补已结束，无需取消', { status: w.status });
    await writeAudit(trx, booker.audit, {
      action: 'clinic.waitlist.leave',
      resource: 'clinic_waitlist',
      resourceId: id,
      residentId: w.resident_id,
    });
    return toEntry(updated, null);
  });
}

export const joinAsStaff = (ctx: Ctx, input: WaitlistCreate) => join(ctx.db, staffBooker(ctx), input);
export const leaveAsStaff = (ctx: Ctx, id: number) => leave(ctx.db, staffBooker(ctx), id);

function toMessage(n: Awaited<ReturnType<typeof nq.bySession>>[number]): BookingMessage {
  return {
    id: n.id,
    bookingId: n.booking_id,
    residentId: n.resident_id,
    kind: n.kind,
    attempts: n.attempts,
    lastError: n.last_error,
    status: n.sent_at ? 'sent' : n.failed_at ? 'failed' : 'pending',
    createdAt: new Date(n.created_at).toISOString(),
    sentAt: n.sent_at ? new Date(n.sent_at).toISOString() : null,
  };
}

/** The host's list for a session: bookings, waitlist and the messages sent about them, read under RLS and audited. */
export async function sessionList(ctx: Ctx, sessionId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const session = await wq.sessionInCounty(trx, ctx.actor.countyId, sessionId);
    if (!session) throw notFound('门诊安排');
    const [bookings, waitlist, messages] = await Promise.all([
      q.bySession(trx, sessionId),
      wq.waitlistBySession(trx, sessionId),
      nq.bySession(trx, sessionId),
    ]);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.booking.list',
      resource: 'clinic_session',
      resourceId: sessionId,
      detail: { bookings: bookings.length, waitlist: waitlist.length },
    });
    let position = 0;
    return {
      bookings: bookings.map(toBooking),
      waitlist: waitlist.map((w) => toEntry(w, w.status === 'waiting' ? ++position : null)),
      messages: messages.map(toMessage),
    };
  });
}
