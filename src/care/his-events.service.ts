// PLACEHOLDER on branch `his` only: the signatures of CARE-CONTRACT.md, so that the his feature
// compiles before `git merge care`. The merge replaces this file with the care feature's own.
import type { AuditContext } from '../platform/audit.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';

const notYet = (): never => {
  throw new AppError(501, 'CARE_NOT_READY', '就诊与住院功能尚未就绪');
};

export type Disposition = 'home' | 'down_referral' | 'transfer_out' | 'death' | 'other';

export async function registerExternalVisit(
  _trx: Kdb,
  _audit: AuditContext,
  _input: {
    orgId: number;
    residentId: number;
    externalNumber: string;
    departmentCode: string;
    visitAt: Date;
    diagnosisCode?: string | null;
    tcm?: boolean;
  },
): Promise<{ visitId: number }> {
  return notYet();
}
export async function admitExternalStay(
  _trx: Kdb,
  _audit: AuditContext,
  _input: {
    orgId: number;
    residentId: number;
    externalNumber: string;
    departmentCode: string;
    bedCode?: string | null;
    admittedAt: Date;
    diagnosisCode?: string | null;
  },
): Promise<{ stayId: number }> {
  return notYet();
}
export async function transferExternalStay(
  _trx: Kdb,
  _audit: AuditContext,
  _input: { orgId: number; externalNumber: string; departmentCode: string; bedCode?: string | null; at: Date },
): Promise<{ stayId: number }> {
  return notYet();
}
export async function dischargeExternalStay(
  _trx: Kdb,
  _audit: AuditContext,
  _input: { orgId: number; externalNumber: string; at: Date; disposition: Disposition; diagnosisCode?: string | null },
): Promise<{ stayId: number }> {
  return notYet();
}
export async function updateExternalEncounter(
  _trx: Kdb,
  _audit: AuditContext,
  _input: { orgId: number; externalNumber: string; diagnosisCode?: string | null; departmentCode?: string | null },
): Promise<{ kind: 'visit' | 'stay'; id: number }> {
  return notYet();
}
export async function cancelExternalAdmit(
  _trx: Kdb,
  _audit: AuditContext,
  _input: { orgId: number; externalNumber: string },
): Promise<{ kind: 'visit' | 'stay'; id: number }> {
  return notYet();
}
export async function cancelExternalDischarge(
  _trx: Kdb,
  _audit: AuditContext,
  _input: { orgId: number; externalNumber: string },
): Promise<{ stayId: number }> {
  return notYet();
}
export async function postExternalCharges(
  _trx: Kdb,
  _audit: AuditContext,
  _input: {
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
  return notYet();
}
