import { sql } from 'kysely';
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
 * commit or vanish together. The chain link is added right after by the sealer.
 */
export async function writeAudit(trx: Kdb, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
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
    })
    .execute();
}

/** Links committed audit rows into the hash chain; returns how many it sealed. */
export async function sealAudit(db: Kdb, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await sql<{ n: number }>`SELECT audit_seal(${batch}) AS n`.execute(db);
    total += rows[0].n;
    if (rows[0].n < batch) return total;
  }
}

/** The server seals once a second; unref'd so it never keeps a process alive. */
export function startAuditSealer(db: Kdb, onError: (err: unknown) => void, everyMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAudit(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
