import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { intId, isoDate } from '../platform/params.ts';
import { DRUG_KINDS, INSURANCE_CLASSES, STOCK_LEVELS } from './pharmacy.tables.ts';

/** 国家医保药品代码 (X 西药 / Z 中成药 + 22) and 医保医用耗材代码 (C + 19) */
export const DRUG_CODE = /^[XZ][A-Z0-9]{22}$/;
export const CONSUMABLE_CODE = /^C[A-Z0-9]{19}$/;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** one catalogue item, as the form and each import row give it */
export const drugInput = z
  .object({
    kind: z.enum(DRUG_KINDS, { error: '类别应为药品或耗材' }),
    ybCode: z.string({ error: '请填写医保编码' }).trim().toUpperCase(),
    genericName: text('通用名', 1, 60),
    brandName: optionalText('商品名', 60),
    dosageForm: text('剂型', 1, 20),
    spec: text('规格', 1, 40),
    packUnit: text('包装单位', 1, 4),
    minUnit: text('最小单位', 1, 4),
    packQty: z
      .number({ error: '包装数量应为 1 到 10000 的整数' })
      .int('包装数量应为整数')
      .min(1, '包装数量至少为 1')
      .max(10_000, '包装数量不能超过 10000'),
    splitAllowed: z.boolean().default(false),
    manufacturer: text('生产企业', 2, 60),
    approvalNo: z
      .string()
      .trim()
      .max(40, '批准文号不能超过 40 个字')
      .refine((v) => v === '' || v.length >= 4, '批准文号至少 4 个字')
      .nullish()
      .transform((v) => (v ? v : null)),
    insuranceClass: z.enum(INSURANCE_CLASSES, { error: '医保类别应为甲类、乙类或自费' }),
    /** 乙类 self-pay share in basis points (1000 = 10%) */
    selfPayBp: z.number().int().min(0, '自付比例不能为负').max(10_000, '自付比例不能超过 100%').default(0),
    essential: z.boolean().default(false),
    vbp: z.boolean().default(false),
    levels: z
      .array(z.enum(STOCK_LEVELS, { error: '可配备层级应为县、乡、村' }))
      .min(1, '请至少选择一个可配备层级')
      .transform((l) => STOCK_LEVELS.filter((x) => l.includes(x))),
    supplierId: intId('配送企业编号不正确').nullish(),
    active: z.boolean().default(true),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'drug' && !DRUG_CODE.test(d.ybCode))
      ctx.addIssue({
        code: 'custom',
        path: ['ybCode'],
        message: `药品医保编码应为 23 位：X 或 Z 开头，其后 22 位大写字母或数字（收到 ${d.ybCode.length} 位）`,
      });
    if (d.kind === 'consumable' && !CONSUMABLE_CODE.test(d.ybCode))
      ctx.addIssue({
        code: 'custom',
        path: ['ybCode'],
        message: `耗材医保编码应为 20 位：C 开头，其后 19 位大写字母或数字（收到 ${d.ybCode.length} 位）`,
      });
    if (d.insuranceClass !== 'class_b' && d.selfPayBp !== 0)
      ctx.addIssue({ code: 'custom', path: ['selfPayBp'], message: '只有乙类品种才有先行自付比例' });
    if (d.insuranceClass === 'class_b' && d.selfPayBp === 0)
      ctx.addIssue({ code: 'custom', path: ['selfPayBp'], message: '乙类品种请填写先行自付比例（如 10%）' });
  });
export type DrugInput = z.infer<typeof drugInput>;

const priceFen = z
  .number({ error: '价格应为以分计的整数' })
  .int('价格应为以分计的整数')
  .min(0, '价格不能为负')
  .max(100_000_000, '价格过大');
const sourceDocument = z
  .string({ error: '请填写调价依据文件（如 晋医保〔2026〕12号）' })
  .trim()
  .min(2, '请填写调价依据文件（如 晋医保〔2026〕12号）')
  .max(200, '依据文件不能超过 200 个字');

export const drugCreate = z.object({
  item: drugInput,
  /** the first price (per pack), in force from today's switch instant */
  priceFen: priceFen.optional(),
  sourceDocument: sourceDocument.optional(),
});
export const priceChange = z.object({
  priceFen,
  effectiveDate: isoDate('生效日期'),
  sourceDocument,
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const catalogueQuery = listQueryWith(['name', 'ybCode', 'updatedAt']).extend({
  kind: z.enum(DRUG_KINDS).optional(),
  insuranceClass: z.enum(INSURANCE_CLASSES).optional(),
  essential: flag.optional(),
  vbp: flag.optional(),
  level: z.enum(STOCK_LEVELS).optional(),
  active: flag.optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const importBody = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, '请选择文件')
    .max(200, '文件名过长')
    .refine((n) => /\.(xlsx|csv)$/i.test(n), '只支持 .xlsx 或 .csv（UTF-8 或 GB18030）文件'),
  contentBase64: z.string().min(1, '文件为空').max(14_000_000, '文件不能超过 10 MB'),
});

export const supplierCreate = z.object({
  name: text('企业名称', 2, 60),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位数字或大写字母')
    .nullish(),
  contact: optionalText('联系人', 30),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话应为 7 到 20 位数字或横线')
    .nullish(),
});
