import { z } from 'zod';
import { idQuery, intId, personName } from '../platform/params.ts';
import { ROLES } from '../platform/roles.ts';

export const staffMember = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  orgId: z.number(),
  orgName: z.string(),
  departmentId: z.number().nullable(),
  mobile: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const staffQuery = z.object({
  orgId: idQuery().optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(40, '搜索词不能超过 40 个字').optional(),
});
export type StaffQuery = z.infer<typeof staffQuery>;

export const staffCreate = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头'),
  displayName: personName(40),
  title: z.string().trim().max(40, '职称不能超过 40 个字').nullable().optional(),
  roles: z
    .array(z.enum(ROLES, { error: '角色不正确' }))
    .min(1, '请至少选择一个角色')
    .max(5, '角色最多 5 个'),
  orgId: intId('请选择机构'),
  departmentId: intId('请选择科室').nullable().optional(),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字')
    .nullable()
    .optional(),
});
export type StaffCreate = z.infer<typeof staffCreate>;

export const staffPatch = staffCreate.omit({ username: true }).partial();
export type StaffPatch = z.infer<typeof staffPatch>;

/** A temporary password is shown once to the admin; the user must replace it at first login. */
export const staffWithPassword = z.object({ staff: staffMember, temporaryPassword: z.string() });
