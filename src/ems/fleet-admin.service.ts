import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { exportFilter, exportRows, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { VEHICLE_STATUS_LABELS } from './ems.states.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';
import type {
  FleetVehicleQuery,
  StationCreate,
  StationQuery,
  StationUpdate,
  VehicleCreate,
  VehicleKind,
  VehicleUpdate,
} from './fleet-admin.schema.ts';
import { toVehicle, vehiclesQuery } from './fleet.service.ts';
import { loadRoadGraph, nearestNode } from './roads.ts';

/**
 * 急救资源 (issue 13): the dispatch centre keeps its stations and ambulances on screen. Every
 * change is audited in its transaction and announced so the board refetches; the database's
 * unique keys decide duplicates (a race between two clerks gets the same Chinese answer).
 */

export const KIND_LABELS: Record<VehicleKind, string> = {
  transport: '转运型',
  emergency: '抢救型',
  micu: '监护型（MICU）',
  mobile_ct: '移动 CT 卒中车',
};

/** a vehicle may change station only while it is not on a mission */
const MOVABLE = new Set(['available', 'out_of_service']);

function mapFleetError(err: unknown): unknown {
  if (isUniqueViolation(err, 'ems_stations_name_key'))
    return conflict('STATION_NAME_TAKEN', '本县已有同名急救站点，请换一个名称');
  if (isUniqueViolation(err, 'ems_vehicles_call_sign_key'))
    return conflict('CALL_SIGN_TAKEN', '本县已有该呼号的车辆，请换一个呼号');
  if (isUniqueViolation(err, 'ems_vehicles_plate_key')) return conflict('PLATE_TAKEN', '该车牌号已登记在其他车辆上');
  return err;
}
const inFleet = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>) =>
  inScope(ctx, fn).catch((err: unknown) => {
    throw mapFleetError(err);
  });

// ------------------------------------------------------------------ stations

function stationsQuery(trx: Kdb, countyId: number) {
  return trx
    .selectFrom('ems_stations as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .leftJoin('road_nodes as n', 'n.id', 's.node_id')
    .select(['s.id', 's.name', 's.org_id', 'o.name as org_name', 's.node_id', 'n.name as node_name', 's.active'])
    .select(sql<number>`(SELECT count(*)::int FROM ems_vehicles v WHERE v.station_id = s.id)`.as('vehicles'))
    .select(
      sql<number>`(SELECT count(*)::int FROM ems_vehicles v WHERE v.station_id = s.id AND v.status <> 'out_of_service')`.as(
        'in_service',
      ),
    )
    .where('s.county_id', '=', countyId);
}
type StationRow = Awaited<ReturnType<ReturnType<typeof stationsQuery>['execute']>>[number];
const toStation = (r: StationRow) => ({
  id: r.id,
  name: r.name,
  orgId: r.org_id,
  orgName: r.org_name,
  nodeId: r.node_id,
  nodeName: r.node_name,
  active: r.active,
  vehicles: Number(r.vehicles),
  inService: Number(r.in_service),
});

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

function filteredStations(trx: Kdb, ctx: Ctx, input: StationQuery) {
  let q = stationsQuery(trx, ctx.actor.countyId);
  if (input.active) q = q.where('s.active', '=', input.active === 'true');
  if (input.q) {
    const l = like(input.q);
    q = q.where((eb) => eb.or([eb('s.name', 'like', l), eb('o.name', 'like', l)]));
  }
  return q.orderBy('s.active', 'desc').orderBy('s.name').orderBy('s.id');
}

export async function listStations(ctx: Ctx, input: StationQuery) {
  return inScope(ctx, async (trx) => {
    const total = await filteredStations(trx, ctx, input)
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const rows = await filteredStations(trx, ctx, input)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      total: Number(total.n),
      totalCapped: false,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map(toStation),
    };
  });
}

async function stationById(trx: Kdb, ctx: Ctx, id: number) {
  const rows = await stationsQuery(trx, ctx.actor.countyId).where('s.id', '=', id).execute();
  if (!rows[0]) throw notFound('急救站点');
  return toStation(rows[0]);
}

