import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import {
  board,
  checkInBody,
  checkInResult,
  queueView,
  screen,
  screenCreate,
  screenWithToken,
  ticketStatus,
  tokenQuery,
} from './queue.schema.ts';
import * as svc from './queue.service.ts';
import * as screens from './screen.service.ts';
import * as tickets from './ticket.service.ts';

export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['clinics'];
  app.post(
    '/api/clinic-bookings/:id/check-in',
    {
      schema: {
        tags,
        summary: '签到取号（急诊、转诊、80 岁以上优先）',
        params: idParam,
        body: checkInBody,
        response: { 201: checkInResult },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.checkIn(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/clinic-sessions/:id/queue',
    { schema: { tags, summary: '候诊队列（医生工作台）', params: idParam, response: { 200: queueView } } },
    (req) => svc.queue(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/clinic-sessions/:id/call-next',
    { schema: { tags, summary: '叫下一位（当前患者完成）', params: idParam, response: { 200: queueView } } },
    (req) => svc.callNext(ctxOf(req), req.params.id),
  );
  for (const action of ['recall', 'skip', 'finish', 'requeue'] as const) {
    const summary = { recall: '重呼', skip: '过号', finish: '完成就诊', requeue: '过号患者重新排队' }[action];
    app.post(
      `/api/clinic-queue-tickets/:id/${action}`,
      { schema: { tags, summary, params: idParam, response: { 200: queueView } } },
      (req) => svc.act(ctxOf(req), req.params.id, action),
    );
  }
  app.get(
    '/api/clinic-screens',
    { schema: { tags, summary: '叫号屏列表', response: { 200: z.array(screen) } } },
    (req) => screens.list(ctxOf(req)),
  );
  app.post(
    '/api/clinic-screens',
    {
      schema: {
        tags,
        summary: '登记叫号屏（返回一次性显示的屏幕链接）',
        body: screenCreate,
        response: { 201: screenWithToken },
      },
    },
    async (req, reply) => reply.status(201).send(await screens.create(ctxOf(req), req.body)),
  );
  app.post(
    '/api/clinic-screens/:id/rotate',
    {
      schema: {
        tags,
        summary: '更换叫号屏链接（旧链接立即失效）',
        params: idParam,
        response: { 200: screenWithToken },
      },
    },
    (req) => screens.rotate(ctxOf(req), req.params.id),
  );
  // public: authenticated by the screen's or ticket's own token inside the service
  app.get(
    '/api/screen/board',
    { schema: { tags, summary: '叫号屏当前内容（屏幕令牌）', querystring: tokenQuery, response: { 200: board } } },
    (req) => screens.board(req.server.platform.db, req.auditCtx, req.query.token),
  );
  app.get(
    '/api/screen/stream',
    { schema: { tags, summary: '叫号屏实时事件（SSE，屏幕令牌）', querystring: tokenQuery } },
    (req, reply) => screens.stream(req, reply, req.query.token),
  );
  app.get(
    '/api/queue-ticket',
    {
      schema: {
        tags,
        summary: '患者手机查看排队位置与预计等待（排队号令牌）',
        querystring: tokenQuery,
        response: { 200: ticketStatus },
      },
    },
    (req) => tickets.ticketStatus(req.server.platform.db, req.auditCtx, req.query.token),
  );
  app.get(
    '/api/queue-ticket/stream',
    {
      schema: {
        tags,
        summary: '患者手机排队实时更新（SSE，排队号令牌；只推送本人的位置与预计等待）',
        querystring: tokenQuery,
      },
    },
    (req, reply) => tickets.ticketStream(req, reply, req.query.token),
  );
};
