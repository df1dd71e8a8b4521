import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { CHANNEL_LABELS, nextStatus, VEHICLE_STATUS_LABELS, CREW_STEPS, type Milestone } from './ems.states.ts';
import { correctionRefusal } from './corrections.service.ts';
import type { MissionQuery } from './ems.schema.ts';
import { inScope, maskPhone, missionFor } from './ems.shared.ts';
import { intervalsOf } from './intervals.ts';
import { risksAt } from './timeline.ts';

/** 出车任务 (issue 13): the list, the crew's own, and one mission's whole timeline. */

function missionsQuery(trx: Kdb, ctx: Ctx) {
  let q = trx
    .selectFrom('ems_missions as m')
    .innerJoin('ems_calls as c', 'c.id', 'm.call_id')
    .innerJoin('ems_complaints as k', 'k.code', 'c.complaint_code')
    .innerJoin('ems_vehicles as v', 'v.id', 'm.vehicle_id')
    .leftJoin('orgs as d', 'd.id', 'm.dest_org_id')
    .select([
      'm.id',
      'm.call_id',
      'm.vehicle_id',
      'v.call_sign',
      'v.status as vehicle_status',
      'm.status',
      'm.channel',
      'm.dest_org_id',
      'd.name as dest_org_name',
      'd.kind as dest_org_kind',
      'c.patient_label',
      'c.patient_sex',
      'c.patient_age',
      'c.address',
      'c.lat',
      'c.lng',
      'c.caller_phone',
      'k.name as complaint_name',
      'c.triage_level',
      'm.created_at',
      'm.ended_at',
      'm.eta_scene_min',
      'm.resident_id',
      'm.crew_staff_ids',
      'm.backfilled',
    ])
    .where('m.county_id', '=', ctx.actor.countyId);
  if (ctx.scope.role === 'crew') q = q.where(sql<boolean>`m.crew_staff_ids @> ARRAY[${ctx.actor.id}]::integer[]`);
  return q;
}
type MissionRow = Awaited<ReturnType<ReturnType<typeof missionsQuery>['execute']>>[number];

const toItem = (r: MissionRow) => ({
  id: r.id,
  callId: r.call_id,
  vehicleId: r.vehicle_id,
  callSign: r.call_sign,
  vehicleStatus: r.vehicle_status,
  status: r.status,
  channel: r.channel,
  channelLabel: CHANNEL_LABELS[r.channel],
  destOrgId: r.dest_org_id,
  destOrgName: r.dest_org_name,
  patientLabel: r.patient_label,
  patientSex: r.patient_sex,
  patientAge: r.patient_age,
  address: r.address,
  lat: Number(r.lat),
  lng: Number(r.lng),
  callerPhone: maskPhone(r.caller_phone),
  complaintName: r.complaint_name,
  triageLevel: r.triage_level,
  createdAt: new Date(r.created_at).toISOString(),
  endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
  etaSceneMin: r.eta_scene_min === null ? null : Number(r.eta_scene_min),
  residentId: r.resident_id,
  backfilled: r.backfilled,
});

function filtered(trx: Kdb, ctx: Ctx, input: MissionQuery) {
  let q = missionsQuery(trx, ctx);
  if (input.active === 'true') q = q.where('m.status', 'not in', ['completed', 'cancelled']);
  if (input.active === 'false') q = q.where('m.status', 'in', ['completed', 'cancelled']);
  if (input.channel) q = q.where('m.channel', '=', input.channel);
  if (input.from) q = q.where(sql<boolean>`m.created_at >= (${input.from}::date AT TIME ZONE 'Asia/Shanghai')`);
  if (input.to) q = q.where(sql<boolean>`m.created_at < ((${input.to}::date + 1) AT TIME ZONE 'Asia/Shanghai')`);
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([eb('c.address', 'like', like), eb('c.patient_label', 'like', like), eb('v.call_sign', 'like', like)]),
    );
  }
  return q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc');
}

export async function listMissions(ctx: Ctx, input: MissionQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, filtered(trx, ctx, input), input);
    return { ...meta, items: rows.map(toItem) };
  });
}

export async function exportMissions(ctx: Ctx, input: MissionQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, filtered(trx, ctx, input), {
        action: 'ems.missions.export',
        resource: 'ems_mission',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map(toItem),
    [
      { header: '任务号', value: (r) => r.id, width: 8 },
      { header: '派车时间', value: (r) => shanghaiText(r.createdAt), width: 18 },
      { header: '车辆', value: (r) => r.callSign, width: 12 },
      { header: '通道', value: (r) => r.channelLabel, width: 10 },
      { header: '主诉', value: (r) => r.complaintName, width: 18 },
      { header: '患者', value: (r) => r.patientLabel, width: 10 },
      { header: '地点', value: (r) => r.address, width: 24 },
      { header: '目的医院', value: (r) => r.destOrgName, width: 18 },
      { header: '状态', value: (r) => MISSION_STATUS_LABELS[r.status] ?? r.status, width: 10 },
      { header: '结束时间', value: (r) => shanghaiText(r.endedAt), width: 18 },
    ],
    '出车任务',
  );
}

