import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { SHANGHAI_OFFSET_MS, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, isUniqueViolation, notFound } from '../platform/errors.ts';
import { fetchPage, sortSql } from '../platform/list.ts';
import { maskIdNumber } from '../platform/mask.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import { parseIdNumber } from '../residents/id-number.ts';
import { findByIdNumber } from '../residents/residents.service.ts';
import * as q from './his.queries.ts';
import type {
  MatchBody,
  MessageDetail,
  MessageItem,
  MessageQuery,
  Overview,
  ReplayResult,
  Sender,
  SenderCreate,
  SenderPatch,
} from './his.schema.ts';
import { forgetSenders, ingest, reprocess, type IngestResult } from './ingest.service.ts';
import { mllpStatus } from './mllp.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function toSender(r: q.SenderRow, secret?: string): Sender {
  return {
    id: r.id,
    facility: r.facility,
    name: r.name,
    orgId: r.org_id,
    active: r.active,
    ...(secret ? { secret } : {}),
  };
}

function assertOrgInScope(ctx: Ctx, orgId: number): void {
  if (!ctx.scope.orgIds.includes(orgId)) throw new AppError(403, 'OUT_OF_SCOPE', '该机构不在您的管理范围内', 'orgId');
}

export async function createSender(ctx: Ctx, input: SenderCreate): Promise<Sender> {
  assertOrgInScope(ctx, input.orgId);
  const org = ctx.platform.orgTree.get(input.orgId);
  if (!org) throw notFound('机构');
  const secret = randomBytes(24).toString('base64url');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    try {
      const row = await q.insertSender(trx, {
        county_id: org.countyId,
        org_id: input.orgId,
        facility: input.facility,
        name: input.name,
        secret_hash: hashSecret(secret),
      });
      await writeAudit(trx, ctx.audit, {
        action: 'his.sender.create',
        resource: 'his_sender',
        resourceId: row.id,
        detail: { facility: row.facility, orgId: row.org_id },
      });
      return toSender(row, secret);
    } catch (e) {
      if (isUniqueViolation(e, 'his_senders_facility_key')) {
        throw new AppError(409, 'HIS_SENDER_EXISTS', `机构代码 ${input.facility} 已登记为发送方`, 'facility');
      }
      throw e;
    }
  });
}

export async function patchSender(ctx: Ctx, id: number, input: SenderPatch): Promise<Sender> {
  const sender = await withScope(ctx.db, ctx.scope, async (trx) => {
    const current = await q.senderById(trx, id);
    if (!current || !ctx.scope.orgIds.includes(current.org_id)) throw notFound('发送方');
    const secret = input.rotateSecret ? randomBytes(24).toString('base64url') : undefined;
    const row = await q.updateSender(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(secret ? { secret_hash: hashSecret(secret) } : {}),
    });
    if (!row) throw notFound('发送方');
    await writeAudit(trx, ctx.audit, {
      action: 'his.sender.update',
      resource: 'his_sender',
      resourceId: id,
      detail: { name: input.name, active: input.active, rotatedSecret: Boolean(secret) },
    });
    return toSender(row, secret);
  });
  // after the commit: a message read in between would otherwise cache the old row again
  forgetSenders(ctx.db);
  return sender;
}

/** The sender an HTTP caller authenticates as: facility header + its shared secret, compared in constant time. */
export async function authenticateSender(db: Kdb, facility: string | undefined, secret: string | undefined) {
  const denied = new AppError(401, 'HIS_UNAUTHENTICATED', 'HIS 发送方认证失败：请提供已登记的机构代码和共享密钥');
  if (!facility || !secret) throw denied;
  const sender = await q.senderByFacility(db, facility);
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(sender?.secret_hash ?? hashSecret('no sender: compare anyway'), 'hex');
  if (!sender || !timingSafeEqual(given, stored)) throw denied;
  if (!sender.active) throw new AppError(403, 'HIS_SENDER_DISABLED', `发送方 ${facility} 的接口已停用`);
  return sender;
}

export function receiveHttp(
  deps: { db: Kdb; orgTree: OrgTree },
  sender: q.SenderRow,
  raw: string,
): Promise<IngestResult> {
  return ingest(deps, { raw, channel: 'http', sender });
}

/** midnight today in Shanghai, as an instant */
function dayStart(now: Date): Date {
  return new Date(new Date(`${todayInShanghai(now)}T00:00:00Z`).getTime() - SHANGHAI_OFFSET_MS);
}

export async function overview(ctx: Ctx, now = new Date()): Promise<Overview> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await q.senderStats(trx, ctx.actor.countyId, dayStart(now));
    const un = await q.unattributedCounts(trx);
    return {
      senders: rows
        .filter((r) => ctx.scope.orgIds.includes(r.org_id))
        .map((r) => ({
          id: r.id,
          facility: r.facility,
          name: r.name,
          orgId: r.org_id,
          active: r.active,
          today: r.today,
          received: r.received,
          applied: r.applied,
          held: r.held,
          error: r.error,
          duplicates: r.duplicates,
          lastReceivedAt: iso(r.last_received_at ? new Date(r.last_received_at) : null),
          medianLagSeconds: r.median_lag_seconds === null ? null : Number(r.median_lag_seconds),
          maxLagSeconds: r.max_lag_seconds === null ? null : Number(r.max_lag_seconds),
        })),
      unattributed: { count: un.n, lastReceivedAt: iso(un.last ? new Date(un.last) : null) },
      mllp: mllpStatus(),
    };
  });
}

