import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { readXlsx } from '../platform/xlsx-read.ts';
import type { Payer } from './calc.ts';
import * as q from './settle.queries.ts';

export const PAYER_LABELS: Record<Payer, string> = {
  basic: '基本医保统筹基金',
  serious: '大病保险',
  supplementary: '补充医疗保险',
  assistance: '医疗救助',
  doudi: '兜底保障资金',
};

/** 应收: each payer's share the hospital advanced, paged, with how long it has been open */
export async function list(
  ctx: Ctx,
  input: { page: number; pageSize: number; payer?: Payer; status?: string; olderThanDays?: number; q?: string },
  now: Date = new Date(),
) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const cutoff = input.olderThanDays !== undefined ? addDays(todayInShanghai(now), -input.olderThanDays) : null;
    const where = sql`rc.org_id = ANY(${ctx.scope.orgIds}::int[])
      ${input.payer ? sql`AND rc.payer = ${input.payer}` : sql``}
      ${input.status ? sql`AND rc.status = ${input.status}` : sql``}
      ${cutoff ? sql`AND rc.opened_on < ${cutoff}::date AND rc.status IN ('open', 'claimed')` : sql``}
      ${input.q ? sql`AND st.settlement_no LIKE ${input.q + '%'}` : sql``}`;
    const { rows: c } = await sql<{ n: string; amount: string }>`
      SELECT count(*)::text AS n, coalesce(sum(rc.amount_fen), 0)::text AS amount
      FROM receivables rc JOIN settlements st ON st.id = rc.settlement_id WHERE ${where}`.execute(trx);
    const { rows } = await sql<Record<string, unknown>>`
      SELECT rc.id, rc.payer, rc.amount_fen::text AS amount_fen, rc.status, rc.paid_fen::text AS paid_fen, rc.reject_reason,
             to_char(rc.opened_on, 'YYYY-MM-DD') AS opened_on, (${todayInShanghai(now)}::date - rc.opened_on) AS age_days,
             st.settlement_no, st.id AS settlement_id, o.name AS org_name, b.batch_no
      FROM receivables rc JOIN settlements st ON st.id = rc.settlement_id JOIN orgs o ON o.id = rc.org_id
      LEFT JOIN claim_batches b ON b.id = rc.batch_id
      WHERE ${where}
      ORDER BY CASE rc.status WHEN 'rejected' THEN 0 WHEN 'partly_paid' THEN 1 WHEN 'open' THEN 2 WHEN 'claimed' THEN 3 ELSE 4 END, rc.opened_on, rc.id LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`.execute(
      trx,
    );
    return {
      total: Number(c[0]?.n ?? 0),
      totalCapped: false,
      page: input.page,
      pageSize: input.pageSize,
      sumFen: Number(c[0]?.amount ?? 0),
      items: rows.map((r) => ({
        id: Number(r.id),
        payer: r.payer,
        payerLabel: PAYER_LABELS[r.payer as Payer],
        amountFen: Number(r.amount_fen),
        status: r.status,
        paidFen: r.paid_fen === null ? null : Number(r.paid_fen),
        rejectReason: r.reject_reason,
        openedOn: r.opened_on,
        ageDays: Number(r.age_days),
        settlementNo: r.settlement_no,
        settlementId: Number(r.settlement_id),
        orgName: r.org_name,
        batchNo: r.batch_no,
      })),
    };
  });
}

/** 垫付: what each hospital has advanced and not yet been paid, per payer, and what is older than 30 days */
export async function summary(ctx: Ctx, now: Date = new Date()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const cutoff = addDays(todayInShanghai(now), -30);
    const { rows } = await sql<{
      org_id: number;
      org_name: string;
      payer: Payer;
      open_fen: string;
      claimed_fen: string;
      old_n: string;
      old_fen: string;
    }>`
      SELECT rc.org_id, o.name AS org_name, rc.payer,
             coalesce(sum(rc.amount_fen) FILTER (WHERE rc.status = 'open'), 0)::text AS open_fen,
             coalesce(sum(rc.amount_fen) FILTER (WHERE rc.status = 'claimed'), 0)::text AS claimed_fen,
             count(*) FILTER (WHERE rc.status IN ('open', 'claimed') AND rc.opened_on < ${cutoff}::date)::text AS old_n,
             coalesce(sum(rc.amount_fen) FILTER (WHERE rc.status IN ('open', 'claimed') AND rc.opened_on < ${cutoff}::date), 0)::text AS old_fen
      FROM receivables rc JOIN orgs o ON o.id = rc.org_id
      WHERE rc.org_id = ANY(${ctx.scope.orgIds}::int[]) AND rc.status IN ('open', 'claimed')
      GROUP BY rc.org_id, o.name, rc.payer ORDER BY o.name, rc.payer`.execute(trx);
    return {
      items: rows.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        payer: r.payer,
        payerLabel: PAYER_LABELS[r.payer],
        openFen: Number(r.open_fen),
        claimedFen: Number(r.claimed_fen),
        outstandingFen: Number(r.open_fen) + Number(r.claimed_fen),
        over30Count: Number(r.old_n),
        over30Fen: Number(r.old_fen),
      })),
    };
  });
}

