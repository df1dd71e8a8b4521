import { createHash, randomBytes } from 'node:crypto';
import { writeAudit } from '../platform/audit.ts';
import { must } from '../platform/must.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { maskName } from '../platform/mask.ts';
import { publish } from '../platform/events.ts';
import * as bookings from './booking.queries.ts';
import { ageOn, shanghaiDate } from './clinic-time.ts';
import * as q from './queue.queries.ts';
import * as sessions from './session.queries.ts';
import type { CheckInBody, QueueView, Ticket } from './queue.schema.ts';

const CHECK_IN_LEAD_MS = 3 * 3600_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (d: Date | string) => new Date(d).toISOString();

/** "请 12 号 张*明 到 3 诊室就诊" — the words the screen speaks */
export function announcement(number: number, maskedName: string, room: string): string {
  const where = /诊室|室$|窗口$/.test(room) ? room : `${room} 诊室`;
  return `请 ${number} 号 ${maskedName} 到 ${where}就诊`;
}

/**
 * Queue order (documented in GLOSSARY and on the console): tier 0 emergency, tier 1 referred
 * (三优先) or aged 80 and over, tier 2 everyone else; within a tier, check-in time.
 */
export function priorityOf(
  b: { referred: boolean; birthDate: string },
  emergency: boolean,
  today: string,
): { priority: number; reason: string | null } {
  if (emergency) return { priority: 0, reason: '急诊' };
  if (b.referred) return { priority: 1, reason: '转诊优先' };
  if (ageOn(b.birthDate, today) >= 80) return { priority: 1, reason: '80岁以上' };
  return { priority: 2, reason: null };
}

function toTicket(r: q.TicketRow, position: number | null): Ticket {
  return {
    id: r.id,
    sessionId: r.session_id,
    bookingId: r.booking_id,
    number: r.number,
    residentName: r.resident_name,
    maskedName: r.masked_name,
    priority: r.priority,
    priorityReason: r.priority_reason,
    status: r.status,
    room: r.room,
    checkedInAt: iso(r.checked_in_at),
    calledAt: r.called_at ? iso(r.called_at) : null,
    callCount: r.call_count,
    position,
  };
}

async function sessionInScope(ctx: Ctx, trx: Kdb, sessionId: number) {
  const s = await q.sessionForQueue(trx, sessionId);
  if (!s || s.county_id !== ctx.actor.countyId || !ctx.scope.orgIds.includes(s.org_id)) throw notFound('门诊安排');
  return s;
}

async function view(trx: Kdb, sessionId: number, room: string): Promise<QueueView> {
  const rows = await q.bySession(trx, sessionId);
  let pos = 0;
  const waiting = rows.filter((r) => r.status === 'waiting').map((r) => toTicket(r, pos++));
  const called = rows.find((r) => r.status === 'called');
  return {
    sessionId,
    room,
    current: called ? toTicket(called, null) : null,
    waiting,
    skipped: rows.filter((r) => r.status === 'skipped').map((r) => toTicket(r, null)),
    done: rows.filter((r) => r.status === 'done').length,
  };
}

async function announce(
  trx: Kdb,
  s: { id: number; county_id: number; org_id: number; department_id: number },
  kind: string,
  call?: { number: number; maskedName: string; room: string },
) {
  await publish(trx, {
    topic: 'clinic.queue',
    countyId: s.county_id,
    orgIds: [s.org_id],
    data: {
      sessionId: s.id,
      departmentId: s.department_id,
      kind,
      ...(call ? { number: call.number, announcement: announcement(call.number, call.maskedName, call.room) } : {}),
    },
  });
}

/** Front-desk check-in on the day: a queue number, a priority tier and the patient's phone link. */
export async function checkIn(ctx: Ctx, bookingId: number, input: CheckInBody) {
  const today = shanghaiDate(new Date());
  const token = randomBytes(18).toString('base64url');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const b = await bookings.lockById(trx, bookingId);
    if (!b) throw notFound('预约');
    const s = must(await q.sessionForQueue(trx, b.session_id), "the booking's session");
    if (b.status === 'checked_in') throw conflict('ALREADY_CHECKED_IN', '该患者已签到，请勿重复签到');
    if (b.status !== 'confirmed')
      throw conflict('INVALID_STATE', '该预约已取消或已结束，不能签到', { status: b.status });
    // on the day of the session, or from three hours before a session just after midnight
    const startsAt = new Date(s.starts_at).getTime();
    if (s.session_date !== today && Date.now() < startsAt - CHECK_IN_LEAD_MS)
      throw conflict('NOT_TODAY', `该预约的就诊日期是 ${s.session_date}，只能在当天签到`);
    if (Date.now() > new Date(s.ends_at).getTime()) throw conflict('SESSION_OVER', '本次门诊已结束，请到分诊台改约');
    if (s.status !== 'published') throw conflict('SESSION_NOT_OPEN', '该门诊已取消或已结束');
    const { priority, reason } = priorityOf(
      { referred: b.referred, birthDate: b.resident_birth_date },
      input.emergency,
      today,
    );
    const number = await q.nextNumber(trx, s.id);
    const t = await q.insertTicket(trx, {
      county_id: s.county_id,
      session_id: s.id,
      booking_id: b.id,
      org_id: s.org_id,
      department_id: s.department_id,
      resident_id: b.resident_id,
      resident_org_id: b.resident_org_id,
      number,
      masked_name: maskName(b.resident_name),
      priority,
      priority_reason: reason,
      status: 'waiting',
      room: s.room,
      token_hash: hashToken(token),
    });
    await bookings.setBookingStatus(trx, b.id, 'confirmed', { status: 'checked_in' });
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.queue.check_in',
      resource: 'clinic_booking',
      resourceId: b.id,
      residentId: b.resident_id,
      detail: { number, priority },
    });
    await announce(trx, s, 'checked_in');
    const row = await q.findById(trx, t.id);
    const all = await q.bySession(trx, s.id);
    const position = all.filter((r) => r.status === 'waiting').findIndex((r) => r.id === t.id);
    return { ...toTicket(must(row, 'the ticket just written'), position), token, url: `/q/${token}` };
  });
}

