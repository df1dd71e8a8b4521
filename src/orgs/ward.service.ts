import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, isUniqueViolation, notFound, requireChanges } from '../platform/errors.ts';
import { must } from '../platform/must.ts';
import type { Bed, BedPatch, BedsCreate, Ward, WardCreate, WardPatch } from './ward.schema.ts';
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

// ---- the administrator's screens: wards and beds per department ----

const toBed = (b: Awaited<ReturnType<typeof wq.bedsWithOccupancy>>[number]): Bed => ({
  id: b.id,
  code: b.code,
  departmentId: b.department_id,
  wardId: b.ward_id,
  wardName: b.ward_name,
  bedType: b.bed_type,
  status: b.status,
  active: b.active,
  occupied: b.resident_id !== null,
  residentId: b.resident_id,
  residentName: b.resident_name,
  stayId: b.stay_id,
  admissionId: b.admission_id,
  since: b.since === null ? null : new Date(b.since).toISOString(),
});

export async function listWards(ctx: Ctx, input: { orgId?: number; departmentId?: number }): Promise<Ward[]> {
  const orgIds = input.orgId !== undefined ? ctx.scope.orgIds.filter((o) => o === input.orgId) : ctx.scope.orgIds;
  return withScope(ctx.db, ctx.scope, async (trx) =>
    (await wq.wardsOf(trx, orgIds, input.departmentId)).map((w) => ({
      id: w.id,
      orgId: w.org_id,
      orgName: w.org_name,
      departmentId: w.department_id,
      departmentName: w.department_name,
      code: w.code,
      name: w.name,
      active: w.active,
      beds: w.beds,
      openBeds: w.open_beds,
      occupied: w.occupied,
    })),
  );
}

async function wardInScope(ctx: Ctx, trx: Kdb, id: number) {
  const w = await wq.wardById(trx, id);
  if (!w || !ctx.scope.orgIds.includes(w.org_id)) throw notFound('病区');
  return w;
}

export async function createWard(ctx: Ctx, input: WardCreate): Promise<Ward> {
  const d = await wq.departmentById(ctx.db, input.departmentId);
  if (!d || !ctx.scope.orgIds.includes(d.org_id))
    throw new AppError(400, 'UNKNOWN_DEPARTMENT', '科室不存在或不在您的管理范围内', 'departmentId');
  const id = await withScope(ctx.db, ctx.scope, async (trx) => {
    const wardId = await wq
      .insertWard(trx, {
        county_id: d.county_id,
        org_id: d.org_id,
        department_id: d.id,
        code: input.code,
        name: input.name,
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'wards_org_id_code_key'))
          throw new AppError(409, 'WARD_CODE_TAKEN', `病区编码 ${input.code} 在该机构已被使用`, 'code');
        throw err;
      });
    await writeAudit(trx, ctx.audit, { action: 'ward.create', resource: 'ward', resourceId: wardId, detail: input });
    return wardId;
  });
  return must(
    (await listWards(ctx, { departmentId: d.id })).find((w) => w.id === id),
    'new ward',
  );
}

export async function patchWard(ctx: Ctx, id: number, input: WardPatch): Promise<Ward> {
  requireChanges(input);
  const w = await withScope(ctx.db, ctx.scope, async (trx) => {
    const ward = await wardInScope(ctx, trx, id);
    await wq.updateWard(trx, id, input);
    await writeAudit(trx, ctx.audit, { action: 'ward.update', resource: 'ward', resourceId: id, detail: input });
    return ward;
  });
  return must(
    (await listWards(ctx, { departmentId: w.department_id })).find((x) => x.id === id),
    'ward',
  );
}

export async function wardBeds(ctx: Ctx, id: number): Promise<Bed[]> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    await wardInScope(ctx, trx, id);
    return (await wq.bedsWithOccupancy(trx, { wardId: id })).map(toBed);
  });
}

export async function departmentBeds(ctx: Ctx, departmentId: number): Promise<Bed[]> {
  const d = await wq.departmentById(ctx.db, departmentId);
  if (!d || !ctx.scope.orgIds.includes(d.org_id)) throw notFound('科室');
  return withScope(ctx.db, ctx.scope, async (trx) =>
    (await wq.bedsWithOccupancy(trx, { departmentId })).filter((b) => b.active).map(toBed),
  );
}

export async function addBeds(ctx: Ctx, wardId: number, input: BedsCreate): Promise<Bed[]> {
  const codes =
    input.codes ??
    Array.from({ length: input.count ?? 0 }, (_, i) => `${input.prefix}${String(input.startAt + i).padStart(2, '0')}`);
  if (new Set(codes).size !== codes.length) throw new AppError(400, 'DUPLICATE_BED', '床位号有重复', 'codes');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const w = await wardInScope(ctx, trx, wardId);
    const taken = await wq.bedCodesTaken(trx, w.department_id, codes);
    if (taken.length)
      throw new AppError(409, 'BED_CODE_TAKEN', `床位号已存在：${taken.map((t) => t.code).join('、')}`, 'codes');
    const ids = await wq.insertBeds(
      trx,
      codes.map((code) => ({
        county_id: w.county_id,
        org_id: w.org_id,
        department_id: w.department_id,
        ward_id: w.id,
        code,
        bed_type: input.bedType,
      })),
    );
    await writeAudit(trx, ctx.audit, {
      action: 'bed.create',
      resource: 'ward',
      resourceId: wardId,
      detail: { codes, ids },
    });
    return (await wq.bedsWithOccupancy(trx, { wardId })).map(toBed);
  });
}

/** Type and status; a bed that holds a patient cannot be taken out of service. */
export async function patchBed(ctx: Ctx, id: number, input: BedPatch): Promise<Bed> {
  requireChanges(input);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const b = await wq.bedById(trx, id);
    if (!b || !ctx.scope.orgIds.includes(b.org_id)) throw notFound('床位');
    if (input.status && input.status !== 'open' && (await wq.isOccupied(trx, id)))
      throw new AppError(409, 'BED_OCCUPIED', '床位上有患者，不能停用或维修；请先转床或出院');
    await wq.updateBed(trx, id, { bed_type: input.bedType, status: input.status });
    await writeAudit(trx, ctx.audit, { action: 'bed.update', resource: 'bed', resourceId: id, detail: input });
    const row = (await wq.bedsWithOccupancy(trx, { departmentId: b.department_id })).find((x) => x.id === id);
    return toBed(must(row, 'bed'));
  });
}
