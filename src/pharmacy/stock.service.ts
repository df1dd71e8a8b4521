import { sql } from 'kysely';
import { addDays, shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { must } from '../platform/must.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, sortSql, toXlsx } from '../platform/list.ts';
import type { MoveQuery, StockQuery } from './stock.schema.ts';

/**
 * 库存 (issue 14): stock per org, item and batch. Expiry is computed from the date on each
 * read (never a status a job must keep up to date); near-expiry is the county's setting
 * (90 days by default).
 */

export async function nearExpiryDays(trx: Kdb, countyId: number): Promise<number> {
  const s = await trx
    .selectFrom('pharmacy_settings')
    .select('near_expiry_days')
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  return s?.near_expiry_days ?? 90;
}

function stockQueryOf(trx: Kdb, ctx: Ctx, input: StockQuery, today: string, nearDays: number) {
  const soon = addDays(today, nearDays);
  const avail = sql<number>`(b.qty_in - b.qty_out - b.qty_blocked)`;
  return trx
    .selectFrom('stock_batches as b')
    .innerJoin('drugs as d', 'd.id', 'b.drug_id')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select([
      'b.id',
      'b.org_id',
      'o.name as org_name',
      'b.drug_id',
      'd.generic_name',
      'd.spec',
      'd.manufacturer',
      'd.min_unit',
      'd.pack_unit',
      'd.pack_qty',
      'd.essential',
      'd.vbp',
      'b.batch_no',
      'b.expiry_date',
      'b.location',
      'b.cost_fen',
      'b.qty_in',
      'b.qty_out',
      'b.qty_blocked',
    ])
    .select(avail.as('available'))
    .select(
      sql<string>`CASE WHEN b.expiry_date < ${today}::date THEN 'expired'
      WHEN b.expiry_date <= ${soon}::date THEN 'near_expiry' ELSE 'ok' END`.as('expiry_state'),
    )
    .select(sql<number>`(b.expiry_date - ${today}::date)`.as('days_left'))
    .where('b.county_id', '=', ctx.actor.countyId)
    .$if(input.orgId !== undefined, (qb) => qb.where('b.org_id', '=', must(input.orgId, 'orgId')))
    .$if(input.drugId !== undefined, (qb) => qb.where('b.drug_id', '=', must(input.drugId, 'drugId')))
    .$if(Boolean(input.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('d.generic_name', 'like', `%${input.q}%`),
          eb('d.pinyin', 'like', `${must(input.q, 'q').toLowerCase()}%`),
          eb('b.batch_no', '=', must(input.q, 'q')),
        ]),
      ),
    )
    .$if(input.view === 'available', (qb) =>
      qb.where(sql<boolean>`b.qty_in - b.qty_out - b.qty_blocked > 0`).where('b.expiry_date', '>=', today),
    )
    .$if(input.view === 'near_expiry', (qb) =>
      qb
        .where(sql<boolean>`b.qty_in - b.qty_out > 0`)
        .where('b.expiry_date', '>=', today)
        .where('b.expiry_date', '<=', soon),
    )
    .$if(input.view === 'expired', (qb) =>
      qb.where(sql<boolean>`b.qty_in - b.qty_out > 0`).where('b.expiry_date', '<', today),
    )
    .$if(input.view === 'blocked', (qb) => qb.where('b.qty_blocked', '>', 0))
    .$if(input.view === 'empty', (qb) => qb.where(sql<boolean>`b.qty_in - b.qty_out = 0`))
    .orderBy(
      must(
        sortSql(input.sort ?? 'expiry_date', {
          expiry_date: sql`b.expiry_date`,
          available: avail,
          drug: sql`d.generic_name`,
        }),
        'sort',
      ),
    )
    .orderBy('b.id');
}

type StockRow = Awaited<ReturnType<ReturnType<typeof stockQueryOf>['execute']>>[number];
function toStock(r: StockRow) {
  const available = Number(r.available);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    drugId: r.drug_id,
    drugName: r.generic_name,
    spec: r.spec,
    manufacturer: r.manufacturer,
    minUnit: r.min_unit,
    packUnit: r.pack_unit,
    packQty: r.pack_qty,
    essential: r.essential,
    vbp: r.vbp,
    batchNo: r.batch_no,
    expiryDate: r.expiry_date,
    expiryState: r.expiry_state as 'expired' | 'near_expiry' | 'ok',
    daysLeft: Number(r.days_left),
    location: r.location,
    qtyIn: Number(r.qty_in),
    qtyOut: Number(r.qty_out),
    blocked: Number(r.qty_blocked),
    available,
    onHand: Number(r.qty_in) - Number(r.qty_out),
    /** cost of what is on hand, in fen (cost per pack × packs) */
    valueFen: Math.round(((Number(r.qty_in) - Number(r.qty_out)) * r.cost_fen) / r.pack_qty),
  };
}

export async function listStock(ctx: Ctx, input: StockQuery) {
  const today = shanghaiDate(ctx.platform.config.now());
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const near = await nearExpiryDays(trx, ctx.actor.countyId);
    const { rows, meta } = await fetchPage(trx, stockQueryOf(trx, ctx, input, today, near), input);
    const counts = await sql<{ near: number; expired: number; blocked: number }>`
      SELECT count(*) FILTER (WHERE qty_in - qty_out > 0 AND expiry_date >= ${today}::date
                               AND expiry_date <= ${addDays(today, near)}::date)::int AS near,
             count(*) FILTER (WHERE qty_in - qty_out > 0 AND expiry_date < ${today}::date)::int AS expired,
             count(*) FILTER (WHERE qty_blocked > 0)::int AS blocked
      FROM stock_batches WHERE county_id = ${ctx.actor.countyId}
        ${input.orgId !== undefined ? sql`AND org_id = ${input.orgId}` : sql``}`.execute(trx);
    return { ...meta, nearExpiryDays: near, counts: counts.rows[0], items: rows.map(toStock) };
  });
}

