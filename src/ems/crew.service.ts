import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import {
  ACTION_LABELS,
  nextStatus,
  STEP_MILESTONE,
  VEHICLE_RULES,
  VEHICLE_STATUS_LABELS,
  type Channel,
  type Milestone,
  type MissionStatus,
  type ObservationKind,
} from './ems.states.ts';
import type { EventBody, ObservationBody, StepBody } from './ems.schema.ts';
import { announce, EMS_TOPIC, inScope, isActive, missionFor, sourceOf, type MissionRow } from './ems.shared.ts';

/**
 * The crew's phone and the hospital's buttons (issue 13 parts 5–7): status steps, milestones,
 * observations and the pre-alert. Every submission carries the device's id for it (clientId)
 * and the device's time; a resend after a lost answer stores nothing twice.
 */

const MISSION_AFTER: Partial<Record<StepBody['action'], MissionStatus>> = {
  depart: 'en_route',
  arrive_scene: 'on_scene',
  leave_scene: 'to_hospital',
  arrive_hospital: 'at_hospital',
  clear: 'completed',
  stand_down: 'cancelled',
};

/** a device time more than 10 minutes ahead of the server is a wrong phone clock, not an event */
function checkDeviceTime(ctx: Ctx, at: Date, field: string): void {
  if (at.getTime() > ctx.platform.config.now().getTime() + 10 * 60_000)
    throw badRequest('DEVICE_TIME_FUTURE', '设备时间晚于当前时间，请校准手机时间', field);
}

const orgsOf = (m: MissionRow) => [m.org_id, m.station_org_id, m.dest_org_id];

