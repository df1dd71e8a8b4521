import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';
import type { RoadClassCode, RoadClose, RoadQuery } from './fleet-admin.schema.ts';
import { closedAt, invalidateRoadGraph } from './roads.ts';

/**
 * 路网维护 (issue 13): the dispatch centre closes a road for a period (大雪封路, works), reopens
 * it, changes its speed. The nearest-unit search reads the roads as they stand at the moment
 * (roads.ts); every edit drops the cached graph here and, through the announced event, in the
 * other server processes too.
 */

export const ROAD_CLASS_LABELS: Record<RoadClassCode, string> = {
  highway: '高速公路',
  national: '国道',
  county: '县道',
  township: '乡道',
  village: '村道',
  mountain: '山区道路',
};

/** what an edit announces: the board and the other server processes drop the graph */
export const ROAD_EVENT = 'roadEdgeId';

function roadsQuery(trx: Kdb, countyId: number, now: Date) {
  return trx
    .selectFrom('road_edges as e')
    .innerJoin('road_nodes as a', 'a.id', 'e.from_node')
    .innerJoin('road_nodes as b', 'b.id', 'e.to_node')
    .select([
      'e.id',
      'e.road_class',
      'e.length_m',
      'e.speed_kmh',
      'e.closed_from',
      'e.closed_until',
      'e.closed_reason',
      'e.from_node',
      'e.to_node',
      'a.name as from_name',
      'b.name as to_name',
    ])
    .select(closedAt(now).as('closed_now'))
    .where('e.county_id', '=', countyId);
}
type RoadRow = Awaited<ReturnType<ReturnType<typeof roadsQuery>['execute']>>[number];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const nodeLabel = (id: number, name: string | null) => name ?? `路口 ${id}`;

function toRoad(r: RoadRow, now: Date) {
  const from = iso(r.closed_from);
  const until = iso(r.closed_until);
  const state: 'open' | 'closed' | 'planned' = r.closed_now
    ? 'closed'
    : from !== null && new Date(from).getTime() > now.getTime()
      ? 'planned'
      : 'open';
  return {
    id: r.id,
    roadClass: r.road_class,
    roadClassLabel: ROAD_CLASS_LABELS[r.road_class],
    lengthM: r.length_m,
    speedKmh: r.speed_kmh,
    minutes: Math.round((r.length_m / (r.speed_kmh / 3.6) / 60) * 10) / 10,
    fromNode: r.from_node,
    toNode: r.to_node,
    fromName: nodeLabel(r.from_node, r.from_name),
    toName: nodeLabel(r.to_node, r.to_name),
    state,
    closedFrom: state === 'open' ? null : from,
    closedUntil: state === 'open' ? null : until,
    closedReason: state === 'open' ? null : r.closed_reason,
  };
}

function filteredRoads(trx: Kdb, ctx: Ctx, input: RoadQuery, now: Date) {
  let q = roadsQuery(trx, ctx.actor.countyId, now);
  if (input.roadClass) q = q.where('e.road_class', '=', input.roadClass);
  if (input.closed === 'now') q = q.where(closedAt(now));
  if (input.closed === 'planned') q = q.where('e.closed_from', '>', now);
  if (input.closed === 'open')
    q = q.where((eb) => eb.or([eb('e.closed_from', 'is', null), eb('e.closed_until', '<=', now)]));
  if (input.q) {
    const l = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('a.name', 'like', l), eb('b.name', 'like', l)]));
  }
  // closed and planned closures first: what the dispatch room must know about
  return q
    .orderBy(sql`CASE WHEN ${closedAt(now)} THEN 0 WHEN e.closed_from > ${now} THEN 1 ELSE 2 END`)
    .orderBy('e.id');
}

export async function listRoads(ctx: Ctx, input: RoadQuery) {
  const now = ctx.platform.config.now();
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, filteredRoads(trx, ctx, input, now), input);
    const closedNow = await trx
      .selectFrom('road_edges as e')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('e.county_id', '=', ctx.actor.countyId)
      .where(closedAt(now))
      .executeTakeFirstOrThrow();
    return {
      ...meta,
      closedNow: Number(closedNow.n),
      items: rows.map((r) => toRoad(r, now)),
    };
  });
}

export async function exportRoads(ctx: Ctx, input: RoadQuery) {
  const now = ctx.platform.config.now();
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, filteredRoads(trx, ctx, input, now), {
        action: 'ems.roads.export',
        resource: 'road_edge',
        filter: exportFilter(input),
      }),
    ),
  );
  const STATE = { open: '通行', closed: '封闭中', planned: '计划封闭' } as const;
  return toXlsx(
    rows.map((r) => toRoad(r, now)),
    [
      { header: '路段号', value: (r) => r.id, width: 8 },
      { header: '起点', value: (r) => r.fromName, width: 16 },
      { header: '终点', value: (r) => r.toName, width: 16 },
      { header: '道路等级', value: (r) => r.roadClassLabel, width: 10 },
      { header: '长度（米）', value: (r) => r.lengthM, width: 10 },
      { header: '车速（公里/小时）', value: (r) => r.speedKmh, width: 12 },
      { header: '状态', value: (r) => STATE[r.state], width: 10 },
      { header: '封路开始', value: (r) => shanghaiText(r.closedFrom), width: 18 },
      { header: '封路结束', value: (r) => shanghaiText(r.closedUntil), width: 18 },
      { header: '封路原因', value: (r) => r.closedReason, width: 20 },
    ],
    '路网',
  );
}

