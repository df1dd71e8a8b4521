import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import {
  deviceCreate,
  deviceParam,
  deviceQuery,
  deviceUpdate,
  flaggedQuery,
  kitBatch,
  readingKey,
  readingQuery,
  reviewBody,
} from './kit.schema.ts';
import * as read from './kit-read.service.ts';
import { ingestBatch } from './kit.service.ts';

/** remote diagnosis (issue 12 §6): village health-kit ingest (云诊断), readings, review, devices */
export const remoteKitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote'];
  app.post(
    '/api/remote/kit/batches',
    {
      // a batch may carry 12-lead ECGs (about 160 kB each as base64)
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, summary: '一体机批量上传读数（幂等：同一设备同一读数编号只存一次）', body: kitBatch },
    },
    (req) => ingestBatch(ctxOf(req), req.body),
  );
  app.get(
    '/api/remote/kit/readings',
    { schema: { tags, summary: '一体机读数（居民档案、设备当日读数）', querystring: readingQuery } },
    (req) => read.listReadings(ctxOf(req), req.query),
  );
  app.get(
    '/api/remote/kit/flagged',
    { schema: { tags, summary: '超出警戒值待复核的读数', querystring: flaggedQuery } },
    (req) => read.listFlagged(ctxOf(req), req.query),
  );
  app.post(
    '/api/remote/kit/readings/:deviceId/:readingId/review',
    { schema: { tags, summary: '医生复核超警戒值读数', params: readingKey, body: reviewBody } },
    (req) => read.reviewReading(ctxOf(req), req.params.deviceId, req.params.readingId, req.body.note),
  );
  app.get('/api/remote/kit/devices', { schema: { tags, summary: '一体机设备列表', querystring: deviceQuery } }, (req) =>
    read.listDevices(ctxOf(req), req.query),
  );
  app.post(
    '/api/remote/kit/devices',
    { schema: { tags, summary: '登记一体机（乡镇卫生院为所辖村卫生室登记）', body: deviceCreate } },
    async (req, reply) => reply.status(201).send(await read.registerDevice(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/remote/kit/devices/:id',
    { schema: { tags, summary: '停用或启用一体机', params: deviceParam, body: deviceUpdate } },
    (req) => read.setDeviceActive(ctxOf(req), req.params.id, req.body.active),
  );
};
