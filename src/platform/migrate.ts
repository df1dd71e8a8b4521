import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/** Forward-only plain-SQL migrations; an edited applied migration stops start-up. */
export async function migrate<T>(db: Kysely<T>, dir = MIGRATIONS_DIR): Promise<string[]> {
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
  });
  return applied;
}
