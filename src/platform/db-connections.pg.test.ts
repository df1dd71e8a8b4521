import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.ts';
import { publish, type DomainEvent } from './events.ts';
import { createTestEnv, type TestEnv } from './test-helpers.ts';

/**
 * Each kind of connection the server holds dies under it (pg_terminate_backend, as an admin
 * or a failover would): a pooled one while a request holds it between statements, the LISTEN
 * one, and the advisory-lock one. The process must not get an unhandled 'error' event (vitest
 * fails the run on one), and each comes back by itself. Only this file's database's backends
 * are touched.
 */
let env: TestEnv;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);
beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  env = await createTestEnv();
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await env?.close();
});
afterEach(() => {
  // an 'error' event nobody handles is thrown from the socket callback: it would kill a server
  expect(uncaught.map(String)).toEqual([]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(25)) if (await check()) return;
  throw new Error('timed out');
}
const terminate = (pid: number) => env.asOwner(`SELECT pg_terminate_backend(${pid})`);

describe('connections dying under the server', () => {
  it('a pooled connection killed while held between statements fails that work as DATABASE_UNAVAILABLE; the pool serves on', async () => {
    const err = await env.db
      .connection()
      .execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(conn);
        await terminate(rows[0].pid);
        await sleep(200); // the connection's 'error' event arrives while nobody is querying on it
        return sql`SELECT 1`.execute(conn);
      })
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    // the dead connection was dropped, not handed out again: every pooled connection works
    const results = await Promise.all(
      Array.from({ length: 12 }, () => sql<{ one: number }>`SELECT 1 AS one`.execute(env.db)),
    );
    expect(results.every((r) => r.rows[0].one === 1)).toBe(true);
    expect((await env.anonymous().get('/api/health')).statusCode).toBe(200);
  });

  it('the LISTEN connection is re-made after it dies: events flow again and streams are told to refetch', async () => {
    const [listener] = await env.asOwner(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
    );
    expect(listener).toBeDefined();
    let resyncs = 0;
    const stopResync = env.app.platform.events.onResync(() => resyncs++);
    // a live worklist open meanwhile: it may have missed events, so it is ended (its page reconnects and refetches)
    const village = await env.login('village.doctor');
    const stream = village.request('GET', '/api/referral-stream', undefined, { accept: 'text/event-stream' });
    await waitFor(() => env.app.platform.events.listenerCount > 0);
    await terminate(Number(listener.pid));
    await waitFor(() => resyncs > 0);
    stopResync();
    const ended = await Promise.race([stream.then(() => 'ended'), sleep(3000).then(() => 'still open')]);
    expect(ended).toBe('ended');
    const got: DomainEvent[] = [];
    const stop = env.app.platform.events.subscribe('relisten.', (e) => got.push(e));
    await publish(env.db, { topic: 'relisten.after', countyId: env.countyId, orgIds: [1], data: {} });
    await waitFor(() => got.length > 0);
    stop();
    expect(got.map((e) => e.topic)).toEqual(['relisten.after']);
  });

  it('the advisory-lock connection dying while its work runs does not take the process down', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done = env.database.exclusive('test.lock-connection-dies', async () => {
      await gate;
      return 'finished';
    });
    const lockHolder = async () =>
      (
        await env.asOwner(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      )[0];
    await waitFor(async () => Boolean(await lockHolder()));
    await terminate(Number((await lockHolder()).pid));
    await sleep(300); // the lock connection's 'error' event arrives while fn still runs
    release();
    expect(await done).toBe('finished');
    expect(await lockHolder()).toBeUndefined(); // the session, and with it the lock, is gone
  });
});
