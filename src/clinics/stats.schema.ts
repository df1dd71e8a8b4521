import { z } from 'zod';
import { intQuery, isoDate } from '../platform/params.ts';
import { SESSION_TYPES } from './session.schema.ts';

export const statsQuery = z.object({
  from: isoDate().optional(),
  to: isoDate().optional(),
  kind: z.enum(['expert', 'ordinary']).default('expert'),
});

const row = z.object({
  key: z.string(),
  label: z.string(),
  sessions: z.number(),
  expertVisits: z.number(),
  booked: z.number(),
  served: z.number(),
  noShows: z.number(),
});
export type StatsRow = z.infer<typeof row>;

export const clinicStats = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.enum(['expert', 'ordinary']),
  totals: row.omit({ key: true, label: true }).extend({ experts: z.number() }),
  byExpert: z.array(row),
  bySpeciality: z.array(row),
  byOrg: z.array(row),
  byMonth: z.array(row),
  savings: z.object({
    patientsServed: z.number(),
    avgOutOfCountyCostFen: z.number(),
    avgTravelCostFen: z.number(),
    avgInCountyCostFen: z.number(),
    perPatientFen: z.number(),
    totalFen: z.number(),
    formula: z.string(),
  }),
});

export const subsidyQuery = z.object({
  year: intQuery({ min: 2000, max: 2100, message: '年份不正确' }).optional(),
});
export const subsidyLedger = z.object({
  year: z.number(),
  budgetFen: z.number().nullable(),
  spentFen: z.number(),
  committedFen: z.number(),
  leftFen: z.number().nullable(),
  rates: z.array(z.object({ sessionType: z.string(), subsidyFen: z.number() })),
  byExpert: z.array(
    z.object({
      expertId: z.number().nullable(),
      expertName: z.string(),
      sessions: z.number(),
      spentFen: z.number(),
      committedFen: z.number(),
    }),
  ),
  byMonth: z.array(
    z.object({ month: z.string(), sessions: z.number(), spentFen: z.number(), committedFen: z.number() }),
  ),
  pendingApproval: z.array(
    z.object({
      sessionId: z.number(),
      date: z.string(),
      sessionType: z.string(),
      expertName: z.string().nullable(),
      subsidyFen: z.number(),
    }),
  ),
});
export const budgetBody = z.object({
  year: z.number().int('年份应为整数').min(2000, '年份不正确').max(2100, '年份不正确'),
  budgetFen: z.number().int('预算应精确到分').min(0, '预算不能为负').max(1e12, '预算不能超过 100 亿元'),
});
export type BudgetBody = z.infer<typeof budgetBody>;
export const ratesBody = z.object({
  rates: z
    .array(
      z.object({
        sessionType: z.enum(SESSION_TYPES, { error: '活动类型应为门诊、查房、手术或带教' }),
        subsidyFen: z
          .number()
          .int('补贴标准应精确到分')
          .min(0, '补贴标准不能为负')
          .max(1e9, '补贴标准不能超过 1000 万元'),
      }),
    )
    .min(1, '请至少填写一类活动的补贴标准')
    .max(4)
    .refine((rs) => new Set(rs.map((r) => r.sessionType)).size === rs.length, '每类活动只能填写一次'),
});
export type RatesBody = z.infer<typeof ratesBody>;
