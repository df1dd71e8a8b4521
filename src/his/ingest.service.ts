import * as care from '../care/his-events.service.ts';
import type { AuditContext } from '../platform/audit.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import { parseIdNumber } from '../residents/id-number.ts';
import { findByIdNumber } from '../residents/residents.service.ts';
import { NEEDS_RESIDENT, idNumberOf, toEvent, type HisEvent } from './hl7-events.ts';
import { buildAck, Hl7Reject, looseHeader, parseMessage, type AckError, type Parsed } from './hl7.ts';
import * as q from './his.queries.ts';
import type { AckCode, HisChannel, HisMessageStatus } from './his.tables.ts';

/**
 * The HIS interface's one pipeline: a message is stored raw first, then its effect runs
 * through the care feature's contract functions in the same transaction as its status, and
 * the ACK is stored with it. A resend (same MSH-4 + MSH-10) changes nothing and gets the
 * stored ACK. Used by the MLLP listener, the HTTP route, manual matching and replay.
 */

export interface IngestDeps {
  db: Kdb;
  orgTree: OrgTree;
}

export interface IngestInput {
  raw: string;
  channel: Exclude<HisChannel, 'replay'>;
  /** the sender authenticated by the HTTP route; MLLP names its sender by MSH-4 */
  sender?: q.SenderRow;
  now?: Date;
}

export interface IngestResult {
  id: number;
  status: HisMessageStatus;
  ackCode: AckCode;
  ack: string;
}

interface Outcome {
  /** the effect refused after writing without a savepoint: roll the transaction back, store the error anew */
  undo?: boolean;
  status: 'applied' | 'held' | 'error';
  ackCode: AckCode;
  err?: AckError;
  residentId: number | null;
  externalNumber: string | null;
}

const ackId = (id: number) => `OC${id}`;

/** the sending facility's system user: what the audit rows of its effects name */
export function hisAudit(sender: q.SenderRow, controlId: string): AuditContext {
  return {
    userId: null,
    username: `his:${sender.facility}`,
    role: null,
    orgId: sender.org_id,
    countyId: sender.county_id,
    requestId: `his:${sender.facility}:${controlId}`.slice(0, 120),
    ip: '',
  };
}

function rejected(e: Hl7Reject): Outcome {
  return {
    status: 'error',
    ackCode: 'AR',
    err: { hl7Code: e.hl7Code, code: e.code, text: e.message, severity: 'E', location: e.location },
    residentId: null,
    externalNumber: null,
  };
}

async function runEffect(trx: Kdb, audit: AuditContext, sender: q.SenderRow, ev: HisEvent, matched: number | null) {
  const base = { orgId: sender.org_id, externalNumber: ev.externalNumber };
  const countyId = sender.county_id;
  // decide() holds A01/A04 without a resident, so this never sends 0 to the care feature
  const residentId = matched ?? 0;
  switch (ev.kind) {
    case 'A04':
      return care.registerExternalVisit(trx, audit, {
        ...base,
        countyId,
        residentId,
        departmentCode: ev.departmentCode,
        visitAt: ev.at,
        diagnosisCode: ev.diagnosisCode,
        tcm: ev.tcm,
      });
    case 'A01':
      return care.admitExternalStay(trx, audit, {
        ...base,
        countyId,
        residentId,
        departmentCode: ev.departmentCode,
        bedCode: ev.bedCode,
        admittedAt: ev.at,
        diagnosisCode: ev.diagnosisCode,
      });
    case 'A02':
      return care.transferExternalStay(trx, audit, {
        ...base,
        departmentCode: ev.departmentCode,
        bedCode: ev.bedCode,
        at: ev.at,
      });
    case 'A03':
      return care.dischargeExternalStay(trx, audit, {
        ...base,
        at: ev.at,
        disposition: ev.disposition,
        diagnosisCode: ev.diagnosisCode,
      });
    case 'A08':
      return care.updateExternalEncounter(trx, audit, {
        ...base,
        diagnosisCode: ev.diagnosisCode,
        departmentCode: ev.departmentCode,
      });
    case 'A11':
      return care.cancelExternalAdmit(trx, audit, base);
    case 'A13':
      return care.cancelExternalDischarge(trx, audit, base);
    case 'P03':
      return care.postExternalCharges(trx, audit, { ...base, lines: ev.lines });
  }
}

/**
 * Decides and runs a stored message's effect inside trx. The effect runs under a savepoint:
 * when the care feature refuses it (AppError), everything it wrote is undone and the message
 * is stored as an error (AE) instead; a database failure aborts the whole transaction.
 */
