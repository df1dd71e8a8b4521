import { careDbError } from './care-errors.ts';
import { AppError } from '../platform/errors.ts';
import { must } from '../platform/must.ts';
import type { Kdb } from '../platform/db.ts';
import * as cq from './charge.queries.ts';

export interface ChargeTarget {
  countyId: number;
  orgId: number;
  residentId: number;
  visitId: number | null;
  stayId: number | null;
}

export interface ChargeLineInput {
  itemCode: string;
  quantity: number;
  at: Date;
  /** absent: the group's price in force at `at` */
  unitPriceFen?: number | null;
  externalLineId?: string | null;
  prescriptionId?: number | null;
  examOrderId?: number | null;
}

/**
 * Adds fee lines to a visit or stay inside the caller's transaction. Each line copies the
 * item's name, category and insurance class and the unit price in force at its moment, so a
 * later price change never rewrites what was charged. A line whose external id the org
 * already has is not added again (its id is returned); the same id on another visit or stay
 * is a conflict.
 */
export async function addLines(
  trx: Kdb,
  target: ChargeTarget,
  lines: readonly ChargeLineInput[],
  createdBy: number | null,
): Promise<number[]> {
  if (lines.length === 0) return [];
  const codes = [...new Set(lines.map((l) => l.itemCode))];
  const items = new Map((await cq.findItems(trx, codes)).map((i) => [i.code, i]));
  const times = lines.filter((l) => l.unitPriceFen == null).map((l) => l.at.getTime());
  // one query for the prices of every line (price ranges of an item never overlap)
  const prices = times.length
    ? await cq.pricesBetween(trx, target.countyId, codes, new Date(Math.min(...times)), new Date(Math.max(...times)))
    : [];
  const inForce = (code: string, at: Date) =>
    prices.find((p) => p.item_code === code && p.valid_from <= at && (p.valid_to === null || p.valid_to > at));
  const rows = lines.map((line, n): cq.NewFeeLine => {
    const item = items.get(line.itemCode);
    if (!item)
      throw new AppError(400, 'UNKNOWN_ITEM', `收费项目编码 ${line.itemCode} 不在收费目录中`, `lines.${n}.itemCode`);
    if (!Number.isFinite(line.quantity) || line.quantity === 0 || Math.abs(line.quantity) >= 1e9)
      throw new AppError(400, 'INVALID_QUANTITY', '数量不能为 0（退费请填负数）', `lines.${n}.quantity`);
    if (Math.round(line.quantity * 1000) !== line.quantity * 1000)
      throw new AppError(400, 'INVALID_QUANTITY', '数量最多三位小数', `lines.${n}.quantity`);
    let unitPrice = line.unitPriceFen ?? null;
    let priceId: number | null = null;
    if (unitPrice === null) {
      const price = inForce(item.code, line.at);
      if (!price)
        throw new AppError(400, 'NO_PRICE', `收费项目「${item.name}」在该时间没有执行价格`, `lines.${n}.itemCode`);
      unitPrice = price.price_fen;
      priceId = price.id;
    } else if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) {
      throw new AppError(400, 'INVALID_PRICE', '单价应为不小于 0 的整数（分）', `lines.${n}.unitPriceFen`);
    }
    return {
      county_id: target.countyId,
      org_id: target.orgId,
      visit_id: target.visitId,
      stay_id: target.stayId,
      resident_id: target.residentId,
      item_code: item.code,
      item_name: item.name,
      category: item.category,
      insurance_class: item.insurance_class,
      self_pay_bp: item.self_pay_bp,
      quantity: line.quantity,
      unit_price_fen: unitPrice,
      price_id: priceId,
      charged_at: line.at,
      prescription_id: line.prescriptionId ?? null,
      exam_order_id: line.examOrderId ?? null,
      external_line_id: line.externalLineId ?? null,
      created_by: createdBy,
    };
  });
  const inserted = await cq.insertFeeLines(trx, rows).catch((err: unknown) => {
    throw careDbError(err);
  });
  const byExternal = new Map(
    inserted.filter((r) => r.external_line_id !== null).map((r) => [r.external_line_id, r.id]),
  );
  const internal = inserted.filter((r) => r.external_line_id === null).map((r) => r.id);
  const ids: number[] = [];
  for (const row of rows) {
    if (row.external_line_id === null) {
      ids.push(must(internal.shift(), 'inserted fee line'));
      continue;
    }
    const id = byExternal.get(row.external_line_id);
    if (id !== undefined) {
      ids.push(id);
      continue;
    }
    // the org has this line already: the same line again changes nothing, elsewhere is a conflict
    const existing = await cq.lineByExternalId(trx, target.orgId, row.external_line_id);
    if (!existing || existing.visit_id !== target.visitId || existing.stay_id !== target.stayId)
      throw new AppError(409, 'FEE_LINE_ELSEWHERE', `费用明细 ${row.external_line_id} 已记在另一次就诊上`);
    ids.push(existing.id);
  }
  return ids;
}

export const totals = (db: Kdb, owner: cq.FeeOwner) => cq.totalsByCategory(db, owner);
export const lines = (db: Kdb, owner: cq.FeeOwner) => cq.linesOf(db, owner);
export const hasUnrefunded = (db: Kdb, owner: cq.FeeOwner) => cq.hasUnrefunded(db, owner);
