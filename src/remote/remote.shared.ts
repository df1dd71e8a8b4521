import { createHash } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import './remote.tables.ts';

/** Shared by the remote-diagnosis services (issue 12): the scoped transaction, error mapping, files, live events. */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> =>
  withScope(ctx.db, ctx.scope, fn).catch((err: unknown) => {
    throw mapRemoteError(err);
  });

/** the database's own refusals (0090_remote.sql), turned into answers a person can act on */
export function mapRemoteError(err: unknown): unknown {
  if (!(err instanceof Error) || !('code' in err)) return err;
  const constraint = 'constraint' in err ? String(err.constraint) : undefined;
  if (constraint === 'remote_reports_reviewer_not_author')
    return new AppError(422, 'REVIEWER_IS_AUTHOR', '审核医师不能是报告书写人，请由另一位医师审核签发');
  if (constraint === 'remote_report_immutable') return conflict('REPORT_ISSUED', err.message);
  if (constraint === 'remote_study_fixed') return conflict('STUDY_FIXED', err.message);
  if (constraint === 'remote_turnaround_missing') return new AppError(422, 'NO_TURNAROUND', err.message);
  if (constraint === 'remote_criticals_double_check')
    return new AppError(422, 'DOUBLE_CHECK_SELF', '危急值须由另一位医师复核，标记人不能自己复核');
  if (constraint === 'remote_criticals_readback')
    return new AppError(422, 'READBACK_REQUIRED', '确认危急值须复述（回读）危急值内容');
  if (constraint === 'remote_consults_consent_first')
    return new AppError(422, 'CONSENT_REQUIRED', '须先记录患者知情同意，才能安排会诊时间');
  if (err.code === '23505' && constraint === 'remote_reports_one_open')
    return conflict('REPORT_OPEN', '该申请已有正在书写或待审核的报告');
  if (err.code === '23505' && constraint === 'remote_studies_sop_key')
    return conflict('SOP_INSTANCE_EXISTS', '该 SOP 实例已存档且文件内容不同，拒绝覆盖');
  return err;
}

/** live-event topics: worklists listen on 'remote.', clinicians' inboxes on 'remote.notice' */
export const REMOTE_TOPIC = {
  request: 'remote.request',
  study: 'remote.study',
  report: 'remote.report',
  critical: 'remote.critical',
  notice: 'remote.notice',
  consult: 'remote.consult',
} as const;

/** a live event inside the writer's transaction: delivered only if the change commits */
export function publishRemote(
  trx: Kdb,
  countyId: number,
  topic: (typeof REMOTE_TOPIC)[keyof typeof REMOTE_TOPIC],
  orgIds: number[],
  data: Record<string, unknown>,
): Promise<void> {
  return publish(trx, { topic, countyId, orgIds: [...new Set(orgIds)], data });
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores a file once by its SHA-256 (content-addressed): the same bytes uploaded twice are
 * one row. Returns the hash.
 */
export async function storeFile(trx: Kdb, countyId: number, bytes: Uint8Array, mime: string): Promise<string> {
  const sha = sha256Hex(bytes);
  await trx
    .insertInto('remote_files')
    .values({ sha256: sha, county_id: countyId, mime, size_bytes: bytes.byteLength, bytes: Buffer.from(bytes) })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha;
}

/** the database's clock-free "now" is never used for business times: services pass the injected clock */
export const nowOf = (ctx: Ctx): Date => ctx.platform.config.now();
