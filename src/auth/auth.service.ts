import type { AuditContext } from '../platform/audit.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx, Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../platform/password.ts';
import type { Role } from '../platform/roles.ts';
import { createSession, revokeAllSessions, revokeSession } from '../platform/session.ts';
import type { ChangePasswordBody, LoginBody, Me } from './auth.schema.ts';
import * as q from './auth.queries.ts';

type LoginOutcome = { ok: true; staffId: number } | { ok: false; error: AppError };

const invalid = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
const locked = (minutes: number) =>
  new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);

/**
 * Checks the password under a row lock so concurrent failures are all counted. Failures are
 * committed (counter and audit) before the error is returned, which is why this returns an
 * outcome instead of throwing inside the transaction.
 */
async function checkCredentials(p: Platform, input: LoginBody, audit: AuditContext): Promise<LoginOutcome> {
  const { lockoutThreshold, lockoutMinutes } = p.config;
  return p.db.transaction().execute(async (trx) => {
    const staff = await q.lockStaffByUsername(trx, input.username);
    const fail = async (reason: string, error: AppError): Promise<LoginOutcome> => {
      await writeAudit(
        trx,
        { ...audit, userId: staff?.id ?? null, username: input.username, countyId: staff?.county_id ?? null },
        { action: 'auth.login', outcome: 'failure', detail: { reason } },
      );
      return { ok: false, error };
    };
    if (!staff) {
      await verifyPassword(await dummyHash(), input.password);
      return fail('unknown_user', invalid());
    }
    const minutesLeft = staff.locked_minutes_left ?? 0;
    if (minutesLeft > 0) return fail('locked', locked(minutesLeft));
    // a lock that has run out starts a fresh count
    const previous = staff.locked_minutes_left === null ? staff.failed_attempts : 0;
    if (!(await verifyPassword(staff.password_hash, input.password))) {
      const attempts = previous + 1;
      if (attempts >= lockoutThreshold) {
        await q.recordFailure(trx, staff.id, attempts, lockoutMinutes);
        return fail('locked_now', locked(lockoutMinutes));
      }
      await q.recordFailure(trx, staff.id, attempts, null);
      const left = lockoutThreshold - attempts;
      return fail(
        'bad_password',
        new AppError(
          401,
          'INVALID_CREDENTIALS',
          `用户名或密码错误，再失败 ${left} 次账号将被锁定 ${lockoutMinutes} 分钟`,
        ),
      );
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
    await q.setPassword(trx, staff.id, hash, false);
    // other devices signed in with the old password are signed out
    await revokeAllSessions(trx, staff.id, ctx.actor.sessionId);
    await writeAudit(trx, ctx.audit, { action: 'auth.password_change', resource: 'staff', resourceId: staff.id });
  });
}
