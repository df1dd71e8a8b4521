import type { Kdb } from './db.ts';

export interface AuditContext {
  userId: number | null;
  username: string | null;
  role: string | null;
  orgId: number | null;
  countyId: number | null;
  requestId: string;
  ip: string;
}

export interface AuditEntry {
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  resource?: string;
  resourceId?: string | number;
  residentId?: number | null;
  detail?: Record<string, unknown>;
}

/**
 * Writes one audit row with the caller's transaction so that the action and its record
 * commit or vanish together. The hash chain is filled by a database trigger.
 */
export async function writeAudit(trx: Kdb, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values({
    county_id: ctx.countyId,
    user_id: ctx.userId,
    username: ctx.username,
    role: ctx.role,
    org_id: ctx.orgId,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    resource: entry.resource ?? null,
    resource_id: entry.resourceId === undefined ? null : String(entry.resourceId),
    resident_id: entry.residentId ?? null,
    request_id: ctx.requestId,
    ip: ctx.ip,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  }).execute();
}
