import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { intQuery, isoDate } from '../platform/params.ts';
import { RECALL_OUTCOMES, SHORTAGE_STATUSES } from './pharmacy.tables.ts';

/** The stock, dispensing, recall and shortage API (issue 14), shared by the server and the pages. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);
const uuid = z.uuid('客户端编号应为 UUID');
const reason = (label: string, max = 200) =>
  z.string().trim().min(2, `请填写${label}（至少 2 个字）`).max(max, `${label}不能超过 ${max} 个字`);
const deviceAt = z.iso.datetime({ offset: true, error: '设备时间应为带时区的时间' }).optional();
const traceCode = z
  .string()
  .trim()
  .regex(/^(?:[0-9]{20}|[0-9A-Za-z()]{20,60})$/, '追溯码应为 20 位数字（码上放心）或 20–60 位字母数字');

export const dispenseLine = z.object({
  drugId: id('药品'),
  qty: z.number({ error: '请填写数量' }).int('数量应为整数（最小包装单位）').min(1, '数量至少为 1').max(100000),
  usage: z.string().trim().min(1, '请填写用法用量').max(80, '用法用量不能超过 80 个字'),
  traceCodes: z.array(traceCode).max(200, '一次最多扫 200 个追溯码').default([]),
});
export const dispenseCreate = z.object({
  clientId: uuid,
  residentId: id('居民'),
  /** the visit's prescription being dispensed; absent: a simple prescription entered at the counter */
  prescriptionId: id('处方').optional(),
  /** the dispensing org (a county user dispensing for a member); default: the caller's own org */
  orgId: id('发药机构').optional(),
  deviceAt,
  note: z.string().trim().max(200).optional(),
  lines: z.array(dispenseLine).min(1, '请至少发一种药').max(30, '一次最多 30 种药'),
});
export type DispenseCreate = z.infer<typeof dispenseCreate>;

export const dispenseReturn = z.object({
  clientId: uuid,
  qty: z.number().int('数量应为整数').min(1, '退药数量至少为 1').max(100000),
  reason: reason('退药原因', 100),
  /** unopened and in date: back on the shelf; otherwise destroyed (loss) */
  restock: z.boolean(),
});
export type DispenseReturn = z.infer<typeof dispenseReturn>;

export const dispenseQuery = listQueryWith(['dispensed_at', 'total_fen']).extend({
  orgId: intQuery().optional(),
  residentId: intQuery().optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type DispenseQuery = z.infer<typeof dispenseQuery>;

export const STOCK_VIEWS = ['all', 'available', 'near_expiry', 'expired', 'blocked', 'empty'] as const;
export const stockQuery = listQueryWith(['expiry_date', 'available', 'drug']).extend({
  orgId: intQuery().optional(),
  drugId: intQuery().optional(),
  view: z.enum(STOCK_VIEWS, { error: '库存视图不正确' }).default('available'),
});
export type StockQuery = z.infer<typeof stockQuery>;

export const moveQuery = listQueryWith(['at']).extend({
  orgId: intQuery().optional(),
  batchId: intQuery().optional(),
  drugId: intQuery().optional(),
  kind: z.string().max(20).optional(),
});
export type MoveQuery = z.infer<typeof moveQuery>;

export const recallCreate = z.object({
  drugId: id('药品'),
  batchNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,30}$/, '批号应为 1–30 位字母、数字或连字符'),
  level: z.enum(['1', '2', '3'], { error: '召回级别应为一级、二级或三级' }),
  reason: reason('召回原因'),
});
export type RecallCreate = z.infer<typeof recallCreate>;
export const recallCall = z.object({
  residentId: id('居民'),
  outcome: z.enum(RECALL_OUTCOMES, { error: '联系结果不正确' }),
  note: z.string().trim().max(200).optional(),
});
export type RecallCall = z.infer<typeof recallCall>;

export const shortageCreate = z.object({
  clientId: uuid,
  residentId: id('居民').optional(),
  drugId: id('药品'),
  packs: z.number().int('数量应为整数').min(1, '数量至少 1').max(1000, '数量不能超过 1000'),
  note: z.string().trim().max(200).optional(),
  deviceAt,
});
export type ShortageCreate = z.infer<typeof shortageCreate>;
export const shortageStep = z.object({
  to: z.enum(SHORTAGE_STATUSES, { error: '状态不正确' }),
  note: z.string().trim().max(200).optional(),
});
export type ShortageStep = z.infer<typeof shortageStep>;
export const shortageQuery = listQueryWith(['created_at']).extend({
  status: z.enum(SHORTAGE_STATUSES).optional(),
  orgId: intQuery().optional(),
});
export type ShortageQuery = z.infer<typeof shortageQuery>;

export const stocktakeCount = z.object({
  lines: z
    .array(
      z.object({
        batchId: id('批次'),
        countedQty: z.number().int('实盘数应为整数').min(0, '实盘数不能为负').max(10_000_000),
        reason: z.string().trim().max(100).optional(),
      }),
    )
    .min(1, '请至少填写一行实盘数')
    .max(2000),
});
export type StocktakeCount = z.infer<typeof stocktakeCount>;
export const stocktakeDecision = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(200).optional(),
});
export type StocktakeDecision = z.infer<typeof stocktakeDecision>;
