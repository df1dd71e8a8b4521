import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import type { Team } from './ems.states.ts';
import { announce, EMS_TOPIC, inScope } from './ems.shared.ts';

/**
 * 上车即入院 (issue 13 part 6): the destination's view of patients on their way, the team
 * activated with one click, arrival (ED bypass when the pathway says so) and the merge of the
 * temporary record into the resident index, which opens the encounter (a visit).
 */

/**
 * Still awaited at the destination: not arrived nor cancelled, the mission not stood down and not
 * ended short of the door. The list's 预计到达 tab and the home page's count both use this.
 */
export const stillExpected = sql<boolean>`p.status = 'expected' AND m.status <> 'cancelled'
  AND (m.status <> 'completed' OR EXISTS (SELECT 1 FROM ems_events d WHERE d.mission_id = p.mission_id AND d.milestone = 'door'))`;

const doorAt = sql<
  Date | string | null
>`(SELECT e.at FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'door')`;

function preQuery(trx: Kdb, countyId: number, orgIds: readonly number[]) {
  return trx
    .selectFrom('ems_preadmissions as p')
    .innerJoin('ems_missions as m', 'm.id', 'p.mission_id')
    .innerJoin('ems_calls as c', 'c.id', 'm.call_id')
    .innerJoin('ems_complaints as k', 'k.code', 'c.complaint_code')
    .innerJoin('ems_vehicles as v', 'v.id', 'm.vehicle_id')
    .leftJoin('residents as r', 'r.id', 'p.resident_id')
    .select([
      'p.id',
      'p.temp_id',
      'p.mission_id',
      'p.channel',
      'p.status',
      'p.eta_at',
      'p.team',
      'p.team_activated_at',
      'p.arrived_at',
      'p.ed_bypass',
      'p.visit_id',
      'p.resident_id',
      'p.dest_org_id',
      'p.created_at',
      'r.name as resident_name',
      'c.patient_label',
      'c.patient_sex',
      'c.patient_age',
      'k.name as complaint_name',
      'v.call_sign',
      'm.status as mission_status',
    ])
    .select(
      sql<Record<
        string,
        unknown
      > | null>`(SELECT o.value FROM ems_observations o WHERE o.mission_id = m.id AND o.kind = 'vitals'
        ORDER BY o.observed_at DESC LIMIT 1)`.as('latest_vitals'),
    )
    .select(
      sql<string | null>`(SELECT o.id::text FROM ems_observations o WHERE o.mission_id = m.id AND o.kind = 'ecg'
        AND o.file_sha256 IS NOT NULL ORDER BY o.observed_at DESC LIMIT 1)`.as('ecg_observation_id'),
    )
    .select(doorAt.as('door_at'))
    .select(
      sql<
        Array<{ milestone: string; at: string }>
      >`(SELECT coalesce(json_agg(json_build_object('milestone', e.milestone, 'at', e.at)
        ORDER BY e.at), '[]') FROM ems_events e WHERE e.mission_id = m.id)`.as('events'),
    )
    .where('p.county_id', '=', countyId)
    .where('p.dest_org_id', 'in', orgIds.length ? [...orgIds] : [0]);
}
type PreRow = Awaited<ReturnType<ReturnType<typeof preQuery>['execute']>>[number];

