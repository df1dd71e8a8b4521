import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { importReport, visit, visitCreate, visitImport, visitPage, visitQuery } from './out-of-county.schema.ts';
import * as svc from './out-of-county.service.ts';

export const outOfCountyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['out-of-county'];
  app.get(
    '/api/out-of-county-visits',
    { schema: { tags, summary: '县外就诊登记列表', querystring: visitQuery, response: { 200: visitPage } } },
    (req) => svc.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/out-of-county-visits/export',
    { schema: { tags, summary: '导出县外就诊登记（Excel，筛选结果全部行）', querystring: visitQuery } },
    async (req, reply) => sendXlsx(reply, await svc.exportXlsx(ctxOf(req), req.query)),
  );
  app.post(
    '/api/out-of-county-visits',
    { schema: { tags, summary: '手工登记县外就诊', body: visitCreate, response: { 201: visit } } },
    async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  );
  app.post(
    '/api/out-of-county-visits/import',
    {
      schema: {
        tags,
        summary: 'CSV 导入县外就诊（逐行校验，返回被拒行及原因）',
        body: visitImport,
        response: { 200: importReport },
      },
    },
    (req) => svc.importCsv(ctxOf(req), req.body.csv),
  );
};
