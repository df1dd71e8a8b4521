import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import {
  catalogueItem,
  examOrder,
  examOrderCreate,
  examOrderQuery,
  reportBody,
  scheduleBody,
} from './exam-order.schema.ts';
import * as svc from './exam-order.service.ts';
import { idempotencyHeader } from './referral.schema.ts';

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
        summary: '开具一单通检查（需 Idempotency-Key）',
        headers: idempotencyHeader,
        body: examOrderCreate,
        response: { 200: examOrder, 201: examOrder },
      },
    },
    async (req, reply) => {
      const { order, replayed } = await svc.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      return reply.status(replayed ? 200 : 201).send(order);
    },
  );
  app.post(
    '/api/exam-orders/:id/schedule',
    { schema: { tags, summary: '预约检查时间', params: idParam, body: scheduleBody, response: { 200: examOrder } } },
    (req) => svc.advance(ctxOf(req), req.params.id, 'schedule', req.body),
  );
  app.post(
    '/api/exam-orders/:id/perform',
    { schema: { tags, summary: '检查完成', params: idParam, body: z.object({}), response: { 200: examOrder } } },
    (req) => svc.advance(ctxOf(req), req.params.id, 'perform', {}),
  );
  app.post(
    '/api/exam-orders/:id/report',
    {
      schema: {
        tags,
        summary: '出具结果（回传开单医生）',
        params: idParam,
        body: reportBody,
        response: { 200: examOrder },
      },
    },
    (req) => svc.advance(ctxOf(req), req.params.id, 'report', req.body),
  );
  app.post(
    '/api/exam-orders/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销检查单（开单机构）',
        params: idParam,
        body: z.object({}),
        response: { 200: examOrder },
      },
    },
    (req) => svc.advance(ctxOf(req), req.params.id, 'cancel', {}),
  );
};
