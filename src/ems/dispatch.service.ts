import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { VEHICLE_STATUS_LABELS } from './ems.states.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';

/**
 * 派车 (issue 13 part 2): one conditional UPDATE takes the vehicle only if it is free, so of two
 * dispatchers pressing 派车 on the same vehicle at once exactly one wins; the other is told the
 * vehicle's current mission (409 VEHICLE_BUSY). The partial unique index on active missions
 * stands behind it. The mission starts its timeline with the call's times.
 */
export async function dispatch(
  ctx: Ctx,
  callId: number,
  input: { vehicleId: number; destOrgId?: number; etaSceneMin?: number | null },
) {
  const now = ctx.platform.config.now();
  const mission = await inScope(ctx, async (trx) => {
    const call = await trx
      .selectFrom('ems_calls')
      .select(['id', 'status', 'received_at', 'answered_at', 'channel', 'resident_id', 'org_id'])
      .where('id', '=', callId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!call) throw notFound('呼救记录');
    if (call.status === 'cancelled' || call.status === 'closed')
      throw conflict('CALL_NOT_OPEN', '该呼救已取消或已结束，不能派车');
    if (input.destOrgId !== undefined) {
      const dest = await trx
        .selectFrom('orgs')
        .select('kind')
        .where('id', '=', input.destOrgId)
        .where('county_id', '=', ctx.actor.countyId)
        .executeTakeFirst();
      if (!dest || !['county_hospital', 'township_center', 'community_center'].includes(dest.kind))
        throw badRequest('DEST_NOT_HOSPITAL', '目的地应为本县的医院或乡镇卫生院', 'destOrgId');
    }
    const taken = await trx
      .updateTable('ems_vehicles')
      .set({ status: 'dispatched', status_at: now })
      .where('id', '=', input.vehicleId)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', 'in', ['available', 'returning'])
      .returning(['id', 'org_id', 'crew_staff_ids', 'call_sign'])
      .executeTakeFirst();
    if (!taken) {
      const vehicle = await trx
        .selectFrom('ems_vehicles')
        .select(['id', 'status', 'call_sign'])
        .where('id', '=', input.vehicleId)
        .where('county_id', '=', ctx.actor.countyId)
        .executeTakeFirst();
      if (!vehicle) throw notFound('车辆');
      const active = await trx
        .selectFrom('ems_missions')
        .select(['id', 'call_id', 'status'])
        .where('vehicle_id', '=', vehicle.id)
        .where('status', 'not in', ['completed', 'cancelled'])
        .executeTakeFirst();
      if (active)
        throw new AppError(
          409,
          'VEHICLE_BUSY',
          `${vehicle.call_sign} 已被派往任务 #${active.id}（${VEHICLE_STATUS_LABELS[vehicle.status]}），请选择其他车辆`,
          undefined,
          { missionId: active.id, callId: active.call_id, status: vehicle.status },
        );
      throw conflict(
        'VEHICLE_UNAVAILABLE',
        `${vehicle.call_sign} 当前「${VEHICLE_STATUS_LABELS[vehicle.status]}」，不能派车`,
        {
          status: vehicle.status,
        },
      );
    }
    const created = await trx
      .insertInto('ems_missions')
      .values({
        county_id: ctx.actor.countyId,
        call_id: call.id,
        vehicle_id: taken.id,
        org_id: call.org_id,
        station_org_id: taken.org_id,
        dest_org_id: input.destOrgId ?? null,
        channel: call.channel,
        crew_staff_ids: taken.crew_staff_ids,
        resident_id: call.resident_id,
        eta_scene_min: input.etaSceneMin ?? null,
        dispatched_by: ctx.actor.id,
        created_at: now,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    // the call's own times open every mission's timeline; dispatch and crew notification are now
    await trx
      .insertInto('ems_events')
      .values(
        (
          [
            ['call_received', new Date(call.received_at)],
            ['call_answered', new Date(call.answered_at)],
            ['dispatch_decided', now],
            ['crew_notified', now],
          ] as const
        ).map(([milestone, at]) => ({
          county_id: ctx.actor.countyId,
          mission_id: created.id,
          milestone,
          at,
          source: 'dispatcher' as const,
          recorded_at: now,
          recorded_by: ctx.actor.id,
        })),
      )
      .execute();
    if (call.status === 'open')
      await trx.updateTable('ems_calls').set({ status: 'dispatched' }).where('id', '=', call.id).execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.mission.dispatch',
      resource: 'ems_mission',
      resourceId: String(created.id),
      residentId: call.resident_id,
      detail: { callId: call.id, vehicleId: taken.id, destOrgId: input.destOrgId ?? null },
    });
    return {
      id: created.id,
      callId: call.id,
      vehicleId: taken.id,
      orgIds: [call.org_id, taken.org_id, input.destOrgId ?? null],
    };
  });
  await announce(ctx, EMS_TOPIC.mission, mission.orgIds, { id: mission.id, status: 'dispatched' });
  return { id: mission.id, callId: mission.callId, vehicleId: mission.vehicleId, status: 'dispatched' as const };
}

/** the destination chosen after dispatch (the crew finds a stroke, not a faint) */
export async function setDestination(ctx: Ctx, missionId: number, destOrgId: number) {
  await inScope(ctx, async (trx) => {
    const row = await trx
      .updateTable('ems_missions')
      .set({ dest_org_id: destOrgId })
      .where('id', '=', missionId)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', 'not in', ['completed', 'cancelled'])
      .where(sql<boolean>`${destOrgId} IN (SELECT id FROM orgs WHERE county_id = ${ctx.actor.countyId})`)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('进行中的出车任务或目的医院');
    await writeAudit(trx, ctx.audit, {
      action: 'ems.mission.destination',
      resource: 'ems_mission',
      resourceId: String(missionId),
      detail: { destOrgId },
    });
  });
}
