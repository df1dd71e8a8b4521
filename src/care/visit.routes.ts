import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { idempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { idParam } from '../platform/params.ts';
import { feeLinesBody } from './care.schema.ts';
import * as svc from './visit.service.ts';
import {
  cancelBody,
  closeDayBody,
  closeDayResult,
  prescriptionCreate,
  visit,
  visitCreate,
  visitDetail,
  visitExamBody,
  visitPage,
  visitPatch,
  visitQuery,
} from './visit.schema.ts';

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['visits'];
  app.get(
    '/api/visits',
    {
      schema: { tags, summary: '门诊就诊列表（本机构及下属）', querystring: visitQuery, response: { 200: visitPage } },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.post(
    '/api/visits',
    {
      schema: {
        tags,
        summary: '门诊挂号（需 Idempotency-Key）',
        headers: idempotencyHeaders,
        body: visitCreate,
        response: { 200: visit, 201: visit },
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await svc.register(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.post(
    '/api/visits/close-day',
    { schema: { tags, summary: '门诊日结（本机构）', body: closeDayBody, response: { 200: closeDayResult } } },
    (req) => svc.closeDay(ctxOf(req), req.body.day),
  );
  app.get(
    '/api/visits/:id',
    { schema: { tags, summary: '就诊详情：诊断、检查、处方、费用', params: idParam, response: { 200: visitDetail } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/visits/:id',
    {
      schema: {
        tags,
        summary: '修改主诉、诊断、中医标记（日结后须填原因，记为更正）',
        params: idParam,
        body: visitPatch,
        response: { 200: visitDetail },
      },
    },
    (req) => svc.patch(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/visits/:id/fee-lines',
    {
      schema: {
        tags,
        summary: '记费（按记费时执行价格；退费填负数；日结后须填原因）',
        params: idParam,
        body: feeLinesBody,
        response: { 200: visitDetail },
      },
    },
    (req) => svc.addFees(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/visits/:id/prescriptions',
    {
      schema: {
        tags,
        summary: '开处方（需 Idempotency-Key）',
        params: idParam,
        headers: idempotencyHeaders,
        body: prescriptionCreate,
        response: { 200: visitDetail, 201: visitDetail },
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await svc.prescribe(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key'])),
  );
  app.post(
    '/api/visits/:id/exam-orders',
    {
      schema: {
        tags,
        summary: '开一单通检查（需 Idempotency-Key）',
        params: idParam,
        headers: idempotencyHeaders,
        body: visitExamBody,
        response: { 200: visitDetail, 201: visitDetail },
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await svc.orderExam(ctxOf(req), req.params.id, req.body, req.headers['idempotency-key'])),
  );
  app.post(
    '/api/visits/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销挂号（费用须已全部退还）',
        params: idParam,
        body: cancelBody,
        response: { 200: visitDetail },
      },
    },
    (req) => svc.cancel(ctxOf(req), req.params.id, req.body.reason),
  );
};
