import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import type { AckBody, FlagBody } from './criticals.schema.ts';
import './criticals.tables.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';

/**
 * 危急值 (issue 12 §4), the steps people take: a reader flags, a second reader checks (which
 * notifies the requesting clinic in the same transaction: inbox rows first, the push second),
 * the clinic acknowledges with read-back, acts, and documents. Each step is one conditional
 * UPDATE on the expected status, timestamped by the injected clock, audited and published.
 */

export const CRITICAL_NOT_FOUND = '危急值';

type CriticalRow = {
  id: number;
  county_id: number;
  request_id: number;
  requesting_org_id: number;
  requesting_staff_id: number;
  reading_org_id: number;
  resident_id: number;
  status: string;
  flagged_by: number;
  item_name: string;
  detail: string;
};

/** the critical value as the caller may see it (row-level security hides another clinic's), locked */
async function lockCritical(trx: Kdb, id: number): Promise<CriticalRow> {
  const { rows } = await sql<CriticalRow>`
    SELECT c.id, c.county_id, c.request_id, c.requesting_org_id, r.requesting_staff_id, r.reading_org_id,
      r.resident_id, c.status, c.flagged_by, i.name AS item_name, c.detail
    FROM remote_criticals c
    JOIN remote_requests r ON r.id = c.request_id
    JOIN remote_critical_items i ON i.code = c.item_code
    WHERE c.id = ${id}
    FOR UPDATE OF c`.execute(trx);
  if (!rows[0]) throw notFound(CRITICAL_NOT_FOUND);
  return rows[0];
}

function expect(row: CriticalRow, statuses: readonly string[], message: string): void {
  if (!statuses.includes(row.status)) throw conflict('CRITICAL_STATE', message, { status: row.status });
}

async function announce(trx: Kdb, row: CriticalRow, step: string, at: Date): Promise<void> {
  const data = { criticalId: row.id, requestId: row.request_id, step, at: at.toISOString() };
  await publishRemote(trx, row.county_id, REMOTE_TOPIC.critical, [row.reading_org_id, row.requesting_org_id], data);
}

export async function flag(ctx: Ctx, requestId: number, input: FlagBody): Promise<{ id: number }> {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    if (input.clientId) {
      const { rows } = await sql<{ id: number }>`SELECT id FROM remote_criticals
        WHERE flagged_by = ${ctx.actor.id} AND client_id = ${input.clientId}`.execute(trx);
      if (rows[0]) return { id: rows[0].id };
    }
    const request = await trx
      .selectFrom('remote_requests')
      .select(['id', 'county_id', 'centre', 'requesting_org_id', 'reading_org_id', 'resident_id', 'status'])
      .where('id', '=', requestId)
      .where('reading_org_id', 'in', ctx.scope.orgIds.length ? ctx.scope.orgIds : [0])
      .executeTakeFirst();
    if (!request) throw notFound('阅片申请');
    if (request.status === 'cancelled') throw conflict('REQUEST_CANCELLED', '该申请已取消，不能标记危急值');
    const { rows: items } = await sql<{ code: string }>`SELECT code FROM remote_critical_items
      WHERE code = ${input.itemCode} AND centre IN (${request.centre}, 'lab')
        AND effective_from <= (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        AND (effective_to IS NULL OR effective_to > (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`.execute(
      trx,
    );
    if (!items[0])
      throw new AppError(422, 'CRITICAL_ITEM_INVALID', '该危急值项目不在本中心现行的危急值目录中', 'itemCode');
    const report = await trx
      .selectFrom('remote_reports')
      .select('id')
      .where('request_id', '=', requestId)
      .where('status', 'in', ['draft', 'submitted'])
      .executeTakeFirst();
    const { rows } = await sql<{ id: number }>`INSERT INTO remote_criticals (county_id, request_id, report_id,
        requesting_org_id, item_code, detail, flagged_by, flagged_at, client_id)
      VALUES (${request.county_id}, ${requestId}, ${report?.id ?? null}, ${request.requesting_org_id},
        ${input.itemCode}, ${input.detail}, ${ctx.actor.id}, ${now}, ${input.clientId ?? null})
      RETURNING id`.execute(trx);
    const id = rows[0].id;
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.flag',
      resource: 'remote_critical',
      resourceId: id,
      residentId: request.resident_id,
      detail: { requestId, itemCode: input.itemCode, reportId: report?.id ?? null },
    });
    await publishRemote(trx, request.county_id, REMOTE_TOPIC.critical, [request.reading_org_id], {
      criticalId: id,
      requestId,
      step: 'flagged',
      at: now.toISOString(),
    });
    return { id };
  });
}

