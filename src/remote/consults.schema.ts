import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { idQuery } from '../platform/params.ts';

/** 远程会诊 (issue 12 §5): the API's contract, shared by the server and the pages (zod only). */

export const CONSULT_MODES = ['async', 'scheduled'] as const;
export type ConsultMode = (typeof CONSULT_MODES)[number];
export const CONSULT_STATUSES = [
  'applied',
  'accepted',
  'declined',
  'scheduled',
  'held',
  'opinion_signed',
  'decided',
  'closed',
  'cancelled',
] as const;
export type ConsultStatusValue = (typeof CONSULT_STATUSES)[number];
/** the steps after the application, each its own POST /api/remote/consults/:id/<step> */
export const CONSULT_STEPS = [
  'accept',
  'decline',
  'consent',
  'schedule',
  'hold',
  'opinion',
  'decide',
  'close',
  'cancel',
] as const;
export type ConsultStep = (typeof CONSULT_STEPS)[number];
/** attachments: PDF, JPEG, PNG and DICOM, recognised by their bytes */
export const CONSULT_FILE_MAX_BYTES = 8 * 1024 * 1024;

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(2147483647, `请选择${label}`);
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);
const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}应为带时区的时间（ISO 8601）` }).transform((s) => new Date(s));
const version = z
  .number({ error: '缺少版本号，请刷新页面后重试' })
  .int('版本号应为整数')
  .positive('版本号应为正整数')
  .max(2147483647, '版本号过大');

export const consultApply = z.object({
  clientId: z
    .string({ error: '缺少提交编号，请刷新页面后重试' })
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '提交编号应为 8–100 位字母、数字或 _.:-'),
  residentId: id('患者'),
  invitedOrgId: id('受邀医院'),
  invitedStaffId: id('受邀专家').optional(),
  speciality: text('会诊专科', 2, 40).optional(),
  mode: z.enum(CONSULT_MODES, { error: '会诊方式应为文书会诊或视频会诊' }),
  purpose: text('会诊目的', 2, 500),
  clinicalSummary: text('病情摘要', 2, 4000),
});
export type ConsultApply = z.infer<typeof consultApply>;

export const consultAccept = z.object({
  version,
  feeFen: z
    .number({ error: '会诊费用应为以分计的整数' })
    .int('会诊费用应为以分计的整数')
    .min(0, '会诊费用不能为负数')
    .max(10_000_000, '会诊费用不能超过 10 万元')
    .optional(),
});
export const consultDecline = z.object({ version, reason: text('拒绝原因', 2, 300) });
export const consultConsent = z.object({ version, consentBy: text('知情同意签署人', 2, 40) });
export const consultSchedule = z.object({
  version,
  scheduledAt: instant('会诊时间'),
  videoLink: z
    .string()
    .trim()
    .max(500, '视频会议链接不能超过 500 个字符')
    .regex(/^https:\/\/[^\s]+$/, '视频会议链接应以 https:// 开头')
    .optional(),
});
export const consultHold = z
  .object({ version, startedAt: instant('开始时间'), endedAt: instant('结束时间') })
  .refine((b) => b.endedAt.getTime() >= b.startedAt.getTime(), {
    error: '结束时间不能早于开始时间',
    path: ['endedAt'],
  });
export const consultOpinion = z.object({ version, opinion: text('会诊意见', 2, 4000) });
export const consultDecide = z.object({ version, decision: text('诊疗决定', 2, 2000) });
export const consultClose = z.object({ version });
export const consultCancel = z.object({ version, reason: text('取消原因', 2, 200) });

export const CONSULT_STEP_BODIES = {
  accept: consultAccept,
  decline: consultDecline,
  consent: consultConsent,
  schedule: consultSchedule,
  hold: consultHold,
  opinion: consultOpinion,
  decide: consultDecide,
  close: consultClose,
  cancel: consultCancel,
} as const;
export type ConsultStepBody<S extends ConsultStep> = z.infer<(typeof CONSULT_STEP_BODIES)[S]>;

export const consultQuery = listQuery.extend({
  status: z.enum(CONSULT_STATUSES, { error: '会诊状态不正确' }).optional(),
  mode: z.enum(CONSULT_MODES, { error: '会诊方式不正确' }).optional(),
  direction: z.enum(['outgoing', 'incoming'], { error: '方向应为我发起的或邀请我的' }).optional(),
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
});
export type ConsultQuery = z.infer<typeof consultQuery>;

export const consultFileQuery = z.object({
  filename: z.string({ error: '请提供文件名' }).trim().min(1, '请提供文件名').max(200, '文件名不能超过 200 个字'),
});
export const consultFileParams = z.object({
  id: idQuery(),
  sha: z.string().regex(/^[0-9a-f]{64}$/, '文件编号应为 64 位十六进制 SHA-256'),
});
