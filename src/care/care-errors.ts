import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';

/** The database's invariants in the words a clerk (or a HIS's AE acknowledgement) can act on. */
export function careDbError(err: unknown): unknown {
  if (!(err instanceof Error) || !('code' in err)) return err;
  const constraint = 'constraint' in err && typeof err.constraint === 'string' ? err.constraint : '';
  if (err.code === '23505') {
    if (constraint === 'bed_occupancy_pkey' || constraint === 'admission_one_patient_per_bed')
      return conflict('BED_OCCUPIED', '该床位已有患者，请选择其他床位');
    if (constraint === 'stays_one_open_per_resident')
      return conflict('ALREADY_ADMITTED', '该居民已在住院中，不能重复办理入院');
    if (constraint === 'stays_external_number' || constraint === 'visits_external_number')
      return conflict('EXTERNAL_NUMBER_TAKEN', '该就诊流水号已被使用');
    if (constraint === 'visits_queue_no') return conflict('QUEUE_NO_TAKEN', '排队号已被占用，请重试');
  }
  if (err.code === '23514' && constraint === 'stays_settled')
    return conflict('ALREADY_SETTLED', '该次住院已出院结算，不能撤销出院；如需更正请先冲销结算');
  if (err.code === '23514' && constraint === 'fee_lines_not_settled')
    return conflict('ALREADY_SETTLED', '该次就诊已结算，不能再记费；如需更正请先冲销结算');
  if (err.code === '23514' && constraint === 'bed_occupancy_bed_open')
    return conflict('BED_NOT_OPEN', '该床位停用或维修中，不能安排患者');
  return err;
}

let savepoints = 0;

const bare = new WeakSet<object>();

/**
 * Runs fn with the care steps inside it writing straight into trx, without their savepoints
 * (two round trips each): for a caller that rolls its whole transaction back when a step
 * refuses, such as the HIS interface's live path, one message per transaction.
 */
export async function withoutSavepoints<T>(trx: Kdb, fn: () => Promise<T>): Promise<T> {
  bare.add(trx);
  try {
    return await fn();
  } finally {
    bare.delete(trx);
  }
}

/**
 * Runs one step inside a savepoint of the caller's transaction: if it throws, everything it
 * wrote is undone and the transaction stays usable (the HIS interface still stores the
 * message and its error in it); database errors come out as AppErrors where they are ours.
 */
export async function step<T>(trx: Kdb, fn: () => Promise<T>): Promise<T> {
  if (bare.has(trx)) {
    try {
      return await fn();
    } catch (err) {
      throw careDbError(err);
    }
  }
  const name = sql.raw(`care_step_${++savepoints}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    return result;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    throw careDbError(err);
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
