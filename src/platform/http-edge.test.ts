import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Config } from './config.ts';
import { createPlatform } from './platform.ts';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from './test-helpers.ts';

/**
 * What the edge of the server decides: which client a request came from (proxy headers only
 * from configured proxies) and the security headers every answer carries.
 */
let env: TestEnv;
const extraApps: FastifyInstance[] = [];
let webDir = '';

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  await env?.close();
});

/** Another server process on the same database, with its own settings (and its own rate-limit counters). */
async function appWith(overrides: Partial<Config>): Promise<FastifyInstance> {
  const app = await buildApp(await createPlatform(env.database, { ...env.config, ...overrides }));
  await app.ready();
  extraApps.push(app);
  return app;
}

const attempt = (app: FastifyInstance, username: string, headers: Record<string, string>, remoteAddress?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username, password: 'wrong-password' },
    ...(remoteAddress ? { remoteAddress } : {}),
  });

const auditedIps = async (username: string) =>
  (
    await env.asOwner(`SELECT ip FROM audit_log WHERE action = 'auth.login' AND username = '${username}' ORDER BY id`)
  ).map((r) => r.ip);

const loginCookie = async (app: FastifyInstance, headers: Record<string, string>) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'clerk', password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']);
};

describe('proxy headers are believed only from configured proxies', () => {
  it('by default a forged X-Forwarded-For neither escapes the login rate limit nor reaches the audit log', async () => {
    const app = await appWith({ loginRateLimit: 3 });
    const codes = [];
    for (let i = 1; i <= 5; i++)
      codes.push((await attempt(app, 'forger.one', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const ips = await auditedIps('forger.one');
    expect(ips).toHaveLength(3);
    expect(ips.every((ip) => ip === '127.0.0.1')).toBe(true);
  });

  it('by default a forged X-Forwarded-Proto: https does not mark the session cookie Secure', async () => {
    const app = await appWith({});
    const cookie = await loginCookie(app, { 'x-forwarded-proto': 'https' });
    expect(cookie).toMatch(/oc_session=/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('with TRUST_PROXY naming the client, the forwarded client and scheme are used', async () => {
    const app = await appWith({ loginRateLimit: 3, trustProxy: ['127.0.0.1'] });
    // each forwarded client has its own count
    for (let i = 1; i <= 4; i++)
      expect((await attempt(app, 'forwarded.one', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode).toBe(401);
    expect(await auditedIps('forwarded.one')).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']);
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await attempt(app, 'forwarded.two', { 'x-forwarded-for': '203.0.113.50' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(await loginCookie(app, { 'x-forwarded-proto': 'https' })).toMatch(/Secure/);
    // the same headers from an address that is not a configured proxy are ignored
    expect(
      (await attempt(app, 'forwarded.three', { 'x-forwarded-for': '203.0.113.77' }, '198.51.100.7')).statusCode,
    ).toBe(401);
    expect(await auditedIps('forwarded.three')).toEqual(['198.51.100.7']);
  });
});

describe('security headers', () => {
  const expectHardened = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  };

  it('the SPA (index.html and a client-side route) carries the CSP and the other headers', async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecounty-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const app = await appWith({ webDir });
    for (const url of ['/', '/clinics/console']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('id="root"');
      expectHardened(res.headers);
    }
  });

  it('every /api answer is no-store: public, personal data, errors', async () => {
    const village = await env.login('village.doctor');
    const answers = [
      await env.anonymous().get('/api/health'),
      await village.get('/api/residents?q=zsm'),
      await env.anonymous().get('/api/residents?q=zsm'),
      await env.anonymous().get('/api/no-such-thing'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 401, 404]);
    for (const res of answers) {
      expect(res.headers['cache-control']).toBe('no-store');
      expectHardened(res.headers);
    }
  });

  it('the live streams (SSE) are no-store too', async () => {
    const coordinator = await env.login('coordinator');
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(`${address}/api/referral-stream`, {
      headers: { cookie: coordinator.cookie, accept: 'text/event-stream' },
      signal: ac.signal,
    });
    ac.abort();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^no-store/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the Swagger UI at /docs is served with the same policy (it has no inline scripts)', async () => {
    const page = await env.anonymous().get('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // an inline script would need its own CSP
    expectHardened(page.headers);
    for (const url of ['/docs/static/swagger-initializer.js', '/docs/json']) {
      const res = await env.anonymous().get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
