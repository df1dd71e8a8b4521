import { writeAudit } from '../platform/audit.ts';
import { addDays } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { must } from '../platform/must.ts';
import { badRequest, conflict, isUniqueViolation } from '../platform/errors.ts';
import { addMoves, ensureBatch, receiveTraceCodes } from './stock.core.ts';
import type { PoStatus } from './pharmacy.tables.ts';
import { centralOrg, clock, inScope, mustFind, nextNumber, packPrices, stockChanged } from './procure.shared.ts';
import type { PoAction, PoReceipt } from './procure.schema.ts';
import { assertSubmitted } from './request.service.ts';

/** 统一采购: submitted requests consolidated into one purchase order per supplier, received by batch. */

export async function consolidate(ctx: Ctx, input: { requestIds: number[]; note?: string }) {
  const { now, today } = clock(ctx);
  const countyId = ctx.actor.countyId;
  return inScope(ctx, async (trx) => {
    const requests = await trx
      .selectFrom('stock_requests')
      .select(['id', 'status'])
      .where('county_id', '=', countyId)
      .where('id', 'in', input.requestIds)
      .forUpdate()
      .execute();
    assertSubmitted(requests, input.requestIds);
    const lines = await trx
      .selectFrom('stock_request_lines as l')
      .innerJoin('drugs as d', 'd.id', 'l.drug_id')
      .select(['l.id', 'l.drug_id', 'l.packs', 'd.generic_name', 'd.spec', 'd.supplier_id', 'd.charge_code'])
      .where('l.request_id', 'in', input.requestIds)
      .execute();
    const orphan = lines.filter((l) => l.supplier_id === null);
    if (orphan.length)
      throw badRequest(
        'NO_SUPPLIER',
        `以下品种未指定配送企业，不能生成采购单：${[...new Set(orphan.map((l) => `${l.generic_name}（${l.spec}）`))].join('、')}。请先在药品目录中维护配送企业`,
        'requestIds',
      );
    const central = await centralOrg(trx, countyId);
    const prices = await packPrices(
      trx,
      countyId,
      lines.map((l) => l.charge_code),
      now,
    );
    const bySupplier = new Map<number, Map<number, { packs: number; cost: number; lineIds: number[] }>>();
    for (const l of lines) {
      const supplierId = must(l.supplier_id, 'supplier_id');
      const drugs = bySupplier.get(supplierId) ?? new Map();
      bySupplier.set(supplierId, drugs);
      const d = drugs.get(l.drug_id) ?? { packs: 0, cost: prices.get(l.charge_code) ?? 0, lineIds: [] };
      d.packs += l.packs;
      d.lineIds.push(l.id);
      drugs.set(l.drug_id, d);
    }
    const orders: { id: number; orderNo: string; supplierId: number; totalFen: number }[] = [];
    for (const [supplierId, drugs] of [...bySupplier].sort((a, b) => a[0] - b[0])) {
      const orderNo = await nextNumber(trx, 'purchase_orders', countyId, 'CG', today);
      const totalFen = [...drugs.values()].reduce((s, d) => s + d.packs * d.cost, 0);
      const po = await trx
        .insertInto('purchase_orders')
        .values({
          county_id: countyId,
          org_id: central,
          supplier_id: supplierId,
          order_no: orderNo,
          total_fen: totalFen,
          note: input.note || null,
          created_by: ctx.actor.id,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'purchase_orders_no'))
            throw conflict('PO_NO_TAKEN', '采购单号冲突（有人同时在生成采购单），请重试');
          throw err;
        });
      for (const [drugId, d] of drugs) {
        const line = await trx
          .insertInto('purchase_order_lines')
          .values({ po_id: po.id, org_id: central, drug_id: drugId, packs: d.packs, cost_fen: d.cost })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('stock_request_lines')
          .set({ po_line_id: line.id })
          .where('id', 'in', d.lineIds)
          .execute();
      }
      await writeAudit(trx, ctx.audit, {
        action: 'pharmacy.po.create',
        resource: 'purchase_order',
        resourceId: po.id,
        detail: { orderNo, supplierId, requests: input.requestIds, totalFen },
      });
      orders.push({ id: po.id, orderNo, supplierId, totalFen });
    }
    await trx
      .updateTable('stock_requests')
      .set({ status: 'consolidated', decided_by: ctx.actor.id, decided_at: now })
      .where('id', 'in', input.requestIds)
      .execute();
    return { orders };
  });
}

