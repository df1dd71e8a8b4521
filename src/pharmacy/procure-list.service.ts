import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  MONEY_FORMAT,
  refuseIfTooMany,
  shanghaiText,
  toXlsx,
  yuanCell,
} from '../platform/list.ts';
import { isReceiver } from './distribution.service.ts';
import { inScope, mustFind } from './procure.shared.ts';
import type { DistQuery, PoQuery } from './procure.schema.ts';

/** Lists, details and Excel exports of purchase orders and distributions. */

export const PO_STATUS_LABELS = {
  draft: '草稿',
  approved: '已审核',
  sent: '已发送',
  partially_received: '部分到货',
  received: '已到货',
  closed: '已关闭',
  cancelled: '已作废',
} as const;
export const DIST_STATUS_LABELS = {
  requested: '待审核',
  approved: '已审核',
  picked: '已拣货',
  shipped: '已发货',
  received: '已收货',
  discrepancy: '有差异',
  resolved: '差异已处理',
  cancelled: '已作废',
} as const;
const OPEN: (keyof typeof DIST_STATUS_LABELS)[] = ['requested', 'approved', 'picked', 'shipped', 'discrepancy'];

function poList(trx: Kdb, ctx: Ctx, input: PoQuery) {
  let q = trx
    .selectFrom('purchase_orders as p')
    .innerJoin('drug_suppliers as s', 's.id', 'p.supplier_id')
    .select([
      'p.id',
      'p.order_no as orderNo',
      'p.status',
      'p.total_fen as totalFen',
      's.name as supplierName',
      'p.created_at as createdAt',
      'p.sent_at as sentAt',
      'p.note',
    ])
    .where('p.county_id', '=', ctx.actor.countyId)
    .where('p.org_id', 'in', ctx.scope.orgIds);
  if (input.status) q = q.where('p.status', '=', input.status);
  if (input.q)
    q = q.where((eb) => eb.or([eb('p.order_no', 'like', `%${input.q}%`), eb('s.name', 'like', `%${input.q}%`)]));
  return q.orderBy('p.id', 'desc');
}

export async function listPos(ctx: Ctx, input: PoQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, poList(trx, ctx, input), input);
    return { ...meta, items: rows };
  });
}

export async function exportPos(ctx: Ctx, input: PoQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, poList(trx, ctx, input), {
        action: 'pharmacy.pos.export',
        resource: 'purchase_order',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows,
    [
      { header: '采购单号', value: (r) => r.orderNo, width: 18 },
      { header: '配送企业', value: (r) => r.supplierName, width: 24 },
      { header: '状态', value: (r) => PO_STATUS_LABELS[r.status], width: 10 },
      { header: '金额(元)', value: (r) => yuanCell(r.totalFen), format: MONEY_FORMAT, width: 12 },
      { header: '生成时间', value: (r) => shanghaiText(r.createdAt), width: 18 },
    ],
    '采购单',
  );
}

export async function poDetail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const po = mustFind(
      await poList(trx, ctx, {} as PoQuery)
        .where('p.id', '=', id)
        .executeTakeFirst(),
      '采购单',
    );
    const lines = await trx
      .selectFrom('purchase_order_lines as l')
      .innerJoin('drugs as d', 'd.id', 'l.drug_id')
      .select([
        'l.id',
        'l.drug_id as drugId',
        'd.generic_name as name',
        'd.spec',
        'd.pack_unit as unit',
        'l.packs',
        'l.received_packs as receivedPacks',
        'l.cost_fen as costFen',
      ])
      .where('l.po_id', '=', id)
      .orderBy('l.id')
      .execute();
    const receipts = await trx
      .selectFrom('po_receipt_lines as r')
      .innerJoin('po_receipts as h', 'h.id', 'r.receipt_id')
      .innerJoin('stock_batches as b', 'b.id', 'r.batch_id')
      .select([
        'r.po_line_id as poLineId',
        'b.batch_no as batchNo',
        'b.expiry_date as expiryDate',
        'r.packs',
        'h.received_at as receivedAt',
      ])
      .where('h.po_id', '=', id)
      .orderBy('r.id')
      .execute();
    return { ...po, lines, receipts };
  });
}

