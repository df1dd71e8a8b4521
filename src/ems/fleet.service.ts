import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import {
  ACTION_LABELS,
  DEPART_LIMIT_S,
  GPS_FRESH_SECONDS,
  nextStatus,
  VEHICLE_STATUS_LABELS,
  type EmsAlarm,
  type VehicleAction,
} from './ems.states.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';

/** 车辆与站点 (issue 13 part 2): the fleet with its status, and the hospitals a patient may be taken to. */

export function vehiclesQuery(trx: Kdb, countyId: number) {
  return trx
    .selectFrom('ems_vehicles as v')
    .innerJoin('ems_stations as s', 's.id', 'v.station_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .leftJoin('road_nodes as n', 'n.id', 's.node_id')
    .select([
      'v.id',
      'v.call_sign',
      'v.plate',
      'v.kind',
      'v.negative_pressure',
      'v.status',
      'v.status_at',
      'v.station_id',
      's.name as station_name',
      's.org_id as station_org_id',
      's.node_id',
      'v.crew_staff_ids',
      'v.pos_lat',
      'v.pos_lng',
      'v.pos_at',
    ])
    .select(sql<number>`coalesce(n.lat, o.lat)`.as('lat'))
    .select(sql<number>`coalesce(n.lng, o.lng)`.as('lng'))
    .select(
      sql<
        number | null
      >`(SELECT m.id FROM ems_missions m WHERE m.vehicle_id = v.id AND m.status NOT IN ('completed', 'cancelled'))`.as(
        'active_mission_id',
      ),
    )
    .select(
      sql<
        Array<{ id: number; name: string }>
      >`(SELECT coalesce(json_agg(json_build_object('id', st.id, 'name', st.display_name)
        ORDER BY st.id), '[]') FROM staff st WHERE st.id = ANY (v.crew_staff_ids))`.as('crew'),
    )
    .where('v.county_id', '=', countyId);
}
type VehicleRow = Awaited<ReturnType<ReturnType<typeof vehiclesQuery>['execute']>>[number];

const secondsSince = (now: Date, at: Date | string) =>
  Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000));

/**
 * A vehicle as the board shows it: `pos` is the crew phone's latest fix with its age and
 * whether it is fresh enough to draw the vehicle there; `alarms` the server's own (a vehicle
 * dispatched more than DEPART_LIMIT_S ago and still standing), by the injectable clock.
 */
export const toVehicle = (r: VehicleRow, now: Date) => ({
  id: r.id,
  callSign: r.call_sign,
  plate: r.plate,
  kind: r.kind,
  negativePressure: r.negative_pressure,
  status: r.status,
  statusLabel: VEHICLE_STATUS_LABELS[r.status],
  statusAt: new Date(r.status_at).toISOString(),
  stationId: r.station_id,
  stationName: r.station_name,
  stationOrgId: r.station_org_id,
  lat: r.lat === null ? null : Number(r.lat),
  lng: r.lng === null ? null : Number(r.lng),
  activeMissionId: r.active_mission_id,
  crew: r.crew,
  pos:
    r.pos_at === null || r.pos_lat === null || r.pos_lng === null
      ? null
      : {
          lat: Number(r.pos_lat),
          lng: Number(r.pos_lng),
          at: new Date(r.pos_at).toISOString(),
          ageSeconds: secondsSince(now, r.pos_at),
          fresh: secondsSince(now, r.pos_at) <= GPS_FRESH_SECONDS,
        },
  alarms:
    r.status === 'dispatched' && secondsSince(now, r.status_at) > DEPART_LIMIT_S
      ? [{ kind: 'not_departed_3min', seconds: secondsSince(now, r.status_at) } satisfies EmsAlarm]
      : [],
});

export async function listVehicles(ctx: Ctx) {
  const now = ctx.platform.config.now();
  return inScope(ctx, async (trx) => {
    const rows = await vehiclesQuery(trx, ctx.actor.countyId).orderBy('v.call_sign').execute();
    return rows.map((r) => toVehicle(r, now));
  });
}

