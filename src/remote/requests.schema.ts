import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { isoDate } from '../platform/params.ts';

/** Remote diagnosis (issue 12): reading requests, the centres' worklist, reports. */

export const CENTRES = ['ecg', 'imaging', 'ultrasound', 'pathology'] as const;
export const PRIORITIES = ['stat', 'urgent', 'routine'] as const;
export const REQUEST_STATUSES = [
  'awaiting_study',
  'ready',
  'claimed',
  'in_review',
  'issued',
  'recognised',
  'cancelled',
  'external',
] as const;
export const PATIENT_SETTINGS = ['outpatient', 'inpatient', 'emergency'] as const;

const int = (message: string) => z.number({ error: message }).int(message).positive(message).max(2147483647, message);
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);

export const requestCreate = z.object({
  residentId: int('请选择居民'),
  itemCode: z.string({ error: '请选择检查项目' }).trim().min(2, '请选择检查项目').max(20),
  priority: z.enum(PRIORITIES, { error: '请选择紧急程度（急诊/加急/常规）' }),
  patientSetting: z.enum(PATIENT_SETTINGS, { error: '请选择就诊类型' }).default('outpatient'),
  clinicalInfo: text(1000, '临床信息').optional(),
  /** who gave consent (the patient or a relative), for items that need it */
  consentBy: text(40, '知情同意人').min(1, '请填写知情同意人').optional(),
  /** 结果互认: take this recent issued report instead of repeating the study */
  recogniseReportId: int('互认报告编号无效').optional(),
  /** the device's own time of the request (a phone that queued it offline) */
  deviceAt: z.iso.datetime({ offset: true, error: '设备时间格式不正确' }).optional(),
  requestKey: z.string().trim().min(8).max(100).optional(),
});
export type RequestCreate = z.infer<typeof requestCreate>;

export const recognitionQuery = z.object({
  residentId: z.coerce.number({ error: '请选择居民' }).int().positive().max(2147483647),
  itemCode: z.string().trim().min(2).max(20),
});

export const REQUEST_SORTS = ['requestedAt', 'dueAt'] as const;
export const requestQuery = listQueryWith(REQUEST_SORTS).extend({
  /** mine = my org's requests (the requesting side); centre = what my centre reads */
  box: z.enum(['mine', 'centre']).default('mine'),
  status: z.enum([...REQUEST_STATUSES, 'open'], { error: '状态不正确' }).optional(),
  centre: z.enum(CENTRES, { error: '诊断中心不正确' }).optional(),
  priority: z.enum(PRIORITIES).optional(),
  residentId: z.coerce.number().int().positive().max(2147483647).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type RequestQuery = z.infer<typeof requestQuery>;

export const cancelBody = z.object({ reason: text(200, '撤销原因').min(2, '请填写撤销原因') });

export const worklistQuery = z.object({
  centre: z.enum(CENTRES, { error: '诊断中心不正确' }).optional(),
  /** open = waiting and being read; review = waiting for a second doctor; mine = claimed by me */
  tab: z.enum(['open', 'review', 'mine']).default('open'),
});

const ms = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为整数毫秒` })
    .int(`${label}应为整数毫秒`)
    .min(min, `${label}应在 ${min}–${max} ms 之间`)
    .max(max, `${label}应在 ${min}–${max} ms 之间`)
    .nullable()
    .optional();

export const reportDraft = z.object({
  rhythm: text(60, '心律').nullable().optional(),
  heartRate: z
    .number({ error: '心率应为整数' })
    .int('心率应为整数')
    .min(10, '心率应在 10–350 次/分之间')
    .max(350, '心率应在 10–350 次/分之间')
    .nullable()
    .optional(),
  prMs: ms('PR 间期', 40, 600),
  qrsMs: ms('QRS 时限', 30, 300),
  qtMs: ms('QT 间期', 150, 800),
  qtcMs: ms('QTc', 150, 800),
  axisDeg: z
    .number({ error: '电轴应为整数度' })
    .int('电轴应为整数度')
    .min(-180, '电轴应在 -180°–180° 之间')
    .max(180, '电轴应在 -180°–180° 之间')
    .nullable()
    .optional(),
  findings: text(4000, '所见').default(''),
  conclusion: text(1000, '结论/印象').default(''),
  abnormal: z.boolean().default(false),
});
export type ReportDraft = z.infer<typeof reportDraft>;

export const returnBody = z.object({ reason: text(300, '退回原因').min(2, '请填写退回原因') });
export const amendBody = z.object({ reason: text(500, '更正原因').min(2, '请填写更正原因') });

export const CENTRE_LABELS: Record<(typeof CENTRES)[number], string> = {
  ecg: '心电',
  imaging: '影像',
  ultrasound: '超声',
  pathology: '病理',
};
