import { z } from 'zod';
import { idQuery, intQuery, isoDate } from '../platform/params.ts';
import { CARE_LEVELS } from './icd10.ts';
import { REFERRAL_ACTIONS, REFERRAL_STATUSES, URGENCIES } from './referral.states.ts';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();
const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);

export const vitals = z
  .object({
    sbp: z.number().int().min(40).max(300).optional().describe('收缩压 mmHg'),
    dbp: z.number().int().min(20).max(200).optional().describe('舒张压 mmHg'),
    heartRate: z.number().int().min(20).max(250).optional(),
    respRate: z.number().int().min(4).max(80).optional(),
    temperature: z.number().min(30).max(45).optional(),
    spo2: z.number().int().min(30).max(100).optional(),
    glucose: z.number().min(0.5).max(60).optional().describe('血糖 mmol/L'),
  })
  .strict();

export const clinicalSummary = z
  .object({
    vitals: vitals.default({}),
    history: optionalText('病史', 2000),
    medications: optionalText('用药', 1000),
    allergies: optionalText('过敏史', 200),
    findings: optionalText('检查所见', 2000),
  })
  .strict();
export type ClinicalSummary = z.infer<typeof clinicalSummary>;

export const CARE_PLAN_TASK_KINDS = ['rehab', 'follow_up', 'medication', 'visit', 'other'] as const;
export const carePlanTask = z.object({
  kind: z.enum(CARE_PLAN_TASK_KINDS, { error: '任务类型不正确' }),
  title: text('任务名称', 100),
  detail: optionalText('任务说明', 500),
  dueOn: isoDate().optional(),
});
export const carePlan = z.object({
  kind: z.enum(['rehab', 'follow_up', 'chronic', 'hospice'], { error: '计划类型不正确' }),
  goals: optionalText('目标', 500),
  tasks: z.array(carePlanTask).min(1, '请至少填写一项下转任务').max(20),
});
export type CarePlan = z.infer<typeof carePlan>;

export const referralCreate = z.object({
  residentId: id('居民'),
  direction: z.enum(['up', 'down'], { error: '转诊方向应为上转或下转' }).default('up'),
  toOrgId: id('接收机构'),
  toDepartmentId: id('接收科室').optional(),
  urgency: z.enum(URGENCIES, { error: '紧急程度应为急诊、加急或普通' }),
  reason: text('转诊原因', 500),
  diagnosisCode: z.string().trim().min(1, '请选择初步诊断').max(10, '诊断编码不正确'),
  summary: clinicalSummary.default({ vitals: {} }),
  consent: z.object({ by: z.enum(['patient', 'guardian'], { error: '请选择知情同意人' }) }).optional(),
  outOfCountyReason: optionalText('外转原因', 300),
  dischargeSummary: optionalText('出院小结', 4000),
  carePlan: carePlan.optional(),
  parentId: id('原上转单').optional(),
  submit: z.boolean().default(true),
  /** the Idempotency-Key for clients that cannot set headers; the header wins, and neither is part of the body hash */
  requestKey: z.string().max(100).optional(),
});
export type ReferralCreate = z.infer<typeof referralCreate>;

export const downReferralCreate = z.object({
  toOrgId: id('接收机构'),
  toDepartmentId: id('接收科室').optional(),
  urgency: z.enum(URGENCIES, { error: '紧急程度应为急诊、加急或普通' }).default('routine'),
  reason: text('下转原因', 500),
  dischargeSummary: text('出院小结', 4000),
  carePlan,
});
export type DownReferralCreate = z.infer<typeof downReferralCreate>;

export const transitionBody = z.object({ note: optionalText('备注', 500) });
export const submitBody = transitionBody.extend({
  consent: z.object({ by: z.enum(['patient', 'guardian'], { error: '请选择知情同意人' }) }).optional(),
});
export type SubmitBody = z.infer<typeof submitBody>;
export const acceptBody = transitionBody.extend({ toDepartmentId: id('接收科室').optional() });
export const rejectBody = z.object({
  reason: z.string().trim().min(2, '请填写拒绝原因').max(500, '原因不能超过 500 个字'),
});
export const redirectBody = z.object({
  toOrgId: id('改派机构'),
  toDepartmentId: id('接收科室').optional(),
  reason: z.string().trim().min(2, '请填写改派原因').max(500, '原因不能超过 500 个字'),
});
export type TransitionBody = z.infer<typeof transitionBody>;
export type AcceptBody = z.infer<typeof acceptBody>;
export type RejectBody = z.infer<typeof rejectBody>;
export type RedirectBody = z.infer<typeof redirectBody>;

const named = z.object({ id: z.number(), name: z.string() });

