import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import { staffCreate, staffMember, staffPatch, staffQuery, staffWithPassword } from './staff.schema.ts';
import * as svc from './staff.service.ts';

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['staff'];
  app.get(
    '/api/staff',
    { schema: { tags, summary: '账号列表', querystring: staffQuery, response: { 200: z.array(staffMember) } } },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/staff/:id',
    { schema: { tags, summary: '账号详情', params: idParam, response: { 200: staffMember } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/staff',
    {
      schema: {
        tags,
        summary: '新建账号（返回一次性临时密码）',
        body: staffCreate,
        response: { 201: staffWithPassword },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/staff/:id',
    { schema: { tags, summary: '修改账号', params: idParam, body: staffPatch, response: { 200: staffMember } } },
    (req) => svc.patch(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/staff/:id/disable',
    { schema: { tags, summary: '停用账号', params: idParam, response: { 200: staffMember } } },
    (req) => svc.setDisabled(ctxOf(req), req.params.id, true),
  );
  app.post(
    '/api/staff/:id/enable',
    { schema: { tags, summary: '启用并解锁账号', params: idParam, response: { 200: staffMember } } },
    (req) => svc.setDisabled(ctxOf(req), req.params.id, false),
  );
  app.post(
    '/api/staff/:id/reset-password',
    { schema: { tags, summary: '重置密码（下次登录须修改）', params: idParam, response: { 200: staffWithPassword } } },
    (req) => svc.resetPassword(ctxOf(req), req.params.id),
  );
};
