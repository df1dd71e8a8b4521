import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { CriticalQuery } from './criticals.schema.ts';
import { CRITICAL_NOT_FOUND } from './criticals.service.ts';
import { inScope, nowOf } from './remote.shared.ts';

/** 危急值 (issue 12 §4), what people read: the list, one critical value with its timeline, the to-do counts. */

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());
const staffName = (col: string) =>
  sql<string | null>`(SELECT s.display_name FROM staff s WHERE s.id = ${sql.ref(col)})`;

function baseQuery(trx: Kdb, ctx: Ctx) {
  return trx
    .selectFrom('remote_criticals as c')
    .innerJoin('remote_requests as r', 'r.id', 'c.request_id')
    .innerJoin('remote_critical_items as i', 'i.code', 'c.item_code')
    .innerJoin('orgs as o', 'o.id', 'c.requesting_org_id')
    .leftJoin('residents as p', 'p.id', 'r.resident_id')
    .where('c.county_id', '=', ctx.actor.countyId)
    .select([
      'c.id',
      'c.request_id',
      'c.report_id',
      'c.status',
      'c.item_code',
      'i.name as item_name',
      'c.detail',
      'c.flagged_at',
      'c.notified_at',
      'c.ack_at',
      'c.acted_at',
      'c.noted_at',
      'c.readback',
      'c.patient_status',
      'r.accession',
      'r.centre',
      'r.item_name as exam_name',
      'r.resident_id',
      'p.name as resident_name',
      'c.requesting_org_id',
      'o.name as requesting_org_name',
      'c.flagged_by',
    ])
    .select(staffName('c.flagged_by').as('flagged_by_name'));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function summary(r: Row) {
  return {
    id: r.id,
    requestId: r.request_id,
    reportId: r.report_id,
    status: r.status,
    itemCode: r.item_code,
    itemName: r.item_name,
    detail: r.detail,
    accession: r.accession,
    centre: r.centre,
    examName: r.exam_name,
    residentId: r.resident_id,
    residentName: r.resident_name,
    requestingOrgId: r.requesting_org_id,
    requestingOrgName: r.requesting_org_name,
    flaggedBy: r.flagged_by,
    flaggedByName: r.flagged_by_name,
    flaggedAt: iso(r.flagged_at),
    notifiedAt: iso(r.notified_at),
    ackAt: iso(r.ack_at),
    actedAt: iso(r.acted_at),
    notedAt: iso(r.noted_at),
    readback: r.readback,
    patientStatus: r.patient_status,
  };
}
export type CriticalSummary = ReturnType<typeof summary>;

export async function list(ctx: Ctx, input: CriticalQuery) {
  return inScope(ctx, async (trx) => {
    let q = baseQuery(trx, ctx);
    if (input.status) q = q.where('c.status', '=', input.status);
    if (input.centre) q = q.where('r.centre', '=', input.centre);
    if (input.from) q = q.where(sql<boolean>`(c.flagged_at AT TIME ZONE 'Asia/Shanghai')::date >= ${input.from}::date`);
    if (input.to) q = q.where(sql<boolean>`(c.flagged_at AT TIME ZONE 'Asia/Shanghai')::date <= ${input.to}::date`);
    if (input.q)
      q = q.where((eb) => eb.or([eb('r.accession', '=', input.q ?? ''), eb('i.name', 'like', `%${input.q}%`)]));
    const { rows, meta } = await fetchPage(trx, q.orderBy('c.flagged_at', 'desc').orderBy('c.id', 'desc'), input);
    return { ...meta, items: rows.map(summary) };
  });
}

/** the request's critical values and the centre's list in force today, for the reading workstation's panel */
export async function ofRequest(ctx: Ctx, requestId: number) {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const request = await trx
      .selectFrom('remote_requests')
      .select(['id', 'centre'])
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!request) throw notFound('阅片申请');
    const rows = await baseQuery(trx, ctx).where('c.request_id', '=', requestId).orderBy('c.id').execute();
    const { rows: catalogue } = await sql<{ code: string; name: string; centre: string; criterion: string | null }>`
      SELECT code, name, centre, criterion FROM remote_critical_items
      WHERE centre IN (${request.centre}, 'lab')
        AND effective_from <= (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        AND (effective_to IS NULL OR effective_to > (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
      ORDER BY centre = 'lab', code`.execute(trx);
    return { items: rows.map(summary), catalogue };
  });
}

