import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, openPglite, switchScope, withScope, type Database, type Kdb } from './db.ts';
import type { DB } from './db-types.ts';
import { migrate } from './migrate.ts';

/**
 * The scope switch and the versioned-view runner on an embedded database of their own. The
 * runner's SQL is plain PostgreSQL; every test environment on the server project applies
 * db/views through it as well, so the PostgreSQL project skips this file.
 */
let database: Database;
let views: string;
beforeAll(async () => {
  database = await openPglite(undefined);
  views = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-views-'));
});
afterAll(async () => {
  await database?.close();
  if (views) fs.rmSync(views, { recursive: true, force: true });
});

/** Runs fn as the database owner (migrations run as the owner), on one held connection. */
function asOwner<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return database.db.connection().execute(async (conn) => {
    await sql.raw('RESET ROLE').execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql.raw(`SET ROLE ${APP_ROLE}`).execute(conn);
    }
  });
}
const applyViews = () => asOwner((db) => migrate(db, undefined, views));
const writeView = (file: string, text: string) => fs.writeFileSync(path.join(views, file), text);
const rowsOf = async (db: Kdb, view: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(view)}`.execute(db)).rows[0].n;
const settings = async (db: Kdb) =>
  (
    await sql<{ user_id: string; org_ids: string }>`
      SELECT current_setting('app.user_id', true) AS user_id, current_setting('app.org_ids', true) AS org_ids`.execute(
      db,
    )
  ).rows[0];

describe.skipIf(process.env.TEST_DB === 'postgres')('switchScope', () => {
  it('runs a step under another RLS scope and puts the caller’s scope back', async () => {
    await withScope(database.db, { userId: 5, orgIds: [1, 2] }, async (trx) => {
      const inside = await switchScope(trx, { userId: 0, orgIds: [1, 2, 9] }, () => settings(trx));
      expect(inside).toEqual({ user_id: '0', org_ids: '1,2,9' });
      expect(await settings(trx)).toEqual({ user_id: '5', org_ids: '1,2' });
    });
  });
});

describe.skipIf(process.env.TEST_DB === 'postgres')('versioned views (db/views)', () => {
  const v1 = 'CREATE OR REPLACE VIEW demo_orgs_v01 WITH (security_invoker = true) AS SELECT id, name FROM orgs;\n';

  it('are created after the migrations, granted to the app role, and applying again changes nothing', async () => {
    writeView('demo_orgs_v01.sql', v1);
    await applyViews();
    await applyViews();
    expect(await rowsOf(database.db, 'demo_orgs_v01')).toBe(0); // readable by the serving role
    const recorded = await asOwner((db) => sql<{ name: string }>`SELECT name FROM schema_views`.execute(db));
    expect(recorded.rows.map((r) => r.name).filter((n) => n.startsWith('demo_'))).toEqual(['demo_orgs_v01.sql']);
  });

  it('a published definition never changes: an edited file stops start-up and the old version stays', async () => {
    writeView('demo_orgs_v01.sql', v1.replace('SELECT id, name', 'SELECT id'));
    await expect(applyViews()).rejects.toThrow(/demo_orgs_v01\.sql 已发布但内容被修改/);
    writeView('demo_orgs_v01.sql', v1);
    writeView('demo_orgs_v02.sql', v1.replaceAll('v01', 'v02').replace('SELECT id, name', 'SELECT id'));
    await applyViews();
    expect(await rowsOf(database.db, 'demo_orgs_v01')).toBe(0);
    expect(await rowsOf(database.db, 'demo_orgs_v02')).toBe(0);
  });

  it('a view must apply row-level security to its reader (security_invoker) and be named <name>_vNN', async () => {
    writeView('demo_owner_v01.sql', 'CREATE OR REPLACE VIEW demo_owner_v01 AS SELECT id FROM residents;\n');
    await expect(applyViews()).rejects.toThrow(/security_invoker/);
    fs.rmSync(path.join(views, 'demo_owner_v01.sql'));
    // the failed run rolled back: no view reads residents with the owner's rights
    expect(await asOwner((db) => sql`SELECT to_regclass('demo_owner_v01') AS v`.execute(db))).toMatchObject({
      rows: [{ v: null }],
    });
    writeView('demo.sql', v1);
    await expect(applyViews()).rejects.toThrow(/_v01\.sql/);
    fs.rmSync(path.join(views, 'demo.sql'));
    await applyViews();
  });
});
