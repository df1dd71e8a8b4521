import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../platform/password.ts';
import { createTestEnv, TEST_PASSWORD, type Client, type TestEnv } from '../platform/test-helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const login = (username: string, password: string) => env.anonymous().post('/api/auth/login', { username, password });

/** who GET /api/auth/me says is signed in on this client: a username, or null */
async function whoAmI(c: Client): Promise<string | null> {
  const res = await c.get('/api/auth/me');
  expect(res.statusCode).toBe(200);
  const body = res.json<{ username: string } | { user: null }>();
  return 'user' in body ? body.user : body.username;
}

async function auditCount(action: string, username: string, outcome: string): Promise<number> {
  const rows = await env.asOwner(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = '${action}' AND username = '${username}' AND outcome = '${outcome}'`,
  );
  return Number(rows[0].n);
}

describe('login', () => {
  it('sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const res = await login('village.doctor', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/oc_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.json()).toMatchObject({
      username: 'village.doctor',
      roles: ['village_doctor'],
      csrfToken: expect.any(String),
    });
    expect(await auditCount('auth.login', 'village.doctor', 'success')).toBeGreaterThan(0);
  });

  it('answers a wrong password with 401 {code,message} in Chinese and audits it', async () => {
    const res = await login('pharmacist', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('密码错误'),
      requestId: expect.any(String),
    });
    expect(await auditCount('auth.login', 'pharmacist', 'failure')).toBe(1);
  });

  it('does not tell an unknown user from a wrong password: same status, code and message', async () => {
    const answer = async (username: string) => {
      const res = await login(username, 'whatever-it-is');
      return { status: res.statusCode, code: res.json().code, message: res.json().message };
    };
    const unknown = await answer('nobody.here');
    expect(unknown).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      message: expect.stringMatching(/^用户名或密码错误/),
    });
    expect(unknown.message).toContain('锁定 30 分钟');
    expect(await answer('auditor')).toEqual(unknown);
  });

  it('takes about as long for an unknown user as for a wrong password (medians of 5, ratio 0.5–2)', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timed = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    const hash = await hashPassword('Some-Password-123');
    const verify: number[] = [];
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      verify.push(await timed(() => verifyPassword(hash, 'Other-Password-123')));
      // a fresh count each round: this measures the wrong password, not the lockout
      await env.asOwner(`UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE username = 'bureau'`);
      unknown.push(await timed(() => login(`nobody.${i}`, 'Wrong-Password-1')));
      wrong.push(await timed(() => login('bureau', 'Wrong-Password-1')));
    }
    const [v, u, w] = [median(verify), median(unknown), median(wrong)];
    // both pay one argon2 verify (0.7: the verify was timed alone, the logins on a busy machine)
    expect(u, `unknown ${u} ms, verify ${v} ms`).toBeGreaterThan(0.7 * v);
    expect(w, `wrong password ${w} ms, verify ${v} ms`).toBeGreaterThan(0.7 * v);
    expect(u / w, `unknown ${u} ms, wrong password ${w} ms`).toBeGreaterThan(0.5);
    expect(u / w, `unknown ${u} ms, wrong password ${w} ms`).toBeLessThan(2);
  });
});

describe('lockout at the 5th consecutive failure', () => {
  it('4 failures: the right password still works and resets the count', async () => {
    for (let i = 0; i < 4; i++) expect((await login('reader', 'bad-password')).statusCode).toBe(401);
    expect((await login('reader', TEST_PASSWORD)).statusCode).toBe(200);
    // the count restarted: 4 more failures still do not lock
    for (let i = 0; i < 4; i++) expect((await login('reader', 'bad-password')).statusCode).toBe(401);
    expect((await login('reader', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('5th failure locks for 30 minutes; the 6th attempt with the right password is refused', async () => {
    // what a stranger gets for an account that does not exist: a lock must look the same
    const stranger = await login('no.such.account', 'bad-password');
    const same = (res: Awaited<ReturnType<typeof login>>) => {
      expect(res.statusCode).toBe(stranger.statusCode);
      expect(res.json()).toMatchObject({ code: stranger.json().code, message: stranger.json().message });
    };
    for (let i = 1; i <= 4; i++) same(await login('dispatcher', 'bad-password'));
    same(await login('dispatcher', 'bad-password'));
    const [lock] = await env.asOwner(
      `SELECT locked_until BETWEEN now() + interval '29 minutes' AND now() + interval '30 minutes' AS thirty FROM staff WHERE username = 'dispatcher'`,
    );
    expect(lock.thirty).toBe(true);
    // locked: the right password is refused, with the same answer as a wrong one
    same(await login('dispatcher', TEST_PASSWORD));
    same(await login('dispatcher', 'bad-password'));
    expect(stranger.json().message).toContain('锁定 30 分钟');
  });

  it('the lock ends after 30 minutes (clock moved by editing locked_until)', async () => {
    await env.asOwner(`UPDATE staff SET locked_until = now() - interval '1 second' WHERE username = 'dispatcher'`);
    expect((await login('dispatcher', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an admin reset unlocks and forces a new password at next login', async () => {
    for (let i = 0; i < 5; i++) await login('expert', 'bad-password');
    expect((await login('expert', TEST_PASSWORD)).json().code).toBe('INVALID_CREDENTIALS');
    const admin = await env.login('admin');
    const list = await admin.get('/api/staff?q=expert');
    const expert = list
      .json<{ items: Array<{ id: number; username: string }> }>()
      .items.find((s) => s.username === 'expert')!;
    const reset = await admin.post(`/api/staff/${expert.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json<{ temporaryPassword: string }>().temporaryPassword;
    const first = await env.login('expert', temp);
    expect((await first.get('/api/residents?q=zsm')).json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(
      (await first.post('/api/auth/password', { currentPassword: temp, newPassword: 'short' })).json(),
    ).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    expect(
      (await first.post('/api/auth/password', { currentPassword: temp, newPassword: 'alllowercaseletters' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await first.post('/api/auth/password', { currentPassword: temp, newPassword: 'New-Expert-Pass-1' })).statusCode,
    ).toBe(204);
    expect((await first.get('/api/residents?q=zsm')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout kills the session on the server: the old cookie no longer works', async () => {
    const c = await env.login('township.doctor');
    expect(await whoAmI(c)).toBe('township.doctor');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await whoAmI(c)).toBeNull();
    const after = await c.get('/api/orgs');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('idle for 29 minutes stays signed in; idle for 31 minutes is signed out', async () => {
    const c = await env.login('county.doctor');
    await env.asOwner(
      `UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect(await whoAmI(c)).toBe('county.doctor');
    // activity renews the idle clock (touched at most once a minute)
    const [touched] = await env.asOwner(
      `SELECT max(last_seen_at) > now() - interval '1 minute' AS recent FROM sessions WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect(touched.recent).toBe(true);
    await env.asOwner(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect(await whoAmI(c)).toBeNull();
    expect((await c.get('/api/orgs')).statusCode).toBe(401);
  });

  it('logout clears the cookie with exactly the attributes it was set with', async () => {
    const attributes = (setCookie: unknown) =>
      String(setCookie)
        .split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase())
        .filter((a) => !a.startsWith('expires=') && !a.startsWith('max-age='))
        .sort();
    const set = await login('township.doctor', TEST_PASSWORD);
    const c = await env.login('township.doctor');
    const logout = await c.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/^oc_session=;/);
    expect(attributes(logout.headers['set-cookie'])).toEqual(attributes(set.headers['set-cookie']));
    expect(attributes(logout.headers['set-cookie'])).toContain('samesite=strict');
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const c = await env.login('coordinator');
    const res = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
    expect(await whoAmI(c)).toBe('coordinator');
  });

  it('a disabled account is signed out at once and cannot log in', async () => {
    const victim = await env.login('grid.member');
    const admin = await env.login('admin');
    const gm = (await admin.get('/api/staff?q=grid.member'))
      .json<{ items: Array<{ id: number; username: string }> }>()
      .items.find((s) => s.username === 'grid.member')!;
    expect((await admin.post(`/api/staff/${gm.id}/disable`)).json()).toMatchObject({ disabled: true });
    expect(await whoAmI(victim)).toBeNull();
    expect((await victim.get('/api/orgs')).statusCode).toBe(401);
    expect((await login('grid.member', TEST_PASSWORD)).json().code).toBe('ACCOUNT_DISABLED');
    await admin.post(`/api/staff/${gm.id}/enable`);
    expect((await login('grid.member', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the login page asking who is signed in', () => {
  it('an anonymous GET /api/auth/me answers 200 {user: null} and audits no access denial', async () => {
    const denials = async () =>
      Number(
        (
          await env.asOwner(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND resource = 'GET /api/auth/me'`,
          )
        )[0].n,
      );
    const before = await denials();
    const res = await env.anonymous().get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
    // a stale cookie (expired or revoked session) is the same: signed out, not an intruder
    const stale = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'oc_session=gone' } });
    expect(stale.json()).toEqual({ user: null });
    expect(await denials()).toBe(before);
    // other routes still refuse and audit an anonymous caller
    expect((await env.anonymous().get('/api/orgs')).statusCode).toBe(401);
  });
});

describe('password history: the new password may not be one of the last 5', () => {
  const change = (c: Client, currentPassword: string, newPassword: string) =>
    c.post('/api/auth/password', { currentPassword, newPassword });

  it('refuses each of the last 5 with a Chinese message and accepts the 6th-oldest', async () => {
    const c = await env.login('clerk');
    const pw = (i: number) => `History-Pass-${i}!`;
    let current = TEST_PASSWORD;
    for (let i = 1; i <= 5; i++) {
      expect((await change(c, current, pw(i))).statusCode, pw(i)).toBe(204);
      current = pw(i);
    }
    // the last 5 are pw(1) … pw(5), pw(5) being the current one
    for (let i = 1; i <= 5; i++) {
      const res = await change(c, current, pw(i));
      expect(res.statusCode, pw(i)).toBe(400);
      expect(res.json(), pw(i)).toMatchObject({ field: 'newPassword', message: expect.stringMatching(/新密码不能与/) });
      if (i < 5)
        expect(res.json()).toMatchObject({ code: 'PASSWORD_REUSED', message: expect.stringContaining('最近 5 次') });
    }
    // the 6th-oldest (the password before pw(1)) may come back
    expect((await change(c, current, TEST_PASSWORD)).statusCode).toBe(204);
    expect((await login('clerk', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('after an admin reset, the forced change may not go back to the password the reset replaced', async () => {
    const admin = await env.login('admin');
    const staff = (await admin.get('/api/staff?q=pharmacist'))
      .json<{ items: Array<{ id: number; username: string }> }>()
      .items.find((s) => s.username === 'pharmacist')!;
    const temp = (await admin.post(`/api/staff/${staff.id}/reset-password`)).json<{ temporaryPassword: string }>()
      .temporaryPassword;
    const c = await env.login('pharmacist', temp);
    const back = await change(c, temp, TEST_PASSWORD);
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({ code: 'PASSWORD_REUSED', field: 'newPassword' });
    expect((await change(c, temp, 'Fresh-Pharmacist-9')).statusCode).toBe(204);
  });
});

describe('login rate limit', () => {
  it('answers 429 in Chinese past the per-minute limit', async () => {
    const limited = await createTestEnv({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await limited.anonymous().post('/api/auth/login', { username: 'x.y.z', password: 'p' })).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await limited.anonymous().post('/api/auth/login', { username: 'x.y.z', password: 'p' });
      expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') });
    } finally {
      await limited.close();
    }
  });
});
