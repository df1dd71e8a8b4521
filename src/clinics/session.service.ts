import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict, forbidden, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import { addDays, clockOf, minutesOf, shanghaiInstant } from './clinic-time.ts';
import * as experts from './expert.queries.ts';
import { deliver } from './notify.ts';
import * as notices from './notify.queries.ts';
import * as q from './session.queries.ts';
import type { ClinicSession, ReasonBody, SessionCreate, SessionSearch, Slot } from './session.schema.ts';
import { settingsFor } from './settings.service.ts';
import * as subsidy from './subsidy.queries.ts';
import * as waitlist from './waitlist.queries.ts';
import { markNoShow } from './booking.service.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSession(r: q.SessionRow): ClinicSession {
  return {
    id: r.id,
    kind: r.kind,
    sessionType: r.session_type,
    expertId: r.expert_id,
    expertName: r.expert_name,
    expertTitle: r.expert_title,
    homeHospital: r.home_hospital,
    speciality: r.speciality ?? r.department_speciality,
    doctorName: r.doctor_name,
    orgId: r.org_id,
    orgName: r.org_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    room: r.room,
    date: r.session_date,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    releaseAt: iso(r.release_at),
    holdUntil: iso(r.hold_until),
    released: r.released,
    status: r.status,
    capacity: r.capacity,
    booked: Number(r.booked),
    free: Number(r.free),
    subsidyFen: Number(r.subsidy_fen),
    cancelReason: r.cancel_reason,
    note: r.note,
  };
}

export function toSlot(r: Awaited<ReturnType<typeof q.slots>>[number]): Slot {
  return {
    id: r.id,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    capacity: r.capacity,
    held: r.held,
    booked: r.booked,
    free: Number(r.free),
    freeReferred: Number(r.free_referred),
  };
}

export async function loadSession(db: Kdb, countyId: number, id: number): Promise<q.SessionRow> {
  const row = await q.findById(db, countyId, id);
  if (!row) throw notFound('门诊安排');
  return row;
}

/** The caller's own org and the clinics under it (a township centre's village clinics): where they work. */
export function ownOrgIds(ctx: Ctx): number[] {
  return ctx.platform.orgTree.subtree(ctx.actor.orgId);
}

export async function search(ctx: Ctx, input: SessionSearch) {
  let expertStaffId: number | undefined;
  if (input.mine === 'true') expertStaffId = ctx.actor.id;
  const orgIds = input.own === 'true' ? ownOrgIds(ctx) : undefined;
  const { rows, more } = await q.search(ctx.db, ctx.actor.countyId, { ...input, expertStaffId, orgIds });
  return { items: rows.map(toSession), hasMore: more };
}

/**
 * The home page's clinic to-do: today's published sessions the caller sits in as the expert,
 * today's sessions at the caller's own org (the desk and the calling console), and sessions
 * waiting for the administrator's approval (over the subsidy budget).
 */
export async function todayCounts(ctx: Ctx) {
  return q.todayCounts(ctx.db, ctx.actor.countyId, { expertStaffId: ctx.actor.id, orgIds: ownOrgIds(ctx) });
}

export async function get(ctx: Ctx, id: number) {
  const row = await loadSession(ctx.db, ctx.actor.countyId, id);
  const [slots, waitlist] = await Promise.all([q.slots(ctx.db, id), q.waitlistCount(ctx.db, id)]);
  return { ...toSession(row), slots: slots.map(toSlot), waitlist };
}

/** Slot windows from the plan: [start, end) cut into slotMinutes pieces (a short last piece is kept). */
export function planSlots(
  input: Pick<SessionCreate, 'date' | 'startTime' | 'endTime' | 'slotMinutes'>,
): Array<{ start: Date; end: Date }> {
  const from = minutesOf(input.startTime);
  const to = minutesOf(input.endTime);
  const out: Array<{ start: Date; end: Date }> = [];
  for (let m = from; m < to; m += input.slotMinutes) {
    out.push({
      start: shanghaiInstant(input.date, clockOf(m)),
      end: shanghaiInstant(input.date, clockOf(Math.min(m + input.slotMinutes, to))),
    });
  }
  return out;
}

const PLANNERS_OF_EXPERT_SESSIONS = new Set(['admin', 'coordinator']);

