import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { intQuery, isoDate } from '../platform/params.ts';

/** 危急值 (issue 12 §4): the API's contract, shared by the server and the web pages. */

export const CRITICAL_STATUSES = [
  'pending_check',
  'notified',
  'acknowledged',
  'acted',
  'documented',
  'withdrawn',
] as const;
export const PATIENT_STATUSES = ['present', 'left', 'inpatient'] as const;
export const CENTRES = ['ecg', 'imaging', 'ultrasound', 'pathology'] as const;
export const TASK_KINDS = ['call_back', 'progress_note'] as const;
export const DUTIES = ['duty_doctor', 'lead', 'medical_office'] as const;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const flagBody = z.object({
  itemCode: z.string({ error: '请选择危急值项目' }).regex(/^[A-Z0-9-]{2,30}$/, '请选择危急值项目'),
  detail: text('危急值内容', 2, 500),
  clientId: z.string().min(8, '提交编号应为 8–100 个字符').max(100, '提交编号应为 8–100 个字符').optional(),
});
export type FlagBody = z.infer<typeof flagBody>;

export const withdrawBody = z.object({ reason: text('撤回原因', 2, 200) });

/** read-back is checked by the service (422 READBACK_REQUIRED), so a missing one is not a 400 */
export const ackBody = z.object({
  readback: z.string({ error: '回读内容应为文字' }).max(500, '回读内容不能超过 500 个字').optional(),
  patientStatus: z.enum(PATIENT_STATUSES, { error: '请选择患者状态（在院、已离院、住院）' }),
});
export type AckBody = z.infer<typeof ackBody>;

export const actBody = z.object({ action: text('处置措施', 2, 500) });
export const noteBody = z.object({ text: text('病程记录', 2, 2000) });
export const taskDoneBody = z.object({ outcome: text('处理结果', 2, 500) });

export const criticalQuery = listQuery.extend({
  status: z.enum(CRITICAL_STATUSES, { error: '危急值状态不正确' }).optional(),
  centre: z.enum(CENTRES, { error: '诊断中心不正确' }).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type CriticalQuery = z.infer<typeof criticalQuery>;

export const inboxQuery = z.object({
  after: intQuery({ min: 0, message: '起始编号应为非负整数' }).default(0),
  limit: intQuery({ min: 1, max: 200, message: '条数应为 1–200' }).default(100),
});

export const taskQuery = listQuery.extend({
  open: z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional(),
});

export const dutyQuery = z.object({
  orgId: intQuery({ message: '机构编号应为正整数' }).optional(),
});

export const dutyCandidatesQuery = z.object({
  orgId: intQuery({ message: '请选择机构' }),
});

export const dutyBody = z.object({
  orgId: z.number({ error: '请选择机构' }).int().positive('请选择机构'),
  duty: z.enum(DUTIES, { error: '请选择职责（值班医生、负责人、医务部）' }),
  staffId: z.number({ error: '请选择人员' }).int().positive('请选择人员'),
  effectiveFrom: z.iso.datetime({ offset: true, error: '生效时间应为带时区的时间（ISO 8601）' }).optional(),
});
export type DutyBody = z.infer<typeof dutyBody>;
