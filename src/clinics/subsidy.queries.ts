import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

export async function rate(db: Kdb, countyId: number, sessionType: string): Promise<number> {
  const r = await db
    .selectFrom('clinic_subsidy_rates')
    .select('subsidy_fen')
    .where('county_id', '=', countyId)
    .where('session_type', '=', sessionType as 'clinic')
    .executeTakeFirst();
  return r ? Number(r.subsidy_fen) : 0;
}

export function rates(db: Kdb, countyId: number) {
  return db
    .selectFrom('clinic_subsidy_rates')
    .select(['session_type', 'subsidy_fen'])
    .where('county_id', '=', countyId)
    .execute();
}

export async function upsertRate(db: Kdb, countyId: number, sessionType: string, fen: number) {
  await db
    .insertInto('clinic_subsidy_rates')
    .values({ county_id: countyId, session_type: sessionType as 'clinic', subsidy_fen: fen })
    .onConflict((oc) => oc.columns(['county_id', 'session_type']).doUpdateSet({ subsidy_fen: fen }))
    .execute();
}

/** The year's budget row, locked: concurrent plans against one budget queue up here. */
export function lockBudget(db: Kdb, countyId: number, year: number) {
  return db
    .selectFrom('clinic_budgets')
    .select(['budget_fen'])
    .where('county_id', '=', countyId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
}

export function budget(db: Kdb, countyId: number, year: number) {
  return db
    .selectFrom('clinic_budgets')
    .select(['budget_fen'])
    .where('county_id', '=', countyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertBudget(db: Kdb, countyId: number, year: number, fen: number, staffId: number) {
  await db
    .insertInto('clinic_budgets')
    .values({ county_id: countyId, year, budget_fen: fen, updated_by: staffId })
    .onConflict((oc) =>
      oc.columns(['county_id', 'year']).doUpdateSet({ budget_fen: fen, updated_by: staffId, updated_at: new Date() }),
    )
    .execute();
}

/** subsidy already committed in a year: every published or closed expert session */
export async function committed(db: Kdb, countyId: number, year: number): Promise<number> {
  const r = await sql<{ fen: number }>`SELECT coalesce(sum(subsidy_fen), 0)::bigint AS fen FROM clinic_sessions
    WHERE county_id = ${countyId} AND status IN ('published', 'closed')
      AND session_date >= make_date(${year}, 1, 1) AND session_date < make_date(${year} + 1, 1, 1)`.execute(db);
  return Number(r.rows[0]?.fen ?? 0);
}

/** per expert and per month, spent (session over) and committed (still ahead) */
export function ledger(db: Kdb, countyId: number, year: number) {
  return sql<{
    expert_id: number | null;
    expert_name: string | null;
    month: string;
    sessions: number;
    spent_fen: number;
    committed_fen: number;
  }>`
    SELECT s.expert_id, e.name AS expert_name, to_char(s.session_date, 'YYYY-MM') AS month, count(*)::int AS sessions,
      coalesce(sum(s.subsidy_fen) FILTER (WHERE s.ends_at <= now()), 0)::bigint AS spent_fen,
      coalesce(sum(s.subsidy_fen) FILTER (WHERE s.ends_at > now()), 0)::bigint AS committed_fen
    FROM clinic_sessions s LEFT JOIN experts e ON e.id = s.expert_id
    WHERE s.county_id = ${countyId} AND s.status IN ('published', 'closed') AND s.subsidy_fen > 0
      AND s.session_date >= make_date(${year}, 1, 1) AND s.session_date < make_date(${year} + 1, 1, 1)
    GROUP BY s.expert_id, e.name, to_char(s.session_date, 'YYYY-MM')
    ORDER BY month, expert_name`
    .execute(db)
    .then((r) => r.rows);
}

export function pending(db: Kdb, countyId: number) {
  return db
    .selectFrom('clinic_sessions as s')
    .leftJoin('experts as e', 'e.id', 's.expert_id')
    .select(['s.id', 's.session_date', 's.session_type', 's.subsidy_fen', 'e.name as expert_name'])
    .where('s.county_id', '=', countyId)
    .where('s.status', '=', 'pending_approval')
    .orderBy('s.session_date')
    .execute();
}
