import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import { EMS_TOPIC } from './ems.shared.ts';
import {
  fleetVehicleQuery,
  roadClose,
  roadQuery,
  roadSpeed,
  stationCreate,
  stationQuery,
  stationUpdate,
  vehicleCreate,
  vehicleUpdate,
} from './fleet-admin.schema.ts';
import * as fleet from './fleet-admin.service.ts';
import * as stations from './stations-admin.service.ts';
import * as roads from './roads-admin.service.ts';
import { invalidateRoadGraph, setRoadClock } from './roads.ts';

/** 急救资源 (issue 13): stations, vehicles and the road network, kept by the dispatch centre */
export const fleetAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ems'];
  const { platform } = app;
  // closures are judged by the server's clock (injected in tests)
  setRoadClock(platform.db, () => platform.config.now());
  // another server process changed the roads: drop this process's graph too
  const off = platform.events.subscribe(EMS_TOPIC.vehicle, (e) => {
    if (roads.ROAD_EVENT in e.data) invalidateRoadGraph(e.countyId);
  });
  app.addHook('onClose', async () => off());

  app.get(
    '/api/ems/fleet/options',
    { schema: { tags, summary: '急救资源表单选项：站点、机构、急救人员、路网节点' } },
    (req) => fleet.fleetOptions(ctxOf(req)),
  );
  app.get('/api/ems/stations', { schema: { tags, summary: '急救站点列表', querystring: stationQuery } }, (req) =>
    stations.listStations(ctxOf(req), req.query),
  );
  app.post(
    '/api/ems/stations',
    { schema: { tags, summary: '新建急救站点', body: stationCreate } },
    async (req, reply) => reply.status(201).send(await stations.createStation(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/ems/stations/:id',
    { schema: { tags, summary: '站点改名、调整路网节点、撤销或恢复', params: idParam, body: stationUpdate } },
    (req) => stations.updateStation(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/ems/fleet/vehicles',
    { schema: { tags, summary: '车辆管理列表', querystring: fleetVehicleQuery } },
    (req) => fleet.listFleetVehicles(ctxOf(req), req.query),
  );
  app.get(
    '/api/ems/fleet/vehicles/export',
    { schema: { tags, summary: '车辆导出 Excel', querystring: fleetVehicleQuery } },
    async (req, reply) => sendXlsx(reply, await fleet.exportFleetVehicles(ctxOf(req), req.query)),
  );
  app.post(
    '/api/ems/vehicles',
    { schema: { tags, summary: '新增急救车辆', body: vehicleCreate } },
    async (req, reply) => reply.status(201).send(await fleet.createVehicle(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/ems/vehicles/:id',
    { schema: { tags, summary: '修改车辆：站点、类型、负压、随车人员', params: idParam, body: vehicleUpdate } },
    (req) => fleet.updateVehicle(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/ems/roads', { schema: { tags, summary: '路网路段列表', querystring: roadQuery } }, (req) =>
    roads.listRoads(ctxOf(req), req.query),
  );
  app.get(
    '/api/ems/roads/export',
    { schema: { tags, summary: '路段导出 Excel', querystring: roadQuery } },
    async (req, reply) => sendXlsx(reply, await roads.exportRoads(ctxOf(req), req.query)),
  );
  app.get('/api/ems/roads/map', { schema: { tags, summary: '路网简图（封闭路段标红）' } }, (req) =>
    roads.roadMap(ctxOf(req)),
  );
  app.post(
    '/api/ems/roads/:id/close',
    { schema: { tags, summary: '封闭路段（一段时间）', params: idParam, body: roadClose } },
    (req) => roads.closeRoad(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/ems/roads/:id/reopen', { schema: { tags, summary: '解除封路', params: idParam } }, (req) =>
    roads.reopenRoad(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/ems/roads/:id',
    { schema: { tags, summary: '修改路段车速', params: idParam, body: roadSpeed } },
    (req) => roads.setRoadSpeed(ctxOf(req), req.params.id, req.body.speedKmh),
  );
};
