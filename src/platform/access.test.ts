import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../policy.ts';
import { DEMO_ACCOUNTS, KNOWN_RESIDENTS } from '../seed/seed.ts';
import type { Role } from './roles.ts';
import { createTestEnv, type Client, type TestEnv } from './test-helpers.ts';

/**
 * The access matrix, generated from the live route table: every API route has a policy, and
 * every route × role answers as the policy says (denied → 403, audited; allowed → anything
 * but a policy 403). Relation checks probe a resident outside the caller's reach.
 */
let env: TestEnv;
let clients: Map<Role, Client>;
let routes: Array<{ method: string; url: string }>;

beforeAll(async () => {
  env = await createTestEnv();
  clients = new Map();
  for (const a of DEMO_ACCOUNTS) clients.set(a.roles[0], await env.login(a.username));
  const spec = env.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(spec.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'head')
        .map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{(\w+)\}/g, ':$1') })),
    )
    .filter((r) => r.url.startsWith('/api/'));
});
afterAll(async () => {
  await env?.close();
});

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(/:\w+/g, '999999');
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

describe('access matrix', () => {
  it('every API route has exactly one policy and every policy names a real route', () => {
    const routeKeys = routes.map(key).sort();
    expect(routeKeys.length).toBeGreaterThan(20);
    expect(routeKeys.filter((k) => !POLICIES[k])).toEqual([]);
    expect(Object.keys(POLICIES).filter((k) => !routeKeys.includes(k))).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route, each attempt audited', async () => {
    const count = async () =>
      Number(
        (
          await env.asOwner(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND detail->>'reason' = 'no_session'`,
          )
        )[0].n,
      );
    const before = await count();
    let calls = 0;
    for (const r of routes) {
      // public routes, and GET /api/auth/me which answers {user: null} (signed out is not a denial)
      if (POLICIES[key(r)].relation === 'public' || POLICIES[key(r)].anonymous) continue;
      const res = await env
        .anonymous()
        .request(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, key(r)).toBe(401);
      calls++;
    }
    expect((await count()) - before).toBe(calls);
  });

  it('every route × role answers as the policy table says, and every denial is audited', async () => {
    const deniedRows = async () =>
      Number(
        (
          await env.asOwner(
            `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND detail->>'reason' = 'role'`,
          )
        )[0].n,
      );
    const before = await deniedRows();
    let denied = 0;
    for (const r of routes) {
      const policy = POLICIES[key(r)];
      if (policy.relation === 'public' || SESSION_ENDING.has(key(r))) continue;
      for (const [role, client] of clients) {
        const res = await client.request(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
        const allowed = policy.roles.includes(role);
        const label = `${key(r)} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed) {
          expect(res.statusCode === 403 && res.json().code === 'FORBIDDEN', label).toBe(false);
          expect(res.statusCode, label).toBeLessThan(500);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().code, label).toBe('FORBIDDEN');
          denied++;
        }
      }
    }
    expect((await deniedRows()) - before).toBe(denied);
    expect(denied).toBeGreaterThan(50);
  }, 180_000); // one request per route × role: grows with the API, slow on a loaded 2-core machine

  it("relation: resident routes reach only the caller's orgs (village < township < county)", async () => {
    const county = clients.get('county_doctor')!;
    const other = (await county.get(`/api/residents?q=${encodeURIComponent(KNOWN_RESIDENTS.otherTownship)}`)).json()
      .items[0];
    const mine = (await county.get(`/api/residents?q=${encodeURIComponent(KNOWN_RESIDENTS.inVillage)}`)).json()
      .items[0];
    const residentRoutes = routes.filter((r) => r.url.startsWith('/api/residents/:id'));
    expect(residentRoutes.length).toBeGreaterThanOrEqual(3);
    for (const role of ['village_doctor', 'township_doctor'] as const) {
      for (const r of residentRoutes) {
        const body = r.url.endsWith('/reveal')
          ? { fields: ['idNumber'], reason: '矩阵测试' }
          : r.method === 'PATCH'
            ? { version: 1, address: '矩阵测试' }
            : undefined;
        const res = await clients.get(role)!.request(r.method as 'GET', r.url.replace(':id', String(other.id)), body);
        expect(res.statusCode, `${key(r)} as ${role} on another township`).toBe(404);
      }
      expect((await clients.get(role)!.get(`/api/residents/${mine.id}`)).statusCode).toBe(200);
    }
    expect((await county.get(`/api/residents/${other.id}`)).statusCode).toBe(200);
  });

  it("relation: an admin cannot create staff or departments outside their reach, a township doctor sees only nearby orgs' residents", async () => {
    const admin = clients.get('admin')!;
    const out = await admin.post('/api/staff', {
      username: 'x.outside',
      displayName: '外部',
      roles: ['village_doctor'],
      orgId: 999999,
    });
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('OUT_OF_SCOPE');
  });
});
