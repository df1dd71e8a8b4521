import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';

/**
 * 同价: one price per item per county, effective-dated (charge_prices, no two rows in force at
 * one instant). A change is one row that starts at the county's switch instant (00:00
 * Asia/Shanghai of the effective day by default, pharmacy_settings.price_switch_time) for
 * every member at once; the row it replaces ends at that same instant. Lines billed or
 * dispensed keep the price id and amount they were written with, so a change never
 * rewrites the past.
 */

export interface PriceInForce {
  priceId: number;
  unitPriceFen: number;
}

/**
 * The price of a charge item in force at an instant, or null when it has none. For a catalogue
 * item the price is per pack (drugs.pack_unit): a dispensing line of qty in the smallest unit
 * costs round(qty × unitPriceFen / pack_qty); keep priceId and unitPriceFen on the line so a
 * later change never rewrites it. Ranges are [valid_from, valid_to): at the switch instant
 * itself the new price applies.
 */
export async function priceInForce(
  trx: Kdb,
  countyId: number,
  chargeCode: string,
  at: Date,
): Promise<PriceInForce | null> {
  const row = await trx
    .selectFrom('charge_prices')
    .select(['id', 'price_fen'])
    .where('county_id', '=', countyId)
    .where('item_code', '=', chargeCode)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { priceId: row.id, unitPriceFen: row.price_fen } : null;
}

/** the county's switch time of day, 'HH:MM:SS' (00:00 when the county has no settings row) */
export async function switchTime(trx: Kdb, countyId: number): Promise<string> {
  const row = await trx
    .selectFrom('pharmacy_settings')
    .select('price_switch_time')
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  return String(row?.price_switch_time ?? '00:00:00');
}

/** the instant a change effective on `day` takes effect: that day's switch time in Asia/Shanghai */
export function switchInstant(day: string, time: string): Date {
  const hms = time.length === 5 ? `${time}:00` : time.slice(0, 8);
  return new Date(`${day}T${hms}+08:00`);
}

export type PriceOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Schedules `priceFen` from `instant` on (the caller's transaction). The same price already
 * starting there is 'unchanged' (a re-import changes nothing); a planned, not yet effective
 * row at that instant is corrected ('updated'); otherwise the row in force at the instant is
 * closed there and the new one starts ('created'). A change cannot start in the past, except
 * an item's very first price (nothing can have been billed at it yet).
 */
export async function schedulePrice(
  trx: Kdb,
  a: { countyId: number; chargeCode: string; priceFen: number; instant: Date; source: string; now: Date },
): Promise<{ outcome: PriceOutcome; priceId: number }> {
  const { rows } = await sql<{
    id: number;
    price_fen: number;
    valid_from: Date;
    valid_to: Date | null;
    source_document: string;
  }>`
    SELECT id, price_fen, valid_from, valid_to, source_document FROM charge_prices
    WHERE county_id = ${a.countyId} AND item_code = ${a.chargeCode} ORDER BY valid_from FOR UPDATE`.execute(trx);
  const at = a.instant.getTime();
  const same = rows.find((r) => r.valid_from.getTime() === at);
  if (same && same.price_fen === a.priceFen) return { outcome: 'unchanged', priceId: same.id };
  if (rows.length > 0 && at <= a.now.getTime())
    throw badRequest(
      'PRICE_IN_PAST',
      `调价生效时间 ${fmt(a.instant)} 已过：价格只能从今后某日起调整，已发生的收费和发药保持原价`,
      'effectiveDate',
    );
  if (same) {
    await trx
      .updateTable('charge_prices')
      .set({ price_fen: a.priceFen, source_document: a.source })
      .where('id', '=', same.id)
      .execute();
    return { outcome: 'updated', priceId: same.id };
  }
  const later = rows.find((r) => r.valid_from.getTime() > at);
  if (later)
    throw conflict('PRICE_LATER_PLANNED', `该品种已有 ${fmt(later.valid_from)} 起的调价计划，请先调整或按时间顺序录入`);
  const current = rows.find((r) => r.valid_from.getTime() < at && (r.valid_to === null || r.valid_to.getTime() > at));
  if (current?.price_fen === a.priceFen) return { outcome: 'unchanged', priceId: current.id };
  if (current)
    await trx.updateTable('charge_prices').set({ valid_to: a.instant }).where('id', '=', current.id).execute();
  const created = await trx
    .insertInto('charge_prices')
    .values({
      county_id: a.countyId,
      item_code: a.chargeCode,
      price_fen: a.priceFen,
      valid_from: a.instant,
      valid_to: current?.valid_to ?? null,
      source_document: a.source,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { outcome: 'created', priceId: created.id };
}

const fmt = (d: Date) => `${shanghaiDate(d)} ${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

async function drugOf(trx: Kdb, countyId: number, drugId: number) {
  const drug = await trx
    .selectFrom('drugs')
    .select(['id', 'charge_code', 'generic_name', 'pack_unit'])
    .where('county_id', '=', countyId)
    .where('id', '=', drugId)
    .executeTakeFirst();
  if (!drug) throw notFound('药品');
  return drug;
}

/** every price row of an item, newest first, with the one in force now marked */
export async function priceHistory(ctx: Ctx, drugId: number) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const drug = await drugOf(trx, ctx.actor.countyId, drugId);
    const rows = await trx
      .selectFrom('charge_prices')
      .select(['id', 'price_fen', 'valid_from', 'valid_to', 'source_document', 'created_at'])
      .where('county_id', '=', ctx.actor.countyId)
      .where('item_code', '=', drug.charge_code)
      .orderBy('valid_from', 'desc')
      .execute();
    return {
      drugId,
      chargeCode: drug.charge_code,
      unit: drug.pack_unit,
      items: rows.map((r) => ({
        id: r.id,
        priceFen: r.price_fen,
        validFrom: r.valid_from.toISOString(),
        validTo: r.valid_to?.toISOString() ?? null,
        sourceDocument: r.source_document,
        createdAt: r.created_at.toISOString(),
        state:
          r.valid_from > now
            ? ('planned' as const)
            : r.valid_to && r.valid_to <= now
              ? ('ended' as const)
              : ('current' as const),
      })),
    };
  });
}

export interface PriceChange {
  priceFen: number;
  effectiveDate: string;
  sourceDocument: string;
}

/** 调价: one new row from the effective day's switch instant, for every member of the county at once */
export async function changePrice(ctx: Ctx, drugId: number, input: PriceChange) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const drug = await drugOf(trx, ctx.actor.countyId, drugId);
    const instant = switchInstant(input.effectiveDate, await switchTime(trx, ctx.actor.countyId));
    const res = await schedulePrice(trx, {
      countyId: ctx.actor.countyId,
      chargeCode: drug.charge_code,
      priceFen: input.priceFen,
      instant,
      source: input.sourceDocument,
      now,
    });
    if (res.outcome !== 'unchanged')
      await writeAudit(trx, ctx.audit, {
        action: 'pharmacy.price.change',
        resource: 'drug',
        resourceId: drugId,
        detail: {
          chargeCode: drug.charge_code,
          priceFen: input.priceFen,
          from: instant.toISOString(),
          source: input.sourceDocument,
        },
      });
    return { ...res, validFrom: instant.toISOString() };
  });
}
