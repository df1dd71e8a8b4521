import { z } from 'zod';
import { idQuery, intQuery } from '../platform/params.ts';
import { URGENCIES } from './referral.states.ts';

export const EXAM_CATEGORIES = ['lab', 'imaging', 'ecg', 'ultrasound'] as const;
export const EXAM_STATUSES = ['ordered', 'scheduled', 'performed', 'reported', 'cancelled'] as const;
export const EXAM_RESULT_FLAGS = ['normal', 'abnormal', 'critical'] as const;
export type ExamCategory = (typeof EXAM_CATEGORIES)[number];
export type ExamStatus = (typeof EXAM_STATUSES)[number];
export type ExamResultFlag = (typeof EXAM_RESULT_FLAGS)[number];

/** The order's workflow: scheduling, performing and reporting at the performing hospital, cancelling by the orderer. */
export const EXAM_MOVES = {
  schedule: { from: 'ordered', to: 'scheduled' },
  perform: { from: 'scheduled', to: 'performed' },
  report: { from: 'performed', to: 'reported' },
  cancel: { from: 'ordered', to: 'cancelled' },
} as const satisfies Record<string, { from: ExamStatus; to: ExamStatus }>;
export type ExamMove = keyof typeof EXAM_MOVES;

export const EXAM_STATUS_LABELS: Record<ExamStatus, string> = {
  ordered: '已开单',
  scheduled: '已预约',
  performed: '已检查',
  reported: '已出报告',
  cancelled: '已撤销',
};

export const catalogueItem = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(EXAM_CATEGORIES),
  priceFen: z.number().int(),
  mutualRecognition: z.boolean(),
});
export type CatalogueItem = z.infer<typeof catalogueItem>;

export const examOrderCreate = z.object({
  residentId: z.number({ error: '请选择居民' }).int().positive().max(2147483647),
  itemCode: z.string().trim().min(1, '请选择检查项目').max(20, '检查项目编码不正确'),
  urgency: z.enum(URGENCIES, { error: '紧急程度应为急诊、加急或普通' }).default('routine'),
  referralId: z.number().int().positive().max(2147483647).optional(),
  clinicalNote: z.string().trim().max(500, '临床说明不能超过 500 个字').optional(),
  /** Idempotency-Key for clients that cannot set headers; the header wins; not part of the body hash */
  requestKey: z.string().max(100).optional(),
});
export type ExamOrderCreate = z.infer<typeof examOrderCreate>;

export const examOrder = z.object({
  id: z.number(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  referralId: z.number().nullable(),
  orderingOrg: z.object({ id: z.number(), name: z.string() }),
  orderingStaffName: z.string(),
  performingOrg: z.object({ id: z.number(), name: z.string() }),
  itemCode: z.string(),
  itemName: z.string(),
  category: z.enum(EXAM_CATEGORIES),
  priceFen: z.number(),
  recognised: z.boolean(),
  urgency: z.enum(URGENCIES),
  priority: z.boolean(),
  status: z.enum(EXAM_STATUSES),
  clinicalNote: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  performedAt: z.string().nullable(),
  resultText: z.string().nullable(),
  resultFlag: z.enum(EXAM_RESULT_FLAGS).nullable(),
  reportedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ExamOrder = z.infer<typeof examOrder>;

export const examOrderQuery = z.object({
  box: z.enum(['performing', 'ordered']).default('ordered'),
  status: z.enum([...EXAM_STATUSES, 'pending'], { error: '状态不正确' }).optional(),
  residentId: idQuery().optional(),
  limit: intQuery({ min: 1, max: 200 }).default(50),
});
export type ExamOrderQuery = z.infer<typeof examOrderQuery>;

export const scheduleBody = z.object({ scheduledAt: z.iso.datetime({ offset: true, error: '预约时间格式不正确' }) });
export type ScheduleBody = z.infer<typeof scheduleBody>;
export const reportBody = z.object({
  resultText: z.string().trim().min(1, '请填写检查结果').max(4000, '结果不能超过 4000 个字'),
  resultFlag: z.enum(EXAM_RESULT_FLAGS, { error: '结果标记应为正常、异常或危急' }),
});
export type ReportBody = z.infer<typeof reportBody>;
/** perform and cancel carry nothing */
export const emptyBody = z.object({});