export async function create(ctx: Ctx, input: SessionCreate) {
  if (minutesOf(input.endTime) <= minutesOf(input.startTime))
    throw new AppError(400, 'INVALID_TIME', '结束时间应晚于开始时间', 'endTime');
  if (input.heldPerSlot > input.capacityPerSlot)
    throw new AppError(400, 'INVALID_HOLD', '转诊预留号不能多于每个时段的号源数', 'heldPerSlot');
  const windows = planSlots(input);
  if (windows.length > 200)
    throw new AppError(400, 'TOO_MANY_SLOTS', '一次门诊最多 200 个时段，请加大时段长度', 'slotMinutes');
  const startsAt = shanghaiInstant(input.date, input.startTime);
  const endsAt = shanghaiInstant(input.date, input.endTime);
  if (startsAt.getTime() <= Date.now()) throw new AppError(400, 'IN_THE_PAST', '门诊开始时间已过，不能再安排', 'date');
  if (!ctx.scope.orgIds.includes(input.orgId))
    throw new AppError(403, 'OUT_OF_SCOPE', '所选机构不在您的管辖范围内', 'orgId');
  if (input.kind === 'expert' && !PLANNERS_OF_EXPERT_SESSIONS.has(ctx.scope.role))
    throw forbidden('专家坐诊由医共体管理员或转诊中心安排');
  const dept = await q.department(ctx.db, input.departmentId);
  if (!dept || dept.org_id !== input.orgId || !dept.active)
    throw new AppError(400, 'INVALID_DEPARTMENT', '所选科室不属于该机构或已停用', 'departmentId');
  let expertId: number | null = null;
  if (input.kind === 'expert') {
    if (!input.expertId) throw new AppError(400, 'EXPERT_REQUIRED', '专家坐诊请选择专家', 'expertId');
    const e = await experts.findById(ctx.db, ctx.actor.countyId, input.expertId);
    if (!e || !e.active) throw new AppError(400, 'INVALID_EXPERT', '所选专家不存在或已停用', 'expertId');
    expertId = e.id;
  } else if (!input.doctorName) {
    throw new AppError(400, 'DOCTOR_REQUIRED', '普通门诊请填写出诊医生', 'doctorName');
  }
  const settings = await settingsFor(ctx.db, ctx.actor.countyId);
  const releaseAt = shanghaiInstant(addDays(input.date, -settings.releaseDays), settings.releaseTime);
  const holdUntil = new Date(startsAt.getTime() - settings.referralHoldHours * 3600_000);
  const year = Number(input.date.slice(0, 4));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const clash = await q.overlapping(trx, {
      expertId,
      departmentId: input.departmentId,
      room: input.room,
      start: startsAt,
      end: endsAt,
    });
    if (clash) {
      throw clash.expert_id !== null && clash.expert_id === expertId
        ? conflict('EXPERT_BUSY', '该专家在这个时间已有安排', { existingId: clash.id })
        : conflict('ROOM_BUSY', `诊室 ${input.room} 在这个时间已有门诊`, { existingId: clash.id, field: 'room' });
    }
    // subsidy: expert sessions draw on the year's programme budget; over budget needs approval
    const fen = input.kind === 'expert' ? await subsidy.rate(trx, ctx.actor.countyId, input.sessionType) : 0;
    let status: 'published' | 'pending_approval' = 'published';
    if (fen > 0) {
      const budget = await subsidy.lockBudget(trx, ctx.actor.countyId, year);
      const used = await subsidy.committed(trx, ctx.actor.countyId, year);
      if (!budget || used + fen > Number(budget.budget_fen)) status = 'pending_approval';
    }
    const capacity = windows.length * input.capacityPerSlot;
    const { id } = await q.insertSession(trx, {
      county_id: ctx.actor.countyId,
      kind: input.kind,
      session_type: input.sessionType,
      expert_id: expertId,
      doctor_name: input.kind === 'ordinary' ? (input.doctorName ?? null) : null,
      org_id: input.orgId,
      department_id: input.departmentId,
      room: input.room,
      session_date: input.date,
      starts_at: startsAt,
      ends_at: endsAt,
      release_at: releaseAt,
      hold_until: holdUntil,
      status,
      capacity,
      subsidy_fen: fen,
      note: input.note ?? null,
      created_by: ctx.actor.id,
    });
    await q.insertSlots(
      trx,
      windows.map((w) => ({
        county_id: ctx.actor.countyId,
        session_id: id,
        starts_at: w.start,
        ends_at: w.end,
        hold_until: holdUntil,
        capacity: input.capacityPerSlot,
        held: input.heldPerSlot,
      })),
    );
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.session.create',
      resource: 'clinic_session',
      resourceId: id,
      detail: { status, capacity, subsidyFen: fen },
    });
    return id;
  });
  return get(ctx, id);
}