/** 申报: the open receivables of one hospital and payer in a period become one claim batch */
export async function createBatch(
  ctx: Ctx,
  input: { orgId: number; payer: Payer; periodFrom: string; periodTo: string },
) {
  if (input.periodTo < input.periodFrom) throw badRequest('BAD_PERIOD', '结束日期不能早于开始日期', 'periodTo');
  if (!ctx.scope.orgIds.includes(input.orgId)) throw notFound('机构');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    // one batch at a time per hospital and payer, so a receivable is never claimed twice
    await sql`SELECT pg_advisory_xact_lock(hashtext('claim_batches'), ${input.orgId})`.execute(trx);
    const { rows: open } = await sql<{ n: string; amount: string; county_id: number }>`
      SELECT count(*)::text AS n, coalesce(sum(amount_fen), 0)::text AS amount, min(county_id) AS county_id FROM receivables
      WHERE org_id = ${input.orgId} AND payer = ${input.payer} AND status = 'open'
        AND opened_on BETWEEN ${input.periodFrom}::date AND ${input.periodTo}::date`.execute(trx);
    const n = Number(open[0]?.n ?? 0);
    if (n === 0) throw conflict('NOTHING_TO_CLAIM', '该期间没有待申报的应收款');
    const batchNo = `SB${input.periodTo.replaceAll('-', '')}${input.payer.slice(0, 2).toUpperCase()}${String(await q.nextNumber(trx, 'claim_batch_seq')).padStart(5, '0')}`;
    const b = await trx
      .insertInto('claim_batches')
      .values({
        county_id: Number(open[0]?.county_id),
        org_id: input.orgId,
        payer: input.payer,
        batch_no: batchNo,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        items: n,
        claimed_fen: Number(open[0]?.amount ?? 0),
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`UPDATE receivables SET status = 'claimed', batch_id = ${b.id}
      WHERE org_id = ${input.orgId} AND payer = ${input.payer} AND status = 'open'
        AND opened_on BETWEEN ${input.periodFrom}::date AND ${input.periodTo}::date`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.claim_batch',
      resource: 'claim_batch',
      resourceId: b.id,
      detail: { batchNo, items: n },
    });
    return { id: b.id, batchNo, items: n, claimedFen: Number(open[0]?.amount ?? 0) };
  });
}

