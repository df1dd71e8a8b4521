import { sql } from 'kysely';
import { addDays, ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { maskMobile } from '../platform/mask.ts';
import { fdSettings as settings } from '../family-doctor/contract.service.ts';
import * as tasks from '../referrals/down-referral/task.service.ts';
import * as worklist from '../referrals/worklist.service.ts';

/**
 * The village doctor's day list (今日工作), one screen in the order the work is done: alerts
 * from grid members, follow-ups overdue / due today / due this week, referral drafts to finish,
 * down-referral tasks, renewals due. Referral drafts and tasks come from the referral
 * feature's services.
 */
const LIMIT = 50;

export async function dayList(ctx: Ctx, on = todayInShanghai()) {
  const weekEnd = addDays(on, 6);
  const local = await withScope(ctx.db, ctx.scope, async (trx) => {
    const alerts = await trx
      .selectFrom('grid_readings as g')
      .innerJoin('residents as r', 'r.id', 'g.resident_id')
      .innerJoin('staff as m', 'm.id', 'g.staff_id')
      .select([
        'g.id',
        'g.resident_id',
        'r.name',
        'r.mobile',
        'g.kind',
        'g.sbp',
        'g.dbp',
        'g.glucose_mmol',
        'g.alert_reasons',
        'g.note',
        'g.recorded_at',
        'm.display_name as member_name',
      ])
      .select(
        sql<
          number | null
        >`(SELECT c.id FROM chronic_cases c WHERE c.resident_id = g.resident_id AND c.state <> 'terminated'
        ORDER BY (c.disease = 'htn' AND g.kind = 'bp') DESC, c.id LIMIT 1)`.as('case_id'),
      )
      .where('g.alert', '=', true)
      .where('g.handled_at', 'is', null)
      .orderBy('g.recorded_at', 'desc')
      .limit(LIMIT)
      .execute();
    const due = await trx
      .selectFrom('chronic_cases as c')
      .innerJoin('residents as r', 'r.id', 'c.resident_id')
      .select([
        'c.id',
        'c.resident_id',
        'r.name',
        'r.sex',
        'r.birth_date',
        'r.mobile',
        'c.disease',
        'c.next_due',
        'c.last_followup_on',
        'c.last_class',
      ])
      .select(
        sql<
          string | null
        >`(SELECT fc.outcome FROM followup_calls fc WHERE fc.case_id = c.id ORDER BY fc.at DESC LIMIT 1)`.as(
          'last_call',
        ),
      )
      .where('c.state', 'in', ['managed', 'confirmed'])
      .where('c.next_due', '<=', weekEnd)
      .orderBy('c.next_due')
      .orderBy('c.id')
      .limit(LIMIT * 4)
      .execute();
    const counts = await trx
      .selectFrom('chronic_cases')
      .select([
        sql<number>`count(*) FILTER (WHERE next_due < ${on}::date)::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE next_due = ${on}::date)::int`.as('today'),
        sql<number>`count(*) FILTER (WHERE next_due > ${on}::date AND next_due <= ${weekEnd}::date)::int`.as('week'),
      ])
      .where('state', 'in', ['managed', 'confirmed'])
      .executeTakeFirstOrThrow();
    const s = await settings(trx, ctx.actor.countyId);
    const renewals = await trx
      .selectFrom('fd_contracts as c')
      .innerJoin('residents as r', 'r.id', 'c.resident_id')
      .select(['c.id', 'c.resident_id', 'r.name', 'c.signed_to'])
      .where('c.status', '=', 'active')
      .where(sql<boolean>`c.period @> ${on}::date`)
      .where('c.signed_to', '<=', addDays(on, s.renewal_window_days))
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM fd_contracts n WHERE n.renewed_from_id = c.id)`)
      .orderBy('c.signed_to')
      .limit(LIMIT)
      .execute();
    return { alerts, due, counts, renewals };
  });
  const drafts = await worklist.worklist(ctx, { box: 'outgoing', status: 'draft', page: 1, pageSize: 20 });
  const downTasks = tasks.receivesTasks(ctx)
    ? await tasks.list(ctx, { status: 'pending', page: 1, pageSize: 20 })
    : null;
  const item = (c: (typeof local.due)[number]) => ({
    caseId: c.id,
    residentId: c.resident_id,
    name: c.name,
    sex: c.sex,
    age: ageOn(String(c.birth_date), on),
    mobile: maskMobile(c.mobile),
    disease: c.disease,
    nextDue: String(c.next_due),
    overdueDays: Math.max(0, Math.round((Date.parse(on) - Date.parse(String(c.next_due))) / 86_400_000)),
    lastFollowupOn: c.last_followup_on ? String(c.last_followup_on) : null,
    lastClass: c.last_class,
    lastCall: c.last_call,
  });
  const overdue = local.due.filter((c) => String(c.next_due) < on).map(item);
  const today = local.due.filter((c) => String(c.next_due) === on).map(item);
  const week = local.due.filter((c) => String(c.next_due) > on).map(item);
  return {
    on,
    counts: {
      alerts: local.alerts.length,
      overdue: local.counts.overdue,
      today: local.counts.today,
      week: local.counts.week,
      drafts: drafts.total,
      tasks: downTasks?.total ?? 0,
      renewals: local.renewals.length,
    },
    alerts: local.alerts.map((a) => ({
      id: a.id,
      residentId: a.resident_id,
      caseId: a.case_id,
      name: a.name,
      mobile: maskMobile(a.mobile),
      kind: a.kind,
      sbp: a.sbp,
      dbp: a.dbp,
      glucose: a.glucose_mmol === null ? null : Number(a.glucose_mmol),
      reasons: a.alert_reasons,
      note: a.note,
      recordedAt: a.recorded_at,
      memberName: a.member_name,
    })),
    overdue: overdue.slice(0, LIMIT),
    today: today.slice(0, LIMIT),
    week: week.slice(0, LIMIT),
    drafts: drafts.items.map((d) => ({
      id: d.id,
      residentName: d.resident?.name ?? '',
      reason: d.reason,
      createdAt: d.createdAt,
      urgency: d.urgency,
    })),
    tasks: (downTasks?.items ?? []).map((t) => ({
      id: t.id,
      referralId: t.referralId,
      title: t.title,
      dueOn: t.dueOn,
      status: t.status,
      residentName: t.resident?.name ?? '',
    })),
    renewals: local.renewals.map((r) => ({
      contractId: r.id,
      residentId: r.resident_id,
      name: r.name,
      signedTo: String(r.signed_to),
    })),
  };
}

/** the home page's to-do counts for the village doctor */
export async function todoCounts(ctx: Ctx, on = todayInShanghai()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const r = await trx
      .selectFrom('chronic_cases')
      .select([
        sql<number>`count(*) FILTER (WHERE next_due < ${on}::date)::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE next_due = ${on}::date)::int`.as('today'),
      ])
      .where('state', 'in', ['managed', 'confirmed'])
      .executeTakeFirstOrThrow();
    const a = await trx
      .selectFrom('grid_readings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('alert', '=', true)
      .where('handled_at', 'is', null)
      .executeTakeFirstOrThrow();
    const s = await settings(trx, ctx.actor.countyId);
    const k = await trx
      .selectFrom('fd_contracts as c')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('c.status', '=', 'active')
      .where(sql<boolean>`c.period @> ${on}::date`)
      .where('c.signed_to', '<=', addDays(on, s.renewal_window_days))
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM fd_contracts n WHERE n.renewed_from_id = c.id)`)
      .executeTakeFirstOrThrow();
    return { overdue: r.overdue, today: r.today, alerts: a.n, renewals: k.n };
  });
}
