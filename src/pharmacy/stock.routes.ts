import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { sendIdempotent } from '../platform/idempotency.ts';
import { listQuery } from '../platform/list.schema.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam, intQuery } from '../platform/params.ts';
import * as counter from './counter.service.ts';
import * as dispensing from './dispense.service.ts';
import * as dispenseList from './dispense-list.service.ts';
import * as recalls from './recall.service.ts';
import * as stock from './stock.service.ts';
import {
  dispenseCreate,
  dispenseQuery,
  dispenseReturn,
  moveQuery,
  recallCall,
  recallCreate,
  shortageCreate,
  shortageQuery,
  shortageStep,
  stockQuery,
  stocktakeCount,
  stocktakeDecision,
} from './stock.schema.ts';
import * as stocktakes from './stocktake.service.ts';
import { figures } from './figures.service.ts';
import { listFlags } from './trace.service.ts';

/** stock by batch, stock-take, dispensing with trace codes, returns, recall, shortages (issue 14) */
export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pharmacy'];
  app.get(
    '/api/pharmacy/stock',
    { schema: { tags, summary: '库存（按机构、药品、批次；近效期、过期、封存）', querystring: stockQuery } },
    (req) => stock.listStock(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/stock/export',
    { schema: { tags, summary: '库存导出 Excel', querystring: stockQuery } },
    async (req, reply) => sendXlsx(reply, await stock.exportStock(ctxOf(req), req.query)),
  );
  app.get(
    '/api/pharmacy/stock/moves',
    { schema: { tags, summary: '库存流水（只追加）', querystring: moveQuery } },
    (req) => stock.listMoves(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/stock/available',
    {
      schema: {
        tags,
        summary: '某机构各药品的可发数量（发药选药）',
        querystring: z.object({ orgId: intQuery(), q: z.string().trim().max(30).optional() }),
      },
    },
    (req) => stock.availableAt(ctxOf(req), req.query.orgId, req.query.q),
  );
  app.get(
    '/api/pharmacy/stream',
    { schema: { tags, summary: '库存变动与召回的实时推送（Server-Sent Events）' } },
    (req, reply) => dispenseList.stream(ctxOf(req), req, reply),
  );

  app.post(
    '/api/pharmacy/dispenses',
    { schema: { tags, summary: '发药（按近效期先出；扫追溯码；客户端编号防重复）', body: dispenseCreate } },
    async (req, reply) => sendIdempotent(reply, await dispensing.dispense(ctxOf(req), req.body)),
  );
  app.get('/api/pharmacy/dispenses', { schema: { tags, summary: '发药记录', querystring: dispenseQuery } }, (req) =>
    dispenseList.listDispenses(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/dispenses/:id',
    { schema: { tags, summary: '一次发药（明细、批号、追溯码、用法）', params: idParam } },
    (req) => dispensing.getDispense(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/pharmacy/prescriptions',
    {
      schema: { tags, summary: '居民待发药的门诊处方', querystring: z.object({ residentId: intQuery() }) },
    },
    (req) => dispenseList.pendingPrescriptions(ctxOf(req), req.query.residentId),
  );
  app.post(
    '/api/pharmacy/dispense-lines/:id/returns',
    { schema: { tags, summary: '退药（须填原因；召回批次退回即封存）', params: idParam, body: dispenseReturn } },
    (req) => counter.returnLine(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/pharmacy/trace-flags',
    { schema: { tags, summary: '追溯码重复扫描（疑似回流药）', querystring: listQuery } },
    (req) => listFlags(ctxOf(req), req.query),
  );

  app.post(
    '/api/pharmacy/recalls',
    { schema: { tags, summary: '按批号召回（全县封存）', body: recallCreate } },
    (req) => recalls.startRecall(ctxOf(req), req.body),
  );
  app.get('/api/pharmacy/recalls', { schema: { tags, summary: '召回列表' } }, (req) => recalls.listRecalls(ctxOf(req)));
  app.get(
    '/api/pharmacy/recalls/:id',
    { schema: { tags, summary: '召回详情：各机构封存数量、领药居民联系名单', params: idParam } },
    (req) => recalls.getRecall(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/recalls/:id/calls',
    { schema: { tags, summary: '记录联系居民的结果', params: idParam, body: recallCall } },
    (req) => recalls.recordCall(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/pharmacy/recalls/:id/close', { schema: { tags, summary: '结束召回', params: idParam } }, (req) =>
    recalls.closeRecall(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/pharmacy/shortages',
    { schema: { tags, summary: '缺药登记（客户端编号防重复）', body: shortageCreate } },
    (req) => counter.registerShortage(ctxOf(req), req.body),
  );
  app.get('/api/pharmacy/shortages', { schema: { tags, summary: '缺药登记列表', querystring: shortageQuery } }, (req) =>
    counter.listShortages(ctxOf(req), req.query),
  );
  app.post(
    '/api/pharmacy/shortages/:id/step',
    { schema: { tags, summary: '缺药登记进度（调配中、到货、已取、未来取）', params: idParam, body: shortageStep } },
    (req) => counter.stepShortage(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/pharmacy/stocktakes', { schema: { tags, summary: '盘点单列表' } }, (req) =>
    stocktakes.listStocktakes(ctxOf(req)),
  );
  app.post(
    '/api/pharmacy/stocktakes',
    {
      schema: {
        tags,
        summary: '开始盘点（冻结账面数）',
        body: z.object({ orgId: z.number({ error: '请选择机构' }).int().positive('请选择机构') }),
      },
    },
    (req) => stocktakes.openStocktake(ctxOf(req), req.body.orgId),
  );
  app.get('/api/pharmacy/stocktakes/:id', { schema: { tags, summary: '盘点单', params: idParam } }, (req) =>
    stocktakes.getStocktake(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/pharmacy/stocktakes/:id',
    {
      schema: {
        tags,
        summary: '填写实盘数（submit 提交审核）',
        params: idParam,
        body: stocktakeCount.extend({ submit: z.boolean().optional() }),
      },
    },
    (req) => stocktakes.countStocktake(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/pharmacy/stocktakes/:id/decision',
    { schema: { tags, summary: '盘点差异审核（另一人）', params: idParam, body: stocktakeDecision } },
    (req) => stocktakes.decideStocktake(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/pharmacy/figures',
    {
      schema: {
        tags,
        summary: '药事指标：基药与集采占比、药占比、近效期金额、周转天数、基药缺货天数、追溯码重复扫描、缺药取药时长',
        querystring: z.object({
          year: intQuery({ min: 2000, max: 2100, message: '年份应为 2000 到 2100 之间的整数' }),
        }),
      },
    },
    (req) => figures(ctxOf(req), req.query.year),
  );
};
