import { sql } from 'kysely';
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

interface FreeVehicle {
  id: number;
  call_sign: string;
  kind: string;
  negative_pressure: boolean;
  status: string;
  station_name: string;
  node_id: number | null;
  pos_lat: number | null;
  pos_lng: number | null;
  pos_at: string | null;
}

export async function recommend(ctx: Ctx, callId: number): Promise<Ranked> {
  // the call and the free vehicles in one statement: this answer is asked for by every dispatcher at once
  const call = await inScope(ctx, async (trx) => {
    const r = await sql<{
      id: number;
      lat: number;
      lng: number;
      channel: string;
      vehicles: FreeVehicle[];
    }>`SELECT c.id, c.lat, c.lng, c.channel,
        coalesce((SELECT json_agg(json_build_object('id', v.id, 'call_sign', v.call_sign, 'kind', v.kind,
            'negative_pressure', v.negative_pressure, 'status', v.status, 'station_name', s.name, 'node_id', s.node_id,
            'pos_lat', v.pos_lat, 'pos_lng', v.pos_lng, 'pos_at', v.pos_at) ORDER BY v.id)
          FROM ems_vehicles v JOIN ems_stations s ON s.id = v.station_id
          WHERE v.county_id = c.county_id AND v.status IN ('available', 'returning')), '[]') AS vehicles
      FROM ems_calls c WHERE c.id = ${callId} AND c.county_id = ${ctx.actor.countyId}`.execute(trx);
    if (!r.rows[0]) throw notFound('呼救记录');
    return r.rows[0];
  });
  const vehicles = call.vehicles;
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
