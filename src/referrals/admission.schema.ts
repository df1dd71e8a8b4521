import { z } from 'zod';
import { idQuery } from '../platform/params.ts';
import { URGENCIES } from './referral.states.ts';

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);

export const ADMISSION_STATUSES = ['requested', 'admitted', 'discharged', 'cancelled'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

export const admissionCreate = z.object({
  residentId: id('居民'),
  departmentId: id('科室'),
  urgency: z.enum(URGENCIES, { error: '紧急程度应为急诊、加急或普通' }).default('routine'),
  referralId: id('转诊单').optional(),
  note: z.string().trim().max(300, '备注不能超过 300 个字').optional(),
});
export type AdmissionCreate = z.infer<typeof admissionCreate>;

export const admission = z.object({
  id: z.number(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  referralId: z.number().nullable(),
  orgId: z.number(),
  departmentId: z.number(),
  departmentName: z.string(),
  urgency: z.enum(URGENCIES),
  priority: z.boolean(),
  status: z.enum(ADMISSION_STATUSES),
  bedId: z.number().nullable(),
  bedCode: z.string().nullable(),
  note: z.string().nullable(),
  requestedAt: z.string(),
  admittedAt: z.string().nullable(),
  dischargedAt: z.string().nullable(),
});
export type Admission = z.infer<typeof admission>;

export const bedBoard = z.object({
  department: z.object({ id: z.number(), name: z.string(), orgId: z.number() }),
  beds: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      admission: admission.nullable(),
      /** who holds the bed (bed_occupancy): an admitted request or an inpatient stay */
      occupant: z.object({ residentName: z.string().nullable(), stayId: z.number().nullable() }).nullable(),
    }),
  ),
  /** priority (三优先) patients first within an urgency */
  waiting: z.array(admission),
});
export type BedBoard = z.infer<typeof bedBoard>;

export const bedBoardQuery = z.object({
  departmentId: idQuery('请选择科室'),
});
export const bedsCreate = z.object({
  departmentId: id('科室'),
  codes: z.array(z.string().trim().min(1).max(20, '床位号不能超过 20 个字')).min(1, '请填写床位号').max(200),
});
export const admitBody = z.object({ bedId: id('床位') });