/** 双人核对: another reader confirms, and the requesting clinic is told at once */
export async function check(ctx: Ctx, id: number): Promise<{ id: number; status: string }> {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const row = await lockCritical(trx, id);
    if (!ctx.scope.orgIds.includes(row.reading_org_id)) throw notFound(CRITICAL_NOT_FOUND);
    expect(row, ['pending_check'], '该危急值已复核或已撤回');
    if (row.flagged_by === ctx.actor.id)
      throw new AppError(422, 'DOUBLE_CHECK_SELF', '危急值须由另一位医师复核，标记人不能自己复核');
    await trx
      .updateTable('remote_criticals')
      .set({ status: 'notified', checked_by: ctx.actor.id, checked_at: now, notified_at: now })
      .where('id', '=', id)
      .execute();
    const title = `危急值：${row.item_name}`;
    await trx
      .insertInto('remote_notifications')
      .values(
        [
          { staff_id: null, created_at: now },
          { staff_id: row.requesting_staff_id, created_at: now },
        ].map((n) => ({
          ...n,
          county_id: row.county_id,
          org_id: row.requesting_org_id,
          kind: 'critical' as const,
          critical_id: id,
          request_id: row.request_id,
          title,
          body: row.detail,
        })),
      )
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.check',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
      detail: { notifiedOrgId: row.requesting_org_id, notifiedStaffId: row.requesting_staff_id },
    });
    await publishRemote(trx, row.county_id, REMOTE_TOPIC.notice, [row.requesting_org_id], {
      kind: 'critical',
      criticalId: id,
      requestId: row.request_id,
    });
    await announce(trx, row, 'notified', now);
    return { id, status: 'notified' };
  });
}

export async function withdraw(ctx: Ctx, id: number, reason: string): Promise<{ id: number; status: string }> {
  return inScope(ctx, async (trx) => {
    const row = await lockCritical(trx, id);
    if (!ctx.scope.orgIds.includes(row.reading_org_id)) throw notFound(CRITICAL_NOT_FOUND);
    expect(row, ['pending_check'], '已复核通知的危急值不能撤回');
    await trx
      .updateTable('remote_criticals')
      .set({ status: 'withdrawn', withdrawn_reason: reason })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.withdraw',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
      detail: { reason, at: nowOf(ctx).toISOString() },
    });
    await announce(trx, row, 'withdrawn', nowOf(ctx));
    return { id, status: 'withdrawn' };
  });
}

/** 回读确认: the receiver repeats the value; a patient who has left gets a call-back task */
export async function acknowledge(ctx: Ctx, id: number, input: AckBody): Promise<{ id: number; status: string }> {
  const now = nowOf(ctx);
  const readback = input.readback?.trim() ?? '';
  return inScope(ctx, async (trx) => {
    const row = await lockCritical(trx, id);
    if (readback.length < 2)
      throw new AppError(422, 'READBACK_REQUIRED', '确认危急值须复述（回读）危急值内容', 'readback');
    expect(row, ['notified'], '该危急值已确认或不在待确认状态');
    await trx
      .updateTable('remote_criticals')
      .set({ status: 'acknowledged', ack_by: ctx.actor.id, ack_at: now, readback, patient_status: input.patientStatus })
      .where('id', '=', id)
      .execute();
    if (input.patientStatus === 'left') {
      await trx
        .insertInto('remote_tasks')
        .values({
          county_id: row.county_id,
          critical_id: id,
          kind: 'call_back',
          org_id: row.requesting_org_id,
          staff_id: ctx.actor.id,
          due_at: now,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['critical_id', 'kind']).doNothing())
        .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.acknowledge',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
      detail: { readback, patientStatus: input.patientStatus },
    });
    await publishRemote(trx, row.county_id, REMOTE_TOPIC.notice, [row.requesting_org_id], {
      kind: 'acknowledged',
      criticalId: id,
    });
    await announce(trx, row, 'acknowledged', now);
    return { id, status: 'acknowledged' };
  });
}

export async function act(ctx: Ctx, id: number, action: string): Promise<{ id: number; status: string }> {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const row = await lockCritical(trx, id);
    expect(row, ['acknowledged'], '请先回读确认危急值，再记录处置');
    await trx
      .updateTable('remote_criticals')
      .set({ status: 'acted', acted_by: ctx.actor.id, acted_at: now, action_text: action })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.act',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
      detail: { action },
    });
    await announce(trx, row, 'acted', now);
    return { id, status: 'acted' };
  });
}

/** 病程记录: documents the critical value; an open progress-note task is done with it */
export async function note(ctx: Ctx, id: number, text: string): Promise<{ id: number; status: string }> {
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const row = await lockCritical(trx, id);
    expect(row, ['acted'], '请先记录处置措施，再书写病程记录');
    await trx
      .updateTable('remote_criticals')
      .set({ status: 'documented', noted_by: ctx.actor.id, noted_at: now, note_text: text })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('remote_tasks')
      .set({ done_at: now, done_by: ctx.actor.id, outcome: '已书写病程记录' })
      .where('critical_id', '=', id)
      .where('kind', '=', 'progress_note')
      .where('done_at', 'is', null)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.critical.note',
      resource: 'remote_critical',
      resourceId: id,
      residentId: row.resident_id,
      detail: { length: text.length },
    });
    await announce(trx, row, 'documented', now);
    return { id, status: 'documented' };
  });
}
