import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { DeviceCreate, DeviceQuery, FlaggedQuery, ReadingQuery } from './kit.schema.ts';
import { inScope, nowOf } from './remote.shared.ts';

/**
 * Kit readings on the resident's record, the flagged ones a doctor reviews, and the kits
 * themselves (registered by the township centre or the administrator for their villages).
 * Row-level security keeps every list to the caller's orgs.
 */

function readingsQuery(trx: Kdb) {
  return trx
    .selectFrom('kit_readings as k')
    .innerJoin('residents as r', 'r.id', 'k.resident_id')
    .innerJoin('orgs as o', 'o.id', 'k.org_id')
    .leftJoin('remote_requests as q', 'q.id', 'k.request_id')
    .leftJoin('staff as s', 's.id', 'k.reviewed_by')
    .select([
      'k.device_id',
      'k.reading_id',
      'k.resident_id',
      'r.name as resident_name',
      'k.org_id',
      'o.name as org_name',
      'k.kind',
      'k.systolic',
      'k.diastolic',
      'k.pulse',
      'k.glucose',
      'k.glucose_ctx',
      'k.spo2',
      'k.temperature',
      'k.heart_rate',
      'k.ecg_leads',
      'k.request_id',
      'q.accession',
      'q.status as request_status',
      'k.flagged',
      'k.flag_reasons',
      'k.reviewed_at',
      's.display_name as reviewed_by_name',
      'k.measured_at',
      'k.received_at',
    ]);
}
type ReadingRow = Awaited<ReturnType<ReturnType<typeof readingsQuery>['execute']>>[number];
const num = (v: string | number | null) => (v === null ? null : Number(v));
const toReading = (r: ReadingRow) => ({
  deviceId: r.device_id,
  readingId: r.reading_id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  orgId: r.org_id,
  orgName: r.org_name,
  kind: r.kind,
  systolic: r.systolic,
  diastolic: r.diastolic,
  pulse: r.pulse,
  glucose: num(r.glucose),
  glucoseCtx: r.glucose_ctx,
  spo2: r.spo2,
  temperature: num(r.temperature),
  heartRate: r.heart_rate,
  ecgLeads: r.ecg_leads,
  requestId: r.request_id,
  accession: r.accession,
  requestStatus: r.request_status,
  flagged: r.flagged,
  flagReasons: r.flag_reasons,
  reviewedAt: r.reviewed_at,
  reviewedByName: r.reviewed_by_name,
  measuredAt: r.measured_at,
  receivedAt: r.received_at,
});

export function listReadings(ctx: Ctx, input: ReadingQuery) {
  return inScope(ctx, async (trx) => {
    let q = readingsQuery(trx).where('k.county_id', '=', ctx.actor.countyId);
    if (input.residentId !== undefined) q = q.where('k.resident_id', '=', input.residentId);
    if (input.deviceId !== undefined) q = q.where('k.device_id', '=', input.deviceId);
    if (input.kind) q = q.where('k.kind', '=', input.kind);
    if (input.flagged) q = q.where('k.flagged', '=', input.flagged === 'true');
    if (input.from) q = q.where(sql<boolean>`k.measured_at >= (${input.from}::date AT TIME ZONE 'Asia/Shanghai')`);
    if (input.to) q = q.where(sql<boolean>`k.measured_at < ((${input.to}::date + 1) AT TIME ZONE 'Asia/Shanghai')`);
    if (input.q) q = q.where('r.name', 'like', `%${input.q.replace(/[\\%_]/g, '\\$&')}%`);
    q = q.orderBy('k.measured_at', 'desc').orderBy('k.device_id').orderBy('k.reading_id');
    const { rows, meta } = await fetchPage(trx, q, input);
    return { ...meta, items: rows.map(toReading) };
  });
}

export function listFlagged(ctx: Ctx, input: FlaggedQuery) {
  return inScope(ctx, async (trx) => {
    let q = readingsQuery(trx).where('k.county_id', '=', ctx.actor.countyId).where('k.flagged', '=', true);
    if (input.all !== 'true') q = q.where('k.reviewed_at', 'is', null);
    if (input.q) q = q.where('r.name', 'like', `%${input.q.replace(/[\\%_]/g, '\\$&')}%`);
    q = q.orderBy('k.measured_at', 'desc').orderBy('k.device_id').orderBy('k.reading_id');
    const { rows, meta } = await fetchPage(trx, q, input);
    return { ...meta, items: rows.map(toReading) };
  });
}

