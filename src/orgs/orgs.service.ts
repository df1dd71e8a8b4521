import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, notFound, requireChanges } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as q from './orgs.queries.ts';
import {
  PARENT_KINDS,
  type DepartmentCreate,
  type DepartmentPatch,
  type OrgCreate,
  type OrgPatch,
} from './orgs.schema.ts';

/** The org network visible to the caller: the whole county and its partner hospitals. */
export async function list(ctx: Ctx) {
  return (await q.listByIds(ctx.db, ctx.scope.orgIds)).map(q.toOrg);
}

export async function get(ctx: Ctx, id: number) {
  if (!ctx.scope.orgIds.includes(id)) throw notFound('机构');
  const row = await q.findById(ctx.db, id);
  if (!row) throw notFound('机构');
  return { ...q.toOrg(row), departments: (await q.departmentsOf(ctx.db, id)).map(q.toDepartment) };
}

function assertInScope(ctx: Ctx, orgId: number) {
  if (!ctx.scope.orgIds.includes(orgId)) throw new AppError(403, 'OUT_OF_SCOPE', '该机构不在您的管理范围内');
}

export async function create(ctx: Ctx, input: OrgCreate) {
  const allowedParents = PARENT_KINDS[input.kind];
  const result = await ctx.db.transaction().execute(async (trx) => {
    if (await q.codeTaken(trx, input.code))
      throw conflict('ORG_CODE_TAKEN', `机构编码 ${input.code} 已被使用`, { field: 'code' });
    let parentPath = '/';
    let countyId: number | null;
    if (allowedParents.length === 0) {
      if (input.kind === 'county')
        throw new AppError(400, 'INVALID_PARENT', '县级医共体根机构只能在初始化时创建', 'kind');
      if (input.parentId !== null)
        throw new AppError(400, 'INVALID_PARENT', '县外合作医院不挂在县内机构之下', 'parentId');
      countyId = ctx.actor.countyId;
    } else {
      if (input.parentId === null) throw new AppError(400, 'INVALID_PARENT', '请选择上级机构', 'parentId');
      assertInScope(ctx, input.parentId);
      const parent = await q.findById(trx, input.parentId);
      if (!parent) throw new AppError(400, 'INVALID_PARENT', '上级机构不存在', 'parentId');
      if (!allowedParents.includes(parent.kind as never)) {
        throw new AppError(400, 'INVALID_PARENT', `「${parent.name}」之下不能设立此类机构`, 'parentId');
      }
      parentPath = parent.path;
      countyId = parent.county_id;
    }
    const row = await q.insert(
      trx,
      {
        county_id: countyId,
        parent_id: input.parentId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        level: input.level,
        division_code: input.divisionCode ?? null,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        specialities: input.specialities,
        beds: input.beds,
        phone: input.phone ?? null,
      },
      parentPath,
    );
    await writeAudit(trx, ctx.audit, {
      action: 'org.create',
      resource: 'org',
      resourceId: row.id,
      detail: { code: row.code, name: row.name },
    });
    // every process reloads its org tree (the platform listens for 'org.'), this one included
    await publish(trx, { topic: 'org.created', countyId, orgIds: [row.id], data: { id: row.id } });
    return q.toOrg(row);
  });
  ctx.platform.orgTree.invalidate();
  return result;
}

export async function patch(ctx: Ctx, id: number, input: OrgPatch) {
  requireChanges(input);
  assertInScope(ctx, id);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await q.lockById(trx, id);
    if (!before) throw notFound('机构');
    const row = await q.update(trx, id, {
      name: input.name,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      specialities: input.specialities,
      beds: input.beds,
      phone: input.phone,
      division_code: input.divisionCode,
      active: input.active,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'org.update',
      resource: 'org',
      resourceId: id,
      detail: { changed: Object.keys(input) },
    });
    return q.toOrg(row);
  });
}

export async function createDepartment(ctx: Ctx, orgId: number, input: DepartmentCreate) {
  assertInScope(ctx, orgId);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await q.findById(trx, orgId);
    if (!org) throw notFound('机构');
    if (await q.departmentCodeTaken(trx, orgId, input.code)) {
      throw conflict('DEPARTMENT_CODE_TAKEN', `「${org.name}」已有编码为 ${input.code} 的科室`, { field: 'code' });
    }
    const row = await q.insertDepartment(trx, {
      county_id: org.county_id,
      org_id: orgId,
      code: input.code,
      name: input.name,
      speciality: input.speciality ?? null,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'department.create',
      resource: 'department',
      resourceId: row.id,
      detail: { orgId, name: row.name },
    });
    return q.toDepartment(row);
  });
}

export async function patchDepartment(ctx: Ctx, id: number, input: DepartmentPatch) {
  requireChanges(input);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await q.findDepartment(trx, id);
    if (!before || !ctx.scope.orgIds.includes(before.org_id)) throw notFound('科室');
    const row = await q.updateDepartment(trx, id, {
      name: input.name,
      speciality: input.speciality,
      active: input.active,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'department.update',
      resource: 'department',
      resourceId: id,
      detail: { changed: Object.keys(input) },
    });
    return q.toDepartment(row);
  });
}
