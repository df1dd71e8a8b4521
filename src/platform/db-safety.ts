import { sql, type Kysely } from 'kysely';

export class UnsafeDatabaseError extends Error {}

/** A server that may lose acknowledged commits is refused before it takes any write. */
export async function assertSafeServer<T>(db: Kysely<T>): Promise<void> {
  const { rows } = await sql<{ fsync: string; sync: string }>`
    SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`.execute(db);
  const s = rows[0];
  if (s.fsync !== 'on')
    throw new UnsafeDatabaseError('拒绝启动：数据库 fsync=off，已确认的写入可能在断电后丢失。请设置 fsync=on。');
  if (s.sync === 'off')
    throw new UnsafeDatabaseError(
      '拒绝启动：数据库 synchronous_commit=off，已确认的写入可能丢失。请设置 synchronous_commit=on。',
    );
}

/** The serving role must be subject to grants and row-level security. */
export async function assertSafeServing<T>(db: Kysely<T>): Promise<void> {
  const { rows } = await sql<{ user: string; superuser: boolean; bypassrls: boolean; owns: boolean }>`
    SELECT current_user AS user, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
      EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns
    FROM pg_roles r WHERE r.rolname = current_user`.execute(db);
  const r = rows[0];
  if (!r) throw new UnsafeDatabaseError('拒绝启动：无法读取当前数据库角色。');
  if (r.superuser)
    throw new UnsafeDatabaseError(
      `拒绝启动：服务角色 ${r.user} 是超级用户，行级安全不会生效。请使用受限角色（见 README“数据库”）。`,
    );
  if (r.bypassrls) throw new UnsafeDatabaseError(`拒绝启动：服务角色 ${r.user} 具有 BYPASSRLS，行级安全不会生效。`);
  if (r.owns)
    throw new UnsafeDatabaseError(
      `拒绝启动：服务角色 ${r.user} 拥有数据表，行级安全对表所有者不生效。请用 MIGRATION_DATABASE_URL 分开迁移与服务账号。`,
    );
}
