import { AppError } from '../platform/errors.ts';
import type { Kdb } from '../platform/db.ts';
import * as wq from './ward.queries.ts';

/**
 * Lookups the features standing on wards and beds use inside their own transactions (the
 * stays, the HIS interface through them): a department by its code within an org, a bed by
 * its code within a department. Unknown or inactive codes are the caller's input: 400.
 */
export async function departmentByCode(db: Kdb, orgId: number, code: string) {
  const d = await wq.departmentByCode(db, orgId, code.trim());
  if (!d || !d.active)
    throw new AppError(400, 'UNKNOWN_DEPARTMENT', `科室编码 ${code} 在该机构不存在或已停用`, 'departmentCode');
  return d;
}

export async function departmentById(db: Kdb, orgId: number, id: number) {
  const d = await wq.departmentById(db, id);
  if (!d || d.org_id !== orgId || !d.active)
    throw new AppError(400, 'UNKNOWN_DEPARTMENT', '科室不存在、已停用或不属于该机构', 'departmentId');
  return d;
}

export async function bedByCode(db: Kdb, departmentId: number, code: string) {
  const b = await wq.bedByCode(db, departmentId, code.trim());
  if (!b || !b.active) throw new AppError(400, 'UNKNOWN_BED', `床位 ${code} 在该科室不存在或已停用`, 'bedCode');
  return b;
}

export async function bedById(db: Kdb, departmentId: number, id: number) {
  const b = await wq.bedById(db, id);
  if (!b || b.department_id !== departmentId || !b.active)
    throw new AppError(400, 'UNKNOWN_BED', '床位不存在、已停用或不属于该科室', 'bedId');
  return b;
}

/** A clear answer before the trigger's: the trigger still decides a race. */
export async function assertBedFree(db: Kdb, bedId: number, residentId: number, code: string): Promise<void> {
  const b = await wq.bedById(db, bedId);
  if (b && b.status !== 'open') throw new AppError(409, 'BED_NOT_OPEN', `床位 ${code} 停用或维修中`);
  const held = await wq.isOccupied(db, bedId);
  if (held && held.resident_id !== residentId)
    throw new AppError(409, 'BED_OCCUPIED', `床位 ${code} 已有患者，请选择其他床位`);
}