/** a road node of the county, or the one nearest to the org (its own node when it has one) */
async function stationNode(ctx: Ctx, trx: Kdb, orgId: number, nodeId: number | undefined): Promise<number> {
  if (nodeId !== undefined) {
    const node = await trx
      .selectFrom('road_nodes')
      .select('id')
      .where('id', '=', nodeId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!node) throw badRequest('NODE_UNKNOWN', '所选路网节点不在本县路网中', 'nodeId');
    return node.id;
  }
  const org = await trx
    .selectFrom('orgs as o')
    .leftJoin('road_nodes as n', 'n.org_id', 'o.id')
    .select(['o.lat', 'o.lng', 'n.id as node_id'])
    .where('o.id', '=', orgId)
    .executeTakeFirstOrThrow();
  if (org.node_id !== null) return org.node_id;
  if (org.lat === null || org.lng === null)
    throw badRequest('ORG_NO_LOCATION', '所属机构没有位置坐标，请手动选择站点所在的路网节点', 'nodeId');
  const near = nearestNode(await loadRoadGraph(ctx.db, ctx.actor.countyId), Number(org.lat), Number(org.lng));
  if (!near) throw badRequest('NO_ROADS', '本县尚无路网数据，请先导入路网', 'nodeId');
  return near.nodeId;
}

export async function createStation(ctx: Ctx, input: StationCreate) {
  const station = await inFleet(ctx, async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', '=', input.orgId)
      .where('county_id', '=', ctx.actor.countyId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!org) throw badRequest('ORG_NOT_MEMBER', '所属机构应为本县医共体的成员机构', 'orgId');
    const nodeId = await stationNode(ctx, trx, org.id, input.nodeId);
    const row = await trx
      .insertInto('ems_stations')
      .values({ county_id: ctx.actor.countyId, org_id: org.id, name: input.name, node_id: nodeId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.station.create',
      resource: 'ems_station',
      resourceId: row.id,
      detail: { name: input.name, orgId: org.id, nodeId },
    });
    return stationById(trx, ctx, row.id);
  });
  await announce(ctx, EMS_TOPIC.vehicle, [station.orgId, ctx.actor.orgId], { stationId: station.id });
  return station;
}

export async function updateStation(ctx: Ctx, id: number, input: StationUpdate) {
  const station = await inFleet(ctx, async (trx) => {
    const before = await trx
      .selectFrom('ems_stations')
      .select(['id', 'name', 'org_id', 'node_id', 'active'])
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('急救站点');
    if (input.active === false && before.active) {
      // vehicles still in service would be dispatched from a station that no longer exists
      const busy = await trx
        .selectFrom('ems_vehicles')
        .select('call_sign')
        .where('station_id', '=', id)
        .where('status', '<>', 'out_of_service')
        .orderBy('call_sign')
        .execute();
      if (busy.length > 0)
        throw conflict(
          'STATION_HAS_VEHICLES',
          `${before.name} 仍有 ${busy.length} 辆在用车辆（${busy.map((b) => b.call_sign).join('、')}），请先调往其他站点或停用后再撤销`,
        );
    }
    const nodeId = input.nodeId === undefined ? undefined : await stationNode(ctx, trx, before.org_id, input.nodeId);
    await trx
      .updateTable('ems_stations')
      .set({ name: input.name, node_id: nodeId, active: input.active })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: input.active === false && before.active ? 'ems.station.retire' : 'ems.station.update',
      resource: 'ems_station',
      resourceId: id,
      detail: {
        before: { name: before.name, nodeId: before.node_id, active: before.active },
        after: { name: input.name, nodeId, active: input.active },
      },
    });
    return stationById(trx, ctx, id);
  });
  await announce(ctx, EMS_TOPIC.vehicle, [station.orgId, ctx.actor.orgId], { stationId: id });
  return station;
}

// ------------------------------------------------------------------ vehicles

