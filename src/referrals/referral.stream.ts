import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';

/** Live worklists: one stream per user, filtered exactly like row-level security. */
export function referralStream(ctx: Ctx, req: FastifyRequest, reply: FastifyReply): void {
  if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
    throw new AppError(406, 'EVENT_STREAM_ONLY', '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接');
  }
  const orgs = new Set(ctx.scope.orgIds);
  openEventStream(req, reply, ctx.platform.events, {
    topics: ['referral.'],
    visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
  });
}
