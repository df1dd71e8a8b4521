import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { idParam } from '../platform/params.ts';
import { booking, waitlistEntry } from './booking.schema.ts';
import {
  codeRequest,
  codeSent,
  portalBookingCreate,
  portalCancel,
  portalHeaders,
  portalLogin,
  portalMe,
  portalSessionSearch,
  portalWaitlist,
  verifyRequest,
} from './portal.schema.ts';
import * as svc from './portal.service.ts';
import { clinicSession, clinicSessionDetail } from './session.schema.ts';

/** Public routes: the portal token (x-portal-token) is checked inside the service. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['resident portal'];
  const db = app.platform.db;
  const auth = (req: FastifyRequest) =>
    svc.authenticate(db, req.auditCtx, req.headers['x-portal-token'] as string | undefined);
  const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  app.post(
    '/api/portal/code',
    {
      config: limited,
      schema: { tags, summary: '获取验证码（身份证号 + 预留手机号）', body: codeRequest, response: { 200: codeSent } },
    },
    (req) => svc.requestCode(db, req.auditCtx, req.body, app.platform.config.portalDemoCodes),
  );
  app.post(
    '/api/portal/verify',
    {
      config: limited,
      schema: {
        tags,
        summary: '验证身份，开始 30 分钟的自助预约',
        body: verifyRequest,
        response: { 200: portalLogin },
      },
    },
    (req) => svc.verify(db, req.auditCtx, req.body),
  );
  app.get(
    '/api/portal/me',
    { schema: { tags, summary: '我的预约与候补', headers: portalHeaders, response: { 200: portalMe } } },
    async (req) => svc.me(db, await auth(req)),
  );
  app.get(
    '/api/portal/sessions',
    {
      schema: {
        tags,
        summary: '可预约的门诊',
        headers: portalHeaders,
        querystring: portalSessionSearch,
        response: { 200: z.array(clinicSession) },
      },
    },
    async (req) => svc.listSessions(db, await auth(req), req.query),
  );
  app.get(
    '/api/portal/sessions/:id',
    {
      schema: {
        tags,
        summary: '门诊号源',
        headers: portalHeaders,
        params: idParam,
        response: { 200: clinicSessionDetail },
      },
    },
    async (req) => svc.sessionDetail(db, await auth(req), req.params.id),
  );
  app.post(
    '/api/portal/bookings',
    {
      schema: {
        tags,
        summary: '本人预约（需 Idempotency-Key）',
        headers: portalHeaders.extend(idempotencyHeaders.shape),
        body: portalBookingCreate,
        response: { 200: booking, 201: booking },
      },
    },
    async (req, reply) => {
      return sendIdempotent(reply, await svc.bookSelf(db, await auth(req), req.body, req.headers['idempotency-key']));
    },
  );
  app.post(
    '/api/portal/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: '本人取消预约（就诊前截止时间之前）',
        headers: portalHeaders,
        params: idParam,
        body: portalCancel,
        response: { 200: booking },
      },
    },
    async (req) => svc.cancelSelf(db, await auth(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/portal/waitlist',
    {
      schema: {
        tags,
        summary: '登记候补',
        headers: portalHeaders,
        body: portalWaitlist,
        response: { 201: waitlistEntry },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.joinWaitlist(db, await auth(req), req.body.sessionId)),
  );
  app.post(
    '/api/portal/waitlist/:id/cancel',
    {
      schema: { tags, summary: '取消候补', headers: portalHeaders, params: idParam, response: { 200: waitlistEntry } },
    },
    async (req) => svc.leaveWaitlist(db, await auth(req), req.params.id),
  );
  app.post(
    '/api/portal/logout',
    { schema: { tags, summary: '退出', headers: portalHeaders, response: { 200: z.object({ ok: z.boolean() }) } } },
    async (req) => svc.logout(db, await auth(req)),
  );
};
