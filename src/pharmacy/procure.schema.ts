import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { isoDate } from '../platform/params.ts';
import { DIST_STATUSES, PO_STATUSES, REQUEST_STATUSES } from './pharmacy.tables.ts';

/** 统一采购与配送 (issue 14 part 3): the API's contract, shared by the server and the web pages. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(2147483647);
const uuid = z.uuid('客户端编号应为 UUID');
const packs = (max: number) =>
  z
    .number({ error: '数量应为整数（盒）' })
    .int('数量应为整数（盒）')
    .min(1, '数量至少 1 盒')
    .max(max, `数量不能超过 ${max} 盒`);
const note = (label: string, max = 200) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();

export const requestCreate = z.object({
  clientId: uuid,
  /** the device's clock when the request was raised (kept beside the server's) */
  deviceAt: z.iso.datetime({ offset: true, error: '设备时间格式不正确' }).optional(),
  /** the requesting org; defaults to the caller's own */
  orgId: id('请领机构').optional(),
  source: z.enum(['manual', 'proposed']).default('manual'),
  note: note('备注'),
  lines: z
    .array(z.object({ drugId: id('药品'), packs: packs(100000) }))
    .min(1, '请至少添加一种药品')
    .max(100, '一次最多请领 100 种'),
});
export type RequestCreate = z.infer<typeof requestCreate>;

export const requestQuery = listQuery.extend({
  status: z.enum(REQUEST_STATUSES, { error: '状态不正确' }).optional(),
});
export type RequestQuery = z.infer<typeof requestQuery>;

export const consolidate = z.object({
  requestIds: z.array(id('请领单')).min(1, '请选择要汇总的请领单').max(200),
  note: note('备注'),
});

export const poQuery = listQuery.extend({
  status: z.enum(PO_STATUSES, { error: '状态不正确' }).optional(),
});
export type PoQuery = z.infer<typeof poQuery>;
export const PO_ACTIONS = ['approve', 'send', 'close', 'cancel'] as const;
export type PoAction = (typeof PO_ACTIONS)[number];

const batchNo = z
  .string({ error: '请填写批号' })
  .trim()
  .regex(/^[0-9A-Za-z-]{1,30}$/, '批号应为 1–30 位字母、数字或短横线');
export const poReceipt = z.object({
  clientId: uuid,
  lines: z
    .array(
      z.object({
        poLineId: id('采购明细'),
        batchNo,
        expiryDate: isoDate('有效期'),
        packs: packs(1000000),
        traceCodes: z.array(z.string().trim()).max(5000, '一次最多 5000 个追溯码').default([]),
      }),
    )
    .min(1, '请至少填写一行到货')
    .max(200),
});
export type PoReceipt = z.infer<typeof poReceipt>;

export const distCreate = z
  .object({
    kind: z.enum(['distribution', 'transfer']).default('distribution'),
    requestId: id('请领单').optional(),
    /** receiving org (ad hoc); from a request it is the request's org */
    toOrgId: id('收货机构').optional(),
    /** sending org for 调剂 (transfer); a distribution always leaves the central pharmacy */
    fromOrgId: id('调出机构').optional(),
    note: note('备注'),
    lines: z
      .array(z.object({ drugId: id('药品'), packs: packs(100000) }))
      .max(100)
      .default([]),
  })
  .refine((v) => v.requestId !== undefined || (v.toOrgId !== undefined && v.lines.length > 0), {
    error: '请选择请领单，或选择收货机构并添加药品',
    path: ['lines'],
  })
  .refine((v) => v.kind !== 'transfer' || v.fromOrgId !== undefined, {
    error: '调剂须选择调出机构',
    path: ['fromOrgId'],
  });
export type DistCreate = z.infer<typeof distCreate>;

export const distQuery = listQuery.extend({
  status: z.enum(DIST_STATUSES, { error: '状态不正确' }).optional(),
  /** open: not yet received or resolved (discrepancies included) */
  open: z.enum(['1']).optional(),
});
export type DistQuery = z.infer<typeof distQuery>;

export const distReceive = z.object({
  picks: z
    .array(
      z.object({
        pickId: id('发货明细'),
        receivedPacks: z.number({ error: '实收数量应为整数' }).int('实收数量应为整数').min(0, '实收数量不能为负'),
      }),
    )
    .min(1, '请填写实收数量'),
  note: note('差异说明'),
});
export type DistReceive = z.infer<typeof distReceive>;

export const distResolve = z.object({
  resolution: z.string().trim().min(2, '请填写处理说明（至少 2 个字）').max(300, '处理说明不能超过 300 个字'),
  /** record the missing quantity as a loss at the receiver (it never arrived) — informational */
});
export const proposeQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });
