import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../platform/audit.ts';
import { must } from '../platform/must.ts';
import { writeAudit } from '../platform/audit.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { EventHub, openEventStream } from '../platform/events.ts';
import * as q from './queue.queries.ts';
import type { TicketStatus } from './queue.schema.ts';
import { hashToken } from './queue.service.ts';
import { badToken } from './screen.service.ts';
import { settingsFor } from './settings.service.ts';

/**
 * The patient's phone page (the link on the check-in slip): its own number, place in the
 * queue and estimated wait, and nothing about anyone else — neither over GET nor over SSE.
 */
interface TicketRef {
  id: number;
  orgId: number;
  countyId: number;
  sessionId: number;
  tokenHash: string;
}

async function resolve(db: Kdb, audit: AuditContext, token: string): Promise<TicketRef> {
  const tokenHash = hashToken(token);
  // the ticket's org comes from a SECURITY DEFINER lookup: RLS hides the row until we know it
  const orgId = await q.ticketOrg(db, tokenHash);
  const t =
    orgId === null
      ? undefined
      : await withScope(db, { userId: 0, orgIds: [orgId] }, (trx) => q.ticketByToken(trx, tokenHash));
  if (orgId === null || !t) {
    await writeAudit(db, audit, { action: 'clinic.ticket.denied', outcome: 'denied', resource: 'clinic_queue_ticket' });
    throw badToken();
  }
  return { id: t.id, orgId, countyId: t.county_id, sessionId: t.session_id, tokenHash };
}

async function view(trx: Kdb, ref: TicketRef): Promise<TicketStatus> {
  const t = must(await q.ticketByToken(trx, ref.tokenHash), 'the ticket of a checked token');
  const settings = await settingsFor(trx, t.county_id);
  const tickets = await q.publicTickets(trx, [t.session_id]);
  const waiting = tickets.filter((x) => x.status === 'waiting');
  const current = tickets.find((x) => x.status === 'called');
  const position = t.status === 'waiting' ? waiting.findIndex((x) => x.id === t.id) : null;
  const perPatient = (await q.observedMinutesPerPatient(trx, t.session_id)) ?? settings.minutesPerPatient;
  return {
    number: t.number,
    maskedName: t.masked_name,
    status: t.status,
    position,
    estimatedWaitMinutes: position === null ? null : (position + (current ? 1 : 0)) * perPatient,
    minutesPerPatient: perPatient,
    currentNumber: current?.number ?? null,
    room: t.room,
    orgName: t.org_name,
    departmentName: t.department_name,
    doctor: t.expert_name ?? t.doctor_name ?? '',
    sessionStartsAt: new Date(t.starts_at).toISOString(),
  };
}

export async function ticketStatus(db: Kdb, audit: AuditContext, token: string): Promise<TicketStatus> {
  const ref = await resolve(db, audit, token);
  return withScope(db, { userId: 0, orgIds: [ref.orgId] }, async (trx) => {
    await writeAudit(
      trx,
      { ...audit, countyId: ref.countyId, username: 'resident' },
      { action: 'clinic.ticket.read', resource: 'clinic_queue_ticket', resourceId: ref.id },
    );
    return view(trx, ref);
  });
}

/** Runs `task` once now, and once more after it if asked again meanwhile: a burst of queue events costs two reads, not ten. */
function coalesced(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      await task();
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

/**
 * Live updates for one ticket. The queue's own events name other patients (the called
 * number's masked name, for the waiting room), so they are not forwarded: each one that
 * concerns this session makes the server recompute this ticket's view and push that alone.
 * The connection is audited once; pushes on it are not, as the page's polling was.
 */
export async function ticketStream(req: FastifyRequest, reply: FastifyReply, token: string): Promise<void> {
  const { db, events } = req.server.platform;
  const ref = await resolve(db, req.auditCtx, token);
  await writeAudit(
    db,
    { ...req.auditCtx, countyId: ref.countyId, username: 'resident' },
    { action: 'clinic.ticket.connect', resource: 'clinic_queue_ticket', resourceId: ref.id },
  );
  // a hub of one: the shared SSE writer (heartbeat, headers, clean-up) serves this stream's own events
  const own = new EventHub();
  openEventStream(req, reply, own, { topics: ['clinic.ticket'], visible: () => true });
  const push = coalesced(async () => {
    try {
      const data = await withScope(db, { userId: 0, orgIds: [ref.orgId] }, (trx) => view(trx, ref));
      own.dispatch(JSON.stringify({ topic: 'clinic.ticket', countyId: ref.countyId, orgIds: [ref.orgId], data }));
    } catch (err) {
      req.log.warn({ err }, 'ticket stream: view failed'); // the page falls back to polling
    }
  });
  const unsubscribe = ['clinic.queue', 'clinic.session.cancelled'].map((topic) =>
    events.subscribe(topic, (e) => {
      if (e.countyId === ref.countyId && e.data.sessionId === ref.sessionId) push();
    }),
  );
  // events missed while the server's LISTEN connection was down: push the view as it is now
  unsubscribe.push(events.onResync(push));
  req.raw.on('close', () => {
    for (const u of unsubscribe) u();
  });
  push(); // the state now, so a (re)connected page is current without a separate GET
}
