import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { assertSameRequest, idempotencyKey, keyReused, requestHash, type Idempotent } from '../platform/idempotency.ts';
import { fetchPage } from '../platform/list.ts';
import * as wards from '../orgs/ward.service.ts';
import * as admissions from '../referrals/admission.service.ts';
import * as referrals from '../referrals/referral.service.ts';
import * as residents from '../residents/residents.service.ts';
import { careDbError } from './care-errors.ts';
import type { FeeLinesBody } from './care.schema.ts';
import * as charges from './charge.service.ts';
import { diagnosisEntry, referralDiagnosisCode } from './diagnosis.ts';
import type {
  OperationCreate,
  Stay,
  StayCreate,
  StayDetail,
  StayDischarge,
  StayQuery,
  StayTransfer,
} from './stay.schema.ts';
import * as steps from './stay.steps.ts';
import * as sq from './stay.queries.ts';
import { feeSummary } from './visit.service.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export const toStay = (r: sq.StayListRow): Stay => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  residentId: r.resident_id,
  residentName: r.resident_name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  bedId: r.bed_id,
  bedCode: r.bed_code,
  admittedAt: iso(r.admitted_at),
  admissionDiagnoses: r.admission_diagnoses,
  status: r.status,
  dischargedAt: isoOrNull(r.discharged_at),
  dischargeDiagnoses: r.discharge_diagnoses,
  disposition: r.disposition,
  downReferralId: r.down_referral_id,
  lengthOfStayDays: r.length_of_stay_days,
  source: r.source,
  externalNumber: r.external_number,
  admissionRequestId: r.admission_request_id,
  totalFen: Number(r.total_fen),
});

async function detail(trx: Kdb, id: number): Promise<StayDetail> {
  const row = await sq.getById(trx, id);
  if (!row) throw notFound('住院记录');
  return {
    ...toStay(row),
    movements: (await sq.movementsOf(trx, id)).map((m) => ({
      id: m.id,
      departmentId: m.department_id,
      departmentName: m.department_name,
      bedCode: m.bed_code,
      fromAt: iso(m.from_at),
      toAt: isoOrNull(m.to_at),
      kind: m.kind,
    })),
    operations: (await sq.operationsOf(trx, id)).map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      grade: o.grade,
      performedAt: iso(o.performed_at),
    })),
    fees: await feeSummary(trx, { stayId: id }),
  };
}

const notFuture = (at: Date, field: string) => {
  if (at.getTime() > Date.now() + 5 * 60_000) throw badRequest('FUTURE_TIME', '时间不能晚于现在', field);
  return at;
};

/**
 * 入院: directly (resident, department, bed) or from a waiting 三优先 request, which then
 * holds the same bed. Two clerks choosing one bed: the database lets one in (BED_OCCUPIED).
 */
