import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { CalendarDay, CalendarDayBody } from './calendar.schema.ts';
import { inScope, nowOf } from './remote.shared.ts';
import './calendar.tables.ts';

/**
 * 工作日历 (db/migrations/0094_work_calendar.sql): public holidays and the weekend days worked
 * instead, which remote_due() reads for the limits in working hours and working days. The
 * administrator enters each year's State Council notice; a change applies to requests from
 * then on (a due time already set stays as it was promised).
 */

export async function listYear(ctx: Ctx, year: number): Promise<CalendarDay[]> {
  return inScope(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('work_calendar as c')
      .leftJoin('staff as s', 's.id', 'c.updated_by')
      .select([
        sql<string>`to_char(c.day, 'YYYY-MM-DD')`.as('day'),
        'c.working',
        'c.name',
        's.display_name',
        'c.updated_at',
      ])
      .where('c.day', '>=', `${year}-01-01`)
      .where('c.day', '<=', `${year}-12-31`)
      .orderBy('c.day')
      .execute();
    return rows.map((r) => ({
      day: r.day,
      working: r.working,
      name: r.name,
      updatedBy: r.display_name,
      updatedAt: r.updated_at.toISOString(),
    }));
  });
}

/** A holiday (working = false) or a weekend day worked (working = true); the same day again replaces it. */
export async function setDay(ctx: Ctx, day: string, input: CalendarDayBody) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (input.working && !weekend)
    throw new AppError(422, 'CALENDAR_WORKDAY', `${day} 是工作日，本来就上班；调休上班只用于周六、周日`, 'working');
  return inScope(ctx, async (trx) => {
    const at = nowOf(ctx);
    await trx
      .insertInto('work_calendar')
      .values({ day, working: input.working, name: input.name, updated_by: ctx.actor.id, updated_at: at })
      .onConflict((oc) =>
        oc
          .column('day')
          .doUpdateSet({ working: input.working, name: input.name, updated_by: ctx.actor.id, updated_at: at }),
      )
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.calendar.set',
      resource: 'work_calendar',
      resourceId: day,
      detail: { working: input.working, name: input.name },
    });
    return { day, working: input.working, name: input.name };
  });
}

/** Back to the rule (Monday–Friday) for that day. */
export async function clearDay(ctx: Ctx, day: string) {
  return inScope(ctx, async (trx) => {
    const gone = await trx.deleteFrom('work_calendar').where('day', '=', day).returning('name').executeTakeFirst();
    if (!gone) throw notFound('该日的日历设置');
    await writeAudit(trx, ctx.audit, {
      action: 'remote.calendar.clear',
      resource: 'work_calendar',
      resourceId: day,
      detail: { name: gone.name },
    });
    return { day };
  });
}
