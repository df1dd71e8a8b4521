import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import {
  idParam,
  matchBody,
  messageDetail,
  messagePage,
  messageQuery,
  overview,
  processed,
  replayBody,
  replayResult,
  sender,
  senderCreate,
  senderPatch,
} from './his.schema.ts';
import * as svc from './his.service.ts';

const HL7_MIME = 'application/hl7-v2';

export const hisRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['his'];
  // HIS systems post the message as it is: application/hl7-v2 (or text/plain), UTF-8
  app.addContentTypeParser(HL7_MIME, { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/his/messages',
    {
      schema: {
        tags,
        summary: 'HIS 发送 HL7 v2 消息（HTTP），应答为 HL7 ACK（AA/AE/AR）',
        description:
          '请求头 x-his-facility 为已登记的机构代码（与 MSH-4 一致），Authorization: Bearer <共享密钥>；正文为 HL7 报文（application/hl7-v2 或 text/plain）',
        headers: z.looseObject({
          'x-his-facility': z
            .string()
            .min(1, '请在 x-his-facility 请求头中提供发送方机构代码')
            .describe('已登记的发送方机构代码，与报文 MSH-4 一致'),
          authorization: z
            .string()
            .min(1, '请在 Authorization 请求头中提供共享密钥')
            .describe('Bearer <登记发送方时获得的共享密钥>'),
        }),
        body: z.string().min(1, '报文为空').max(1_000_000, '报文过大'),
      },
    },
    async (req, reply) => {
      const secret = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const s = await svc.authenticateSender(app.platform.db, req.headers['x-his-facility'], secret);
      const result = await svc.receiveHttp(app.platform, s, req.body);
      return reply
        .header('x-his-ack-code', result.ackCode)
        .header('x-his-message-id', String(result.id))
        .type(`${HL7_MIME}; charset=utf-8`)
        .send(result.ack);
    },
  );
  app.get(
    '/api/his/overview',
    { schema: { tags, summary: 'HIS 接口概况：各发送方计数、最后消息、延迟', response: { 200: overview } } },
    (req) => svc.overview(ctxOf(req)),
  );
  app.get(
    '/api/his/messages',
    {
      schema: {
        tags,
        summary: 'HIS 消息列表（按状态、发送方、类型筛选）',
        querystring: messageQuery,
        response: { 200: messagePage },
      },
    },
    (req) => svc.listMessages(ctxOf(req), req.query),
  );
  app.get(
    '/api/his/messages/:id',
    {
      schema: {
        tags,
        summary: 'HIS 消息详情（原文与应答，身份证号已脱敏）',
        params: idParam,
        response: { 200: messageDetail },
      },
    },
    (req) => svc.getMessage(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/his/messages/:id/match',
    {
      schema: {
        tags,
        summary: '待匹配消息：按身份证号匹配居民并处理',
        params: idParam,
        body: matchBody,
        response: { 200: processed },
      },
    },
    (req) => svc.match(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/his/replay',
    {
      schema: {
        tags,
        summary: '重新处理待匹配与出错的消息（修复后）',
        body: replayBody,
        response: { 200: replayResult },
      },
    },
    (req) => svc.replayAsUser(ctxOf(req), req.body.ids ?? null),
  );
  app.post(
    '/api/his/senders',
    {
      schema: {
        tags,
        summary: '登记 HIS 发送方（MSH-4 → 机构），返回一次性显示的共享密钥',
        body: senderCreate,
        response: { 201: sender },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createSender(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/his/senders/:id',
    {
      schema: {
        tags,
        summary: '修改、停用发送方或更换共享密钥',
        params: idParam,
        body: senderPatch,
        response: { 200: sender },
      },
    },
    (req) => svc.patchSender(ctxOf(req), req.params.id, req.body),
  );
};
