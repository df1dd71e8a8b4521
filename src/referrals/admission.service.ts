import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as residents from '../residents/residents.service.ts';
import * as aq from './admission.queries.ts';
import type { Admission, AdmissionCreate, BedBoard } from './admission.schema.ts';
import { referralPriority } from './referral.service.ts';
import { iso, isoAt } from './referral.view.ts';

const toAdmission = (r: aq.AdmissionRow): Admission => ({
  id: r.id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  referralId: r.referral_id,
  orgId: r.org_id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  urgency: r.urgency,
  priority: r.priority,
  status: r.status,
  bedId: r.bed_id,
  bedCode: r.bed_code,
  note: r.note,
  requestedAt: isoAt(r.requested_at),
  admittedAt: iso(r.admitted_at),
  dischargedAt: iso(r.discharged_at),
});

async function department(ctx: Ctx, db: Kdb, departmentId: number) {
  const d = await aq.findDepartment(db, departmentId);
  if (!d || d.county_id !== ctx.actor.countyId || !ctx.scope.orgIds.includes(d.org_id))
    throw badRequest('INVALID_DEPARTMENT', '科室不存在或不在您的管辖范围内', 'departmentId');
  return d;
}

const announce = (trx: Kdb, countyId: number, orgId: number, data: Record<string, unknown>) =>
  publish(trx, { topic: 'admission.changed', countyId, orgIds: [orgId], data });

export async function addBeds(ctx: Ctx, departmentId: number, codes: string[]): Promise<BedBoard> {
  const d = await department(ctx, ctx.db, departmentId);
  await ctx.db.transaction().execute(async (trx) => {
    await aq.insertBeds(trx, d, [...new Set(codes)]);
    await writeAudit(trx, ctx.audit, { action: 'bed.create', resource: 'bed', detail: { departmentId, codes } });
  });
  return board(ctx, departmentId);
}

export async function request(ctx: Ctx, input: AdmissionCreate): Promise<Admission> {
  await residents.get(ctx, input.residentId);
  const d = await department(ctx, ctx.db, input.departmentId);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const priority = await referralPriority(trx, input.referralId, input.residentId);
    const id = await aq
      .insertRequest(trx, {
        county_id: d.county_id,
        resident_id: input.residentId,
        referral_id: input.referralId ?? null,
        org_id: d.org_id,
        department_id: d.id,
        urgency: input.urgency,
        priority,
        note: input.note ?? null,
        requested_by: ctx.actor.id,
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'admission_one_open_per_referral'))
          throw conflict('ALREADY_REQUESTED', '该转诊患者已有住院申请');
        throw err;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.request',
      resource: 'admission',
      resourceId: id,
      residentId: input.residentId,
    });
    await announce(trx, d.county_id, d.org_id, { id, departmentId: d.id, status: 'requested' });
    return toAdmission(await aq.getById(trx, id));
  });
}

export async function board(ctx: Ctx, departmentId: number): Promise<BedBoard> {
  const d = await department(ctx, ctx.db, departmentId);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const beds = await aq.activeBeds(trx, departmentId);
    const open = await aq.openForDepartment(trx, departmentId);
    await writeAudit(trx, ctx.audit, {
      action: 'admission.board',
      resource: 'admission',
      detail: { departmentId, results: open.map((r) => r.id) },
    });
    return {
      department: { id: d.id, name: d.name, orgId: d.org_id },
      beds: beds.map((b) => ({
        id: b.id,
        code: b.code,
        admission: (() => {
          const a = open.find((x) => x.bed_id === b.id && x.status === 'admitted');
          return a ? toAdmission(a) : null;
        })(),
      })),
      waiting: open.filter((a) => a.status === 'requested').map(toAdmission),
    };
  });
}

/** One patient per bed and one bed per patient: the partial unique index settles a race. */
export async function admit(ctx: Ctx, id: number, bedId: number): Promise<Admission> {
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const a = await aq.findRequest(trx, id);
    if (!a) return null;
    const bed = await aq.findBed(trx, bedId);
    if (!bed || bed.department_id !== a.department_id) throw badRequest('INVALID_BED', '床位不属于该科室', 'bedId');
    if (!(await aq.admit(trx, id, bedId)))
      throw conflict('INVALID_TRANSITION', '该住院申请已办理或已撤销', { currentStatus: a.status });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.admit',
      resource: 'admission',
      resourceId: id,
      residentId: a.resident_id,
      detail: { bedId },
    });
    await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'admitted' });
    return toAdmission(await aq.getById(trx, id));
  }).catch((err: unknown) => {
    // a bed is held by an admitted request or an inpatient stay (bed_occupancy, 0030_care_wards_beds.sql)
    if (isUniqueViolation(err, 'admission_one_patient_per_bed', 'bed_occupancy_pkey'))
      throw conflict('BED_OCCUPIED', '该床位已有患者，请选择其他床位');
    throw err;
  });
  if (!out) throw notFound('住院申请');
  return out;
}

export async function discharge(ctx: Ctx, id: number): Promise<Admission> {
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const a = await aq.findRequest(trx, id);
    if (!a) return null;
    if (!(await aq.discharge(trx, id)))
      throw new AppError(409, 'INVALID_TRANSITION', '只有在院患者可以办理出院', undefined, { currentStatus: a.status });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.discharge',
      resource: 'admission',
      resourceId: id,
      residentId: a.resident_id,
    });
    await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'discharged' });
    return toAdmission(await aq.getById(trx, id));
  });
  if (!out) throw notFound('住院申请');
  return out;
}

/**
 * The care feature admits an inpatient stay from a waiting request (三优先 board) inside its
 * own transaction: the request is admitted to the bed the stay takes (the two share the one
 * bed_occupancy row, so the bed is counted once) and its facts come back for the stay.
 */
export async function admitForStay(trx: Kdb, audit: Ctx['audit'], id: number, bedId: number) {
  const a = await aq.findRequest(trx, id);
  if (!a) throw notFound('住院申请');
  if (!(await aq.admit(trx, id, bedId)))
    throw conflict('INVALID_TRANSITION', '该住院申请已办理或已撤销', { currentStatus: a.status });
  await writeAudit(trx, audit, {
    action: 'admission.admit',
    resource: 'admission',
    resourceId: id,
    residentId: a.resident_id,
    detail: { bedId, stay: true },
  });
  await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'admitted' });
  return { residentId: a.resident_id, departmentId: a.department_id, orgId: a.org_id, referralId: a.referral_id };
}

/** The request follows its stay: a new bed, discharge, or cancellation (no bed: the request is done). */
export async function followStay(
  trx: Kdb,
  id: number,
  change: { bedId: number | null } | 'discharged' | 'cancelled',
): Promise<void> {
  const a = await aq.findRequest(trx, id);
  if (!a || a.status !== 'admitted') return;
  if (change === 'cancelled') await aq.cancelAdmitted(trx, id);
  else if (change === 'discharged' || change.bedId === null) await aq.discharge(trx, id);
  else await aq.moveBed(trx, id, change.bedId);
  await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'changed' });
}
