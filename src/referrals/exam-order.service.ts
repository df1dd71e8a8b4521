import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import { assertSameRequest, idempotencyKey, requestHash, type Idempotent } from '../platform/idempotency.ts';
import * as residents from '../residents/residents.service.ts';
import * as eq from './exam-order.queries.ts';
import {
  EXAM_MOVES,
  EXAM_STATUS_LABELS,
  type CatalogueItem,
  type ExamMove,
  type ExamOrder,
  type ExamOrderCreate,
  type ExamOrderQuery,
  type ReportBody,
  type ScheduleBody,
} from './exam-order.schema.ts';
import { referralPriority } from './referral.service.ts';
import { iso, isoAt } from './referral.view.ts';

export async function catalogue(db: Kdb): Promise<CatalogueItem[]> {
  const rows = await eq.catalogue(db);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category,
    priceFen: r.price_fen,
    mutualRecognition: r.mutual_recognition,
  }));
}

const toOrder = (r: eq.ExamOrderRow): ExamOrder => ({
  id: r.id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  referralId: r.referral_id,
  orderingOrg: { id: r.ordering_org_id, name: r.ordering_org_name },
  orderingStaffName: r.staff_name,
  performingOrg: { id: r.performing_org_id, name: r.performing_org_name },
  itemCode: r.item_code,
  itemName: r.item_name,
  category: r.category,
  priceFen: r.price_fen,
  recognised: r.recognised,
  urgency: r.urgency,
  priority: r.priority,
  status: r.status,
  clinicalNote: r.clinical_note,
  scheduledAt: iso(r.scheduled_at),
  performedAt: iso(r.performed_at),
  resultText: r.result_text,
  resultFlag: r.result_flag,
  reportedAt: iso(r.reported_at),
  createdAt: isoAt(r.created_at),
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
): Promise<Idempotent<ExamOrder>> {
  const { requestKey, ...body } = input;
  const key = idempotencyKey(keyHeader, requestKey);
  const hash = requestHash(body);
  const item = await eq.catalogueItem(ctx.db, input.itemCode);
  if (!item) throw badRequest('UNKNOWN_EXAM', '检查项目不在医共体统一目录中', 'itemCode');
  await residents.get(ctx, input.residentId);
  const performing = performingOrg(ctx);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const priority = await referralPriority(trx, input.referralId, input.residentId);
    const id = await eq.insertOnce(trx, {
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
    });
    if (id === null) {
      const prior = await eq.getByIdempotencyKey(trx, ctx.actor.id, key);
      assertSameRequest(prior.request_hash, hash, '张检查单');
      return { result: toOrder(prior), replayed: true };
    }
    const row = await eq.getById(trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'exam.order',
      resource: 'exam_order',
      resourceId: row.id,
      residentId: row.resident_id,
      detail: { item: item.code },
    });
    await announce(trx, row, 'ordered');
    return { result: toOrder(row), replayed: false };
  });
}

/** Performing list: urgency first, then 三优先 priority, then order time. */
export async function list(ctx: Ctx, input: ExamOrderQuery): Promise<ExamOrder[]> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await eq.list(trx, {
      ...(input.box === 'performing' ? { performingOrgId: ctx.actor.orgId } : { orderingOrgIds: ctx.scope.orgIds }),
      statuses:
        input.status === 'pending'
          ? ['ordered', 'scheduled', 'performed']
          : input.status === undefined
            ? undefined
            : [input.status],
      residentId: input.residentId,
      limit: input.limit,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'exam.list',
      resource: 'exam_order',
      detail: { box: input.box, results: rows.map((r) => r.id) },
    });
    return rows.map(toOrder);
  });
}

/** A step on an exam order with the body its route validated. */
export type ExamStep =
  { move: 'schedule'; body: ScheduleBody } | { move: 'report'; body: ReportBody } | { move: 'perform' | 'cancel' };

function valuesOf(ctx: Ctx, step: ExamStep): eq.ExamValues {
  switch (step.move) {
    case 'schedule':
      return { scheduled_at: step.body.scheduledAt };
    case 'perform':
      return { performed_at: eq.now() };
    case 'report':
      return {
        result_text: step.body.resultText,
        result_flag: step.body.resultFlag,
        reported_at: eq.now(),
        reported_by: ctx.actor.id,
      };
    case 'cancel':
      return {};
  }
}

/** Scheduling, performing and reporting happen at the performing hospital, each step once. */
export async function advance(ctx: Ctx, id: number, step: ExamStep): Promise<ExamOrder> {
  const move: ExamMove = step.move;
  const { from, to } = EXAM_MOVES[move];
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await eq.findById(trx, id);
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
    if (!(await eq.transition(trx, id, from, to, valuesOf(ctx, step)))) {
      const now = await eq.statusOf(trx, id);
      throw conflict('INVALID_TRANSITION', `该检查单当前状态为「${EXAM_STATUS_LABELS[now.status]}」，不能执行此操作`, {
        currentStatus: now.status,
      });
    }
    await writeAudit(trx, ctx.audit, {
      action: `exam.${move}`,
      resource: 'exam_order',
      resourceId: id,
      residentId: row.resident_id,
    });
    await announce(trx, row, to);
    return toOrder(await eq.getById(trx, id));
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
    const row = await eq.performingCounts(trx, ctx.actor.orgId);
    return row;
  });
}
