import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { careFigures, figureRecordPage, figuresQuery, recordsQuery } from './figures.schema.ts';
import * as svc from './figures.service.ts';

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['care'];
  app.get(
    '/api/care-figures',
    {
      schema: {
        tags,
        summary: '医共体运行指标（分子/分母/定义/目标，按月、机构、乡镇；定义见 db/views/indicator_care_*.sql）',
        querystring: figuresQuery,
        response: { 200: careFigures },
      },
    },
    (req) => svc.compute(ctxOf(req), req.query),
  );
  app.get(
    '/api/care-figures/records',
    {
      schema: {
        tags,
        summary: '指标明细：某一指标某月（某机构或乡镇）分子或分母所计的记录',
        querystring: recordsQuery,
        response: { 200: figureRecordPage },
      },
    },
    (req) => svc.records(ctxOf(req), req.query),
  );
  app.get(
    '/api/care-figures/records/export',
    { schema: { tags, summary: '导出指标明细（Excel，全部行）', querystring: recordsQuery } },
    async (req, reply) => sendXlsx(reply, await svc.exportRecords(ctxOf(req), req.query)),
  );
};