export const MISSION_STATUS_LABELS: Record<string, string> = {
  ...VEHICLE_STATUS_LABELS,
  completed: '已完成',
  cancelled: '已取消',
};

async function detailOf(ctx: Ctx, trx: Kdb, row: MissionRow) {
  const now = ctx.platform.config.now();
  const events = await trx
    .selectFrom('ems_events as e')
    .innerJoin('ems_milestones as l', 'l.code', 'e.milestone')
    .leftJoin('staff as s', 's.id', 'e.recorded_by')
    .select([
      'e.milestone',
      'l.label',
      'e.at',
      'e.source',
      'e.recorded_at',
      's.display_name as recorded_by',
      'e.note',
      'e.corrections',
      'l.seq',
    ])
    .where('e.mission_id', '=', row.id)
    .orderBy('e.at')
    .orderBy('l.seq')
    .execute();
  const observations = await trx
    .selectFrom('ems_observations')
    .select(['id', 'kind', 'observed_at', 'recorded_at', 'value', 'file_name', 'file_type'])
    .where('mission_id', '=', row.id)
    .orderBy('observed_at')
    .execute();
  const pre = await trx.selectFrom('ems_preadmissions').selectAll().where('mission_id', '=', row.id).executeTakeFirst();
  const times: Partial<Record<Milestone, Date>> = {};
  for (const e of events) times[e.milestone] = new Date(e.at);
  const channels = [row.channel, ...(row.dest_org_kind === 'township_center' ? ['transfer'] : [])];
  const active = !['completed', 'cancelled'].includes(row.status);
  const vehicleStatus = row.vehicle_status;
  return {
    ...toItem(row),
    crewStaffIds: row.crew_staff_ids,
    events: events.map((e) => ({
      milestone: e.milestone,
      label: e.label,
      at: new Date(e.at).toISOString(),
      source: e.source,
      recordedAt: new Date(e.recorded_at).toISOString(),
      recordedBy: e.recorded_by,
      note: e.note,
      corrections: e.corrections,
      /** whether the person reading may correct this time (更正) */
      mayCorrect: correctionRefusal(ctx, row.dest_org_id, e.milestone) === null,
    })),
    observations: observations.map((o) => ({
      id: Number(o.id),
      kind: o.kind,
      observedAt: new Date(o.observed_at).toISOString(),
      recordedAt: new Date(o.recorded_at).toISOString(),
      value: o.value,
      hasFile: o.file_name !== null,
      fileName: o.file_name,
      fileType: o.file_type,
    })),
    preadmission: pre
      ? {
          id: pre.id,
          tempId: pre.temp_id,
          status: pre.status,
          etaAt: pre.eta_at ? new Date(pre.eta_at).toISOString() : null,
          team: pre.team,
          teamActivatedAt: pre.team_activated_at ? new Date(pre.team_activated_at).toISOString() : null,
          arrivedAt: pre.arrived_at ? new Date(pre.arrived_at).toISOString() : null,
          edBypass: pre.ed_bypass,
          residentId: pre.resident_id,
          visitId: pre.visit_id,
        }
      : null,
    intervals: await intervalsOf(trx, row.id),
    risks: active ? risksAt(times, channels, now) : [],
    /** the crew's next possible steps from the vehicle's status */
    nextActions: active ? CREW_STEPS.filter((s) => nextStatus(vehicleStatus, s) !== null) : [],
  };
}

export type MissionDetail = Awaited<ReturnType<typeof detailOf>>;

export async function missionDetail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    await missionFor(ctx, trx, id);
    const row = await missionsQuery(trx, ctx).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('出车任务');
    return detailOf(ctx, trx, row);
  });
}

/** the crew's phone: its active missions, newest first, with everything the page shows */
export async function myMissions(ctx: Ctx) {
  return inScope(ctx, async (trx) => {
    const rows = await missionsQuery(trx, ctx)
      .where('m.status', 'not in', ['completed', 'cancelled'])
      .where(sql<boolean>`m.crew_staff_ids @> ARRAY[${ctx.actor.id}]::integer[]`)
      .orderBy('m.created_at', 'desc')
      .limit(5)
      .execute();
    const out = [];
    for (const r of rows) out.push(await detailOf(ctx, trx, r));
    return out;
  });
}
