import { writeAudit } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { assertSameRequest, idempotencyKey, keyReused, requestHash, type Idempotent } from '../platform/idempotency.ts';
import { fetchPage } from '../platform/list.ts';
import * as wards from '../orgs/ward.service.ts';
import * as examOrders from '../referrals/exam-order.service.ts';
import * as referrals from '../referrals/referral.service.ts';
import * as residents from '../residents/residents.service.ts';
import { careDbError } from './care-errors.ts';
import type { FeeLinesBody } from './care.schema.ts';
import * as charges from './charge.service.ts';
import { diagnosisEntry } from './diagnosis.ts';
import * as steps from './visit.steps.ts';
import * as vq from './visit.queries.ts';
import type {
  PrescriptionCreate,
  Visit,
  VisitCreate,
  VisitDetail,
  VisitExamBody,
  VisitPatch,
  VisitQuery,
} from './visit.schema.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toVisit = (r: vq.VisitListRow): Visit => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  residentId: r.resident_id,
  residentName: r.resident_name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  registeredAt: iso(r.registered_at),
  visitDay: r.visit_day,
  queueNo: r.queue_no,
  chiefComplaint: r.chief_complaint,
  diagnoses: r.diagnoses,
  tcm: r.tcm,
  referralId: r.referral_id,
  clinicSessionId: r.clinic_session_id,
  status: r.status,
  source: r.source,
  externalNumber: r.external_number,
  doctorName: r.doctor_name,
  totalFen: Number(r.total_fen),
});

const REQUEST_NAME = '次挂号';

/** 挂号: at the caller's own org, today; a queue number where the org calls by number. */
export async function register(
  ctx: Ctx,
  input: VisitCreate,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<Visit>> {
  const key = idempotencyKey(keyHeader);
  const hash = requestHash(input);
  const orgId = ctx.actor.orgId;
  await residents.get(ctx, input.residentId);
  if (input.referralId !== undefined) {
    const referral = await referrals.get(ctx, input.referralId, false);
    if (referral.residentId !== input.residentId)
      throw badRequest('REFERRAL_MISMATCH', '所选转诊单不是该居民的', 'referralId');
  }
  const diagnoses = input.diagnosisCodes.map((c, i) => diagnosisEntry(c, `diagnosisCodes.${i}`));
  const id = await withScope(ctx.db, ctx.scope, async (trx) => {
    const prior = await vq.byIdempotencyKey(trx, ctx.actor.id, key);
    if (prior) {
      assertSameRequest(prior.request_hash, hash, REQUEST_NAME);
      return { id: prior.id, replayed: true };
    }
    const org = await vq.orgSettings(trx, orgId);
    if (input.departmentId !== undefined) await wards.departmentById(trx, orgId, input.departmentId);
    const now = new Date();
    if (await vq.dayClosed(trx, orgId, shanghaiDate(now)))
      throw conflict('DAY_CLOSED', '本机构今日已日结，不能再挂号；如需补录请联系管理员');
    const newId = await steps
      .register(trx, ctx.audit, {
        countyId: org.county_id,
        orgId,
        residentId: input.residentId,
        departmentId: input.departmentId ?? null,
        registeredAt: now,
        useQueue: org.visit_queue,
        chiefComplaint: input.chiefComplaint ?? null,
        diagnoses,
        tcm: input.tcm,
        referralId: input.referralId ?? null,
        clinicSessionId: input.clinicSessionId ?? null,
        source: 'local',
        doctorId: ctx.actor.id,
        createdBy: ctx.actor.id,
        idempotencyKey: key,
        requestHash: hash,
      })
      .catch((err: unknown) => {
        throw careDbError(err);
      });
    return { id: newId, replayed: false };
  }).catch(async (err: unknown) => {
    // a concurrent twin with the same key committed first
    if (err instanceof Error && 'constraint' in err && err.constraint === 'visits_idempotency_key') {
      const again = await withScope(ctx.db, ctx.scope, (trx) => vq.byIdempotencyKey(trx, ctx.actor.id, key));
      if (!again) throw keyReused(REQUEST_NAME);
      assertSameRequest(again.request_hash, hash, REQUEST_NAME);
      return { id: again.id, replayed: true };
    }
    throw err;
  });
  const row = await withScope(ctx.db, ctx.scope, (trx) => vq.getById(trx, id.id));
  if (!row) throw notFound('就诊');
  return { result: toVisit(row), replayed: id.replayed };
}

export async function list(ctx: Ctx, input: VisitQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const query = vq.listed(
      trx,
      {
        orgIds: ctx.scope.orgIds,
        from: input.from,
        to: input.to,
        status: input.status,
        tcm: input.tcm === undefined ? undefined : input.tcm === 'true',
        residentId: input.residentId,
        q: input.q,
      },
      input.sort,
    );
    const { rows, meta } = await fetchPage(trx, query, input);
    await writeAudit(trx, ctx.audit, {
      action: 'visit.list',
      resource: 'visit',
      detail: { results: rows.map((r) => r.id) },
    });
    return { ...meta, items: rows.map(toVisit) };
  });
}

