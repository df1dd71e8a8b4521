import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { CHANNEL_NEEDS, hospitals } from './fleet.service.ts';
import { inScope } from './ems.shared.ts';
import { GPS_FRESH_SECONDS } from './ems.states.ts';
import { ACCESS, loadRoadGraph, nearestNode, travelTimes, type RoadGraph } from './roads.ts';

/**
 * 就近派车 (issue 13 part 3): free vehicles ranked by road time to the scene — from where the
 * vehicle really is when its crew's phone sent a fix within GPS_FRESH_SECONDS (snapped to the
 * nearest road node, the stretch off the road counted as for the scene), else from its
 * station — and destination hospitals by capability for the channel, then road time from the
 * scene. Roads are two-way, so one search from the scene answers every target.
 */

export interface Ranked {
  vehicles: Array<{
    vehicleId: number;
    callSign: string;
    kind: string;
    negativePressure: boolean;
    stationName: string;
    status: string;
    minutes: number | null;
    km: number | null;
    /** measured from the vehicle's fresh GPS fix, or from its station */
    from: 'gps' | 'station';
    /** how old the vehicle's latest fix is (s), whether used or too old; null without one */
    fixAgeSeconds: number | null;
  }>;
  hospitals: Array<{
    orgId: number;
    name: string;
    minutes: number | null;
    km: number | null;
    capable: boolean;
    capabilities: string[];
  }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** road minutes and km from a point to nodes, the off-road stretch to the nearest node included */
export function fromScene(g: RoadGraph, lat: number, lng: number, nodeIds: ReadonlyArray<number | null>) {
  const scene = nearestNode(g, lat, lng);
  if (!scene) return nodeIds.map(() => null);
  const times = travelTimes(
    g,
    scene.nodeId,
    nodeIds.map((n) => n ?? Number.NaN),
  );
  const offRoadM = scene.metres * ACCESS.winding;
  const offRoadS = offRoadM / (ACCESS.speedKmh / 3.6);
  return times.map((t) =>
    t ? { minutes: round1((t.seconds + offRoadS) / 60), km: round1((t.metres + offRoadM) / 1000) } : null,
  );
}

export async function recommend(ctx: Ctx, callId: number): Promise<Ranked> {
  const { call, vehicles } = await inScope(ctx, async (trx) => {
    const call = await trx
      .selectFrom('ems_calls')
      .select(['id', 'lat', 'lng', 'channel'])
      .where('id', '=', callId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!call) throw notFound('呼救记录');
    const vehicles = await trx
      .selectFrom('ems_vehicles as v')
      .innerJoin('ems_stations as s', 's.id', 'v.station_id')
      .select([
        'v.id',
        'v.call_sign',
        'v.kind',
        'v.negative_pressure',
        'v.status',
        's.name as station_name',
        's.node_id',
        'v.pos_lat',
        'v.pos_lng',
        'v.pos_at',
      ])
      .where('v.county_id', '=', ctx.actor.countyId)
      .where('v.status', 'in', ['available', 'returning'])
      .execute();
    return { call, vehicles };
  });
  const [g, places] = await Promise.all([
    loadRoadGraph(ctx.db, ctx.actor.countyId),
    hospitals(ctx.db, ctx.actor.countyId),
  ]);
  const now = ctx.platform.config.now().getTime();
  const origins = vehicles.map((v) => {
    const age = v.pos_at === null ? null : Math.max(0, Math.round((now - new Date(v.pos_at).getTime()) / 1000));
    const fix =
      age !== null && age <= GPS_FRESH_SECONDS && v.pos_lat !== null && v.pos_lng !== null
        ? nearestNode(g, Number(v.pos_lat), Number(v.pos_lng))
        : null;
    return fix
      ? { nodeId: fix.nodeId, offRoadM: fix.metres * ACCESS.winding, from: 'gps' as const, age }
      : { nodeId: v.node_id, offRoadM: 0, from: 'station' as const, age };
  });
  const times = fromScene(g, Number(call.lat), Number(call.lng), [
    ...origins.map((o) => o.nodeId),
    ...places.map((h) => h.nodeId),
  ]);
  const need = CHANNEL_NEEDS[call.channel] ?? null;
  const rankedVehicles = vehicles
    .map((v, i) => {
      const t = times[i];
      const o = origins[i];
      // the vehicle's own stretch to the road, as the scene's is counted in fromScene
      const extraMin = o.offRoadM / (ACCESS.speedKmh / 3.6) / 60;
      return {
        vehicleId: v.id,
        callSign: v.call_sign,
        kind: v.kind,
        negativePressure: v.negative_pressure,
        stationName: v.station_name,
        status: v.status,
        minutes: t ? round1(t.minutes + extraMin) : null,
        km: t ? round1(t.km + o.offRoadM / 1000) : null,
        from: o.from,
        fixAgeSeconds: o.age,
      };
    })
    // the mobile CT goes to stroke calls only; otherwise it stays free for them
    .filter((v) => v.kind !== 'mobile_ct' || call.channel === 'stroke')
    .sort((a, b) => (a.minutes ?? Infinity) - (b.minutes ?? Infinity) || a.vehicleId - b.vehicleId);
  const rankedHospitals = places
    .map((h, i) => {
      const t = times[vehicles.length + i];
      return {
        orgId: h.orgId,
        name: h.name,
        minutes: t?.minutes ?? null,
        km: t?.km ?? null,
        capable: need === null || h.capabilities.includes(need),
        capabilities: h.capabilities,
      };
    })
    .sort((a, b) => Number(b.capable) - Number(a.capable) || (a.minutes ?? Infinity) - (b.minutes ?? Infinity));
  return { vehicles: rankedVehicles, hospitals: rankedHospitals };
}
