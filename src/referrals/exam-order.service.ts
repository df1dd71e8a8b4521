import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as residents from '../residents/residents.service.ts';
import type { ExamOrder, ExamOrderCreate, ExamOrderQuery } from './exam-order.schema.ts';
import { idempotencyKey, requestHash } from './referral.service.ts';
import { referralPriority } from './referral.queries.ts';
import { iso } from './referral.view.ts';

const STATUS_LABEL: Record<string, string> = {
  ordered: '已开单',
  scheduled: '已预约',
  performed: '已检查',
  reported: '已出报告',
  cancelled: '已撤销',
};

export async function catalogue(db: Kdb) {
  const rows = await db
    .selectFrom('exam_catalogue')
    .selectAll()
    .where('active', '=', true)
    .orderBy('category')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category as ExamOrder['category'],
    priceFen: r.price_fen,
    mutualRecognition: r.mutual_recognition,
  }));
}

function base(db: Kdb) {
  return db
    .selectFrom('exam_orders as e')
    .innerJoin('orgs as oo', 'oo.id', 'e.ordering_org_id')
    .innerJoin('orgs as po', 'po.id', 'e.performing_org_id')
    .innerJoin('staff as s', 's.id', 'e.ordering_staff_id')
    .leftJoin('residents as res', 'res.id', 'e.resident_id')
    .selectAll('e')
    .select([
      'oo.name as ordering_org_name',
      'po.name as performing_org_name',
      's.display_name as staff_name',
      'res.name as resident_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toOrder = (r: Row): ExamOrder => ({
  id: r.id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  referralId: r.referral_id,
  orderingOrg: { id: r.ordering_org_id, name: r.ordering_org_name },
  orderingStaffName: r.staff_name,
  performingOrg: { id: r.performing_org_id, name: r.performing_org_name },
  itemCode: r.item_code,
  itemName: r.item_name,
  category: r.category as ExamOrder['category'],
  priceFen: r.price_fen,
  recognised: r.recognised,
  urgency: r.urgency as ExamOrder['urgency'],
  priority: r.priority,
  status: r.status as ExamOrder['status'],
  clinicalNote: r.clinical_note,
  scheduledAt: iso(r.scheduled_at),
  performedAt: iso(r.performed_at),
  resultText: r.result_text,
  resultFlag: r.result_flag as ExamOrder['resultFlag'],
  reportedAt: iso(r.reported_at),
  createdAt: iso(r.created_at)!,
  version: r.version,
});

/** The people's hospital performs group exams: the first county hospital of the county. */
function performingOrg(ctx: Ctx): number {
  const tree = ctx.platform.orgTree;
  const hospitals = tree
    .county(ctx.actor.countyId)
    .filter((id) => tree.get(id)?.kind === 'county_hospital')
    .sort((a, b) => a - b);
  if (!hospitals.length) throw badRequest('NO_COUNTY_HOSPITAL', '本医共体尚未配置县级医院，无法开具一单通检查');
  return hospitals[0];
}

async function announce(
  trx: Kdb,
  r: { id: number; county_id: number; ordering_org_id: number; performing_org_id: number },
  status: string,
) {
  await publish(trx, {
    topic: 'exam.changed',
    countyId: r.county_id,
    orgIds: [r.ordering_org_id, r.performing_org_id],
    data: { id: r.id, status },
  });
}

export async function create(
  ctx: Ctx,
  input: ExamOrderCreate,
  keyHeader: string | string[] | undefined,
): Promise<{ order: ExamOrder; replayed: boolean }> {
  const { requestKey, ...body } = input;
  const key = idempotencyKey(keyHeader ?? requestKey);
  const hash = requestHash(body);
  const item = await ctx.db
    .selectFrom('exam_catalogue')
    .selectAll()
    .where('code', '=', input.itemCode)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!item) throw badRequest('UNKNOWN_EXAM', '检查项目不在医共体统一目录中', 'itemCode');
  await residents.get(ctx, input.residentId);
  const performing = performingOrg(ctx);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const priority = await referralPriority(trx, input.referralId, input.residentId);
    const inserted = await trx
      .insertInto('exam_orders')
      .values({
        county_id: ctx.actor.countyId,
        resident_id: input.residentId,
        referral_id: input.referralId ?? null,
        ordering_org_id: ctx.actor.orgId,
        ordering_staff_id: ctx.actor.id,
        performing_org_id: performing,
        item_code: item.code,
        item_name: item.name,
        category: item.category,
        price_fen: item.price_fen,
        recognised: item.mutual_recognition,
        urgency: input.urgency,
        priority,
        clinical_note: input.clinicalNote ?? null,
        idempotency_key: key,
        request_hash: hash,
      })
      .onConflict((oc) => oc.constraint('exam_orders_idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const prior = await base(trx)
        .where('e.ordering_staff_id', '=', ctx.actor.id)
        .where('e.idempotency_key', '=', key)
        .executeTakeFirstOrThrow();
      if (prior.request_hash !== hash)
        throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一张不同的检查单，请刷新后重新开单');
      return { order: toOrder(prior), replayed: true };
    }
    const row = await base(trx).where('e.id', '=', inserted.id).executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'exam.order',
      resource: 'exam_order',
      resourceId: row.id,
      residentId: row.resident_id,
      detail: { item: item.code },
    });
    await announce(trx, row, 'ordered');
    return { order: toOrder(row), replayed: false };
  });
}

