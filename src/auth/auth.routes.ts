import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../platform/access.ts';
import { ctxOf } from '../platform/context.ts';
import { sessionCookieOptions } from '../platform/session.ts';
import { dummyHash } from '../platform/password.ts';
import { changePasswordBody, loginBody, me, meAnswer } from './auth.schema.ts';
import * as svc from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.platform;
  // made at start-up: an unknown username then costs one verify from the very first login
  await dummyHash();

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: me } },
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, me: body } = await svc.login(app.platform, req.body, req.auditCtx, req.headers['user-agent']);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config, req));
      return body;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } } },
    async (req, reply) => {
      await svc.logout(ctxOf(req));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config, req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户（未登录时为 {user: null}）', response: { 200: meAnswer } } },
    async (req) => {
      if (!req.actor) return { user: null };
      const ctx = ctxOf(req);
      return svc.loadMe(app.platform, ctx.actor.id, ctx.actor.csrfToken);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: changePasswordBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await svc.changePassword(ctxOf(req), req.body);
      return reply.status(204).send(null);
    },
  );
};
