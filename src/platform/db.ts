import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from './config.ts';
import type { DB } from './db-types.ts';
import { assertSafeServing, assertSafeServer } from './db-safety.ts';
import { migrate } from './migrate.ts';
import { backoffMs } from './periodic.ts';
import { pgliteDialect } from './pglite-dialect.ts';

export type Kdb = Kysely<DB>;
export const APP_ROLE = 'onecounty_app';

export interface Database {
  db: Kdb;
  kind: 'pglite' | 'postgresql';
  /**
   * LISTEN on a channel; notifications from every process arrive at onPayload. A lost
   * connection is re-made by itself with back-off; onReconnect runs once it listens again
   * (notifications sent meanwhile are gone: caches and screens must refetch).
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<void>;
  /** Runs fn while no other process runs one under the same key (start-up work such as demo generation). */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, to start another database from (tests) */
  dump?(): Promise<Blob>;
}

// Dates stay 'YYYY-MM-DD' strings (no timezone shift); 64-bit counts become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));
const pgliteParsers = { [pgliteTypes.DATE]: (v: string) => v, [pgliteTypes.INT8]: (v: string) => Number(v) };

/** Creates the group role that migrations grant to; roles are cluster-wide, so idempotent. */
async function ensureAppRole<T>(db: Kysely<T>): Promise<void> {
  await sql
    .raw(
      `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another process won the race
  END $$`,
    )
    .execute(db);
}

/**
 * An embedded database in dataDir (or in memory). loadDataDir starts it from a dump of a data
 * directory (PGlite's dumpDataDir) instead of an empty cluster: the test suite boots each file's
 * database from one migrated snapshot (src/platform/test-helpers.ts). Migrations still run, and
 * apply whatever the snapshot lacks.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: pgliteDialect(client) });
  await ensureAppRole(db);
  await migrate(db);
  // PGlite has a single superuser session: drop to the restricted role for serving so
  // grants and row-level security apply exactly as on a server.
  await sql.raw(`SET ROLE ${APP_ROLE}`).execute(db);
  await assertSafeServing(db);
  const listen = async (channel: string, onPayload: (payload: string) => void) => {
    // through the driver's queue, so LISTEN never lands inside another request's transaction
    await db.connection().execute(async () => {
      await client.listen(channel, onPayload);
    });
  };
  // a PGlite data directory belongs to one process: nobody else can run anything at the same time
  const exclusive = <T>(_key: string, fn: () => Promise<T>) => fn();
  return { db, kind: 'pglite', listen, exclusive, close: () => db.destroy(), dump: () => client.dumpDataDir('none') };
}

/**
 * How long making a connection may take (and, in the pool, waiting for a free one) before the
 * request gets 503 DATABASE_UNAVAILABLE instead of hanging on an unreachable server.
 */
const CONNECT_TIMEOUT_MS = 10_000;

function clientConfig(url: string, connectTimeoutMs = CONNECT_TIMEOUT_MS): pg.ClientConfig {
  return { connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true };
}

/**
 * A pooled connection can die (server restart, admin kill) while idle or while a request holds
 * it between two statements. pg emits that as an 'error' event, and an unhandled one kills the
 * process. Idle ones reach the pool's 'error'; held ones get their own handler, and the statement
 * that was using the connection fails (503). A dead connection is dropped when released, so the
 * pool serves with fresh ones as soon as the server is back.
 */
export function newPool(url: string, max: number, connectTimeoutMs = CONNECT_TIMEOUT_MS): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(url, connectTimeoutMs), max });
  pool.on('error', (err) => {
    console.warn(`数据库空闲连接断开（已自动替换）：${err.message}`);
  });
  pool.on('connect', (client) => {
    client.on('error', () => {
      /* reported to whoever is using the connection: its next statement fails */
    });
  });
  return pool;
}

function poolFor(url: string, max: number): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: newPool(url, max) }) });
}

