import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/platform/config.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  url: string;
  /** the HIS MLLP listener's port, when the server was started with one */
  mllpPort?: number;
  /** everything the server printed, for the failure message */
  output(): string;
  stop(): Promise<void>;
}

let built = false;
/** One `vite build` per test process; E2E_SKIP_BUILD=1 reuses dist/web (local iteration). */
export function buildWebOnce(): void {
  if (built || (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, 'dist/web/index.html')))) return;
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  built = true;
}

/** The small test county when this build knows it (seconds to generate), else the demo one. */
function smallProfile(): string {
  try {
    loadConfig({ DEMO_PROFILE: 'tiny' });
    return 'tiny';
  } catch {
    return 'demo';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

/**
 * The real server (`tsx src/server.ts`) on a free port with a fresh embedded database in a
 * temp dir, seeded with the small demo county; exactly what `npm start` runs, minus the port.
 * With `mllp`, the HIS interface's MLLP listener (HIS_MLLP_PORT) listens on a free port too.
 */
export async function startServer(opts: { mllp?: boolean } = {}): Promise<RunningServer> {
  buildWebOnce();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecounty-e2e-'));
  const port = await freePort();
  const mllpPort = opts.mllp ? await freePort() : undefined;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: ROOT,
    // its own process group, so stop() ends tsx and the node process it starts, and nothing else
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_PROFILE: smallProfile(),
      WEB_DIR: path.join(ROOT, 'dist/web'),
      // journeys look at a figure right after the work that moves it: no snapshot age
      FIGURES_MAX_AGE_MS: '0',
      LOG_LEVEL: 'warn',
      HIS_MLLP_PORT: mllpPort === undefined ? '' : String(mllpPort),
    },
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const output = () => log.slice(-4000);

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid ?? 0), 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output, 240_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, mllpPort, output, stop };
}
