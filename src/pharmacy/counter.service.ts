import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { must } from '../platform/must.ts';
import { withScope } from '../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import { addMoves } from './stock.core.ts';
import type { DispenseReturn, ShortageCreate, ShortageQuery, ShortageStep } from './stock.schema.ts';
import type { ShortageStatus } from './pharmacy.tables.ts';

/**
 * At the counter (issue 14): returns of dispensed drugs, and 缺药登记 — a resident's need for
 * an item the clinic lacks, followed until it is collected (or not).
 */

/**
 * 退药: a returned quantity can never exceed what the line dispensed (one conditional UPDATE).
 * Restocked (unopened, in date) it goes back into its batch; if that batch is under an open
 * recall it goes straight into the blocked quantity, so a return can never make recalled
 * stock dispensable again. Otherwise it is destroyed (a loss in the ledger).
 */
export async function returnLine(ctx: Ctx, lineId: number, input: DispenseReturn) {
  const now = ctx.platform.config.now();
  try {
    return await withScope(ctx.db, ctx.scope, async (trx) => {
      const prior = await trx
        .selectFrom('dispense_returns')
        .select(['id', 'line_id', 'qty'])
        .where('county_id', '=', ctx.actor.countyId)
        .where('client_id', '=', input.clientId)
        .executeTakeFirst();
      if (prior) return { id: prior.id, replayed: true };
      const line = await trx
        .selectFrom('dispense_lines as l')
        .innerJoin('stock_batches as b', 'b.id', 'l.batch_id')
        .select(['l.id', 'l.org_id', 'l.batch_id', 'l.resident_id', 'l.qty', 'b.drug_id', 'b.batch_no'])
        .where('l.id', '=', lineId)
        .executeTakeFirst();
      if (!line) throw notFound('发药明细');
      const took = await trx
        .updateTable('dispense_lines')
        .set((eb) => ({ returned_qty: eb('returned_qty', '+', input.qty) }))
        .where('id', '=', lineId)
        .where((eb) => eb(eb('returned_qty', '+', input.qty), '<=', eb.ref('qty')))
        .executeTakeFirst();
      if (Number(took.numUpdatedRows) !== 1) throw conflict('RETURN_TOO_MUCH', '退药数量超过了该行发出而未退的数量');
      const row = await trx
        .insertInto('dispense_returns')
        .values({
          county_id: ctx.actor.countyId,
          org_id: line.org_id,
          line_id: lineId,
          qty: input.qty,
          reason: input.reason,
          restock: input.restock,
          client_id: input.clientId,
          staff_id: ctx.actor.id,
          at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const recalled = await trx
        .selectFrom('drug_recalls')
        .select('id')
        .where('county_id', '=', ctx.actor.countyId)
        .where('drug_id', '=', line.drug_id)
        .where('batch_no', '=', line.batch_no)
        .where('status', '=', 'open')
        .executeTakeFirst();
      const base = {
        countyId: ctx.actor.countyId,
        orgId: line.org_id,
        batchId: line.batch_id,
        qty: input.qty,
        refKind: 'dispense' as const,
        refId: lineId,
        note: input.reason,
        staffId: ctx.actor.id,
        at: now,
      };
      // the returned units come back in; restocked they stay (blocked under a recall), else they are destroyed
      await addMoves(trx, [
        { ...base, kind: 'return' },
        ...(!input.restock
          ? [{ ...base, kind: 'loss' as const }]
          : recalled
            ? [{ ...base, kind: 'block' as const, refKind: 'recall' as const, refId: recalled.id }]
            : []),
      ]);
      await writeAudit(trx, ctx.audit, {
        action: 'pharmacy.dispense.return',
        resource: 'dispense_line',
        resourceId: lineId,
        residentId: line.resident_id,
        detail: { qty: input.qty, restock: input.restock, recalled: Boolean(recalled), reason: input.reason },
      });
      return { id: row.id, replayed: false, blocked: Boolean(recalled && input.restock) };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'dispense_returns_client_id')) return { id: 0, replayed: true };
    throw err;
  }
}

const NEXT: Record<ShortageStatus, readonly ShortageStatus[]> = {
  registered: ['sourcing', 'delivered'],
  sourcing: ['delivered'],
  delivered: ['collected', 'no_show'],
  collected: [],
  no_show: [],
};

export async function registerShortage(ctx: Ctx, input: ShortageCreate) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const prior = await trx
      .selectFrom('drug_shortages')
      .select('id')
      .where('county_id', '=', ctx.actor.countyId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (prior) return { id: prior.id, replayed: true };
    const drug = await trx
      .selectFrom('drugs')
      .select('id')
      .where('id', '=', input.drugId)
      .where('county_id', '=', ctx.actor.countyId)
      .executeTakeFirst();
    if (!drug) throw badRequest('DRUG_UNKNOWN', '药品不在本县目录中', 'drugId');
    if (input.residentId !== undefined) {
      const r = await trx.selectFrom('residents').select('id').where('id', '=', input.residentId).executeTakeFirst();
      if (!r) throw badRequest('RESIDENT_UNKNOWN', '居民不存在或不在您的管辖范围', 'residentId');
    }
    const row = await trx
      .insertInto('drug_shortages')
      .values({
        county_id: ctx.actor.countyId,
        org_id: ctx.actor.orgId,
        resident_id: input.residentId ?? null,
        drug_id: input.drugId,
        packs: input.packs,
        client_id: input.clientId,
        note: input.note ?? null,
        created_by: ctx.actor.id,
        created_at: now,
        device_at: input.deviceAt ? new Date(input.deviceAt) : null,
      })
      .onConflict((oc) => oc.constraint('drug_shortages_client_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return { id: 0, replayed: true };
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.shortage.register',
      resource: 'drug_shortage',
      resourceId: row.id,
      residentId: input.residentId ?? null,
      detail: { drugId: input.drugId, packs: input.packs },
    });
    return { id: row.id, replayed: false };
  });
}

