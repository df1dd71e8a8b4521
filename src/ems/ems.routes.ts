import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import * as calls from './calls.service.ts';
import { emsCorrectionRoutes } from './corrections.routes.ts';
import * as crew from './crew.service.ts';
import { dispatch } from './dispatch.service.ts';
import {
  activateBody,
  arriveBody,
  callCancel,
  callCreate,
  callQuery,
  dispatchBody,
  eventBody,
  mergeBody,
  missionQuery,
  observationBody,
  placeQuery,
  preadmissionQuery,
  prealertBody,
  stepBody,
  vehicleStatusBody,
} from './ems.schema.ts';
import { fleetAdminRoutes } from './fleet-admin.routes.ts';
import * as fleet from './fleet.service.ts';
import * as missions from './mission.service.ts';
import * as pre from './preadmission.service.ts';
import { emsPositionRoutes } from './positions.routes.ts';
import { recommend } from './recommend.service.ts';

/** 120 急救调度与五大中心 (issue 13): calls, fleet, dispatch, the crew's phone, pre-arrival admission */
export const emsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ems'];
  await app.register(fleetAdminRoutes); // 急救资源: stations, vehicles, road closures and speeds
  await app.register(emsPositionRoutes);
  app.get('/api/ems/complaints', { schema: { tags, summary: '主诉编码表（含建议分级与通道）' } }, (req) =>
    calls.complaints(ctxOf(req)),
  );
  app.get(
    '/api/ems/places',
    { schema: { tags, summary: '按名称查找村庄、乡镇、医院的位置', querystring: placeQuery } },
    (req) => calls.places(ctxOf(req), req.query.q),
  );
  app.get('/api/ems/hospitals', { schema: { tags, summary: '本县医院及救治能力（PCI、卒中、产科等）' } }, (req) =>
    fleet.listHospitals(ctxOf(req)),
  );
  app.get('/api/ems/vehicles', { schema: { tags, summary: '急救车辆及状态' } }, (req) =>
    fleet.listVehicles(ctxOf(req)),
  );
  app.post(
    '/api/ems/vehicles/:id/status',
    { schema: { tags, summary: '车辆停用、恢复、回站待命', params: idParam, body: vehicleStatusBody } },
    (req) => fleet.changeVehicleStatus(ctxOf(req), req.params.id, req.body.action),
  );

  app.post(
    '/api/ems/calls',
    { schema: { tags, summary: '受理呼救（设备生成的 clientId 保证不重复）', body: callCreate } },
    async (req, reply) => {
      const { created, call } = await calls.createCall(ctxOf(req), req.body);
      return reply.status(created ? 201 : 200).send(call);
    },
  );
  app.get('/api/ems/calls', { schema: { tags, summary: '呼救列表', querystring: callQuery } }, (req) =>
    calls.listCalls(ctxOf(req), req.query),
  );
  app.get('/api/ems/calls/:id', { schema: { tags, summary: '呼救详情', params: idParam } }, (req) =>
    calls.callDetail(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/ems/calls/:id/recommend',
    { schema: { tags, summary: '按路网时间推荐车辆与目的医院', params: idParam } },
    (req) => recommend(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/ems/calls/:id/dispatch',
    { schema: { tags, summary: '派车（同一车辆并发派车只有一个成功）', params: idParam, body: dispatchBody } },
    async (req, reply) => reply.status(201).send(await dispatch(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ems/calls/:id/cancel',
    { schema: { tags, summary: '取消未派车的呼救', params: idParam, body: callCancel } },
    (req) => calls.cancelCall(ctxOf(req), req.params.id, req.body.reason),
  );

  app.get('/api/ems/missions', { schema: { tags, summary: '出车任务列表', querystring: missionQuery } }, (req) =>
    missions.listMissions(ctxOf(req), req.query),
  );
  app.get(
    '/api/ems/missions/export',
    { schema: { tags, summary: '出车任务导出 Excel', querystring: missionQuery } },
    async (req, reply) => sendXlsx(reply, await missions.exportMissions(ctxOf(req), req.query)),
  );
  app.get('/api/ems/my-missions', { schema: { tags, summary: '本车组进行中的任务' } }, (req) =>
    missions.myMissions(ctxOf(req)),
  );
  app.get('/api/ems/missions/:id', { schema: { tags, summary: '任务详情与时间轴', params: idParam } }, (req) =>
    missions.missionDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/ems/missions/:id/step',
    {
      schema: {
        tags,
        summary: '车组状态操作（出车、到达现场、离开现场、到达医院、完成）',
        params: idParam,
        body: stepBody,
      },
    },
    (req) => crew.step(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/ems/missions/:id/events',
    { schema: { tags, summary: '记录时间节点（含补录）', params: idParam, body: eventBody } },
    async (req, reply) => reply.status(201).send(await crew.addEvent(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ems/missions/:id/observations',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags, summary: '院前记录：生命体征、评分、心电图等', params: idParam, body: observationBody },
    },
    async (req, reply) => {
      const r = await crew.addObservation(ctxOf(req), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );
  app.get(
    '/api/ems/observations/:id/file',
    { schema: { tags, summary: '下载院前心电图等文件', params: idParam } },
    async (req, reply) => {
      const file = await crew.observationFile(ctxOf(req), req.params.id);
      return reply
        .type(file.type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  app.post(
    '/api/ems/missions/:id/prealert',
    { schema: { tags, summary: '院前预警：目的医院生成预住院记录', params: idParam, body: prealertBody } },
    async (req, reply) => {
      const r = await crew.prealert(ctxOf(req), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(r);
    },
  );

  await app.register(emsCorrectionRoutes);

  app.get(
    '/api/ems/preadmissions',
    { schema: { tags, summary: '本院院前预警患者', querystring: preadmissionQuery } },
    (req) => pre.listPreadmissions(ctxOf(req), req.query.status),
  );
  app.post(
    '/api/ems/preadmissions/:id/activate',
    { schema: { tags, summary: '一键启动救治团队', params: idParam, body: activateBody } },
    (req) => pre.activateTeam(ctxOf(req), req.params.id, req.body.team),
  );
  app.post(
    '/api/ems/preadmissions/:id/arrive',
    { schema: { tags, summary: '患者到院', params: idParam, body: arriveBody } },
    (req) => pre.arrive(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/ems/preadmissions/:id/merge',
    { schema: { tags, summary: '临时编号合并到居民档案并建立就诊', params: idParam, body: mergeBody } },
    (req) => pre.merge(ctxOf(req), req.params.id, req.body.residentId),
  );

  app.get('/api/ems/stream', { schema: { tags, summary: '调度台、车组、目的医院实时更新（SSE）' } }, (req, reply) => {
    if (!String(req.headers.accept ?? '').includes('text/event-stream'))
      throw new AppError(
        406,
        'EVENT_STREAM_ONLY',
        '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接',
      );
    const ctx = ctxOf(req);
    const orgs = new Set(ctx.scope.orgIds);
    openEventStream(req, reply, ctx.platform.events, {
      topics: ['ems.'],
      visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
    });
  });
};