export interface TimelineStep {
  step: string;
  at: string;
  by: string | null;
  text: string | null;
}

/** one critical value with every step, each with its time and person */
export async function detail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const row = await baseQuery(trx, ctx)
      .where('c.id', '=', id)
      .select([
        'c.checked_at',
        'c.action_text',
        'c.note_text',
        'c.withdrawn_reason',
        staffName('c.checked_by').as('checked_by_name'),
        staffName('c.ack_by').as('ack_by_name'),
        staffName('c.acted_by').as('acted_by_name'),
        staffName('c.noted_by').as('noted_by_name'),
      ])
      .executeTakeFirst();
    if (!row) throw notFound(CRITICAL_NOT_FOUND);
    const escalations = await trx
      .selectFrom('remote_escalations as e')
      .leftJoin('orgs as o', 'o.id', 'e.target_org_id')
      .where('e.critical_id', '=', id)
      .select(['e.level', 'e.due_at', 'e.created_at', 'o.name as org_name'])
      .select(
        sql<string | null>`(SELECT string_agg(s.display_name, '、' ORDER BY s.id) FROM staff s
          WHERE s.id = ANY (e.target_staff))`.as('targets'),
      )
      .orderBy('e.created_at')
      .execute();
    const tasks = await trx
      .selectFrom('remote_tasks as t')
      .where('t.critical_id', '=', id)
      .select(['t.id', 't.kind', 't.created_at', 't.due_at', 't.done_at', 't.outcome'])
      .select(staffName('t.done_by').as('done_by_name'))
      .orderBy('t.id')
      .execute();
    const steps: TimelineStep[] = [];
    const add = (step: string, at: Date | string | null, by: string | null, text: string | null = null) => {
      const t = iso(at);
      if (t) steps.push({ step, at: t, by, text });
    };
    add('flagged', row.flagged_at, row.flagged_by_name, `${row.item_name}：${row.detail}`);
    add('checked', row.checked_at, row.checked_by_name);
    add('notified', row.notified_at, null, row.requesting_org_name);
    for (const e of escalations) add(`escalation.${e.level}`, e.created_at, e.targets, e.org_name);
    add('acknowledged', row.ack_at, row.ack_by_name, row.readback);
    add('acted', row.acted_at, row.acted_by_name, row.action_text);
    add('documented', row.noted_at, row.noted_by_name, row.note_text);
    for (const t of tasks) {
      add(`task.${t.kind}`, t.created_at, null, null);
      add(`task_done.${t.kind}`, t.done_at, t.done_by_name, t.outcome);
    }
    if (row.status === 'withdrawn') add('withdrawn', row.flagged_at, row.flagged_by_name, row.withdrawn_reason);
    steps.sort((a, b) => a.at.localeCompare(b.at));
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.read',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
    });
    return {
      ...summary(row),
      checkedAt: iso(row.checked_at),
      actionText: row.action_text,
      noteText: row.note_text,
      withdrawnReason: row.withdrawn_reason,
      timeline: steps,
      tasks: tasks.map((t) => ({
        id: t.id,
        kind: t.kind,
        createdAt: iso(t.created_at),
        dueAt: iso(t.due_at),
        doneAt: iso(t.done_at),
        doneByName: t.done_by_name,
        outcome: t.outcome,
      })),
    };
  });
}

/** the home page's counts: critical values waiting for my clinic's acknowledgement, open tasks */
export async function criticalTodo(ctx: Ctx): Promise<{ unacknowledged: number; tasksOpen: number }> {
  const orgs = ctx.scope.orgIds.length ? ctx.scope.orgIds : [0];
  return inScope(ctx, async (trx) => {
    const { rows } = await sql<{ unacknowledged: number; tasks_open: number }>`SELECT
      (SELECT count(*)::int FROM remote_criticals WHERE county_id = ${ctx.actor.countyId} AND status = 'notified'
         AND requesting_org_id = ANY (${orgs}::integer[])) AS unacknowledged,
      (SELECT count(*)::int FROM remote_tasks WHERE county_id = ${ctx.actor.countyId} AND done_at IS NULL
         AND org_id = ANY (${orgs}::integer[])) AS tasks_open`.execute(trx);
    return { unacknowledged: rows[0].unacknowledged, tasksOpen: rows[0].tasks_open };
  });
}
