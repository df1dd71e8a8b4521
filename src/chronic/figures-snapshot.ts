import { sql } from 'kysely';
import { todayInShanghai } from '../platform/calendar.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import type { PeriodicJob } from '../platform/periodic.ts';

/**
 * The rows of the figures' versioned views (db/views/indicator_chronic_* and indicator_fd_*)
 * per county and year, kept in chronic_figure_snapshots: 签约率 scans every resident, 履约率
 * every entitlement, 控制率 every case-year, so a dashboard reads the stored rows while they
 * are younger than FIGURES_MAX_AGE_MS, and a background job keeps this year's fresh.
 */
export const VIEWS = {
  management: 'indicator_chronic_management_v01',
  expected: 'indicator_chronic_expected_v01',
  simple: 'indicator_chronic_simple_v01',
  signing: 'indicator_fd_signing_v01',
  renewal: 'indicator_fd_renewal_v01',
  fulfilment: 'indicator_fd_fulfilment_v01',
  quality: 'indicator_chronic_data_quality_v01',
} as const;

interface ContractRows {
  management: Array<{
    org_id: number;
    grid_id: number | null;
    disease: 'htn' | 't2dm';
    managed: number;
    standard_four: number;
    standard_quarterly: number;
    controlled: number;
  }>;
  expected: Array<{ org_id: number; expected_htn: number; expected_t2dm: number }>;
  simple: Array<{
    org_id: number;
    grid_id: number | null;
    disease: 'htn' | 't2dm';
    registered: number;
    lost: number;
    controlled: number;
  }>;
  signing: Array<{ org_id: number; grid_id: number | null; population: string; residents: number; signed: number }>;
  renewal: Array<{ org_id: number; grid_id: number | null; ended: number; renewed: number }>;
  fulfilment: Array<{
    org_id: number;
    grid_id: number | null;
    team_id: number;
    contracts: number;
    used_capped: number;
    quota: number;
    mean_rate_sum: string;
  }>;
}

/** the county's view rows for a year (every figure of the dashboard), computed now over the whole county */
async function computeContractRows(db: Kdb, tree: OrgTree, countyId: number, year: number): Promise<ContractRows> {
  return withScope(db, { userId: 0, orgIds: tree.county(countyId) }, async (trx) => ({
    management: (
      await sql<ContractRows['management'][number]>`
      SELECT org_id, grid_id, disease, managed, standard_four, standard_quarterly, controlled
      FROM ${sql.table(VIEWS.management)} WHERE county_id = ${countyId} AND year = ${year}`.execute(trx)
    ).rows,
    expected: (
      await sql<ContractRows['expected'][number]>`
      SELECT org_id, expected_htn, expected_t2dm FROM ${sql.table(VIEWS.expected)} WHERE county_id = ${countyId} AND year = ${year}`.execute(
        trx,
      )
    ).rows,
    simple: (
      await sql<ContractRows['simple'][number]>`
      SELECT org_id, grid_id, disease, registered, lost, controlled FROM ${sql.table(VIEWS.simple)}
      WHERE county_id = ${countyId} AND year = ${year}`.execute(trx)
    ).rows,
    signing: (
      await sql<ContractRows['signing'][number]>`
      SELECT org_id, grid_id, population, residents, signed FROM ${sql.table(VIEWS.signing)}
      WHERE county_id = ${countyId} AND year = ${year}`.execute(trx)
    ).rows,
    renewal: (
      await sql<ContractRows['renewal'][number]>`
      SELECT org_id, grid_id, ended, renewed FROM ${sql.table(VIEWS.renewal)} WHERE county_id = ${countyId} AND year = ${year}`.execute(
        trx,
      )
    ).rows,
    fulfilment: (
      await sql<ContractRows['fulfilment'][number]>`
      SELECT org_id, grid_id, team_id, contracts, used_capped, quota, mean_rate_sum::text FROM ${sql.table(VIEWS.fulfilment)}
      WHERE county_id = ${countyId} AND year = ${year}`.execute(trx)
    ).rows,
  }));
}

/**
 * The view rows from the snapshot when it is younger than maxAgeMs, else computed
 * afresh and stored (every reader sees the same rows; the answer says when they were computed).
 */
export async function contractRows(
  db: Kdb,
  tree: OrgTree,
  countyId: number,
  year: number,
  maxAgeMs: number,
): Promise<{ rows: ContractRows; computedAt: string }> {
  if (maxAgeMs > 0) {
    const snap = await db
      .selectFrom('chronic_figure_snapshots')
      .select(['rows', 'computed_at'])
      .where('county_id', '=', countyId)
      .where('year', '=', year)
      .where('computed_at', '>', sql<Date>`now() - make_interval(secs => ${maxAgeMs / 1000})`)
      .executeTakeFirst();
    if (snap) return { rows: snap.rows as ContractRows, computedAt: new Date(snap.computed_at).toISOString() };
  }
  return refreshContractRows(db, tree, countyId, year);
}

export async function refreshContractRows(db: Kdb, tree: OrgTree, countyId: number, year: number) {
  const rows = await computeContractRows(db, tree, countyId, year);
  const stored = await db
    .insertInto('chronic_figure_snapshots')
    .values({ county_id: countyId, year, rows: JSON.stringify(rows) })
    .onConflict((oc) =>
      oc.columns(['county_id', 'year']).doUpdateSet({ rows: JSON.stringify(rows), computed_at: sql`now()` }),
    )
    .returning('computed_at')
    .executeTakeFirstOrThrow();
  return { rows, computedAt: new Date(stored.computed_at).toISOString() };
}

/** Keeps this year's figures of every county fresh, so readers rarely compute them (FIGURES_REFRESH_MS). */
export const figuresSnapshotJob = (db: Kdb, tree: OrgTree): PeriodicJob => ({
  name: 'figures snapshot',
  env: 'FIGURES_REFRESH_MS',
  defaultMs: 20_000,
  run: async () => {
    await tree.fresh();
    const counties = await db.selectFrom('chronic_cases').select('county_id').distinct().execute();
    const year = Number(todayInShanghai().slice(0, 4));
    for (const c of counties) await refreshContractRows(db, tree, c.county_id, year);
  },
});
