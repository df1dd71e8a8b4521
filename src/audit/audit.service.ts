import { sealAudit, writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import * as q from './audit.queries.ts';
import type { AuditQuery, VerifyResult } from './audit.schema.ts';

const GENESIS = '0'.repeat(64);

export async function list(ctx: Ctx, f: AuditQuery) {
  const rows = await q.list(ctx.db, ctx.actor.countyId, f);
  // reading the log is itself an access worth recording
  await writeAudit(ctx.db, ctx.audit, { action: 'audit.read', resource: 'audit', detail: { filters: f } });
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      seq: r.seq === null ? null : Number(r.seq),
      at: r.at.toISOString(),
      username: r.username,
      role: r.role,
      orgId: r.org_id,
      action: r.action,
      resource: r.resource,
      resourceId: r.resource_id,
      residentId: r.resident_id,
      outcome: r.outcome,
      requestId: r.request_id,
      ip: r.ip,
      detail: r.detail,
    })),
    nextBeforeSeq: rows.length === f.limit ? Number(rows[rows.length - 1].id) : null,
  };
}

/**
 * Walks the chain in seq order. A changed row fails its own hash; a removed row breaks the
 * next row's link (or the seq count); removed newest rows leave the head ahead of the log.
 */
export async function verifyChain(db: Kdb, batchSize = 5000): Promise<VerifyResult> {
  await sealAudit(db);
  let prevHash = GENESIS;
  let prevSeq = 0;
  let rows = 0;
  for (;;) {
    const batch = await q.chainBatch(db, prevSeq, batchSize);
    for (const r of batch) {
      if (r.seq !== prevSeq + 1 || r.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenAtSeq: r.seq,
          problem: `第 ${r.seq} 条之前的记录缺失或被替换（链接断开，上一条为第 ${prevSeq} 条）`,
        };
      }
      if (r.computed !== r.hash)
        return { ok: false, rows, brokenAtSeq: r.seq, problem: `第 ${r.seq} 条记录内容被修改（哈希不符）` };
      prevHash = r.hash;
      prevSeq = r.seq;
      rows++;
    }
    if (batch.length < batchSize) break;
  }
  const head = await q.head(db);
  if (head && (head.seq !== prevSeq || head.hash !== prevHash)) {
    return {
      ok: false,
      rows,
      brokenAtSeq: prevSeq + 1,
      problem: `第 ${prevSeq + 1} 条至第 ${head.seq} 条记录被删除（链尾缺失）`,
    };
  }
  return { ok: true, rows, brokenAtSeq: null, problem: null };
}

export async function verify(ctx: Ctx): Promise<VerifyResult> {
  const result = await verifyChain(ctx.db);
  await writeAudit(ctx.db, ctx.audit, {
    action: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    resource: 'audit',
    detail: { ...result },
  });
  return result;
}
