import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../platform/db.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { seedReferrals } from '../seed/referrals.seed.ts';

/**
 * The dashboard figures come from the versioned views of db/views. A year of demo referral
 * work (fixed dates), and the same figures computed straight from the tables with the SQL
 * the dashboard used before the views: every numerator, denominator and value agrees.
 */
let env: TestEnv;
let orgIds: number[];
beforeAll(async () => {
  env = await createTestEnv();
  await seedReferrals(env.db, {
    countyId: env.countyId,
    seed: 11,
    perMonth: 10,
    now: new Date('2026-06-30T12:00:00Z'),
  });
  orgIds = (await env.asOwner(`SELECT id FROM orgs WHERE county_id = ${env.countyId}`)).map((r) => Number(r.id));
  // a few visit records: the county-internal rate counts visits and stays (a cancelled one never)
  await env.asOwner(`INSERT INTO visits (county_id, org_id, resident_id, registered_at, visit_day, status, source, closed_at)
    SELECT r.county_id, r.org_id, r.id, ('2026-02-0' || (row_number() OVER (ORDER BY r.id)) || ' 09:00+08')::timestamptz,
           ('2026-02-0' || (row_number() OVER (ORDER BY r.id)))::date, CASE WHEN r.id % 4 = 0 THEN 'cancelled' ELSE 'closed' END,
           'seed', now()
    FROM residents r WHERE r.county_id = ${env.countyId} ORDER BY r.id LIMIT 6`);
});
afterAll(async () => {
  await env?.close();
});

const VIEWS = [
  'indicator_accepted_in_time_rate_v01',
  'indicator_closed_loop_rate_v01',
  'indicator_county_internal_rate_v01',
  'indicator_care_county_internal_visit_rate_v02',
  'indicator_down_referral_share_v01',
  'indicator_out_of_county_referral_rate_v01',
  'indicator_referral_turnaround_v01',
  'indicator_referral_volume_v01',
];

/** The figures as the dashboard computed them from the tables (src/referrals/figures.ts before db/views). */
async function fromTables(from: string, to: string) {
  const c = env.countyId;
  // day bounds are Shanghai midnights
  const dayStart = `('${from}'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const after = `('${to}'::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const inRange = `r.county_id = ${c} AND r.status <> 'draft' AND r.created_at >= ${dayStart} AND r.created_at < ${after}`;
  const [t] = await env.asOwner(`
    SELECT count(*) FILTER (WHERE r.direction = 'up')::int AS up,
           count(*) FILTER (WHERE r.direction = 'down')::int AS down,
           count(*) FILTER (WHERE r.direction = 'up' AND r.out_of_county)::int AS out_up,
           count(*) FILTER (WHERE r.direction = 'up' AND r.status IN ('completed', 'down_referred', 'closed'))::int AS finished,
           count(*) FILTER (WHERE r.direction = 'up' AND r.status = 'closed')::int AS closed,
           count(*) FILTER (WHERE r.accepted_at IS NOT NULL)::int AS accepted,
           count(*) FILTER (WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= r.deadline_at)::int AS in_time,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.submitted_at) / 60) FILTER (WHERE r.accepted_at IS NOT NULL) AS p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.submitted_at) / 60) FILTER (WHERE r.accepted_at IS NOT NULL) AS p90
    FROM referrals r WHERE ${inRange}`);
  const [e] = await env.asOwner(`
    SELECT (SELECT count(*)::int FROM visits WHERE county_id = ${c} AND status <> 'cancelled' AND registered_at >= ${dayStart} AND registered_at < ${after}) AS visits,
           (SELECT count(*)::int FROM stays WHERE county_id = ${c} AND status <> 'cancelled' AND admitted_at >= ${dayStart} AND admitted_at < ${after}) AS stays,
           (SELECT count(*)::int FROM out_of_county_visits WHERE county_id = ${c} AND visit_date BETWEEN '${from}'::date AND '${to}'::date) AS outside`);
  const byOrg = await env.asOwner(`
    SELECT r.from_org_id AS org_id, o.name AS org_name, to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
           count(*) FILTER (WHERE r.direction = 'up')::int AS up, count(*) FILTER (WHERE r.direction = 'down')::int AS down
    FROM referrals r JOIN orgs o ON o.id = r.from_org_id WHERE ${inRange}
    GROUP BY 1, 2, 3 ORDER BY 3, 2`);
  const n = (v: unknown) => Number(v);
  // since issue 10 the county-internal rate counts visit records (visits and stays), not referrals and exams
  const inCounty = n(e.visits) + n(e.stays);
  const minutes = (v: unknown) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    figures: {
      closed_loop: [n(t.closed), n(t.finished)],
      down_share: [n(t.down), n(t.up) + n(t.down)],
      out_of_county_referrals: [n(t.out_up), n(t.up)],
      accepted_in_time: [n(t.in_time), n(t.accepted)],
      county_internal_visits: [inCounty, inCounty + n(e.outside)],
      out_of_county_visits: [n(e.outside), inCounty + n(e.outside)],
      accept_p50: [null, n(t.accepted), minutes(t.p50)],
      accept_p90: [null, n(t.accepted), minutes(t.p90)],
    },
    byOrgMonth: byOrg.map((r) => ({
      orgId: n(r.org_id),
      orgName: r.org_name,
      month: r.month,
      up: n(r.up),
      down: n(r.down),
    })),
  };
}

describe('referral figures from db/views', () => {
  it('agree with the figures computed from the tables, for the whole year and for one quarter', async () => {
    const coordinator = await env.login('coordinator');
    for (const [from, to] of [
      ['2025-07-01', '2026-06-30'],
      ['2026-01-01', '2026-03-31'],
    ]) {
      const res = await coordinator.get(`/api/referral-figures?from=${from}&to=${to}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        figures: Array<{ key: string; numerator: number | null; denominator: number | null; value: number | null }>;
        byOrgMonth: unknown[];
      }>();
      const expected = await fromTables(from, to);
      const got = Object.fromEntries(
        body.figures.map((f) => [
          f.key,
          f.key.startsWith('accept_p') ? [f.numerator, f.denominator, f.value] : [f.numerator, f.denominator],
        ]),
      );
      expect(got).toEqual(expected.figures);
      expect(body.byOrgMonth).toEqual(expected.byOrgMonth);
      expect(expected.figures.closed_loop[1]).toBeGreaterThan(10); // the data is not empty
      expect(expected.figures.county_internal_visits[1]).toBeGreaterThan(expected.figures.county_internal_visits[0]);
      expect(expected.figures.county_internal_visits[0]).toBeGreaterThan(0); // the visits count
      const closed = body.figures.find((f) => f.key === 'closed_loop');
      expect(closed?.value).toBe(Math.round(((closed?.numerator ?? 0) / (closed?.denominator ?? 1)) * 10000) / 100);
    }
  });

  it('every indicator view is readable by the app role and applies row-level security to its reader', async () => {
    for (const view of VIEWS) {
      const [owner] = await env.asOwner(`SELECT count(*)::int AS n FROM ${view} WHERE county_id = ${env.countyId}`);
      const count = (ids: number[]) =>
        withScope(env.db, { userId: 0, orgIds: ids }, async (trx) => {
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(view)}`.execute(trx);
          return rows[0].n;
        });
      expect(Number(owner.n), view).toBeGreaterThan(0);
      expect(await count(orgIds), view).toBe(Number(owner.n));
      // a caller who may see no org sees no row through the view, whatever the view's owner may see
      expect(await count([]), view).toBe(0);
    }
  });
});
