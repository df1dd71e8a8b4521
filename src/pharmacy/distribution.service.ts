import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { must } from '../platform/must.ts';
import { AppError, badRequest, conflict, forbidden } from '../platform/errors.ts';
import { addMoves, claimFefo, ensureBatch, moveTraceCodes } from './stock.core.ts';
import type { DistStatus } from './pharmacy.tables.ts';
import {
  centralOrg,
  checkLevels,
  clock,
  drugsOf,
  inScope,
  mustFind,
  nextNumber,
  stockChanged,
} from './procure.shared.ts';
import type { DistCreate, DistReceive } from './procure.schema.ts';

/**
 * 统一配送 and 调剂. Stock leaves the sender at picking (FEFO claim, 'transfer_out', so it can
 * never go negative and a short pick is refused whole, naming the item and what is there);
 * shipping prepares the receiver's batch rows and moves the boxes' trace codes; the receiver
 * confirms per picked batch and only what arrived enters its stock ('transfer_in'). A shortfall
 * leaves the distribution in 'discrepancy' until the pharmacist resolves it with a note: the
 * missing quantity already left the sender and never entered the receiver, so the ledger shows
 * it as lost in transit. Lines and picks belong (RLS) to the receiving org; the sender's side
 * is the county pharmacists', whose scope is the whole county.
 */

/** the receiving org's own staff, or its township centre's: never a county-level account on its behalf */
export const isReceiver = (ctx: Ctx, toOrgId: number): boolean =>
  ctx.platform.orgTree.subtree(ctx.actor.orgId).includes(toOrgId);

const TOWNSHIP_KINDS = new Set(['township_center', 'community_center']);

export async function createDistribution(ctx: Ctx, input: DistCreate) {
  const { now, today } = clock(ctx);
  const countyId = ctx.actor.countyId;
  const pharmacist = ctx.scope.role === 'pharmacist';
  return inScope(ctx, async (trx) => {
    let toOrgIdIn = input.toOrgId;
    let lines = input.lines;
    if (input.requestId !== undefined) {
      const req = mustFind(
        await trx
          .selectFrom('stock_requests')
          .select(['id', 'org_id', 'status'])
          .where('id', '=', input.requestId)
          .where('county_id', '=', countyId)
          .forUpdate()
          .executeTakeFirst(),
        '请领单',
      );
      if (req.status !== 'submitted' && req.status !== 'consolidated')
        throw conflict('REQUEST_STATE', '该请领单已配送、退回或撤销');
      toOrgIdIn = req.org_id;
      lines = await trx
        .selectFrom('stock_request_lines')
        .select(['drug_id as drugId', 'packs'])
        .where('request_id', '=', req.id)
        .orderBy('id')
        .execute();
      await trx.updateTable('stock_requests').set({ status: 'distributed' }).where('id', '=', req.id).execute();
    }
    const central = await centralOrg(trx, countyId);
    const fromOrgId = input.kind === 'transfer' ? must(input.fromOrgId, 'fromOrgId') : central;
    const toOrgId = must(toOrgIdIn, 'toOrgId');
    const tree = ctx.platform.orgTree;
    const to = tree.get(toOrgId);
    if (!to || to.countyId !== countyId) throw badRequest('ORG_UNKNOWN', '收货机构不存在', 'toOrgId');
    if (fromOrgId === toOrgId) throw badRequest('DIST_SELF', '调出与收货机构不能相同', 'toOrgId');
    if (input.kind === 'transfer') {
      if (!TOWNSHIP_KINDS.has(to.kind) || !TOWNSHIP_KINDS.has(tree.get(fromOrgId)?.kind ?? ''))
        throw badRequest('TRANSFER_ORGS', '调剂仅限两个乡镇卫生院（社区卫生服务中心）之间', 'fromOrgId');
      if (!pharmacist && !ctx.scope.orgIds.includes(toOrgId)) throw forbidden('只能为本院申请调剂');
    } else if (!pharmacist) throw forbidden('配送单由医共体中心药房药师建立');
    const drugs = await drugsOf(
      trx,
      countyId,
      lines.map((l) => l.drugId),
    );
    checkLevels(drugs, to.kind);
    const distNo = await nextNumber(trx, 'distributions', countyId, input.kind === 'transfer' ? 'TJ' : 'PS', today);
    const dist = await trx
      .insertInto('distributions')
      .values({
        county_id: countyId,
        org_id: fromOrgId,
        to_org_id: toOrgId,
        kind: input.kind,
        request_id: input.requestId ?? null,
        dist_no: distNo,
        note: input.note || null,
        created_by: ctx.actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('distribution_lines')
      .values(lines.map((l) => ({ distribution_id: dist.id, org_id: toOrgId, drug_id: l.drugId, packs: l.packs })))
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: `pharmacy.distribution.create`,
      resource: 'distribution',
      resourceId: dist.id,
      detail: { distNo, kind: input.kind, fromOrgId, toOrgId, requestId: input.requestId ?? null },
    });
    await stockChanged(ctx, trx, [fromOrgId, toOrgId], { kind: 'distribution', id: dist.id, status: 'requested' });
    return { id: dist.id, distNo };
  });
}

