import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { POLICIES } from '../policy.ts';
import { CSRF_HEADER, routeKey } from './access.ts';
import { Client, createTestEnv, loginClient, TEST_PASSWORD, type TestEnv } from './test-helpers.ts';

/**
 * The OpenAPI document (/docs/json) declares every header a route requires, so a client
 * generated from it works without reading the source. What is required is found from the
 * code, not from a list kept here: the CSRF header by asking every state-changing route
 * without it (access control answers 403 CSRF_REJECTED where it enforces it), the other
 * headers by reading each route handler for the headers it takes (services never see the
 * request, so a handler is where a header such as Idempotency-Key is read).
 */
interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
}
interface Operation {
  parameters?: Parameter[];
  security?: Array<Record<string, string[]>>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { type: string; in?: string; name?: string }> };
}

/** headers any HTTP client sends on its own, or that the body's media type implies */
const STANDARD_HEADERS = new Set(['accept', 'content-type', 'content-length', 'user-agent', 'cookie', 'host']);

let env: TestEnv;
let app: FastifyInstance;
let doc: Document;
const routes: RouteOptions[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  // the same app as production, on the test database, with a collector on the route table
  app = await buildApp(env.app.platform, { onRoute: (r) => routes.push({ ...r }) });
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json<Document>();
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

const apiRoutes = () =>
  routes
    .filter((r) => r.url.startsWith('/api/'))
    .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, handler: r.handler })))
    .filter((r) => r.method !== 'HEAD');

function operation(method: string, url: string): Operation {
  const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  expect(op, `${method} ${url} is missing from /docs/json`).toBeDefined();
  return op;
}
const headerParam = (op: Operation, name: string) => op.parameters?.find((p) => p.in === 'header' && p.name === name);

/** the request headers a handler reads by name, e.g. req.headers['idempotency-key'] */
function headersReadBy(handler: unknown): string[] {
  const source = String(handler);
  const names = [...source.matchAll(/headers(?:\s*\[\s*['"`]([\w-]+)['"`]\s*\]|\.([A-Za-z_]\w*))/g)].map((m) =>
    (m[1] ?? m[2]).toLowerCase(),
  );
  return [...new Set(names)].filter((n) => !STANDARD_HEADERS.has(n));
}

describe('the OpenAPI document declares every required header', () => {
  it('the CSRF header on exactly the routes that refuse a request without it', async () => {
    const admin = await loginClient(app, 'admin', TEST_PASSWORD);
    const noCsrf = new Client(app, admin.cookie, '');
    const enforced: string[] = [];
    const declared: string[] = [];
    for (const r of apiRoutes()) {
      if (r.method === 'GET') continue;
      // ids that exist nowhere and an empty body: nothing is changed whatever the answer
      const res = await noCsrf.request(r.method as 'POST', r.url.replace(/:\w+/g, '999999'), {});
      if (res.statusCode === 403 && res.json().code === 'CSRF_REJECTED') enforced.push(routeKey(r.method, r.url));
      const param = headerParam(operation(r.method, r.url), CSRF_HEADER);
      if (param) {
        expect(param.required, `${r.method} ${r.url}`).toBe(true);
        expect(param.description, `${r.method} ${r.url}`).toMatch(/csrfToken/);
        declared.push(routeKey(r.method, r.url));
      }
    }
    expect(enforced.length).toBeGreaterThan(50);
    expect(declared.sort()).toEqual(enforced.sort());
  });

  it("every header a route handler reads (Idempotency-Key, ...) is declared on that route's operation", () => {
    const missing: string[] = [];
    const reads: string[] = [];
    for (const r of apiRoutes()) {
      for (const name of headersReadBy(r.handler)) {
        reads.push(`${r.method} ${r.url} ${name}`);
        const param = headerParam(operation(r.method, r.url), name);
        // declared, and either required or saying what is required (an either/or with a body field)
        if (!param || !(param.required || param.description)) missing.push(`${r.method} ${r.url}: ${name}`);
      }
    }
    // the reader works: the booking and referral creates are found through their handlers
    expect(reads).toEqual(
      expect.arrayContaining(['POST /api/clinic-bookings idempotency-key', 'POST /api/referrals idempotency-key']),
    );
    expect(missing).toEqual([]);
  });

  it('the session cookie is declared on every route that needs a session', () => {
    const scheme = doc.components?.securitySchemes?.session;
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'oc_session' });
    for (const r of apiRoutes()) {
      const policy = POLICIES[routeKey(r.method, r.url)];
      const security = operation(r.method, r.url).security ?? [];
      const label = `${r.method} ${r.url}`;
      if (policy?.relation === 'public') expect(security, label).toEqual([]);
      else expect(security, label).toContainEqual({ session: [] });
    }
  });
});
