import { writeAudit, type AuditContext } from '../platform/audit.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import * as wards from '../orgs/ward.service.ts';
import { step } from './care-errors.ts';
import type { Disposition } from './care.tables.ts';
import * as charges from './charge.service.ts';
import { diagnosisEntry } from './diagnosis.ts';
import * as stays from './stay.steps.ts';
import * as sq from './stay.queries.ts';
import * as visits from './visit.steps.ts';
import * as vq from './visit.queries.ts';

export { withoutSavepoints } from './care-errors.ts';

/**
 * What a county hospital's HIS reports (HL7 ADT and DFT, parsed by the his feature), applied
 * to visits and stays. Each runs inside the his feature's transaction, which has widened the
 * RLS scope to the org; each is one savepoint, so on an AppError nothing it wrote remains and
 * the his feature can still store the message and its AE acknowledgement in the same
 * transaction. Stays and visits from a HIS are keyed by (org, external_number) = PV1-19.
 */

/** the org's county: given by the caller when it knows it (the HIS sender's), else looked up */
async function orgCounty(trx: Kdb, orgId: number, known?: number): Promise<number> {
  if (known !== undefined) return known;
  const org = await trx.selectFrom('orgs').select(['county_id', 'active']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new AppError(400, 'UNKNOWN_ORG', '发送机构不存在', 'orgId');
  return org.county_id;
}

function number(externalNumber: string): string {
  const n = externalNumber.trim();
  if (!n || n.length > 40)
    throw new AppError(400, 'INVALID_EXTERNAL_NUMBER', '就诊流水号（PV1-19）为空或过长', 'externalNumber');
  return n;
}

async function bedOf(trx: Kdb, departmentId: number, bedCode: string | null | undefined) {
  if (!bedCode || !bedCode.trim()) return null;
  return wards.bedByCode(trx, departmentId, bedCode);
}

async function lockStay(trx: Kdb, orgId: number, externalNumber: string) {
  const stay = await sq.lockByExternal(trx, orgId, number(externalNumber));
  if (!stay) throw notFound(`住院记录（流水号 ${externalNumber}）`);
  return stay;
}

/** ADT^A04: an outpatient registration. The same number again returns the same visit. */
export function registerExternalVisit(
  trx: Kdb,
  audit: AuditContext,
  input: {
    orgId: number;
    /** the org's county, when the caller knows it (saves a lookup) */
    countyId?: number;
    residentId: number;
    externalNumber: string;
    departmentCode: string;
    visitAt: Date;
    diagnosisCode?: string | null;
    tcm?: boolean;
  },
): Promise<{ visitId: number }> {
  return step(trx, async () => {
    const countyId = await orgCounty(trx, input.orgId, input.countyId);
    const ext = number(input.externalNumber);
    const existing = await vq.lockByExternal(trx, input.orgId, ext);
    if (existing) {
      if (existing.resident_id !== input.residentId)
        throw conflict('EXTERNAL_NUMBER_TAKEN', `流水号 ${ext} 已登记为另一位患者的就诊`);
      return { visitId: existing.id };
    }
    const dept = await wards.departmentByCode(trx, input.orgId, input.departmentCode);
    const visitId = await visits.register(trx, audit, {
      countyId,
      orgId: input.orgId,
      residentId: input.residentId,
      departmentId: dept.id,
      registeredAt: input.visitAt,
      useQueue: false,
      diagnoses: input.diagnosisCode ? [diagnosisEntry(input.diagnosisCode)] : [],
      tcm: input.tcm ?? false,
      source: 'his',
      externalNumber: ext,
      createdBy: null,
    });
    return { visitId };
  });
}

/** ADT^A01: an admission; idempotent on (org, number). */
export function admitExternalStay(
  trx: Kdb,
  audit: AuditContext,
  input: {
    orgId: number;
    /** the org's county, when the caller knows it (saves a lookup) */
    countyId?: number;
    residentId: number;
    externalNumber: string;
    departmentCode: string;
    bedCode?: string | null;
    admittedAt: Date;
    diagnosisCode?: string | null;
  },
): Promise<{ stayId: number }> {
  return step(trx, async () => {
    const countyId = await orgCounty(trx, input.orgId, input.countyId);
    const ext = number(input.externalNumber);
    const existing = await sq.lockByExternal(trx, input.orgId, ext);
    if (existing) {
      if (existing.resident_id !== input.residentId)
        throw conflict('EXTERNAL_NUMBER_TAKEN', `流水号 ${ext} 已登记为另一位患者的住院`);
      return { stayId: existing.id };
    }
    const dept = await wards.departmentByCode(trx, input.orgId, input.departmentCode);
    const bed = await bedOf(trx, dept.id, input.bedCode);
    const stayId = await stays.admit(trx, audit, {
      countyId,
      orgId: input.orgId,
      residentId: input.residentId,
      departmentId: dept.id,
      bedId: bed?.id ?? null,
      bedCode: bed?.code ?? null,
      admittedAt: input.admittedAt,
      diagnoses: input.diagnosisCode ? [diagnosisEntry(input.diagnosisCode)] : [],
      source: 'his',
      externalNumber: ext,
      createdBy: null,
    });
    return { stayId };
  });
}

/** ADT^A02: to another department and/or bed. */
export function transferExternalStay(
  trx: Kdb,
  audit: AuditContext,
  input: { orgId: number; externalNumber: string; departmentCode: string; bedCode?: string | null; at: Date },
): Promise<{ stayId: number }> {
  return step(trx, async () => {
    const stay = await lockStay(trx, input.orgId, input.externalNumber);
    const dept = await wards.departmentByCode(trx, input.orgId, input.departmentCode);
    const bed = await bedOf(trx, dept.id, input.bedCode);
    await stays.transfer(trx, audit, stay, {
      departmentId: dept.id,
      bedId: bed?.id ?? null,
      bedCode: bed?.code,
      at: input.at,
    });
    return { stayId: stay.id };
  });
}

/** ADT^A03: discharge with disposition (PV1-36 mapped by the his feature). */
export function dischargeExternalStay(
  trx: Kdb,
  audit: AuditContext,
  input: { orgId: number; externalNumber: string; at: Date; disposition: Disposition; diagnosisCode?: string | null },
): Promise<{ stayId: number }> {
  return step(trx, async () => {
    const stay = await lockStay(trx, input.orgId, input.externalNumber);
    const diagnoses = input.diagnosisCode
      ? [diagnosisEntry(input.diagnosisCode)]
      : (stay.admission_diagnoses as unknown as { code: string; name: string }[]);
    await stays.discharge(trx, audit, stay, { at: input.at, disposition: input.disposition, diagnoses });
    return { stayId: stay.id };
  });
}

/** ADT^A08: corrects the diagnosis and/or department of an open stay or visit (null = unchanged). */
export function updateExternalEncounter(
  trx: Kdb,
  audit: AuditContext,
  input: { orgId: number; externalNumber: string; diagnosisCode?: string | null; departmentCode?: string | null },
): Promise<{ kind: 'visit' | 'stay'; id: number }> {
  return step(trx, async () => {
    const ext = number(input.externalNumber);
    const diagnosis = input.diagnosisCode ? diagnosisEntry(input.diagnosisCode) : null;
    const dept = input.departmentCode ? await wards.departmentByCode(trx, input.orgId, input.departmentCode) : null;
    const stay = await sq.lockByExternal(trx, input.orgId, ext);
    if (stay) {
      stays.assertAdmitted(stay);
      if (diagnosis) {
        const rest = (stay.admission_diagnoses as unknown as { code: string }[]).slice(1);
        await sq.update(trx, stay.id, { admission_diagnoses: JSON.stringify([diagnosis, ...rest]) as never });
      }
      if (dept && dept.id !== stay.department_id) {
        // a correction of where the patient is, not a transfer: a bed of the old department is let go
        await sq.update(trx, stay.id, { department_id: dept.id, bed_id: null });
        await sq.updateCurrentMovement(trx, stay.id, { department_id: dept.id, bed_id: null });
      }
      await writeAudit(trx, audit, {
        action: 'stay.update',
        resource: 'stay',
        resourceId: stay.id,
        residentId: stay.resident_id,
        detail: { diagnosis: diagnosis?.code ?? null, departmentId: dept?.id ?? null },
      });
      return { kind: 'stay' as const, id: stay.id };
    }
    const visit = await vq.lockByExternal(trx, input.orgId, ext);
    if (!visit) throw notFound(`就诊记录（流水号 ${ext}）`);
    if (visit.status === 'cancelled') throw conflict('INVALID_TRANSITION', '该就诊已撤销');
    const before = { diagnoses: visit.diagnoses, departmentId: visit.department_id };
    const diagnoses = diagnosis
      ? [diagnosis, ...(visit.diagnoses as unknown as { code: string }[]).slice(1)]
      : (visit.diagnoses as unknown);
    await vq.update(trx, visit.id, {
      diagnoses: JSON.stringify(diagnoses) as never,
      department_id: dept?.id ?? visit.department_id,
    });
    if (visit.status === 'closed')
      await vq.insertAmendment(trx, {
        county_id: visit.county_id,
        org_id: visit.org_id,
        visit_id: visit.id,
        what: 'his_update',
        before: JSON.stringify(before),
        after: JSON.stringify({ diagnoses, departmentId: dept?.id ?? visit.department_id }),
        reason: `HIS 更新（${audit.username ?? 'his'}）`,
        staff_id: null,
      });
    await writeAudit(trx, audit, {
      action: 'visit.update',
      resource: 'visit',
      resourceId: visit.id,
      residentId: visit.resident_id,
      detail: { diagnosis: diagnosis?.code ?? null, departmentId: dept?.id ?? null },
    });
    return { kind: 'visit' as const, id: visit.id };
  });
}

/** ADT^A11: cancels an admission (or an A04 registration); refused while charges stand. */
export function cancelExternalAdmit(
  trx: Kdb,
  audit: AuditContext,
  input: { orgId: number; externalNumber: string },
): Promise<{ kind: 'visit' | 'stay'; id: number }> {
  return step(trx, async () => {
    const ext = number(input.externalNumber);
    const stay = await sq.lockByExternal(trx, input.orgId, ext);
    if (stay) {
      await stays.cancel(trx, audit, stay);
      return { kind: 'stay' as const, id: stay.id };
    }
    const visit = await vq.lockByExternal(trx, input.orgId, ext);
    if (!visit) throw notFound(`就诊记录（流水号 ${ext}）`);
    await visits.cancel(trx, audit, visit, 'HIS A11');
    return { kind: 'visit' as const, id: visit.id };
  });
}

/** ADT^A13: the stay is open again in its last bed. */
export function cancelExternalDischarge(
  trx: Kdb,
  audit: AuditContext,
  input: { orgId: number; externalNumber: string },
): Promise<{ stayId: number }> {
  return step(trx, async () => {
    const stay = await lockStay(trx, input.orgId, input.externalNumber);
    await stays.reopen(trx, audit, stay);
    return { stayId: stay.id };
  });
}

/** DFT^P03: fee lines (FT1), idempotent on (org, external line id). */
export function postExternalCharges(
  trx: Kdb,
  audit: AuditContext,
  input: {
    orgId: number;
    externalNumber: string;
    lines: Array<{
      itemCode: string;
      quantity: number;
      at: Date;
      unitPriceFen?: number | null;
      externalLineId: string;
    }>;
  },
): Promise<{ lineIds: number[] }> {
  return step(trx, async () => {
    const ext = number(input.externalNumber);
    if (input.lines.some((l) => !l.externalLineId?.trim()))
      throw new AppError(400, 'INVALID_LINE_ID', '费用明细缺少交易流水号（FT1-2）', 'externalLineId');
    const stay = await sq.lockByExternal(trx, input.orgId, ext);
    const visit = stay ? null : await vq.lockByExternal(trx, input.orgId, ext);
    const owner = stay ?? visit;
    if (!owner) throw notFound(`就诊记录（流水号 ${ext}）`);
    if (owner.status === 'cancelled') throw conflict('INVALID_TRANSITION', '该就诊已撤销，不能记费');
    const lineIds = await charges.addLines(
      trx,
      {
        countyId: owner.county_id,
        orgId: owner.org_id,
        residentId: owner.resident_id,
        visitId: stay ? null : owner.id,
        stayId: stay ? owner.id : null,
      },
      input.lines.map((l) => ({
        ...l,
        itemCode: l.itemCode.trim().toUpperCase(),
        externalLineId: l.externalLineId.trim(),
      })),
      null,
    );
    await writeAudit(trx, audit, {
      action: 'fee.post',
      resource: stay ? 'stay' : 'visit',
      resourceId: owner.id,
      residentId: owner.resident_id,
      detail: { lines: input.lines.map((l) => l.externalLineId), lineIds },
    });
    return { lineIds };
  });
}
