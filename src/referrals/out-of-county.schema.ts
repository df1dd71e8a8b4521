import { z } from 'zod';
import { listQueryWith, pageOf } from '../platform/list.schema.ts';
import { isoDate } from '../platform/params.ts';

export const HOSPITAL_LEVELS = ['national', 'provincial', 'city', 'other_county'] as const;
export const VISIT_TYPES = ['outpatient', 'inpatient'] as const;
export const VISIT_SOURCES = ['manual', 'csv', 'seed'] as const;
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];
export type VisitType = (typeof VISIT_TYPES)[number];
export type VisitSource = (typeof VISIT_SOURCES)[number];

export const visitCreate = z.object({
  idNumber: z.string().trim().min(1, '请填写身份证号').max(30, '身份证号应为 18 位'),
  visitDate: isoDate('就诊日期'),
  hospitalName: z.string().trim().min(2, '请填写医院名称').max(60, '医院名称不能超过 60 个字'),
  hospitalLevel: z.enum(HOSPITAL_LEVELS, { error: '医院级别应为国家级、省级、市级或外县' }),
  visitType: z.enum(VISIT_TYPES, { error: '就诊类型应为门诊或住院' }),
  diagnosisCode: z.string().trim().max(10).optional(),
  costFen: z.number().int('费用以分为单位').min(0).max(100_000_000).optional(),
  /** what basic insurance paid (from the insurer's list), for the fund-share figures */
  fundPaidFen: z.number().int('统筹支付以分为单位').min(0).max(100_000_000).optional(),
  reason: z.string().trim().max(200, '原因不能超过 200 个字').optional(),
});
export type VisitCreate = z.infer<typeof visitCreate>;

export const visit = z.object({
  id: z.number(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  visitDate: z.string(),
  hospitalName: z.string(),
  hospitalLevel: z.enum(HOSPITAL_LEVELS),
  region: z.string().nullable(),
  visitType: z.enum(VISIT_TYPES),
  diagnosisCode: z.string().nullable(),
  diagnosisName: z.string().nullable(),
  costFen: z.number().nullable(),
  reason: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visit>;

export const visitImport = z.object({
  csv: z.string().min(1, '请粘贴或上传 CSV 内容').max(900_000, 'CSV 内容过大，请分批导入'),
});
export const importReport = z.object({
  batch: z.string(),
  total: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ row: z.number(), reasons: z.array(z.string()), raw: z.string() })),
});
export type ImportReport = z.infer<typeof importReport>;
export const VISIT_SORTS = ['visitDate', 'costFen', 'hospitalName', 'createdAt'] as const;
/** q: the resident's name (prefix) or the hospital's name */
export const visitQuery = listQueryWith(VISIT_SORTS).extend({
  from: isoDate().optional(),
  to: isoDate().optional(),
  hospitalLevel: z.enum(HOSPITAL_LEVELS, { error: '医院级别不正确' }).optional(),
  visitType: z.enum(VISIT_TYPES, { error: '就诊类型不正确' }).optional(),
});
export type VisitQuery = z.infer<typeof visitQuery>;
export const visitPage = pageOf(visit);
