import { randomInt } from 'node:crypto';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, notFound, requireChanges } from '../platform/errors.ts';
import { hashPassword, rememberCurrentPassword } from '../platform/password.ts';
import type { Role } from '../platform/roles.ts';
import { revokeAllSessions } from '../platform/session.ts';
import { maskMobile } from '../platform/mask.ts';
import { seesStaffContact } from '../policy.ts';
import * as q from './staff.queries.ts';
import type { StaffCreate, StaffMember, StaffPatch, StaffQuery } from './staff.schema.ts';

const toStaff = (r: q.StaffRow, role: Role): StaffMember => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  title: r.title,
  roles: r.roles as Role[],
  orgId: r.org_id,
  orgName: r.org_name,
  departmentId: r.department_id,
  mobile: seesStaffContact(role) ? r.mobile : maskMobile(r.mobile),
  disabled: r.disabled,
  locked: r.locked,
  mustChangePassword: r.must_change_password,
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
});

/** 14 characters from all four classes, without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%&*?'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 14) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function assertOrgInScope(ctx: Ctx, orgId: number) {
  if (!ctx.scope.orgIds.includes(orgId)) throw new AppError(403, 'OUT_OF_SCOPE', '该机构不在您的管理范围内', 'orgId');
}

async function assertDepartment(ctx: Ctx, departmentId: number | null | undefined, orgId: number) {
  if (!departmentId) return;
  const dep = await q.departmentOrg(ctx.db, departmentId);
  if (!dep || dep.org_id !== orgId)
    throw new AppError(400, 'INVALID_DEPARTMENT', '所选科室不属于该机构', 'departmentId');
}

export async function list(ctx: Ctx, query: StaffQuery) {
  return (await q.search(ctx.db, ctx.scope.orgIds, query)).map((r) => toStaff(r, ctx.scope.role));
}

async function loadInScope(ctx: Ctx, id: number) {
  const row = await q.findById(ctx.db, id);
  if (!row || !ctx.scope.orgIds.includes(row.org_id)) throw notFound('账号');
  return row;
}

export async function get(ctx: Ctx, id: number) {
  return toStaff(await loadInScope(ctx, id), ctx.scope.role);
}

export async function create(ctx: Ctx, input: StaffCreate) {
  assertOrgInScope(ctx, input.orgId);
  await assertDepartment(ctx, input.departmentId, input.orgId);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await q.usernameTaken(trx, input.username))
      throw conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, { field: 'username' });
    const org = ctx.platform.orgTree.get(input.orgId);
    const row = await q.insert(trx, {
      county_id: org?.countyId ?? ctx.actor.countyId,
      org_id: input.orgId,
      department_id: input.departmentId ?? null,
      username: input.username,
      display_name: input.displayName,
      title: input.title ?? null,
      roles: [...new Set(input.roles)],
      mobile: input.mobile ?? null,
      password_hash: hash,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'staff.create',
      resource: 'staff',
      resourceId: row.id,
      detail: { username: input.username, roles: input.roles },
    });
    return row.id;
  });
  return { staff: await get(ctx, id), temporaryPassword: password };
}

export async function patch(ctx: Ctx, id: number, input: StaffPatch) {
  requireChanges(input);
  const before = await loadInScope(ctx, id);
  const orgId = input.orgId ?? before.org_id;
  assertOrgInScope(ctx, orgId);
  await assertDepartment(ctx, input.departmentId === undefined ? before.department_id : input.departmentId, orgId);
  await ctx.db.transaction().execute(async (trx) => {
    await q.update(trx, id, {
      display_name: input.displayName,
      title: input.title,
      roles: input.roles && [...new Set(input.roles)],
      org_id: input.orgId,
      department_id: input.departmentId,
      mobile: input.mobile,
    });
    // a changed role or org changes what the sessions may do: make the user sign in again
    if (input.roles || input.orgId) await revokeAllSessions(trx, id);
    await writeAudit(trx, ctx.audit, {
      action: 'staff.update',
      resource: 'staff',
      resourceId: id,
      detail: { changed: Object.keys(input) },
    });
  });
  return get(ctx, id);
}

export async function setDisabled(ctx: Ctx, id: number, disabled: boolean) {
  await loadInScope(ctx, id);
  if (disabled && id === ctx.actor.id) throw new AppError(400, 'CANNOT_DISABLE_SELF', '不能停用自己的账号');
  await ctx.db.transaction().execute(async (trx) => {
    await q.update(
      trx,
      id,
      disabled ? { disabled: true } : { disabled: false, failed_attempts: 0, locked_until: null },
    );
    if (disabled) await revokeAllSessions(trx, id);
    await writeAudit(trx, ctx.audit, {
      action: disabled ? 'staff.disable' : 'staff.enable',
      resource: 'staff',
      resourceId: id,
    });
  });
  return get(ctx, id);
}

/** Unlocks, ends every session and issues a temporary password to be changed at next login. */
export async function resetPassword(ctx: Ctx, id: number) {
  await loadInScope(ctx, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    // the temporary password is random; keeping the replaced one makes sure the forced change
    // cannot simply go back to it (nor to the 3 before it)
    await rememberCurrentPassword(trx, id);
    await q.update(trx, id, {
      password_hash: hash,
      must_change_password: true,
      failed_attempts: 0,
      locked_until: null,
    });
    await revokeAllSessions(trx, id);
    await writeAudit(trx, ctx.audit, { action: 'staff.reset_password', resource: 'staff', resourceId: id });
  });
  return { staff: await get(ctx, id), temporaryPassword: password };
}
