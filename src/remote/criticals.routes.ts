import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { idParam } from '../platform/params.ts';
import * as read from './criticals.read.service.ts';
import {
  ackBody,
  actBody,
  criticalQuery,
  dutyBody,
  dutyCandidatesQuery,
  dutyQuery,
  flagBody,
  inboxQuery,
  noteBody,
  taskDoneBody,
  taskQuery,
  withdrawBody,
} from './criticals.schema.ts';
import * as critical from './criticals.service.ts';
import * as tasks from './criticals.tasks.service.ts';
import { inbox } from './inbox.service.ts';
import { REMOTE_TOPIC } from './remote.shared.ts';

/** remote diagnosis (issue 12): 危急值 — flag, double check, push with replay, read-back, escalation's tasks, duty roster */
export const remoteCriticalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote-criticals'];
  app.get(
    '/api/remote/requests/:id/criticals',
    { schema: { tags, summary: '申请的危急值及本中心现行危急值目录', params: idParam } },
    (req) => read.ofRequest(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/remote/requests/:id/criticals',
    { schema: { tags, summary: '标记危急值（待另一位医师复核）', params: idParam, body: flagBody } },
    async (req, reply) => reply.code(201).send(await critical.flag(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/remote/criticals/:id/check',
    { schema: { tags, summary: '复核危急值并立即通知申请机构', params: idParam } },
    (req) => critical.check(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/remote/criticals/:id/withdraw',
    { schema: { tags, summary: '复核前撤回危急值', params: idParam, body: withdrawBody } },
    (req) => critical.withdraw(ctxOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/remote/criticals/:id/acknowledge',
    { schema: { tags, summary: '回读确认危急值（须复述内容并填写患者状态）', params: idParam, body: ackBody } },
    (req) => critical.acknowledge(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/remote/criticals/:id/act',
    { schema: { tags, summary: '记录危急值处置措施', params: idParam, body: actBody } },
    (req) => critical.act(ctxOf(req), req.params.id, req.body.action),
  );
  app.post(
    '/api/remote/criticals/:id/note',
    { schema: { tags, summary: '书写危急值病程记录', params: idParam, body: noteBody } },
    (req) => critical.note(ctxOf(req), req.params.id, req.body.text),
  );
  app.get('/api/remote/criticals', { schema: { tags, summary: '危急值列表', querystring: criticalQuery } }, (req) =>
    read.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/remote/criticals/:id',
    { schema: { tags, summary: '危急值详情与全程时间线', params: idParam } },
    (req) => read.detail(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/remote/tasks',
    { schema: { tags, summary: '危急值待办（回访患者、病程记录）', querystring: taskQuery } },
    (req) => tasks.listTasks(ctxOf(req), req.query),
  );
  app.post(
    '/api/remote/tasks/:id/done',
    { schema: { tags, summary: '完成危急值待办', params: idParam, body: taskDoneBody } },
    (req) => tasks.taskDone(ctxOf(req), req.params.id, req.body.outcome),
  );
  app.get(
    '/api/remote/duty',
    { schema: { tags, summary: '值班表（值班医生、负责人、医务部）', querystring: dutyQuery } },
    (req) => tasks.listDuty(ctxOf(req), req.query.orgId),
  );
  app.get(
    '/api/remote/duty/candidates',
    { schema: { tags, summary: '可排班人员（本机构及其上级卫生院）', querystring: dutyCandidatesQuery } },
    (req) => tasks.dutyCandidates(ctxOf(req), req.query.orgId),
  );
  app.post(
    '/api/remote/duty',
    { schema: { tags, summary: '设置值班（管理员；卫生院负责人设置本院）', body: dutyBody } },
    async (req, reply) => reply.code(201).send(await tasks.setDuty(ctxOf(req), req.body)),
  );
  app.get(
    '/api/remote/inbox',
    { schema: { tags, summary: '我的通知（断线重连后按编号补取）', querystring: inboxQuery } },
    (req) => inbox(ctxOf(req), req.query.after, req.query.limit),
  );
  app.get('/api/remote/inbox/stream', { schema: { tags, summary: '危急值等通知实时推送（SSE）' } }, (req, reply) => {
    if (!String(req.headers.accept ?? '').includes('text/event-stream'))
      throw new AppError(
        406,
        'EVENT_STREAM_ONLY',
        '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接',
      );
    const ctx = ctxOf(req);
    const orgs = new Set(ctx.scope.orgIds);
    openEventStream(req, reply, ctx.platform.events, {
      topics: [REMOTE_TOPIC.notice],
      visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
    });
  });
};
