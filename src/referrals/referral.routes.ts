import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, intQuery } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { guidanceFor, searchIcd10, CARE_LEVELS } from './icd10.ts';
import * as actions from './referral.actions.ts';
import {
  acceptBody,
  downReferralCreate,
  idempotencyHeader,
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
import { attachmentRoutes } from './attachment.routes.ts';
import { taskRoutes } from './down-referral/task.routes.ts';
import { startDeadlineScheduler } from './deadline.service.ts';
import { deadlineRoutes } from './deadline.routes.ts';
import { examOrderRoutes } from './exam-order.routes.ts';
import { admissionRoutes } from './admission.routes.ts';
import { outOfCountyRoutes } from './out-of-county.routes.ts';
import { figuresRoutes } from './figures.ts';

const icdItem = z.object({ code: z.string(), name: z.string() });
const guidance = z.object({
  code: z.string(),
  level: z.enum(CARE_LEVELS),
  downTo: z.enum(CARE_LEVELS).nullable(),
  speciality: z.string().nullable(),
  note: z.string(),
});

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
        summary: '新建转诊单（需 Idempotency-Key）',
        headers: idempotencyHeader,
        body: referralCreate,
        response: { 200: referralDetail, 201: referralDetail },
      },
    },
    async (req, reply) => {
      const { referral: r, replayed } = await svc.create(ctxOf(req), req.body, req.headers['idempotency-key']);
      return reply
        .status(replayed ? 200 : 201)
        .header('idempotent-replayed', String(replayed))
        .send(r);
    },
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

  const transition = (
    action: 'submit' | 'accept' | 'arrive' | 'complete' | 'close' | 'cancel',
    summary: string,
    body: typeof transitionBody | typeof submitBody | typeof acceptBody = transitionBody,
  ) =>
    app.post(
      `/api/referrals/:id/${action}`,
      { schema: { tags, summary, params: idParam, body, response: { 200: referralDetail } } },
      (req) => actions.act(ctxOf(req), req.params.id, action, req.body),
    );
  transition('submit', '提交草稿（须有知情同意）', submitBody);
  transition('accept', '接收转诊（并发时只有一人成功）', acceptBody);
  transition('arrive', '患者到院登记');
  transition('complete', '诊疗完成');
  transition('close', '结案（不下转）');
  transition('cancel', '撤销转诊');
  app.post(
    '/api/referrals/:id/reject',
    {
      schema: {
        tags,
        summary: '拒绝转诊（须填原因）',
        params: idParam,
        body: rejectBody,
        response: { 200: referralDetail },
      },
    },
    (req) => actions.act(ctxOf(req), req.params.id, 'reject', req.body),
  );
  app.post(
    '/api/referrals/:id/redirect',
    {
      schema: {
        tags,
        summary: '改派到其他机构',
        params: idParam,
        body: redirectBody,
        response: { 200: referralDetail },
      },
    },
    (req) => actions.act(ctxOf(req), req.params.id, 'redirect', req.body),
  );
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

  // Live worklists: one stream per user, filtered exactly like row-level security.
  app.get('/api/referral-stream', { schema: { tags, summary: '转诊实时更新（Server-Sent Events）' } }, (req, reply) => {
    const ctx = ctxOf(req);
    if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
      throw new AppError(
        406,
        'EVENT_STREAM_ONLY',
        '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接',
      );
    }
    const orgs = new Set(ctx.scope.orgIds);
    openEventStream(req, reply, app.platform.events, {
      topics: ['referral.'],
      visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
    });
  });

  app.get(
    '/api/icd10',
    {
      schema: {
        tags,
        summary: 'ICD-10 诊断检索（编码、名称、拼音首字母）',
        querystring: z.object({
          q: z.string().max(30, '搜索词不能超过 30 个字').default(''),
          limit: intQuery({ min: 1, max: 50 }).default(20),
        }),
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
        querystring: z.object({ code: z.string().trim().min(1, '请提供诊断编码').max(10, '诊断编码不正确') }),
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
  startDeadlineScheduler(app);
};