/** one edge, locked, with what an audit row needs */
async function lockedEdge(ctx: Ctx, trx: Kdb, id: number) {
  const e = await trx
    .selectFrom('road_edges')
    .select(['id', 'speed_kmh', 'closed_from', 'closed_until', 'closed_reason'])
    .where('id', '=', id)
    .where('county_id', '=', ctx.actor.countyId)
    .forUpdate()
    .executeTakeFirst();
  if (!e) throw notFound('路段');
  return e;
}

async function edgeById(ctx: Ctx, trx: Kdb, id: number, now: Date) {
  const row = await roadsQuery(trx, ctx.actor.countyId, now).where('e.id', '=', id).executeTakeFirstOrThrow();
  return toRoad(row, now);
}

/** after the commit: this process and the others read the roads again, the board refetches */
async function roadsChanged(ctx: Ctx, id: number) {
  invalidateRoadGraph(ctx.actor.countyId);
  const stations = await ctx.db
    .selectFrom('ems_stations')
    .select('org_id')
    .where('county_id', '=', ctx.actor.countyId)
    .execute();
  await announce(ctx, EMS_TOPIC.vehicle, [ctx.actor.orgId, ...stations.map((s) => s.org_id)], { [ROAD_EVENT]: id });
}

export async function closeRoad(ctx: Ctx, id: number, input: RoadClose) {
  const now = ctx.platform.config.now();
  const from = input.from ?? now;
  if (input.until && input.until.getTime() <= now.getTime())
    throw badRequest('CLOSURE_PAST', '封路结束时间已过，请填写将来的结束时间', 'until');
  if (input.until && input.until.getTime() <= from.getTime())
    throw badRequest('CLOSURE_ORDER', '封路结束时间应晚于开始时间', 'until');
  const road = await inScope(ctx, async (trx) => {
    const before = await lockedEdge(ctx, trx, id);
    await trx
      .updateTable('road_edges')
      .set({ closed_from: from, closed_until: input.until ?? null, closed_reason: input.reason })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.road.close',
      resource: 'road_edge',
      resourceId: id,
      detail: {
        before: { from: iso(before.closed_from), until: iso(before.closed_until), reason: before.closed_reason },
        after: { from: from.toISOString(), until: input.until?.toISOString() ?? null, reason: input.reason },
      },
    });
    return edgeById(ctx, trx, id, now);
  });
  await roadsChanged(ctx, id);
  return road;
}

export async function reopenRoad(ctx: Ctx, id: number) {
  const now = ctx.platform.config.now();
  const road = await inScope(ctx, async (trx) => {
    const before = await lockedEdge(ctx, trx, id);
    const ended = before.closed_until !== null && new Date(before.closed_until).getTime() <= now.getTime();
    if (before.closed_from === null || ended) throw conflict('ROAD_NOT_CLOSED', '该路段没有封闭，无需解除');
    await trx
      .updateTable('road_edges')
      .set({ closed_from: null, closed_until: null, closed_reason: null })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.road.reopen',
      resource: 'road_edge',
      resourceId: id,
      detail: { from: iso(before.closed_from), until: iso(before.closed_until), reason: before.closed_reason },
    });
    return edgeById(ctx, trx, id, now);
  });
  await roadsChanged(ctx, id);
  return road;
}

export async function setRoadSpeed(ctx: Ctx, id: number, speedKmh: number) {
  const now = ctx.platform.config.now();
  const road = await inScope(ctx, async (trx) => {
    const before = await lockedEdge(ctx, trx, id);
    await trx.updateTable('road_edges').set({ speed_kmh: speedKmh }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.road.speed',
      resource: 'road_edge',
      resourceId: id,
      detail: { from: before.speed_kmh, to: speedKmh },
    });
    return edgeById(ctx, trx, id, now);
  });
  await roadsChanged(ctx, id);
  return road;
}

/** the whole network, compact, for the small map: node positions and edges with their state now */
export async function roadMap(ctx: Ctx) {
  const now = ctx.platform.config.now();
  return inScope(ctx, async (trx) => {
    const nodes = await trx
      .selectFrom('road_nodes')
      .select(['id', 'lat', 'lng'])
      .where('county_id', '=', ctx.actor.countyId)
      .execute();
    const edges = await trx
      .selectFrom('road_edges as e')
      .select(['e.id', 'e.from_node', 'e.to_node', 'e.road_class'])
      .select(closedAt(now).as('closed'))
      .where('e.county_id', '=', ctx.actor.countyId)
      .orderBy('e.id')
      .execute();
    const pos = new Map(nodes.map((n) => [n.id, [Number(n.lng), Number(n.lat)] as const]));
    return {
      edges: edges.flatMap((e) => {
        const a = pos.get(e.from_node);
        const b = pos.get(e.to_node);
        return a && b ? [{ id: e.id, roadClass: e.road_class, closed: e.closed, coords: [a, b] }] : [];
      }),
    };
  });
}