/** the caller may act on a session only inside their orgs */
function ownSession(ctx: Ctx, s: q.SessionRow) {
  if (!ctx.scope.orgIds.includes(s.org_id)) throw notFound('门诊安排');
}

export async function approve(ctx: Ctx, id: number) {
  const s = await loadSession(ctx.db, ctx.actor.countyId, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await q.transition(trx, id, ['pending_approval'], { status: 'published', approved_by: ctx.actor.id }))) {
      throw conflict('INVALID_STATE', `该门诊当前状态为「${STATUS_LABEL[s.status]}」，无需审批`, { status: s.status });
    }
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.session.approve',
      resource: 'clinic_session',
      resourceId: id,
      detail: { subsidyFen: Number(s.subsidy_fen) },
    });
  });
  return get(ctx, id);
}

export const STATUS_LABEL: Record<ClinicSession['status'], string> = {
  pending_approval: '待审批',
  published: '已发布',
  cancelled: '已取消',
  closed: '已结束',
};

/**
 * Cancelling a session cancels every booking, frees every slot, ends the waitlist and
 * writes a message to each booked patient; all in one transaction, sent after it commits.
 */
export async function cancel(ctx: Ctx, id: number, input: ReasonBody) {
  const s = await loadSession(ctx.db, ctx.actor.countyId, id);
  ownSession(ctx, s);
  const notified = await withScope(ctx.db, { userId: ctx.actor.id, orgIds: [s.org_id] }, async (trx) => {
    await q.lockSession(trx, id);
    const inRoom = await q.checkedInBooking(trx, id);
    if (inRoom) throw conflict('PATIENTS_CHECKED_IN', '已有患者签到候诊，不能取消本次门诊，请先处理候诊患者');
    if (
      !(await q.transition(trx, id, ['published', 'pending_approval'], {
        status: 'cancelled',
        cancel_reason: input.reason,
      }))
    ) {
      throw conflict('INVALID_STATE', `该门诊当前状态为「${STATUS_LABEL[s.status]}」，不能取消`, { status: s.status });
    }
    const bookings = await q.cancelConfirmedBookings(trx, id, `门诊取消：${input.reason}`);
    await q.emptySlots(trx, id);
    await waitlist.expireSession(trx, id);
    const who = s.expert_name ? `${s.expert_name}专家` : s.department_name;
    const message = `【医共体】您预约的${s.session_date}${who}门诊（${s.org_name}）因故取消：${input.reason}。号源已释放，请重新预约，给您带来不便敬请谅解。`;
    const ids =
      bookings.length === 0
        ? []
        : (
            await notices.insertNotifications(
              trx,
              bookings.map((b) => ({
                county_id: s.county_id,
                org_id: b.org_id,
                resident_id: b.resident_id,
                resident_org_id: b.resident_org_id,
                booking_id: b.id,
                kind: 'session_cancelled' as const,
                message,
              })),
            )
          ).map((r) => r.id);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.session.cancel',
      resource: 'clinic_session',
      resourceId: id,
      detail: { reason: input.reason, bookingsCancelled: bookings.length },
    });
    await publish(trx, {
      topic: 'clinic.session.cancelled',
      countyId: s.county_id,
      orgIds: [s.org_id],
      data: { sessionId: id, departmentId: s.department_id },
    });
    return ids;
  });
  await deliver(ctx.db, s.org_id, notified);
  return { ...(await get(ctx, id)), notified: notified.length };
}

/** After the session: every booking nobody checked in for becomes a no-show. */
export async function close(ctx: Ctx, id: number) {
  const s = await loadSession(ctx.db, ctx.actor.countyId, id);
  ownSession(ctx, s);
  if (new Date(s.ends_at).getTime() > Date.now()) throw conflict('NOT_ENDED', '门诊尚未结束，结束后才能登记爽约');
  const settings = await settingsFor(ctx.db, ctx.actor.countyId);
  return withScope(ctx.db, { userId: ctx.actor.id, orgIds: [s.org_id] }, async (trx) => {
    if (!(await q.transition(trx, id, ['published'], { status: 'closed' }))) {
      throw conflict('INVALID_STATE', `该门诊当前状态为「${STATUS_LABEL[s.status]}」，不能结束`, { status: s.status });
    }
    const open = await q.confirmedBookings(trx, id);
    let suspended = 0;
    for (const b of open) if ((await markNoShow(trx, b.id, settings)).suspended) suspended++;
    await q.completeCheckedIn(trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.session.close',
      resource: 'clinic_session',
      resourceId: id,
      detail: { noShows: open.length, suspended },
    });
    return { noShows: open.length, suspended };
  });
}

export { todayInShanghai } from '../platform/calendar.ts';
