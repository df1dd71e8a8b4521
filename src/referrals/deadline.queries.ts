import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { AWAITING_DECISION, type Urgency } from './referral.states.ts';

/** The county's own acceptance deadlines (minutes); an urgency without a row uses the default. */
export async function acceptMinutesByUrgency(db: Kdb, countyId: number): Promise<Partial<Record<Urgency, number>>> {
  const rows = await db
    .selectFrom('referral_deadline_settings')
    .select(['urgency', 'accept_minutes'])
    .where('county_id', '=', countyId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.urgency, r.accept_minutes]));
}

export async function upsertAcceptMinutes(db: Kdb, countyId: number, urgency: Urgency, minutes: number) {
  await db
    .insertInto('referral_deadline_settings')
    .values({ county_id: countyId, urgency, accept_minutes: minutes })
    .onConflict((oc) => oc.columns(['county_id', 'urgency']).doUpdateSet({ accept_minutes: minutes }))
    .execute();
}

export async function countyIds(db: Kdb): Promise<number[]> {
  return (await db.selectFrom('orgs').select('id').where('kind', '=', 'county').execute()).map((o) => o.id);
}

export async function orgIdsOfCounty(db: Kdb, countyId: number): Promise<number[]> {
  return (await db.selectFrom('orgs').select('id').where('county_id', '=', countyId).execute()).map((o) => o.id);
}

/**
 * Records escalation `level` for undecided referrals of one urgency whose deadline plus
 * (level - 1) windows has passed. The primary key (referral, round, level) makes a second
 * run, or a second process, add nothing. Returns the referrals escalated now.
 */
export async function recordEscalations(
  db: Kdb,
  e: { countyId: number; urgency: Urgency; level: 1 | 2; targetRole: string; windowMinutes: number; now: Date },
): Promise<number[]> {
  const { rows } = await sql<{ referral_id: number }>`
    INSERT INTO referral_escalations (referral_id, round, level, county_id, target_role, at)
    SELECT id, deadline_round, ${e.level}, county_id, ${e.targetRole}, ${e.now}
    FROM referrals
    WHERE county_id = ${e.countyId} AND urgency = ${e.urgency} AND status IN ('submitted', 'redirected') AND escalation_level < ${e.level}
      AND deadline_at + make_interval(mins => ${(e.level - 1) * e.windowMinutes}) <= ${e.now}
    ON CONFLICT DO NOTHING RETURNING referral_id`.execute(db);
  return rows.map((r) => r.referral_id);
}

export function raiseEscalation(db: Kdb, ids: readonly number[], level: 1 | 2) {
  return db
    .updateTable('referrals')
    .set({ escalation_level: level, updated_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .where('escalation_level', '<', level)
    .returning(['id', 'county_id', 'status', 'from_org_id', 'to_org_id', 'origin_org_id', 'direction'])
    .execute();
}

/** Undecided referrals of one urgency whose deadline passed `afterMinutes` ago or more. */
export function undecidedSince(db: Kdb, countyId: number, urgency: Urgency, afterMinutes: number, now: Date) {
  return db
    .selectFrom('referrals')
    .select(['id', 'status'])
    .where('county_id', '=', countyId)
    .where('urgency', '=', urgency)
    .where('status', 'in', AWAITING_DECISION)
    .where(sql<boolean>`deadline_at + make_interval(mins => ${afterMinutes}) <= ${now}`)
    .execute();
}

/** Accepted referrals whose patient has not arrived within `days`. */
export function acceptedNotArrived(db: Kdb, countyId: number, days: number, now: Date) {
  return db
    .selectFrom('referrals')
    .select(['id', 'status'])
    .where('county_id', '=', countyId)
    .where('status', '=', 'accepted')
    .where(sql<boolean>`accepted_at + make_interval(days => ${days}) <= ${now}`)
    .execute();
}
