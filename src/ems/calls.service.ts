import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { CallCreate, CallQuery } from './ems.schema.ts';
import { announce, EMS_TOPIC, inScope, maskPhone } from './ems.shared.ts';
import { CALL_ANSWER_LIMIT_S, CALL_WAITING_LIMIT_S, DEPART_LIMIT_S, type EmsAlarm } from './ems.states.ts';

/** 120 呼救受理 (issue 13 part 1): the coded complaints, place look-up, calls taken by the dispatcher. */

export async function complaints(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('ems_complaints').selectAll().orderBy('triage_level').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, channel: r.channel, triageLevel: r.triage_level }));
}

/** villages, townships and hospitals of the county by name: a typed place resolves to a point on the map */
export async function places(ctx: Ctx, q: string | undefined) {
  let query = ctx.db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.lat', 'o.lng', 'p.name as parent_name', 'p.kind as parent_kind'])
    .where('o.county_id', '=', ctx.actor.countyId)
    .where('o.kind', 'in', ['village_clinic', 'township_center', 'community_center', 'county_hospital'])
    .where('o.lat', 'is not', null)
    .where('o.active', '=', true);
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('o.name', 'like', like), eb('p.name', 'like', like)]));
  }
  const rows = await query
    .orderBy('o.kind')
    .orderBy('o.name')
    .limit(q ? 20 : 2000)
    .execute();
  return rows.map((r) => ({
    orgId: r.id,
    name: r.name,
    kind: r.kind,
    lat: Number(r.lat),
    lng: Number(r.lng),
    township: r.parent_kind === 'township_center' || r.parent_kind === 'community_center' ? r.parent_name : null,
  }));
}

