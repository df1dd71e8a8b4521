import { writeAudit, type AuditContext } from '../platform/audit.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import * as wards from '../orgs/ward.service.ts';
import type { DiagnosisEntry, Disposition, StaysTable, CareSource } from './care.tables.ts';
import * as charges from './charge.service.ts';
import * as sq from './stay.queries.ts';
import type { Selectable } from 'kysely';

/**
 * The steps of an inpatient stay, each inside the caller's transaction: used by the screens
 * (stay.service.ts) and by the HIS interface (his-events.service.ts) alike, so a stay follows
 * the same rules whoever reports it. Bed occupancy itself is the database's (bed_occupancy).
 */
export type StayRow = Selectable<StaysTable>;

export interface AdmitStep {
  countyId: number;
  orgId: number;
  residentId: number;
  departmentId: number;
  bedId: number | null;
  bedCode?: string | null;
  admittedAt: Date;
  diagnoses: DiagnosisEntry[];
  source: CareSource;
  externalNumber?: string | null;
  createdBy: number | null;
  admissionRequestId?: number | null;
  referralId?: number | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export async function admit(trx: Kdb, audit: AuditContext, input: AdmitStep): Promise<number> {
  if (input.bedId !== null) await wards.assertBedFree(trx, input.bedId, input.residentId, input.bedCode ?? '');
  const id = await sq.insert(trx, {
    county_id: input.countyId,
    org_id: input.orgId,
    resident_id: input.residentId,
    department_id: input.departmentId,
    bed_id: input.bedId,
    admitted_at: input.admittedAt,
    admission_diagnoses: JSON.stringify(input.diagnoses) as never,
    admission_request_id: input.admissionRequestId ?? null,
    referral_id: input.referralId ?? null,
    source: input.source,
    external_number: input.externalNumber ?? null,
    created_by: input.createdBy,
    idempotency_key: input.idempotencyKey ?? null,
    request_hash: input.requestHash ?? null,
  });
  await sq.insertMovement(trx, {
    county_id: input.countyId,
    org_id: input.orgId,
    stay_id: id,
    department_id: input.departmentId,
    bed_id: input.bedId,
    from_at: input.admittedAt,
    kind: 'admission',
  });
  await writeAudit(trx, audit, {
    action: 'stay.admit',
    resource: 'stay',
    resourceId: id,
    residentId: input.residentId,
    detail: {
      departmentId: input.departmentId,
      bedId: input.bedId,
      source: input.source,
      externalNumber: input.externalNumber,
    },
  });
  return id;
}

export function assertAdmitted(stay: StayRow): void {
  if (stay.status !== 'admitted')
    throw conflict('INVALID_TRANSITION', stay.status === 'discharged' ? '该患者已出院' : '该住院已撤销', {
      currentStatus: stay.status,
    });
}

/** 转科 / 转床: closes the current period and opens the next; the trigger moves the bed. */
export async function transfer(
  trx: Kdb,
  audit: AuditContext,
  stay: StayRow,
  to: { departmentId: number; bedId: number | null; bedCode?: string | null; at: Date },
): Promise<void> {
  assertAdmitted(stay);
  if (to.at < stay.admitted_at) throw new AppError(400, 'INVALID_TIME', '转科时间不能早于入院时间', 'at');
  if (to.departmentId === stay.department_id && to.bedId === stay.bed_id) return;
  if (to.bedId !== null) await wards.assertBedFree(trx, to.bedId, stay.resident_id, to.bedCode ?? '');
  await sq.closeMovement(trx, stay.id, to.at);
  await sq.insertMovement(trx, {
    county_id: stay.county_id,
    org_id: stay.org_id,
    stay_id: stay.id,
    department_id: to.departmentId,
    bed_id: to.bedId,
    from_at: to.at,
    kind: 'transfer',
  });
  await sq.update(trx, stay.id, { department_id: to.departmentId, bed_id: to.bedId });
  await writeAudit(trx, audit, {
    action: 'stay.transfer',
    resource: 'stay',
    resourceId: stay.id,
    residentId: stay.resident_id,
    detail: { from: { departmentId: stay.department_id, bedId: stay.bed_id }, to },
  });
}

export async function discharge(
  trx: Kdb,
  audit: AuditContext,
  stay: StayRow,
  input: { at: Date; disposition: Disposition; diagnoses: DiagnosisEntry[]; downReferralId?: number | null },
): Promise<void> {
  assertAdmitted(stay);
  if (input.at < stay.admitted_at) throw new AppError(400, 'INVALID_TIME', '出院时间不能早于入院时间', 'at');
  await sq.closeMovement(trx, stay.id, input.at);
  if (
    !(await sq.discharge(trx, stay.id, {
      at: input.at,
      disposition: input.disposition,
      discharge_diagnoses: JSON.stringify(input.diagnoses) as never,
      down_referral_id: input.downReferralId ?? null,
    }))
  )
    throw conflict('INVALID_TRANSITION', '只有在院患者可以办理出院');
  await writeAudit(trx, audit, {
    action: 'stay.discharge',
    resource: 'stay',
    resourceId: stay.id,
    residentId: stay.resident_id,
    detail: { disposition: input.disposition, diagnoses: input.diagnoses.map((d) => d.code) },
  });
}

/** 撤销入院: only a stay in hospital whose charges are all refunded; its bed is freed. */
export async function cancel(trx: Kdb, audit: AuditContext, stay: StayRow): Promise<void> {
  if (stay.status === 'discharged') throw conflict('ALREADY_DISCHARGED', '该患者已出院，请先撤销出院');
  if (stay.status === 'cancelled') return;
  if (await charges.hasUnrefunded(trx, { stayId: stay.id }))
    throw conflict('UNREFUNDED_CHARGES', '该住院有未退的费用，请先退费再撤销入院');
  await sq.closeMovement(trx, stay.id, new Date(Math.max(Date.now(), stay.admitted_at.getTime())));
  await sq.update(trx, stay.id, { status: 'cancelled', bed_id: null, cancelled_at: new Date() });
  await writeAudit(trx, audit, {
    action: 'stay.cancel',
    resource: 'stay',
    resourceId: stay.id,
    residentId: stay.resident_id,
  });
}

/** 撤销出院: open again in the last bed (the trigger refuses it if the bed is taken since). */
export async function reopen(trx: Kdb, audit: AuditContext, stay: StayRow): Promise<void> {
  if (stay.status !== 'discharged') throw conflict('NOT_DISCHARGED', '该住院不是出院状态，无法撤销出院');
  await sq.reopenLastMovement(trx, stay.id);
  await sq.update(trx, stay.id, {
    status: 'admitted',
    bed_id: stay.last_bed_id,
    last_bed_id: null,
    discharged_at: null,
    disposition: null,
    discharge_diagnoses: JSON.stringify([]) as never,
    down_referral_id: null,
    length_of_stay_days: null,
  });
  await writeAudit(trx, audit, {
    action: 'stay.reopen',
    resource: 'stay',
    resourceId: stay.id,
    residentId: stay.resident_id,
  });
}
