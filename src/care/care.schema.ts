import { z } from 'zod';

/** Shared pieces of the care feature's schemas (visits, stays, charges); zod only, the web uses them too. */
export const CHARGE_CATEGORIES = [
  'drug',
  'consumable',
  'exam',
  'lab',
  'treatment',
  'operation',
  'bed',
  'nursing',
  'other',
] as const;
export const INSURANCE_CLASSES = ['class_a', 'class_b', 'self_pay'] as const;
export const DISPOSITIONS = ['home', 'down_referral', 'transfer_out', 'death', 'other'] as const;
export const ROUTES = ['po', 'iv', 'im', 'sc', 'topical', 'inhal', 'other'] as const;
export const FREQUENCIES = ['qd', 'bid', 'tid', 'qid', 'qn', 'prn', 'st', 'qw'] as const;

export const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();
export const bodyId = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);
export const moment = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });
export const reason = z.string().trim().min(2, '请填写修改原因（至少 2 个字）').max(200, '原因不能超过 200 个字');

export const diagnosisCode = z
  .string({ error: '请选择诊断' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, '诊断编码不是有效的 ICD-10 编码，请从列表中选择');

export const diagnosis = z.object({ code: z.string(), name: z.string() });
export type Diagnosis = z.infer<typeof diagnosis>;

export const feeLineInput = z.object({
  itemCode: z.string().trim().toUpperCase().min(2, '请选择收费项目').max(24),
  quantity: z
    .number({ error: '请填写数量' })
    .refine((n) => n !== 0, '数量不能为 0（退费填负数）')
    .refine((n) => Math.abs(n) < 1e6, '数量过大'),
});
export const feeLinesBody = z.object({
  lines: z.array(feeLineInput).min(1, '请至少添加一项费用').max(50, '一次最多 50 项'),
  /** required once the day is closed (an amendment) */
  reason: reason.optional(),
});
export type FeeLinesBody = z.infer<typeof feeLinesBody>;

export const feeLine = z.object({
  id: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  category: z.enum(CHARGE_CATEGORIES),
  insuranceClass: z.enum(INSURANCE_CLASSES),
  selfPayBp: z.number(),
  quantity: z.number(),
  unitPriceFen: z.number(),
  amountFen: z.number(),
  chargedAt: z.string(),
  externalLineId: z.string().nullable(),
});
export type FeeLine = z.infer<typeof feeLine>;

export const categoryTotal = z.object({ category: z.enum(CHARGE_CATEGORIES), amountFen: z.number() });
export const feeSummary = z.object({
  lines: z.array(feeLine),
  totals: z.array(categoryTotal),
  totalFen: z.number(),
});
export type FeeSummary = z.infer<typeof feeSummary>;

export const chargeItem = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(CHARGE_CATEGORIES),
  insuranceClass: z.enum(INSURANCE_CLASSES),
  selfPayBp: z.number(),
  unit: z.string(),
  spec: z.string().nullable(),
  tcm: z.boolean(),
  priceFen: z.number().nullable(),
});
export type ChargeItem = z.infer<typeof chargeItem>;
export const chargeItemQuery = z.object({
  q: z.string().trim().max(40).optional(),
  category: z.enum(CHARGE_CATEGORIES).optional(),
});

export const icdQuery = z.object({ q: z.string().trim().max(40, '搜索词不能超过 40 个字').default('') });
export const icdHit = z.object({ code: z.string(), name: z.string(), initials: z.string() });
