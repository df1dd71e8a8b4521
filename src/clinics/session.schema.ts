import { z } from 'zod';
import { idQuery, intQuery, isoDate } from '../platform/params.ts';

export const SESSION_KINDS = ['expert', 'ordinary'] as const;
export const SESSION_TYPES = ['clinic', 'ward_round', 'operation', 'teaching'] as const;
export const SESSION_STATUSES = ['pending_approval', 'published', 'cancelled', 'closed'] as const;

const date = isoDate();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const slot = z.object({
  id: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  held: z.number().describe('kept for referred patients (三优先) until holdUntil'),
  booked: z.number(),
  free: z.number().describe('bookable now by a patient who was not referred'),
  freeReferred: z.number().describe('bookable now by a referred patient'),
});
export type Slot = z.infer<typeof slot>;

export const clinicSession = z.object({
  id: z.number(),
  kind: z.enum(SESSION_KINDS),
  sessionType: z.enum(SESSION_TYPES),
  expertId: z.number().nullable(),
  expertName: z.string().nullable(),
  expertTitle: z.string().nullable(),
  homeHospital: z.string().nullable(),
  speciality: z.string().nullable(),
  doctorName: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  room: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  releaseAt: z.string(),
  holdUntil: z.string(),
  released: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  capacity: z.number(),
  booked: z.number(),
  free: z.number(),
  subsidyFen: z.number(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
});
export type ClinicSession = z.infer<typeof clinicSession>;
export const clinicSessionDetail = clinicSession.extend({ slots: z.array(slot), waitlist: z.number() });
export const clinicSessionPage = z.object({ items: z.array(clinicSession), hasMore: z.boolean() });

export const sessionCreate = z.object({
  kind: z.enum(SESSION_KINDS, { error: '门诊类别应为专家或普通门诊' }).default('expert'),
  sessionType: z.enum(SESSION_TYPES, { error: '活动类型应为门诊、查房、手术或带教' }).default('clinic'),
  expertId: z.number().int().positive().max(2147483647).nullable().optional(),
  doctorName: z.string().trim().min(1).max(30, '医生姓名不能超过 30 个字').nullable().optional(),
  orgId: z.number().int().positive('请选择机构').max(2147483647),
  departmentId: z.number().int().positive('请选择科室').max(2147483647),
  room: z.string().trim().min(1, '请填写诊室').max(20, '诊室不能超过 20 个字'),
  date,
  startTime: clock,
  endTime: clock,
  slotMinutes: z.number().int().min(5, '每个时段至少 5 分钟').max(240, '每个时段最多 240 分钟').default(30),
  capacityPerSlot: z.number().int().min(1, '每个时段至少 1 个号').max(200, '每个时段最多 200 个号'),
  heldPerSlot: z.number().int().min(0).max(200).default(0).describe('of each slot, kept for referred patients'),
  note: z.string().trim().max(200, '备注不能超过 200 个字').nullable().optional(),
});
export type SessionCreate = z.infer<typeof sessionCreate>;

export const sessionSearch = z.object({
  from: date.optional(),
  to: date.optional(),
  orgId: idQuery().optional(),
  departmentId: idQuery().optional(),
  expertId: idQuery().optional(),
  kind: z.enum(SESSION_KINDS).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional().describe("only the logged-in expert's sessions"),
  limit: intQuery({ min: 1, max: 200, tooBig: '每页最多 200 条' }).default(50),
  offset: intQuery({ min: 0, max: 100000 }).default(0),
});
export type SessionSearch = z.infer<typeof sessionSearch>;

export const reasonBody = z.object({
  reason: z.string().trim().min(2, '请填写原因').max(100, '原因不能超过 100 个字'),
});
export type ReasonBody = z.infer<typeof reasonBody>;

export const closeResult = z.object({ noShows: z.number(), suspended: z.number() });