export async function admit(
  ctx: Ctx,
  input: StayCreate,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<StayDetail>> {
  const key = idempotencyKey(keyHeader);
  const hash = requestHash(input);
  if (input.admissionRequestId === undefined && (input.residentId === undefined || input.departmentId === undefined))
    throw badRequest('RESIDENT_REQUIRED', '请选择居民和入院科室', 'residentId');
  if (input.admissionRequestId !== undefined && input.bedId === undefined)
    throw badRequest('BED_REQUIRED', '从待入院列表办理入院须选择床位', 'bedId');
  if (input.residentId !== undefined) await residents.get(ctx, input.residentId);
  const diagnoses = input.diagnosisCodes.map((c, i) => diagnosisEntry(c, `diagnosisCodes.${i}`));
  const admittedAt = notFuture(input.admittedAt ? new Date(input.admittedAt) : new Date(), 'admittedAt');
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const prior = await sq.byIdempotencyKey(trx, ctx.actor.id, key);
    if (prior) {
      assertSameRequest(prior.request_hash, hash, '次入院');
      return { id: prior.id, replayed: true };
    }
    let residentId = input.residentId;
    let departmentId = input.departmentId;
    let referralId = input.referralId ?? null;
    if (input.admissionRequestId !== undefined) {
      const a = await admissions.admitForStay(trx, ctx.audit, input.admissionRequestId, input.bedId ?? 0);
      if (!ctx.scope.orgIds.includes(a.orgId)) throw notFound('住院申请');
      if (residentId !== undefined && residentId !== a.residentId)
        throw badRequest('REQUEST_MISMATCH', '住院申请不是该居民的', 'admissionRequestId');
      residentId = a.residentId;
      departmentId = a.departmentId;
      referralId = a.referralId ?? referralId;
    }
    const dept = await wards.departmentById(
      trx,
      (await orgOfDepartment(trx, departmentId ?? 0)) ?? 0,
      departmentId ?? 0,
    );
    if (!ctx.scope.orgIds.includes(dept.org_id)) throw new AppError(403, 'OUT_OF_SCOPE', '该科室不在您的管理范围内');
    const bed = input.bedId !== undefined ? await wards.bedById(trx, dept.id, input.bedId) : null;
    const id = await steps.admit(trx, ctx.audit, {
      countyId: dept.county_id,
      orgId: dept.org_id,
      residentId: residentId ?? 0,
      departmentId: dept.id,
      bedId: bed?.id ?? null,
      bedCode: bed?.code ?? null,
      admittedAt,
      diagnoses,
      source: 'local',
      createdBy: ctx.actor.id,
      admissionRequestId: input.admissionRequestId ?? null,
      referralId,
      idempotencyKey: key,
      requestHash: hash,
    });
    return { id, replayed: false };
  }).catch((err: unknown) => {
    if (err instanceof Error && 'constraint' in err && err.constraint === 'stays_idempotency_key')
      throw keyReused('次入院');
    throw careDbError(err);
  });
  return { result: await withScope(ctx.db, ctx.scope, (trx) => detail(trx, out.id)), replayed: out.replayed };
}

async function orgOfDepartment(trx: Kdb, departmentId: number): Promise<number | null> {
  const r = await trx.selectFrom('departments').select('org_id').where('id', '=', departmentId).executeTakeFirst();
  return r?.org_id ?? null;
}

async function visible(ctx: Ctx, trx: Kdb, id: number) {
  const s = await sq.lockById(trx, id);
  if (!s || !ctx.scope.orgIds.includes(s.org_id)) throw notFound('住院记录');
  return s;
}

export async function list(ctx: Ctx, input: StayQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const query = sq.listed(
      trx,
      { orgIds: ctx.scope.orgIds, status: input.status, from: input.from, to: input.to, q: input.q },
      input.sort,
    );
    const { rows, meta } = await fetchPage(trx, query, input);
    await writeAudit(trx, ctx.audit, {
      action: 'stay.list',
      resource: 'stay',
      detail: { results: rows.map((r) => r.id) },
    });
    return { ...meta, items: rows.map(toStay) };
  });
}

export async function get(ctx: Ctx, id: number): Promise<StayDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await visible(ctx, trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'stay.read',
      resource: 'stay',
      resourceId: id,
      residentId: s.resident_id,
    });
    return detail(trx, id);
  });
}

export async function transfer(ctx: Ctx, id: number, input: StayTransfer): Promise<StayDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await visible(ctx, trx, id);
    const dept = await wards.departmentById(trx, s.org_id, input.departmentId);
    const bed = input.bedId !== undefined ? await wards.bedById(trx, dept.id, input.bedId) : null;
    const at = notFuture(input.at ? new Date(input.at) : new Date(), 'at');
    await steps.transfer(trx, ctx.audit, s, { departmentId: dept.id, bedId: bed?.id ?? null, bedCode: bed?.code, at });
    if (s.admission_request_id !== null)
      await admissions.followStay(trx, s.admission_request_id, { bedId: bed?.id ?? null });
    return detail(trx, id);
  }).catch((err: unknown) => {
    throw careDbError(err);
  });
}