/** A visit of the caller's orgs, or 404 (also when RLS hides it). */
async function visible(ctx: Ctx, trx: Kdb, id: number, lock = false) {
  const v = lock ? await vq.lockById(trx, id) : await vq.findById(trx, id);
  if (!v || !ctx.scope.orgIds.includes(v.org_id)) throw notFound('就诊记录');
  return v;
}

async function detail(ctx: Ctx, trx: Kdb, id: number): Promise<VisitDetail> {
  const row = await vq.getById(trx, id);
  if (!row) throw notFound('就诊记录');
  const prescriptions = await vq.prescriptionsOf(trx, id);
  const lines = await vq.prescriptionLinesOf(
    trx,
    prescriptions.map((p) => p.id),
  );
  const fees = await feeSummary(trx, { visitId: id });
  return {
    ...toVisit(row),
    prescriptions: prescriptions.map((p) => ({
      id: p.id,
      prescribedAt: iso(p.prescribed_at),
      prescriberName: p.prescriber_name,
      tcm: p.tcm,
      status: p.status,
      lines: lines
        .filter((l) => l.prescription_id === p.id)
        .map((l) => ({
          lineNo: l.line_no,
          itemCode: l.item_code,
          itemName: l.item_name,
          spec: l.spec,
          dose: l.dose,
          route: l.route as never,
          frequency: l.frequency as never,
          days: l.days,
          quantity: Number(l.quantity),
        })),
    })),
    exams: (await vq.examsOf(trx, id)).map((e) => ({
      id: e.id,
      itemCode: e.item_code,
      itemName: e.item_name,
      status: e.status,
      priceFen: e.price_fen,
      performingOrgName: e.performing_org_name,
      resultText: e.result_text,
      createdAt: iso(e.created_at),
    })),
    fees,
    amendments: (await vq.amendmentsOf(trx, id)).map((a) => ({
      id: a.id,
      what: a.what,
      reason: a.reason,
      staffName: a.staff_name,
      at: iso(a.at),
    })),
    dayClosed: row.status === 'closed',
  };
}

export async function feeSummary(trx: Kdb, owner: { visitId: number } | { stayId: number }) {
  const lines = await charges.lines(trx, owner);
  const totals = await charges.totals(trx, owner);
  return {
    lines: lines.map((l) => ({
      id: l.id,
      itemCode: l.item_code,
      itemName: l.item_name,
      category: l.category,
      insuranceClass: l.insurance_class,
      selfPayBp: l.self_pay_bp,
      quantity: Number(l.quantity),
      unitPriceFen: l.unit_price_fen,
      amountFen: Number(l.amount),
      chargedAt: iso(l.charged_at),
      externalLineId: l.external_line_id,
    })),
    totals: totals.map((t) => ({ category: t.category, amountFen: Number(t.amount) })),
    totalFen: totals.reduce((s, t) => s + Number(t.amount), 0),
  };
}

export async function get(ctx: Ctx, id: number): Promise<VisitDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await visible(ctx, trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'visit.read',
      resource: 'visit',
      resourceId: id,
      residentId: v.resident_id,
    });
    return detail(ctx, trx, id);
  });
}

/**
 * After the day closes a change is an amendment: it needs a reason and leaves a row with
 * what was there before. A cancelled visit changes no more.
 */
