import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';

/** Shared by benchmarks: a free port, and the real server as a child process on it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Every server a benchmark started and has not stopped yet. A benchmark that throws, a
 * Ctrl-C or a `process.exit` must not leave one behind holding its port and its database
 * connections: each is killed on every way out of this process (see stopAllServers).
 */
const running = new Set<ChildProcess>();

/** Kill the server's whole process group (it runs in its own), ignoring one that is gone already. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

/** Stop every server still running (the finally of run.ts, and the signal handlers below). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
}

let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // last resort, synchronous: whatever way the process ends, the servers end with it
  process.on('exit', () => {
    for (const c of running) killGroup(c, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n收到 ${signal}：正在停止基准测试启动的服务器…`);
      void stopAllServers().finally(() => process.exit(130));
    });
  }
}

/**
 * The real server as a child process, spawned as `node --import tsx` (not through npx, whose
 * wrapper would outlive a stopped server) in its own process group, so that stopping it stops
 * everything it started. `stop` is safe to call twice and after the server died on its own.
 */
export async function startServer(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  installExitHandlers();
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/server.ts'],
    {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_PROFILE: 'none', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = () => stopChild(child);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > until) throw new Error('server did not start in 120 s');
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

export async function login(url: string, username: string, password: string): Promise<string> {
  return (await loginWithCsrf(url, username, password)).cookie;
}

/** A session cookie and its CSRF token, for benchmarks that write (POST with `x-csrf-token`). */
export async function loginWithCsrf(
  url: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0],
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * A scratch database next to the one in `url` (an owner URL with CREATEDB), named
 * oc_bench_<tag>_<time>, and a drop that removes it whatever is still connected.
 */
export async function scratchDatabase(url: string, tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `oc_bench_${tag}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    throw new Error(
      `无法在 DATABASE_URL 的服务器上创建临时数据库（该账号需要 CREATEDB 权限）：${(err as Error).message}`,
      { cause: err },
    );
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
