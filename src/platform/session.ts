import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { batcherPerDb } from './batch.ts';
import type { Config } from './config.ts';
import type { Kdb } from './db.ts';
import type { Role } from './roles.ts';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  countyId: number;
  roles: Role[];
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/**
 * The session cookie's attributes, for setting it and for clearing it: a browser only
 * replaces a cookie whose attributes match, so both must come from here.
 */
export function sessionCookieOptions(
  config: Pick<Config, 'cookieSecure'>,
  req: Pick<FastifyRequest, 'protocol'>,
): CookieSerializeOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure === 'always' || req.protocol === 'https',
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kdb, staffId: number, ip: string, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      staff_id: staffId,
      csrf_token: csrfToken,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/**
 * A session idle longer than the timeout is dead; touching is throttled to once a minute.
 * Every API request starts here, so concurrent requests share one statement (see batch.ts):
 * a rush costs one lookup per batch, not one per request, and nothing is cached.
 */
export function loadSession(db: Kdb, token: string, idleMinutes: number): Promise<Actor | null> {
  return loadBatched(db, { id: hashToken(token), idleMinutes });
}

const loadBatched = batcherPerDb(
  async (db: Kdb, wanted: ReadonlyArray<{ id: string; idleMinutes: number }>) => {
    const ids = [...new Set(wanted.map((w) => w.id))];
    const rows = await db
      .selectFrom('sessions as s')
      .innerJoin('staff as st', 'st.id', 's.staff_id')
      .select([
        's.id as sid',
        's.csrf_token',
        'st.id',
        'st.username',
        'st.display_name',
        'st.org_id',
        'st.county_id',
        'st.roles',
        'st.must_change_password',
        sql<number>`extract(epoch from now() - s.last_seen_at)`.as('idle_seconds'),
      ])
      .where('s.id', '=', sql<string>`ANY(${ids}::text[])`)
      .where('s.revoked_at', 'is', null)
      .where('st.disabled', '=', false)
      .execute();
    const byId = new Map(rows.map((r) => [r.sid, r]));
    const alive = (w: { id: string; idleMinutes: number }) => {
      const r = byId.get(w.id);
      return r && Number(r.idle_seconds) < w.idleMinutes * 60 ? r : undefined;
    };
    // touched at most once a minute, and only sessions still alive
    const stale = [
      ...new Set(wanted.map(alive).flatMap((r) => (r !== undefined && Number(r.idle_seconds) >= 60 ? [r.sid] : []))),
    ];
    if (stale.length)
      await db
        .updateTable('sessions')
        .set({ last_seen_at: sql`now()` })
        .where('id', '=', sql<string>`ANY(${stale}::text[])`)
        .execute();
    return wanted.map((w): Actor | null => {
      const row = alive(w);
      return row
        ? {
            id: row.id,
            username: row.username,
            displayName: row.display_name,
            orgId: row.org_id,
            countyId: row.county_id,
            roles: row.roles as Role[],
            mustChangePassword: row.must_change_password,
            sessionId: row.sid,
            csrfToken: row.csrf_token,
          }
        : null;
    });
  },
  { maxInFlight: 2 },
);

export async function revokeSession(db: Kdb, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

export async function revokeAllSessions(db: Kdb, staffId: number, exceptSessionId?: string): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}
