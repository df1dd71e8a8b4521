import type { Selectable } from 'kysely';
import { writeAudit, type AuditContext } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Kdb } from '../platform/db.ts';
import { conflict } from '../platform/errors.ts';
import type { CareSource, DiagnosisEntry, VisitsTable } from './care.tables.ts';
import * as charges from './charge.service.ts';
import * as vq from './visit.queries.ts';

/** The steps of an outpatient visit inside the caller's transaction (screens and HIS alike). */
export type VisitRow = Selectable<VisitsTable>;

export interface RegisterStep {
  countyId: number;
  orgId: number;
  residentId: number;
  departmentId: number | null;
  registeredAt: Date;
  useQueue: boolean;
  chiefComplaint?: string | null;
  diagnoses: DiagnosisEntry[];
  tcm: boolean;
  referralId?: number | null;
  clinicSessionId?: number | null;
  source: CareSource;
  externalNumber?: string | null;
  doctorId?: number | null;
  createdBy: number | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export async function register(trx: Kdb, audit: AuditContext, input: RegisterStep): Promise<number> {
  const day = shanghaiDate(input.registeredAt);
  const queueNo = input.useQueue ? await vq.nextQueueNo(trx, input.orgId, day) : null;
  const id = await vq.insert(trx, {
    county_id: input.countyId,
    org_id: input.orgId,
    resident_id: input.residentId,
    department_id: input.departmentId,
    registered_at: input.registeredAt,
    visit_day: day,
    queue_no: queueNo,
    chief_complaint: input.chiefComplaint ?? null,
    diagnoses: JSON.stringify(input.diagnoses) as never,
    tcm: input.tcm,
    referral_id: input.referralId ?? null,
    clinic_session_id: input.clinicSessionId ?? null,
    source: input.source,
    external_number: input.externalNumber ?? null,
    doctor_id: input.doctorId ?? null,
    created_by: input.createdBy,
    idempotency_key: input.idempotencyKey ?? null,
    request_hash: input.requestHash ?? null,
  });
  await writeAudit(trx, audit, {
    action: 'visit.register',
    resource: 'visit',
    resourceId: id,
    residentId: input.residentId,
    detail: { orgId: input.orgId, source: input.source, externalNumber: input.externalNumber, queueNo },
  });
  return id;
}

/** 撤销挂号: only with every charge refunded; the visit then counts in no figure. */
export async function cancel(trx: Kdb, audit: AuditContext, visit: VisitRow, reason?: string): Promise<void> {
  if (visit.status === 'cancelled') return;
  if (await charges.hasUnrefunded(trx, { visitId: visit.id }))
    throw conflict('UNREFUNDED_CHARGES', '该就诊有未退的费用，请先退费再撤销');
  await vq.update(trx, visit.id, { status: 'cancelled', cancelled_at: new Date() });
  await writeAudit(trx, audit, {
    action: 'visit.cancel',
    resource: 'visit',
    resourceId: visit.id,
    residentId: visit.resident_id,
    detail: reason ? { reason } : undefined,
  });
}