/** The serving role's password is derived from the owner's, so every process agrees on it. */
function servingUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  const password = createHmac('sha256', decodeURIComponent(u.password) || 'onecounty')
    .update('serve:' + u.username)
    .digest('hex');
  u.username = 'onecounty_serve';
  u.password = password;
  return u.toString();
}

/** Owner URL that may create roles: migrate, then create a LOGIN member of the app role. */
async function setUpAsOwner(ownerUrl: string): Promise<string> {
  const owner = poolFor(ownerUrl, 2);
  try {
    await assertSafeServer(owner);
    await ensureAppRole(owner);
    await migrate(owner);
    const url = servingUrl(ownerUrl);
    const password = new URL(url).password;
    // several processes may start at once: a lost race on the role is harmless, since every
    // process derives the same password
    await sql
      .raw(
        `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onecounty_serve') THEN
        CREATE ROLE onecounty_serve LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE ${APP_ROLE};
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`,
      )
      .execute(owner);
    await sql
      .raw(
        `DO $$ BEGIN
      ALTER ROLE onecounty_serve WITH LOGIN PASSWORD '${password}';
    EXCEPTION WHEN OTHERS THEN NULL;
    END $$`,
      )
      .execute(owner);
    return url;
  } finally {
    await owner.destroy();
  }
}

async function isOwnerLike(url: string): Promise<boolean> {
  const probe = poolFor(url, 1);
  try {
    const { rows } = await sql<{ owner: boolean }>`
      SELECT (d.datdba = r.oid OR r.rolsuper) AND (r.rolcreaterole OR r.rolsuper) AS owner
      FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user`.execute(probe);
    return rows[0]?.owner ?? false;
  } finally {
    await probe.destroy();
  }
}

export async function openServer(
  config: Pick<Config, 'databaseUrl' | 'migrationDatabaseUrl' | 'poolSize'>,
): Promise<Database> {
  let serveUrl = config.databaseUrl;
  if (config.migrationDatabaseUrl) {
    const owner = poolFor(config.migrationDatabaseUrl, 2);
    try {
      await assertSafeServer(owner);
      await ensureAppRole(owner);
      await migrate(owner);
    } finally {
      await owner.destroy();
    }
  } else if (await isOwnerLike(serveUrl)) {
    serveUrl = await setUpAsOwner(serveUrl);
  }
  const db = poolFor(serveUrl, config.poolSize);
  try {
    await assertSafeServer(db);
    await assertSafeServing(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const listeners = new Set<pg.Client>();
  const retries = new Set<NodeJS.Timeout>();
  let closing = false;
  const listen = async (channel: string, onPayload: (payload: string) => void, onReconnect?: () => void) => {
    // a dedicated connection outside the pool: LISTEN belongs to a session
    const connect = async (): Promise<pg.Client> => {
      const client = new pg.Client(clientConfig(serveUrl));
      let listening = false;
      let ended = false;
      client.on('error', () => {
        /* the connection is lost: 'end' follows and reconnects */
      });
      client.once('end', () => {
        ended = true;
        listeners.delete(client);
        if (!listening || closing) return; // a failed attempt: its caller retries
        console.warn(`数据库监听连接断开（${channel}），正在重连`);
        retry(0);
      });
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload) onPayload(n.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (err) {
        await client.end().catch(() => undefined);
        throw err;
      }
      if (ended) throw new Error('Connection terminated unexpectedly');
      listening = true;
      listeners.add(client);
      return client;
    };
    // back-off: 0.1 s, 0.2 s, 0.4 s ... at most 2 s between attempts, so screens are live again soon after the server
    const retry = (failures: number) => {
      const timer = setTimeout(
        () => {
          retries.delete(timer);
          if (closing) return;
          connect().then(
            (client) => {
              if (closing) return void client.end().catch(() => undefined);
              console.warn(`数据库监听连接已恢复（${channel}）`);
              try {
                onReconnect?.();
              } catch (err) {
                console.warn(`数据库监听恢复后的刷新失败：${(err as Error).message}`);
              }
            },
            (err: unknown) => {
              if (failures === 0) console.warn(`数据库监听连接重连失败，稍后重试：${(err as Error).message}`);
              retry(failures + 1);
            },
          );
        },
        backoffMs(failures, 100, 2000),
      );
      timer.unref();
      retries.add(timer);
    };
    await connect(); // at start-up a failure is the caller's
  };
  const close = async () => {
    closing = true;
    for (const t of retries) clearTimeout(t);
    await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
    await db.destroy();
  };
  // a session-level advisory lock on its own connection (not the pool's, which fn needs)
  const exclusive = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const client = new pg.Client(clientConfig(serveUrl));
    let lost = false;
    client.on('error', (err) => {
      // the lock went with the session; fn's own statements fail on the same outage
      if (!lost) console.warn(`数据库独占锁连接断开（${key}）：${err.message}`);
      lost = true;
    });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      return await fn();
    } finally {
      await client.end().catch(() => undefined); // ending the session releases the lock
    }
  };
  return { db, kind: 'postgresql', listen, exclusive, close };
}

