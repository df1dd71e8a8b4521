import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { idParam } from '../platform/params.ts';
import { positionsBody } from './ems.schema.ts';
import { recordPositions } from './positions.service.ts';

/** 车辆定位 (issue 13): the crew's phone sends the vehicle's fixes; a dispatcher may place a vehicle by hand */
export const emsPositionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/ems/vehicles/:id/positions',
    {
      schema: {
        tags: ['ems'],
        summary: '上报车辆定位（批量，最多 50 条；同一 clientId 只记一次，不合理的单条拒收并说明原因）',
        params: idParam,
        body: positionsBody,
      },
    },
    (req) => recordPositions(ctxOf(req), req.params.id, req.body),
  );
};
