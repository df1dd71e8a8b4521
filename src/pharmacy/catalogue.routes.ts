import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import * as imports from './catalogue-import.service.ts';
import { catalogueQuery, drugCreate, drugInput, importBody, priceChange, supplierCreate } from './catalogue.schema.ts';
import * as catalogue from './catalogue.service.ts';
import * as prices from './price.service.ts';

/** 一个目录、同价 (issue 14): the county's one catalogue, its import, suppliers and the one price */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pharmacy'];
  app.get(
    '/api/pharmacy/catalogue',
    {
      schema: {
        tags,
        summary: '药品耗材目录（名称、拼音首字母、医保编码搜索；类别、医保类别、基药、集采、层级筛选）',
        querystring: catalogueQuery,
      },
    },
    (req) => catalogue.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/pharmacy/catalogue/export',
    { schema: { tags, summary: '药品耗材目录导出 Excel', querystring: catalogueQuery } },
    async (req, reply) => sendXlsx(reply, await catalogue.exportList(ctxOf(req), req.query)),
  );
  app.get(
    '/api/pharmacy/catalogue/import/template',
    { schema: { tags, summary: '目录导入模板（.xlsx）' } },
    async (_req, reply) => sendXlsx(reply, await imports.template()),
  );
  app.get('/api/pharmacy/catalogue/imports', { schema: { tags, summary: '最近的目录导入记录' } }, (req) =>
    imports.listImports(ctxOf(req)),
  );
  app.post(
    '/api/pharmacy/catalogue/import',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, summary: '导入目录（.xlsx 或 CSV UTF-8/GB18030），逐行报告，可重复导入', body: importBody },
    },
    (req) => imports.importCatalogue(ctxOf(req), req.body),
  );
  app.post(
    '/api/pharmacy/catalogue',
    { schema: { tags, summary: '新增目录品种（可同时录入首个价格）', body: drugCreate } },
    (req) => catalogue.create(ctxOf(req), req.body),
  );
  app.get(
    '/api/pharmacy/catalogue/:id',
    { schema: { tags, summary: '目录品种详情（含现行价格）', params: idParam } },
    (req) => catalogue.get(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/pharmacy/catalogue/:id',
    { schema: { tags, summary: '修改目录品种', params: idParam, body: drugInput } },
    (req) => catalogue.update(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/pharmacy/catalogue/:id/prices',
    { schema: { tags, summary: '价格历史（现行、计划、已结束）', params: idParam } },
    (req) => prices.priceHistory(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/pharmacy/catalogue/:id/prices',
    {
      schema: { tags, summary: '调价：自生效日切换时点（默认零时）起全县同时执行', params: idParam, body: priceChange },
    },
    (req) => prices.changePrice(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/pharmacy/suppliers', { schema: { tags, summary: '配送企业' } }, (req) =>
    catalogue.listSuppliers(ctxOf(req)),
  );
  app.post('/api/pharmacy/suppliers', { schema: { tags, summary: '登记配送企业', body: supplierCreate } }, (req) =>
    catalogue.createSupplier(ctxOf(req), req.body),
  );
};
