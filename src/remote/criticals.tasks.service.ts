import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, forbidden, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { ListQuery } from '../platform/list.schema.ts';
import type { DutyBody } from './criticals.schema.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';

/** 危急值 (issue 12 §4): the tasks a critical value leaves (call the patient back, write the note) and the duty roster. */

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

export async function listTasks(ctx: Ctx, input: ListQuery & { open?: 'true' | 'false' }) {
  return inScope(ctx, async (trx) => {
    let q = trx
      .selectFrom('remote_tasks as t')
      .innerJoin('remote_criticals as c', 'c.id', 't.critical_id')
      .innerJoin('remote_critical_items as i', 'i.code', 'c.item_code')
      .innerJoin('remote_requests as r', 'r.id', 'c.request_id')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .leftJoin('residents as p', 'p.id', 'r.resident_id')
      .where('t.county_id', '=', ctx.actor.countyId)
      .select([
        't.id',
        't.kind',
        't.critical_id',
        't.due_at',
        't.created_at',
        't.done_at',
        't.outcome',
        'i.name as item_name',
        'c.detail',
        'p.name as resident_name',
        'o.name as org_name',
      ]);
    if (input.open === 'true') q = q.where('t.done_at', 'is', null);
    if (input.open === 'false') q = q.where('t.done_at', 'is not', null);
    const { rows, meta } = await fetchPage(trx, q.orderBy('t.due_at').orderBy('t.id'), input);
    return {
      ...meta,
      items: rows.map((t) => ({
        id: t.id,
        kind: t.kind,
        criticalId: t.critical_id,
        dueAt: iso(t.due_at),
        createdAt: iso(t.created_at),
        doneAt: iso(t.done_at),
        outcome: t.outcome,
        itemName: t.item_name,
        detail: t.detail,
        residentName: t.resident_name,
        orgName: t.org_name,
      })),
    };
  });
}

export async function taskDone(ctx: Ctx, id: number, outcome: string) {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const task = await trx
      .selectFrom('remote_tasks')
      .select(['id', 'done_at', 'critical_id', 'org_id', 'county_id', 'kind'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw notFound('待办任务');
    if (task.done_at) throw conflict('TASK_DONE', '该任务已完成');
    await trx
      .updateTable('remote_tasks')
      .set({ done_at: now, done_by: ctx.actor.id, outcome })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.task.done',
      resource: 'remote_task',
      resourceId: id,
      detail: { criticalId: task.critical_id, kind: task.kind, outcome },
    });
    await publishRemote(trx, task.county_id, REMOTE_TOPIC.critical, [task.org_id], {
      criticalId: task.critical_id,
      step: `task_done.${task.kind}`,
      at: now.toISOString(),
    });
    return { id, doneAt: now.toISOString() };
  });
}

export async function listDuty(ctx: Ctx, orgId?: number) {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    let q = trx
      .selectFrom('org_duty as d')
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .innerJoin('staff as s', 's.id', 'd.staff_id')
      .where('d.county_id', '=', ctx.actor.countyId)
      .where('d.effective_from', '<=', now)
      .where((eb) => eb.or([eb('d.effective_to', 'is', null), eb('d.effective_to', '>', now)]))
      .select(['d.id', 'd.org_id', 'o.name as org_name', 'd.duty', 'd.staff_id', 's.display_name', 'd.effective_from']);
    if (orgId) q = q.where('d.org_id', '=', orgId);
    const rows = await q.orderBy('o.path').orderBy('d.duty').orderBy('d.id').limit(500).execute();
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      duty: r.duty,
      staffId: r.staff_id,
      staffName: r.display_name,
      effectiveFrom: iso(r.effective_from),
    }));
  });
}

/**
 * Who may be put on duty for an org (the roster form's picker): its own active staff and those
 * of the township centre above it, which setDuty accepts; an org outside the caller's reach is 404.
 */
export async function dutyCandidates(ctx: Ctx, orgId: number) {
  return inScope(ctx, async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['id', 'parent_id'])
      .where('id', '=', orgId)
      .where('id', 'in', ctx.scope.orgIds.length ? ctx.scope.orgIds : [0])
      .executeTakeFirst();
    if (!org) throw notFound('机构');
    const rows = await trx
      .selectFrom('staff as s')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select(['s.id', 's.display_name', 's.title', 'o.name as org_name'])
      .where('s.org_id', 'in', org.parent_id ? [org.id, org.parent_id] : [org.id])
      .where('s.disabled', '=', false)
      .orderBy(sql`s.org_id = ${org.id}`, 'desc')
      .orderBy('s.display_name')
      .limit(300)
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.display_name, title: r.title, orgName: r.org_name }));
  });
}

/**
 * Puts someone on duty from now (or `effectiveFrom`): the org's current holder of that duty
 * is closed at the same instant (a change is a new row). The administrator sets any org; a
 * township centre's lead sets the duty doctor and lead of their centre and its village clinics.
 */
export async function setDuty(ctx: Ctx, input: DutyBody) {
  const from = input.effectiveFrom ? new Date(input.effectiveFrom) : nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .select(['id', 'kind', 'parent_id', 'county_id'])
      .where('id', '=', input.orgId)
      .where('id', 'in', ctx.scope.orgIds.length ? ctx.scope.orgIds : [0])
      .executeTakeFirst();
    if (!org) throw notFound('机构');
    if (ctx.scope.role !== 'admin') {
      if (input.duty === 'medical_office') throw forbidden('医务部值班由管理员设置');
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_duty
        WHERE org_id = ${ctx.actor.orgId} AND duty = 'lead' AND staff_id = ${ctx.actor.id}
          AND effective_from <= ${nowOf(ctx)}::timestamptz
          AND (effective_to IS NULL OR effective_to > ${nowOf(ctx)}::timestamptz)`.execute(trx);
      const own = org.id === ctx.actor.orgId || org.parent_id === ctx.actor.orgId;
      if (!rows[0].n || !own) throw forbidden('只有本院负责人可以设置本院及所辖村卫生室的值班');
    }
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'org_id'])
      .where('id', '=', input.staffId)
      .where('county_id', '=', org.county_id)
      .where('disabled', '=', false)
      .executeTakeFirst();
    if (!staff) throw new AppError(422, 'STAFF_INVALID', '所选人员不存在或已停用', 'staffId');
    if (input.duty !== 'medical_office' && staff.org_id !== org.id && staff.org_id !== org.parent_id)
      throw new AppError(422, 'STAFF_NOT_OF_ORG', '值班医生和负责人须为本机构或其上级卫生院的人员', 'staffId');
    await trx
      .updateTable('org_duty')
      .set({ effective_to: from })
      .where('org_id', '=', org.id)
      .where('duty', '=', input.duty)
      .where('effective_from', '<', from)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', from)]))
      .execute();
    const row = await trx
      .insertInto('org_duty')
      .values({ county_id: org.county_id, org_id: org.id, duty: input.duty, staff_id: staff.id, effective_from: from })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.duty.set',
      resource: 'org_duty',
      resourceId: row.id,
      detail: { orgId: org.id, duty: input.duty, staffId: staff.id, effectiveFrom: from.toISOString() },
    });
    return { id: row.id };
  });
}
