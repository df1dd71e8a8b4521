import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { auditPage, auditQuery, verifyResult } from './audit.schema.ts';
import * as svc from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { schema: { tags, summary: '审计日志（按时间倒序）', querystring: auditQuery, response: { 200: auditPage } } },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/audit/verify',
    { schema: { tags, summary: '校验审计哈希链', response: { 200: verifyResult } } },
    (req) => svc.verify(ctxOf(req)),
  );
};
