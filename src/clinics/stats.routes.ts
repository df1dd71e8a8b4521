import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { budgetBody, clinicStats, ratesBody, subsidyLedger, subsidyQuery, statsQuery } from './stats.schema.ts';
import * as svc from './stats.service.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['clinics'];
  app.get(
    '/api/clinic-stats',
    {
      schema: {
        tags,
        summary: '专家坐诊统计与县内就医节约估算（含计算依据）',
        querystring: statsQuery,
        response: { 200: clinicStats },
      },
    },
    (req) => svc.stats(ctxOf(req), req.query),
  );
  app.get(
    '/api/clinic-subsidy',
    {
      schema: {
        tags,
        summary: '专家补贴台账：年度预算、已支出、已承诺、结余',
        querystring: subsidyQuery,
        response: { 200: subsidyLedger },
      },
    },
    (req) => svc.ledger(ctxOf(req), req.query.year),
  );
  app.post(
    '/api/clinic-subsidy/budget',
    { schema: { tags, summary: '设定年度补贴预算', body: budgetBody, response: { 200: subsidyLedger } } },
    (req) => svc.setBudget(ctxOf(req), req.body),
  );
  app.post(
    '/api/clinic-subsidy/rates',
    { schema: { tags, summary: '设定每类活动的补贴标准', body: ratesBody, response: { 200: subsidyLedger } } },
    (req) => svc.setRates(ctxOf(req), req.body),
  );
};
