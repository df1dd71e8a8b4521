import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publishCommitted } from '../platform/events.ts';
import { addMoves } from './stock.core.ts';
import type { RecallCall, RecallCreate } from './stock.schema.ts';

/**
 * 召回 (issue 14). Given an item's batch number: every org holding it has its available
 * quantity blocked at once (one 'block' ledger row per batch row, in one transaction) and its
 * in-stock trace codes blocked; the call list names every resident who received the batch,
 * with contact, from dispense_lines by batch (an index on batch_id: < 1 s for 100,000
 * dispensings, see bench/dispense-rush.ts).
 */
export async function startRecall(ctx: Ctx, input: RecallCreate) {
  const countyId = ctx.actor.countyId;
  const now = ctx.platform.config.now();
  try {
    const out = await withScope(ctx.db, ctx.scope, async (trx) => {
      const drug = await trx
        .selectFrom('drugs')
        .select(['id', 'generic_name'])
        .where('id', '=', input.drugId)
        .where('county_id', '=', countyId)
        .executeTakeFirst();
      if (!drug) throw badRequest('DRUG_UNKNOWN', '药品不在本县目录中', 'drugId');
      // lock the batch rows first, so a dispensing in flight finishes before or waits after
      const batches = await sql<{ id: number; org_id: number; available: number }>`
        SELECT id, org_id, (qty_in - qty_out - qty_blocked)::int AS available
        FROM stock_batches WHERE county_id = ${countyId} AND drug_id = ${input.drugId} AND batch_no = ${input.batchNo}
        ORDER BY expiry_date, id FOR UPDATE`.execute(trx);
      const known = await trx
        .selectFrom('dispense_lines as l')
        .innerJoin('stock_batches as b', 'b.id', 'l.batch_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('b.county_id', '=', countyId)
        .where('b.drug_id', '=', input.drugId)
        .where('b.batch_no', '=', input.batchNo)
        .executeTakeFirstOrThrow();
      if (batches.rows.length === 0 && known.n === 0)
        throw badRequest(
          'BATCH_UNKNOWN',
          `本县没有「${drug.generic_name}」批号 ${input.batchNo} 的库存或发药记录`,
          'batchNo',
        );
      const recall = await trx
        .insertInto('drug_recalls')
        .values({
          county_id: countyId,
          org_id: ctx.actor.orgId,
          drug_id: input.drugId,
          batch_no: input.batchNo,
          level: input.level,
          reason: input.reason,
          started_by: ctx.actor.id,
          started_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const toBlock = batches.rows.filter((b) => b.available > 0);
      await addMoves(
        trx,
        toBlock.map((b) => ({
          countyId,
          orgId: b.org_id,
          batchId: b.id,
          kind: 'block' as const,
          qty: b.available,
          refKind: 'recall' as const,
          refId: recall.id,
          note: input.reason.slice(0, 200),
          staffId: ctx.actor.id,
          at: now,
        })),
      );
      const blocked = toBlock.reduce((s, b) => s + b.available, 0);
      if (batches.rows.length)
        await trx
          .updateTable('trace_codes')
          .set({ status: 'blocked' })
          .where('county_id', '=', countyId)
          .where(
            'batch_id',
            'in',
            batches.rows.map((b) => b.id),
          )
          .where('status', 'in', ['in_stock', 'returned'])
          .execute();
      await trx.updateTable('drug_recalls').set({ blocked_qty: blocked }).where('id', '=', recall.id).execute();
      await writeAudit(trx, ctx.audit, {
        action: 'pharmacy.recall.start',
        resource: 'drug_recall',
        resourceId: recall.id,
        detail: { drugId: input.drugId, batchNo: input.batchNo, level: input.level, orgs: toBlock.length, blocked },
      });
      return { id: recall.id, orgIds: [...new Set(batches.rows.map((b) => b.org_id))], blocked };
    });
    await publishCommitted(ctx.db, {
      topic: 'pharmacy.recall',
      countyId,
      orgIds: out.orgIds,
      data: { recallId: out.id },
    });
    return getRecall(ctx, out.id);
  } catch (err) {
    if (isUniqueViolation(err, 'drug_recalls_one_open')) throw conflict('RECALL_OPEN', '该批号已有进行中的召回');
    throw err;
  }
}

export async function listRecalls(ctx: Ctx) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await trx
      .selectFrom('drug_recalls as r')
      .innerJoin('drugs as d', 'd.id', 'r.drug_id')
      .innerJoin('staff as s', 's.id', 'r.started_by')
      .select([
        'r.id',
        'r.drug_id',
        'd.generic_name',
        'd.spec',
        'd.manufacturer',
        'r.batch_no',
        'r.level',
        'r.reason',
        'r.status',
        'r.blocked_qty',
        'r.started_at',
        'r.closed_at',
        's.display_name as started_by',
      ])
      .where('r.county_id', '=', ctx.actor.countyId)
      .orderBy('r.started_at', 'desc')
      .limit(200)
      .execute();
    return { items: rows.map(toRecall) };
  });
}

function toRecall(r: {
  id: number;
  drug_id: number;
  generic_name: string;
  spec: string;
  manufacturer: string;
  batch_no: string;
  level: string;
  reason: string;
  status: string;
  blocked_qty: number;
  started_at: Date;
  closed_at: Date | null;
  started_by: string;
}) {
  return {
    id: r.id,
    drugId: r.drug_id,
    drugName: r.generic_name,
    spec: r.spec,
    manufacturer: r.manufacturer,
    batchNo: r.batch_no,
    level: r.level,
    reason: r.reason,
    status: r.status,
    blockedQty: Number(r.blocked_qty),
    startedAt: r.started_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    startedBy: r.started_by,
  };
}

