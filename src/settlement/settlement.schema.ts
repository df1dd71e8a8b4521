import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { idQuery, intId, isoDate } from '../platform/params.ts';

const day = isoDate();
const fen = (label: string) =>
  z
    .number({ error: `${label}应为整数分` })
    .int(`${label}应为整数分`)
    .min(0, `${label}不能为负`)
    .max(100_000_000_000, `${label}过大`);
const bp = (label: string) =>
  z
    .number({ error: `${label}应为万分比整数` })
    .int(`${label}应为万分比整数`)
    .min(0, `${label}应在 0 到 10000 之间`)
    .max(10000, `${label}应在 0 到 10000 之间`);

export const ruleInput = z.object({
  scheme: z.enum(['resident', 'employee'], { error: '险种应为城乡居民或职工' }),
  personCat: z.enum(['*', 'poor', 'low_income', 'extreme_poor', 'general'], { error: '人员类别不正确' }),
  setting: z.enum(['inpatient', 'outpatient', 'chronic'], { error: '就医类型应为住院、门诊统筹或门诊慢特病' }),
  layer: z.enum(['basic', 'serious', 'supplementary', 'assistance', 'doudi', 'deposit'], { error: '保障层次不正确' }),
  hospLevel: z.enum(['*', 'primary', 'county', 'city', 'province'], { error: '医院级别不正确' }),
  deductibleFen: fen('起付线').nullish(),
  deductiblePer: z.enum(['stay', 'year'], { error: '起付线应按每次或按年度' }).nullish(),
  ratioBp: bp('报销比例').nullish(),
  thresholdFen: fen('起付标准').nullish(),
  tiers: z
    .array(z.object({ uptoFen: fen('分段上限').nullable(), ratioBp: bp('分段比例') }))
    .min(1, '大病保险至少一个分段')
    .max(10, '分段最多 10 个')
    .nullish(),
  annualCapFen: fen('年度限额').nullish(),
  capFen: fen('个人负担封顶').nullish(),
  capScope: z.enum(['all', 'compliant'], { error: '封顶范围应为全部自付或政策范围内' }).nullish(),
  capPeriod: z.enum(['stay', 'year'], { error: '封顶周期应为每次或年度' }).nullish(),
  amountFen: fen('押金').nullish(),
  diseases: z
    .array(z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, '病种应为 ICD-10 编码前缀，如 I10'))
    .max(50)
    .nullish(),
  docRef: z.string().trim().max(200, '文件依据不能超过 200 字').nullish(),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const packageInput = z.object({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, '病种编码应为 2–20 位大写字母、数字或 -'),
  diseaseName: z.string().trim().min(2, '请填写病种名称').max(60),
  icdPrefixes: z
    .array(z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, '诊断应为 ICD-10 编码前缀，如 K35'))
    .min(1, '至少一个诊断编码'),
  hospLevel: z.enum(['*', 'primary', 'county', 'city', 'province'], { error: '医院级别不正确' }),
  orgId: intId('机构编号应为正整数').nullish(),
  fixedPriceFen: fen('定额').min(1, '定额应大于 0'),
  patientShareBp: bp('个人负担比例'),
  docRef: z.string().trim().max(200).nullish(),
});

export const policyVersionSave = z.object({
  title: z.string().trim().min(2, '请填写版本名称').max(80),
  effectiveFrom: day,
  docRef: z.string().trim().min(2, '请填写文件依据').max(200),
  rules: z.array(ruleInput).max(500),
  packages: z.array(packageInput).max(200),
});
export type PolicyVersionSave = z.infer<typeof policyVersionSave>;

export const policyDraftCreate = z.object({
  basedOn: intId('编号应为正整数').nullable(),
  title: z.string().trim().min(2, '请填写版本名称').max(80),
  effectiveFrom: day,
  docRef: z.string().trim().min(2, '请填写文件依据').max(200),
});

export interface PolicyVersion {
  id: number;
  versionNo: number;
  title: string;
  effectiveFrom: string;
  docRef: string;
  demo: boolean;
  status: 'draft' | 'published';
  basedOn: number | null;
  publishedAt: string | null;
  createdAt: string;
}
export type PolicyVersionDetail = PolicyVersion & {
  rules: import('./calc.ts').Rule[];
  packages: import('./calc.ts').Package[];
};

export const admissionCheck = z.object({ stayId: intId('住院编号应为正整数') });
export const depositCreate = z.object({
  stayId: intId('住院编号应为正整数'),
  amountFen: z
    .number()
    .int('金额应为整数分')
    .refine((n) => n !== 0, '金额不能为 0')
    .refine((n) => Math.abs(n) <= 10_000_000_00, '金额过大'),
  method: z.enum(['cash', 'card', 'wechat', 'alipay', 'transfer'], { error: '请选择支付方式' }),
});
export const settlementCreate = z
  .object({ stayId: intId('住院编号应为正整数').optional(), visitId: intId('门诊编号应为正整数').optional() })
  .refine(
    (b) => (b.stayId === undefined) !== (b.visitId === undefined),
    '请指定一次出院（stayId）或一次门诊（visitId）',
  );
export const settlementConfirm = z.object({
  inputHash: z.string().regex(/^[0-9a-f]{64}$/, '请先计算再确认'),
  method: z.enum(['cash', 'card', 'wechat', 'alipay', 'transfer'], { error: '请选择支付方式' }).default('cash'),
});
export const settlementReverse = z.object({ reason: z.string().trim().min(2, '请填写冲销原因').max(200) });

export const deskQuery = listQueryWith(['admittedAt', 'dischargedAt']).extend({
  tab: z.enum(['admitted', 'discharged', 'settled', 'visits'], { error: '标签页不正确' }).default('discharged'),
});
export const settlementQuery = listQueryWith(['settledOn', 'total']).extend({
  from: day.optional(),
  to: day.optional(),
  setting: z.enum(['inpatient', 'outpatient', 'chronic']).optional(),
  personCat: z.enum(['poor', 'low_income', 'extreme_poor', 'general']).optional(),
});
export const dayReportQuery = z.object({ day, clerkId: idQuery().optional() });

export const receivableQuery = listQueryWith(['openedOn', 'amount']).extend({
  payer: z.enum(['basic', 'serious', 'supplementary', 'assistance', 'doudi']).optional(),
  status: z.enum(['open', 'claimed', 'paid', 'partly_paid', 'rejected', 'written_off']).optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export const batchCreate = z.object({
  orgId: intId('机构编号应为正整数'),
  payer: z.enum(['basic', 'serious', 'supplementary', 'assistance', 'doudi'], { error: '请选择付款方' }),
  periodFrom: day,
  periodTo: day,
});
export const returnImport = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1, '文件为空').max(1_000_000, '文件过大（最多约 700 KB，请按月分批导入）'),
});
export const figuresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