const toPre = (r: PreRow) => ({
  id: r.id,
  tempId: r.temp_id,
  missionId: r.mission_id,
  channel: r.channel,
  status: r.status,
  etaAt: r.eta_at ? new Date(r.eta_at).toISOString() : null,
  /** the crew (or the hospital) stamped the door: no more countdown, the patient waits to be received */
  doorAt: r.door_at ? new Date(r.door_at).toISOString() : null,
  team: r.team,
  teamActivatedAt: r.team_activated_at ? new Date(r.team_activated_at).toISOString() : null,
  arrivedAt: r.arrived_at ? new Date(r.arrived_at).toISOString() : null,
  edBypass: r.ed_bypass,
  visitId: r.visit_id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  destOrgId: r.dest_org_id,
  patientLabel: r.patient_label,
  patientSex: r.patient_sex,
  patientAge: r.patient_age,
  complaintName: r.complaint_name,
  callSign: r.call_sign,
  missionStatus: r.mission_status,
  latestVitals: r.latest_vitals,
  ecgObservationId: r.ecg_observation_id === null ? null : Number(r.ecg_observation_id),
  events: r.events.map((e) => ({ milestone: e.milestone, at: new Date(e.at).toISOString() })),
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listPreadmissions(ctx: Ctx, status?: 'expected' | 'arrived' | 'cancelled') {
  return inScope(ctx, async (trx) => {
    let q = preQuery(trx, ctx.actor.countyId, ctx.scope.orgIds);
    if (status === 'expected') q = q.where(stillExpected);
    else if (status) q = q.where('p.status', '=', status);
    // the expected first: those at the door (to be received) by door time, then the soonest arrival;
    // then the latest arrivals
    const rows = await q
      .orderBy(sql`${stillExpected}`, 'desc')
      .orderBy(sql`CASE WHEN p.status = 'expected' THEN ${doorAt} END`, (ob) => ob.asc().nullsLast())
      .orderBy(sql`CASE WHEN p.status = 'expected' THEN p.eta_at END`, 'asc')
      .orderBy('p.created_at', 'desc')
      .limit(50)
      .execute();
    return rows.map(toPre);
  });
}

async function preFor(ctx: Ctx, trx: Kdb, id: number) {
  const row = await trx
    .selectFrom('ems_preadmissions as p')
    .innerJoin('ems_missions as m', 'm.id', 'p.mission_id')
    .innerJoin('ems_calls as c', 'c.id', 'm.call_id')
    .innerJoin('ems_complaints as k', 'k.code', 'c.complaint_code')
    .select([
      'p.id',
      'p.status',
      'p.mission_id',
      'p.dest_org_id',
      'p.resident_id',
      'p.arrived_at',
      'p.temp_id',
      'p.visit_id',
      'p.team',
      'm.call_id',
      'm.org_id',
      'm.station_org_id',
      'k.name as complaint_name',
    ])
    .where('p.id', '=', id)
    .where('p.county_id', '=', ctx.actor.countyId)
    .forUpdate('p')
    .executeTakeFirst();
  if (!row || !ctx.scope.orgIds.includes(row.dest_org_id)) throw notFound('院前预警');
  return row;
}

async function detail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const row = await preQuery(trx, ctx.actor.countyId, ctx.scope.orgIds).where('p.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('院前预警');
    return toPre(row);
  });
}

const TEAM_LABELS: Record<Team, string> = {
  chest_pain: '胸痛团队',
  stroke: '卒中团队',
  trauma: '创伤团队',
  maternal: '危重孕产妇救治团队',
  neonatal: '危重新生儿救治团队',
};

/** 一键启动: the team is called; for chest pain that is the cath lab's activation, stamped on the timeline */
export async function activateTeam(ctx: Ctx, id: number, team: Team) {
  const now = ctx.platform.config.now();
  const pre = await inScope(ctx, async (trx) => {
    const pre = await preFor(ctx, trx, id);
    if (pre.team) {
      if (pre.team === team) return pre;
      throw conflict('TEAM_ACTIVE', `已启动${TEAM_LABELS[pre.team]}`);
    }
    if (pre.status === 'cancelled') throw conflict('PREADMISSION_CANCELLED', '该预警已取消');
    await trx
      .updateTable('ems_preadmissions')
      .set({ team, team_activated_at: now, team_activated_by: ctx.actor.id })
      .where('id', '=', id)
      .execute();
    if (team === 'chest_pain')
      await trx
        .insertInto('ems_events')
        .values({
          county_id: ctx.actor.countyId,
          mission_id: pre.mission_id,
          milestone: 'cathlab_activated',
          at: now,
          source: 'hospital',
          recorded_at: now,
          recorded_by: ctx.actor.id,
        })
        .onConflict((oc) => oc.constraint('ems_events_once').doNothing())
        .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.preadmission.activate',
      resource: 'ems_preadmission',
      resourceId: String(id),
      detail: { team },
    });
    return pre;
  });
  await announce(ctx, EMS_TOPIC.preadmission, [pre.dest_org_id, pre.org_id, pre.station_org_id], { id, team });
  return detail(ctx, id);
}

