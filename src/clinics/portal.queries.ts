import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

/** The resident whose ID and mobile match (SECURITY DEFINER: only the ids leave). */
export async function findResident(db: Kdb, idNumber: string, mobile: string) {
  const { rows } = await sql<{
    id: number;
    org_id: number;
    county_id: number;
  }>`SELECT * FROM portal_find_resident(${idNumber}, ${mobile})`.execute(db);
  return rows[0];
}

export async function codesInLastHour(db: Kdb, residentId: number): Promise<number> {
  const r = await db
    .selectFrom('portal_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('resident_id', '=', residentId)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertCode(
  db: Kdb,
  values: { county_id: number; resident_id: number; code_hash: string; expires_at: Date },
) {
  await db.insertInto('portal_codes').values(values).execute();
}

export function latestLiveCode(db: Kdb, residentId: number) {
  return db
    .selectFrom('portal_codes')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countWrongCode(db: Kdb, id: number) {
  await db
    .updateTable('portal_codes')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

/** A code is used once: only the first of two parallel verifications gets true. */
export async function useCode(db: Kdb, id: number, maxAttempts: number): Promise<boolean> {
  const used = await db
    .updateTable('portal_codes')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return used.numUpdatedRows > 0n;
}

export async function insertSession(
  db: Kdb,
  values: { id: string; county_id: number; resident_id: number; resident_org_id: number; expires_at: Date },
) {
  await db.insertInto('portal_sessions').values(values).execute();
}

export function liveSession(db: Kdb, id: string) {
  return db
    .selectFrom('portal_sessions')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function revokeSession(db: Kdb, id: string) {
  await db.updateTable('portal_sessions').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}

/** the resident's name, read under the caller's RLS scope */
export async function residentName(db: Kdb, id: number): Promise<string | undefined> {
  return (await db.selectFrom('residents').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