export async function exportStock(ctx: Ctx, input: StockQuery) {
  const today = shanghaiDate(ctx.platform.config.now());
  const rows = await withScope(ctx.db, ctx.scope, async (trx) => {
    const near = await nearExpiryDays(trx, ctx.actor.countyId);
    return refuseIfTooMany(
      await exportRows(trx, ctx.audit, stockQueryOf(trx, ctx, input, today, near), {
        action: 'pharmacy.stock.export',
        resource: 'stock_batch',
        filter: exportFilter(input),
      }),
    );
  });
  const state = { expired: '已过期', near_expiry: '近效期', ok: '' };
  return toXlsx(
    rows.map(toStock),
    [
      { header: '机构', value: (r) => r.orgName, width: 20 },
      { header: '药品', value: (r) => r.drugName, width: 24 },
      { header: '规格', value: (r) => r.spec, width: 16 },
      { header: '生产企业', value: (r) => r.manufacturer, width: 22 },
      { header: '批号', value: (r) => r.batchNo, width: 14 },
      { header: '有效期至', value: (r) => r.expiryDate, width: 12 },
      { header: '效期', value: (r) => state[r.expiryState], width: 8 },
      { header: '库位', value: (r) => r.location, width: 8 },
      { header: '在库', value: (r) => r.onHand, width: 8 },
      { header: '封存', value: (r) => r.blocked, width: 8 },
      { header: '可用', value: (r) => r.available, width: 8 },
      { header: '单位', value: (r) => r.minUnit, width: 6 },
      { header: '金额(元)', value: (r) => r.valueFen / 100, width: 10 },
    ],
    '库存',
  );
}

function movesQueryOf(trx: Kdb, ctx: Ctx, input: MoveQuery) {
  return trx
    .selectFrom('stock_moves as m')
    .innerJoin('stock_batches as b', 'b.id', 'm.batch_id')
    .innerJoin('drugs as d', 'd.id', 'b.drug_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .leftJoin('staff as s', 's.id', 'm.staff_id')
    .select([
      'm.id',
      'm.kind',
      'm.qty',
      'm.ref_kind',
      'm.ref_id',
      'm.note',
      'm.at',
      'o.name as org_name',
      'd.generic_name',
      'd.min_unit',
      'b.batch_no',
      's.display_name as staff_name',
    ])
    .where('m.county_id', '=', ctx.actor.countyId)
    .$if(input.orgId !== undefined, (qb) => qb.where('m.org_id', '=', must(input.orgId, 'orgId')))
    .$if(input.batchId !== undefined, (qb) => qb.where('m.batch_id', '=', must(input.batchId, 'batchId')))
    .$if(input.drugId !== undefined, (qb) => qb.where('b.drug_id', '=', must(input.drugId, 'drugId')))
    .$if(Boolean(input.kind), (qb) => qb.where('m.kind', '=', input.kind as never))
    .orderBy('m.at', input.sort === 'at' ? 'asc' : 'desc')
    .orderBy('m.id', input.sort === 'at' ? 'asc' : 'desc');
}

/** the ledger (库存流水) */
export async function listMoves(ctx: Ctx, input: MoveQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, movesQueryOf(trx, ctx, input), input, 10_000);
    return {
      ...meta,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        qty: r.qty,
        refKind: r.ref_kind,
        refId: r.ref_id,
        note: r.note,
        at: r.at.toISOString(),
        orgName: r.org_name,
        drugName: r.generic_name,
        minUnit: r.min_unit,
        batchNo: r.batch_no,
        staffName: r.staff_name,
      })),
    };
  });
}

/** per item at one org: available now (unexpired), for the counter's drug picker */
export async function availableAt(ctx: Ctx, orgId: number, q: string | undefined) {
  const today = shanghaiDate(ctx.platform.config.now());
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await trx
      .selectFrom('drugs as d')
      .leftJoin('stock_batches as b', (j) =>
        j.onRef('b.drug_id', '=', 'd.id').on('b.org_id', '=', orgId).on('b.expiry_date', '>=', today),
      )
      .select([
        'd.id',
        'd.generic_name',
        'd.brand_name',
        'd.spec',
        'd.min_unit',
        'd.pack_unit',
        'd.pack_qty',
        'd.split_allowed',
        'd.charge_code',
      ])
      .select(sql<number>`coalesce(sum(b.qty_in - b.qty_out - b.qty_blocked), 0)::int`.as('available'))
      .where('d.county_id', '=', ctx.actor.countyId)
      .where('d.active', '=', true)
      .$if(Boolean(q), (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('d.generic_name', 'like', `%${q}%`),
            eb('d.brand_name', 'like', `%${q}%`),
            eb('d.pinyin', 'like', `${must(q, 'q').toLowerCase()}%`),
          ]),
        ),
      )
      .groupBy('d.id')
      .orderBy(sql`coalesce(sum(b.qty_in - b.qty_out - b.qty_blocked), 0) > 0`, 'desc')
      .orderBy('d.generic_name')
      .limit(30)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.generic_name,
        brandName: r.brand_name,
        spec: r.spec,
        minUnit: r.min_unit,
        packUnit: r.pack_unit,
        packQty: r.pack_qty,
        splitAllowed: r.split_allowed,
        chargeCode: r.charge_code,
        available: r.available,
      })),
    };
  });
}