export async function queue(ctx: Ctx, sessionId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await sessionInScope(ctx, trx, sessionId);
    const v = await view(trx, sessionId, s.room);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.queue.read',
      resource: 'clinic_session',
      resourceId: sessionId,
      detail: { waiting: v.waiting.length },
    });
    return v;
  });
}

/**
 * The doctor's "next": the patient in the room is finished, the first waiting one is called.
 * The partial unique index (one called ticket per session) makes two parallel "next" safe.
 */
export async function callNext(ctx: Ctx, sessionId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await sessionInScope(ctx, trx, sessionId);
    await sessions.lockSession(trx, sessionId);
    const current = await q.lockCalled(trx, sessionId);
    if (current) await finishTicket(trx, current.id, current.booking_id);
    const next = await q.lockNextWaiting(trx, sessionId);
    if (next) {
      await q.setStatus(trx, next.id, 'waiting', { status: 'called', called_at: new Date(), bumpCall: true });
      await writeAudit(trx, ctx.audit, {
        action: 'clinic.queue.call',
        resource: 'clinic_queue_ticket',
        resourceId: next.id,
        residentId: next.resident_id,
        detail: { number: next.number },
      });
      await announce(trx, s, 'called', { number: next.number, maskedName: next.masked_name, room: next.room });
    } else {
      await announce(trx, s, 'changed');
    }
    return view(trx, sessionId, s.room);
  });
}

async function finishTicket(trx: Kdb, ticketId: number, bookingId: number) {
  await q.setStatus(trx, ticketId, 'called', { status: 'done', finished_at: new Date() });
  await bookings.setBookingStatus(trx, bookingId, 'checked_in', { status: 'completed' });
}

type TicketAction = 'recall' | 'skip' | 'finish' | 'requeue';
const NEEDS: Record<TicketAction, 'called' | 'skipped'> = {
  recall: 'called',
  skip: 'called',
  finish: 'called',
  requeue: 'skipped',
};
const LABEL: Record<string, string> = { waiting: '候诊中', called: '就诊中', skipped: '已过号', done: '已完成' };

export async function act(ctx: Ctx, ticketId: number, action: TicketAction) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const t = await q.lockById(trx, ticketId);
    if (!t) throw notFound('排队号');
    const s = await sessionInScope(ctx, trx, t.session_id);
    if (t.status !== NEEDS[action]) {
      throw conflict(
        'INVALID_STATE',
        `${t.number} 号当前${LABEL[t.status]}，不能${{ recall: '重呼', skip: '过号', finish: '完成', requeue: '重新排队' }[action]}`,
        { status: t.status },
      );
    }
    if (action === 'recall') {
      await q.setStatus(trx, t.id, 'called', { bumpCall: true });
      await announce(trx, s, 'called', { number: t.number, maskedName: t.masked_name, room: t.room });
    } else if (action === 'skip') {
      await q.setStatus(trx, t.id, 'called', { status: 'skipped' });
      await announce(trx, s, 'changed');
    } else if (action === 'finish') {
      await finishTicket(trx, t.id, t.booking_id);
      await announce(trx, s, 'changed');
    } else {
      // a skipped patient who turns up goes to the back of their tier
      await q.setStatus(trx, t.id, 'skipped', { status: 'waiting', checked_in_at: new Date() });
      await announce(trx, s, 'changed');
    }
    await writeAudit(trx, ctx.audit, {
      action: `clinic.queue.${action}`,
      resource: 'clinic_queue_ticket',
      resourceId: t.id,
      residentId: t.resident_id,
      detail: { number: t.number },
    });
    return view(trx, t.session_id, s.room);
  });
}