export async function addOperation(ctx: Ctx, id: number, input: OperationCreate): Promise<StayDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await visible(ctx, trx, id);
    if (s.status === 'cancelled') throw new AppError(409, 'INVALID_TRANSITION', '该住院已撤销');
    const at = notFuture(new Date(input.performedAt), 'performedAt');
    if (at < s.admitted_at) throw badRequest('INVALID_TIME', '手术时间不能早于入院时间', 'performedAt');
    const opId = await sq.insertOperation(trx, {
      county_id: s.county_id,
      org_id: s.org_id,
      stay_id: s.id,
      code: input.code || null,
      name: input.name,
      grade: input.grade,
      performed_at: at,
      surgeon_id: ctx.actor.id,
      created_by: ctx.actor.id,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'stay.operation',
      resource: 'stay',
      resourceId: s.id,
      residentId: s.resident_id,
      detail: { operationId: opId, grade: input.grade },
    });
    return detail(trx, id);
  });
}

/**
 * 出院. A down-referral is made first through the referral feature (its own transaction,
 * idempotent on a key derived from the stay, so a retried discharge finds the same referral),
 * then the stay is discharged with it.
 */
export async function discharge(ctx: Ctx, id: number, input: StayDischarge): Promise<StayDetail> {
  const diagnoses = input.diagnosisCodes.map((c, i) => diagnosisEntry(c, `diagnosisCodes.${i}`));
  const at = notFuture(input.at ? new Date(input.at) : new Date(), 'at');
  if (input.disposition === 'down_referral' && !input.downReferral)
    throw badRequest('DOWN_REFERRAL_REQUIRED', '下转出院须填写下转机构、出院小结和康复计划', 'downReferral');
  const s = await withScope(ctx.db, ctx.scope, (trx) => visible(ctx, trx, id));
  steps.assertAdmitted(s);
  let downReferralId: number | null = null;
  if (input.disposition === 'down_referral' && input.downReferral) {
    const diagnosisCode = referralDiagnosisCode(diagnoses.map((d) => d.code));
    if (!diagnosisCode)
      throw badRequest(
        'UNKNOWN_DIAGNOSIS',
        '出院诊断在转诊病种目录中没有对应编码，请再选一个常用诊断作为下转诊断',
        'diagnosisCodes',
      );
    const r = await referrals.create(
      ctx,
      {
        residentId: s.resident_id,
        direction: 'down',
        toOrgId: input.downReferral.toOrgId,
        toDepartmentId: input.downReferral.toDepartmentId,
        urgency: 'routine',
        reason: input.downReferral.reason,
        diagnosisCode,
        summary: { vitals: {} },
        dischargeSummary: input.downReferral.dischargeSummary,
        carePlan: input.downReferral.carePlan,
        consent: { by: 'patient' },
        submit: true,
      },
      `stay-${s.id}-down-referral`,
    );
    downReferralId = r.result.id;
  }
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const locked = await visible(ctx, trx, id);
    await steps.discharge(trx, ctx.audit, locked, { at, disposition: input.disposition, diagnoses, downReferralId });
    if (locked.admission_request_id !== null)
      await admissions.followStay(trx, locked.admission_request_id, 'discharged');
    return detail(trx, id);
  });
}

export async function addFees(ctx: Ctx, id: number, input: FeeLinesBody): Promise<StayDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await visible(ctx, trx, id);
    if (s.status === 'cancelled') throw new AppError(409, 'INVALID_TRANSITION', '该住院已撤销，不能记费');
    const ids = await charges.addLines(
      trx,
      { countyId: s.county_id, orgId: s.org_id, residentId: s.resident_id, visitId: null, stayId: s.id },
      input.lines.map((l) => ({ ...l, at: new Date() })),
      ctx.actor.id,
    );
    await writeAudit(trx, ctx.audit, {
      action: 'fee.add',
      resource: 'stay',
      resourceId: id,
      residentId: s.resident_id,
      detail: { lineIds: ids },
    });
    return detail(trx, id);
  });
}
