import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { idempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import {
  booking,
  bookingCreate,
  bookingSearch,
  cancelBody,
  noShowResult,
  sessionBookings,
  waitlistCreate,
  waitlistEntry,
} from './booking.schema.ts';
import * as svc from './booking.service.ts';
import * as waitlist from './waitlist.service.ts';
import { z } from 'zod';

export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['clinics'];
  app.post(
    '/api/clinic-bookings',
    {
      schema: {
        tags,
        summary: '代居民预约（需 Idempotency-Key；约满返回 409 与可改约时间）',
        headers: idempotencyHeaders,
        body: bookingCreate,
        response: { 200: booking, 201: booking },
      },
    },
    async (req, reply) => sendIdempotent(reply, await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.get(
    '/api/clinic-bookings',
    { schema: { tags, summary: '居民的预约记录', querystring: bookingSearch, response: { 200: z.array(booking) } } },
    (req) => svc.listForResident(ctxOf(req), req.query.residentId),
  );
  app.get(
    '/api/clinic-bookings/:id',
    { schema: { tags, summary: '预约详情', params: idParam, response: { 200: booking } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/clinic-bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消预约（释放号源，候补自动递补）',
        params: idParam,
        body: cancelBody,
        response: { 200: booking },
      },
    },
    (req) => svc.cancel(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/clinic-bookings/:id/no-show',
    {
      schema: {
        tags,
        summary: '登记爽约（90 天内 3 次暂停自助预约 30 天）',
        params: idParam,
        response: { 200: noShowResult },
      },
    },
    (req) => svc.noShow(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/clinic-sessions/:id/bookings',
    { schema: { tags, summary: '本次门诊的预约与候补名单', params: idParam, response: { 200: sessionBookings } } },
    (req) => waitlist.sessionList(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/clinic-waitlist',
    { schema: { tags, summary: '登记候补（有号时自动预约）', body: waitlistCreate, response: { 201: waitlistEntry } } },
    async (req, reply) => reply.status(201).send(await waitlist.joinAsStaff(ctxOf(req), req.body)),
  );
  app.post(
    '/api/clinic-waitlist/:id/cancel',
    { schema: { tags, summary: '取消候补', params: idParam, response: { 200: waitlistEntry } } },
    (req) => waitlist.leaveAsStaff(ctxOf(req), req.params.id),
  );
};
