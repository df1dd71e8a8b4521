import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from '../platform/test-helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const login = (username: string, password: string) => env.anonymous().post('/api/auth/login', { username, password });

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

  it('does not tell an unknown user from a wrong password', async () => {
    const res = await login('nobody.here', 'whatever-it-is');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('用户名或密码错误');
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
    for (let i = 1; i <= 4; i++) expect((await login('dispatcher', 'bad-password')).statusCode).toBe(401);
    const fifth = await login('dispatcher', 'bad-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('30 分钟') });
    const sixth = await login('dispatcher', TEST_PASSWORD);
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('the lock ends after 30 minutes (clock moved by editing locked_until)', async () => {
    await env.asOwner(`UPDATE staff SET locked_until = now() - interval '1 second' WHERE username = 'dispatcher'`);
    expect((await login('dispatcher', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an admin reset unlocks and forces a new password at next login', async () => {
    for (let i = 0; i < 5; i++) await login('expert', 'bad-password');
    expect((await login('expert', TEST_PASSWORD)).statusCode).toBe(423);
    const admin = await env.login('admin');
    const list = await admin.get('/api/staff?q=expert');
    const expert = list.json<Array<{ id: number; username: string }>>().find((s) => s.username === 'expert')!;
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
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('idle for 29 minutes stays signed in; idle for 31 minutes is signed out', async () => {
    const c = await env.login('county.doctor');
    await env.asOwner(
      `UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    // activity renews the idle clock (touched at most once a minute)
    const [touched] = await env.asOwner(
      `SELECT max(last_seen_at) > now() - interval '1 minute' AS recent FROM sessions WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect(touched.recent).toBe(true);
    await env.asOwner(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE revoked_at IS NULL AND staff_id = (SELECT id FROM staff WHERE username = 'county.doctor')`,
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
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
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a disabled account is signed out at once and cannot log in', async () => {
    const victim = await env.login('grid.member');
    const admin = await env.login('admin');
    const gm = (await admin.get('/api/staff?q=grid.member'))
      .json<Array<{ id: number; username: string }>>()
      .find((s) => s.username === 'grid.member')!;
    expect((await admin.post(`/api/staff/${gm.id}/disable`)).json()).toMatchObject({ disabled: true });
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('grid.member', TEST_PASSWORD)).json().code).toBe('ACCOUNT_DISABLED');
    await admin.post(`/api/staff/${gm.id}/enable`);
    expect((await login('grid.member', TEST_PASSWORD)).statusCode).toBe(200);
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
