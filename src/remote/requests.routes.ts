import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { optionalIdempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import * as reading from './reading.service.ts';
import * as reports from './reports.service.ts';
import {
  amendBody,
  cancelBody,
  recognitionQuery,
  reportDraft,
  requestCreate,
  requestQuery,
  returnBody,
  worklistQuery,
} from './requests.schema.ts';
import * as svc from './requests.service.ts';

/** remote diagnosis (issue 12): requests, the centres' live worklist, claims, reports with review, amendments */
export const remoteRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote'];
  app.get('/api/remote/items', { schema: { tags, summary: '远程诊断项目目录与报告时限' } }, (req) =>
    svc.items(ctxOf(req)),
  );
  app.get(
    '/api/remote/recognition',
    { schema: { tags, summary: '结果互认：该居民同一项目在互认期内的已签发报告', querystring: recognitionQuery } },
    (req) => svc.recognitionCandidates(ctxOf(req), req.query.residentId, req.query.itemCode),
  );
  app.post(
    '/api/remote/requests',
    {
      schema: {
        tags,
        summary: '申请远程诊断（需 Idempotency-Key；检查号与应报告时间由系统按时限表生成）',
        headers: optionalIdempotencyHeaders,
        body: requestCreate,
      },
    },
    async (req, reply) => sendIdempotent(reply, await svc.create(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.get(
    '/api/remote/requests',
    { schema: { tags, summary: '远程诊断申请（本机构申请的 / 本中心诊断的）', querystring: requestQuery } },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/remote/requests/export',
    { schema: { tags, summary: '导出远程诊断申请（Excel）', querystring: requestQuery } },
    async (req, reply) => sendXlsx(reply, await svc.exportXlsx(ctxOf(req), req.query)),
  );
  app.get(
    '/api/remote/requests/:id',
    { schema: { tags, summary: '诊断申请详情：报告各版本、阅读记录、时间轴', params: idParam } },
    (req) => svc.get(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/remote/requests/:id/cancel',
    { schema: { tags, summary: '撤销申请（诊断中心领取前）', params: idParam, body: cancelBody } },
    (req) => svc.cancel(ctxOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/remote/requests/:id/read',
    { schema: { tags, summary: '申请医生确认已阅当前版本报告（记录按哪一版处置）', params: idParam } },
    (req) => svc.markRead(ctxOf(req), req.params.id),
  );

  // ---- the reading centre
  app.get(
    '/api/remote/worklist',
    { schema: { tags, summary: '诊断中心工作列表（急诊优先、按应报告时间）', querystring: worklistQuery } },
    (req) => reading.worklist(ctxOf(req), req.query),
  );
  app.get('/api/remote/stream', { schema: { tags, summary: '工作列表与申请状态实时推送（SSE）' } }, (req, reply) => {
    if (!String(req.headers.accept ?? '').includes('text/event-stream'))
      throw new AppError(
        406,
        'EVENT_STREAM_ONLY',
        '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接',
      );
    const ctx = ctxOf(req);
    const orgs = new Set(ctx.scope.orgIds);
    openEventStream(req, reply, ctx.platform.events, {
      topics: ['remote.request', 'remote.report', 'remote.critical'],
      visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
    });
  });
  const step = { tags, params: idParam };
  app.post(
    '/api/remote/requests/:id/claim',
    { schema: { ...step, summary: '领取阅片（并发时只有一人成功）' } },
    async (req) => {
      await reading.claim(ctxOf(req), req.params.id);
      return svc.get(ctxOf(req), req.params.id);
    },
  );
  app.post(
    '/api/remote/requests/:id/release',
    { schema: { ...step, summary: '放回工作列表（未写报告时）' } },
    async (req) => {
      await reading.release(ctxOf(req), req.params.id);
      return svc.get(ctxOf(req), req.params.id);
    },
  );
  app.put(
    '/api/remote/requests/:id/report',
    { schema: { ...step, summary: '保存报告草稿（结构化：心电测量项 / 所见与印象）', body: reportDraft } },
    async (req) => {
      await reports.saveDraft(ctxOf(req), req.params.id, req.body);
      return svc.get(ctxOf(req), req.params.id);
    },
  );
  app.post('/api/remote/requests/:id/report/submit', { schema: { ...step, summary: '提交审核' } }, async (req) => {
    await reports.submit(ctxOf(req), req.params.id);
    return svc.get(ctxOf(req), req.params.id);
  });
  app.post(
    '/api/remote/requests/:id/amend',
    { schema: { ...step, summary: '更正已签发报告：生成下一版本草稿（原报告不变）', body: amendBody } },
    async (req) => {
      await reports.amend(ctxOf(req), req.params.id, req.body.reason);
      return svc.get(ctxOf(req), req.params.id);
    },
  );
  app.post(
    '/api/remote/reports/:id/issue',
    { schema: { ...step, summary: '审核签发（审核医师不能是书写人）' } },
    async (req) => {
      await reports.issue(ctxOf(req), req.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/remote/reports/:id/return',
    { schema: { ...step, summary: '退回书写医师修改', body: returnBody } },
    async (req) => {
      await reports.returnToAuthor(ctxOf(req), req.params.id, req.body.reason);
      return { ok: true };
    },
  );
};
