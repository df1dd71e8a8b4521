import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { optionalIdempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { admissionRoutes } from './admission.routes.ts';
import { attachmentRoutes } from './attachment.routes.ts';
import { deadlineRoutes } from './deadline.routes.ts';
import { taskRoutes } from './down-referral/task.routes.ts';
import { examOrderRoutes } from './exam-order.routes.ts';
import { figuresRoutes } from './figures.routes.ts';
import { guidanceFor, searchIcd10 } from './icd10.ts';
import { outOfCountyRoutes } from './out-of-county.routes.ts';
import * as actions from './referral.actions.ts';
import {
  acceptBody,
  downReferralCreate,
  guidance,
  guidanceQuery,
  icdItem,
  icdQuery,
  redirectBody,
  referralCreate,
  referralDetail,
  referralTarget,
  referralTargetsQuery,
  rejectBody,
  submitBody,
  transitionBody,
  worklist,
  worklistQuery,
} from './referral.schema.ts';
import * as svc from './referral.service.ts';
import { referralStream } from './referral.stream.ts';

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: '转诊工作台（转入/转出/全部，含倒计时与未读数）',
        querystring: worklistQuery,
        response: { 200: worklist },
      },
    },
    (req) => svc.worklist(ctxOf(req), req.query),
  );
  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: '新建转诊单（需 Idempotency-Key；重放返回 200 与 Idempotent-Replayed: true）',
        headers: optionalIdempotencyHeaders,
        body: referralCreate,
        response: { 200: referralDetail, 201: referralDetail },
      },
    },
    async (req, reply) => sendIdempotent(reply, await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.get(
    '/api/referral-targets',
    {
      schema: {
        tags,
        summary: '可选接收机构：上转为上级机构，下转为下级机构（与新建时的校验同一规则）',
        querystring: referralTargetsQuery,
        response: { 200: z.array(referralTarget) },
      },
    },
    (req) => svc.targets(ctxOf(req), req.query.direction),
  );
  app.get(
    '/api/referrals/:id',
    { schema: { tags, summary: '转诊单详情与时间线', params: idParam, response: { 200: referralDetail } } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );

  const step = { tags, params: idParam, response: { 200: referralDetail } };
  app.post(
    '/api/referrals/:id/submit',
    { schema: { ...step, summary: '提交草稿（须有知情同意）', body: submitBody } },
    (req) => actions.act(ctxOf(req), req.params.id, { action: 'submit', body: req.body }),
  );
  app.post(
    '/api/referrals/:id/accept',
    { schema: { ...step, summary: '接收转诊（并发时只有一人成功）', body: acceptBody } },
    (req) => actions.act(ctxOf(req), req.params.id, { action: 'accept', body: req.body }),
  );
  app.post(
    '/api/referrals/:id/reject',
    { schema: { ...step, summary: '拒绝转诊（须填原因）', body: rejectBody } },
    (req) => actions.act(ctxOf(req), req.params.id, { action: 'reject', body: req.body }),
  );
  app.post(
    '/api/referrals/:id/redirect',
    { schema: { ...step, summary: '改派到其他机构', body: redirectBody } },
    (req) => actions.act(ctxOf(req), req.params.id, { action: 'redirect', body: req.body }),
  );
  const plain = [
    ['arrive', '患者到院登记'],
    ['complete', '诊疗完成'],
    ['close', '结案（不下转）'],
    ['cancel', '撤销转诊'],
  ] as const;
  for (const [action, summary] of plain) {
    app.post(`/api/referrals/:id/${action}`, { schema: { ...step, summary, body: transitionBody } }, (req) =>
      actions.act(ctxOf(req), req.params.id, { action, body: req.body }),
    );
  }
  app.post(
    '/api/referrals/:id/down-referrals',
    {
      schema: {
        tags,
        summary: '出院下转（出院小结 + 康复/随访计划，生成基层任务）',
        params: idParam,
        body: downReferralCreate,
        response: { 201: referralDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await actions.downRefer(ctxOf(req), req.params.id, req.body)),
  );

  app.get('/api/referral-stream', { schema: { tags, summary: '转诊实时更新（Server-Sent Events）' } }, (req, reply) =>
    referralStream(ctxOf(req), req, reply),
  );

  app.get(
    '/api/icd10',
    {
      schema: {
        tags,
        summary: 'ICD-10 诊断检索（编码、名称、拼音首字母）',
        querystring: icdQuery,
        response: { 200: z.array(icdItem) },
      },
    },
    (req) => searchIcd10(req.query.q, req.query.limit).map(({ code, name }) => ({ code, name })),
  );
  app.get(
    '/api/referral-guidance',
    {
      schema: {
        tags,
        summary: '分级诊疗指引：该病种建议的诊治层级',
        querystring: guidanceQuery,
        response: { 200: guidance },
      },
    },
    (req) => guidanceFor(req.query.code),
  );

  await app.register(attachmentRoutes);
  await app.register(taskRoutes);
  await app.register(deadlineRoutes);
  await app.register(examOrderRoutes);
  await app.register(admissionRoutes);
  await app.register(outOfCountyRoutes);
  await app.register(figuresRoutes);
};