function filteredVehicles(trx: Kdb, ctx: Ctx, input: FleetVehicleQuery) {
  let q = vehiclesQuery(trx, ctx.actor.countyId);
  if (input.stationId) q = q.where('v.station_id', '=', input.stationId);
  if (input.kind) q = q.where('v.kind', '=', input.kind);
  if (input.q) {
    const l = like(input.q);
    q = q.where((eb) => eb.or([eb('v.call_sign', 'like', l), eb('v.plate', 'like', l), eb('s.name', 'like', l)]));
  }
  return q.orderBy('v.call_sign').orderBy('v.id');
}

const toFleetVehicle = (r: Parameters<typeof toVehicle>[0], now: Date) => ({
  ...toVehicle(r, now),
  kindLabel: KIND_LABELS[r.kind],
  crewStaffIds: r.crew_staff_ids,
});

export async function listFleetVehicles(ctx: Ctx, input: FleetVehicleQuery) {
  return inScope(ctx, async (trx) => {
    const total = await filteredVehicles(trx, ctx, input)
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const rows = await filteredVehicles(trx, ctx, input)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      total: Number(total.n),
      totalCapped: false,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map((r) => toFleetVehicle(r, ctx.platform.config.now())),
    };
  });
}

export async function exportFleetVehicles(ctx: Ctx, input: FleetVehicleQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, filteredVehicles(trx, ctx, input), {
        action: 'ems.vehicles.export',
        resource: 'ems_vehicle',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map((r) => toFleetVehicle(r, ctx.platform.config.now())),
    [
      { header: '呼号', value: (r) => r.callSign, width: 12 },
      { header: '车牌号', value: (r) => r.plate, width: 12 },
      { header: '类型', value: (r) => r.kindLabel, width: 14 },
      { header: '负压', value: (r) => (r.negativePressure ? '是' : '否'), width: 6 },
      { header: '站点', value: (r) => r.stationName, width: 18 },
      { header: '状态', value: (r) => VEHICLE_STATUS_LABELS[r.status], width: 10 },
      { header: '状态时间', value: (r) => shanghaiText(r.statusAt), width: 18 },
      { header: '随车人员', value: (r) => r.crew.map((c) => c.name).join('、'), width: 24 },
    ],
    '急救车辆',
  );
}

/** the station a vehicle goes to, locked so it cannot be retired meanwhile */
async function openStation(ctx: Ctx, trx: Kdb, id: number) {
  const s = await trx
    .selectFrom('ems_stations')
    .select(['id', 'name', 'org_id', 'active'])
    .where('id', '=', id)
    .where('county_id', '=', ctx.actor.countyId)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw badRequest('STATION_UNKNOWN', '所选站点不存在', 'stationId');
  if (!s.active) throw conflict('STATION_RETIRED', `${s.name} 已撤销，不能再配置车辆`);
  return s;
}

/** the crew are the county's staff with the 急救人员 role, not disabled */
async function checkCrew(ctx: Ctx, trx: Kdb, ids: readonly number[]) {
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('staff')
    .select(['id', 'display_name', 'roles', 'disabled'])
    .where('id', 'in', [...ids])
    .where('county_id', '=', ctx.actor.countyId)
    .execute();
  for (const id of ids) {
    const s = rows.find((r) => r.id === id);
    if (!s) throw badRequest('CREW_UNKNOWN', '所选随车人员不存在', 'crewStaffIds');
    if (!s.roles.includes('crew') || s.disabled)
      throw badRequest('NOT_CREW', `${s.display_name} 不是在岗的急救人员（需有「急救人员」角色）`, 'crewStaffIds');
  }
}

async function vehicleById(trx: Kdb, ctx: Ctx, id: number) {
  const rows = await vehiclesQuery(trx, ctx.actor.countyId).where('v.id', '=', id).execute();
  if (!rows[0]) throw notFound('车辆');
  return toFleetVehicle(rows[0], ctx.platform.config.now());
}