async function decide(
  trx: Kdb,
  parsed: Parsed,
  sender: q.SenderRow,
  receivedAt: Date,
  matchedResidentId: number | null,
  live = false,
): Promise<Outcome> {
  let ev: HisEvent;
  try {
    ev = toEvent(parsed.msg, parsed.header, receivedAt);
  } catch (e) {
    if (e instanceof Hl7Reject) return rejected(e);
    throw e;
  }
  let residentId = matchedResidentId;
  // only the events that create something for a person look the patient up; the others are keyed by PV1-19
  if (residentId === null && NEEDS_RESIDENT.has(ev.kind)) {
    const idNumber = idNumberOf(parsed.msg);
    const checked = idNumber ? parseIdNumber(idNumber, receivedAt) : null;
    const found = checked?.ok ? await findByIdNumber(trx, checked.info.normalized) : null;
    residentId = found?.id ?? null;
    if (!found) {
      const text = !idNumber
        ? 'PID-3 中没有身份证号（标识类型 NI），已暂存，待人工匹配居民'
        : !checked?.ok
          ? `PID-3 身份证号无效（${checked?.message ?? ''}），已暂存，待人工匹配居民`
          : '未找到该身份证号对应的居民，已暂存，待人工匹配居民';
      return {
        status: 'held',
        ackCode: 'AA',
        err: { hl7Code: '204', code: 'UNKNOWN_RESIDENT', text, severity: 'W', location: 'PID^1^3' },
        residentId: null,
        externalNumber: ev.externalNumber,
      };
    }
  }
  const audit = hisAudit(sender, parsed.header.controlId);
  // Each care contract function runs in its own savepoint (care's step): when it refuses
  // (AppError) everything it wrote is undone, and the message is stored as an error (AE) in
  // the same transaction. The live path (one message per transaction) skips the savepoints
  // and rolls the whole transaction back instead (see ingest): `undo` asks for that.
  try {
    if (live) await care.withoutSavepoints(trx, () => runEffect(trx, audit, sender, ev, residentId));
    else await runEffect(trx, audit, sender, ev, residentId);
    return { status: 'applied', ackCode: 'AA', residentId, externalNumber: ev.externalNumber };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return {
      undo: live,
      status: 'error',
      ackCode: 'AE',
      err: { hl7Code: '207', code: e.code, text: e.message, severity: 'E' },
      residentId,
      externalNumber: ev.externalNumber,
    };
  }
}

/**
 * Registered senders by MSH-4, kept SENDER_TTL_MS: a busy interface would otherwise look its
 * sender up once per message. A change made in this process (register, disable) clears it at
 * once (forgetSenders); one made in another process is seen within the TTL.
 */
const SENDER_TTL_MS = 5_000;
const cached = new WeakMap<Kdb, Map<string, { row: q.SenderRow; until: number }>>();

export function forgetSenders(db: Kdb): void {
  cached.delete(db);
}

async function senderByFacility(db: Kdb, facility: string): Promise<q.SenderRow | undefined> {
  let senders = cached.get(db);
  if (!senders) cached.set(db, (senders = new Map()));
  const hit = senders.get(facility);
  if (hit && hit.until > Date.now()) return hit.row;
  const row = await q.senderByFacility(db, facility);
  if (row) senders.set(facility, { row, until: Date.now() + SENDER_TTL_MS });
  else senders.delete(facility);
  return row;
}

/** Which sender a parsed message belongs to; an Hl7Reject when none may send it. */
async function senderFor(db: Kdb, parsed: Parsed, given: q.SenderRow | undefined): Promise<q.SenderRow> {
  const facility = parsed.header.facility;
  if (given) {
    if (given.facility !== facility) {
      throw new Hl7Reject(
        'SENDER_MISMATCH',
        '207',
        `MSH-4 发送机构 ${facility} 与认证的发送方 ${given.facility} 不符`,
        'MSH^1^4',
      );
    }
    return given;
  }
  const sender = await senderByFacility(db, facility);
  if (!sender)
    throw new Hl7Reject('UNKNOWN_SENDER', '207', `发送机构 ${facility}（MSH-4）未登记为 HIS 接口发送方`, 'MSH^1^4');
  if (!sender.active) throw new Hl7Reject('SENDER_DISABLED', '207', `发送机构 ${facility} 的接口已停用`, 'MSH^1^4');
  return sender;
}

function scopeOf(deps: IngestDeps, sender: q.SenderRow | null) {
  // resident matching looks county-wide: a county hospital admits residents of every township
  return { userId: 0, orgIds: sender ? deps.orgTree.county(sender.county_id) : [] };
}