export const residentSnapshot = z.object({
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  age: z.number(),
  idNumber: z.string().describe('masked'),
  mobile: z.string().nullable().describe('masked'),
  village: z.string().nullable(),
});
export type ResidentSnapshot = z.infer<typeof residentSnapshot>;

export const referral = z.object({
  id: z.number(),
  direction: z.enum(['up', 'down']),
  status: z.enum(REFERRAL_STATUSES),
  residentId: z.number(),
  resident: residentSnapshot,
  originOrgId: z.number(),
  fromOrg: named,
  fromStaff: named,
  toOrg: named,
  toDepartment: named.nullable(),
  urgency: z.enum(URGENCIES),
  reason: z.string(),
  diagnosis: z.object({ code: z.string(), name: z.string() }),
  summary: z.unknown(),
  consentBy: z.string().nullable(),
  consentAt: z.string().nullable(),
  outOfCounty: z.boolean(),
  outReason: z.string().nullable(),
  suggestedLevel: z.enum(CARE_LEVELS).nullable(),
  priority: z.boolean(),
  parentId: z.number().nullable(),
  dischargeSummary: z.string().nullable(),
  carePlan: z.unknown(),
  deadlineAt: z.string().nullable(),
  escalationLevel: z.number(),
  decisionNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** what the caller may do now, from the transition table and their side */
  actions: z.array(z.enum(REFERRAL_ACTIONS)),
  /** a stable patient at a county hospital whose condition belongs lower down */
  suggestDown: z.boolean(),
});
export type Referral = z.infer<typeof referral>;

export const referralEvent = z.object({
  id: z.number(),
  referralId: z.number(),
  at: z.string(),
  actorName: z.string(),
  actorOrgId: z.number().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
});
export const attachmentMeta = z.object({
  id: z.number(),
  referralId: z.number(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export const taskNote = z.object({
  id: z.number(),
  taskId: z.number(),
  authorName: z.string(),
  orgId: z.number(),
  text: z.string(),
  at: z.string(),
});
export const TASK_STATUSES = ['open', 'confirmed', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const referralTask = z.object({
  id: z.number(),
  referralId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  confirmedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  notes: z.array(taskNote),
  resident: residentSnapshot.optional(),
});
export type ReferralTask = z.infer<typeof referralTask>;
export type TaskNote = z.infer<typeof taskNote>;
export type ReferralEvent = z.infer<typeof referralEvent>;
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

export const referralDetail = referral.extend({
  events: z.array(referralEvent),
  attachments: z.array(attachmentMeta),
  tasks: z.array(referralTask),
  related: z.array(
    z.object({
      id: z.number(),
      direction: z.enum(['up', 'down']),
      status: z.enum(REFERRAL_STATUSES),
      toOrgName: z.string(),
      fromOrgName: z.string(),
    }),
  ),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

export const worklistQuery = z.object({
  box: z.enum(['incoming', 'outgoing', 'all']).default('all'),
  status: z.enum([...REFERRAL_STATUSES, 'open', 'awaiting'], { error: '状态不正确' }).optional(),
  direction: z.enum(['up', 'down']).optional(),
  urgency: z.enum(URGENCIES).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  outOfCounty: z.enum(['true', 'false']).optional(),
  residentId: idQuery().optional(),
  q: z.string().trim().max(30, '搜索词不能超过 30 个字').optional(),
  limit: intQuery({ min: 1, max: 200, tooBig: '每页最多 200 条' }).default(50),
  offset: intQuery({ min: 0, max: 100000 }).default(0),
});
export type WorklistQuery = z.infer<typeof worklistQuery>;

export const worklist = z.object({
  items: z.array(referral),
  hasMore: z.boolean(),
  /** server time, so countdowns do not depend on the browser's clock */
  now: z.string(),
  counts: z.object({ awaiting: z.number(), escalated: z.number(), unread: z.number() }),
});
export type Worklist = z.infer<typeof worklist>;

export const icdItem = z.object({ code: z.string(), name: z.string() });
export const icdQuery = z.object({
  q: z.string().max(30, '搜索词不能超过 30 个字').default(''),
  limit: intQuery({ min: 1, max: 50 }).default(20),
});
export const guidanceQuery = z.object({
  code: z.string().trim().min(1, '请提供诊断编码').max(10, '诊断编码不正确'),
});
export const guidance = z.object({
  code: z.string(),
  level: z.enum(CARE_LEVELS),
  downTo: z.enum(CARE_LEVELS).nullable(),
  speciality: z.string().nullable(),
  note: z.string(),
});

export const referralTargetsQuery = z.object({
  direction: z.enum(['up', 'down'], { error: '方向应为上转或下转' }),
});
/** An org the caller's org may refer to; `near` marks its own chain (up) or its own clinics (down). */
export const referralTarget = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().nullable(),
  near: z.boolean(),
});
export type ReferralTarget = z.infer<typeof referralTarget>;
