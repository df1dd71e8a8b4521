import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { ageOn } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/errors.ts';

import type { callCreate, caseCreate, caseTransition, screeningCreate } from './chronic.schema.ts';
import type { CaseState } from './chronic.tables.ts';

/** Chronic registries (issue 11): register, move through the states, the list, one case, call outcomes. */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>) => withScope(ctx.db, ctx.scope, fn);

export const DISEASE_LABELS = {
  htn: '高血压',
  t2dm: '2型糖尿病',
  copd: '慢阻肺',
  stroke: '脑卒中',
  smi: '严重精神障碍',
} as const;
export const STATE_LABELS: Record<CaseState, string> = {
  screened: '筛查发现',
  confirmed: '已确诊',
  managed: '规范管理中',
  lost: '暂时失访',
  terminated: '终止管理',
};

/** the allowed moves: screened → confirmed → managed ⇄ lost; any → terminated */
const MOVES: Record<CaseState, readonly CaseState[]> = {
  screened: ['confirmed', 'terminated'],
  confirmed: ['managed', 'terminated'],
  managed: ['lost', 'terminated'],
  lost: ['managed', 'terminated'],
  terminated: [],
};

export async function createCase(ctx: Ctx, input: z.infer<typeof caseCreate>) {
  return inScope(ctx, async (trx) => {
    const r = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'deceased_on'])
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!r) throw notFound('居民');
    if (r.deceased_on) throw badRequest('RESIDENT_DECEASED', '该居民已登记死亡');
    const dates = {
      screened_on: input.onDate,
      confirmed_on: input.state === 'screened' ? null : input.onDate,
      managed_on: input.state === 'managed' ? input.onDate : null,
    };
    const row = await trx
      .insertInto('chronic_cases')
      .values({
        county_id: ctx.actor.countyId,
        org_id: r.org_id,
        resident_id: r.id,
        disease: input.disease,
        state: input.state,
        ...dates,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'chronic_cases_resident_id_disease_key'))
          throw conflict('CASE_EXISTS', `该居民已有${DISEASE_LABELS[input.disease]}档案`);
        throw err;
      });
    await trx
      .insertInto('chronic_case_events')
      .values({
        case_id: row.id,
        org_id: r.org_id,
        from_state: null,
        to_state: input.state,
        on_date: input.onDate,
        reason: '建档',
        staff_id: ctx.actor.id,
      })
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.case.create',
      resource: 'chronic_case',
      resourceId: row.id,
      residentId: r.id,
      detail: input,
    });
    return { id: row.id };
  });
}

/** moves a case in its own transaction, or in the caller's (call outcomes that end it) */
export async function moveCase(
  trx: Kdb,
  ctx: Ctx,
  caseId: number,
  input: z.infer<typeof caseTransition>,
): Promise<{ id: number; state: CaseState }> {
  const c = await trx
    .selectFrom('chronic_cases')
    .select(['id', 'org_id', 'resident_id', 'state'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('慢病档案');
  if (!MOVES[c.state].includes(input.to))
    throw conflict(
      'CASE_MOVE_REFUSED',
      `档案当前为「${STATE_LABELS[c.state]}」，不能改为「${STATE_LABELS[input.to]}」`,
    );
  if (input.to === 'terminated' && !input.reason)
    throw badRequest('REASON_REQUIRED', '终止管理须选择原因（死亡、迁出或拒绝）', 'reason');
  const set =
    input.to === 'confirmed'
      ? { confirmed_on: input.onDate }
      : input.to === 'managed'
        ? { managed_on: sql<string>`coalesce(managed_on, ${input.onDate}::date)`, lost_on: null }
        : input.to === 'lost'
          ? { lost_on: input.onDate }
          : { terminated_on: input.onDate, terminated_reason: input.reason ?? null, next_due: null };
  await trx
    .updateTable('chronic_cases')
    .set({ state: input.to, ...set })
    .where('id', '=', caseId)
    .execute();
  await trx
    .insertInto('chronic_case_events')
    .values({
      case_id: caseId,
      org_id: c.org_id,
      from_state: c.state,
      to_state: input.to,
      on_date: input.onDate,
      reason: input.reason ?? input.note ?? null,
      staff_id: ctx.actor.id,
    })
    .execute();
  await writeAudit(trx, ctx.audit, {
    action: 'chronic.case.move',
    resource: 'chronic_case',
    resourceId: caseId,
    residentId: c.resident_id,
    detail: { from: c.state, ...input },
  });
  return { id: caseId, state: input.to };
}

export const transition = (ctx: Ctx, caseId: number, input: z.infer<typeof caseTransition>) =>
  inScope(ctx, (trx) => moveCase(trx, ctx, caseId, input));

/** Simple's overdue call: the outcome is kept; moved, died and refused end the case's management. */
export async function recordCall(ctx: Ctx, input: z.infer<typeof callCreate>) {
  return inScope(ctx, async (trx) => {
    const c = await trx
      .selectFrom('chronic_cases')
      .select(['id', 'org_id', 'resident_id', 'state'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!c) throw notFound('慢病档案');
    await trx
      .insertInto('followup_calls')
      .values({
        county_id: ctx.actor.countyId,
        org_id: c.org_id,
        case_id: c.id,
        outcome: input.outcome,
        note: input.note ?? null,
        staff_id: ctx.actor.id,
        called_on: input.on,
      })
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.call',
      resource: 'chronic_case',
      resourceId: c.id,
      residentId: c.resident_id,
      detail: { outcome: input.outcome },
    });
    if (
      (input.outcome === 'moved' || input.outcome === 'died' || input.outcome === 'refused') &&
      c.state !== 'terminated'
    )
      return moveCase(trx, ctx, c.id, { to: 'terminated', onDate: input.on, reason: input.outcome, note: input.note });
    return { id: c.id, state: c.state };
  });
}

/** The year's first BP of a resident aged 35+ (首诊测血压); later ones that year are not screenings. */
export async function recordScreening(ctx: Ctx, input: z.infer<typeof screeningCreate>) {
  return inScope(ctx, async (trx) => {
    const r = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'birth_date'])
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!r) throw notFound('居民');
    if (ageOn(String(r.birth_date), input.on) < 35)
      throw badRequest('UNDER_35', '首诊测血压筛查对象为 35 岁及以上居民', 'residentId');
    const year = Number(input.on.slice(0, 4));
    const inserted = await trx
      .insertInto('bp_screenings')
      .values({
        resident_id: r.id,
        year,
        county_id: ctx.actor.countyId,
        org_id: r.org_id,
        screened_on: input.on,
        sbp: input.sbp,
        dbp: input.dbp,
        source: 'manual',
      })
      .onConflict((oc) => oc.columns(['resident_id', 'year']).doNothing())
      .returning('year')
      .executeTakeFirst();
    if (inserted)
      await writeAudit(trx, ctx.audit, {
        action: 'chronic.screening',
        resource: 'resident',
        resourceId: r.id,
        residentId: r.id,
        detail: { sbp: input.sbp, dbp: input.dbp },
      });
    return { recorded: inserted !== undefined, year };
  });
}