const TRANSITIONS: Record<PoAction, { from: PoStatus[]; to: PoStatus; message: string }> = {
  approve: { from: ['draft'], to: 'approved', message: '只有草稿状态的采购单可以审核' },
  send: { from: ['approved'], to: 'sent', message: '只有已审核的采购单可以发送给配送企业' },
  close: {
    from: ['partially_received', 'received'],
    to: 'closed',
    message: '只有已到货（含部分到货）的采购单可以关闭',
  },
  cancel: { from: ['draft', 'approved'], to: 'cancelled', message: '已发送的采购单不能作废' },
};

/** one step of the purchase order's life, by a conditional UPDATE (two clicks: one wins, one is told) */
export async function transition(ctx: Ctx, id: number, action: PoAction) {
  const t = TRANSITIONS[action];
  const { now } = clock(ctx);
  return inScope(ctx, async (trx) => {
    const stamp =
      action === 'approve'
        ? { approved_by: ctx.actor.id, approved_at: now }
        : action === 'send'
          ? { sent_at: now }
          : { closed_at: now };
    const done = await trx
      .updateTable('purchase_orders')
      .set({ status: t.to, ...stamp })
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', 'in', t.from)
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!done) {
      mustFind(await trx.selectFrom('purchase_orders').select('id').where('id', '=', id).executeTakeFirst(), '采购单');
      throw conflict('PO_STATE', t.message);
    }
    if (action === 'cancel') {
      // the requests behind a voided order go back to the pharmacist's list
      const lineIds = trx.selectFrom('purchase_order_lines').select('id').where('po_id', '=', id);
      const reqIds = await trx
        .selectFrom('stock_request_lines')
        .select('request_id')
        .distinct()
        .where('po_line_id', 'in', lineIds)
        .execute();
      await trx
        .updateTable('stock_request_lines')
        .set({ po_line_id: null })
        .where('po_line_id', 'in', lineIds)
        .execute();
      if (reqIds.length)
        await trx
          .updateTable('stock_requests')
          .set({ status: 'submitted', decided_by: null, decided_at: null })
          .where(
            'id',
            'in',
            reqIds.map((r) => r.request_id),
          )
          .where('status', '=', 'consolidated')
          .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: `pharmacy.po.${action}`,
      resource: 'purchase_order',
      resourceId: id,
      detail: { to: t.to },
    });
    return { id, status: t.to };
  });
}

/**
 * 到货验收 by batch: each line raises the PO line's received packs by a conditional UPDATE
 * (never past the ordered packs, even for two receipts at once), enters the central pharmacy's
 * stock through the ledger and registers the boxes' trace codes. Idempotent by client id.
 */
