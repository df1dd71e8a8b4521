import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { admission, admissionCreate, admitBody, bedBoard, bedBoardQuery, bedsCreate } from './admission.schema.ts';
import * as svc from './admission.service.ts';

export const admissionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admissions'];
  app.get(
    '/api/bed-board',
    {
      schema: {
        tags,
        summary: '科室床位看板与待入院列表（三优先）',
        querystring: bedBoardQuery,
        response: { 200: bedBoard },
      },
    },
    (req) => svc.board(ctxOf(req), req.query.departmentId),
  );
  app.post(
    '/api/beds',
    { schema: { tags, summary: '登记床位', body: bedsCreate, response: { 201: bedBoard } } },
    async (req, reply) => reply.status(201).send(await svc.addBeds(ctxOf(req), req.body.departmentId, req.body.codes)),
  );
  app.post(
    '/api/admissions',
    { schema: { tags, summary: '住院申请', body: admissionCreate, response: { 201: admission } } },
    async (req, reply) => reply.status(201).send(await svc.request(ctxOf(req), req.body)),
  );
  app.post(
    '/api/admissions/:id/admit',
    { schema: { tags, summary: '安排床位入院', params: idParam, body: admitBody, response: { 200: admission } } },
    (req) => svc.admit(ctxOf(req), req.params.id, req.body.bedId),
  );
  app.post(
    '/api/admissions/:id/discharge',
    { schema: { tags, summary: '出院', params: idParam, response: { 200: admission } } },
    (req) => svc.discharge(ctxOf(req), req.params.id),
  );
};
