import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { intQuery, isoDate } from '../platform/params.ts';
import { LOAD_STATUSES, PACK_VIEW_STATUSES, STERILE_METHODS, WASTE_CATEGORIES, WASTE_STEPS } from './supply.tables.ts';

/** The sterile-supply and medical-waste API's contract (issue 14 part 7), shared by the server and the web pages. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(2147483647, `请选择${label}`);
const grams = (label: string) =>
  z
    .number({ error: `请填写${label}（克）` })
    .int(`${label}应为整数克`)
    .min(1, `${label}至少 1 克`)
    .max(100000, `${label}不能超过 100 千克`);
const party = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(40, `${label}不能超过 40 个字`);
/** a pack's barcode as scanned or typed: upper-cased, spaces dropped */
export const packCode = z
  .string({ error: '请扫描或输入无菌包条码' })
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9-]{4,32}$/, '无菌包条码应为 4–32 位字母、数字或连字符'));

export const packTypeCreate = z.object({
  name: z.string().trim().min(2, '包名称至少 2 个字').max(60, '包名称不能超过 60 个字'),
  items: z
    .array(
      z.object({
        name: z.string().trim().min(1, '请填写器械名称').max(40, '器械名称不能超过 40 个字'),
        count: z.number().int('数量应为整数').min(1, '数量至少 1').max(500, '数量不能超过 500'),
      }),
    )
    .min(1, '请填写包内器械清单')
    .max(60, '包内器械最多 60 项'),
  method: z.enum(STERILE_METHODS, { error: '灭菌方式应为压力蒸汽、低温等离子或环氧乙烷' }),
  packaging: z.string().trim().min(1, '请填写包装材料').max(30, '包装材料不能超过 30 个字'),
  shelfDays: z.number().int('有效期天数应为整数').min(1, '有效期至少 1 天').max(730, '有效期不能超过 730 天'),
});
export type PackTypeCreate = z.infer<typeof packTypeCreate>;

export const loadCreate = z.object({
  sterilizer: z
    .string({ error: '请填写灭菌锅号' })
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, '灭菌锅号应为 1–20 位字母、数字或连字符'),
  cycleNo: z.number({ error: '请填写锅次' }).int('锅次应为整数').min(1, '锅次至少为 1').max(99, '锅次不能超过 99'),
  loadDate: isoDate('灭菌日期'),
  method: z.enum(STERILE_METHODS, { error: '灭菌方式应为压力蒸汽、低温等离子或环氧乙烷' }),
  packs: z
    .array(
      z.object({ packTypeId: id('包类型'), count: z.number().int().min(1, '包数至少 1').max(200, '每类最多 200 包') }),
    )
    .min(1, '请填写本锅装载的无菌包')
    .max(30, '每锅最多 30 类包'),
});
export type LoadCreate = z.infer<typeof loadCreate>;

export const loadResult = z.object({
  physicalOk: z.boolean({ error: '请填写物理监测结果' }),
  chemicalOk: z.boolean({ error: '请填写化学指示物结果' }),
  biologicalOk: z.boolean({ error: '请填写生物监测结果' }),
  note: z.string().trim().max(300, '备注不能超过 300 个字').optional(),
});

export const loadQuery = listQueryWith(['loadDate', 'id']).extend({
  status: z.enum(LOAD_STATUSES, { error: '锅次状态不正确' }).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type LoadQuery = z.infer<typeof loadQuery>;

export const packQuery = listQueryWith(['expiresOn', 'id']).extend({
  status: z.enum(PACK_VIEW_STATUSES, { error: '无菌包状态不正确' }).optional(),
  loadId: intQuery({ message: '锅次编号应为正整数' }).optional(),
  orgId: intQuery({ message: '机构编号应为正整数' }).optional(),
});
export type PackQuery = z.infer<typeof packQuery>;

export const packIssue = z.object({
  codes: z.array(packCode).min(1, '请扫描要发放的无菌包').max(200, '一次最多发放 200 包'),
  orgId: id('领用机构'),
  ward: z.string().trim().max(40, '病区/科室不能超过 40 个字').optional(),
});
export const packUse = z.object({ code: packCode, residentId: id('患者') });
export const packReturn = z.object({ code: packCode });

export const bagCreate = z.object({
  id: z.uuid('客户端编号应为 UUID'),
  orgId: id('产生机构'),
  category: z.enum(WASTE_CATEGORIES, { error: '废物类别应为感染性、损伤性、病理性、药物性或化学性' }),
  weightG: grams('重量'),
  deviceAt: z.iso.datetime({ offset: true, error: '设备时间格式不正确' }),
  note: z.string().trim().max(200, '备注不能超过 200 个字').optional(),
});
export type BagCreate = z.infer<typeof bagCreate>;

export const bagParam = z.object({ id: z.uuid('医疗废物袋编号应为 UUID') });

export const handoverGive = z.object({
  step: z.enum(WASTE_STEPS, { error: '交接环节不正确' }),
  giverName: party('交出方'),
  receiverName: party('接收方'),
  weightG: grams('交出重量'),
});
export const handoverReceive = z.object({
  step: z.enum(WASTE_STEPS, { error: '交接环节不正确' }),
  weightG: grams('接收重量'),
});

export const WASTE_VIEWS = ['all', 'in_transit', 'unconfirmed', 'discrepancy', 'overdue'] as const;
export const bagQuery = listQueryWith(['createdAt', 'weight']).extend({
  view: z.enum(WASTE_VIEWS, { error: '列表类型不正确' }).default('all'),
  category: z.enum(WASTE_CATEGORIES, { error: '废物类别不正确' }).optional(),
  orgId: intQuery({ message: '机构编号应为正整数' }).optional(),
});
export type BagQuery = z.infer<typeof bagQuery>;

export const wasteSettingsCreate = z.object({
  effectiveFrom: isoDate('生效日期'),
  tolerancePct: z.number({ error: '请填写重量差异百分比' }).min(0, '百分比不能为负').max(100, '百分比不能超过 100'),
  toleranceGrams: z.number({ error: '请填写重量差异克数' }).int('克数应为整数').min(0).max(10000),
  overdueHours: z.number({ error: '请填写超时小时数' }).int('小时数应为整数').min(1).max(720),
});

export const figuresQuery = z.object({
  year: intQuery({ min: 2000, max: 2100, message: '年份应为 2000 到 2100 之间的整数' }).optional(),
});