export async function batches(ctx: Ctx) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT b.*, o.name AS org_name, to_char(b.period_from, 'YYYY-MM-DD') AS pf, to_char(b.period_to, 'YYYY-MM-DD') AS pt,
             (SELECT count(*) FROM receivables r WHERE r.batch_id = b.id AND r.status = 'rejected')::int AS rejected,
             (SELECT count(*) FROM receivables r WHERE r.batch_id = b.id AND r.status = 'partly_paid')::int AS partly
      FROM claim_batches b JOIN orgs o ON o.id = b.org_id WHERE b.org_id = ANY(${ctx.scope.orgIds}::int[])
      ORDER BY b.created_at DESC LIMIT 200`.execute(trx);
    return {
      items: rows.map((b) => ({
        id: Number(b.id),
        batchNo: b.batch_no,
        orgName: b.org_name,
        payer: b.payer,
        payerLabel: PAYER_LABELS[b.payer as Payer],
        periodFrom: b.pf,
        periodTo: b.pt,
        status: b.status,
        items: Number(b.items),
        claimedFen: Number(b.claimed_fen),
        paidFen: b.paid_fen === null ? null : Number(b.paid_fen),
        rejected: Number(b.rejected),
        partlyPaid: Number(b.partly),
        createdAt: new Date(b.created_at as string).toISOString(),
      })),
    };
  });
}

interface ReturnRow {
  line: number;
  settlementNo: string;
  paidFen: number;
  reason: string;
}

const yuanToFen = (v: string): number | null => {
  const t = v.replace(/[,，¥\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
};

/** A payer's return file: CSV (UTF-8 or GB18030) or .xlsx with 结算单号, 实付金额(元), 拒付原因. */
export function parseReturnFile(fileName: string, content: Buffer): { rows: ReturnRow[]; errors: string[] } {
  let table: string[][];
  if (/\.xlsx$/i.test(fileName)) table = readXlsx(content);
  else {
    const utf8 = content.toString('utf8');
    const text = utf8.includes('\uFFFD') ? iconv.decode(content, 'gb18030') : utf8.replace(/^\uFEFF/, '');
    table = text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  }
  const header = table[0] ?? [];
  const col = (...names: string[]) => header.findIndex((h) => names.some((n) => h.includes(n)));
  const iNo = col('结算单号', 'setl_id', 'settlement_no');
  const iPaid = col('实付', 'paid');
  const iReason = col('拒付', '原因', 'reason');
  const errors: string[] = [];
  if (iNo < 0 || iPaid < 0) return { rows: [], errors: ['表头应包含"结算单号"和"实付金额"两列'] };
  const rows: ReturnRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const no = (cells[iNo] ?? '').trim();
    const paid = yuanToFen(cells[iPaid] ?? '');
    if (!no) errors.push(`第 ${line} 行：缺少结算单号`);
    else if (paid === null) errors.push(`第 ${line} 行：实付金额"${cells[iPaid] ?? ''}"不是金额`);
    else
      rows.push({ line, settlementNo: no, paidFen: paid, reason: iReason >= 0 ? (cells[iReason] ?? '').trim() : '' });
  });
  return { rows, errors };
}

/**
 * 回款对账: each line of the payer's return is matched to the batch's receivable by
 * settlement number: paid in full, paid with a difference (partly), rejected (nothing paid,
 * with the payer's reason), or unknown (not in this batch). A file is imported once.
 */
export async function importReturn(
  ctx: Ctx,
  batchId: number,
  input: { fileName: string; contentBase64: string },
  now: Date = new Date(),
) {
  const content = Buffer.from(input.contentBase64, 'base64');
  const { rows, errors } = parseReturnFile(input.fileName, content);
  if (errors.length)
    throw badRequest('BAD_RETURN_FILE', `回款文件有误：${errors.slice(0, 5).join('；')}`, 'contentBase64');
  if (!rows.length) throw badRequest('EMPTY_RETURN_FILE', '回款文件没有数据行', 'contentBase64');
  const sha = createHash('sha256').update(content).digest('hex');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows: bs } = await sql<{ id: number; org_id: number; county_id: number; payer: Payer; status: string }>`
      SELECT id, org_id, county_id, payer, status FROM claim_batches WHERE id = ${batchId} FOR UPDATE`.execute(trx);
    const b = bs[0];
    if (!b || !ctx.scope.orgIds.includes(b.org_id)) throw notFound('申报批次');
    const dup = await sql<{
      id: number;
    }>`SELECT id FROM payer_returns WHERE batch_id = ${batchId} AND file_sha256 = ${sha}`.execute(trx);
    if (dup.rows.length) throw conflict('RETURN_IMPORTED', '该回款文件已导入过');
    const { rows: recs } = await sql<{ id: number; settlement_no: string; amount_fen: string; status: string }>`
      SELECT rc.id, st.settlement_no, rc.amount_fen::text, rc.status FROM receivables rc JOIN settlements st ON st.id = rc.settlement_id
      WHERE rc.batch_id = ${batchId}`.execute(trx);
    const byNo = new Map(recs.map((r) => [r.settlement_no, r]));
    const ret = await sql<{ id: number }>`
      INSERT INTO payer_returns (county_id, org_id, batch_id, file_name, file_sha256, rows_total, matched, differences, rejected, unknown, imported_by, imported_at)
      VALUES (${b.county_id}, ${b.org_id}, ${batchId}, ${input.fileName}, ${sha}, ${rows.length}, 0, 0, 0, 0, ${ctx.actor.id}, ${now}) RETURNING id`.execute(
      trx,
    );
    const returnId = ret.rows[0]?.id;
    const counts = { matched: 0, difference: 0, rejected: 0, unknown: 0 };
    let paidTotal = 0;
    const lines: Array<{
      line: number;
      settlementNo: string;
      outcome: keyof typeof counts;
      claimedFen: number | null;
      paidFen: number;
      reason: string;
    }> = [];
    for (const r of rows) {
      const rec = byNo.get(r.settlementNo);
      let outcome: keyof typeof counts;
      let reason = r.reason;
      if (!rec) {
        outcome = 'unknown';
        reason = reason || '本批次中没有该结算单';
      } else {
        const claimed = Number(rec.amount_fen);
        if (r.paidFen === 0 && claimed !== 0) {
          outcome = 'rejected';
          reason = reason || '拒付（未注明原因）';
          await sql`UPDATE receivables SET status = 'rejected', paid_fen = 0, reject_reason = ${reason}, resolved_at = ${now} WHERE id = ${rec.id}`.execute(
            trx,
          );
        } else if (r.paidFen === claimed) {
          outcome = 'matched';
          await sql`UPDATE receivables SET status = 'paid', paid_fen = ${r.paidFen}, resolved_at = ${now} WHERE id = ${rec.id}`.execute(
            trx,
          );
        } else {
          outcome = 'difference';
          reason = reason || `申报 ${(claimed / 100).toFixed(2)}，实付 ${(r.paidFen / 100).toFixed(2)}`;
          await sql`UPDATE receivables SET status = 'partly_paid', paid_fen = ${r.paidFen}, reject_reason = ${reason}, resolved_at = ${now} WHERE id = ${rec.id}`.execute(
            trx,
          );
        }
        paidTotal += r.paidFen;
        byNo.delete(r.settlementNo);
      }
      counts[outcome]++;
      lines.push({
        line: r.line,
        settlementNo: r.settlementNo,
        outcome,
        claimedFen: rec ? Number(rec.amount_fen) : null,
        paidFen: r.paidFen,
        reason,
      });
    }
    await sql`INSERT INTO payer_return_lines (return_id, line_no, county_id, org_id, settlement_no, receivable_id, claimed_fen, paid_fen, outcome, reason)
      SELECT ${returnId}, x.line_no, ${b.county_id}, ${b.org_id}, x.settlement_no, x.receivable_id, x.claimed_fen, x.paid_fen, x.outcome, x.reason
      FROM jsonb_to_recordset(${JSON.stringify(
        lines.map((l) => ({
          line_no: l.line,
          settlement_no: l.settlementNo,
          receivable_id: recs.find((r) => r.settlement_no === l.settlementNo)?.id ?? null,
          claimed_fen: l.claimedFen,
          paid_fen: l.paidFen,
          outcome: l.outcome,
          reason: l.reason || null,
        })),
      )}::jsonb) AS x(line_no int, settlement_no text, receivable_id int, claimed_fen bigint, paid_fen bigint, outcome text, reason text)`.execute(
      trx,
    );
    await sql`UPDATE payer_returns SET matched = ${counts.matched}, differences = ${counts.difference}, rejected = ${counts.rejected}, unknown = ${counts.unknown}
      WHERE id = ${returnId}`.execute(trx);
    await sql`UPDATE claim_batches SET status = 'returned', returned_at = ${now}, paid_fen = coalesce(paid_fen, 0) + ${paidTotal} WHERE id = ${batchId}`.execute(
      trx,
    );
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.return_import',
      resource: 'claim_batch',
      resourceId: batchId,
      detail: { fileName: input.fileName, sha256: sha, ...counts },
    });
    const missing = [...byNo.keys()];
    return { returnId, ...counts, missingFromFile: missing, lines: lines.filter((l) => l.outcome !== 'matched') };
  });
}

/** a batch with each receivable and what the payer's return said of it */
export async function batchDetail(ctx: Ctx, batchId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows: bs } = await sql<{ org_id: number }>`SELECT org_id FROM claim_batches WHERE id = ${batchId}`.execute(
      trx,
    );
    const b = bs[0];
    if (!b || !ctx.scope.orgIds.includes(b.org_id)) throw notFound('申报批次');
    const { rows } = await sql<Record<string, unknown>>`
      SELECT rc.id, st.settlement_no, rc.amount_fen::text AS amount_fen, rc.status, rc.paid_fen::text AS paid_fen, rc.reject_reason,
             to_char(rc.opened_on, 'YYYY-MM-DD') AS opened_on
      FROM receivables rc JOIN settlements st ON st.id = rc.settlement_id WHERE rc.batch_id = ${batchId} ORDER BY st.settlement_no`.execute(
      trx,
    );
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        settlementNo: r.settlement_no,
        amountFen: Number(r.amount_fen),
        status: r.status,
        paidFen: r.paid_fen === null ? null : Number(r.paid_fen),
        rejectReason: r.reject_reason,
        openedOn: r.opened_on,
      })),
    };
  });
}
