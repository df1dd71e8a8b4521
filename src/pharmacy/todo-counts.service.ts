import { sql } from 'kysely';
import { addDays, shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { nearExpiryDays } from './stock.service.ts';

/**
 * The counter's to-dos for the home page (issue 14), in the caller's scope: batches near
 * expiry (expired ones still on the shelf first), residents still to call on open recalls,
 * and deliveries shipped to the caller's orgs not yet received (past the receipt limit first).
 */
export async function pharmacyTodo(ctx: Ctx) {
  const now = ctx.platform.config.now();
  const today = shanghaiDate(now);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const near = await nearExpiryDays(trx, ctx.actor.countyId);
    const { rows } = await sql<{
      near: number;
      expired: number;
      to_call: number;
      to_receive: number;
      overdue: number;
    }>`
      SELECT
        (SELECT count(*)::int FROM stock_batches WHERE county_id = ${ctx.actor.countyId} AND qty_in - qty_out > 0
           AND expiry_date <= ${addDays(today, near)}::date) AS near,
        (SELECT count(*)::int FROM stock_batches WHERE county_id = ${ctx.actor.countyId} AND qty_in - qty_out > 0
           AND expiry_date < ${today}::date) AS expired,
        (SELECT count(DISTINCT (r.id, l.resident_id))::int
           FROM drug_recalls r
           JOIN stock_batches b ON b.county_id = r.county_id AND b.drug_id = r.drug_id AND b.batch_no = r.batch_no
           JOIN dispense_lines l ON l.batch_id = b.id
          WHERE r.county_id = ${ctx.actor.countyId} AND r.status = 'open'
            AND NOT EXISTS (SELECT 1 FROM drug_recall_calls c WHERE c.recall_id = r.id AND c.resident_id = l.resident_id)) AS to_call,
        (SELECT count(*)::int FROM distributions d
          WHERE d.county_id = ${ctx.actor.countyId} AND d.status = 'shipped'
            AND d.to_org_id = ANY(${ctx.scope.orgIds}::int[])) AS to_receive,
        (SELECT count(*)::int FROM distributions d JOIN pharmacy_settings s ON s.county_id = d.county_id
          WHERE d.county_id = ${ctx.actor.countyId} AND d.status = 'shipped'
            AND d.to_org_id = ANY(${ctx.scope.orgIds}::int[])
            AND d.shipped_at < ${now}::timestamptz - make_interval(hours => s.receipt_due_hours)) AS overdue`.execute(
      trx,
    );
    return rows[0];
  });
}
