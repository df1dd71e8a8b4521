import type { AuditContext } from '../platform/audit.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publish, publishCommitted } from '../platform/events.ts';
import { assertSameRequest, idempotencyKey, requestHash, type Idempotent } from '../platform/idempotency.ts';
import * as q from './booking.queries.ts';
import * as wq from './waitlist.queries.ts';
import type { Booking, BookingCreate, CancelBody } from './booking.schema.ts';
import { shanghaiLabel } from './clinic-time.ts';
import { deliver } from './notify.ts';
import { nextFree, type NextFree } from './session.queries.ts';
import type { ClinicSettings } from './settings.schema.ts';
import { settingsFor } from './settings.service.ts';
import { promoteWaitlist } from './waitlist.service.ts';

/** Who is booking: a staff member for a resident, or the resident on the phone page. */
export interface Booker {
  channel: 'staff' | 'self';
  userId: number;
  staffId: number | null;
  countyId: number;
  /** the orgs whose residents this booker may book for (RLS scope) */
  orgIds: readonly number[];
  /** idempotency keys are per caller: 'staff:12', 'resident:34' */
  idemOwner: string;
  audit: AuditContext;
  /** self-service: the only resident this booker may act for */
  residentId?: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** the columns a booking's answer is made of (a full row, or one assembled right after claiming) */
type BookingFields = Pick<
  q.BookingRow,
  | 'id'
  | 'session_id'
  | 'slot_id'
  | 'slot_starts_at'
  | 'slot_ends_at'
  | 'resident_id'
  | 'resident_name'
  | 'status'
  | 'channel'
  | 'referred'
  | 'created_at'
  | 'cancelled_at'
  | 'cancel_reason'
  | 'session_date'
  | 'expert_name'
  | 'doctor_name'
  | 'org_name'
  | 'department_name'
  | 'room'
  | 'queue_number'
>;

export function toBooking(r: BookingFields): Booking {
  return {
    id: r.id,
    sessionId: r.session_id,
    slotId: r.slot_id,
    slotStartsAt: iso(r.slot_starts_at),
    slotEndsAt: iso(r.slot_ends_at),
    residentId: r.resident_id,
    residentName: r.resident_name,
    status: r.status,
    channel: r.channel,
    referred: r.referred,
    createdAt: iso(r.created_at),
    cancelledAt: r.cancelled_at ? iso(r.cancelled_at) : null,
    cancelReason: r.cancel_reason,
    sessionDate: r.session_date,
    expertName: r.expert_name,
    doctorName: r.doctor_name,
    orgName: r.org_name,
    departmentName: r.department_name,
    room: r.room,
    queueNumber: r.queue_number,
  };
}

/** the earlier request an Idempotency-Key answers, for the 422 message */
const REQUEST_NAME = '笔预约';

class SlotTaken extends Error {}

/**
 * During a rush every loser asks for the same alternatives; they are advice, not a promise
 * (booking one re-checks capacity), so each process keeps them for a second.
 */
const nextFreeCache = new Map<string, { at: number; rows: Promise<NextFree[]> }>();
function nextFreeCached(
  db: Kdb,
  s: { id: number; countyId: number; expertId: number | null; departmentId: number },
  referred: boolean,
): Promise<NextFree[]> {
  const k = `${s.id}:${referred}`;
  const hit = nextFreeCache.get(k);
  if (hit && Date.now() - hit.at < 1000) return hit.rows;
  if (nextFreeCache.size > 1000) nextFreeCache.clear();
  const rows = nextFree(db, s, referred);
  nextFreeCache.set(k, { at: Date.now(), rows });
  rows.catch(() => nextFreeCache.delete(k));
  return rows;
}

function fullConflict(next: readonly NextFree[], sessionId: number, slotWanted: boolean): AppError {
  const times = next.map(
    (n) =>
      `${shanghaiLabel(new Date(n.starts_at))}${n.session_id === sessionId ? '' : `（${n.expert_name ?? n.department_name}，${n.org_name}）`}`,
  );
  const what = slotWanted ? '该时段号源已约满' : '本次门诊号源已约满';
  const message = times.length
    ? `${what}，可改约：${times.slice(0, 3).join('、')}`
    : `${what}，近期暂无可约号源，可登记候补，有号时自动为您预约`;
  return conflict(slotWanted ? 'SLOT_FULL' : 'SESSION_FULL', message, {
    nextFree: next.map((n) => ({ sessionId: n.session_id, slotId: n.slot_id, startsAt: iso(n.starts_at) })),
  });
}

async function readBooking(db: Kdb, orgIds: readonly number[], userId: number, id: number): Promise<Booking> {
  const row = await withScope(db, { userId, orgIds }, (trx) => q.findById(trx, id));
  if (!row) throw notFound('预约');
  return toBooking(row);
}

type TakenPlace = q.Claim & {
  booking_id: number;
  resident_id: number;
  resident_name: string;
  slot_id: number;
  slot_starts_at: Date;
  slot_ends_at: Date;
  created_at: Date;
};

/** A claim that took a place: the new booking's columns are all there. */
function placeTaken(c: q.Claim): c is TakenPlace {
  return (
    c.booking_id !== null &&
    c.resident_id !== null &&
    c.resident_name !== null &&
    c.slot_id !== null &&
    c.slot_starts_at !== null &&
    c.slot_ends_at !== null &&
    c.created_at !== null
  );
}

/** Why a claim took no place, most specific first. */
function refusal(claim: q.Claim): Error {
  if (!claim.session_open) return conflict('SESSION_NOT_OPEN', '该门诊已取消或暂停预约，请选择其他门诊');
  if (claim.resident_id === null) return notFound('居民');
  if (claim.deceased) return new AppError(400, 'RESIDENT_DECEASED', '该居民已登记死亡，不能预约', 'residentId');
  if (claim.suspended_until) {
    return new AppError(
      403,
      'SELF_BOOKING_SUSPENDED',
      `因多次预约未就诊，自助预约已暂停至 ${shanghaiLabel(new Date(claim.suspended_until))}，如需就诊请联系村医或到窗口预约`,
    );
  }
  return new SlotTaken();
}

/**
 * Books one place. Order matters for a rush: an idempotent replay and a full session are
 * answered from one read without a transaction; only a request with a chance of winning
 * opens one, and inside it the slot's conditional UPDATE decides. The partial unique index
 * (one active booking per resident per session) and the idempotency index settle the rest.
 */
export async function book(
  db: Kdb,
  booker: Booker,
  input: BookingCreate,
  idemKey: string,
): Promise<Idempotent<Booking>> {
  if (booker.channel === 'self' && input.referred)
    throw new AppError(400, 'REFERRAL_BY_STAFF', '转诊预留号由转诊中心代为预约', 'referred');
  if (booker.residentId !== undefined && booker.residentId !== input.residentId) throw notFound('居民');
  const hash = requestHash(input);
  const pre = await q.preflight(db, {
    countyId: booker.countyId,
    sessionId: input.sessionId,
    slotId: input.slotId ?? null,
    referred: input.referred,
    owner: booker.idemOwner,
    key: idemKey,
  });
  const replay = async (id: number, storedHash: string | null): Promise<Idempotent<Booking>> => {
    assertSameRequest(storedHash, hash, REQUEST_NAME);
    return { result: await readBooking(db, booker.orgIds, booker.userId, id), replayed: true };
  };
  if (pre?.replay_id) return replay(pre.replay_id, pre.replay_hash);
  if (!pre || pre.id === null) throw notFound('门诊安排');
  const sessionId = pre.id;
  if (pre.status !== 'published')
    throw conflict(
      'SESSION_NOT_OPEN',
      pre.status === 'cancelled' ? '该门诊已取消，请选择其他门诊' : '该门诊暂未开放预约',
      { status: pre.status },
    );
  if (new Date(pre.ends_at).getTime() <= Date.now()) throw conflict('SESSION_OVER', '该门诊已结束，请选择其他门诊');
  if (!input.referred && new Date(pre.release_at).getTime() > Date.now()) {
    throw conflict('NOT_RELEASED', `号源将于 ${shanghaiLabel(new Date(pre.release_at))} 开放预约，请届时再来`, {
      releaseAt: iso(pre.release_at),
    });
  }
  const sessionRef = {
    id: pre.id,
    countyId: booker.countyId,
    expertId: pre.expert_id,
    departmentId: pre.department_id,
  };
  if (!pre.has_free)
    throw fullConflict(await nextFreeCached(db, sessionRef, input.referred), pre.id, input.slotId !== undefined);

  try {
    const result = await withScope(db, { userId: booker.userId, orgIds: booker.orgIds }, async (trx) => {
      const claim = await q.claimPlace(trx, {
        countyId: booker.countyId,
        sessionId,
        hostOrgId: pre.org_id,
        slotId: input.slotId ?? null,
        residentId: input.residentId,
        referred: input.referred,
        referralId: input.referralId ?? null,
        channel: booker.channel,
        owner: booker.idemOwner,
        key: idemKey,
        hash,
        staffId: booker.staffId,
      });
      if (!placeTaken(claim)) throw refusal(claim);
      await writeAudit(trx, booker.audit, {
        action: 'clinic.booking.create',
        resource: 'clinic_booking',
        resourceId: claim.booking_id,
        residentId: claim.resident_id,
        detail: { sessionId: pre.id, slotId: claim.slot_id, channel: booker.channel, referred: input.referred },
      });
      return toBooking({
        id: claim.booking_id,
        session_id: sessionId,
        slot_id: claim.slot_id,
        slot_starts_at: claim.slot_starts_at,
        slot_ends_at: claim.slot_ends_at,
        resident_id: claim.resident_id,
        resident_name: claim.resident_name,
        status: 'confirmed',
        channel: booker.channel,
        referred: input.referred,
        created_at: claim.created_at,
        cancelled_at: null,
        cancel_reason: null,
        session_date: pre.session_date,
        expert_name: pre.expert_name,
        doctor_name: pre.doctor_name,
        org_name: pre.org_name,
        department_name: pre.department_name,
        room: pre.room,
        queue_number: null,
      });
    });
    // after commit (a NOTIFY inside the transaction would serialise a rush's commits); a lost
    // event only delays live screens until they refetch, so it never fails the booking
    await publishCommitted(db, {
      topic: 'clinic.booking.created',
      countyId: booker.countyId,
      orgIds: [pre.org_id],
      data: { sessionId: pre.id, slotId: result.slotId },
    }).catch(() => undefined);
    return { result, replayed: false };
  } catch (err) {
    if (err instanceof SlotTaken)
      throw fullConflict(
        await nextFreeCached(db, sessionRef, input.referred),
        sessionRef.id,
        input.slotId !== undefined,
      );
    if (isUniqueViolation(err, 'clinic_bookings_one_active', 'clinic_bookings_idempotency')) {
      // a parallel retry of this very request may have won: that is a replay, not a conflict
      const again = await q.preflight(db, {
        countyId: booker.countyId,
        sessionId: input.sessionId,
        slotId: null,
        referred: false,
        owner: booker.idemOwner,
        key: idemKey,
      });
      if (again?.replay_id) return replay(again.replay_id, again.replay_hash);
      throw conflict('ALREADY_BOOKED', '该居民已预约本次门诊，同一门诊只能保留一个有效预约');
    }
    throw err;
  }
}

export function staffBooker(ctx: Ctx): Booker {
  return {
    channel: 'staff',
    userId: ctx.actor.id,
    staffId: ctx.actor.id,
    countyId: ctx.actor.countyId,
    orgIds: ctx.scope.orgIds,
    idemOwner: `staff:${ctx.actor.id}`,
    audit: ctx.audit,
  };
}

export const create = (ctx: Ctx, input: BookingCreate, key: string | string[] | undefined) =>
  book(ctx.db, staffBooker(ctx), input, idempotencyKey(key));

export async function get(ctx: Ctx, id: number) {
  const b = await withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await q.findById(trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.booking.read',
      outcome: row ? 'success' : 'denied',
      resource: 'clinic_booking',
      resourceId: id,
      residentId: row?.resident_id ?? null,
    });
    return row;
  });
  if (!b) throw notFound('预约');
  return toBooking(b);
}