/** the recall with where the batch is (per org) and who received it (the call list) */
export async function getRecall(ctx: Ctx, id: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const r = await trx
      .selectFrom('drug_recalls as r')
      .innerJoin('drugs as d', 'd.id', 'r.drug_id')
      .innerJoin('staff as s', 's.id', 'r.started_by')
      .select([
        'r.id',
        'r.drug_id',
        'd.generic_name',
        'd.spec',
        'd.manufacturer',
        'd.min_unit',
        'r.batch_no',
        'r.level',
        'r.reason',
        'r.status',
        'r.blocked_qty',
        'r.started_at',
        'r.closed_at',
        's.display_name as started_by',
      ])
      .where('r.id', '=', id)
      .where('r.county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!r) throw notFound('召回');
    const holders = await sql<{ org_id: number; org_name: string; blocked: number; out: number; received: number }>`
      SELECT b.org_id, o.name AS org_name, sum(b.qty_blocked)::int AS blocked, sum(b.qty_out)::int AS out,
             sum(b.qty_in)::int AS received
      FROM stock_batches b JOIN orgs o ON o.id = b.org_id
      WHERE b.county_id = ${ctx.actor.countyId} AND b.drug_id = ${r.drug_id} AND b.batch_no = ${r.batch_no}
      GROUP BY b.org_id, o.name ORDER BY o.name`.execute(trx);
    const residents = await recallResidents(trx, ctx.actor.countyId, r.drug_id, r.batch_no, id);
    return { ...toRecall(r), minUnit: r.min_unit, holders: holders.rows, residents };
  });
}

/**
 * Everyone who received the batch (visible to the caller: a village sees its own), newest
 * first, with the latest call outcome. Contact numbers are shown whole: calling is the point.
 */
export async function recallResidents(trx: Kdb, countyId: number, drugId: number, batchNo: string, recallId: number) {
  const { rows } = await sql<{
    resident_id: number;
    name: string;
    sex: string;
    mobile: string | null;
    village: string | null;
    org_id: number;
    org_name: string;
    qty: number;
    returned: number;
    last_at: Date;
    outcome: string | null;
    called_at: Date | null;
  }>`
    WITH got AS (
      SELECT l.resident_id, l.org_id, sum(l.qty)::int AS qty, sum(l.returned_qty)::int AS returned, max(l.dispensed_at) AS last_at
      FROM stock_batches b
      JOIN dispense_lines l ON l.batch_id = b.id
      WHERE b.county_id = ${countyId} AND b.drug_id = ${drugId} AND b.batch_no = ${batchNo}
      GROUP BY l.resident_id, l.org_id
    )
    SELECT g.resident_id, r.name, r.sex, r.mobile, r.village, g.org_id, o.name AS org_name, g.qty, g.returned, g.last_at,
           c.outcome, c.at AS called_at
    FROM got g
    JOIN residents r ON r.id = g.resident_id
    JOIN orgs o ON o.id = g.org_id
    LEFT JOIN LATERAL (SELECT outcome, at FROM drug_recall_calls k
                       WHERE k.recall_id = ${recallId} AND k.resident_id = g.resident_id ORDER BY k.id DESC LIMIT 1) c ON true
    ORDER BY g.last_at DESC`.execute(trx);
  return rows.map((x) => ({
    residentId: x.resident_id,
    name: x.name,
    sex: x.sex,
    mobile: x.mobile,
    village: x.village,
    orgId: x.org_id,
    orgName: x.org_name,
    qty: x.qty,
    returnedQty: x.returned,
    lastAt: x.last_at.toISOString(),
    outcome: x.outcome,
    calledAt: x.called_at?.toISOString() ?? null,
  }));
}

export async function recordCall(ctx: Ctx, recallId: number, input: RecallCall) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const r = await trx
      .selectFrom('drug_recalls')
      .select(['id', 'drug_id', 'batch_no', 'status'])
      .where('id', '=', recallId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!r) throw notFound('召回');
    const got = await trx
      .selectFrom('dispense_lines as l')
      .innerJoin('stock_batches as b', 'b.id', 'l.batch_id')
      .select(['l.org_id'])
      .where('b.drug_id', '=', r.drug_id)
      .where('b.batch_no', '=', r.batch_no)
      .where('l.resident_id', '=', input.residentId)
      .limit(1)
      .executeTakeFirst();
    if (!got) throw badRequest('NOT_RECEIVED', '这位居民没有领过该批次的药', 'residentId');
    const row = await trx
      .insertInto('drug_recall_calls')
      .values({
        recall_id: recallId,
        county_id: ctx.actor.countyId,
        org_id: got.org_id,
        resident_id: input.residentId,
        outcome: input.outcome,
        note: input.note ?? null,
        staff_id: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.recall.call',
      resource: 'drug_recall',
      resourceId: recallId,
      residentId: input.residentId,
      detail: { outcome: input.outcome },
    });
    return { id: row.id };
  });
}

export async function closeRecall(ctx: Ctx, recallId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const res = await trx
      .updateTable('drug_recalls')
      .set({ status: 'closed', closed_at: ctx.platform.config.now() })
      .where('id', '=', recallId)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('RECALL_NOT_OPEN', '该召回不存在或已结束');
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.recall.close',
      resource: 'drug_recall',
      resourceId: recallId,
    });
    return { ok: true };
  });
}