function distList(trx: Kdb, ctx: Ctx, input: DistQuery) {
  const orgs = ctx.scope.orgIds;
  let q = trx
    .selectFrom('distributions as d')
    .innerJoin('orgs as f', 'f.id', 'd.org_id')
    .innerJoin('orgs as t', 't.id', 'd.to_org_id')
    .select([
      'd.id',
      'd.dist_no as distNo',
      'd.kind',
      'd.status',
      'd.org_id as fromOrgId',
      'f.name as fromName',
      'd.to_org_id as toOrgId',
      't.name as toName',
      'd.request_id as requestId',
      'd.note',
      'd.created_at as createdAt',
      'd.shipped_at as shippedAt',
      'd.received_at as receivedAt',
      'd.resolution',
    ])
    .where('d.county_id', '=', ctx.actor.countyId)
    .where((eb) => eb.or([eb('d.org_id', 'in', orgs), eb('d.to_org_id', 'in', orgs)]));
  if (input.status) q = q.where('d.status', '=', input.status);
  if (input.open) q = q.where('d.status', 'in', OPEN);
  if (input.q)
    q = q.where((eb) => eb.or([eb('d.dist_no', 'like', `%${input.q}%`), eb('t.name', 'like', `%${input.q}%`)]));
  return q.orderBy('d.id', 'desc');
}

export async function listDists(ctx: Ctx, input: DistQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, distList(trx, ctx, input), input);
    return { ...meta, items: rows };
  });
}

export async function exportDists(ctx: Ctx, input: DistQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, distList(trx, ctx, input), {
        action: 'pharmacy.distributions.export',
        resource: 'distribution',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows,
    [
      { header: '单号', value: (r) => r.distNo, width: 18 },
      { header: '类型', value: (r) => (r.kind === 'transfer' ? '调剂' : '配送'), width: 8 },
      { header: '调出', value: (r) => r.fromName, width: 20 },
      { header: '收货', value: (r) => r.toName, width: 20 },
      { header: '状态', value: (r) => DIST_STATUS_LABELS[r.status], width: 10 },
      { header: '发货时间', value: (r) => shanghaiText(r.shippedAt), width: 18 },
      { header: '收货时间', value: (r) => shanghaiText(r.receivedAt), width: 18 },
      { header: '差异处理', value: (r) => r.resolution, width: 30 },
    ],
    '配送单',
  );
}

export async function distDetail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const d = mustFind(
      await distList(trx, ctx, {} as DistQuery)
        .where('d.id', '=', id)
        .executeTakeFirst(),
      '配送单',
    );
    const lines = await trx
      .selectFrom('distribution_lines as l')
      .innerJoin('drugs as g', 'g.id', 'l.drug_id')
      .select([
        'l.id',
        'l.drug_id as drugId',
        'g.generic_name as name',
        'g.spec',
        'g.pack_unit as unit',
        'g.pack_qty as packQty',
        'l.packs',
      ])
      .where('l.distribution_id', '=', id)
      .orderBy('l.id')
      .execute();
    const picks = lines.length
      ? await trx
          .selectFrom('distribution_picks as p')
          // the receiver sees its own copy of the batch (the sender's row is not in its scope)
          .leftJoin('stock_batches as b', 'b.id', 'p.batch_id')
          .leftJoin('stock_batches as tb', 'tb.id', 'p.to_batch_id')
          .select((eb) => [
            'p.id',
            'p.line_id as lineId',
            eb.fn.coalesce('tb.batch_no', 'b.batch_no').as('batchNo'),
            eb.fn.coalesce('tb.expiry_date', 'b.expiry_date').as('expiryDate'),
            'p.qty',
            'p.received_qty as receivedQty',
            'p.discrepancy_note as discrepancyNote',
          ])
          .where(
            'p.line_id',
            'in',
            lines.map((l) => l.id),
          )
          .orderBy('p.id')
          .execute()
      : [];
    return {
      ...d,
      mayReceive: isReceiver(ctx, d.toOrgId),
      lines: lines.map((l) => ({
        ...l,
        picks: picks
          .filter((p) => p.lineId === l.id)
          .map((p) => ({
            ...p,
            packs: p.qty / l.packQty,
            receivedPacks: p.receivedQty === null ? null : p.receivedQty / l.packQty,
          })),
      })),
    };
  });
}