export async function listForResident(ctx: Ctx, residentId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await q.byResident(trx, residentId);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.booking.list',
      resource: 'clinic_booking',
      residentId,
      detail: { count: rows.length },
    });
    return rows.map(toBooking);
  });
}

/**
 * Cancels a confirmed booking and frees its place; the first on the waitlist gets it in the
 * same transaction. Residents must cancel before the configured cut-off; staff may cancel
 * until the slot starts.
 */
export async function cancelBooking(db: Kdb, booker: Booker, id: number, input: CancelBody): Promise<Booking> {
  const settings = await settingsFor(db, booker.countyId);
  const { orgId, notified } = await withScope(db, { userId: booker.userId, orgIds: booker.orgIds }, async (trx) => {
    // the waitlist promoter's lock first: a scheduler promoting this session finishes before we do
    if (!(await wq.lockSessionOfBooking(trx, id))) throw notFound('预约');
    const b = await q.lockById(trx, id);
    if (!b || (booker.residentId !== undefined && b.resident_id !== booker.residentId)) throw notFound('预约');
    if (b.status !== 'confirmed')
      throw conflict('INVALID_STATE', `该预约当前为「${STATUS_LABEL[b.status]}」，不能取消`, { status: b.status });
    const slot = await q.slotStart(trx, b.slot_id);
    const startsAt = new Date(slot.starts_at).getTime();
    const cutoff = startsAt - (booker.channel === 'self' ? settings.cancelCutoffMinutes * 60_000 : 0);
    if (Date.now() >= cutoff) {
      throw conflict(
        'TOO_LATE_TO_CANCEL',
        booker.channel === 'self'
          ? `就诊前 ${settings.cancelCutoffMinutes} 分钟内不能在线取消，请联系医院窗口`
          : '该时段已开始，不能取消；未到诊请登记爽约',
      );
    }
    await q.setBookingStatus(trx, id, 'confirmed', {
      status: 'cancelled',
      cancelled_at: new Date(),
      cancel_reason: input.reason,
    });
    await q.releaseSlot(trx, b.slot_id, b.referred);
    await writeAudit(trx, booker.audit, {
      action: 'clinic.booking.cancel',
      resource: 'clinic_booking',
      resourceId: id,
      residentId: b.resident_id,
      detail: { reason: input.reason },
    });
    await publish(trx, {
      topic: 'clinic.booking.cancelled',
      countyId: b.county_id,
      orgIds: [b.org_id],
      data: { sessionId: b.session_id, slotId: b.slot_id },
    });
    // the freed place goes to the waitlist on the host's behalf: the waiting residents may
    // come from orgs the canceller cannot see
    const promoted = await promoteWaitlist(
      trx,
      { sessionId: b.session_id, orgId: b.org_id, countyId: b.county_id },
      booker.audit,
    );
    return { orgId: b.org_id, notified: promoted };
  });
  await deliver(db, orgId, notified);
  return readBooking(db, booker.orgIds, booker.userId, id);
}

