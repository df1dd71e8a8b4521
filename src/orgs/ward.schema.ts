import { z } from 'zod';
import { idQuery } from '../platform/params.ts';

export const BED_TYPES = ['general', 'icu', 'isolation', 'paediatric', 'obstetric', 'extra'] as const;
export const BED_STATUSES = ['open', 'maintenance', 'closed'] as const;

const bodyId = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);

export const ward = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  beds: z.number(),
  openBeds: z.number(),
  occupied: z.number(),
});
export type Ward = z.infer<typeof ward>;

export const wardQuery = z.object({ orgId: idQuery().optional(), departmentId: idQuery().optional() });
export const wardCreate = z.object({
  departmentId: bodyId('科室'),
  code: z
    .string({ error: '请填写病区编码' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, '病区编码为 1–20 位字母、数字、_ 或 -'),
  name: z.string().trim().min(1, '请填写病区名称').max(40, '病区名称不能超过 40 个字'),
});
export type WardCreate = z.infer<typeof wardCreate>;
export const wardPatch = z.object({
  name: z.string().trim().min(1, '请填写病区名称').max(40, '病区名称不能超过 40 个字').optional(),
  active: z.boolean().optional(),
});
export type WardPatch = z.infer<typeof wardPatch>;

export const bedCode = z.string().trim().min(1, '床位号不能为空').max(20, '床位号不能超过 20 个字');
export const bedsCreate = z
  .object({
    /** either explicit codes, or `count` beds numbered from `startAt` with an optional prefix */
    codes: z.array(bedCode).min(1).max(200, '一次最多登记 200 张床').optional(),
    count: z.number().int().min(1, '床位数至少 1').max(200, '一次最多登记 200 张床').optional(),
    startAt: z.number().int().min(1).max(9999).default(1),
    prefix: z.string().trim().max(8, '前缀不能超过 8 个字').default(''),
    bedType: z.enum(BED_TYPES, { error: '床位类型不正确' }).default('general'),
  })
  .refine((b) => b.codes !== undefined || b.count !== undefined, { error: '请填写床位数或床位号', path: ['count'] });
export type BedsCreate = z.infer<typeof bedsCreate>;

export const bedPatch = z.object({
  bedType: z.enum(BED_TYPES, { error: '床位类型不正确' }).optional(),
  status: z.enum(BED_STATUSES, { error: '床位状态不正确' }).optional(),
});
export type BedPatch = z.infer<typeof bedPatch>;

export const bed = z.object({
  id: z.number(),
  code: z.string(),
  departmentId: z.number(),
  wardId: z.number().nullable(),
  wardName: z.string().nullable(),
  bedType: z.enum(BED_TYPES),
  status: z.enum(BED_STATUSES),
  active: z.boolean(),
  occupied: z.boolean(),
  residentId: z.number().nullable(),
  residentName: z.string().nullable(),
  stayId: z.number().nullable(),
  admissionId: z.number().nullable(),
  since: z.string().nullable(),
});
export type Bed = z.infer<typeof bed>;
