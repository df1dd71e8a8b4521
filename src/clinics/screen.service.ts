import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../platform/audit.ts';
import { must } from '../platform/must.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { shanghaiDate } from './clinic-time.ts';
import * as q from './queue.queries.ts';
import type { Board } from './queue.schema.ts';
import { announcement, hashToken } from './queue.service.ts';
import * as sessions from './session.queries.ts';

/**
 * Waiting-room screens (and, in ticket.service.ts, the patient's phone page): public pages
 * that authenticate by a long random token (only its hash is stored) and show numbers and
 * masked names only.
 */
export const badToken = () => new AppError(401, 'INVALID_TOKEN', '链接无效或已停用，请联系科室重新获取');

async function screenFor(db: Kdb, audit: AuditContext, token: string) {
  const s = await q.screenByToken(db, hashToken(token));
  if (!s) {
    await writeAudit(db, audit, { action: 'clinic.screen.denied', outcome: 'denied', resource: 'clinic_screen' });
    throw badToken();
  }
  return s;
}

export async function board(db: Kdb, audit: AuditContext, token: string): Promise<Board> {
  const screen = await screenFor(db, audit, token);
  const today = shanghaiDate(new Date());
  return withScope(db, { userId: 0, orgIds: [screen.org_id] }, async (trx) => {
    const sessions = await q.boardRows(trx, screen.department_id, today);
    const tickets = await q.publicTickets(
      trx,
      sessions.map((s) => s.id),
    );
    await writeAudit(
      trx,
      { ...audit, countyId: screen.county_id, username: `screen:${screen.id}` },
      { action: 'clinic.screen.read', resource: 'clinic_screen', resourceId: screen.id },
    );
    return {
      screen: screen.name,
      orgName: screen.org_name,
      departmentName: screen.department_name,
      date: today,
      generatedAt: new Date().toISOString(),
      rooms: sessions.map((s) => {
        const mine = tickets.filter((t) => t.session_id === s.id);
        const current = mine.find((t) => t.status === 'called');
        const waiting = mine.filter((t) => t.status === 'waiting');
        return {
          sessionId: s.id,
          room: s.room,
          doctor: s.expert_name ?? s.doctor_name ?? '',
          title: s.expert_title,
          current: current
            ? { number: current.number, maskedName: current.masked_name, priority: current.priority }
            : null,
          next: waiting.slice(0, 5).map((t) => ({ number: t.number, maskedName: t.masked_name, priority: t.priority })),
          waiting: waiting.length,
          announcement: current ? announcement(current.number, current.masked_name, current.room) : null,
          calledAt: current?.called_at ? new Date(current.called_at).toISOString() : null,
          callCount: current?.call_count ?? 0,
        };
      }),
    };
  });
}

/** Live updates for one screen: its department's queue events only. Validated before the stream opens. */
export async function stream(req: FastifyRequest, reply: FastifyReply, token: string): Promise<void> {
  const { db, events } = req.server.platform;
  const screen = await screenFor(db, req.auditCtx, token);
  await writeAudit(
    db,
    { ...req.auditCtx, countyId: screen.county_id, username: `screen:${screen.id}` },
    { action: 'clinic.screen.connect', resource: 'clinic_screen', resourceId: screen.id },
  );
  openEventStream(req, reply, events, {
    topics: ['clinic.queue', 'clinic.session.cancelled'],
    visible: (e) => e.countyId === screen.county_id && e.data.departmentId === screen.department_id,
  });
}

// ---- staff: registering screens ----

const toScreen = (s: Awaited<ReturnType<typeof q.screens>>[number]) => ({
  id: s.id,
  orgId: s.org_id,
  orgName: s.org_name,
  departmentId: s.department_id,
  departmentName: s.department_name,
  name: s.name,
  active: s.active,
  createdAt: new Date(s.created_at).toISOString(),
});

export async function list(ctx: Ctx) {
  return (await q.screens(ctx.db, ctx.scope.orgIds)).map(toScreen);
}

export async function create(ctx: Ctx, input: { departmentId: number; name: string }) {
  const dept = await sessions.department(ctx.db, input.departmentId);
  if (!dept || !ctx.scope.orgIds.includes(dept.org_id))
    throw new AppError(400, 'INVALID_DEPARTMENT', '所选科室不存在或不在您的管辖范围内', 'departmentId');
  const token = randomBytes(24).toString('base64url');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await q.insertScreen(trx, {
      county_id: dept.county_id,
      org_id: dept.org_id,
      department_id: dept.id,
      name: input.name,
      token_hash: hashToken(token),
      created_by: ctx.actor.id,
    });
    await writeAudit(trx, ctx.audit, { action: 'clinic.screen.create', resource: 'clinic_screen', resourceId: row.id });
    return row.id;
  });
  const s = must(
    (await q.screens(ctx.db, [dept.org_id])).find((x) => x.id === id),
    'the screen just written',
  );
  return { ...toScreen(s), token, url: `/screen/${token}` };
}

/** A new token for a screen (the old link stops working at once). */
export async function rotate(ctx: Ctx, id: number) {
  const token = randomBytes(24).toString('base64url');
  const s = (await q.screens(ctx.db, ctx.scope.orgIds)).find((x) => x.id === id);
  if (!s) throw notFound('叫号屏');
  await ctx.db.transaction().execute(async (trx) => {
    await q.setScreenToken(trx, id, hashToken(token));
    await writeAudit(trx, ctx.audit, { action: 'clinic.screen.rotate', resource: 'clinic_screen', resourceId: id });
  });
  return { ...toScreen(s), token, url: `/screen/${token}` };
}
