import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import { bed, bedPatch, bedsCreate, ward, wardCreate, wardPatch, wardQuery } from './ward.schema.ts';
import * as svc from './ward.service.ts';

export const wardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['wards'];
  app.get(
    '/api/wards',
    {
      schema: {
        tags,
        summary: '病区列表（床位数、开放数、占用数）',
        querystring: wardQuery,
        response: { 200: z.array(ward) },
      },
    },
    (req) => svc.listWards(ctxOf(req), req.query),
  );
  app.post(
    '/api/wards',
    { schema: { tags, summary: '新建病区', body: wardCreate, response: { 201: ward } } },
    async (req, reply) => reply.status(201).send(await svc.createWard(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/wards/:id',
    { schema: { tags, summary: '修改病区', params: idParam, body: wardPatch, response: { 200: ward } } },
    (req) => svc.patchWard(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/wards/:id/beds',
    { schema: { tags, summary: '病区床位及占用', params: idParam, response: { 200: z.array(bed) } } },
    (req) => svc.wardBeds(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/wards/:id/beds',
    {
      schema: {
        tags,
        summary: '登记床位（床位数或床位号）',
        params: idParam,
        body: bedsCreate,
        response: { 201: z.array(bed) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addBeds(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/beds/:id',
    { schema: { tags, summary: '修改床位类型或状态', params: idParam, body: bedPatch, response: { 200: bed } } },
    (req) => svc.patchBed(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/departments/:id/beds',
    { schema: { tags, summary: '科室床位及占用', params: idParam, response: { 200: z.array(bed) } } },
    (req) => svc.departmentBeds(ctxOf(req), req.params.id),
  );
};
