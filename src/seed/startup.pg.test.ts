import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two server processes started at the same moment on an empty PostgreSQL database (a
 * rolling deploy, two replicas): both come up, and exactly one demo county exists.
 */
const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `oc_startup_${randomBytes(4).toString('hex')}`;
const dbUrl = () => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T extends pg.QueryResultRow>(text: string, url = adminUrl): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** Starts src/server.ts and resolves with its output once it says it is listening (or rejects when it exits). */
function startServer(): { ready: Promise<string>; stop: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl(),
      DEMO_PROFILE: 'tiny',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VITEST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('已启动')) resolve(out);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { ready, stop: () => child.kill('SIGTERM') };
}

beforeAll(async () => {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL 未设置');
  await admin(`CREATE DATABASE ${name}`);
});
afterAll(async () => {
  if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('start-up on an empty database', () => {
  it('two processes starting at once both serve, and the demo county is generated once', async () => {
    const servers = [startServer(), startServer()];
    try {
      const outputs = await Promise.all(servers.map((s) => s.ready));
      expect(outputs.filter((o) => o.includes('已生成演示县域'))).toHaveLength(1);
      const [counties] = await admin<{ n: number }>(
        `SELECT count(*)::int AS n FROM orgs WHERE kind = 'county'`,
        dbUrl(),
      );
      expect(counties.n).toBe(1);
    } finally {
      for (const s of servers) s.stop();
    }
  }, 120_000);
});
