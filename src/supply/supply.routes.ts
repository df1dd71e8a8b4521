import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import { figures } from './figures.service.ts';
import * as sterileLists from './sterile-list.service.ts';
import * as sterile from './sterile.service.ts';
import {
  bagCreate,
  bagParam,
  bagQuery,
  figuresQuery,
  handoverGive,
  handoverReceive,
  loadCreate,
  loadQuery,
  loadResult,
  packCode,
  packIssue,
  packQuery,
  packReturn,
  packTypeCreate,
  packUse,
  wasteSettingsCreate,
} from './supply.schema.ts';
import * as wasteLists from './waste-list.service.ts';
import * as waste from './waste.service.ts';

/** 消毒供应与医疗废物 (issue 14): sterile packs and loads, the medical-waste handover chain */
export const supplyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['supply'];
  app.get('/api/sterile/pack-types', { schema: { tags, summary: '无菌包类型（内容清单、灭菌方式、有效期）' } }, (req) =>
    sterile.listPackTypes(ctxOf(req)),
  );
  app.post('/api/sterile/pack-types', { schema: { tags, summary: '新增无菌包类型', body: packTypeCreate } }, (req) =>
    sterile.createPackType(ctxOf(req), req.body),
  );
  app.get('/api/sterile/loads', { schema: { tags, summary: '灭菌锅次列表', querystring: loadQuery } }, (req) =>
    sterileLists.listLoads(ctxOf(req), req.query),
  );
  app.get(
    '/api/sterile/loads/export',
    { schema: { tags, summary: '灭菌锅次导出 Excel', querystring: loadQuery } },
    async (req, reply) => sendXlsx(reply, await sterileLists.exportLoads(ctxOf(req), req.query)),
  );
  app.post(
    '/api/sterile/loads',
    { schema: { tags, summary: '登记灭菌锅次及装载的无菌包（待判读）', body: loadCreate } },
    (req) => sterile.createLoad(ctxOf(req), req.body),
  );
  app.get(
    '/api/sterile/loads/:id',
    { schema: { tags, summary: '锅次详情：无菌包与召回追踪', params: idParam } },
    (req) => sterileLists.loadDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/sterile/loads/:id/result',
    {
      schema: { tags, summary: '记录监测结果：合格放行，不合格召回本锅全部无菌包', params: idParam, body: loadResult },
    },
    (req) => sterile.recordResult(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/sterile/packs', { schema: { tags, summary: '无菌包列表', querystring: packQuery } }, (req) =>
    sterileLists.listPacks(ctxOf(req), req.query),
  );
  app.get(
    '/api/sterile/packs/export',
    { schema: { tags, summary: '无菌包导出 Excel', querystring: packQuery } },
    async (req, reply) => sendXlsx(reply, await sterileLists.exportPacks(ctxOf(req), req.query)),
  );
  app.get(
    '/api/sterile/packs/by-code/:code',
    { schema: { tags, summary: '按条码查无菌包（扫码）', params: z.object({ code: packCode }) } },
    (req) => sterileLists.packByCode(ctxOf(req), req.params.code),
  );
  app.post(
    '/api/sterile/packs/issue',
    { schema: { tags, summary: '发放无菌包到乡镇卫生院或病区', body: packIssue } },
    (req) => sterile.issuePacks(ctxOf(req), req.body),
  );
  app.post('/api/sterile/packs/use', { schema: { tags, summary: '无菌包用于患者', body: packUse } }, (req) =>
    sterile.usePack(ctxOf(req), req.body),
  );
  app.post(
    '/api/sterile/packs/return',
    { schema: { tags, summary: '未用无菌包退回消毒供应中心', body: packReturn } },
    (req) => sterile.returnPack(ctxOf(req), req.body.code),
  );

  app.get('/api/waste/settings', { schema: { tags, summary: '重量差异允许范围、超时小时数（现行）' } }, (req) =>
    waste.getSettings(ctxOf(req)),
  );
  app.post(
    '/api/waste/settings',
    { schema: { tags, summary: '新的允许范围（按生效日期）', body: wasteSettingsCreate } },
    (req) => waste.addSettings(ctxOf(req), req.body),
  );
  app.get(
    '/api/waste/bags',
    { schema: { tags, summary: '医疗废物（在途、待确认、重量差异、超时未收）', querystring: bagQuery } },
    (req) => wasteLists.listBags(ctxOf(req), req.query),
  );
  app.get(
    '/api/waste/bags/export',
    { schema: { tags, summary: '医疗废物导出 Excel', querystring: bagQuery } },
    async (req, reply) => sendXlsx(reply, await wasteLists.exportBags(ctxOf(req), req.query)),
  );
  app.post(
    '/api/waste/bags',
    { schema: { tags, summary: '登记一袋（箱）医疗废物（手机编号，重发不重复）', body: bagCreate } },
    (req) => waste.registerBag(ctxOf(req), req.body),
  );
  app.get('/api/waste/bags/:id', { schema: { tags, summary: '医疗废物袋详情与交接', params: bagParam } }, (req) =>
    wasteLists.bagDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/waste/bags/:id/give',
    { schema: { tags, summary: '交出方登记交接（含交出重量）', params: bagParam, body: handoverGive } },
    (req) => waste.give(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/waste/bags/:id/receive',
    { schema: { tags, summary: '接收方确认交接（含接收重量）', params: bagParam, body: handoverReceive } },
    (req) => waste.receive(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/supply/figures',
    { schema: { tags, summary: '医疗废物重量、未确认交接、灭菌监测不合格率', querystring: figuresQuery } },
    (req) => figures(ctxOf(req), req.query.year),
  );
};
