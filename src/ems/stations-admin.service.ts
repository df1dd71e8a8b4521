import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';
import type { StationCreate, StationQuery, StationUpdate } from './fleet-admin.schema.ts';
import { inFleet, like } from './fleet-admin.service.ts';
import { loadRoadGraph, nearestNode } from './roads.ts';

/**
 * 急救站点 (issue 13): the county's stations with their org, road node and vehicles; created on
 * the road node nearest the org, renamed, retired only once no vehicle of theirs is in service.
 */

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
    const { rows, meta } = await fetchPage(trx, filteredStations(trx, ctx, input), input);
    return {
      ...meta,
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