async function lockDist(trx: Kdb, ctx: Ctx, id: number) {
  return mustFind(
    await trx
      .selectFrom('distributions')
      .selectAll()
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .forUpdate()
      .executeTakeFirst(),
    '配送单',
  );
}

const STEP_MESSAGES: Record<string, string> = {
  approve: '只有待审核的配送单可以审核',
  pick: '只有已审核的配送单可以拣货',
  ship: '只有已拣货的配送单可以发货',
  cancel: '已拣货的配送单不能作废',
};

async function step(trx: Kdb, ctx: Ctx, id: number, action: string, from: DistStatus[], to: DistStatus, set: object) {
  const done = await trx
    .updateTable('distributions')
    .set({ status: to, ...set })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(['id', 'org_id', 'to_org_id'])
    .executeTakeFirst();
  if (!done) throw conflict('DIST_STATE', STEP_MESSAGES[action] ?? '配送单状态已变化，请刷新');
  await writeAudit(trx, ctx.audit, {
    action: `pharmacy.distribution.${action}`,
    resource: 'distribution',
    resourceId: id,
    detail: { to },
  });
  await stockChanged(ctx, trx, [done.org_id, done.to_org_id], { kind: 'distribution', id, status: to });
  return done;
}

export async function approve(ctx: Ctx, id: number) {
  const { now } = clock(ctx);
  return inScope(ctx, async (trx) => {
    await lockDist(trx, ctx, id);
    await step(trx, ctx, id, 'approve', ['requested'], 'approved', { approved_at: now });
    return { id, status: 'approved' as const };
  });
}

export async function cancel(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    await lockDist(trx, ctx, id);
    await step(trx, ctx, id, 'cancel', ['requested', 'approved'], 'cancelled', {});
    return { id, status: 'cancelled' as const };
  });
}

/** FEFO pick at the sender: all lines or nothing; a short line is named with what is available */
export async function pick(ctx: Ctx, id: number) {
  const { now, today } = clock(ctx);
  return inScope(ctx, async (trx) => {
    const d = await lockDist(trx, ctx, id);
    if (d.status !== 'approved') throw conflict('DIST_STATE', STEP_MESSAGES.pick);
    const lines = await trx
      .selectFrom('distribution_lines as l')
      .innerJoin('drugs as g', 'g.id', 'l.drug_id')
      .select(['l.id', 'l.drug_id', 'l.packs', 'g.pack_qty', 'g.generic_name', 'g.pack_unit'])
      .where('l.distribution_id', '=', id)
      .orderBy('l.id')
      .execute();
    for (const l of lines) {
      const want = l.packs * l.pack_qty;
      const taken = await claimFefo(trx, {
        orgId: d.org_id,
        drugId: l.drug_id,
        qty: want,
        day: today,
        kind: 'transfer_out',
        refKind: 'distribution',
        refId: id,
        staffId: ctx.actor.id,
        at: now,
      });
      const got = taken.reduce((s, t) => s + t.qty, 0);
      if (got < want)
        throw new AppError(
          409,
          'STOCK_SHORT',
          `${l.generic_name} 库存不足：需要 ${l.packs}${l.pack_unit}，可用 ${Math.floor(got / l.pack_qty)}${l.pack_unit}（未过期、未冻结）。本次未拣货，请先采购入库或调整数量`,
        );
      await trx
        .insertInto('distribution_picks')
        .values(taken.map((t) => ({ line_id: l.id, org_id: d.to_org_id, batch_id: t.batchId, qty: t.qty })))
        .execute();
    }
    await step(trx, ctx, id, 'pick', ['approved'], 'picked', { picked_at: now });
    return { id, status: 'picked' as const };
  });
}

