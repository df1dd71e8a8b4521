import { sql } from 'kysely';
import type { Kdb } from './db.ts';
import { backoffMs } from './periodic.ts';

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

/**
 * The server seals once a second; unref'd so it never keeps a process alive. A failed pass
 * (the database away) is reported and the sealer backs off (2 s, 4 s ... at most 10 s).
 */
export function startAuditSealer(db: Kdb, onError: (err: unknown) => void, everyMs = 1000): () => void {
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(
      () => {
        sealAudit(db)
          .then(
            () => {
              failures = 0;
            },
            (err: unknown) => {
              failures++;
              try {
                onError(err);
              } catch {
                /* a failing reporter must not stop the sealer */
              }
            },
          )
          .finally(() => {
            if (!stopped) schedule();
          });
      },
      backoffMs(failures, everyMs, Math.max(everyMs, 10_000)),
    );
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
