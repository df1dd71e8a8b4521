import { z } from 'zod';
import { intId, intQuery } from '../platform/params.ts';

export const HOSPITAL_LEVELS = ['national', 'provincial', 'city', 'county'] as const;

export const expert = z.object({
  id: z.number(),
  staffId: z.number().nullable(),
  name: z.string(),
  title: z.string(),
  homeHospital: z.string(),
  hospitalLevel: z.enum(HOSPITAL_LEVELS),
  speciality: z.string(),
  nativePlace: z.string().nullable(),
  allianceMember: z.boolean().describe('乡情医学联盟 member'),
  mobile: z.string().nullable().describe('masked for roles that do not arrange visits'),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type Expert = z.infer<typeof expert>;

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const expertCreate = z.object({
  name: text('姓名', 30),
  title: text('职称', 30),
  homeHospital: z.string().trim().min(2, '请填写所在医院').max(60, '医院名称不能超过 60 个字'),
  hospitalLevel: z.enum(HOSPITAL_LEVELS, { error: '医院级别应为国家级、省级、市级或县级' }),
  speciality: text('专业', 30),
  nativePlace: z.string().trim().max(40, '籍贯不能超过 40 个字').nullable().optional(),
  allianceMember: z.boolean().default(false),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头')
    .nullable()
    .optional(),
  email: z
    .string()
    .trim()
    .max(80)
    .pipe(z.email({ error: '邮箱格式不正确' }))
    .nullable()
    .optional(),
  staffId: z.number().int().positive().max(2147483647).nullable().optional(),
});
export type ExpertCreate = z.infer<typeof expertCreate>;

export const expertPatch = expertCreate.partial().extend({
  version: intId('缺少版本号'),
  active: z.boolean().optional(),
});
export type ExpertPatch = z.infer<typeof expertPatch>;

export const expertSearch = z.object({
  q: z.string().trim().max(30, '搜索词不能超过 30 个字').optional(),
  speciality: z.string().trim().max(30).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: intQuery({ min: 1, max: 200, tooBig: '每页最多 200 条' }).default(50),
  offset: intQuery({ min: 0, max: 100000 }).default(0),
});
export type ExpertSearch = z.infer<typeof expertSearch>;
export const expertPage = z.object({ items: z.array(expert), hasMore: z.boolean() });
