import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { figures, figuresQuery } from './figures.schema.ts';
import { compute } from './figures.service.ts';

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/referral-figures',
    {
      schema: {
        tags: ['referrals'],
        summary: '双向转诊指标（分子/分母，定义见 db/views/indicator_*_v01.sql）',
        querystring: figuresQuery,
        response: { 200: figures },
      },
    },
    (req) => compute(ctxOf(req), req.query),
  );
};
