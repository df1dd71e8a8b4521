import type { AuditContext } from '../platform/audit.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx, Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import {
  dummyHash,
  hashPassword,
  isRecentPassword,
  PASSWORD_HISTORY,
  passwordProblem,
  rememberCurrentPassword,
  verifyPassword,
} from '../platform/password.ts';
import type { Role } from '../platform/roles.ts';
import { createSession, revokeAllSessions, revokeSession } from '../platform/session.ts';
import type { ChangePasswordBody, LoginBody, Me } from './auth.schema.ts';
import * as q from './auth.queries.ts';

type LoginOutcome = { ok: true; staffId: number } | { ok: false; error: AppError };

/**
 * The one answer to every refused login: unknown account, wrong password, the failure that
 * locks, and any attempt while locked (the right password included). The warning names the
 * lockout rule in general, never this account's count, so the answer does not tell whether
 * the account exists, how many tries are left, or that it is locked.
 */
const invalid = (p: Platform) =>
  new AppError(
    401,
    'INVALID_CREDENTIALS',
    `用户名或密码错误。连续失败 ${p.config.lockoutThreshold} 次后账号将被锁定 ${p.config.lockoutMinutes} 分钟，锁定期间无法登录，可请管理员解锁`,
  );

/**
 * Checks the password under a row lock so concurrent failures are all counted. Failures are
 * committed (counter and audit) before the error is returned, which is why this returns an
 * outcome instead of throwing inside the transaction. Every attempt costs one argon2 verify
 * (against a dummy hash for an unknown account, and also while locked), so the time taken
 * tells nothing either.
 */
async function checkCredentials(p: Platform, input: LoginBody, audit: AuditContext): Promise<LoginOutcome> {
  const { lockoutThreshold, lockoutMinutes } = p.config;
  return p.db.transaction().execute(async (trx) => {
    const staff = await q.lockStaffByUsername(trx, input.username);
    const matches = await verifyPassword(staff?.password_hash ?? (await dummyHash()), input.password);
    const fail = async (reason: string, error: AppError = invalid(p)): Promise<LoginOutcome> => {
      await writeAudit(
        trx,
        { ...audit, userId: staff?.id ?? null, username: input.username, countyId: staff?.county_id ?? null },
        // the auditor may see that the right password was tried while locked; the caller may not
        { action: 'auth.login', outcome: 'failure', detail: reason === 'locked' ? { reason, matches } : { reason } },
      );
      return { ok: false, error };
    };
    if (!staff) return fail('unknown_user');
    // Locked answers like a wrong password even to the right one: a distinct answer would
    // tell a guesser that the account exists, and that this guess was right.
    if ((staff.locked_minutes_left ?? 0) > 0) return fail('locked');
    // a lock that has run out starts a fresh count
    const previous = staff.locked_minutes_left === null ? staff.failed_attempts : 0;
    if (!matches) {
      const attempts = previous + 1;
      const lockNow = attempts >= lockoutThreshold;
      await q.recordFailure(trx, staff.id, attempts, lockNow ? lockoutMinutes : null);
      return fail(lockNow ? 'locked_now' : 'bad_password');
    }
    if (staff.disabled)
      return fail('disabled', new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系医共体管理员'));
    await q.recordSuccess(trx, staff.id);
    await writeAudit(
      trx,
      {
        ...audit,
        userId: staff.id,
        username: staff.username,
        role: staff.roles[0],
        orgId: staff.org_id,
        countyId: staff.county_id,
      },
      { action: 'auth.login' },
    );
    return { ok: true, staffId: staff.id };
  });
}

export async function login(p: Platform, input: LoginBody, audit: AuditContext, userAgent: string | undefined) {
  const outcome = await checkCredentials(p, input, audit);
  if (!outcome.ok) throw outcome.error;
  const session = await createSession(p.db, outcome.staffId, audit.ip, userAgent);
  return { token: session.token, me: await loadMe(p, outcome.staffId, session.csrfToken) };
}

export async function loadMe(p: Platform, staffId: number, csrfToken: string): Promise<Me> {
  const row = await q.findMe(p.db, staffId);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    org: { id: row.org_id, name: row.org_name, kind: row.org_kind },
    countyId: row.county_id,
    mustChangePassword: row.must_change_password,
    csrfToken,
  };
}

export async function logout(ctx: Ctx): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSession(trx, ctx.actor.sessionId);
    await writeAudit(trx, ctx.audit, { action: 'auth.logout' });
  });
}

export async function changePassword(ctx: Ctx, input: ChangePasswordBody): Promise<void> {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new AppError(400, 'WEAK_PASSWORD', problem, 'newPassword');
  if (input.newPassword === input.currentPassword)
    throw new AppError(400, 'WEAK_PASSWORD', '新密码不能与当前密码相同', 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const staff = await q.lockStaffById(trx, ctx.actor.id);
    if (!staff || !(await verifyPassword(staff.password_hash, input.currentPassword))) {
      throw new AppError(400, 'INVALID_CREDENTIALS', '当前密码不正确', 'currentPassword');
    }
    if (await isRecentPassword(trx, staff.id, staff.password_hash, input.newPassword)) {
      throw new AppError(
        400,
        'PASSWORD_REUSED',
        `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同，请换一个新密码`,
        'newPassword',
      );
    }
    await rememberCurrentPassword(trx, staff.id);
    await q.setPassword(trx, staff.id, hash, false);
    // other devices signed in with the old password are signed out
    await revokeAllSessions(trx, staff.id, ctx.actor.sessionId);
    await writeAudit(trx, ctx.audit, { action: 'auth.password_change', resource: 'staff', resourceId: staff.id });
  });
}
