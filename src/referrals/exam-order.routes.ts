import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { optionalIdempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import {
  catalogueItem,
  emptyBody,
  examOrder,
  examOrderCreate,
  examOrderQuery,
  reportBody,
  scheduleBody,
} from './exam-order.schema.ts';
import * as svc from './exam-order.service.ts';

export const examOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['exam-orders'];
  app.get(
    '/api/exam-catalogue',
    {
      schema: { tags, summary: '医共体统一检查目录（统一价格，单位：分）', response: { 200: z.array(catalogueItem) } },
    },
    (req) => svc.catalogue(ctxOf(req).db),
  );
  app.get(
    '/api/exam-orders',
    {
      schema: {
        tags,
        summary: '一单通检查单（我开的 / 本院执行的）',
        querystring: examOrderQuery,
        response: { 200: z.array(examOrder) },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.post(
    '/api/exam-orders',
    {
      schema: {
        tags,
        summary: '开具一单通检查（需 Idempotency-Key；重放返回 200 与 Idempotent-Replayed: true）',
        headers: optionalIdempotencyHeaders,
        body: examOrderCreate,
        response: { 200: examOrder, 201: examOrder },
      },
    },
    async (req, reply) => sendIdempotent(reply, await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  const step = { tags, params: idParam, response: { 200: examOrder } };
  app.post(
    '/api/exam-orders/:id/schedule',
    { schema: { ...step, summary: '预约检查时间', body: scheduleBody } },
    (req) => svc.advance(ctxOf(req), req.params.id, { move: 'schedule', body: req.body }),
  );
  app.post('/api/exam-orders/:id/perform', { schema: { ...step, summary: '检查完成', body: emptyBody } }, (req) =>
    svc.advance(ctxOf(req), req.params.id, { move: 'perform' }),
  );
  app.post(
    '/api/exam-orders/:id/report',
    { schema: { ...step, summary: '出具结果（回传开单医生）', body: reportBody } },
    (req) => svc.advance(ctxOf(req), req.params.id, { move: 'report', body: req.body }),
  );
  app.post(
    '/api/exam-orders/:id/cancel',
    { schema: { ...step, summary: '撤销检查单（开单机构）', body: emptyBody } },
    (req) => svc.advance(ctxOf(req), req.params.id, { move: 'cancel' }),
  );
};
