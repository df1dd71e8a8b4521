import { sealAudit, writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  shanghaiText,
  toXlsx,
  type SheetColumn,
} from '../platform/list.ts';
import { isRole, ROLE_LABELS } from '../platform/roles.ts';
import type { Kdb } from '../platform/db.ts';
import * as q from './audit.queries.ts';
import type { AuditQuery, VerifyResult } from './audit.schema.ts';

const GENESIS = '0'.repeat(64);

type Row = Awaited<ReturnType<ReturnType<typeof q.list>['executeTakeFirstOrThrow']>>;
const toRow = (r: Row) => ({
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
});

/** counting a busy log stops here; the pages past it are reached by narrowing the filter */
const COUNT_CAP = 10_000;

/** The newest row the first page saw: later pages stay on the same rows while new ones arrive. */
async function pinned(db: Kdb, countyId: number, f: AuditQuery): Promise<AuditQuery> {
  if (f.upTo) return f;
  const newest = await q
    .list(db, countyId, { ...f, sort: undefined })
    .clearSelect()
    .select('id')
    .limit(1)
    .executeTakeFirst();
  return { ...f, upTo: newest ? Number(newest.id) : undefined };
}

export async function list(ctx: Ctx, input: AuditQuery) {
  const f = await pinned(ctx.db, ctx.actor.countyId, input);
  const { rows, meta } = await fetchPage(ctx.db, q.list(ctx.db, ctx.actor.countyId, f), f, COUNT_CAP);
  // reading the log is itself an access worth recording
  await writeAudit(ctx.db, ctx.audit, { action: 'audit.read', resource: 'audit', detail: { filters: input } });
  return { ...meta, items: rows.map(toRow), upTo: f.upTo ?? null };
}

const OUTCOMES: Record<string, string> = { success: '成功', denied: '拒绝', failure: '失败' };
const SHEET: Array<SheetColumn<ReturnType<typeof toRow>>> = [
  { header: '序号', value: (r) => r.seq, width: 9 },
  { header: '时间', value: (r) => shanghaiText(r.at), width: 17 },
  { header: '用户名', value: (r) => r.username, width: 16 },
  { header: '角色', value: (r) => (r.role && isRole(r.role) ? ROLE_LABELS[r.role] : r.role), width: 14 },
  { header: '机构编号', value: (r) => r.orgId, width: 9 },
  { header: '操作', value: (r) => r.action, width: 24 },
  { header: '结果', value: (r) => OUTCOMES[r.outcome] ?? r.outcome, width: 7 },
  { header: '对象', value: (r) => r.resource, width: 14 },
  { header: '对象编号', value: (r) => r.resourceId, width: 10 },
  { header: '居民编号', value: (r) => r.residentId, width: 10 },
  { header: 'IP', value: (r) => r.ip, width: 15 },
  { header: '请求编号', value: (r) => r.requestId, width: 38 },
  { header: '详情', value: (r) => (r.detail == null ? null : JSON.stringify(r.detail)), width: 60 },
];

export async function exportXlsx(ctx: Ctx, input: AuditQuery) {
  const result = await ctx.db.transaction().execute(async (trx) =>
    exportRows(trx, ctx.audit, q.list(trx, ctx.actor.countyId, await pinned(trx, ctx.actor.countyId, input)), {
      action: 'audit.export',
      resource: 'audit',
      filter: exportFilter(input),
    }),
  );
  return toXlsx(refuseIfTooMany(result).map(toRow), SHEET, '审计日志');
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
