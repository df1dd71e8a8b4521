import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer } from './db.ts';
import { UnsafeDatabaseError } from './db-safety.ts';

/**
 * Start-up refuses databases that could lose acknowledged writes or would not apply row-level
 * security. Runs on the PostgreSQL server only (PGlite has no such settings).
 */
const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const name = `oc_safety_${randomBytes(4).toString('hex')}`;
const urlFor = (user: string, password = '') => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  u.username = user;
  u.password = password;
  return u.toString();
};
async function admin(sqlText: string, db = 'postgres'): Promise<void> {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL 未设置');
  await admin(`CREATE DATABASE ${name}`);
  // a correctly set-up database first, so the tables exist and are owned by the superuser
  const ok = await openServer({
    databaseUrl: urlFor(new URL(adminUrl).username),
    migrationDatabaseUrl: '',
    poolSize: 2,
  });
  await ok.close();
  await admin(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oc_bypass') THEN CREATE ROLE oc_bypass LOGIN BYPASSRLS IN ROLE onecounty_app; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oc_owner') THEN CREATE ROLE oc_owner LOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oc_plain') THEN CREATE ROLE oc_plain LOGIN IN ROLE onecounty_app; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await admin(`ALTER TABLE residents OWNER TO oc_owner`, name);
});
afterAll(async () => {
  if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

const refuse = (databaseUrl: string, migrationDatabaseUrl = '') =>
  openServer({ databaseUrl, migrationDatabaseUrl, poolSize: 2 }).then(
    async (d) => {
      await d.close();
      return null;
    },
    (e: unknown) => e,
  );

describe('unsafe database refused at start-up', () => {
  it('a superuser as the serving role (migration URL given separately)', async () => {
    const err = await refuse(urlFor(new URL(adminUrl).username), urlFor(new URL(adminUrl).username));
    expect(err).toBeInstanceOf(UnsafeDatabaseError);
    expect(String(err)).toContain('超级用户');
  });

  it('a BYPASSRLS role', async () => {
    const err = await refuse(urlFor('oc_bypass'));
    expect(err).toBeInstanceOf(UnsafeDatabaseError);
    expect(String(err)).toContain('BYPASSRLS');
  });

  it('a role that owns a table', async () => {
    const err = await refuse(urlFor('oc_owner'));
    expect(err).toBeInstanceOf(UnsafeDatabaseError);
    expect(String(err)).toContain('拥有数据表');
  });

  it('synchronous_commit = off', async () => {
    await admin(`ALTER ROLE oc_plain SET synchronous_commit = off`);
    try {
      const err = await refuse(urlFor('oc_plain'));
      expect(err).toBeInstanceOf(UnsafeDatabaseError);
      expect(String(err)).toContain('synchronous_commit');
    } finally {
      await admin(`ALTER ROLE oc_plain RESET synchronous_commit`);
    }
  });

  it('a restricted member of the app role is accepted', async () => {
    expect(await refuse(urlFor('oc_plain'))).toBeNull();
  });

  it('fsync = off (a separate throw-away server)', async () => {
    const out = execFileSync('bash', ['.ci/pg-start.sh', '55499'], {
      env: { ...process.env, PG_EXTRA_OPTS: '-c fsync=off' },
    }).toString();
    const vars = Object.fromEntries(
      out
        .replace(/^export /, '')
        .trim()
        .split(' ')
        .map((kv) => kv.split('=') as [string, string]),
    );
    try {
      const err = await refuse(vars.TEST_DATABASE_URL);
      expect(err).toBeInstanceOf(UnsafeDatabaseError);
      expect(String(err)).toContain('fsync');
    } finally {
      execFileSync('su', [
        'postgres',
        '-s',
        '/bin/bash',
        '-c',
        `'${vars.PG_BIN}/pg_ctl' -D '${vars.PG_TMP_DIR}/data' -m immediate stop`,
      ]);
    }
  }, 60_000);

  it('the server process exits non-zero with the Chinese reason', async () => {
    const run = promisify(execFile);
    const res = await run('npx', ['tsx', 'src/server.ts'], {
      env: { ...process.env, DATABASE_URL: urlFor('oc_bypass'), DEMO_PROFILE: 'none', PORT: '0' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in res && res.code).toBe(2);
    expect(res.stderr).toContain('BYPASSRLS');
  }, 60_000);
});