/** a doctor marks a flagged reading reviewed (once); another org's reading is not there for them */
export function reviewReading(ctx: Ctx, deviceId: string, readingId: string, note: string | undefined) {
  return inScope(ctx, async (trx) => {
    const row = await trx
      .selectFrom('kit_readings')
      .select(['flagged', 'reviewed_at', 'resident_id'])
      .where('device_id', '=', deviceId)
      .where('reading_id', '=', readingId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('一体机读数');
    if (!row.flagged) throw new AppError(422, 'NOT_FLAGGED', '该读数未超出警戒值，无需复核');
    if (row.reviewed_at !== null) throw conflict('ALREADY_REVIEWED', '该读数已由医生复核');
    await trx
      .updateTable('kit_readings')
      .set({ reviewed_by: ctx.actor.id, reviewed_at: nowOf(ctx) })
      .where('device_id', '=', deviceId)
      .where('reading_id', '=', readingId)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.kit.review',
      resource: 'kit_reading',
      resourceId: `${deviceId}/${readingId}`,
      residentId: row.resident_id,
      detail: { note: note ?? null },
    });
    const [out] = await readingsQuery(trx)
      .where('k.device_id', '=', deviceId)
      .where('k.reading_id', '=', readingId)
      .execute();
    return toReading(out);
  });
}

function devicesQuery(trx: Kdb) {
  return trx
    .selectFrom('kit_devices as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([
      'd.id',
      'd.org_id',
      'o.name as org_name',
      'd.model',
      'd.has_ecg',
      'd.active',
      'd.created_at',
      sql<Date | null>`(SELECT max(k.received_at) FROM kit_readings k WHERE k.device_id = d.id)`.as('last_received_at'),
    ]);
}
type DeviceRow = Awaited<ReturnType<ReturnType<typeof devicesQuery>['execute']>>[number];
const toDevice = (d: DeviceRow) => ({
  id: d.id,
  orgId: d.org_id,
  orgName: d.org_name,
  model: d.model,
  hasEcg: d.has_ecg,
  active: d.active,
  createdAt: d.created_at,
  lastReceivedAt: d.last_received_at,
});

export function listDevices(ctx: Ctx, input: DeviceQuery) {
  return inScope(ctx, async (trx) => {
    let q = devicesQuery(trx).where('d.county_id', '=', ctx.actor.countyId);
    if (input.active) q = q.where('d.active', '=', input.active === 'true');
    if (input.q) {
      const l = `%${input.q.replace(/[\\%_]/g, '\\$&')}%`;
      q = q.where((eb) => eb.or([eb('d.id', 'like', l), eb('o.name', 'like', l)]));
    }
    const { rows, meta } = await fetchPage(trx, q.orderBy('o.name').orderBy('d.id'), input);
    return { ...meta, items: rows.map(toDevice) };
  });
}

export async function registerDevice(ctx: Ctx, input: DeviceCreate) {
  if (!ctx.scope.orgIds.includes(input.orgId)) throw forbidden('只能为本辖区内的村卫生室或卫生院登记一体机');
  return inScope(ctx, async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['id', 'kind'])
      .where('id', '=', input.orgId)
      .where('county_id', '=', ctx.actor.countyId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!org || !['village_clinic', 'township_center', 'community_center'].includes(org.kind))
      throw new AppError(422, 'ORG_NOT_CLINIC', '一体机应登记在村卫生室、乡镇卫生院或社区卫生服务中心', 'orgId');
    try {
      await trx
        .insertInto('kit_devices')
        .values({
          id: input.id,
          county_id: ctx.actor.countyId,
          org_id: org.id,
          model: input.model ?? null,
          has_ecg: input.hasEcg,
          created_at: nowOf(ctx),
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err, 'kit_devices_pkey')) throw conflict('DEVICE_EXISTS', `设备编号 ${input.id} 已登记`);
      throw err;
    }
    await writeAudit(trx, ctx.audit, {
      action: 'remote.kit.device.create',
      resource: 'kit_device',
      resourceId: input.id,
      detail: { orgId: org.id, model: input.model ?? null, hasEcg: input.hasEcg },
    });
    const [row] = await devicesQuery(trx).where('d.id', '=', input.id).execute();
    return toDevice(row);
  });
}

export function setDeviceActive(ctx: Ctx, id: string, active: boolean) {
  return inScope(ctx, async (trx) => {
    const res = await trx
      .updateTable('kit_devices')
      .set({ active })
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('一体机');
    await writeAudit(trx, ctx.audit, {
      action: active ? 'remote.kit.device.activate' : 'remote.kit.device.deactivate',
      resource: 'kit_device',
      resourceId: id,
    });
    const [row] = await devicesQuery(trx).where('d.id', '=', id).execute();
    return toDevice(row);
  });
}
