import net from 'node:net';
import Fastify from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthRoutes } from '../health/health.routes.ts';
import { startAuditSealer } from './audit.ts';
import { newPool } from './db.ts';
import type { DB } from './db-types.ts';
import type { Platform } from './context.ts';
import { isDatabaseUnavailable, registerErrorHandling } from './errors.ts';
import { startPeriodic } from './periodic.ts';

/**
 * While the database is away: which errors mean "away" (503 DATABASE_UNAVAILABLE, not 500),
 * and background jobs back off instead of hammering it (and the log) at their interval.
 * The database here is a real pool pointed at a port nobody listens on.
 */
let down: Kysely<DB>;
beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  down = new Kysely<DB>({ dialect: new PostgresDialect({ pool: newPool(`postgres://x@127.0.0.1:${port}/x`, 2) }) });
});
afterAll(async () => {
  await down?.destroy();
});

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database unavailable', () => {
  it('connection failures are "unavailable"; the caller\'s own mistakes and outside services are not', async () => {
    const refused = await sql`SELECT 1`.execute(down).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    for (const err of [
      coded('terminating connection due to administrator command', '57P01'),
      coded('terminating connection because of crash of another server process', '57P02'),
      coded('the database system is starting up', '57P03'),
      coded('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([coded('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed'),
    ])
      expect(isDatabaseUnavailable(err), err.message).toBe(true);
    for (const err of [
      coded('duplicate key value violates unique constraint', '23505'),
      coded('invalid input syntax for type integer', '22P02'),
      new Error('transaction was aborted by an earlier error and rolled back'),
      new TypeError('fetch failed', { cause: coded('getaddrinfo ENOTFOUND sms.example', 'ENOTFOUND') }),
      'ECONNREFUSED',
    ])
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
  });

  it('a server that accepts the connection but never answers (a hung host) gives up after the connect timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const hung = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: newPool(`postgres://x@127.0.0.1:${port}/x`, 1, 300) }),
    });
    try {
      const started = Date.now();
      const err = await sql`SELECT 1`.execute(hung).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    } finally {
      await hung.destroy();
      silent.close();
    }
  }, 10_000);

  it('requests get 503 DATABASE_UNAVAILABLE in the house shape, and /api/health says the database is down', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    app.decorate('platform', { db: down, databaseKind: 'postgresql' } as unknown as Platform);
    await app.register(healthRoutes);
    app.get('/api/probe', async () => (await sql`SELECT 1 AS one`.execute(down)).rows);
    try {
      const probe = await app.inject({ method: 'GET', url: '/api/probe' });
      expect(probe.statusCode).toBe(503);
      expect(probe.json()).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: '数据库暂时无法连接，请稍后重试',
        requestId: expect.any(String),
      });
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({
        status: 'unavailable',
        database: 'down',
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(/数据库/),
        requestId: expect.any(String),
      });
    } finally {
      await app.close();
    }
  });

  it('a failing periodic job backs off (doubling, capped at 8× its interval) and returns to its interval once it succeeds', async () => {
    process.env.TEST_BACKOFF_JOB_MS = '20';
    const app = Fastify();
    const calls: number[] = [];
    let failing = 4;
    try {
      startPeriodic(app, {
        name: 'test job',
        env: 'TEST_BACKOFF_JOB_MS',
        defaultMs: 0,
        run: async () => {
          calls.push(performance.now());
          if (failing-- > 0) await sql`SELECT 1`.execute(down); // the database is away
        },
      });
      await app.ready();
      for (const until = Date.now() + 5000; calls.length < 7 && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 10));
    } finally {
      await app.close();
      delete process.env.TEST_BACKOFF_JOB_MS;
    }
    const gaps = calls.slice(1, 7).map((t, i) => t - calls[i]);
    // after failures 1..4: 40, 80, 160, 160 ms (the cap); after the success: 20 ms again
    const seen = gaps.map(Math.round).join(', ');
    [38, 78, 155, 155].forEach((least, i) => expect(gaps[i], seen).toBeGreaterThanOrEqual(least));
    expect(gaps[4], seen).toBeLessThan(120);
    expect(gaps[5], seen).toBeLessThan(120);
  });

  it('the audit sealer backs off while the database is away, reporting each failure', async () => {
    const errors: unknown[] = [];
    const stop = startAuditSealer(down, (err) => errors.push(err), 20);
    await new Promise((r) => setTimeout(r, 700));
    stop();
    // at 20 ms without back-off that is ~30 attempts; with it 20, 40, 80, 160, 320 ms: about 5
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.length).toBeLessThanOrEqual(7);
    expect(errors.every((e) => isDatabaseUnavailable(e))).toBe(true);
  });
});
