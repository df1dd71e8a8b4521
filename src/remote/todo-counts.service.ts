import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { inScope, nowOf } from './remote.shared.ts';

/** The home page's remote-diagnosis counts (src/todo): what a reader has to read and review. */
export async function readerTodo(ctx: Ctx) {
  return inScope(ctx, async (trx) => {
    const { rows } = await sql<{ to_read: number; overdue: number; to_review: number; review_overdue: number }>`
      SELECT count(*) FILTER (WHERE r.status IN ('ready', 'claimed'))::int AS to_read,
             count(*) FILTER (WHERE r.status IN ('ready', 'claimed') AND r.due_at < ${nowOf(ctx)})::int AS overdue,
             count(*) FILTER (WHERE r.status = 'in_review' AND p.author_id <> ${ctx.actor.id})::int AS to_review,
             count(*) FILTER (WHERE r.status = 'in_review' AND p.author_id <> ${ctx.actor.id}
                              AND r.due_at < ${nowOf(ctx)})::int AS review_overdue
      FROM remote_requests r
      LEFT JOIN remote_reports p ON p.request_id = r.id AND p.status = 'submitted'
      WHERE r.reading_org_id = ANY (${ctx.scope.orgIds}::int[]) AND r.status IN ('ready', 'claimed', 'in_review')`.execute(
      trx,
    );
    return rows[0];
  });
}

/** ...and what a requesting clinic has to read: issued reports of the last 30 days nobody there confirmed. */
export async function requesterTodo(ctx: Ctx) {
  return inScope(ctx, async (trx) => {
    const { rows } = await sql<{ unread: number; amended: number }>`
      SELECT count(*)::int AS unread, count(*) FILTER (WHERE p.version > 1)::int AS amended
      FROM remote_requests r
      JOIN remote_reports p ON p.request_id = r.id AND p.status = 'issued'
      WHERE r.requesting_org_id = ANY (${ctx.scope.orgIds}::int[])
        AND p.issued_at > ${nowOf(ctx)}::timestamptz - interval '30 days'
        AND NOT EXISTS (SELECT 1 FROM remote_report_reads x WHERE x.report_id = p.id)`.execute(trx);
    return rows[0];
  });
}