export async function receive(ctx: Ctx, poId: number, input: PoReceipt) {
  const { now, today } = clock(ctx);
  const countyId = ctx.actor.countyId;
  return inScope(ctx, async (trx) => {
    const po = mustFind(
      await trx
        .selectFrom('purchase_orders')
        .select(['id', 'org_id', 'status', 'supplier_id'])
        .where('id', '=', poId)
        .where('county_id', '=', countyId)
        .forUpdate()
        .executeTakeFirst(),
      '采购单',
    );
    const prior = await trx
      .selectFrom('po_receipts')
      .select(['id', 'po_id'])
      .where('county_id', '=', countyId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (prior) {
      if (prior.po_id !== poId) throw conflict('RECEIPT_CLIENT_ID', '该验收记录的客户端编号已用于其他采购单');
      return { receiptId: prior.id, status: po.status, warnings: [], replayed: true };
    }
    if (po.status !== 'sent' && po.status !== 'partially_received')
      throw conflict('PO_STATE', '只有已发送（或部分到货）的采购单可以验收入库');
    const poLines = await trx
      .selectFrom('purchase_order_lines as l')
      .innerJoin('drugs as d', 'd.id', 'l.drug_id')
      .select(['l.id', 'l.drug_id', 'l.packs', 'l.received_packs', 'l.cost_fen', 'd.pack_qty', 'd.generic_name'])
      .where('l.po_id', '=', poId)
      .execute();
    const byId = new Map(poLines.map((l) => [l.id, l]));
    const settings = await trx
      .selectFrom('pharmacy_settings')
      .select('near_expiry_days')
      .where('county_id', '=', countyId)
      .executeTakeFirst();
    const nearDay = addDays(today, settings?.near_expiry_days ?? 90);
    const warnings: string[] = [];
    for (const l of input.lines) {
      const pl = byId.get(l.poLineId);
      if (!pl) throw badRequest('PO_LINE_UNKNOWN', '验收明细不属于该采购单', 'lines');
      if (l.expiryDate <= today)
        throw badRequest(
          'BATCH_EXPIRED',
          `${pl.generic_name} 批号 ${l.batchNo} 已过有效期（${l.expiryDate}），拒收`,
          'lines',
        );
      if (l.expiryDate < nearDay)
        warnings.push(`${pl.generic_name} 批号 ${l.batchNo} 效期至 ${l.expiryDate}，属近效期药品`);
      if (l.traceCodes.length > l.packs)
        throw badRequest('TRACE_CODES_TOO_MANY', `${pl.generic_name} 追溯码数量超过到货盒数（每盒一个码）`, 'lines');
    }
    const receipt = await trx
      .insertInto('po_receipts')
      .values({
        county_id: countyId,
        org_id: po.org_id,
        po_id: poId,
        client_id: input.clientId,
        received_by: ctx.actor.id,
        received_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'po_receipts_client_id'))
          throw conflict('RECEIPT_CLIENT_ID', '该验收记录正在处理或已提交，请刷新');
        throw err;
      });
    for (const l of input.lines) {
      const pl = must(byId.get(l.poLineId), 'po line');
      const raised = await trx
        .updateTable('purchase_order_lines')
        .set((eb) => ({ received_packs: eb('received_packs', '+', l.packs) }))
        .where('id', '=', pl.id)
        .where((eb) => eb(eb('received_packs', '+', l.packs), '<=', eb.ref('packs')))
        .returning('received_packs')
        .executeTakeFirst();
      if (!raised) {
        const now2 = await trx
          .selectFrom('purchase_order_lines')
          .select(['packs', 'received_packs'])
          .where('id', '=', pl.id)
          .executeTakeFirstOrThrow();
        throw conflict(
          'OVER_RECEIPT',
          `${pl.generic_name} 到货数量超过采购数量：订购 ${now2.packs} 盒，已收 ${now2.received_packs} 盒，本次最多可收 ${now2.packs - now2.received_packs} 盒`,
        );
      }
      const batchId = await ensureBatch(trx, {
        countyId,
        orgId: po.org_id,
        drugId: pl.drug_id,
        batchNo: l.batchNo,
        expiryDate: l.expiryDate,
        supplierId: po.supplier_id,
        costFen: pl.cost_fen,
      });
      await addMoves(trx, [
        {
          countyId,
          orgId: po.org_id,
          batchId,
          kind: 'receive',
          qty: l.packs * pl.pack_qty,
          refKind: 'receipt',
          refId: receipt.id,
          staffId: ctx.actor.id,
          at: now,
        },
      ]);
      await receiveTraceCodes(trx, {
        countyId,
        orgId: po.org_id,
        drugId: pl.drug_id,
        batchId,
        codes: l.traceCodes,
        at: now,
      });
      await trx
        .insertInto('po_receipt_lines')
        .values({ receipt_id: receipt.id, org_id: po.org_id, po_line_id: pl.id, batch_id: batchId, packs: l.packs })
        .execute();
    }
    const open = await trx
      .selectFrom('purchase_order_lines')
      .select('id')
      .where('po_id', '=', poId)
      .where((eb) => eb('received_packs', '<', eb.ref('packs')))
      .executeTakeFirst();
    const status: PoStatus = open ? 'partially_received' : 'received';
    await trx.updateTable('purchase_orders').set({ status }).where('id', '=', poId).execute();
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.po.receive',
      resource: 'purchase_order',
      resourceId: poId,
      detail: { receiptId: receipt.id, lines: input.lines.length, status },
    });
    await stockChanged(ctx, trx, [po.org_id], { kind: 'po_receipt', poId });
    return { receiptId: receipt.id, status, warnings, replayed: false };
  });
}

export async function centralOf(ctx: Ctx, trx: Kdb) {
  return centralOrg(trx, ctx.actor.countyId);
}
