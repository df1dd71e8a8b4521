import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict } from '../platform/errors.ts';
import type { MoveKind, MoveRef } from './pharmacy.tables.ts';

/**
 * The stock primitives every pharmacy service goes through (receipt, distribution, dispensing,
 * recall, stock-take). Balances live in stock_batches and change only by inserting ledger rows
 * (stock_moves): the database trigger applies each row and the CHECK keeps every balance
 * ≥ 0, so no code path can make the summary disagree with the ledger ("ghost stock").
 */

export interface BatchKey {
  countyId: number;
  orgId: number;
  drugId: number;
  batchNo: string;
  expiryDate: string;
  location?: string;
  supplierId?: number | null;
  costFen?: number;
}

/** the batch row of an org (created on first receipt); the same batch number keeps one expiry */
export async function ensureBatch(trx: Kdb, key: BatchKey): Promise<number> {
  const location = key.location ?? '药房';
  await trx
    .insertInto('stock_batches')
    .values({
      county_id: key.countyId,
      org_id: key.orgId,
      drug_id: key.drugId,
      batch_no: key.batchNo,
      expiry_date: key.expiryDate,
      location,
      supplier_id: key.supplierId ?? null,
      cost_fen: key.costFen ?? 0,
    })
    .onConflict((oc) => oc.constraint('stock_batches_key').doNothing())
    .execute();
  const row = await trx
    .selectFrom('stock_batches')
    .select(['id', 'expiry_date'])
    .where('org_id', '=', key.orgId)
    .where('drug_id', '=', key.drugId)
    .where('batch_no', '=', key.batchNo)
    .where('location', '=', location)
    .executeTakeFirstOrThrow();
  if (row.expiry_date !== key.expiryDate)
    throw badRequest(
      'BATCH_EXPIRY_MISMATCH',
      `批号 ${key.batchNo} 已登记的有效期为 ${row.expiry_date}，与本次 ${key.expiryDate} 不一致，请核对`,
      'expiryDate',
    );
  return row.id;
}

export interface Move {
  countyId: number;
  orgId: number;
  batchId: number;
  kind: MoveKind;
  qty: number;
  refKind?: MoveRef | null;
  refId?: number | null;
  note?: string | null;
  staffId: number | null;
  at?: Date;
}

/** Appends ledger rows; a row that would make a balance negative fails the whole statement (409). */
export async function addMoves(trx: Kdb, moves: readonly Move[]): Promise<void> {
  if (moves.length === 0) return;
  try {
    await trx
      .insertInto('stock_moves')
      .values(
        moves.map((m) => ({
          county_id: m.countyId,
          org_id: m.orgId,
          batch_id: m.batchId,
          kind: m.kind,
          qty: m.qty,
          ref_kind: m.refKind ?? null,
          ref_id: m.refId ?? null,
          note: m.note ?? null,
          staff_id: m.staffId,
          ...(m.at ? { at: m.at } : {}),
        })),
      )
      .execute();
  } catch (err) {
    throw stockError(err);
  }
}

/** the CHECK on balances answers in Chinese */
export function stockError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23514' && e.constraint === 'stock_batches_available')
    return new AppError(409, 'STOCK_SHORT', '库存不足：可用数量不够（已扣减的批次不会变为负数）');
  return err;
}

export interface Claimed {
  batchId: number;
  qty: number;
  batchNo: string;
  expiryDate: string;
}

/**
 * First-expiry-first-out claim of qty (smallest unit) of one item at one org: each batch is
 * taken under its row lock and written to the ledger (one round trip, the SQL function
 * stock_claim). Returns what was taken, which may be less than asked; batches expired on
 * `day` and blocked quantities are never taken.
 */
export async function claimFefo(
  trx: Kdb,
  a: {
    orgId: number;
    drugId: number;
    qty: number;
    day: string;
    kind: 'dispense' | 'transfer_out' | 'loss';
    refKind: MoveRef;
    refId: number | null;
    staffId: number;
    at: Date;
  },
): Promise<Claimed[]> {
  const { rows } = await sql<{ batch_id: number; qty: number; batch_no: string; expiry_date: string }>`
    SELECT batch_id, qty, batch_no, expiry_date
    FROM stock_claim(${a.orgId}::integer, ${a.drugId}::integer, ${a.qty}::integer, ${a.day}::date, ${a.kind}::text,
      ${a.refKind}::text, ${a.refId}::integer, ${a.staffId}::integer, ${a.at}::timestamptz)`.execute(trx);
  return rows.map((r) => ({ batchId: r.batch_id, qty: r.qty, batchNo: r.batch_no, expiryDate: r.expiry_date }));
}

/** Trace codes received with a batch (码上放心 20 digits; others up to 60 characters). A code already known is refused. */
export async function receiveTraceCodes(
  trx: Kdb,
  a: { countyId: number; orgId: number; drugId: number; batchId: number; codes: readonly string[]; at: Date },
): Promise<void> {
  if (a.codes.length === 0) return;
  const codes = [...new Set(a.codes)];
  if (codes.length !== a.codes.length) throw badRequest('TRACE_CODE_REPEATED', '追溯码重复扫描，请检查', 'traceCodes');
  const bad = codes.find((c) => !TRACE_CODE.test(c));
  if (bad)
    throw badRequest('TRACE_CODE_INVALID', `追溯码 ${bad} 格式不对（20 位数字或 20–60 位字母数字）`, 'traceCodes');
  const known = await trx
    .selectFrom('trace_codes')
    .select('code')
    .where('county_id', '=', a.countyId)
    .where('code', 'in', codes)
    .execute();
  if (known.length)
    throw conflict('TRACE_CODE_KNOWN', `追溯码 ${known[0].code} 已入库过，不能重复入库`, { traceCode: known[0].code });
  await trx
    .insertInto('trace_codes')
    .values(
      codes.map((code) => ({
        county_id: a.countyId,
        code,
        org_id: a.orgId,
        drug_id: a.drugId,
        batch_id: a.batchId,
        status: 'in_stock' as const,
        received_at: a.at,
      })),
    )
    .execute();
}

/** Moves trace codes of a batch to another org (shipped with a distribution). */
export async function moveTraceCodes(
  trx: Kdb,
  a: { countyId: number; codes: readonly string[]; fromBatchId: number; toOrgId: number; toBatchId: number },
): Promise<number> {
  if (a.codes.length === 0) return 0;
  const res = await trx
    .updateTable('trace_codes')
    .set({ org_id: a.toOrgId, batch_id: a.toBatchId })
    .where('county_id', '=', a.countyId)
    .where('code', 'in', [...a.codes])
    .where('batch_id', '=', a.fromBatchId)
    .where('status', '=', 'in_stock')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export const TRACE_CODE = /^(?:[0-9]{20}|[0-9A-Za-z()]{20,60})$/;