async function seenClientId(trx: Kdb, clientId: string) {
  return trx
    .selectFrom('ems_events')
    .select(['mission_id', 'milestone'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

async function insertEvent(
  ctx: Ctx,
  trx: Kdb,
  missionId: number,
  milestone: Milestone,
  at: Date,
  source: 'device' | 'crew' | 'dispatcher' | 'hospital' | 'backfill',
  clientId: string | null,
  note?: string,
) {
  await trx
    .insertInto('ems_events')
    .values({
      county_id: ctx.actor.countyId,
      mission_id: missionId,
      milestone,
      at,
      source,
      recorded_at: ctx.platform.config.now(),
      recorded_by: ctx.actor.id,
      client_id: clientId,
      note: note ?? null,
    })
    .execute();
}

/** a milestone recorded only if it is not there yet (an ECG upload stamps the first ECG once) */
async function stampOnce(
  ctx: Ctx,
  trx: Kdb,
  missionId: number,
  milestone: Milestone,
  at: Date,
  source: 'crew' | 'hospital' | 'dispatcher',
  clientId: string | null = null,
) {
  await trx
    .insertInto('ems_events')
    .values({
      county_id: ctx.actor.countyId,
      mission_id: missionId,
      milestone,
      at,
      source,
      recorded_at: ctx.platform.config.now(),
      recorded_by: ctx.actor.id,
      client_id: clientId,
    })
    .onConflict((oc) => oc.constraint('ems_events_once').doNothing())
    .execute();
}

export async function step(ctx: Ctx, missionId: number, input: StepBody) {
  checkDeviceTime(ctx, input.at, 'at');
  const now = ctx.platform.config.now();
  const mission = await inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId, true);
    const vehicle = await trx
      .selectFrom('ems_vehicles')
      .select(['id', 'status', 'call_sign'])
      .where('id', '=', m.vehicle_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const unchanged = { m, changed: false, vehicleStatus: vehicle.status };
    if (await seenClientId(trx, input.clientId)) return unchanged;
    // a stand-down resent after it went through: the mission is already cancelled
    if (input.action === 'stand_down' && m.status === 'cancelled') return unchanged;
    if (!isActive(m.status)) throw conflict('MISSION_ENDED', '该任务已结束，不能再操作');
    const to = nextStatus(vehicle.status, input.action);
    // pressed twice (two ids for one press on a flaky connection): the vehicle is already there
    if (!to && VEHICLE_RULES.some((r) => r.action === input.action && r.to === vehicle.status)) return unchanged;
    if (!to)
      throw conflict(
        'STEP_NOT_ALLOWED',
        `${vehicle.call_sign} 当前「${VEHICLE_STATUS_LABELS[vehicle.status]}」，不能「${ACTION_LABELS[input.action]}」`,
      );
    await trx.updateTable('ems_vehicles').set({ status: to, status_at: now }).where('id', '=', vehicle.id).execute();
    const status = MISSION_AFTER[input.action] ?? (m.status as MissionStatus);
    await trx
      .updateTable('ems_missions')
      .set({ status, ended_at: isActive(status) ? null : now })
      .where('id', '=', m.id)
      .execute();
    const milestone = STEP_MILESTONE[input.action];
    // the hospital may have stamped the door before the crew pressed 到达医院: the first time stands
    if (milestone) await stampOnce(ctx, trx, m.id, milestone, input.at, sourceOf(ctx), input.clientId);
    // reaching the patient is the first medical contact unless the crew recorded it apart
    if (input.action === 'arrive_scene') await stampOnce(ctx, trx, m.id, 'fmc', input.at, sourceOf(ctx));
    if (!isActive(status)) {
      const open = await trx
        .selectFrom('ems_missions')
        .select('id')
        .where('call_id', '=', m.call_id)
        .where('status', 'not in', ['completed', 'cancelled'])
        .executeTakeFirst();
      if (!open)
        await trx
          .updateTable('ems_calls')
          .set({ status: status === 'completed' ? 'closed' : 'open' })
          .where('id', '=', m.call_id)
          .execute();
      // stood down, or ended without reaching the door (treated on scene, refused transport): the
      // destination stops waiting; ended at the door, the hospital still has to receive the patient
      let awaited = trx
        .updateTable('ems_preadmissions')
        .set({ status: 'cancelled' })
        .where('mission_id', '=', m.id)
        .where('status', '=', 'expected');
      if (status === 'completed')
        awaited = awaited.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('ems_events').select('id').where('mission_id', '=', m.id).where('milestone', '=', 'door'),
            ),
          ),
        );
      await awaited.execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: `ems.mission.${input.action}`,
      resource: 'ems_mission',
      resourceId: String(m.id),
      detail: { at: input.at.toISOString(), from: vehicle.status, to },
    });
    return { m: { ...m, status }, changed: true, vehicleStatus: to };
  });
  if (mission.changed) {
    await announce(ctx, EMS_TOPIC.mission, orgsOf(mission.m), { id: missionId, action: input.action });
    await announce(ctx, EMS_TOPIC.vehicle, orgsOf(mission.m), { id: mission.m.vehicle_id });
  }
  // a small acknowledgement: the phone refetches its mission when the live event arrives
  return {
    id: missionId,
    status: mission.m.status,
    vehicleId: mission.m.vehicle_id,
    vehicleStatus: mission.vehicleStatus,
    changed: mission.changed,
  };
}

export async function addEvent(ctx: Ctx, missionId: number, input: EventBody) {
  checkDeviceTime(ctx, input.at, 'at');
  const source = input.source === 'backfill' || input.source === 'device' ? input.source : sourceOf(ctx);
  const m = await inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId);
    const seen = await seenClientId(trx, input.clientId);
    if (seen) {
      if (seen.mission_id !== missionId || seen.milestone !== input.milestone)
        throw conflict('CLIENT_ID_TAKEN', '该提交编号已用于另一条记录');
      return m;
    }
    await insertEvent(ctx, trx, m.id, input.milestone, input.at, source, input.clientId, input.note);
    await writeAudit(trx, ctx.audit, {
      action: 'ems.event.add',
      resource: 'ems_mission',
      resourceId: String(m.id),
      detail: { milestone: input.milestone, at: input.at.toISOString(), source },
    });
    return m;
  });
  await announce(ctx, EMS_TOPIC.mission, orgsOf(m), { id: missionId, milestone: input.milestone });
  return { missionId, milestone: input.milestone, at: input.at.toISOString(), source };
}

