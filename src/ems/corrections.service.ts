import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, forbidden, notFound } from '../platform/errors.ts';
import type { CorrectionBody } from './ems.schema.ts';
import { HOSPITAL_MILESTONES, type Milestone } from './ems.states.ts';
import { announce, EMS_TOPIC, inScope, missionFor } from './ems.shared.ts';

/**
 * 更正时间节点 (issue 13, data quality): a wrong milestone time is corrected, never silently
 * overwritten. The event keeps its latest time and how often it was corrected; every correction
 * keeps the old and new time, the old source, who, when and why (ems_event_corrections, append-
 * only in the database). The order trigger still judges the new time. Two people correcting the
 * same time at once: the one whose expectedAt still matches wins, the other is told to refresh.
 *
 * Who: the dispatch centre any milestone of the missions it sees; a hospital only its own
 * milestones (HOSPITAL_MILESTONES) of the missions coming to it; the crew never (its phone's
 * times are the evidence — the route's policy refuses it).
 */

/** whether this person may correct this milestone of a mission going to destOrgId; null = yes */
export function correctionRefusal(
  ctx: Ctx,
  destOrgId: number | null,
  milestone: Milestone,
): 'not_dispatcher' | 'not_destination' | null {
  if (ctx.scope.role === 'dispatcher') return null;
  if (ctx.scope.role !== 'county_doctor' && ctx.scope.role !== 'township_doctor') return 'not_dispatcher';
  if (destOrgId === null || !ctx.scope.orgIds.includes(destOrgId)) return 'not_destination';
  return HOSPITAL_MILESTONES.includes(milestone) ? null : 'not_dispatcher';
}

const sameInstant = (a: Date | string, b: Date) => new Date(a).getTime() === b.getTime();

export async function correctEvent(ctx: Ctx, missionId: number, milestone: Milestone, input: CorrectionBody) {
  const now = ctx.platform.config.now();
  if (input.at.getTime() > now.getTime() + 10 * 60_000)
    throw new AppError(422, 'CORRECTION_FUTURE', '更正后的时间不能晚于当前时间', 'at');
  const result = await inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId);
    const refusal = correctionRefusal(ctx, m.dest_org_id, milestone);
    // a hospital the patient is not coming to is not told the mission exists for it
    if (refusal === 'not_destination') throw notFound('出车任务');
    if (refusal) throw forbidden('医院只能更正到院及院内的时间节点；呼救、派车和车组时间请联系调度中心更正');
    const event = await trx
      .selectFrom('ems_events as e')
      .innerJoin('ems_milestones as l', 'l.code', 'e.milestone')
      .select(['e.id', 'e.at', 'e.source', 'l.label'])
      .where('e.mission_id', '=', m.id)
      .where('e.milestone', '=', milestone)
      .executeTakeFirst();
    if (!event) throw notFound('该时间节点');
    if (!sameInstant(event.at, input.expectedAt))
      throw conflict('CORRECTION_STALE', '该时间已被他人更正，请刷新', { currentAt: new Date(event.at).toISOString() });
    if (sameInstant(event.at, input.at))
      throw new AppError(422, 'CORRECTION_UNCHANGED', '更正后的时间与原时间相同', 'at');
    // the conditional update is the guard: of two corrections from the same time, one matches
    const updated = await trx
      .updateTable('ems_events')
      .set({ at: input.at, corrections: sql<number>`corrections + 1` })
      .where('id', '=', event.id)
      .where('at', '=', input.expectedAt)
      .returning(['corrections'])
      .executeTakeFirst();
    if (!updated) throw conflict('CORRECTION_STALE', '该时间已被他人更正，请刷新');
    await trx
      .insertInto('ems_event_corrections')
      .values({
        county_id: ctx.actor.countyId,
        event_id: event.id,
        mission_id: m.id,
        milestone,
        old_at: event.at,
        new_at: input.at,
        old_source: event.source,
        reason: input.reason,
        corrected_by: ctx.actor.id,
        corrected_at: now,
      })
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'ems.event.correct',
      resource: 'ems_mission',
      resourceId: String(m.id),
      detail: {
        milestone,
        oldAt: new Date(event.at).toISOString(),
        newAt: input.at.toISOString(),
        reason: input.reason,
      },
    });
    return { m, corrections: updated.corrections, oldAt: new Date(event.at).toISOString() };
  });
  await announce(ctx, EMS_TOPIC.mission, [result.m.org_id, result.m.station_org_id, result.m.dest_org_id], {
    id: missionId,
    milestone,
  });
  return {
    missionId,
    milestone,
    oldAt: result.oldAt,
    at: input.at.toISOString(),
    corrections: result.corrections,
  };
}

/** the history of a mission's corrections, newest first: old → new, who, when, why */
export async function listCorrections(ctx: Ctx, missionId: number) {
  return inScope(ctx, async (trx) => {
    const m = await missionFor(ctx, trx, missionId);
    const rows = await trx
      .selectFrom('ems_event_corrections as c')
      .innerJoin('ems_milestones as l', 'l.code', 'c.milestone')
      .leftJoin('staff as s', 's.id', 'c.corrected_by')
      .select([
        'c.id',
        'c.milestone',
        'l.label',
        'c.old_at',
        'c.new_at',
        'c.old_source',
        'c.reason',
        'c.corrected_at',
        's.display_name as corrected_by',
      ])
      .where('c.mission_id', '=', m.id)
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      milestone: r.milestone,
      label: r.label,
      oldAt: new Date(r.old_at).toISOString(),
      newAt: new Date(r.new_at).toISOString(),
      oldSource: r.old_source,
      reason: r.reason,
      correctedAt: new Date(r.corrected_at).toISOString(),
      correctedBy: r.corrected_by,
    }));
  });
}