type ListRow = Awaited<ReturnType<ReturnType<typeof q.messages>['execute']>>[number];

function toItem(r: ListRow): MessageItem {
  return {
    id: r.id,
    senderId: r.sender_id,
    senderName: r.sender_name,
    facility: r.facility,
    controlId: r.control_id,
    type: r.message_type,
    channel: r.channel,
    sentAt: iso(r.sent_at),
    receivedAt: r.received_at.toISOString(),
    status: r.status,
    errorCode: r.error_code,
    errorText: r.error_text,
    matched: r.resident_id !== null,
    externalNumber: r.external_number,
    ackCode: r.ack_code,
    attempts: r.attempts,
    duplicateOf: r.duplicate_of,
  };
}

export async function listMessages(ctx: Ctx, input: MessageQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const base = q.messages(trx, input);
    const order = sortSql(input.sort ?? '-receivedAt', { receivedAt: sql.ref('m.received_at') }) ?? sql`1`;
    const query = base.orderBy(order).orderBy('m.id', 'desc');
    const { rows, meta } = await fetchPage(trx, query, input);
    return { ...meta, items: rows.map(toItem) };
  });
}

/** ID numbers inside the raw text are masked like everywhere else: the page is for fixing the interface, not for reading records. */
const maskRaw = (raw: string) => raw.replace(/\d{17}[\dXx]/g, (m) => maskIdNumber(m));

export async function getMessage(ctx: Ctx, id: number): Promise<MessageDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await q.messages(trx, {}).where('m.id', '=', id).execute();
    const full = await q.messageById(trx, id);
    if (!rows[0] || !full) throw notFound('消息');
    await writeAudit(trx, ctx.audit, {
      action: 'his.message.read',
      resource: 'his_message',
      resourceId: id,
      residentId: full.resident_id,
    });
    return { ...toItem(rows[0]), raw: maskRaw(full.raw), ack: full.ack };
  });
}

/** Matches a held message to a resident by the ID number the administrator gives, then applies it. */
export async function match(ctx: Ctx, id: number, input: MatchBody, now = new Date()) {
  const checked = parseIdNumber(input.idNumber, now);
  if (!checked.ok) throw new AppError(400, 'INVALID_ID_NUMBER', checked.message, 'idNumber');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await q.messageById(trx, id);
    if (!row) throw notFound('消息');
    if (row.status !== 'held') throw new AppError(409, 'HIS_NOT_HELD', '只有待匹配的消息可以匹配居民');
    const resident = await findByIdNumber(trx, checked.info.normalized);
    if (!resident)
      throw new AppError(404, 'RESIDENT_NOT_FOUND', '您管理范围内没有该身份证号的居民，请先建档', 'idNumber');
    const result = await reprocess(trx, id, now, resident.id);
    if (!result) throw new AppError(409, 'HIS_MESSAGE_CHANGED', '该消息已被他人处理，请刷新后重试');
    await writeAudit(trx, ctx.audit, {
      action: 'his.message.match',
      resource: 'his_message',
      resourceId: id,
      residentId: resident.id,
      detail: { status: result.status, ackCode: result.ackCode },
    });
    return { id, status: result.status, ackCode: result.ackCode };
  });
}

/**
 * Processes held and error messages again, oldest first, each in its own transaction (one
 * that fails again stays as it is and the others go on). The tool to run after a fix.
 */
export async function replay(
  deps: { db: Kdb; scope: { userId: number; orgIds: number[] } },
  onEach: (trx: Kdb, id: number, result: IngestResult) => Promise<void>,
  ids: readonly number[] | null,
  now = new Date(),
): Promise<ReplayResult> {
  const todo = await withScope(deps.db, deps.scope, (trx) => q.replayable(trx, ids, 1000));
  const out: ReplayResult = { processed: 0, applied: 0, held: 0, error: 0 };
  for (const { id } of todo) {
    const r = await withScope(deps.db, deps.scope, async (trx) => {
      const result = await reprocess(trx, id, now);
      if (result) await onEach(trx, id, result);
      return result;
    });
    if (!r) continue;
    out.processed++;
    if (r.status === 'applied') out.applied++;
    else if (r.status === 'held') out.held++;
    else out.error++;
  }
  return out;
}

export function replayAsUser(ctx: Ctx, ids: readonly number[] | null, now = new Date()) {
  return replay(
    { db: ctx.db, scope: ctx.scope },
    (trx, id, result) =>
      writeAudit(trx, ctx.audit, {
        action: 'his.message.replay',
        resource: 'his_message',
        resourceId: id,
        detail: { status: result.status, ackCode: result.ackCode },
      }),
    ids,
    now,
  );
}