/** shipping: the receiver's batch rows are prepared and the boxes' trace codes travel with the goods */
export async function ship(ctx: Ctx, id: number) {
  const { now } = clock(ctx);
  const countyId = ctx.actor.countyId;
  return inScope(ctx, async (trx) => {
    const d = await lockDist(trx, ctx, id);
    if (d.status !== 'picked') throw conflict('DIST_STATE', STEP_MESSAGES.ship);
    const picks = await trx
      .selectFrom('distribution_picks as p')
      .innerJoin('distribution_lines as l', 'l.id', 'p.line_id')
      .innerJoin('stock_batches as b', 'b.id', 'p.batch_id')
      .innerJoin('drugs as g', 'g.id', 'l.drug_id')
      .select([
        'p.id',
        'p.qty',
        'p.batch_id',
        'l.drug_id',
        'b.batch_no',
        'b.expiry_date',
        'b.supplier_id',
        'b.cost_fen',
        'g.pack_qty',
      ])
      .where('l.distribution_id', '=', id)
      .execute();
    let codesMoved = 0;
    for (const p of picks) {
      const toBatch = await ensureBatch(trx, {
        countyId,
        orgId: d.to_org_id,
        drugId: p.drug_id,
        batchNo: p.batch_no,
        expiryDate: p.expiry_date,
        supplierId: p.supplier_id,
        costFen: p.cost_fen,
      });
      await trx.updateTable('distribution_picks').set({ to_batch_id: toBatch }).where('id', '=', p.id).execute();
      const boxes = Math.floor(p.qty / p.pack_qty);
      if (boxes > 0) {
        const codes = await trx
          .selectFrom('trace_codes')
          .select('code')
          .where('county_id', '=', countyId)
          .where('batch_id', '=', p.batch_id)
          .where('status', '=', 'in_stock')
          .orderBy('code')
          .limit(boxes)
          .execute();
        codesMoved += await moveTraceCodes(trx, {
          countyId,
          codes: codes.map((c) => c.code),
          fromBatchId: p.batch_id,
          toOrgId: d.to_org_id,
          toBatchId: toBatch,
        });
      }
    }
    await step(trx, ctx, id, 'ship', ['picked'], 'shipped', { shipped_at: now });
    return { id, status: 'shipped' as const, codesMoved };
  });
}

/** the receiver confirms per picked batch; only what arrived enters its stock */
export async function receive(ctx: Ctx, id: number, input: DistReceive) {
  const { now } = clock(ctx);
  const countyId = ctx.actor.countyId;
  return inScope(ctx, async (trx) => {
    const d = await lockDist(trx, ctx, id);
    if (!isReceiver(ctx, d.to_org_id)) throw forbidden('只有收货机构（或其上级卫生院）可以确认收货');
    if (d.status === 'received' || d.status === 'discrepancy' || d.status === 'resolved')
      return { id, status: d.status, replayed: true };
    if (d.status !== 'shipped') throw conflict('DIST_STATE', '只有已发货的配送单可以确认收货');
    const picks = await trx
      .selectFrom('distribution_picks as p')
      .innerJoin('distribution_lines as l', 'l.id', 'p.line_id')
      .innerJoin('drugs as g', 'g.id', 'l.drug_id')
      .select(['p.id', 'p.qty', 'p.to_batch_id', 'g.pack_qty', 'g.generic_name'])
      .where('l.distribution_id', '=', id)
      .execute();
    const given = new Map(input.picks.map((p) => [p.pickId, p.receivedPacks]));
    if (given.size !== input.picks.length || picks.length !== given.size || picks.some((p) => !given.has(p.id)))
      throw badRequest('RECEIPT_LINES', '请逐行填写实收数量（每个发货批次一行）', 'picks');
    let short = false;
    for (const p of picks) {
      const qty = (given.get(p.id) ?? 0) * p.pack_qty;
      if (qty > p.qty)
        throw badRequest(
          'OVER_RECEIPT',
          `${p.generic_name} 实收数量超过发货数量（发货 ${p.qty / p.pack_qty} 盒）`,
          'picks',
        );
      if (qty < p.qty) short = true;
    }
    const note = input.note?.trim() || null;
    if (short && !note) throw badRequest('DISCREPANCY_NOTE', '实收少于发货数量，请填写差异说明', 'note');
    for (const p of picks) {
      const qty = (given.get(p.id) ?? 0) * p.pack_qty;
      await trx
        .updateTable('distribution_picks')
        .set({ received_qty: qty, discrepancy_note: qty < p.qty ? note : null })
        .where('id', '=', p.id)
        .execute();
      if (qty > 0)
        await addMoves(trx, [
          {
            countyId,
            orgId: d.to_org_id,
            batchId: must(p.to_batch_id, 'to_batch_id'),
            kind: 'transfer_in',
            qty,
            refKind: 'distribution',
            refId: id,
            staffId: ctx.actor.id,
            at: now,
          },
        ]);
    }
    const status: DistStatus = short ? 'discrepancy' : 'received';
    await step(trx, ctx, id, 'receive', ['shipped'], status, { received_at: now, received_by: ctx.actor.id });
    return { id, status, replayed: false };
  });
}

/** a discrepancy stays open until the pharmacist explains it */
export async function resolve(ctx: Ctx, id: number, resolution: string) {
  const { now } = clock(ctx);
  return inScope(ctx, async (trx) => {
    await lockDist(trx, ctx, id);
    const done = await trx
      .updateTable('distributions')
      .set({ status: 'resolved', resolution, resolved_at: now, resolved_by: ctx.actor.id })
      .where('id', '=', id)
      .where('status', '=', 'discrepancy')
      .returning(['org_id', 'to_org_id'])
      .executeTakeFirst();
    if (!done) throw conflict('DIST_STATE', '只有有差异的配送单需要处理');
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.distribution.resolve',
      resource: 'distribution',
      resourceId: id,
      detail: { resolution },
    });
    await stockChanged(ctx, trx, [done.org_id, done.to_org_id], { kind: 'distribution', id, status: 'resolved' });
    return { id, status: 'resolved' as const };
  });
}
