import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { AuditContext } from '../platform/audit.ts';
import { writeAudit } from '../platform/audit.ts';
import { switchScope, withScope, type Kdb } from '../platform/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { idempotencyKey } from '../platform/idempotency.ts';
import { maskName } from '../platform/mask.ts';
import { parseIdNumber } from '../residents/id-number.ts';
import * as bq from './booking.queries.ts';
import { book, cancelBooking, toBooking, type Booker } from './booking.service.ts';
import { shanghaiDate } from './clinic-time.ts';
import { ConsoleChannel, messageChannel } from './notify.ts';
import * as pq from './portal.queries.ts';
import type { CodeRequest, PortalBookingCreate, VerifyRequest } from './portal.schema.ts';
import * as sessions from './session.queries.ts';
import { toSession, toSlot } from './session.service.ts';
import * as wq from './waitlist.queries.ts';
import * as waitlist from './waitlist.service.ts';

/**
 * Resident self-service on a phone: ID number + mobile + a one-time code, then a 30-minute
 * portal session carried in the x-portal-token header. Every step is audited as 'resident'.
 */
const CODE_TTL_MINUTES = 5;
const CODE_MAX_ATTEMPTS = 5;
const CODES_PER_HOUR = 5;
const SESSION_MINUTES = 30;
const GENERIC_SENT = '如身份证号与预留手机号一致，验证码已发送，5 分钟内有效';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');
const codeHash = (residentId: number, code: string) => sha(`portal-code:${residentId}:${code}`);
const residentAudit = (audit: AuditContext, countyId: number | null): AuditContext => ({
  ...audit,
  username: 'resident',
  role: 'resident',
  countyId,
});

async function findResident(db: Kdb, idNumber: string, mobile: string) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new AppError(400, 'INVALID_ID_NUMBER', parsed.message, 'idNumber');
  return pq.findResident(db, parsed.info.normalized, mobile);
}

/**
 * Sends a code if ID and mobile match a resident; the answer is the same either way (no enumeration).
 * `demoCodes` (config.portalDemoCodes) also returns the code, for the embedded demo county only.
 */
