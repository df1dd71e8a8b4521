import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import { department, departmentCreate, departmentPatch, org, orgCreate, orgDetail, orgPatch } from './orgs.schema.ts';
import * as svc from './orgs.service.ts';
import { wardRoutes } from './ward.routes.ts';

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['orgs'];
  app.get(
    '/api/orgs',
    { schema: { tags, summary: '机构列表（医共体网络）', response: { 200: z.array(org) } } },
    (req) => svc.list(ctxOf(req)),
  );
  app.get(
    '/api/orgs/:id',
    { schema: { tags, summary: '机构详情及科室', params: idParam, response: { 200: orgDetail } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/orgs',
    { schema: { tags, summary: '新建机构', body: orgCreate, response: { 201: org } } },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/orgs/:id',
    { schema: { tags, summary: '修改机构', params: idParam, body: orgPatch, response: { 200: org } } },
    (req) => svc.patch(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/departments',
    { schema: { tags, summary: '新建科室', params: idParam, body: departmentCreate, response: { 201: department } } },
    async (req, reply) => reply.status(201).send(await svc.createDepartment(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/departments/:id',
    { schema: { tags, summary: '修改科室', params: idParam, body: departmentPatch, response: { 200: department } } },
    (req) => svc.patchDepartment(ctxOf(req), req.params.id, req.body),
  );
  await app.register(wardRoutes); // wards and beds per department
};