export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openServer(config) : openPglite(config.dataDir);
}

/**
 * Resident-data transactions: the acting user and visible orgs are set for RLS first.
 * BEGIN and the two settings travel as one simple-protocol message (one round trip instead
 * of two on every scoped request); that needs the values inlined, so they must be integers.
 */
export async function withScope<T>(
  db: Kdb,
  scope: { userId: number; orgIds: readonly number[] },
  fn: (trx: Kdb) => Promise<T>,
): Promise<T> {
  const ids = [scope.userId, ...scope.orgIds];
  if (!ids.every((n) => Number.isSafeInteger(n))) throw new Error('scope ids must be integers');
  const begin = sql.raw(
    `BEGIN; SELECT set_config('app.user_id', '${scope.userId}', true), set_config('app.org_ids', '${scope.orgIds.join(',')}', true)`,
  );
  return db.connection().execute(async (conn) => {
    let result: T;
    try {
      await begin.execute(conn);
      result = await fn(conn);
    } catch (err) {
      await sql
        .raw('ROLLBACK')
        .execute(conn)
        .catch(() => undefined);
      throw err;
    }
    const { rows } = await sql.raw<{ command?: string }>('COMMIT').execute(conn);
    // PostgreSQL answers COMMIT with ROLLBACK when a statement error (caught inside fn) aborted the transaction
    if (rows[0]?.command === 'ROLLBACK') throw new Error('transaction was aborted by an earlier error and rolled back');
    return result;
  });
}

/**
 * Runs one step of a running scoped transaction under another RLS scope, then puts the
 * caller's scope back: the one way to widen (or move) what a transaction may see for a step
 * taken on another org's behalf (the loop closing at the sending side, a freed place going
 * to the host's waitlist). Like withScope's settings it ends with the transaction. If the
 * step throws, the transaction is lost anyway, so nothing is restored.
 */
export async function switchScope<T>(
  trx: Kdb,
  scope: { userId: number; orgIds: readonly number[] },
  fn: () => Promise<T>,
): Promise<T> {
  const { rows } = await sql<{ user_id: string | null; org_ids: string | null }>`
    SELECT current_setting('app.user_id', true) AS user_id, current_setting('app.org_ids', true) AS org_ids`.execute(
    trx,
  );
  const previous = rows[0];
  await setScope(trx, String(scope.userId), scope.orgIds.join(','));
  const result = await fn();
  await setScope(trx, previous?.user_id ?? '', previous?.org_ids ?? '');
  return result;
}

async function setScope(trx: Kdb, userId: string, orgIds: string): Promise<void> {
  await sql`SELECT set_config('app.user_id', ${userId}, true), set_config('app.org_ids', ${orgIds}, true)`.execute(trx);
}