export async function requestCode(db: Kdb, audit: AuditContext, input: CodeRequest, demoCodes: boolean) {
  const r = await findResident(db, input.idNumber, input.mobile);
  if (!r) {
    await writeAudit(db, residentAudit(audit, null), {
      action: 'portal.code',
      outcome: 'failure',
      resource: 'portal',
      detail: { reason: 'no_match' },
    });
    return { sent: true, message: GENERIC_SENT };
  }
  if ((await pq.codesInLastHour(db, r.id)) >= CODES_PER_HOUR) {
    await writeAudit(db, residentAudit(audit, r.county_id), {
      action: 'portal.code',
      outcome: 'denied',
      resource: 'portal',
      residentId: r.id,
      detail: { reason: 'too_many' },
    });
    throw new AppError(429, 'TOO_MANY_CODES', '验证码获取过于频繁，请 1 小时后再试');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction().execute(async (trx) => {
    await pq.insertCode(trx, {
      county_id: r.county_id,
      resident_id: r.id,
      code_hash: codeHash(r.id, code),
      expires_at: new Date(Date.now() + CODE_TTL_MINUTES * 60_000),
    });
    await writeAudit(trx, residentAudit(audit, r.county_id), {
      action: 'portal.code',
      resource: 'portal',
      residentId: r.id,
    });
  });
  const channel = messageChannel();
  await channel.send(
    input.mobile,
    `【医共体】您的预约验证码为 ${code}，${CODE_TTL_MINUTES} 分钟内有效。请勿告诉他人。`,
  );
  // never a code that really went out as a text message, whatever the configuration
  const demo = demoCodes && channel instanceof ConsoleChannel;
  return { sent: true, message: GENERIC_SENT, ...(demo ? { demoCode: code } : {}) };
}

export async function verify(db: Kdb, audit: AuditContext, input: VerifyRequest) {
  const r = await findResident(db, input.idNumber, input.mobile);
  const fail = async (residentId: number | null, countyId: number | null, reason: string) => {
    await writeAudit(db, residentAudit(audit, countyId), {
      action: 'portal.login',
      outcome: 'failure',
      resource: 'portal',
      residentId,
      detail: { reason },
    });
    return new AppError(400, 'CODE_INVALID', '验证码不正确或已过期，请重新获取', 'code');
  };
  if (!r) throw await fail(null, null, 'no_match');
  const row = await pq.latestLiveCode(db, r.id);
  if (!row) throw await fail(r.id, r.county_id, 'no_code');
  if (row.attempts >= CODE_MAX_ATTEMPTS) throw await fail(r.id, r.county_id, 'locked');
  const ok = timingSafeEqual(Buffer.from(row.code_hash), Buffer.from(codeHash(r.id, input.code)));
  if (!ok) {
    // the attempt counter rises with a conditional UPDATE, so parallel guesses cannot exceed it
    await pq.countWrongCode(db, row.id);
    throw await fail(r.id, r.county_id, 'wrong_code');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MINUTES * 60_000);
  const name = await db.transaction().execute(async (trx) => {
    if (!(await pq.useCode(trx, row.id, CODE_MAX_ATTEMPTS))) return null;
    await pq.insertSession(trx, {
      id: sha(token),
      county_id: r.county_id,
      resident_id: r.id,
      resident_org_id: r.org_id,
      expires_at: expiresAt,
    });
    await writeAudit(trx, residentAudit(audit, r.county_id), {
      action: 'portal.login',
      resource: 'portal',
      residentId: r.id,
    });
    // the name is resident data: read it within the resident's own org
    return switchScope(trx, { userId: 0, orgIds: [r.org_id] }, async () => (await pq.residentName(trx, r.id)) ?? '');
  });
  if (name === null) throw await fail(r.id, r.county_id, 'used');
  return { token, expiresAt: expiresAt.toISOString(), maskedName: maskName(name) };
}

interface Portal {
  residentId: number;
  residentOrgId: number;
  countyId: number;
  sessionId: string;
  audit: AuditContext;
}

export async function authenticate(db: Kdb, audit: AuditContext, token: string | undefined): Promise<Portal> {
  const s = token ? await pq.liveSession(db, sha(token)) : undefined;
  if (!s) {
    if (token)
      await writeAudit(db, residentAudit(audit, null), {
        action: 'portal.denied',
        outcome: 'denied',
        resource: 'portal',
      });
    throw new AppError(401, 'PORTAL_LOGIN_REQUIRED', '身份验证已过期，请重新输入身份证号和手机号验证');
  }
  return {
    residentId: s.resident_id,
    residentOrgId: s.resident_org_id,
    countyId: s.county_id,
    sessionId: s.id,
    audit: residentAudit(audit, s.county_id),
  };
}

function booker(p: Portal): Booker {
  return {
    channel: 'self',
    userId: 0,
    staffId: null,
    countyId: p.countyId,
    orgIds: [p.residentOrgId],
    idemOwner: `resident:${p.residentId}`,
    audit: p.audit,
    residentId: p.residentId,
  };
}

export async function me(db: Kdb, p: Portal) {
  return withScope(db, { userId: 0, orgIds: [p.residentOrgId] }, async (trx) => {
    const name = await pq.residentName(trx, p.residentId);
    if (name === undefined) throw notFound('居民');
    const until = await bq.suspendedUntil(trx, p.residentId);
    const bookings = await bq.byResident(trx, p.residentId, 20);
    const waits = await wq.waitingOfResident(trx, p.residentId);
    const positions = await Promise.all(waits.map((w) => wq.waitingPosition(trx, w.id)));
    await writeAudit(trx, p.audit, { action: 'portal.read', resource: 'portal', residentId: p.residentId });
    return {
      maskedName: maskName(name),
      suspendedUntil: until ? until.toISOString() : null,
      bookings: bookings.map(toBooking),
      waitlist: waits.map((w, i) => ({
        id: w.id,
        sessionId: w.session_id,
        residentId: w.resident_id,
        residentName: maskName(w.resident_name),
        referred: w.referred,
        status: w.status,
        position: positions[i],
        createdAt: new Date(w.created_at).toISOString(),
        bookingId: w.booking_id,
      })),
    };
  });
}

/** Upcoming published sessions of the resident's county; unreleased ones show their opening time. */
export async function listSessions(
  db: Kdb,
  p: Portal,
  input: { from?: string; q?: string; kind?: 'expert' | 'ordinary' },
) {
  const from = input.from ?? shanghaiDate(new Date());
  const { rows } = await sessions.search(db, p.countyId, {
    from,
    kind: input.kind,
    status: 'published',
    limit: 100,
    offset: 0,
  });
  const term = input.q?.trim();
  return rows
    .map(toSession)
    .filter((s) => new Date(s.endsAt).getTime() > Date.now())
    .filter(
      (s) =>
        !term || [s.expertName, s.speciality, s.departmentName, s.orgName, s.doctorName].some((v) => v?.includes(term)),
    );
}

export async function sessionDetail(db: Kdb, p: Portal, id: number) {
  const row = await sessions.findById(db, p.countyId, id);
  if (!row || row.status !== 'published') throw notFound('门诊安排');
  return {
    ...toSession(row),
    slots: (await sessions.slots(db, id)).map(toSlot),
    waitlist: await sessions.waitlistCount(db, id),
  };
}

export const bookSelf = (db: Kdb, p: Portal, input: PortalBookingCreate, key: string | string[] | undefined) =>
  book(
    db,
    booker(p),
    { sessionId: input.sessionId, slotId: input.slotId, residentId: p.residentId, referred: false },
    idempotencyKey(key),
  );

export const cancelSelf = (db: Kdb, p: Portal, id: number, reason: string | undefined) =>
  cancelBooking(db, booker(p), id, { reason: reason && reason.length >= 2 ? reason : '本人在线取消' });

export const joinWaitlist = (db: Kdb, p: Portal, sessionId: number) =>
  waitlist.join(db, booker(p), { sessionId, residentId: p.residentId, referred: false });

export const leaveWaitlist = (db: Kdb, p: Portal, id: number) => waitlist.leave(db, booker(p), id);

export async function logout(db: Kdb, p: Portal) {
  await pq.revokeSession(db, p.sessionId);
  await writeAudit(db, p.audit, { action: 'portal.logout', resource: 'portal', residentId: p.residentId });
  return { ok: true };
}
