import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { seedCare } from './care.seed.ts';
import { seedSettlement, type SettlementSeedResult } from './settlement.seed.ts';

/**
 * The settlement demo generator on the tiny county (60 residents, every fifth resident-scheme
 * member made a registered poor resident, as in a poor rural township), after a year of care: the demo
 * policy labelled as such, every settlement balanced and reproducible through verify, the
 * poor inpatients' reimbursement ratio in 0.85–0.93 (the seeds' figure 88.39–90.93%),
 * reversals netting to zero, one claim batch partly rejected, and work on the clerk's desk.
 */
let env: TestEnv;
let result: SettlementSeedResult;
let clerk: Client;
const NOW = new Date('2026-06-30T12:00:00+08:00');

beforeAll(async () => {
  env = await createTestEnv();
  // 建档立卡 residents are insured in the resident scheme (their premium is paid for them)
  await env.asOwner(`UPDATE residents SET registered_poor = (id % 5 = 0 AND insurance_type = 'resident')`);
  await seedCare(env.db, { countyId: env.countyId, seed: 7, visitsPerResident: 10, staysPerResident: 1.5, now: NOW });
  const started = performance.now();
  result = await seedSettlement(env.db, { countyId: env.countyId, seed: 7, now: NOW });
  console.log(`settlement seed: ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms`);
  clerk = await env.login('clerk');
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const rows = (q: string) => env.asOwner(q);
const one = async (q: string) => (await env.asOwner(q))[0];
const LIVE = `kind = 'settlement' AND reversed_by_id IS NULL`;

describe('settlement demo data', () => {
  it('one published version of demo parameters, covering the whole year, with packages', async () => {
    const v =
      await rows(`SELECT id, demo, status, title, doc_ref, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
        (SELECT count(*)::int FROM settlement_rules r WHERE r.version_id = v.id) AS rules,
        (SELECT count(*)::int FROM settlement_packages p WHERE p.version_id = v.id) AS packages
      FROM settlement_policy_versions v`);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ demo: true, status: 'published', effective_from: '2025-01-01' });
    expect(String(v[0].title)).toContain('演示');
    expect(String(v[0].doc_ref)).toContain('演示');
    expect(Number(v[0].rules)).toBeGreaterThan(20);
    expect(Number(v[0].packages)).toBeGreaterThanOrEqual(5);
  });

  it('every discharged stay but the desk’s few is settled once; visits in 门诊统筹 and 门诊慢特病; all balanced', async () => {
    const s = await one(`SELECT count(*) FILTER (WHERE setting = 'inpatient')::int AS inpatient,
        count(*) FILTER (WHERE setting = 'outpatient')::int AS outpatient, count(*) FILTER (WHERE setting = 'chronic')::int AS chronic,
        count(*) FILTER (WHERE package_id IS NOT NULL)::int AS packages,
        count(*) FILTER (WHERE medfee_sumamt <> fund_pay_sumamt + hosp_part_amt + psn_part_amt
                           OR medfee_sumamt <> fulamt_ownpay_amt + preselfpay_amt + inscp_scp_amt)::int AS unbalanced,
        count(*) FILTER (WHERE source <> 'seed' OR status <> 'confirmed')::int AS other
      FROM settlements WHERE ${LIVE}`);
    expect(s.unbalanced).toBe(0);
    expect(s.other).toBe(0);
    expect(s.outpatient).toBeGreaterThan(0);
    expect(s.chronic).toBeGreaterThan(0);
    expect(s.packages).toBeGreaterThan(0);
    const stays = await one(`SELECT count(*)::int AS discharged,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM settlements st WHERE st.stay_id = s.id AND st.${LIVE}))::int AS open
      FROM stays s WHERE s.status = 'discharged'`);
    expect(s.inpatient).toBe(Number(stays.discharged) - Number(stays.open));
    expect(stays.open).toBe(result.unsettledAtPeople);
    // the accumulators are what the live settlements added, person by person
    const acc = await one(`WITH d AS (
        SELECT resident_id, year, count(*) AS n,
               sum((inputs->'result'->'after'->>'own_paid_fen')::bigint - (inputs->'before'->>'own_paid_fen')::bigint) AS own,
               sum((inputs->'result'->'after'->>'basic_inpatient_fen')::bigint - (inputs->'before'->>'basic_inpatient_fen')::bigint) AS basic
        FROM settlements WHERE ${LIVE} GROUP BY 1, 2)
      SELECT count(*)::int AS n, count(*) FILTER (WHERE a.settlements <> d.n OR a.own_paid_fen <> d.own
        OR a.basic_inpatient_fen <> d.basic)::int AS wrong
      FROM settlement_accumulators a FULL JOIN d USING (resident_id, year)`);
    expect(acc.n).toBeGreaterThan(0);
    expect(acc.wrong).toBe(0);
    const feed = await one(
      `SELECT (SELECT count(*) FROM settlement_feed)::int AS feed, (SELECT count(*) FROM settlements)::int AS n`,
    );
    expect(feed.feed).toBe(feed.n);
  });

  it('the poor inpatients are reimbursed 85–93%, general residents less', async () => {
    const r =
      await rows(`SELECT person_cat, sum(fund_pay_sumamt)::float8 / sum(medfee_sumamt) AS ratio, count(*)::int AS n
      FROM settlements WHERE ${LIVE} AND setting = 'inpatient' GROUP BY person_cat`);
    const by = Object.fromEntries(r.map((x) => [String(x.person_cat), Number(x.ratio)]));
    console.log('settlement seed ratios', r);
    expect(by.poor).toBeGreaterThan(0.85);
    expect(by.poor).toBeLessThan(0.93);
    expect(by.general).toBeLessThan(by.poor);
  });

  it('verify reproduces the seeded settlements at the clerk’s hospital to the fen', async () => {
    const sample =
      await rows(`SELECT st.id FROM settlements st JOIN staff c ON c.username = 'clerk' AND c.org_id = st.org_id
      WHERE st.${LIVE} ORDER BY (st.package_id IS NOT NULL) DESC, (st.person_cat = 'poor') DESC, md5(st.id::text) LIMIT 12`);
    expect(sample.length).toBeGreaterThan(5);
    const resettled =
      await rows(`SELECT st.id FROM settlements st JOIN staff c ON c.username = 'clerk' AND c.org_id = st.org_id
      WHERE st.${LIVE} AND EXISTS (SELECT 1 FROM settlements o WHERE o.stay_id = st.stay_id AND o.kind = 'reversal')`);
    for (const { id } of [...sample, ...resettled]) {
      const res = await clerk.get(`/api/settlements/${Number(id)}/verify`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), `settlement ${Number(id)}`).toMatchObject({ reproduced: true, inputHashMatches: true });
    }
  });

  it('reversals net their originals to zero, write off the receivables, and half are settled again', async () => {
    const r =
      await rows(`SELECT o.id, o.stay_id, o.medfee_sumamt + x.medfee_sumamt AS total, o.psn_part_amt + x.psn_part_amt AS psn,
        o.fund_pay_sumamt + x.fund_pay_sumamt AS fund, o.reversed_by_id = x.id AS linked, x.settlement_no LIKE 'CX%' AS numbered,
        (SELECT count(*) FROM receivables rc WHERE rc.settlement_id = o.id AND rc.status <> 'written_off')::int AS unwritten,
        (SELECT count(*) FROM settlements n WHERE n.stay_id = o.stay_id AND n.${LIVE})::int AS again
      FROM settlements x JOIN settlements o ON o.id = x.reverses_id WHERE x.kind = 'reversal'`);
    expect(r.length).toBe(result.reversals);
    expect(r.length).toBeGreaterThanOrEqual(2);
    for (const x of r) {
      expect(x).toMatchObject({ linked: true, numbered: true, unwritten: 0 });
      expect([Number(x.total), Number(x.psn), Number(x.fund)]).toEqual([0, 0, 0]);
    }
    expect(r.filter((x) => x.stay_id !== null && x.again === 1).length).toBeGreaterThan(0);
  });

  it('monthly claim batches: older months returned, one return partly rejected, recent receivables open', async () => {
    const b = await rows(`SELECT b.id, b.status, b.items, b.claimed_fen::bigint AS claimed, b.paid_fen::bigint AS paid,
        (SELECT count(*) FROM receivables r WHERE r.batch_id = b.id)::int AS recs,
        (SELECT coalesce(sum(amount_fen), 0) FROM receivables r WHERE r.batch_id = b.id)::bigint AS amount,
        (SELECT coalesce(sum(paid_fen), 0) FROM receivables r WHERE r.batch_id = b.id)::bigint AS rec_paid,
        (SELECT count(*) FROM receivables r WHERE r.batch_id = b.id AND r.status = 'rejected')::int AS rejected,
        (SELECT count(*) FROM receivables r WHERE r.batch_id = b.id AND r.status = 'partly_paid')::int AS partly,
        (SELECT row_to_json(p) FROM payer_returns p WHERE p.batch_id = b.id) AS ret,
        (SELECT count(*) FROM payer_return_lines l JOIN payer_returns p ON p.id = l.return_id WHERE p.batch_id = b.id)::int AS lines
      FROM claim_batches b`);
    expect(b.length).toBe(result.batches);
    expect(b.some((x) => x.status === 'submitted')).toBe(true);
    for (const x of b) {
      expect(x.recs).toBe(x.items);
      expect(Number(x.amount)).toBe(Number(x.claimed));
      if (x.status === 'returned') {
        expect(Number(x.rec_paid)).toBe(Number(x.paid));
        const ret = x.ret as { rows_total: number; rejected: number; differences: number; matched: number };
        expect(ret.rows_total).toBe(x.items);
        expect(x.lines).toBe(x.items);
        expect([ret.rejected, ret.differences, ret.matched]).toEqual([
          x.rejected,
          x.partly,
          Number(x.items) - Number(x.rejected) - Number(x.partly),
        ]);
      } else expect(x.ret).toBeNull();
    }
    const partly = b.filter((x) => Number(x.rejected) > 0);
    expect(partly).toHaveLength(1);
    const reasons = await rows(`SELECT reject_reason FROM receivables WHERE status = 'rejected'`);
    expect(reasons.every((x) => String(x.reject_reason).length > 0)).toBe(true);
    const open = await one(`SELECT count(*)::int AS n FROM receivables WHERE status = 'open'
      AND opened_on < (timestamptz '${NOW.toISOString()}' AT TIME ZONE 'Asia/Shanghai')::date - 30`);
    expect(open.n).toBeGreaterThan(0);
  });

  it('the clerk’s desk has discharges to settle (one a registered poor resident) and admissions to check', async () => {
    const d = await clerk.get('/api/settlement/desk?tab=discharged');
    expect(d.statusCode, d.body).toBe(200);
    const items = d.json<{ total: number; items: Array<{ personCat: string; checked: boolean; payLater: boolean }> }>();
    expect(items.total).toBeGreaterThan(0);
    expect(items.items.some((i) => i.personCat === 'poor' && i.payLater)).toBe(true);
    const a = await clerk.get('/api/settlement/desk?tab=admitted');
    expect(a.json<{ items: Array<{ checked: boolean }> }>().items.some((i) => !i.checked)).toBe(true);
  });

  it('the till: deposits applied or refunded at settlement, nothing held for a settled stay', async () => {
    const held = await one(`SELECT count(*)::int AS n FROM stays s
      WHERE EXISTS (SELECT 1 FROM settlements st WHERE st.stay_id = s.id AND st.${LIVE})
        AND (SELECT coalesce(sum(amount_fen), 0) FROM cash_movements c WHERE c.stay_id = s.id AND c.kind IN ('deposit', 'deposit_refund'))
          <> (SELECT sum(deposit_fen) FROM settlements st WHERE st.stay_id = s.id AND st.${LIVE})`);
    expect(held.n).toBe(0);
    const poorDeposits =
      await one(`SELECT count(*)::int AS n FROM cash_movements c JOIN stay_finance f ON f.stay_id = c.stay_id
      WHERE f.pay_later AND c.kind = 'deposit'`);
    expect(poorDeposits.n).toBe(0);
  });
});
