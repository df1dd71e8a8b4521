import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
const VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/views');

/**
 * Forward-only plain-SQL migrations; an edited applied migration stops start-up. Then the
 * versioned views of db/views (applyViews).
 */
export async function migrate<T>(db: Kysely<T>, dir = MIGRATIONS_DIR, viewsDir = VIEWS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    // one migrator at a time across processes
    await sql`SELECT pg_advisory_xact_lock(872301)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
    await sql`GRANT SELECT ON schema_migrations TO onecounty_app`.execute(trx);
    const { rows } = await sql<{
      name: string;
      checksum: string;
    }>`SELECT name, checksum FROM schema_migrations`.execute(trx);
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`迁移 ${file} 已执行但内容被修改；迁移只能向前追加新文件。`);
        continue;
      }
      await sql.raw(text).execute(trx);
      await sql`INSERT INTO schema_migrations (name, checksum) VALUES (${file}, ${checksum})`.execute(trx);
      applied.push(file);
    }
    await applyViews(trx, viewsDir);
  });
  return applied;
}

const VIEW_FILE = /^([a-z][a-z0-9_]*_v\d{2,})\.sql$/;

/**
 * Versioned views (db/views/<name>_vNN.sql, one CREATE OR REPLACE VIEW <name>_vNN each), applied
 * after the migrations on every start, so a migration may drop a view it is in the way of
 * and the view comes back. A published definition never changes: a new definition is a new
 * file (_v02) and the old version stays queryable, so an edited file stops start-up like an
 * edited migration. Every view must be `security_invoker = true`, so row-level security
 * applies to whoever reads it, and the app role gets SELECT on it.
 */
async function applyViews<T>(trx: Transaction<T>, dir: string): Promise<void> {
  if (!fs.existsSync(dir)) return;
  await sql`CREATE TABLE IF NOT EXISTS schema_views (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
  await sql`GRANT SELECT ON schema_views TO onecounty_app`.execute(trx);
  const { rows } = await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_views`.execute(trx);
  const done = new Map(rows.map((r) => [r.name, r.checksum]));
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const name = VIEW_FILE.exec(file)?.[1];
    if (!name) throw new Error(`视图文件 ${file} 的名称应为 <名称>_v01.sql 的形式（小写字母、数字、下划线）。`);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const previous = done.get(file);
    if (previous !== undefined && previous !== checksum)
      throw new Error(`视图 ${file} 已发布但内容被修改；新的定义请另建新版本文件（如 _v02），旧版本保持可查询。`);
    await sql.raw(text).execute(trx);
    const { rows: found } = await sql<{ options: string[] | null }>`
      SELECT c.reloptions AS options FROM pg_class c
      WHERE c.oid = to_regclass(${name}) AND c.relkind = 'v'`.execute(trx);
    if (found.length === 0) throw new Error(`视图文件 ${file} 没有创建名为 ${name} 的视图。`);
    if (!(found[0].options ?? []).includes('security_invoker=true'))
      throw new Error(`视图 ${name} 须以 WITH (security_invoker = true) 创建，行级安全才对查询者生效。`);
    await sql.raw(`GRANT SELECT ON ${name} TO onecounty_app`).execute(trx);
    if (previous === undefined)
      await sql`INSERT INTO schema_views (name, checksum) VALUES (${file}, ${checksum})`.execute(trx);
  }
}