/** Performing list: urgency first, then 三优先 priority, then order time. */
export async function list(ctx: Ctx, input: ExamOrderQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    let q = base(trx);
    q =
      input.box === 'performing'
        ? q.where('e.performing_org_id', '=', ctx.actor.orgId)
        : q.where('e.ordering_org_id', 'in', ctx.scope.orgIds.length ? ctx.scope.orgIds : [0]);
    if (input.status === 'pending') q = q.where('e.status', 'in', ['ordered', 'scheduled', 'performed']);
    else if (input.status) q = q.where('e.status', '=', input.status);
    if (input.residentId) q = q.where('e.resident_id', '=', input.residentId);
    const rows = await q
      .orderBy(sql`CASE e.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`)
      .orderBy('e.priority', 'desc')
      .orderBy('e.created_at')
      .orderBy('e.id')
      .limit(input.limit)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'exam.list',
      resource: 'exam_order',
      detail: { box: input.box, results: rows.map((r) => r.id) },
    });
    return rows.map(toOrder);
  });
}

type Move = { from: string; to: string; set: Record<string, unknown> };

/** Scheduling, performing and reporting happen at the performing hospital, each step once. */
export async function advance(
  ctx: Ctx,
  id: number,
  move: 'schedule' | 'perform' | 'report' | 'cancel',
  body: Record<string, unknown>,
) {
  const moves: Record<typeof move, Move> = {
    schedule: { from: 'ordered', to: 'scheduled', set: { scheduled_at: body.scheduledAt } },
    perform: { from: 'scheduled', to: 'performed', set: { performed_at: sql`now()` } },
    report: {
      from: 'performed',
      to: 'reported',
      set: {
        result_text: body.resultText,
        result_flag: body.resultFlag,
        reported_at: sql`now()`,
        reported_by: ctx.actor.id,
      },
    },
    cancel: { from: 'ordered', to: 'cancelled', set: {} },
  };
  const m = moves[move];
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await base(trx).where('e.id', '=', id).executeTakeFirst();
    if (!row) {
      await writeAudit(trx, ctx.audit, {
        action: `exam.${move}`,
        outcome: 'denied',
        resource: 'exam_order',
        resourceId: id,
      });
      return null;
    }
    const side = move === 'cancel' ? row.ordering_org_id : row.performing_org_id;
    if (!ctx.platform.orgTree.ancestry(side).includes(ctx.actor.orgId)) {
      throw new AppError(
        403,
        'NOT_YOUR_SIDE',
        move === 'cancel' ? '只有开单机构可以撤销检查单' : '只有执行医院可以预约、检查和出报告',
      );
    }
    const r = await trx
      .updateTable('exam_orders')
      .set({ ...m.set, status: m.to, version: sql`version + 1` } as never)
      .where('id', '=', id)
      .where('status', '=', m.from)
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n) {
      const now = await trx.selectFrom('exam_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      throw conflict('INVALID_TRANSITION', `该检查单当前状态为「${STATUS_LABEL[now.status]}」，不能执行此操作`, {
        currentStatus: now.status,
      });
    }
    await writeAudit(trx, ctx.audit, {
      action: `exam.${move}`,
      resource: 'exam_order',
      resourceId: id,
      residentId: row.resident_id,
    });
    await announce(trx, row, m.to);
    return toOrder(await base(trx).where('e.id', '=', id).executeTakeFirstOrThrow());
  });
  if (!out) throw notFound('检查单');
  return out;
}

/**
 * The home page's exam to-do at the caller's hospital (the performing side): orders still to
 * be scheduled or performed, and performed ones awaiting their report (the reader's work).
 */
export async function performingCounts(
  ctx: Ctx,
): Promise<{ toPerform: number; toPerformUrgent: number; toReport: number; toReportUrgent: number }> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await trx
      .selectFrom('exam_orders as e')
      .select([
        sql<number>`count(*) FILTER (WHERE e.status IN ('ordered', 'scheduled'))::int`.as('toPerform'),
        sql<number>`count(*) FILTER (WHERE e.status = 'performed')::int`.as('toReport'),
        sql<number>`count(*) FILTER (WHERE e.status IN ('ordered', 'scheduled') AND e.urgency <> 'routine')::int`.as(
          'toPerformUrgent',
        ),
        sql<number>`count(*) FILTER (WHERE e.status = 'performed' AND e.urgency <> 'routine')::int`.as(
          'toReportUrgent',
        ),
      ])
      .where('e.performing_org_id', '=', ctx.actor.orgId)
      .where('e.status', 'in', ['ordered', 'scheduled', 'performed'])
      .executeTakeFirstOrThrow();
    return row;
  });
}
