import { z } from 'zod';
import { listQueryWith, pageOf } from '../platform/list.schema.ts';
import { isoDate } from '../platform/params.ts';
import { carePlan } from '../referrals/referral.schema.ts';
import { bodyId, diagnosis, diagnosisCode, DISPOSITIONS, feeSummary, moment, text } from './care.schema.ts';

export const STAY_STATUSES = ['admitted', 'discharged', 'cancelled'] as const;

export const stayCreate = z.object({
  residentId: bodyId('居民').optional(),
  departmentId: bodyId('科室').optional(),
  bedId: bodyId('床位').optional(),
  /** from the 三优先 bed board: the request gives the resident and department */
  admissionRequestId: bodyId('住院申请').optional(),
  referralId: bodyId('转诊单').optional(),
  admittedAt: moment('入院时间').optional(),
  diagnosisCodes: z.array(diagnosisCode).max(10, '诊断最多 10 个').default([]),
});
export type StayCreate = z.infer<typeof stayCreate>;

export const stayTransfer = z.object({
  departmentId: bodyId('转入科室'),
  bedId: bodyId('床位').optional(),
  at: moment('转科时间').optional(),
});
export type StayTransfer = z.infer<typeof stayTransfer>;

export const operationCreate = z.object({
  code: z.string().trim().max(20).optional(),
  name: text('手术名称', 60).refine((s) => s.length >= 2, '手术名称至少 2 个字'),
  grade: z.number({ error: '请选择手术级别' }).int().min(1, '手术级别为一至四级').max(4, '手术级别为一至四级'),
  performedAt: moment('手术时间'),
});
export type OperationCreate = z.infer<typeof operationCreate>;

export const downReferralInput = z.object({
  toOrgId: bodyId('接收机构'),
  toDepartmentId: bodyId('接收科室').optional(),
  reason: text('下转原因', 500),
  dischargeSummary: text('出院小结', 4000),
  carePlan,
});
export const stayDischarge = z.object({
  at: moment('出院时间').optional(),
  disposition: z.enum(DISPOSITIONS, { error: '请选择离院方式' }),
  diagnosisCodes: z.array(diagnosisCode).min(1, '请填写出院诊断').max(10, '诊断最多 10 个'),
  /** with disposition down_referral: the down-referral made through the referral feature */
  downReferral: downReferralInput.optional(),
});
export type StayDischarge = z.infer<typeof stayDischarge>;

export const stay = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  departmentId: z.number(),
  departmentName: z.string(),
  bedId: z.number().nullable(),
  bedCode: z.string().nullable(),
  admittedAt: z.string(),
  admissionDiagnoses: z.array(diagnosis),
  status: z.enum(STAY_STATUSES),
  dischargedAt: z.string().nullable(),
  dischargeDiagnoses: z.array(diagnosis),
  disposition: z.enum(DISPOSITIONS).nullable(),
  downReferralId: z.number().nullable(),
  lengthOfStayDays: z.number().nullable(),
  source: z.enum(['local', 'his', 'seed']),
  externalNumber: z.string().nullable(),
  admissionRequestId: z.number().nullable(),
  totalFen: z.number(),
});
export type Stay = z.infer<typeof stay>;

export const stayDetail = stay.extend({
  movements: z.array(
    z.object({
      id: z.number(),
      departmentId: z.number(),
      departmentName: z.string(),
      bedCode: z.string().nullable(),
      fromAt: z.string(),
      toAt: z.string().nullable(),
      kind: z.enum(['admission', 'transfer']),
    }),
  ),
  operations: z.array(
    z.object({
      id: z.number(),
      code: z.string().nullable(),
      name: z.string(),
      grade: z.number(),
      performedAt: z.string(),
    }),
  ),
  fees: feeSummary,
});
export type StayDetail = z.infer<typeof stayDetail>;

export const stayQuery = listQueryWith(['admittedAt', 'dischargedAt']).extend({
  status: z.enum(STAY_STATUSES).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});
export type StayQuery = z.infer<typeof stayQuery>;
export const stayPage = pageOf(stay);