/** what each kind of observation holds, with plausible ranges: a typo is refused, not stored */
const VALUE_SCHEMAS: Record<ObservationKind, z.ZodType<Record<string, unknown>>> = {
  vitals: z
    .object({
      sbp: z.number().int().min(40, '收缩压应在 40–300').max(300, '收缩压应在 40–300').optional(),
      dbp: z.number().int().min(20, '舒张压应在 20–200').max(200, '舒张压应在 20–200').optional(),
      hr: z.number().int().min(20, '心率应在 20–250').max(250, '心率应在 20–250').optional(),
      spo2: z.number().int().min(50, '血氧应在 50–100').max(100, '血氧应在 50–100').optional(),
      rr: z.number().int().min(4, '呼吸应在 4–60').max(60, '呼吸应在 4–60').optional(),
      temp: z.number().min(30, '体温应在 30–43 ℃').max(43, '体温应在 30–43 ℃').optional(),
    })
    .refine((v) => Object.keys(v).length > 0, '请至少填写一项生命体征'),
  gcs: z.object({
    total: z.number().int().min(3, 'GCS 应在 3–15').max(15, 'GCS 应在 3–15'),
    eye: z.number().int().min(1, '睁眼评分应在 1–4').max(4, '睁眼评分应在 1–4').optional(),
    verbal: z.number().int().min(1, '语言评分应在 1–5').max(5, '语言评分应在 1–5').optional(),
    motor: z.number().int().min(1, '运动评分应在 1–6').max(6, '运动评分应在 1–6').optional(),
  }),
  fast: z.object({ face: z.boolean(), arm: z.boolean(), speech: z.boolean(), positive: z.boolean().optional() }),
  stroke_scale: z.object({ nihss: z.number().int().min(0, 'NIHSS 应在 0–42').max(42, 'NIHSS 应在 0–42') }),
  glucose: z.object({ mmol: z.number().min(0.5, '血糖应在 0.5–35 mmol/L').max(35, '血糖应在 0.5–35 mmol/L') }),
  ecg: z.object({
    rhythm: z.string().max(40).optional(),
    stemi: z.boolean().optional(),
    note: z.string().max(200).optional(),
  }),
  treatment: z.object({ text: z.string().trim().min(1, '请填写处置内容').max(200, '处置内容不能超过 200 个字') }),
  gestation: z.object({ weeks: z.number().int().min(12, '孕周应在 12–45').max(45, '孕周应在 12–45') }),
  note: z.object({ text: z.string().trim().min(1, '请填写内容').max(500, '内容不能超过 500 个字') }),
};

export async function addObservation(ctx: Ctx, missionId: number, input: ObservationBody) {
  checkDeviceTime(ctx, input.observedAt, 'observedAt');
  const parsed = VALUE_SCHEMAS[input.kind].safeParse(input.value);
  if (!parsed.success)
    throw badRequest('OBSERVATION_INVALID', parsed.error.issues[0]?.message ?? '记录内容不正确', 'value');
  let bytes: Buffer | null = null;
  if (input.file) {
    bytes = Buffer.from(input.file.base64, 'base64');
    if (bytes.length === 0) throw badRequest('FILE_EMPTY', '文件为空或不是 base64 编码', 'file');
    if (bytes.length > 5 * 1024 * 1024) throw badRequest('FILE_TOO_LARGE', '文件不能超过 5 MB', 'file');
  }
  const sha = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
  const now = ctx.platform.config.now();
  const result = await inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId);
    const inserted = await trx
      .insertInto('ems_observations')
      .values({
        county_id: ctx.actor.countyId,
        mission_id: m.id,
        client_id: input.clientId,
        kind: input.kind,
        observed_at: input.observedAt,
        recorded_at: now,
        recorded_by: ctx.actor.id,
        value: JSON.stringify(parsed.data),
        file_name: input.file?.name ?? null,
        file_type: input.file?.type ?? null,
        file_sha256: sha,
        file_bytes: bytes,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const old = await trx
        .selectFrom('ems_observations')
        .select(['id', 'mission_id', 'kind', 'file_sha256'])
        .where('client_id', '=', input.clientId)
        .executeTakeFirst();
      if (!old || old.mission_id !== m.id || old.kind !== input.kind || old.file_sha256 !== sha)
        throw conflict('CLIENT_ID_TAKEN', '该提交编号已用于另一条记录');
      return { id: Number(old.id), created: false, m };
    }
    // an ECG sent from the ambulance is the first ECG and its transmission, once
    if (input.kind === 'ecg') {
      await stampOnce(ctx, trx, m.id, 'first_ecg', input.observedAt, sourceOf(ctx));
      if (bytes) await stampOnce(ctx, trx, m.id, 'ecg_transmitted', now, sourceOf(ctx));
    }
    await writeAudit(trx, ctx.audit, {
      action: 'ems.observation.add',
      resource: 'ems_mission',
      resourceId: String(m.id),
      detail: { kind: input.kind, file: input.file?.name ?? null },
    });
    return { id: Number(inserted.id), created: true, m };
  });
  if (result.created)
    await announce(ctx, EMS_TOPIC.mission, orgsOf(result.m), { id: missionId, observation: input.kind });
  return { id: result.id, created: result.created };
}

