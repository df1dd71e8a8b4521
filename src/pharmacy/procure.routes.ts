import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import * as dist from './distribution.service.ts';
import * as lists from './procure-list.service.ts';
import {
  consolidate,
  distCreate,
  distQuery,
  distReceive,
  distResolve,
  PO_ACTIONS,
  poQuery,
  poReceipt,
  proposeQuery,
  requestCreate,
  requestQuery,
} from './procure.schema.ts';
import { STOCK_TOPIC } from './procure.shared.ts';
import * as po from './purchase.service.ts';
import * as requests from './request.service.ts';

/** 统一采购与配送 (issue 14): requests, purchase orders and receipts by batch, distribution and 调剂 */
export const procureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pharmacy-procure'];
  app.get('/api/pharmacy/requests', { schema: { tags, summary: '请领单列表', querystring: requestQuery } }, (req) =>
    requests.listRequests(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/requests/export',
    { schema: { tags, summary: '请领单导出 Excel', querystring: requestQuery } },
    async (req, reply) => sendXlsx(reply, await requests.exportRequests(ctxOf(req), req.query)),
  );
  app.get(
    '/api/pharmacy/requests/proposal',
    { schema: { tags, summary: '按最低库存与近 30 天用量建议请领', querystring: proposeQuery } },
    (req) => requests.propose(ctxOf(req), req.query.orgId),
  );
  app.get(
    '/api/pharmacy/requestable-drugs',
    {
      schema: {
        tags,
        summary: '本机构级别可请领的药品（名称、拼音首字母、医保代码）',
        querystring: z.object({ q: z.string().trim().max(40, '搜索词不能超过 40 个字').optional() }),
      },
    },
    (req) => requests.requestableDrugs(ctxOf(req), req.query.q),
  );
  app.post(
    '/api/pharmacy/requests',
    { schema: { tags, summary: '提交请领单（客户端编号幂等，保留设备时间）', body: requestCreate } },
    (req) => requests.createRequest(ctxOf(req), req.body),
  );
  app.post(
    '/api/pharmacy/requests/:id/cancel',
    { schema: { tags, summary: '撤销待汇总的请领单', params: idParam } },
    (req) => requests.cancelRequest(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/pharmacy/purchase-orders',
    { schema: { tags, summary: '汇总请领单，按配送企业生成采购单', body: consolidate } },
    (req) => po.consolidate(ctxOf(req), req.body),
  );
  app.get('/api/pharmacy/purchase-orders', { schema: { tags, summary: '采购单列表', querystring: poQuery } }, (req) =>
    lists.listPos(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/purchase-orders/export',
    { schema: { tags, summary: '采购单导出 Excel', querystring: poQuery } },
    async (req, reply) => sendXlsx(reply, await lists.exportPos(ctxOf(req), req.query)),
  );
  app.get(
    '/api/pharmacy/purchase-orders/:id',
    { schema: { tags, summary: '采购单详情与到货批次', params: idParam } },
    (req) => lists.poDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/purchase-orders/:id/:action',
    {
      schema: {
        tags,
        summary: '采购单审核、发送、关闭、作废',
        params: idParam.extend({ action: z.enum(PO_ACTIONS, { error: '操作不正确' }) }),
      },
    },
    (req) => po.transition(ctxOf(req), req.params.id, req.params.action),
  );
  app.post(
    '/api/pharmacy/purchase-orders/:id/receipts',
    {
      schema: {
        tags,
        summary: '到货验收入库（按批号、效期、追溯码；客户端编号幂等）',
        params: idParam,
        body: poReceipt,
      },
    },
    (req) => po.receive(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/pharmacy/distributions',
    { schema: { tags, summary: '配送与调剂单列表', querystring: distQuery } },
    (req) => lists.listDists(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/distributions/export',
    { schema: { tags, summary: '配送与调剂单导出 Excel', querystring: distQuery } },
    async (req, reply) => sendXlsx(reply, await lists.exportDists(ctxOf(req), req.query)),
  );
  app.get(
    '/api/pharmacy/distributions/:id',
    { schema: { tags, summary: '配送单详情（明细、拣货批次、实收）', params: idParam } },
    (req) => lists.distDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/distributions',
    { schema: { tags, summary: '建立配送单（来自请领单或直接）或调剂申请', body: distCreate } },
    (req) => dist.createDistribution(ctxOf(req), req.body),
  );
  app.post(
    '/api/pharmacy/distributions/:id/approve',
    { schema: { tags, summary: '审核配送单/调剂', params: idParam } },
    (req) => dist.approve(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/distributions/:id/cancel',
    { schema: { tags, summary: '作废（拣货前）', params: idParam } },
    (req) => dist.cancel(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/distributions/:id/pick',
    { schema: { tags, summary: '按近效期先出拣货（出库）', params: idParam } },
    (req) => dist.pick(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/distributions/:id/ship',
    { schema: { tags, summary: '发货（追溯码随货转移）', params: idParam } },
    (req) => dist.ship(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/distributions/:id/receive',
    { schema: { tags, summary: '收货确认（逐批实收；少收须填差异说明）', params: idParam, body: distReceive } },
    (req) => dist.receive(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/pharmacy/distributions/:id/resolve',
    { schema: { tags, summary: '处理收货差异', params: idParam, body: distResolve } },
    (req) => dist.resolve(ctxOf(req), req.params.id, req.body.resolution),
  );
  app.get('/api/pharmacy/procure-stream', { schema: { tags, summary: '库存与配送实时推送（SSE）' } }, (req, reply) => {
    if (!String(req.headers.accept ?? '').includes('text/event-stream'))
      throw new AppError(
        406,
        'EVENT_STREAM_ONLY',
        '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接',
      );
    const ctx = ctxOf(req);
    const orgs = new Set(ctx.scope.orgIds);
    openEventStream(req, reply, ctx.platform.events, {
      topics: [STOCK_TOPIC],
      visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
    });
  });
};
