import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../policy.ts';
import { DEMO_ACCOUNTS } from '../seed/seed.ts';
import type { Role } from './roles.ts';
import { createTestEnv, type Client, type TestEnv } from './test-helpers.ts';

/** Bad input gets a clear answer: never a 5xx, always {code, message (Chinese), requestId}. */
let env: TestEnv;
const clients = new Map<Role, Client>();
let writeRoutes: Array<{ method: string; url: string; key: string }>;

beforeAll(async () => {
  env = await createTestEnv();
  for (const a of DEMO_ACCOUNTS) clients.set(a.roles[0], await env.login(a.username));
  const spec = env.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  writeRoutes = Object.entries(spec.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        return { method: m.toUpperCase(), url, key: `${m.toUpperCase()} ${url}` };
      }),
    )
    .filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.method !== 'HEAD' &&
        !['POST /api/auth/logout', 'POST /api/auth/password'].includes(r.key),
    );
});
afterAll(async () => {
  await env?.close();
});

function clientFor(key: string): Client {
  const roles = POLICIES[key].roles;
  return roles.length ? clients.get(roles[0])! : env.anonymous();
}

function expectClearError(
  res: { statusCode: number; json: () => Record<string, unknown>; body: string },
  label: string,
) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(body, label).toMatchObject({
      code: expect.any(String),
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
      requestId: expect.any(String),
    });
  }
}

const weird = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('𠮷', '·', '张·三', '\u0000', '\ud800', '﻿', "Robert'); DROP TABLE residents;--", '%', '_', '\\'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      'idNumber',
      'name',
      'mobile',
      'orgId',
      'username',
      'roles',
      'fields',
      'reason',
      'version',
      'code',
      'kind',
      'level',
      'parentId',
      'lat',
      'beds',
      'q',
      'chronicConditions',
      'displayName',
    ),
    fc.oneof(weird, fc.array(weird, { maxLength: 3 })),
  ),
  fc.jsonValue(),
);

describe('malformed input', () => {
  it('generated bodies on every write route never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writeRoutes.filter((r) => r.method !== 'GET')),
        body,
        fc.constantFrom('1', '999999', '-1', 'abc', '1e99', '%F0%A0%AE%B7'),
        async (route, payload, id) => {
          const res = await clientFor(route.key).request(
            route.method as 'POST',
            route.url.replace(/:\w+/g, id),
            payload,
          );
          expectClearError(res, route.key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('generated query strings on every read route never produce a 5xx', async () => {
    const params = fc.dictionary(
      fc.constantFrom('q', 'limit', 'offset', 'orgId', 'role', 'from', 'to', 'beforeSeq', 'condition', 'residentId'),
      fc.oneof(fc.string(), fc.constantFrom('𠮷', '-1', '1e400', '', ' ', '99999999999999999999')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writeRoutes.filter((r) => r.method === 'GET')), params, async (route, qs) => {
        const res = await clientFor(route.key).get(
          `${route.url.replace(/:\w+/g, '1')}?${new URLSearchParams(qs).toString()}`,
        );
        expectClearError(res, route.key);
      }),
      { numRuns: 200 },
    );
  });

  it('malformed JSON, wrong content type, empty body and a huge body get clear 4xx answers', async () => {
    const c = clients.get('county_doctor')!;
    const cases = [
      await c.request('POST', '/api/residents', '{"idNumber": "1', { 'content-type': 'application/json' }),
      await c.request('POST', '/api/residents', 'idNumber=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      await c.request('POST', '/api/residents', '', { 'content-type': 'application/json' }),
      await c.request('POST', '/api/residents', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), {
        'content-type': 'application/json',
      }),
      await c.request('POST', '/api/residents', '[]', { 'content-type': 'application/json' }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 415, 400, 413, 400]);
    for (const r of cases) expectClearError(r, 'malformed');
  });

  it('odd unicode in names is stored as typed and found again', async () => {
    const c = clients.get('village_doctor')!;
    const res = await c.post('/api/residents', {
      idNumber: '14078119850101003X'.slice(0, 17) + '0',
      name: '𠮷·买买提',
    });
    // the check digit above may be wrong on purpose: either a clear 400 or a stored name
    expectClearError(res, 'unicode');
    const { checkDigit } = await import('../residents/id-number.ts');
    const first17 = '14078119850101005';
    const ok = await c.post('/api/residents', { idNumber: first17 + checkDigit(first17), name: '𠮷·买买提' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().name).toBe('𠮷·买买提');
    const found = await c.get(`/api/residents?q=${encodeURIComponent('𠮷')}`);
    expect(found.json().items.map((r: { name: string }) => r.name)).toContain('𠮷·买买提');
  });

  it('unknown API paths answer a Chinese 404', async () => {
    const res = await env.anonymous().get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expectClearError(res, '404');
  });
});