async function amendable(
  ctx: Ctx,
  trx: Kdb,
  v: steps.VisitRow,
  reason: string | undefined,
  what: string,
  before: unknown,
  after: unknown,
) {
  if (v.status === 'cancelled') throw conflict('VISIT_CANCELLED', '该就诊已撤销，不能再修改');
  if (v.status !== 'closed') return;
  if (!reason) throw new AppError(400, 'REASON_REQUIRED', '该日已日结，修改须填写原因', 'reason');
  await vq.insertAmendment(trx, {
    county_id: v.county_id,
    org_id: v.org_id,
    visit_id: v.id,
    what,
    before: JSON.stringify(before),
    after: JSON.stringify(after),
    reason,
    staff_id: ctx.actor.id,
  });
  await writeAudit(trx, ctx.audit, {
    action: 'visit.amend',
    resource: 'visit',
    resourceId: v.id,
    residentId: v.resident_id,
    detail: { what, reason },
  });
}

export async function patch(ctx: Ctx, id: number, input: VisitPatch): Promise<VisitDetail> {
  const diagnoses = input.diagnosisCodes?.map((c, i) => diagnosisEntry(c, `diagnosisCodes.${i}`));
  if (input.chiefComplaint === undefined && diagnoses === undefined && input.tcm === undefined)
    throw new AppError(400, 'NOTHING_TO_CHANGE', '没有需要修改的内容');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await visible(ctx, trx, id, true);
    const before = { chiefComplaint: v.chief_complaint, diagnoses: v.diagnoses, tcm: v.tcm };
    const after = {
      chiefComplaint: input.chiefComplaint ?? v.chief_complaint,
      diagnoses: diagnoses ?? v.diagnoses,
      tcm: input.tcm ?? v.tcm,
    };
    await amendable(ctx, trx, v, input.reason, 'record', before, after);
    await vq.update(trx, id, {
      chief_complaint: after.chiefComplaint,
      diagnoses: JSON.stringify(after.diagnoses) as never,
      tcm: after.tcm,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'visit.update',
      resource: 'visit',
      resourceId: id,
      residentId: v.resident_id,
      detail: { diagnoses: after.diagnoses.map((d) => d.code) },
    });
    return detail(ctx, trx, id);
  });
}

export async function addFees(ctx: Ctx, id: number, input: FeeLinesBody): Promise<VisitDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await visible(ctx, trx, id, true);
    await amendable(ctx, trx, v, input.reason, 'fees', null, input.lines);
    const ids = await charges.addLines(
      trx,
      { countyId: v.county_id, orgId: v.org_id, residentId: v.resident_id, visitId: v.id, stayId: null },
      input.lines.map((l) => ({ ...l, at: new Date() })),
      ctx.actor.id,
    );
    await writeAudit(trx, ctx.audit, {
      action: 'fee.add',
      resource: 'visit',
      resourceId: id,
      residentId: v.resident_id,
      detail: { lineIds: ids },
    });
    return detail(ctx, trx, id);
  });
}

