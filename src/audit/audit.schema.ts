import { z } from 'zod';
import { idQuery, intQuery } from '../platform/params.ts';

export const auditQuery = z.object({
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
  username: z.string().trim().max(32).optional(),
  action: z.string().trim().max(60).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  residentId: idQuery().optional(),
  limit: intQuery({ min: 1, max: 200, tooBig: '每页最多 200 条' }).default(50),
  beforeSeq: intQuery({ min: 1, max: Number.MAX_SAFE_INTEGER })
    .optional()
    .describe('page cursor: rows with id below this'),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditRow = z.object({
  id: z.number(),
  seq: z.number().nullable().describe('position in the hash chain; null until sealed (≤ 1 s)'),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  orgId: z.number().nullable(),
  action: z.string(),
  resource: z.string().nullable(),
  resourceId: z.string().nullable(),
  residentId: z.number().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.unknown(),
});
export const auditPage = z.object({ items: z.array(auditRow), nextBeforeSeq: z.number().nullable() });

export const verifyResult = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenAtSeq: z.number().nullable(),
  problem: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof verifyResult>;