export async function stepShortage(ctx: Ctx, id: number, input: ShortageStep) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const s = await trx.selectFrom('drug_shortages').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('缺药登记');
    if (!NEXT[s.status].includes(input.to))
      throw conflict(
        'SHORTAGE_STEP',
        `缺药登记当前为「${SHORTAGE_LABEL[s.status]}」，不能改为「${SHORTAGE_LABEL[input.to]}」`,
      );
    const stamp =
      input.to === 'sourcing'
        ? { sourcing_at: now }
        : input.to === 'delivered'
          ? { delivered_at: now }
          : { closed_at: now };
    const res = await trx
      .updateTable('drug_shortages')
      .set({ status: input.to, ...stamp, ...(input.note ? { note: input.note } : {}) })
      .where('id', '=', id)
      .where('status', '=', s.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('SHORTAGE_CHANGED', '该登记刚被他人处理，请刷新');
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.shortage.step',
      resource: 'drug_shortage',
      resourceId: id,
      detail: { from: s.status, to: input.to },
    });
    return { id, status: input.to };
  });
}

export const SHORTAGE_LABEL: Record<ShortageStatus, string> = {
  registered: '已登记',
  sourcing: '调配中',
  delivered: '已到货待取',
  collected: '已取药',
  no_show: '未来取',
};

export async function listShortages(ctx: Ctx, input: ShortageQuery) {
  if (input.orgId !== undefined && !ctx.scope.orgIds.includes(input.orgId)) throw forbidden();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const query = trx
      .selectFrom('drug_shortages as s')
      .innerJoin('drugs as d', 'd.id', 's.drug_id')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .leftJoin('residents as r', 'r.id', 's.resident_id')
      .select([
        's.id',
        's.status',
        's.packs',
        's.note',
        's.created_at',
        's.delivered_at',
        's.closed_at',
        'd.generic_name',
        'd.spec',
        'd.pack_unit',
        'o.name as org_name',
        'r.name as resident_name',
      ])
      .where('s.county_id', '=', ctx.actor.countyId)
      .$if(input.status !== undefined, (qb) => qb.where('s.status', '=', must(input.status, 'status')))
      .$if(input.orgId !== undefined, (qb) => qb.where('s.org_id', '=', must(input.orgId, 'orgId')))
      .$if(Boolean(input.q), (qb) => qb.where('d.generic_name', 'like', `%${input.q}%`))
      .orderBy('s.created_at', input.sort === 'created_at' ? 'asc' : 'desc')
      .orderBy('s.id', 'desc');
    const { rows, meta } = await fetchPage(trx, query, input);
    return {
      ...meta,
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        packs: r.packs,
        note: r.note,
        createdAt: r.created_at.toISOString(),
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        closedAt: r.closed_at?.toISOString() ?? null,
        drugName: r.generic_name,
        spec: r.spec,
        packUnit: r.pack_unit,
        orgName: r.org_name,
        residentName: r.resident_name,
        next: NEXT[r.status],
      })),
    };
  });
}
