import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';
import * as q from './requests.queries.ts';
import type { Centre } from './remote.tables.ts';

/**
 * The reading centre (issue 12 §3): the live worklist, claims (one winner: a conditional
 * UPDATE), structured reports, review and signing by a second doctor (the database refuses a
 * reviewer who wrote the report), issued reports that never change (an amendment is the next
 * version) and the requester told of each.
 */

const PRIORITY_RANK = sql<number>`CASE r.priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;

export async function worklist(ctx: Ctx, input: { centre?: Centre; tab: 'open' | 'review' | 'mine' }) {
  return inScope(ctx, async (trx) => {
    let query = q.listBase(trx).where('r.reading_org_id', 'in', ctx.scope.orgIds);
    if (input.centre) query = query.where('r.centre', '=', input.centre);
    if (input.tab === 'open')
      query = query.where('r.status', 'in', ['awaiting_study', 'ready', 'claimed', 'in_review']);
    else if (input.tab === 'mine')
      query = query.where('r.status', '=', 'claimed').where('r.claimed_by', '=', ctx.actor.id);
    else
      query = query
        .where('r.status', '=', 'in_review')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('remote_reports as p')
              .select('p.id')
              .whereRef('p.request_id', '=', 'r.id')
              .where('p.status', '=', 'submitted')
              .where('p.author_id', '<>', ctx.actor.id),
          ),
        );
    const rows = await query.orderBy(PRIORITY_RANK).orderBy('r.due_at').orderBy('r.id').limit(300).execute();
    const counts = await sql<{ centre: Centre; open: number; overdue: number; review: number }>`
      SELECT centre,
             count(*) FILTER (WHERE status IN ('ready', 'claimed'))::int AS open,
             count(*) FILTER (WHERE due_at < ${nowOf(ctx)})::int AS overdue,
             count(*) FILTER (WHERE status = 'in_review')::int AS review
      FROM remote_requests
      WHERE reading_org_id = ANY (${ctx.scope.orgIds}::int[]) AND status IN ('ready', 'claimed', 'in_review', 'awaiting_study')
      GROUP BY centre`.execute(trx);
    return { items: rows.map((r) => q.toListItem(r, nowOf(ctx))), counts: counts.rows };
  });
}

export async function requestRow(trx: Kdb, id: number) {
  const row = await trx
    .selectFrom('remote_requests')
    .select([
      'id',
      'county_id',
      'status',
      'centre',
      'claimed_by',
      'resident_id',
      'requesting_org_id',
      'reading_org_id',
      'exam_order_id',
      'accession',
      'item_name',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('诊断申请');
  return row;
}

export const announce = (
  trx: Kdb,
  ctx: Ctx,
  r: { id: number; reading_org_id: number; requesting_org_id: number },
  status: string,
) =>
  publishRemote(trx, ctx.actor.countyId, REMOTE_TOPIC.request, [r.reading_org_id, r.requesting_org_id], {
    id: r.id,
    status,
    by: ctx.actor.id,
  });

/** One reader takes a study: of readers racing for it, exactly one wins. */
export async function claim(ctx: Ctx, id: number) {
  await inScope(ctx, async (trx) => {
    const now = nowOf(ctx);
    const won = await trx
      .updateTable('remote_requests as r')
      .set((eb) => ({ status: 'claimed', claimed_by: ctx.actor.id, claimed_at: now, version: eb('r.version', '+', 1) }))
      .where('r.id', '=', id)
      .where('r.reading_org_id', 'in', ctx.scope.orgIds)
      .where((eb) =>
        eb.or([
          eb('r.status', '=', 'ready'),
          eb.and([eb('r.status', '=', 'awaiting_study'), eb('r.centre', '=', 'pathology')]),
        ]),
      )
      .returning(['r.id', 'r.resident_id', 'r.reading_org_id', 'r.requesting_org_id'])
      .executeTakeFirst();
    if (!won) {
      const row = await requestRow(trx, id);
      if (row.status === 'claimed') {
        const who = await trx
          .selectFrom('staff')
          .select('display_name')
          .where('id', '=', row.claimed_by)
          .executeTakeFirst();
        throw conflict('ALREADY_CLAIMED', `该检查已由${who?.display_name ?? '其他医师'}领取阅片`);
      }
      if (row.status === 'awaiting_study') throw conflict('NO_STUDY_YET', '检查文件尚未上传，暂不能阅片');
      throw conflict('NOT_CLAIMABLE', `该申请当前状态为「${q.STATUS_TEXT[row.status]}」，不能领取`);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'remote.claim',
      resource: 'remote_request',
      resourceId: id,
      residentId: won.resident_id,
    });
    await announce(trx, ctx, won, 'claimed');
  });
}

export async function release(ctx: Ctx, id: number) {
  await inScope(ctx, async (trx) => {
    const open = await trx
      .selectFrom('remote_reports')
      .select('id')
      .where('request_id', '=', id)
      .where('status', 'in', ['draft', 'submitted'])
      .executeTakeFirst();
    if (open) throw conflict('REPORT_OPEN', '已有草稿报告，不能放回；请完成或交由审核');
    const row = await trx
      .updateTable('remote_requests as r')
      .set((eb) => ({ status: 'ready', claimed_by: null, claimed_at: null, version: eb('r.version', '+', 1) }))
      .where('r.id', '=', id)
      .where('r.status', '=', 'claimed')
      .where('r.claimed_by', '=', ctx.actor.id)
      .where('r.issued_at', 'is', null)
      .returning(['r.id', 'r.resident_id', 'r.reading_org_id', 'r.requesting_org_id'])
      .executeTakeFirst();
    if (!row) {
      await requestRow(trx, id);
      throw conflict('NOT_YOUR_CLAIM', '只能放回自己领取、尚未出报告的检查');
    }
    await writeAudit(trx, ctx.audit, {
      action: 'remote.release',
      resource: 'remote_request',
      resourceId: id,
      residentId: row.resident_id,
    });
    await announce(trx, ctx, row, 'ready');
  });
}
