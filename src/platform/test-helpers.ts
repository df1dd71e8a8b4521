import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { generateCounty } from '../seed/seed.ts';
import { loadConfig, type Config } from './config.ts';
import { APP_ROLE, newPool, openPglite, openServer, type Database, type Kdb } from './db.ts';
import type { DB } from './db-types.ts';
import { must } from './must.ts';
import { createPlatform } from './platform.ts';

export const TEST_PASSWORD = 'Test-Password-2026';

export interface TestEnv {
  app: FastifyInstance;
  db: Kdb;
  kind: 'pglite' | 'postgresql';
  config: Config;
  countyId: number;
  /** runs SQL as the database owner, past grants and RLS: for tampering and clock tricks */
  asOwner(sqlText: string): Promise<Array<Record<string, unknown>>>;
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  /** the database handle, to start a second "process" (platform) on the same database */
  database: Database;
  /** a second, independent database + app with the same settings */
  createIsolated(): Promise<TestEnv>;
  close(): Promise<void>;
}

/** A logged-in (or anonymous) HTTP client that keeps the cookie and CSRF token. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie = '',
    public csrf = '',
  ) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
}

export async function loginClient(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  return new Client(app, raw.split(';')[0], res.json<{ csrfToken: string }>().csrfToken);
}

async function openTestDatabase(): Promise<{
  database: Database;
  asOwner: TestEnv['asOwner'];
  drop: () => Promise<void>;
}> {
  if (process.env.TEST_DB !== 'postgres') {
    const database = await openPglite(undefined, await migratedSnapshot());
    // one held connection, so no request's query can run while the role is lifted
    const asOwner = (text: string) =>
      database.db.connection().execute(async (conn) => {
        await sql.raw('RESET ROLE').execute(conn);
        try {
          return (await sql.raw<Record<string, unknown>>(text).execute(conn)).rows;
        } finally {
          await sql.raw(`SET ROLE ${APP_ROLE}`).execute(conn);
        }
      });
    return { database, asOwner, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL 未设置：CI 中 PostgreSQL 服务器测试不能跳过');
  const name = `oc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openServer({ databaseUrl: url.toString(), migrationDatabaseUrl: '', poolSize: 10 });
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: newPool(url.toString(), 2) }) });
  const asOwner = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(owner)).rows;
  const drop = async () => {
    await owner.destroy();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database, asOwner, drop };
}

const SNAPSHOT_INPUTS = ['db/migrations', 'db/views', 'src/platform/migrate.ts', 'src/platform/db.ts'];
let snapshot: Promise<Blob> | undefined;

/**
 * A migrated, empty embedded database as a data-directory tarball, made once per set of
 * migrations and shared by every test file (a fresh PGlite cluster plus every migration takes
 * 5–10 s; loading the tarball about 1 s). Keyed by the content of what shapes the schema, so
 * a changed migration makes a new one; written to a temporary name and renamed, so parallel
 * workers never read half a file.
 */
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const hash = createHash('sha256');
    const files = SNAPSHOT_INPUTS.flatMap((p) =>
      fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p],
    ).sort();
    for (const f of files) hash.update(f).update(fs.readFileSync(f));
    const file = path.join('.tmp', 'pglite-snapshots', `${hash.digest('hex').slice(0, 16)}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const database = await openPglite(undefined);
    const blob = await must(database.dump, 'PGlite dump')();
    await database.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(partial, file);
    return blob;
  })();
  return snapshot;
}

/** A fresh database with the tiny demo county and the app on top, for one test file. */
export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const { database, asOwner, drop } = await openTestDatabase();
  const config = { ...loadConfig({}), loginRateLimit: 1000, figuresMaxAgeMs: 0, ...overrides };
  const seeded = await generateCounty(database.db, { profile: 'tiny', seed: 1, password: TEST_PASSWORD });
  const app = await buildApp(await createPlatform(database, config), { logger: Boolean(process.env.TEST_LOG) });
  await app.ready();
  return {
    app,
    db: database.db,
    kind: database.kind,
    config,
    countyId: seeded.countyId,
    asOwner,
    database,
    login: (username, password = TEST_PASSWORD) => loginClient(app, username, password),
    anonymous: () => new Client(app),
    createIsolated: () => createTestEnv(overrides),
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export { readXlsx } from './xlsx-read.ts';
