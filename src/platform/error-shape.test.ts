import fc from 'fast-check';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from './test-helpers.ts';

/**
 * Every error, whoever produces it (Node's HTTP parser, Fastify's router and body parser, our
 * handlers, zod), answers {code, message, requestId} with a Chinese message and no English
 * type names.
 */
let env: TestEnv;
let admin: Client;
let doctor: Client;
let port: number;
let webDir: string;

beforeAll(async () => {
  // with the SPA mounted, as in production: its catch-all route sees what the API does not match
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>OneCounty</title>');
  env = await createTestEnv({ webDir });
  admin = await env.login('admin');
  doctor = await env.login('county.doctor');
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  port = (env.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const ENGLISH_TYPE = /\b(string|number|boolean|object|array|undefined|null|nan|int|bigint|expected|received)\b/i;

function expectHouseShape(status: number, body: string, label: string): Record<string, unknown> {
  expect(status, `${label}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${label}: ${body.slice(0, 200)}`).toBeLessThan(500);
  const json = JSON.parse(body) as Record<string, unknown>;
  expect(json, label).toMatchObject({
    code: expect.stringMatching(/^[A-Z_]+$/),
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
    requestId: expect.any(String),
  });
  expect(String(json.requestId).length, label).toBeGreaterThan(0);
  expect(String(json.message), label).not.toMatch(ENGLISH_TYPE);
  // nothing of Fastify's own shape leaks through
  expect(json, label).not.toHaveProperty('statusCode');
  expect(json, label).not.toHaveProperty('error');
  return json;
}

/** One raw HTTP/1.1 exchange, past light-my-request: what Node's parser answers. */
function rawExchange(request: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {}); // the server may reset after answering
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!m) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(m[1]), headers: m[2], body: m[3] });
    });
    socket.write(request);
    socket.end();
  });
}

describe('every error has the house shape', () => {
  it('414: a path parameter longer than the router allows (GET meets the SPA catch-all, POST the router)', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await admin.request(method, `/api/staff/${'1'.repeat(250)}${method === 'POST' ? '/disable' : ''}`);
      expect(res.statusCode, method).toBe(414);
      expect(expectHouseShape(res.statusCode, res.body, `414 ${method}`).code).toBe('URI_TOO_LONG');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('431: headers larger than Node accepts, answered by the HTTP parser before Fastify', async () => {
    const res = await rawExchange(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: oc_session=${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expect(expectHouseShape(res.status, res.body, '431').code).toBe('HEADERS_TOO_LARGE');
  });

  it('an address longer than the header limit is a 431 in the house shape too', async () => {
    const res = await rawExchange(`GET /api/residents?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(431);
    expectHouseShape(res.status, res.body, 'long url');
  });

  it('a request Node cannot parse is a 400 in the house shape', async () => {
    for (const raw of [
      'NOT A REQUEST\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ]) {
      const res = await rawExchange(raw);
      expect(res.status, raw).toBe(400);
      expectHouseShape(res.status, res.body, raw);
    }
  });

  it('413, 415, malformed JSON, an empty JSON body, a bad content-length and a poisoned body', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: Array<[number, string, Promise<{ statusCode: number; body: string }>]> = [
      [413, 'BODY_TOO_LARGE', doctor.request('POST', '/api/residents', `{"name":"${'x'.repeat(1_100_000)}"}`, json)],
      [
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        doctor.request('POST', '/api/residents', '<a/>', { 'content-type': 'application/xml' }),
      ],
      [400, 'INVALID_JSON', doctor.request('POST', '/api/residents', '{"name": ', json)],
      [400, 'INVALID_JSON', doctor.request('POST', '/api/residents', '', json)],
      [400, 'INVALID_JSON', doctor.request('POST', '/api/residents', '{"__proto__": {"x": 1}}', json)],
    ];
    for (const [status, code, pending] of cases) {
      const res = await pending;
      expect(res.statusCode, code).toBe(status);
      expect(expectHouseShape(res.statusCode, res.body, code).code).toBe(code);
    }
    const res = await rawExchange(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{}',
    );
    // the body ends before its announced length: Fastify answers a 400 once the client hangs up,
    // or the socket closes; either way never Fastify's own English JSON
    if (res.status) expectHouseShape(res.status, res.body, 'short body');
  });

  it('a content-length that does not match the body', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': '3' },
      payload: '{"username":"x","password":"y"}',
    });
    expect(res.statusCode).toBe(400);
    expectHouseShape(res.statusCode, res.body, 'content-length');
  });

  it('unknown routes, unknown methods and undecodable paths', async () => {
    for (const [method, url, status] of [
      ['GET', '/api/no-such-thing', 404],
      ['DELETE', '/api/orgs', 404],
      ['GET', '/api/staff/%E0%A4%A', 400],
      ['POST', '/no-such-page', 404],
      // 100 characters, 900 once percent-encoded: measured as the router does, decoded
      ['GET', `/api/no-such/${encodeURIComponent('张'.repeat(100))}`, 404],
    ] as const) {
      const res = await admin.request(method, url);
      expect(res.statusCode, url).toBe(status);
      expectHouseShape(res.statusCode, res.body, url);
    }
  });

  it('zod speaks plain Chinese: no type names in validation messages', async () => {
    const res = await doctor.post('/api/residents', { idNumber: 5, name: ['x'], registeredPoor: 'yes' });
    const body = expectHouseShape(res.statusCode, res.body, 'zod');
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/应为文字，收到的是数字/);
    const missing = await admin.post('/api/orgs', {});
    expect(expectHouseShape(missing.statusCode, missing.body, 'missing').message).toMatch(/未填写/);
  });

  it('random wrong-typed JSON on POST routes never gives a 5xx or an English type name', async () => {
    const routes: Array<{ client: () => Client; url: string; keys: string[] }> = [
      {
        client: () => doctor,
        url: '/api/residents',
        keys: ['idNumber', 'name', 'sex', 'birthDate', 'mobile', 'orgId', 'registeredPoor', 'chronicConditions'],
      },
      {
        client: () => admin,
        url: '/api/staff',
        keys: ['username', 'displayName', 'title', 'roles', 'orgId', 'departmentId', 'mobile'],
      },
      { client: () => admin, url: '/api/orgs', keys: ['code', 'name', 'kind', 'level', 'parentId', 'lat', 'beds'] },
      {
        client: () => doctor,
        url: '/api/referrals',
        keys: [
          'residentId',
          'toOrgId',
          'direction',
          'urgency',
          'reason',
          'diagnosisCode',
          'summary',
          'consent',
          'submit',
        ],
      },
      { client: () => env.anonymous(), url: '/api/auth/login', keys: ['username', 'password'] },
    ];
    const wrong = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 5 }),
      fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'name'), fc.oneof(fc.integer(), fc.boolean()), { maxKeys: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((r) =>
          fc.record({
            route: fc.constant(r),
            body: fc.oneof(
              fc.dictionary(fc.constantFrom(...r.keys), wrong, { minKeys: 1 }),
              wrong, // not even an object
            ),
          }),
        ),
        async ({ route, body }) => {
          const res = await route.client().post(route.url, body);
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) expectHouseShape(res.statusCode, res.body, `${route.url} ${JSON.stringify(body)}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
