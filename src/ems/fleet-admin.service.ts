import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { VEHICLE_STATUS_LABELS } from './ems.states.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';
import type { FleetVehicleQuery, VehicleCreate, VehicleKind, VehicleUpdate } from './fleet-admin.schema.ts';
import { toVehicle, vehiclesQuery } from './fleet.service.ts';

/**
 * 急救资源 (issue 13): the dispatch centre keeps its ambulances on screen (the stations are in
 * stations-admin.service.ts). Every change is audited in its transaction and announced so the
 * board refetches; the database's unique keys decide duplicates (a race between two clerks gets
 * the same Chinese answer).
 */

export const KIND_LABELS: Record<VehicleKind, string> = {
  transport: '转运型',
  emergency: '抢救型',
  micu: '监护型（MICU）',
  mobile_ct: '移动 CT 卒中车',
};

/** a vehicle may change station only while it is not on a mission */
const MOVABLE = new Set(['available', 'out_of_service']);

export const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export function mapFleetError(err: unknown): unknown {
  if (isUniqueViolation(err, 'ems_stations_name_key'))
    return conflict('STATION_NAME_TAKEN', '本县已有同名急救站点，请换一个名称');
  if (isUniqueViolation(err, 'ems_vehicles_call_sign_key'))
    return conflict('CALL_SIGN_TAKEN', '本县已有该呼号的车辆，请换一个呼号');
  if (isUniqueViolation(err, 'ems_vehicles_plate_key')) return conflict('PLATE_TAKEN', '该车牌号已登记在其他车辆上');
  return err;
}
export const inFleet = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>) =>
  inScope(ctx, fn).catch((err: unknown) => {
    throw mapFleetError(err);
  });

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
    const { rows, meta } = await fetchPage(trx, filteredVehicles(trx, ctx, input), input);
    return {
      ...meta,
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
