import { z } from 'zod';
import { idQuery, intId, intQuery, isoDate, personName } from '../platform/params.ts';

export const INSURANCE_TYPES = ['employee', 'resident', 'none'] as const;
export const CHRONIC_CONDITIONS = [
  'hypertension',
  'diabetes',
  'copd',
  'coronary',
  'stroke',
  'tuberculosis',
  'mental',
  'cancer',
] as const;

export const resident = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  idNumber: z.string().describe('masked unless revealed'),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  age: z.number(),
  mobile: z.string().nullable().describe('masked unless revealed'),
  village: z.string().nullable(),
  householdNo: z.string().nullable(),
  address: z.string().nullable(),
  insuranceType: z.enum(INSURANCE_TYPES),
  registeredPoor: z.boolean(),
  chronicConditions: z.array(z.string()),
  deceasedOn: z.string().nullable(),
  version: z.number(),
});
export type Resident = z.infer<typeof resident>;

export const residentSearch = z.object({
  q: z.string().trim().max(40, '搜索词不能超过 40 个字').optional(),
  orgId: idQuery().optional(),
  condition: z.enum(CHRONIC_CONDITIONS).optional(),
  limit: intQuery({ min: 1, max: 100, tooBig: '每页最多 100 条' }).default(20),
  offset: intQuery({ min: 0, max: 2000, tooBig: '请缩小搜索范围（最多翻到第 2,000 条）' }).default(0),
});
export type ResidentSearch = z.infer<typeof residentSearch>;

export const residentPage = z.object({
  items: z.array(resident),
  hasMore: z.boolean(),
  matchedBy: z.enum(['id_number', 'mobile', 'pinyin', 'name', 'all']),
});

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();

/** Fields without defaults: a PATCH must leave unnamed fields alone, so no default may fill them. */
const residentFields = z.object({
  idNumber: z.string().trim().min(1, '请填写身份证号').max(30, '身份证号应为 18 位'),
  name: personName(30),
  sex: z.enum(['M', 'F'], { error: '性别应为男或女' }).optional(),
  birthDate: isoDate('出生日期').optional(),
  mobile: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头')
    .nullable()
    .optional(),
  orgId: intId('请选择管理机构').optional(),
  village: optionalText('村/社区', 40),
  householdNo: optionalText('户号', 30),
  address: optionalText('住址', 120),
  insuranceType: z.enum(INSURANCE_TYPES, { error: '参保类型不正确' }),
  registeredPoor: z.boolean(),
  chronicConditions: z.array(z.enum(CHRONIC_CONDITIONS, { error: '慢病类型不正确' })).max(8),
});

export const residentCreate = residentFields.extend({
  insuranceType: residentFields.shape.insuranceType.default('resident'),
  registeredPoor: residentFields.shape.registeredPoor.default(false),
  chronicConditions: residentFields.shape.chronicConditions.default([]),
});
export type ResidentCreate = z.infer<typeof residentCreate>;

export const residentPatch = residentFields
  .omit({ idNumber: true, sex: true, birthDate: true })
  .partial()
  .extend({
    version: intId('缺少版本号'),
    deceasedOn: isoDate('死亡日期').nullable().optional(),
  });
export type ResidentPatch = z.infer<typeof residentPatch>;

export const revealBody = z.object({
  fields: z.array(z.enum(['idNumber', 'mobile'])).min(1, '请选择要查看的字段'),
  reason: z.string().trim().min(2, '请填写查看原因').max(100, '原因不能超过 100 个字'),
});
export type RevealBody = z.infer<typeof revealBody>;
export const revealed = z.object({ idNumber: z.string().optional(), mobile: z.string().nullable().optional() });

export const residentStats = z.array(
  z.object({
    orgId: z.number(),
    orgName: z.string(),
    residents: z.number(),
    poor: z.number().nullable(),
    hypertension: z.number().nullable(),
    diabetes: z.number().nullable(),
  }),
);