export async function createCall(ctx: Ctx, input: CallCreate) {
  const now = ctx.platform.config.now();
  if (input.receivedAt.getTime() > now.getTime() + 5 * 60_000)
    throw badRequest('CALL_TIME_FUTURE', '呼入时间晚于当前时间，请检查设备时间', 'receivedAt');
  const result = await inScope(ctx, async (trx) => {
    const complaint = await trx
      .selectFrom('ems_complaints')
      .selectAll()
      .where('code', '=', input.complaintCode)
      .executeTakeFirst();
    if (!complaint) throw badRequest('COMPLAINT_UNKNOWN', '主诉不在编码表中，请从列表中选择', 'complaintCode');
    if (input.villageOrgId !== undefined) {
      const village = await trx
        .selectFrom('orgs')
        .select('id')
        .where('id', '=', input.villageOrgId)
        .where('county_id', '=', ctx.actor.countyId)
        .executeTakeFirst();
      if (!village) throw badRequest('PLACE_UNKNOWN', '所选村庄不在本县', 'villageOrgId');
    }
    let label = input.patientLabel ?? null;
    if (input.residentId !== undefined) {
      const resident = await trx
        .selectFrom('residents')
        .select(['id', 'name'])
        .where('id', '=', input.residentId)
        .where('county_id', '=', ctx.actor.countyId)
        .executeTakeFirst();
      if (!resident) throw badRequest('RESIDENT_UNKNOWN', '所选居民不在本县居民档案中', 'residentId');
      label ??= resident.name;
    }
    const inserted = await trx
      .insertInto('ems_calls')
      .values({
        county_id: ctx.actor.countyId,
        org_id: ctx.actor.orgId,
        client_id: input.clientId,
        received_at: input.receivedAt,
        answered_at: input.answeredAt,
        caller_phone: input.callerPhone,
        address: input.address,
        village_org_id: input.villageOrgId ?? null,
        lat: input.lat,
        lng: input.lng,
        complaint_code: complaint.code,
        triage_level: input.triageLevel ?? complaint.triage_level,
        channel: input.channel ?? complaint.channel,
        resident_id: input.residentId ?? null,
        patient_label: label ?? '无名氏',
        patient_sex: input.patientSex ?? null,
        patient_age: input.patientAge ?? null,
        note: input.note ?? null,
        dispatcher_id: ctx.actor.id,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const old = await trx
        .selectFrom('ems_calls')
        .select(['id', 'caller_phone', 'complaint_code'])
        .where('client_id', '=', input.clientId)
        .where('county_id', '=', ctx.actor.countyId)
        .executeTakeFirst();
      if (!old || old.caller_phone !== input.callerPhone || old.complaint_code !== input.complaintCode)
        throw conflict('CALL_ID_TAKEN', '该提交编号已用于另一次呼救，请刷新后重新受理');
      return { id: old.id, created: false, call: await callIn(trx, ctx, old.id, now) };
    }
    await writeAudit(trx, ctx.audit, {
      action: 'ems.call.create',
      resource: 'ems_call',
      resourceId: String(inserted.id),
      residentId: input.residentId ?? null,
      detail: { complaint: complaint.code, channel: input.channel ?? complaint.channel },
    });
    // the call as the board shows it, read in the same transaction (one round trip, not a second transaction)
    return { id: inserted.id, created: true, call: await callIn(trx, ctx, inserted.id, now) };
  });
  if (result.created) await announce(ctx, EMS_TOPIC.call, [ctx.actor.orgId], { id: result.id, status: 'open' });
  return { created: result.created, call: result.call };
}

function callsQuery(trx: Kdb, countyId: number) {
  return trx
    .selectFrom('ems_calls as c')
    .innerJoin('ems_complaints as k', 'k.code', 'c.complaint_code')
    .leftJoin('orgs as v', 'v.id', 'c.village_org_id')
    .select([
      'c.id',
      'c.received_at',
      'c.answered_at',
      'c.caller_phone',
      'c.address',
      'c.village_org_id',
      'v.name as village_name',
      'c.lat',
      'c.lng',
      'c.complaint_code',
      'k.name as complaint_name',
      'c.triage_level',
      'c.channel',
      'c.patient_label',
      'c.patient_sex',
      'c.patient_age',
      'c.resident_id',
      'c.note',
      'c.status',
    ])
    .select(
      sql<
        Array<{ id: number; vehicleId: number; callSign: string; status: string; createdAt: string }>
      >`(SELECT coalesce(json_agg(
        json_build_object('id', m.id, 'vehicleId', m.vehicle_id, 'callSign', v2.call_sign, 'status', m.status,
          'createdAt', m.created_at) ORDER BY m.id), '[]')
        FROM ems_missions m JOIN ems_vehicles v2 ON v2.id = m.vehicle_id WHERE m.call_id = c.id)`.as('missions'),
    )
    .where('c.county_id', '=', countyId);
}
type CallRow = Awaited<ReturnType<ReturnType<typeof callsQuery>['execute']>>[number];

const secondsSince = (now: Date, at: Date | string) =>
  Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000));

/**
 * The board's alarms as the server sees them, by the injectable clock: a call answered more
 * than CALL_ANSWER_LIMIT_S after it rang (a fact of the call, counted by the 10-second answer
 * rate), an open call (no vehicle sent yet) more than CALL_WAITING_LIMIT_S after it came in, and
 * a vehicle sent more than DEPART_LIMIT_S ago that has not departed. The phone still ringing
 * before 接听 is the dispatcher's own screen's to see (the server learns of a call once it is taken).
 */
export function callAlarms(
  r: Pick<CallRow, 'status' | 'received_at' | 'answered_at' | 'missions'>,
  now: Date,
): EmsAlarm[] {
  const alarms: EmsAlarm[] = [];
  const answer = secondsSince(new Date(r.answered_at), r.received_at);
  if (answer > CALL_ANSWER_LIMIT_S) alarms.push({ kind: 'answered_late', seconds: answer });
  const waited = secondsSince(now, r.received_at);
  if (r.status === 'open' && waited > CALL_WAITING_LIMIT_S) alarms.push({ kind: 'not_dispatched', seconds: waited });
  for (const m of r.missions) {
    const s = secondsSince(now, m.createdAt);
    if (m.status === 'dispatched' && s > DEPART_LIMIT_S)
      alarms.push({ kind: 'not_departed_3min', seconds: s, missionId: m.id });
  }
  return alarms;
}

