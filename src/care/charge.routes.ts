import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { chargeItem, chargeItemQuery, icdHit, icdQuery } from './care.schema.ts';
import * as svc from './catalogue.service.ts';

export const chargeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['charges'];
  app.get(
    '/api/charge-items',
    {
      schema: {
        tags,
        summary: '收费目录与现行价格（分）',
        querystring: chargeItemQuery,
        response: { 200: z.array(chargeItem) },
      },
    },
    (req) => svc.catalogue(ctxOf(req), req.query),
  );
  app.get(
    '/api/care/icd10',
    {
      schema: {
        tags,
        summary: 'ICD-10 诊断检索（编码、名称、拼音首字母）',
        querystring: icdQuery,
        response: { 200: z.array(icdHit) },
      },
    },
    (req) => svc.searchDiagnoses(req.query.q),
  );
};
