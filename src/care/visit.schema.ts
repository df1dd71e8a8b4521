import { z } from 'zod';
import { listQueryWith, pageOf } from '../platform/list.schema.ts';
import { idQuery, isoDate } from '../platform/params.ts';
import {
  bodyId,
  diagnosis,
  diagnosisCode,
  feeSummary,
  FREQUENCIES,
  optionalText,
  reason,
  ROUTES,
  text,
} from './care.schema.ts';

export const VISIT_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const visitCreate = z.object({
  residentId: bodyId('居民'),
  departmentId: bodyId('科室').optional(),
  chiefComplaint: optionalText('主诉', 500),
  diagnosisCodes: z.array(diagnosisCode).max(10, '诊断最多 10 个').default([]),
  tcm: z.boolean().default(false),
  referralId: bodyId('转诊单').optional(),
  clinicSessionId: bodyId('专家门诊').optional(),
});
export type VisitCreate = z.infer<typeof visitCreate>;

export const visitPatch = z.object({
  chiefComplaint: optionalText('主诉', 500),
  diagnosisCodes: z.array(diagnosisCode).max(10, '诊断最多 10 个').optional(),
  tcm: z.boolean().optional(),
  /** required once the day is closed: the change is then an amendment */
  reason: reason.optional(),
});
export type VisitPatch = z.infer<typeof visitPatch>;

export const visit = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  registeredAt: z.string(),
  visitDay: z.string(),
  queueNo: z.number().nullable(),
  chiefComplaint: z.string().nullable(),
  diagnoses: z.array(diagnosis),
  tcm: z.boolean(),
  referralId: z.number().nullable(),
  clinicSessionId: z.number().nullable(),
  status: z.enum(VISIT_STATUSES),
  source: z.enum(['local', 'his', 'seed']),
  externalNumber: z.string().nullable(),
  doctorName: z.string().nullable(),
  totalFen: z.number(),
});
export type Visit = z.infer<typeof visit>;

export const prescriptionLine = z.object({
  itemCode: z.string().trim().toUpperCase().min(2, '请选择药品').max(24),
  dose: text('单次剂量', 30),
  route: z.enum(ROUTES, { error: '请选择给药途径' }),
  frequency: z.enum(FREQUENCIES, { error: '请选择频次' }),
  days: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '天数至少 1 天').max(90, '天数最多 90 天'),
  quantity: z.number({ error: '请填写数量' }).positive('数量应大于 0').max(9999, '数量过大'),
});
export const prescriptionCreate = z.object({
  lines: z.array(prescriptionLine).min(1, '请至少开一种药').max(20, '一张处方最多 20 种药'),
  tcm: z.boolean().default(false),
});
export type PrescriptionCreate = z.infer<typeof prescriptionCreate>;
export const prescription = z.object({
  id: z.number(),
  prescribedAt: z.string(),
  prescriberName: z.string().nullable(),
  tcm: z.boolean(),
  status: z.enum(['issued', 'dispensed', 'cancelled']),
  lines: z.array(prescriptionLine.extend({ lineNo: z.number(), itemName: z.string(), spec: z.string().nullable() })),
});
export type Prescription = z.infer<typeof prescription>;

export const visitExamBody = z.object({
  itemCode: z.string().trim().min(2, '请选择检查项目').max(20),
  urgency: z.enum(['emergency', 'urgent', 'routine'], { error: '紧急程度应为急诊、加急或普通' }).default('routine'),
  clinicalNote: optionalText('临床说明', 500),
});
export type VisitExamBody = z.infer<typeof visitExamBody>;
export const visitExam = z.object({
  id: z.number(),
  itemCode: z.string(),
  itemName: z.string(),
  status: z.string(),
  priceFen: z.number(),
  performingOrgName: z.string().nullable(),
  resultText: z.string().nullable(),
  createdAt: z.string(),
});

export const amendment = z.object({
  id: z.number(),
  what: z.string(),
  reason: z.string(),
  staffName: z.string().nullable(),
  at: z.string(),
});

export const visitDetail = visit.extend({
  prescriptions: z.array(prescription),
  exams: z.array(visitExam),
  fees: feeSummary,
  amendments: z.array(amendment),
  dayClosed: z.boolean(),
});
export type VisitDetail = z.infer<typeof visitDetail>;

export const visitQuery = listQueryWith(['registeredAt', 'queueNo']).extend({
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  tcm: z.enum(['true', 'false']).optional(),
  residentId: idQuery().optional(),
});
export type VisitQuery = z.infer<typeof visitQuery>;
export const visitPage = pageOf(visit);

export const closeDayBody = z.object({ day: isoDate('日结日期') });
export const closeDayResult = z.object({ day: z.string(), orgId: z.number(), visits: z.number() });
export const cancelBody = z.object({ reason });
