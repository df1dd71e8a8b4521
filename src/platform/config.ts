import { isIP } from 'node:net';
import path from 'node:path';

/** Everything the process reads from its environment, in one place (documented in README). */
export interface Config {
  port: number;
  host: string;
  /** serving connection; empty means the embedded PGlite database */
  databaseUrl: string;
  /** optional owner connection for migrations when serving runs as a restricted role */
  migrationDatabaseUrl: string;
  /** the city database that subscribes to every county's settlement feed (empty: the city page reads this county's own feed) */
  cityDatabaseUrl: string;
  dataDir: string;
  demoPassword: string;
  /** 'tiny' is the test county: seconds to generate, used by the browser tests */
  demoProfile: 'tiny' | 'demo' | 'jiexiu' | 'none';
  demoSeed: number;
  cookieSecure: 'auto' | 'always';
  loginRateLimit: number;
  idleTimeoutMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  bodyLimitBytes: number;
  logLevel: string;
  webDir: string;
  poolSize: number;
  /** how old the contract-based figures (签约率, 续签率, 履约率) may be before a reader recomputes them; 0: always live */
  figuresMaxAgeMs: number;
  /** the time services that price and date things by the clock use (drug prices, expiry): tests inject one */
  now: () => Date;
  /** the reverse proxies whose X-Forwarded-* headers are believed (addresses / CIDRs); empty = none */
  trustProxy: string[];
  /** the resident's one-time code is also shown on the phone page (embedded demo county, console channel only) */
  portalDemoCodes: boolean;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置错误：期望非负整数，得到 "${value}"`);
  return n;
}

/**
 * TRUST_PROXY: comma-separated IPv4/IPv6 addresses or CIDRs. Anything else stops start-up,
 * because a typo here would silently trust every client or none of the real proxies.
 */
function proxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
    if (!family || !prefixOk || rest.length > 0) {
      throw new Error(
        `配置错误：TRUST_PROXY 应为逗号分隔的代理 IP 地址或网段（如 127.0.0.1,10.0.0.0/8），"${entry}" 无效`,
      );
    }
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const profile = env.DEMO_PROFILE ?? 'demo';
  if (profile !== 'tiny' && profile !== 'demo' && profile !== 'jiexiu' && profile !== 'none') {
    throw new Error(`配置错误：DEMO_PROFILE 只能是 demo、jiexiu、tiny 或 none，得到 "${profile}"`);
  }
  const databaseUrl = env.DATABASE_URL ?? '';
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL ?? '',
    cityDatabaseUrl: env.CITY_DATABASE_URL ?? '',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    demoPassword: env.DEMO_PASSWORD ?? 'OneCounty2026!',
    demoProfile: profile,
    demoSeed: int(env.DEMO_SEED, 2026),
    cookieSecure: env.COOKIE_SECURE === 'always' ? 'always' : 'auto',
    loginRateLimit: int(env.LOGIN_RATE_LIMIT, 30),
    idleTimeoutMinutes: int(env.IDLE_TIMEOUT_MINUTES, 30),
    lockoutThreshold: int(env.LOCKOUT_THRESHOLD, 5),
    lockoutMinutes: int(env.LOCKOUT_MINUTES, 30),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    poolSize: int(env.DB_POOL_SIZE, 20),
    figuresMaxAgeMs: int(env.FIGURES_MAX_AGE_MS, 30_000),
    now: () => new Date(),
    trustProxy: proxies(env.TRUST_PROXY),
    // a code shown on the page is a code anyone at the page can use: only for the embedded
    // demo county, and never when real text messages go out, whatever PORTAL_DEMO_CODES says
    portalDemoCodes:
      databaseUrl === '' && profile !== 'none' && !env.SMS_GATEWAY_URL && env.PORTAL_DEMO_CODES !== 'off',
  };
}