/** Receives one message: store, apply, acknowledge. Idempotent on (MSH-4, MSH-10). */
export async function ingest(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const receivedAt = input.now ?? new Date();
  const loose = looseHeader(input.raw);
  let parsed: Parsed | null = null;
  let sender: q.SenderRow | null = input.sender ?? null;
  let reject: Hl7Reject | null = null;
  try {
    parsed = parseMessage(input.raw);
    sender = await senderFor(deps.db, parsed, input.sender);
  } catch (e) {
    if (!(e instanceof Hl7Reject)) throw e;
    reject = e;
  }
  await deps.orgTree.fresh(); // a listener's process may not have served a request yet
  const facility = parsed?.header.facility ?? loose.facility;
  const controlId = parsed?.header.controlId ?? loose.controlId;
  const base = {
    county_id: sender?.county_id ?? null,
    org_id: sender?.org_id ?? null,
    sender_id: sender?.id ?? null,
    channel: input.channel,
    facility,
    control_id: controlId,
    message_type: parsed?.header.type ?? loose.type,
    sent_at: parsed?.header.sentAt ?? null,
    received_at: receivedAt,
    raw: input.raw,
  };
  // One transaction: the effect first, then the message row, stored once and already settled
  // (one statement, insertSettled). The unique (facility, control id) decides a race with a
  // resend: the later INSERT waits for the earlier transaction and finds the key taken, so its
  // transaction (with whatever its effect did) is rolled back (Resent) and it is stored as a
  // duplicate with the original's ACK.
  const attempt = (refused: Outcome | null) =>
    withScope(deps.db, scopeOf(deps, sender), async (trx): Promise<IngestResult> => {
      const outcome =
        refused ??
        (parsed && sender && !reject
          ? await decide(trx, parsed, sender, receivedAt, null, true)
          : rejected(reject ?? new Hl7Reject('MALFORMED', '100', '报文无法解析')));
      if (outcome.undo) throw new Undo(outcome);
      const stored = await q.insertSettled(trx, {
        ...base,
        ...settled(outcome, receivedAt),
        ack: buildAck(loose, outcome.ackCode, q.ACK_ID_SLOT, receivedAt, outcome.err),
      });
      // without both key parts a message cannot be a resend of anything: always stored
      if (!stored) throw new Resent();
      return { id: stored.id, status: outcome.status, ackCode: outcome.ackCode, ack: stored.ack };
    });
  const resent = () =>
    withScope(deps.db, scopeOf(deps, sender), async (trx): Promise<IngestResult> => {
      const original = await q.originalByKey(trx, facility ?? '', controlId ?? '');
      if (!original?.ack || !original.ack_code) throw new Error('resent message: original without an ACK');
      const dup = await q.insertMessage(trx, {
        ...base,
        status: 'duplicate',
        duplicate_of: original.id,
        ack: original.ack,
        ack_code: original.ack_code,
      });
      return { id: dup.id, status: 'duplicate', ackCode: original.ack_code, ack: original.ack };
    });
  const run = async (refused: Outcome | null) => {
    try {
      return await attempt(refused);
    } catch (e) {
      if (e instanceof Resent) return resent();
      throw e;
    }
  };
  try {
    return await run(null);
  } catch (e) {
    if (!(e instanceof Undo)) throw e;
    // the effect refused after writing: all of it is rolled back; the message and its AE are stored anew
    return run({ ...e.outcome, undo: false });
  }
}

/** Thrown out of an ingest's transaction when its (facility, control id) already has an original. */
class Resent extends Error {
  constructor() {
    super('HIS message resent');
  }
}

/** the columns a settled message row gets from its outcome */
function settled(o: Outcome, now: Date) {
  return {
    status: o.status,
    ack_code: o.ackCode,
    error_code: o.err?.code ?? null,
    error_text: o.err?.text ?? null,
    resident_id: o.residentId,
    external_number: o.externalNumber,
    applied_at: o.status === 'applied' ? now : null,
  };
}

/** Thrown out of a live ingest's transaction to roll back a refused effect (see decide). */
class Undo extends Error {
  constructor(readonly outcome: Outcome) {
    super('HIS effect refused');
  }
}

async function record(
  trx: Kdb,
  id: number,
  from: readonly HisMessageStatus[],
  header: ReturnType<typeof looseHeader>,
  o: Outcome,
  now: Date,
): Promise<IngestResult> {
  const ack = buildAck(header, o.ackCode, ackId(id), now, o.err);
  const done = await q.settle(trx, id, from, { ...settled(o, now), ack });
  if (!done) throw new AppError(409, 'HIS_MESSAGE_CHANGED', '该消息已被他人处理，请刷新后重试');
  return { id, status: o.status, ackCode: o.ackCode, ack };
}

/**
 * Processes a stored held/error message again (after a fix: a sender registered, a
 * department created, a resident matched). matchedResidentId comes from manual matching.
 * Runs inside the caller's scoped transaction; the row is locked so two replays never both apply.
 */
export async function reprocess(
  trx: Kdb,
  id: number,
  now: Date,
  matchedResidentId: number | null = null,
): Promise<IngestResult | null> {
  const row = await q.lockMessage(trx, id);
  if (!row || (row.status !== 'held' && row.status !== 'error')) return null;
  const loose = looseHeader(row.raw);
  let outcome: Outcome;
  let sender: q.SenderRow | null = null;
  try {
    const parsed = parseMessage(row.raw);
    sender = await senderFor(trx, parsed, undefined);
    outcome = await decide(trx, parsed, sender, row.received_at, matchedResidentId ?? row.resident_id);
  } catch (e) {
    if (!(e instanceof Hl7Reject)) throw e;
    outcome = rejected(e);
  }
  if (sender && row.sender_id === null) {
    await trx
      .updateTable('his_messages')
      .set({ sender_id: sender.id, org_id: sender.org_id, county_id: sender.county_id })
      .where('id', '=', id)
      .execute();
  }
  await trx
    .updateTable('his_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
  return record(trx, id, [row.status], loose, outcome, now);
}