export async function observationFile(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const row = await trx
      .selectFrom('ems_observations')
      .select(['mission_id', 'file_name', 'file_type', 'file_bytes'])
      .where('id', '=', String(id))
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!row || !row.file_bytes) throw notFound('文件');
    await missionFor(ctx, trx, row.mission_id);
    return { name: row.file_name ?? 'ecg', type: row.file_type ?? 'application/octet-stream', bytes: row.file_bytes };
  });
}

/**
 * 院前预警 → 上车即入院: the destination gets a pre-admission with a temporary number at once;
 * a resend returns the same record.
 */
export async function prealert(
  ctx: Ctx,
  missionId: number,
  input: { clientId: string; at: Date; etaMinutes: number; destOrgId?: number },
) {
  checkDeviceTime(ctx, input.at, 'at');
  const result = await inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId, true);
    const existing = await trx
      .selectFrom('ems_preadmissions')
      .select('id')
      .where('mission_id', '=', m.id)
      .executeTakeFirst();
    if (existing) return { id: existing.id, m, created: false };
    if (!isActive(m.status)) throw conflict('MISSION_ENDED', '该任务已结束，不能预警');
    let dest = m.dest_org_id;
    if (input.destOrgId !== undefined && input.destOrgId !== dest) {
      const ok = await trx
        .selectFrom('orgs')
        .select('id')
        .where('id', '=', input.destOrgId)
        .where('county_id', '=', ctx.actor.countyId)
        .where('kind', 'in', ['county_hospital', 'township_center', 'community_center'])
        .executeTakeFirst();
      if (!ok) throw badRequest('DEST_NOT_HOSPITAL', '目的地应为本县的医院或乡镇卫生院', 'destOrgId');
      dest = input.destOrgId;
      await trx.updateTable('ems_missions').set({ dest_org_id: dest }).where('id', '=', m.id).execute();
    }
    if (dest === null) throw new AppError(422, 'NO_DESTINATION', '尚未确定送往医院，请先联系调度确定目的医院');
    const day = await sql<{
      d: string;
    }>`SELECT to_char(${input.at}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS d`.execute(trx);
    const created = await trx
      .insertInto('ems_preadmissions')
      .values({
        county_id: ctx.actor.countyId,
        mission_id: m.id,
        dest_org_id: dest,
        temp_id: `T${day.rows[0].d}-${String(m.id).padStart(4, '0')}`,
        resident_id: m.resident_id,
        channel: m.channel as Channel,
        eta_at: new Date(input.at.getTime() + input.etaMinutes * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvent(ctx, trx, m.id, 'prealert', input.at, sourceOf(ctx), input.clientId);
    await writeAudit(trx, ctx.audit, {
      action: 'ems.prealert',
      resource: 'ems_preadmission',
      resourceId: String(created.id),
      residentId: m.resident_id,
      detail: { missionId: m.id, destOrgId: dest, etaMinutes: input.etaMinutes },
    });
    return { id: created.id, m: { ...m, dest_org_id: dest }, created: true };
  });
  if (result.created)
    await announce(ctx, EMS_TOPIC.preadmission, orgsOf(result.m), { id: result.id, status: 'expected' });
  return { id: result.id, created: result.created };
}
