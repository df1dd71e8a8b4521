import { z } from 'zod';
import { listQueryWith, pageOf } from '../platform/list.schema.ts';
import { idQuery, intQuery } from '../platform/params.ts';

export const AUDIT_SORTS = ['at'] as const;
export const auditQuery = listQueryWith(AUDIT_SORTS).extend({
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
  username: z.string().trim().max(32).optional(),
  action: z.string().trim().max(60).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  residentId: idQuery().optional(),
  upTo: intQuery({ min: 1, max: Number.MAX_SAFE_INTEGER })
    .optional()
    .describe("rows up to this id: pass the first page's upTo so rows written since do not shift the pages"),
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
export const auditPage = pageOf(auditRow).extend({
  /** the newest row id this listing covers; null when the filter matches nothing */
  upTo: z.number().nullable(),
});

export const verifyResult = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenAtSeq: z.number().nullable(),
  problem: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof verifyResult>;
