import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import { correctEvent, listCorrections } from './corrections.service.ts';
import { correctionBody, correctionParams } from './ems.schema.ts';

/** 更正时间节点 (issue 13): correct a milestone's time with a reason; the history of corrections */
export const emsCorrectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ems'];
  app.post(
    '/api/ems/missions/:id/events/:milestone/correct',
    {
      schema: {
        tags,
        summary: '更正时间节点（保留原时间与更正记录；同时更正只有一人成功）',
        params: correctionParams,
        body: correctionBody,
      },
    },
    (req) => correctEvent(ctxOf(req), req.params.id, req.params.milestone, req.body),
  );
  app.get(
    '/api/ems/missions/:id/corrections',
    { schema: { tags, summary: '时间节点更正记录', params: idParam } },
    (req) => listCorrections(ctxOf(req), req.params.id),
  );
};