export const cancel = (ctx: Ctx, id: number, input: CancelBody) => cancelBooking(ctx.db, staffBooker(ctx), id, input);

export const STATUS_LABEL: Record<Booking['status'], string> = {
  confirmed: '已预约',
  cancelled: '已取消',
  checked_in: '已签到',
  completed: '已就诊',
  no_show: '爽约',
};

/** Marks one no-show and suspends self-booking when the window's count reaches the limit. */
export async function markNoShow(
  trx: Kdb,
  id: number,
  settings: ClinicSettings,
): Promise<{ suspended: boolean; count: number }> {
  const b = await q.lockById(trx, id);
  if (!b || !(await q.setBookingStatus(trx, id, 'confirmed', { status: 'no_show', no_show_at: new Date() })))
    return { suspended: false, count: 0 };
  const count = await q.noShowCount(trx, b.resident_id, settings.noShowWindowDays);
  if (count >= settings.noShowLimit) {
    await q.suspend(
      trx,
      b.resident_id,
      b.county_id,
      settings.suspensionDays,
      `${settings.noShowWindowDays} 天内爽约 ${count} 次`,
    );
    return { suspended: true, count };
  }
  return { suspended: false, count };
}

export async function noShow(ctx: Ctx, id: number) {
  const settings = await settingsFor(ctx.db, ctx.actor.countyId);
  const result = await withScope(ctx.db, ctx.scope, async (trx) => {
    const b = await q.findById(trx, id);
    if (!b) throw notFound('预约');
    if (b.status !== 'confirmed')
      throw conflict('INVALID_STATE', `该预约当前为「${STATUS_LABEL[b.status]}」，不能登记爽约`, { status: b.status });
    if (new Date(b.slot_starts_at).getTime() > Date.now())
      throw conflict('TOO_EARLY', '预约时段尚未开始，不能登记爽约');
    const r = await markNoShow(trx, id, settings);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.booking.no_show',
      resource: 'clinic_booking',
      resourceId: id,
      residentId: b.resident_id,
      detail: { ...r },
    });
    return r;
  });
  return {
    booking: await readBooking(ctx.db, ctx.scope.orgIds, ctx.actor.id, id),
    suspended: result.suspended,
    noShowsInWindow: result.count,
  };
}
