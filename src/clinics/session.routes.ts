import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import {
  clinicSessionDetail,
  clinicSessionPage,
  closeResult,
  reasonBody,
  sessionCreate,
  sessionSearch,
} from './session.schema.ts';
import * as svc from './session.service.ts';
import { clinicSettings, clinicSettingsPatch } from './settings.schema.ts';
import * as settings from './settings.service.ts';

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['clinics'];
  app.get(
    '/api/clinic-sessions',
    {
      schema: {
        tags,
        summary: '门诊安排（专家坐诊与普通门诊）',
        querystring: sessionSearch,
        response: { 200: clinicSessionPage },
      },
    },
    (req) => svc.search(ctxOf(req), req.query),
  );
  app.get(
    '/api/clinic-sessions/:id',
    { schema: { tags, summary: '门诊安排详情与号源', params: idParam, response: { 200: clinicSessionDetail } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/clinic-sessions',
    {
      schema: {
        tags,
        summary: '安排门诊并生成号源（超出补贴预算需审批）',
        body: sessionCreate,
        response: { 201: clinicSessionDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.post(
    '/api/clinic-sessions/:id/approve',
    { schema: { tags, summary: '审批超预算的专家坐诊', params: idParam, response: { 200: clinicSessionDetail } } },
    (req) => svc.approve(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/clinic-sessions/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消门诊：通知已预约患者并释放号源',
        params: idParam,
        body: reasonBody,
        response: { 200: clinicSessionDetail.extend({ notified: z.number() }) },
      },
    },
    (req) => svc.cancel(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/clinic-sessions/:id/close',
    { schema: { tags, summary: '门诊结束：未签到的预约登记为爽约', params: idParam, response: { 200: closeResult } } },
    (req) => svc.close(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/clinic-settings',
    {
      schema: {
        tags,
        summary: '预约规则（放号时间、取消截止、转诊预留、爽约限制）',
        response: { 200: clinicSettings },
      },
    },
    (req) => settings.get(ctxOf(req)),
  );
  app.patch(
    '/api/clinic-settings',
    { schema: { tags, summary: '修改预约规则', body: clinicSettingsPatch, response: { 200: clinicSettings } } },
    (req) => settings.patch(ctxOf(req), req.body),
  );
};
