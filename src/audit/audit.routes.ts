import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
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
    '/api/audit/export',
    { schema: { tags, summary: '导出审计日志（Excel，筛选结果全部行）', querystring: auditQuery } },
    async (req, reply) => sendXlsx(reply, await svc.exportXlsx(ctxOf(req), req.query)),
  );
  app.get(
    '/api/audit/verify',
    { schema: { tags, summary: '校验审计哈希链', response: { 200: verifyResult } } },
    (req) => svc.verify(ctxOf(req)),
  );
};
