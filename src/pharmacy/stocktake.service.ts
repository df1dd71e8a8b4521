import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { addMoves } from './stock.core.ts';
import type { StocktakeCount, StocktakeDecision } from './stock.schema.ts';

/**
 * 盘点 (issue 14): a count sheet per org listing every batch with stock on hand (the system
 * quantity frozen at opening), counted quantities entered, submitted, then approved by
 * another person (variance approval): each variance becomes one stock-take adjustment in the
 * ledger. An adjustment that would take a batch below what has since been dispensed is
 * refused by the balance CHECK (409), and the sheet stays submitted.
 */
export async function openStocktake(ctx: Ctx, orgId: number) {
  if (!ctx.scope.orgIds.includes(orgId)) throw forbidden('只能盘点本机构（或下属机构）的库存');
  try {
    return await withScope(ctx.db, ctx.scope, async (trx) => {
      const st = await trx
        .insertInto('stocktakes')
        .values({ county_id: ctx.actor.countyId, org_id: orgId, created_by: ctx.actor.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`
        INSERT INTO stocktake_lines (stocktake_id, org_id, batch_id, system_qty)
        SELECT ${st.id}, org_id, id, qty_in - qty_out FROM stock_batches
        WHERE org_id = ${orgId} AND qty_in - qty_out > 0`.execute(trx);
      await writeAudit(trx, ctx.audit, { action: 'pharmacy.stocktake.open', resource: 'stocktake', resourceId: st.id });
      return { id: st.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'stocktakes_one_open')) throw conflict('STOCKTAKE_OPEN', '该机构已有未完成的盘点单');
    throw err;
  }
}

export async function getStocktake(ctx: Ctx, id: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const st = await trx
      .selectFrom('stocktakes as s')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select(['s.id', 's.org_id', 'o.name as org_name', 's.status', 's.created_at', 's.created_by', 's.note'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!st) throw notFound('盘点单');
    const lines = await trx
      .selectFrom('stocktake_lines as l')
      .innerJoin('stock_batches as b', 'b.id', 'l.batch_id')
      .innerJoin('drugs as d', 'd.id', 'b.drug_id')
      .select([
        'l.batch_id',
        'd.generic_name',
        'd.spec',
        'd.min_unit',
        'b.batch_no',
        'b.expiry_date',
        'b.location',
        'l.system_qty',
        'l.counted_qty',
        'l.reason',
      ])
      .where('l.stocktake_id', '=', id)
      .orderBy('d.generic_name')
      .orderBy('b.expiry_date')
      .execute();
    return {
      id: st.id,
      orgId: st.org_id,
      orgName: st.org_name,
      status: st.status,
      createdAt: st.created_at.toISOString(),
      note: st.note,
      lines: lines.map((l) => ({
        batchId: l.batch_id,
        drugName: l.generic_name,
        spec: l.spec,
        minUnit: l.min_unit,
        batchNo: l.batch_no,
        expiryDate: l.expiry_date,
        location: l.location,
        systemQty: Number(l.system_qty),
        countedQty: l.counted_qty === null ? null : Number(l.counted_qty),
        variance: l.counted_qty === null ? null : Number(l.counted_qty) - Number(l.system_qty),
        reason: l.reason,
      })),
    };
  });
}

export async function listStocktakes(ctx: Ctx) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await trx
      .selectFrom('stocktakes as s')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select(['s.id', 'o.name as org_name', 's.status', 's.created_at', 's.decided_at'])
      .where('s.county_id', '=', ctx.actor.countyId)
      .orderBy('s.created_at', 'desc')
      .limit(100)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        orgName: r.org_name,
        status: r.status,
        createdAt: r.created_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
      })),
    };
  });
}

/** enters counted quantities; submit: true hands the sheet over for approval */
export async function countStocktake(ctx: Ctx, id: number, input: StocktakeCount & { submit?: boolean }) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const st = await trx.selectFrom('stocktakes').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!st) throw notFound('盘点单');
    if (st.status !== 'counting') throw conflict('STOCKTAKE_NOT_COUNTING', '盘点单已提交，不能再改实盘数');
    for (const l of input.lines) {
      const variance = await trx
        .updateTable('stocktake_lines')
        .set({ counted_qty: l.countedQty, reason: l.reason ?? null })
        .where('stocktake_id', '=', id)
        .where('batch_id', '=', l.batchId)
        .returning(['system_qty'])
        .executeTakeFirst();
      if (!variance) throw badRequest('BATCH_NOT_ON_SHEET', '该批次不在本盘点单上', 'lines');
      if (l.countedQty !== Number(variance.system_qty) && !l.reason)
        throw badRequest('VARIANCE_REASON', '有盘盈盘亏的行请填写原因', 'lines');
    }
    if (input.submit) {
      const missing = await trx
        .selectFrom('stocktake_lines')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('stocktake_id', '=', id)
        .where('counted_qty', 'is', null)
        .executeTakeFirstOrThrow();
      if (missing.n > 0) throw badRequest('COUNT_MISSING', `还有 ${missing.n} 行没有填写实盘数`, 'lines');
      await trx
        .updateTable('stocktakes')
        .set({ status: 'submitted', submitted_at: ctx.platform.config.now() })
        .where('id', '=', id)
        .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: input.submit ? 'pharmacy.stocktake.submit' : 'pharmacy.stocktake.count',
      resource: 'stocktake',
      resourceId: id,
      detail: { lines: input.lines.length },
    });
    return { id, submitted: Boolean(input.submit) };
  });
}

export async function decideStocktake(ctx: Ctx, id: number, input: StocktakeDecision) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const st = await trx
      .selectFrom('stocktakes')
      .select(['id', 'status', 'created_by', 'org_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!st) throw notFound('盘点单');
    if (st.created_by === ctx.actor.id) throw forbidden('盘点差异须由另一人审核');
    const res = await trx
      .updateTable('stocktakes')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: ctx.actor.id,
        decided_at: now,
        note: input.note ?? null,
      })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('STOCKTAKE_NOT_SUBMITTED', '盘点单未提交或已审核');
    let adjusted = 0;
    if (input.approve) {
      const lines = await trx
        .selectFrom('stocktake_lines')
        .select(['batch_id', 'system_qty', 'counted_qty', 'reason'])
        .where('stocktake_id', '=', id)
        .execute();
      const moves = lines
        .filter((l) => l.counted_qty !== null && Number(l.counted_qty) !== Number(l.system_qty))
        .map((l) => ({
          countyId: ctx.actor.countyId,
          orgId: st.org_id,
          batchId: l.batch_id,
          kind: 'stocktake_adj' as const,
          qty: Number(l.counted_qty) - Number(l.system_qty),
          refKind: 'stocktake' as const,
          refId: id,
          note: l.reason,
          staffId: ctx.actor.id,
          at: now,
        }));
      await addMoves(trx, moves);
      adjusted = moves.length;
    }
    await writeAudit(trx, ctx.audit, {
      action: input.approve ? 'pharmacy.stocktake.approve' : 'pharmacy.stocktake.reject',
      resource: 'stocktake',
      resourceId: id,
      detail: { adjusted },
    });
    return { id, status: input.approve ? 'approved' : 'rejected', adjusted };
  });
}
