import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { idempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { idParam } from '../platform/params.ts';
import { feeLinesBody } from './care.schema.ts';
import {
  operationCreate,
  stayCreate,
  stayDetail,
  stayDischarge,
  stayPage,
  stayQuery,
  stayTransfer,
} from './stay.schema.ts';
import * as svc from './stay.service.ts';

export const stayRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stays'];
  app.get(
    '/api/stays',
    { schema: { tags, summary: '住院列表（在院在前）', querystring: stayQuery, response: { 200: stayPage } } },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.post(
    '/api/stays',
    {
      schema: {
        tags,
        summary: '办理入院（直接或从待入院列表；需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: stayCreate,
        response: { 200: stayDetail, 201: stayDetail },
      },
    },
    async (req, reply) => sendIdempotent(reply, await svc.admit(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.get(
    '/api/stays/:id',
    { schema: { tags, summary: '住院详情：转科、手术、费用', params: idParam, response: { 200: stayDetail } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/stays/:id/transfer',
    { schema: { tags, summary: '转科 / 转床', params: idParam, body: stayTransfer, response: { 200: stayDetail } } },
    (req) => svc.transfer(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/stays/:id/operations',
    {
      schema: {
        tags,
        summary: '登记手术（一至四级）',
        params: idParam,
        body: operationCreate,
        response: { 200: stayDetail },
      },
    },
    (req) => svc.addOperation(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/stays/:id/discharge',
    {
      schema: {
        tags,
        summary: '出院（离院方式；下转经双向转诊）',
        params: idParam,
        body: stayDischarge,
        response: { 200: stayDetail },
      },
    },
    (req) => svc.discharge(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/stays/:id/fee-lines',
    {
      schema: {
        tags,
        summary: '住院记费（退费填负数）',
        params: idParam,
        body: feeLinesBody,
        response: { 200: stayDetail },
      },
    },
    (req) => svc.addFees(ctxOf(req), req.params.id, req.body),
  );
};