export async function createVehicle(ctx: Ctx, input: VehicleCreate) {
  const vehicle = await inFleet(ctx, async (trx) => {
    const station = await openStation(ctx, trx, input.stationId);
    await checkCrew(ctx, trx, input.crewStaffIds);
    const row = await trx
      .insertInto('ems_vehicles')
      .values({
        county_id: ctx.actor.countyId,
        station_id: station.id,
        org_id: station.org_id,
        call_sign: input.callSign,
        plate: input.plate,
        kind: input.kind,
        negative_pressure: input.negativePressure,
        status_at: ctx.platform.config.now(),
        crew_staff_ids: input.crewStaffIds,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.vehicle.create',
      resource: 'ems_vehicle',
      resourceId: row.id,
      detail: { ...input },
    });
    return vehicleById(trx, ctx, row.id);
  });
  await announce(ctx, EMS_TOPIC.vehicle, [vehicle.stationOrgId, ctx.actor.orgId], {
    id: vehicle.id,
    status: vehicle.status,
  });
  return vehicle;
}

export async function updateVehicle(ctx: Ctx, id: number, input: VehicleUpdate) {
  const { vehicle, fromOrg } = await inFleet(ctx, async (trx) => {
    const before = await trx
      .selectFrom('ems_vehicles')
      .selectAll()
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('车辆');
    let orgId = before.org_id;
    if (input.stationId !== undefined && input.stationId !== before.station_id) {
      if (!MOVABLE.has(before.status))
        throw conflict(
          'VEHICLE_ON_MISSION',
          `${before.call_sign} 当前「${VEHICLE_STATUS_LABELS[before.status]}」，待任务结束回站待命后再调往其他站点`,
        );
      orgId = (await openStation(ctx, trx, input.stationId)).org_id;
    }
    if (input.crewStaffIds) await checkCrew(ctx, trx, input.crewStaffIds);
    await trx
      .updateTable('ems_vehicles')
      .set({
        call_sign: input.callSign,
        plate: input.plate,
        kind: input.kind,
        negative_pressure: input.negativePressure,
        station_id: input.stationId,
        org_id: orgId,
        crew_staff_ids: input.crewStaffIds,
      })
      .where('id', '=', id)
      .execute();
    const changed = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await writeAudit(trx, ctx.audit, {
      action:
        input.stationId !== undefined && input.stationId !== before.station_id
          ? 'ems.vehicle.move'
          : 'ems.vehicle.update',
      resource: 'ems_vehicle',
      resourceId: id,
      detail: {
        before: {
          callSign: before.call_sign,
          plate: before.plate,
          kind: before.kind,
          negativePressure: before.negative_pressure,
          stationId: before.station_id,
          crewStaffIds: before.crew_staff_ids,
        },
        after: changed,
      },
    });
    return { vehicle: await vehicleById(trx, ctx, id), fromOrg: before.org_id };
  });
  await announce(ctx, EMS_TOPIC.vehicle, [fromOrg, vehicle.stationOrgId, ctx.actor.orgId], {
    id,
    status: vehicle.status,
  });
  return vehicle;
}

// ------------------------------------------------------------------ what the forms offer

/** the stations, the orgs a station may belong to, the crew and the named road nodes */
export async function fleetOptions(ctx: Ctx) {
  return inScope(ctx, async (trx) => {
    const county = ctx.actor.countyId;
    // one connection: the reads run one after the other
    const stations = await trx
      .selectFrom('ems_stations')
      .select(['id', 'name', 'org_id as orgId', 'active'])
      .where('county_id', '=', county)
      .orderBy('name')
      .execute();
    const orgs = await trx
      .selectFrom('orgs')
      .select(['id', 'name', 'kind'])
      .where('county_id', '=', county)
      .where('active', '=', true)
      .where('kind', 'in', ['county_hospital', 'township_center', 'community_center', 'county'])
      .orderBy('id')
      .execute();
    const crew = await trx
      .selectFrom('staff as st')
      .innerJoin('orgs as o', 'o.id', 'st.org_id')
      .select(['st.id', 'st.display_name as name', 'st.org_id as orgId', 'o.name as orgName'])
      .where('st.county_id', '=', county)
      .where(sql<boolean>`'crew' = ANY (st.roles)`)
      .where('st.disabled', '=', false)
      .orderBy('st.id')
      .execute();
    const nodes = await trx
      .selectFrom('road_nodes')
      .select(['id', 'name', 'kind'])
      .where('county_id', '=', county)
      .where('name', 'is not', null)
      .orderBy('name')
      .execute();
    return { stations, orgs, crew, nodes };
  });
}
