import { sql } from 'kysely';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import type { StockLevel } from './pharmacy.tables.ts';

/** Helpers shared by requests, purchase orders and distribution (统一采购与配送). */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> => withScope(ctx.db, ctx.scope, fn);

/** the server clock (injectable in tests) and the Asia/Shanghai day it falls on */
export function clock(ctx: Ctx): { now: Date; today: string } {
  const now = ctx.platform.config.now();
  return { now, today: shanghaiDate(now) };
}

/** the group's central pharmacy of the caller's county */
export async function centralOrg(trx: Kdb, countyId: number): Promise<number> {
  const row = await trx
    .selectFrom('pharmacy_settings')
    .select('central_org_id')
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  if (!row) throw new AppError(409, 'NO_CENTRAL_PHARMACY', '本县尚未设置医共体中心药房，请联系管理员');
  return row.central_org_id;
}

/** which catalogue level an org stocks at */
export function orgLevel(kind: string | undefined): StockLevel {
  if (kind === 'village_clinic') return 'village';
  if (kind === 'township_center' || kind === 'community_center') return 'township';
  return 'county';
}
export const LEVEL_LABELS: Record<StockLevel, string> = { county: '县级', township: '乡镇', village: '村级' };

export interface DrugInfo {
  id: number;
  generic_name: string;
  spec: string;
  pack_unit: string;
  pack_qty: number;
  levels: StockLevel[];
  supplier_id: number | null;
  charge_code: string;
  active: boolean;
}

/** the catalogue rows of the given ids (county's own, active), refusing unknown ones */
export async function drugsOf(trx: Kdb, countyId: number, ids: readonly number[]): Promise<Map<number, DrugInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw badRequest('DRUG_REPEATED', '同一药品在一张单中只能出现一次', 'lines');
  const rows = unique.length
    ? await trx
        .selectFrom('drugs')
        .select([
          'id',
          'generic_name',
          'spec',
          'pack_unit',
          'pack_qty',
          'levels',
          'supplier_id',
          'charge_code',
          'active',
        ])
        .where('county_id', '=', countyId)
        .where('id', 'in', unique)
        .execute()
    : [];
  const map = new Map(rows.map((r): [number, DrugInfo] => [r.id, r]));
  for (const id of unique) {
    const d = map.get(id);
    if (!d || !d.active) throw badRequest('DRUG_UNKNOWN', '所选药品不在本县目录中或已停用', 'lines');
  }
  return map;
}

/** every item must be allowed at the org's level (目录分级：县级、乡镇、村级) */
export function checkLevels(drugs: Map<number, DrugInfo>, orgKind: string | undefined): void {
  const level = orgLevel(orgKind);
  for (const d of drugs.values())
    if (!d.levels.includes(level))
      throw badRequest(
        'DRUG_LEVEL',
        `${d.generic_name}（${d.spec}）不在${LEVEL_LABELS[level]}机构可配备的目录内，不能请领或配送`,
        'lines',
      );
}

/** CG202612020001: prefix, Asia/Shanghai day, a 4-digit sequence per day */
export async function nextNumber(
  trx: Kdb,
  table: 'purchase_orders' | 'distributions',
  countyId: number,
  prefix: string,
  today: string,
): Promise<string> {
  const stem = `${prefix}${today.replaceAll('-', '')}`;
  const col = table === 'purchase_orders' ? 'order_no' : 'dist_no';
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(max(substr(${sql.ref(col)}, ${stem.length + 1})::int), 0)::int AS n
    FROM ${sql.table(table)} WHERE county_id = ${countyId} AND ${sql.ref(col)} LIKE ${`${stem}%`}`.execute(trx);
  return `${stem}${String(rows[0].n + 1).padStart(4, '0')}`;
}

export const STOCK_TOPIC = 'pharmacy.stock';

/** live stock screens: the orgs whose stock changed (the county's pharmacists see them all) */
export async function stockChanged(ctx: Ctx, trx: Kdb, orgIds: number[], data: Record<string, unknown>) {
  await publish(trx, { topic: STOCK_TOPIC, countyId: ctx.actor.countyId, orgIds: [...new Set(orgIds)], data });
}

export function mustFind<T>(row: T | undefined, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

/** current price per pack (零差率：采购价即销售价) of items, by charge code */
export async function packPrices(trx: Kdb, countyId: number, codes: readonly string[], at: Date) {
  if (codes.length === 0) return new Map<string, number>();
  const rows = await trx
    .selectFrom('charge_prices')
    .select(['item_code', 'price_fen'])
    .where('county_id', '=', countyId)
    .where('item_code', 'in', [...codes])
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .execute();
  return new Map(rows.map((r) => [r.item_code, r.price_fen]));
}
