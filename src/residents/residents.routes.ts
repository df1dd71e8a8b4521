import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import {
  resident,
  residentCreate,
  residentPage,
  residentPatch,
  residentSearch,
  residentStats,
  revealBody,
  revealed,
} from './residents.schema.ts';
import * as svc from './residents.service.ts';

export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['residents'];
  app.get(
    '/api/residents',
    {
      schema: {
        tags,
        summary: '搜索居民（姓名、拼音首字母、身份证号、手机号）',
        querystring: residentSearch,
        response: { 200: residentPage },
      },
    },
    (req) => svc.search(ctxOf(req), req.query),
  );
  app.get(
    '/api/residents/:id',
    { schema: { tags, summary: '居民档案（脱敏）', params: idParam, response: { 200: resident } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/residents',
    { schema: { tags, summary: '登记居民', body: residentCreate, response: { 201: resident } } },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/residents/:id',
    { schema: { tags, summary: '修改居民档案', params: idParam, body: residentPatch, response: { 200: resident } } },
    (req) => svc.patch(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/residents/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整身份证号/手机号（留痕）',
        params: idParam,
        body: revealBody,
        response: { 200: revealed },
      },
    },
    (req) => svc.reveal(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/resident-stats',
    { schema: { tags, summary: '各机构居民汇总（小于 5 的格子不显示）', response: { 200: residentStats } } },
    (req) => svc.stats(ctxOf(req)),
  );
};
