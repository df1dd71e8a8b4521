import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { DB } from '../platform/db-types.ts';
import type { IndicatorRatioView } from './figures.tables.ts';

/**
 * The referral figures read only the indicator views of db/views (one definition per
 * versioned file); they never touch the tables the features write.
 */
export interface Period {
  countyId: number;
  /** first day, YYYY-MM-DD, in Shanghai */
  from: string;
  /** last day, YYYY-MM-DD (included), in Shanghai */
  to: string;
}

type RatioView = { [K in keyof DB]: DB[K] extends IndicatorRatioView ? K : never }[keyof DB];

/** A day's bounds are Shanghai midnights, whatever the session's time zone. */
const inPeriod = (p: Period) =>
  sql<boolean>`county_id = ${p.countyId}
    AND counted_at >= (${p.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    AND counted_at < (${p.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

export async function ratio(db: Kdb, view: RatioView, p: Period): Promise<{ numerator: number; denominator: number }> {
  const { rows } = await sql<{ numerator: number; denominator: number }>`
    SELECT count(*) FILTER (WHERE in_numerator)::int AS numerator, count(*)::int AS denominator
    FROM ${sql.table(view)} WHERE ${inPeriod(p)}`.execute(db);
  return rows[0];
}

export async function turnaround(db: Kdb, p: Period): Promise<{ n: number; p50: number | null; p90: number | null }> {
  const { rows } = await sql<{ n: number; p50: number | null; p90: number | null }>`
    SELECT count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90
    FROM indicator_referral_turnaround_v01 WHERE ${inPeriod(p)}`.execute(db);
  return rows[0];
}

/** Referrals sent per sending org and month (Asia/Shanghai), by month then org name. */
export async function volumeByOrgMonth(db: Kdb, p: Period) {
  const { rows } = await sql<{ org_id: number; org_name: string; month: string; up: number; down: number }>`
    SELECT from_org_id AS org_id, from_org_name AS org_name, month,
           count(*) FILTER (WHERE direction = 'up')::int AS up, count(*) FILTER (WHERE direction = 'down')::int AS down
    FROM indicator_referral_volume_v01 WHERE ${inPeriod(p)}
    GROUP BY 1, 2, 3 ORDER BY 3, 2`.execute(db);
  return rows;
}
