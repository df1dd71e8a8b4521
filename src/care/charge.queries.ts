import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ChargeCategory } from './care.tables.ts';

export function findItems(db: Kdb, codes: readonly string[]) {
  return db
    .selectFrom('charge_items')
    .selectAll()
    .where('code', 'in', codes.length ? codes : [''])
    .execute();
}

/** The group's price row in force at `at`: valid_from <= at < valid_to (open-ended when null). */
/**
 * Every price of these items whose validity overlaps [from, to]: one query for all the lines
 * of a charge; the caller picks each line's price in force (ranges never overlap per item).
 */
export function pricesBetween(db: Kdb, countyId: number, itemCodes: readonly string[], from: Date, to: Date) {
  return db
    .selectFrom('charge_prices')
    .select(['id', 'item_code', 'price_fen', 'valid_from', 'valid_to'])
    .where('county_id', '=', countyId)
    .where('item_code', 'in', itemCodes)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
    .execute();
}

export interface NewFeeLine {
  county_id: number;
  org_id: number;
  visit_id: number | null;
  stay_id: number | null;
  resident_id: number;
  item_code: string;
  item_name: string;
  category: ChargeCategory;
  insurance_class: 'class_a' | 'class_b' | 'self_pay';
  self_pay_bp: number;
  quantity: number;
  unit_price_fen: number;
  price_id: number | null;
  charged_at: Date;
  prescription_id?: number | null;
  exam_order_id?: number | null;
  external_line_id: string | null;
  created_by: number | null;
}

/**
 * Inserts fee lines in one statement, amounts computed by PostgreSQL as in insertFeeLine.
 * Lines whose external id the org already has are skipped (not returned).
 */
export async function insertFeeLines(db: Kdb, lines: readonly NewFeeLine[]) {
  if (lines.length === 0) return [];
  return db
    .insertInto('fee_lines')
    .values(
      lines.map((line) => ({
        ...line,
        prescription_id: line.prescription_id ?? null,
        exam_order_id: line.exam_order_id ?? null,
        amount_fen: sql<string>`round(${line.quantity}::numeric(12,3) * ${line.unit_price_fen})`,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'external_line_id']).doNothing())
    .returning(['id', 'external_line_id'])
    .execute();
}

export function lineByExternalId(db: Kdb, orgId: number, externalLineId: string) {
  return db
    .selectFrom('fee_lines')
    .select(['id', 'visit_id', 'stay_id'])
    .where('org_id', '=', orgId)
    .where('external_line_id', '=', externalLineId)
    .executeTakeFirst();
}

export type FeeOwner = { visitId: number } | { stayId: number };
const ownerColumn = (o: FeeOwner) =>
  'visitId' in o ? (['visit_id', o.visitId] as const) : (['stay_id', o.stayId] as const);

export function linesOf(db: Kdb, owner: FeeOwner) {
  const [col, id] = ownerColumn(owner);
  return db
    .selectFrom('fee_lines')
    .selectAll()
    .select(sql<number>`amount_fen::float8`.as('amount'))
    .where(col, '=', id)
    .orderBy('charged_at')
    .orderBy('id')
    .execute();
}

/** Net amount per category, in fen (refund lines subtract). */
export function totalsByCategory(db: Kdb, owner: FeeOwner) {
  const [col, id] = ownerColumn(owner);
  return db
    .selectFrom('fee_lines')
    .select(['category', sql<number>`sum(amount_fen)::float8`.as('amount')])
    .where(col, '=', id)
    .groupBy('category')
    .orderBy('category')
    .execute();
}

/** Items charged and not refunded: any item whose quantities do not sum to zero. */
export async function hasUnrefunded(db: Kdb, owner: FeeOwner): Promise<boolean> {
  const [col, id] = ownerColumn(owner);
  const r = await db
    .selectFrom('fee_lines')
    .select('item_code')
    .where(col, '=', id)
    .groupBy('item_code')
    .having(sql<boolean>`sum(quantity) <> 0 OR sum(amount_fen) <> 0`)
    .limit(1)
    .execute();
  return r.length > 0;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, '\\$&');

/** Active items with the price in force at `at` (null when the list has none). */
export function catalogueWithPrices(db: Kdb, countyId: number, at: Date, f: { q?: string; category?: ChargeCategory }) {
  let q = db
    .selectFrom('charge_items as i')
    .leftJoin('charge_prices as p', (join) =>
      join
        .onRef('p.item_code', '=', 'i.code')
        .on('p.county_id', '=', countyId)
        .on('p.valid_from', '<=', at)
        .on((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', at)])),
    )
    .select([
      'i.code',
      'i.name',
      'i.category',
      'i.insurance_class',
      'i.self_pay_bp',
      'i.unit',
      'i.spec',
      'i.tcm',
      'p.price_fen',
    ])
    .where('i.active', '=', true);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.q) {
    const term = escapeLike(f.q);
    q = q.where((eb) => eb.or([eb('i.code', 'like', `${term.toUpperCase()}%`), eb('i.name', 'like', `%${term}%`)]));
  }
  return q.orderBy('i.category').orderBy('i.code').execute();
}
