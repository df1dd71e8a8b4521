import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { expert, expertCreate, expertPage, expertPatch, expertSearch } from './expert.schema.ts';
import * as svc from './expert.service.ts';

export const expertRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['clinics'];
  app.get(
    '/api/experts',
    { schema: { tags, summary: '专家名册', querystring: expertSearch, response: { 200: expertPage } } },
    (req) => svc.search(ctxOf(req), req.query),
  );
  app.get(
    '/api/experts/:id',
    { schema: { tags, summary: '专家详情', params: idParam, response: { 200: expert } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/experts',
    { schema: { tags, summary: '登记专家', body: expertCreate, response: { 201: expert } } },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/experts/:id',
    { schema: { tags, summary: '修改专家信息', params: idParam, body: expertPatch, response: { 200: expert } } },
    (req) => svc.patch(ctxOf(req), req.params.id, req.body),
  );
};
