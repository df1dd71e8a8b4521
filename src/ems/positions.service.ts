import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import type { PositionsBody } from './ems.schema.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';

/**
 * 车辆定位 (issue 13, second part): the fixes the crew's phone sends while a mission runs, or a
 * dispatcher's manual placement. Each fix is stored once by its client id (a resent batch
 * stores nothing twice); an implausible fix is refused on its own with its reason; the
 * vehicle's latest position moves only forward in device time.
 *
 * Audit: one row per batch that stored something, not one per fix. A phone sends a fix every
 * 15 s; the positions table is itself the append-only record of each fix (who sent it, the
 * phone's time and the server's), so the audit log says who sent how many, when, for which
 * mission — as the crew's steps are audited once per press.
 */

/** how far outside the county's road network and places a fix may lie (about 20 km) */
const BOX_MARGIN_DEG = 0.2;
const MAX_SPEED_KMH = 200;
const FUTURE_LIMIT_MS = 5 * 60_000;
const PAST_LIMIT_MS = 24 * 3600_000;

type Fix = PositionsBody['fixes'][number];
interface Box {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** the county's extent: its road nodes and located places, widened by the margin */
async function countyBox(trx: Kdb, countyId: number): Promise<Box | null> {
  const r = await sql<{
    min_lat: number | null;
    max_lat: number | null;
    min_lng: number | null;
    max_lng: number | null;
  }>`SELECT min(lat) AS min_lat, max(lat) AS max_lat, min(lng) AS min_lng, max(lng) AS max_lng FROM (
      SELECT lat, lng FROM road_nodes WHERE county_id = ${countyId}
      UNION ALL SELECT lat, lng FROM orgs WHERE county_id = ${countyId} AND lat IS NOT NULL AND lng IS NOT NULL) p`.execute(
    trx,
  );
  const b = r.rows[0];
  if (b.min_lat === null || b.max_lat === null || b.min_lng === null || b.max_lng === null) return null;
  return {
    minLat: Number(b.min_lat) - BOX_MARGIN_DEG,
    maxLat: Number(b.max_lat) + BOX_MARGIN_DEG,
    minLng: Number(b.min_lng) - BOX_MARGIN_DEG,
    maxLng: Number(b.max_lng) + BOX_MARGIN_DEG,
  };
}

/** why a fix cannot be where the vehicle was, or null when it is plausible */
export function implausible(fix: Fix, box: Box | null, now: Date): string | null {
  if (fix.lat < -90 || fix.lat > 90 || fix.lng < -180 || fix.lng > 180) return '经纬度超出有效范围';
  if (box && (fix.lat < box.minLat || fix.lat > box.maxLat || fix.lng < box.minLng || fix.lng > box.maxLng))
    return '位置不在本县范围内，可能是定位漂移';
  if (fix.speedKmh !== undefined && (fix.speedKmh < 0 || fix.speedKmh > MAX_SPEED_KMH))
    return `车速应在 0–${MAX_SPEED_KMH} 公里/小时`;
  if (fix.accuracyM !== undefined && (fix.accuracyM < 0 || fix.accuracyM > 100_000)) return '定位精度应在 0–100000 米';
  const t = fix.deviceAt.getTime();
  if (t > now.getTime() + FUTURE_LIMIT_MS) return '定位时间晚于服务器时间 5 分钟以上，请校准手机时间';
  if (t < now.getTime() - PAST_LIMIT_MS) return '定位时间早于 24 小时前，已过期';
  return null;
}

export interface PositionsAnswer {
  stored: number;
  duplicates: number;
  refused: Array<{ clientId: string; reason: string }>;
}

export async function recordPositions(ctx: Ctx, vehicleId: number, input: PositionsBody): Promise<PositionsAnswer> {
  const now = ctx.platform.config.now();
  const result = await inScope(ctx, async (trx) => {
    const vehicle = await trx
      .selectFrom('ems_vehicles')
      .select(['id', 'org_id', 'crew_staff_ids'])
      .where('id', '=', vehicleId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    // a crew member places only the vehicle they ride on; another vehicle is not theirs to see
    if (!vehicle || (ctx.scope.role === 'crew' && !vehicle.crew_staff_ids.includes(ctx.actor.id)))
      throw notFound('车辆');
    const box = await countyBox(trx, ctx.actor.countyId);
    const refused: PositionsAnswer['refused'] = [];
    const good: Fix[] = [];
    for (const fix of input.fixes) {
      const reason = implausible(fix, box, now);
      if (reason) refused.push({ clientId: fix.clientId, reason });
      else good.push(fix);
    }
    const mission = await trx
      .selectFrom('ems_missions')
      .select(['id', 'org_id', 'station_org_id'])
      .where('vehicle_id', '=', vehicle.id)
      .where('status', 'not in', ['completed', 'cancelled'])
      .executeTakeFirst();
    const inserted = good.length
      ? await trx
          .insertInto('ems_vehicle_positions')
          .values(
            good.map((f) => ({
              county_id: ctx.actor.countyId,
              vehicle_id: vehicle.id,
              mission_id: mission?.id ?? null,
              lat: f.lat,
              lng: f.lng,
              accuracy_m: f.accuracyM === undefined ? null : Math.round(f.accuracyM),
              speed_kmh: f.speedKmh === undefined ? null : Math.round(f.speedKmh * 10) / 10,
              device_at: f.deviceAt,
              recorded_at: now,
              recorded_by: ctx.actor.id,
              client_id: f.clientId,
            })),
          )
          .onConflict((oc) => oc.column('client_id').doNothing())
          .returning('client_id')
          .execute()
      : [];
    const storedIds = new Set(inserted.map((r) => r.client_id));
    const newest = good
      .filter((f) => storedIds.has(f.clientId))
      .reduce<Fix | null>((a, f) => (!a || f.deviceAt > a.deviceAt ? f : a), null);
    let moved = false;
    if (newest) {
      // a late retry of an old fix never moves the vehicle back
      const r = await trx
        .updateTable('ems_vehicles')
        .set({ pos_lat: newest.lat, pos_lng: newest.lng, pos_at: newest.deviceAt })
        .where('id', '=', vehicle.id)
        .where((eb) => eb.or([eb('pos_at', 'is', null), eb('pos_at', '<', newest.deviceAt)]))
        .executeTakeFirst();
      moved = Number(r.numUpdatedRows) > 0;
      await writeAudit(trx, ctx.audit, {
        action: 'ems.vehicle.positions',
        resource: 'ems_vehicle',
        resourceId: String(vehicle.id),
        detail: {
          stored: storedIds.size,
          refused: refused.length,
          missionId: mission?.id ?? null,
          latestAt: newest.deviceAt.toISOString(),
        },
      });
    }
    return {
      answer: { stored: storedIds.size, duplicates: good.length - storedIds.size, refused },
      moved: moved ? newest : null,
      orgs: [vehicle.org_id, mission?.org_id ?? null, mission?.station_org_id ?? null, ctx.actor.orgId],
    };
  });
  if (result.moved)
    await announce(ctx, EMS_TOPIC.vehicle, result.orgs, {
      id: vehicleId,
      pos: { lat: result.moved.lat, lng: result.moved.lng, at: result.moved.deviceAt.toISOString() },
    });
  return result.answer;
}