/** opens the encounter at the destination for an identified resident */
async function openVisit(
  ctx: Ctx,
  trx: Kdb,
  pre: Awaited<ReturnType<typeof preFor>>,
  residentId: number,
  arrivedAt: Date,
) {
  const resident = await trx
    .selectFrom('residents')
    .select('id')
    .where('id', '=', residentId)
    .where('county_id', '=', ctx.actor.countyId)
    .executeTakeFirst();
  if (!resident) throw badRequest('RESIDENT_UNKNOWN', '所选居民不在本县居民档案中', 'residentId');
  const dept = await trx
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', pre.dest_org_id)
    .where('code', '=', 'emergency')
    .executeTakeFirst();
  const day = await sql<{
    d: string;
  }>`SELECT (${arrivedAt}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date::text AS d`.execute(trx);
  const visit = await trx
    .insertInto('visits')
    .values({
      county_id: ctx.actor.countyId,
      org_id: pre.dest_org_id,
      resident_id: residentId,
      department_id: dept?.id ?? null,
      registered_at: arrivedAt,
      visit_day: day.rows[0].d,
      chief_complaint: `120送入（${pre.temp_id}）：${pre.complaint_name}`,
      source: 'local',
      doctor_id: ctx.actor.id,
      created_by: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = ctx.platform.config.now();
  await trx
    .updateTable('ems_preadmissions')
    .set({ resident_id: residentId, visit_id: visit.id, merged_at: now, merged_by: ctx.actor.id })
    .where('id', '=', pre.id)
    .execute();
  await trx.updateTable('ems_missions').set({ resident_id: residentId }).where('id', '=', pre.mission_id).execute();
  await trx
    .updateTable('ems_calls')
    .set({ resident_id: residentId })
    .where('id', '=', pre.call_id)
    .where('resident_id', 'is', null)
    .execute();
  return visit.id;
}

/** 到院: the door time (unless the crew already stamped it), bypass or not, and the encounter when the resident is known */
export async function arrive(
  ctx: Ctx,
  id: number,
  input: { at: Date; edBypass: boolean; pathway?: string; residentId?: number },
) {
  if (input.at.getTime() > ctx.platform.config.now().getTime() + 10 * 60_000)
    throw badRequest('DEVICE_TIME_FUTURE', '到院时间晚于当前时间', 'at');
  const pre = await inScope(ctx, async (trx) => {
    const pre = await preFor(ctx, trx, id);
    if (pre.status === 'arrived') throw conflict('ALREADY_ARRIVED', '该患者已登记到院');
    if (pre.status === 'cancelled') throw conflict('PREADMISSION_CANCELLED', '该预警已取消');
    await trx
      .insertInto('ems_events')
      .values({
        county_id: ctx.actor.countyId,
        mission_id: pre.mission_id,
        milestone: 'door',
        at: input.at,
        source: 'hospital',
        recorded_at: ctx.platform.config.now(),
        recorded_by: ctx.actor.id,
      })
      .onConflict((oc) => oc.constraint('ems_events_once').doNothing())
      .execute();
    const door = await trx
      .selectFrom('ems_events')
      .select('at')
      .where('mission_id', '=', pre.mission_id)
      .where('milestone', '=', 'door')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('ems_preadmissions')
      .set({ status: 'arrived', arrived_at: door.at, ed_bypass: input.edBypass, pathway: input.pathway ?? null })
      .where('id', '=', id)
      .execute();
    const residentId = input.residentId ?? pre.resident_id;
    if (residentId !== null && residentId !== undefined) await openVisit(ctx, trx, pre, residentId, new Date(door.at));
    await writeAudit(trx, ctx.audit, {
      action: 'ems.preadmission.arrive',
      resource: 'ems_preadmission',
      resourceId: String(id),
      residentId: residentId ?? null,
      detail: { edBypass: input.edBypass, pathway: input.pathway ?? null },
    });
    return pre;
  });
  await announce(ctx, EMS_TOPIC.preadmission, [pre.dest_org_id, pre.org_id, pre.station_org_id], {
    id,
    status: 'arrived',
  });
  return detail(ctx, id);
}

/** the unidentified patient (临时编号) is identified: merged into the resident, the encounter opened */
export async function merge(ctx: Ctx, id: number, residentId: number) {
  const pre = await inScope(ctx, async (trx) => {
    const pre = await preFor(ctx, trx, id);
    if (pre.visit_id !== null) {
      if (pre.resident_id === residentId) return pre;
      throw conflict('ALREADY_MERGED', '该临时编号已合并到另一位居民，如有错误请联系病案室');
    }
    if (pre.status !== 'arrived' || !pre.arrived_at) throw conflict('NOT_ARRIVED', '患者到院后才能合并到居民档案');
    await openVisit(ctx, trx, pre, residentId, new Date(pre.arrived_at));
    await writeAudit(trx, ctx.audit, {
      action: 'ems.preadmission.merge',
      resource: 'ems_preadmission',
      resourceId: String(id),
      residentId,
      detail: { tempId: pre.temp_id },
    });
    return pre;
  });
  await announce(ctx, EMS_TOPIC.preadmission, [pre.dest_org_id], { id, status: 'merged' });
  return detail(ctx, id);
}