/** the fleet's own moves outside a mission: out of service, back in service, back in the station */
export async function changeVehicleStatus(
  ctx: Ctx,
  id: number,
  action: Extract<VehicleAction, 'out_of_service' | 'in_service' | 'back_in_station'>,
) {
  const now = ctx.platform.config.now();
  const vehicle = await inScope(ctx, async (trx) => {
    const row = await trx
      .selectFrom('ems_vehicles')
      .select(['id', 'status', 'call_sign', 'org_id', 'station_id'])
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('车辆');
    if (action === 'in_service') {
      // a retired station sends no ambulance out; its lock waits for a retirement in progress
      const station = await trx
        .selectFrom('ems_stations')
        .select(['name', 'active'])
        .where('id', '=', row.station_id)
        .forShare()
        .executeTakeFirstOrThrow();
      if (!station.active)
        throw conflict('STATION_RETIRED', `${station.name} 已撤销，请先将 ${row.call_sign} 调往其他站点再恢复使用`);
    }
    if (ctx.scope.role === 'crew' && !ctx.scope.orgIds.includes(row.org_id)) throw notFound('车辆');
    const to = nextStatus(row.status, action);
    if (!to)
      throw conflict(
        'VEHICLE_TRANSITION',
        `${row.call_sign} 当前「${VEHICLE_STATUS_LABELS[row.status]}」，不能「${ACTION_LABELS[action]}」`,
      );
    await trx.updateTable('ems_vehicles').set({ status: to, status_at: now }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.audit, {
      action: `ems.vehicle.${action}`,
      resource: 'ems_vehicle',
      resourceId: String(id),
      detail: { from: row.status, to },
    });
    return { ...row, status: to };
  });
  await announce(ctx, EMS_TOPIC.vehicle, [vehicle.org_id, ctx.actor.orgId], { id, status: vehicle.status });
  const rows = await inScope(ctx, (trx) => vehiclesQuery(trx, ctx.actor.countyId).where('v.id', '=', id).execute());
  return toVehicle(rows[0], ctx.platform.config.now());
}

export type Capability = 'pci' | 'stroke' | 'obstetrics' | 'neonatal' | 'trauma';
/** what a channel needs at the destination; general cases go to the nearest */
export const CHANNEL_NEEDS: Record<string, Capability | null> = {
  chest_pain: 'pci',
  stroke: 'stroke',
  trauma: 'trauma',
  maternal: 'obstetrics',
  neonatal: 'neonatal',
  general: null,
};

/**
 * The hospitals of the county and what they can do, read from their departments: PCI needs a
 * county hospital with cardiology and intensive care; a stroke centre neurology and imaging;
 * trauma surgery; obstetrics and neonatology their departments.
 */
export function hospitals(db: Kdb, countyId: number): Promise<Hospital[]> {
  // read for every recommendation: kept a little while per county (departments change rarely)
  let perCounty = hospitalCache.get(db);
  if (!perCounty) hospitalCache.set(db, (perCounty = new Map()));
  const hit = perCounty.get(countyId);
  if (hit && Date.now() - hit.at < HOSPITAL_CACHE_MS) return hit.rows;
  const rows = readHospitals(db, countyId);
  perCounty.set(countyId, { at: Date.now(), rows });
  rows.catch(() => perCounty.delete(countyId));
  return rows;
}

const HOSPITAL_CACHE_MS = 30_000;
const hospitalCache = new WeakMap<Kdb, Map<number, { at: number; rows: Promise<Hospital[]> }>>();
export type Hospital = Awaited<ReturnType<typeof readHospitals>>[number];

/** a hospital's departments changed (or a test set them up): the next recommendation reads them again */
export function invalidateHospitals(db: Kdb, countyId: number): void {
  hospitalCache.get(db)?.delete(countyId);
}

async function readHospitals(db: Kdb, countyId: number) {
  const rows = await db
    .selectFrom('orgs as o')
    .leftJoin('road_nodes as n', 'n.org_id', 'o.id')
    .select(['o.id', 'o.name', 'o.kind', 'o.lat', 'o.lng', 'n.id as node_id'])
    .select(
      sql<string[]>`coalesce((SELECT array_agg(d.code) FROM departments d WHERE d.org_id = o.id), '{}')`.as(
        'departments',
      ),
    )
    .where('o.county_id', '=', countyId)
    .where('o.kind', 'in', ['county_hospital', 'township_center', 'community_center'])
    .where('o.active', '=', true)
    .orderBy('o.id')
    .execute();
  return rows.map((r) => {
    const d = new Set(r.departments);
    const caps: Capability[] = [];
    if (r.kind === 'county_hospital' && d.has('cardiology') && d.has('icu')) caps.push('pci');
    if (r.kind === 'county_hospital' && d.has('neurology') && d.has('imaging')) caps.push('stroke');
    if (r.kind === 'county_hospital' && (d.has('surgery') || d.has('orthopaedics'))) caps.push('trauma');
    if (d.has('obstetrics')) caps.push('obstetrics');
    if (d.has('neonatal')) caps.push('neonatal');
    return {
      orgId: r.id,
      name: r.name,
      kind: r.kind,
      lat: r.lat === null ? null : Number(r.lat),
      lng: r.lng === null ? null : Number(r.lng),
      nodeId: r.node_id,
      capabilities: caps,
    };
  });
}

export async function listHospitals(ctx: Ctx) {
  const rows = await hospitals(ctx.db, ctx.actor.countyId);
  return rows.map(({ nodeId: _node, ...h }) => h);
}