function toCall(now: Date) {
  return (r: CallRow) => ({
    id: r.id,
    receivedAt: new Date(r.received_at).toISOString(),
    answeredAt: new Date(r.answered_at).toISOString(),
    callerPhone: maskPhone(r.caller_phone),
    address: r.address,
    villageOrgId: r.village_org_id,
    villageName: r.village_name,
    lat: Number(r.lat),
    lng: Number(r.lng),
    complaintCode: r.complaint_code,
    complaintName: r.complaint_name,
    triageLevel: r.triage_level,
    channel: r.channel,
    patientLabel: r.patient_label,
    patientSex: r.patient_sex,
    patientAge: r.patient_age,
    residentId: r.resident_id,
    note: r.note,
    status: r.status,
    /** how long an open call has waited since it came in */
    waitingSeconds:
      r.status === 'open' ? Math.max(0, Math.round((now.getTime() - new Date(r.received_at).getTime()) / 1000)) : null,
    answerSeconds: Math.round((new Date(r.answered_at).getTime() - new Date(r.received_at).getTime()) / 1000),
    missions: r.missions.map(({ createdAt: _at, ...m }) => m),
    alarms: callAlarms(r, now),
  });
}

export async function listCalls(ctx: Ctx, input: CallQuery) {
  const now = ctx.platform.config.now();
  return inScope(ctx, async (trx) => {
    let q = callsQuery(trx, ctx.actor.countyId);
    if (input.status) q = q.where('c.status', '=', input.status);
    if (input.channel) q = q.where('c.channel', '=', input.channel);
    if (input.from) q = q.where(sql<boolean>`c.received_at >= (${input.from}::date AT TIME ZONE 'Asia/Shanghai')`);
    if (input.to) q = q.where(sql<boolean>`c.received_at < ((${input.to}::date + 1) AT TIME ZONE 'Asia/Shanghai')`);
    if (input.q) {
      const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
      q = q.where((eb) => eb.or([eb('c.address', 'like', like), eb('c.patient_label', 'like', like)]));
    }
    q = q
      .orderBy(sql`c.status = 'open'`, 'desc')
      .orderBy('c.received_at', 'desc')
      .orderBy('c.id', 'desc');
    const { rows, meta } = await fetchPage(trx, q, input);
    return { ...meta, items: rows.map(toCall(now)) };
  });
}

export async function callDetail(ctx: Ctx, id: number) {
  const now = ctx.platform.config.now();
  return inScope(ctx, (trx) => callIn(trx, ctx, id, now));
}

async function callIn(trx: Kdb, ctx: Ctx, id: number, now: Date) {
  const row = await callsQuery(trx, ctx.actor.countyId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('呼救记录');
  return toCall(now)(row);
}

/** a call closed without a vehicle (a hoax, a duplicate, the patient went by car) */
export async function cancelCall(ctx: Ctx, id: number, reason: string) {
  await inScope(ctx, async (trx) => {
    const row = await trx
      .updateTable('ems_calls')
      .set({ status: 'cancelled', note: sql`left(coalesce(note || '；', '') || ${`取消：${reason}`}, 500)` })
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const exists = await trx.selectFrom('ems_calls').select('status').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('呼救记录');
      throw conflict('CALL_NOT_OPEN', '该呼救已派车或已结束，不能取消；如需撤回车辆请在任务中操作');
    }
    await writeAudit(trx, ctx.audit, {
      action: 'ems.call.cancel',
      resource: 'ems_call',
      resourceId: String(id),
      detail: { reason },
    });
  });
  await announce(ctx, EMS_TOPIC.call, [ctx.actor.orgId], { id, status: 'cancelled' });
  return callDetail(ctx, id);
}