/** 处方: lines of drugs from the catalogue; each line is charged at the price in force. */
export async function prescribe(
  ctx: Ctx,
  id: number,
  input: PrescriptionCreate,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<VisitDetail>> {
  const key = idempotencyKey(keyHeader);
  const hash = requestHash({ visitId: id, ...input });
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const prior = await vq.prescriptionByKey(trx, ctx.actor.id, key);
    if (prior) {
      assertSameRequest(prior.request_hash, hash, '张处方');
      return { result: await detail(ctx, trx, prior.visit_id), replayed: true };
    }
    const v = await visible(ctx, trx, id, true);
    if (v.status !== 'open') throw conflict('VISIT_NOT_OPEN', '该就诊已日结或已撤销，不能再开处方');
    const items = await trx
      .selectFrom('charge_items')
      .select(['code', 'category', 'active'])
      .where(
        'code',
        'in',
        input.lines.map((l) => l.itemCode),
      )
      .execute();
    input.lines.forEach((l, n) => {
      const item = items.find((i) => i.code === l.itemCode);
      if (!item || item.category !== 'drug' || !item.active)
        throw badRequest('NOT_A_DRUG', `${l.itemCode} 不是目录中的药品`, `lines.${n}.itemCode`);
    });
    const pid = await vq.insertPrescriptionOnce(trx, {
      county_id: v.county_id,
      org_id: v.org_id,
      visit_id: v.id,
      resident_id: v.resident_id,
      prescribed_by: ctx.actor.id,
      tcm: input.tcm,
      idempotency_key: key,
      request_hash: hash,
    });
    if (pid === null) throw keyReused('张处方');
    await vq.insertPrescriptionLines(
      trx,
      input.lines.map((l, n) => ({
        prescription_id: pid,
        org_id: v.org_id,
        line_no: n + 1,
        item_code: l.itemCode,
        dose: l.dose,
        route: l.route,
        frequency: l.frequency,
        days: l.days,
        quantity: l.quantity,
      })),
    );
    const at = new Date();
    await charges.addLines(
      trx,
      { countyId: v.county_id, orgId: v.org_id, residentId: v.resident_id, visitId: v.id, stayId: null },
      input.lines.map((l) => ({ itemCode: l.itemCode, quantity: l.quantity, at, prescriptionId: pid })),
      ctx.actor.id,
    );
    if (input.tcm && !v.tcm) await vq.update(trx, v.id, { tcm: true });
    await writeAudit(trx, ctx.audit, {
      action: 'prescription.create',
      resource: 'prescription',
      resourceId: pid,
      residentId: v.resident_id,
      detail: { visitId: v.id, items: input.lines.map((l) => l.itemCode) },
    });
    return { result: await detail(ctx, trx, v.id), replayed: false };
  });
}

/**
 * 一单通 from a visit: the order is made by the referral feature's exam-order service (its own
 * transaction, idempotent on the same key), then linked and charged here. A retry with the
 * same key finds the same order and links it once.
 */
export async function orderExam(
  ctx: Ctx,
  id: number,
  input: VisitExamBody,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<VisitDetail>> {
  const key = idempotencyKey(keyHeader);
  const v = await withScope(ctx.db, ctx.scope, (trx) => visible(ctx, trx, id));
  if (v.status !== 'open') throw conflict('VISIT_NOT_OPEN', '该就诊已日结或已撤销，不能再开检查');
  const order = await examOrders.create(
    ctx,
    {
      residentId: v.resident_id,
      itemCode: input.itemCode,
      urgency: input.urgency,
      clinicalNote: input.clinicalNote,
      referralId: v.referral_id ?? undefined,
    },
    key,
  );
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const linked = await vq.linkExam(trx, { visit_id: v.id, exam_order_id: order.result.id, org_id: v.org_id });
    if (linked) {
      await charges.addLines(
        trx,
        { countyId: v.county_id, orgId: v.org_id, residentId: v.resident_id, visitId: v.id, stayId: null },
        [{ itemCode: order.result.itemCode, quantity: 1, at: new Date(), examOrderId: order.result.id }],
        ctx.actor.id,
      );
      await writeAudit(trx, ctx.audit, {
        action: 'visit.exam',
        resource: 'visit',
        resourceId: v.id,
        residentId: v.resident_id,
        detail: { examOrderId: order.result.id },
      });
    }
    return { result: await detail(ctx, trx, v.id), replayed: !linked };
  });
}

export async function cancel(ctx: Ctx, id: number, reason: string): Promise<VisitDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await visible(ctx, trx, id, true);
    if (v.status === 'closed') throw conflict('DAY_CLOSED', '该就诊所在日期已日结，不能撤销');
    await steps.cancel(trx, ctx.audit, v, reason);
    return detail(ctx, trx, id);
  });
}

/** 日结: the caller's org closes a day that has begun; its open visits close with it. */
export async function closeDay(ctx: Ctx, day: string) {
  if (day > shanghaiDate(new Date())) throw badRequest('FUTURE_DAY', '不能日结尚未到来的日期', 'day');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const org = await vq.orgSettings(trx, ctx.actor.orgId);
    const n = await vq.closeDay(trx, { orgId: org.id, countyId: org.county_id, day, staffId: ctx.actor.id });
    if (n === null) throw conflict('ALREADY_CLOSED', `${day} 已日结`);
    await writeAudit(trx, ctx.audit, { action: 'visit.close_day', resource: 'visit', detail: { day, visits: n } });
    return { day, orgId: org.id, visits: n };
  });
}
