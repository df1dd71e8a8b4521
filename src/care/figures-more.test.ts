import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, readXlsx, type Client, type TestEnv } from '../platform/test-helpers.ts';

/**
 * The care figures of GET /api/care-figures on a fixture small enough to count by hand
 * (March 2025, Shanghai; March 2024 and February 2025 for growth). Residents: W a woman and
 * M a man of township A (the township doctor's), C a boy under 14 of A, X a man of township B.
 *   visits 2025-03: village(A) W tcm, village(A) M, township A C, people's X tcm, people's M,
 *                   and W's cancelled one;  2025-02: 4 at the village;  2024-03: village 1, people's 1
 *   stays 2025-03 (people's): W 7 days with a grade-3 operation, C 2 days with a grade-4 one,
 *                   X cancelled with a grade-3 one;  2024-03: one stay with a grade-3 operation
 *   out-of-county 2025-03: W outpatient, X inpatient, C inpatient
 *   fee lines 2025-03: W's stay drug 3000, consumable 1000, bed 2000, drug refund -500;
 *                   M's village visit drug 800, exam 200; W's cancelled visit drug 9999
 */
let env: TestEnv;
let c: number;
let townA: number;
let townB: number;
let village: number;
let people: number;
const who: Record<'W' | 'M' | 'C' | 'X', number> = { W: 0, M: 0, C: 0, X: 0 };
let coordinator: Client;
let townshipDoctor: Client;

const one = async (q: string) => (await env.asOwner(q))[0];
const id = async (q: string) => Number((await one(q)).id);

beforeAll(async () => {
  env = await createTestEnv();
  c = env.countyId;
  townA = Number((await one(`SELECT org_id FROM staff WHERE username = 'township.doctor'`)).org_id);
  townB = await id(
    `SELECT id FROM orgs WHERE kind = 'township_center' AND county_id = ${c} AND id <> ${townA} ORDER BY id LIMIT 1`,
  );
  village = await id(`SELECT id FROM orgs WHERE kind = 'village_clinic' AND parent_id = ${townA} ORDER BY id LIMIT 1`);
  people = await id(`SELECT id FROM orgs WHERE name LIKE '%人民医院' AND county_id = ${c}`);
  const inA = `org_id IN (SELECT id FROM orgs WHERE id = ${townA} OR parent_id = ${townA})`;
  const adult = `birth_date < '1990-01-01'`;
  who.W = await id(`SELECT id FROM residents WHERE ${inA} AND sex = 'F' AND ${adult} ORDER BY id LIMIT 1`);
  who.M = await id(`SELECT id FROM residents WHERE ${inA} AND sex = 'M' AND ${adult} ORDER BY id LIMIT 1`);
  who.C = await id(
    `SELECT id FROM residents WHERE ${inA} AND sex = 'M' AND birth_date > '2012-01-01' ORDER BY id LIMIT 1`,
  );
  who.X =
    await id(`SELECT id FROM residents WHERE org_id IN (SELECT id FROM orgs WHERE id = ${townB} OR parent_id = ${townB})
    AND sex = 'M' AND ${adult} ORDER BY id LIMIT 1`);
  const dept = await id(`SELECT id FROM departments WHERE org_id = ${people} ORDER BY id LIMIT 1`);
  const visit = (org: number, r: number, at: string, tcm = false, status = 'closed') =>
    `(${c}, ${org}, ${r}, '${at}+08', '${at.slice(0, 10)}', ${tcm}, '${status}', 'seed', ${status === 'closed' ? 'now()' : 'NULL'})`;
  const { W, M, C, X } = who;
  const visits =
    await env.asOwner(`INSERT INTO visits (county_id, org_id, resident_id, registered_at, visit_day, tcm, status, source, closed_at) VALUES
    ${visit(village, W, '2025-03-03 09:00', true)}, ${visit(village, M, '2025-03-04 09:00')}, ${visit(townA, C, '2025-03-31 23:30')},
    ${visit(people, X, '2025-03-10 08:00', true)}, ${visit(people, M, '2025-03-11 08:00')},
    ${visit(village, W, '2025-03-12 08:00', false, 'cancelled')},
    ${visit(village, M, '2025-02-03 09:00')}, ${visit(village, M, '2025-02-04 09:00')}, ${visit(village, W, '2025-02-05 09:00')},
    ${visit(village, W, '2025-02-06 09:00')}, ${visit(village, M, '2024-03-03 09:00')}, ${visit(people, X, '2024-03-04 09:00')}
    RETURNING id`);
  const [, vM, , , , vCancelled] = visits.map((r) => Number(r.id));
  const stay = (r: number, inAt: string, status: string, outAt: string | null, los: number | null) =>
    `(${c}, ${people}, ${r}, ${dept}, '${inAt}+08', '${status}', ${outAt ? `'${outAt}+08'` : 'NULL'}, ${outAt ? `'home'` : 'NULL'}, ${los ?? 'NULL'}, 'seed')`;
  const stays =
    await env.asOwner(`INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, status, discharged_at, disposition, length_of_stay_days, source) VALUES
    ${stay(W, '2025-03-02 10:00', 'discharged', '2025-03-09 09:00', 7)}, ${stay(C, '2025-03-10 08:00', 'discharged', '2025-03-12 18:00', 2)},
    ${stay(X, '2025-03-12 08:00', 'cancelled', null, null)}, ${stay(M, '2024-03-02 08:00', 'discharged', '2024-03-05 08:00', 3)}
    RETURNING id`);
  const [sW, sC, sX, sOld] = stays.map((r) => Number(r.id));
  await env.asOwner(`INSERT INTO stay_operations (county_id, org_id, stay_id, name, grade, performed_at) VALUES
    (${c}, ${people}, ${sW}, '腹腔镜胆囊切除术', 3, '2025-03-03 10:00+08'), (${c}, ${people}, ${sC}, '复杂手术', 4, '2025-03-11 10:00+08'),
    (${c}, ${people}, ${sX}, '取消的手术', 3, '2025-03-12 10:00+08'), (${c}, ${people}, ${sOld}, '去年的手术', 3, '2024-03-03 10:00+08')`);
  await env.asOwner(`INSERT INTO out_of_county_visits (county_id, resident_id, resident_org_id, visit_date, hospital_name, hospital_level, visit_type, source, entered_by)
    SELECT ${c}, r.id, r.org_id, x.d::date, '省人民医院', 'provincial', x.t, 'seed', (SELECT id FROM staff ORDER BY id LIMIT 1)
    FROM (VALUES (${W}, '2025-03-05', 'outpatient'), (${X}, '2025-03-06', 'inpatient'), (${C}, '2025-03-07', 'inpatient')) AS x(r, d, t)
    JOIN residents r ON r.id = x.r`);
  const fee = (org: number, owner: string, r: number, item: string, cat: string, fen: number, qty = 1) =>
    `(${c}, ${org}, ${owner}, ${r}, '${item}', 'x', '${cat}', 'class_a', 0, ${qty}, ${fen}, ${qty * fen}, '2025-03-08 10:00+08')`;
  await env.asOwner(`INSERT INTO fee_lines (county_id, org_id, visit_id, stay_id, resident_id, item_code, item_name, category, insurance_class, self_pay_bp, quantity, unit_price_fen, amount_fen, charged_at) VALUES
    ${fee(people, `NULL, ${sW}`, W, 'DRG-CEFT', 'drug', 3000)}, ${fee(people, `NULL, ${sW}`, W, 'CON-IVSET', 'consumable', 1000)},
    ${fee(people, `NULL, ${sW}`, W, 'BED-GEN', 'bed', 1000, 2)}, ${fee(people, `NULL, ${sW}`, W, 'DRG-CEFT', 'drug', 500, -1)},
    ${fee(village, `${vM}, NULL`, M, 'DRG-AMLO', 'drug', 800)}, ${fee(village, `${vM}, NULL`, M, 'ECG-12', 'exam', 200)},
    ${fee(village, `${vCancelled}, NULL`, W, 'DRG-AMLO', 'drug', 9999)}`);
  await env.asOwner(`INSERT INTO beds (county_id, org_id, department_id, code, status) VALUES
    (${c}, ${people}, ${dept}, 'FM1', 'open'), (${c}, ${people}, ${dept}, 'FM2', 'open')`);
  coordinator = await env.login('coordinator');
  townshipDoctor = await env.login('township.doctor');
});
afterAll(async () => {
  await env?.close();
});

interface Cell {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface Fig extends Cell {
  key: string;
  byMonth: Array<Cell & { month: string; previousMonthGrowth: number | null }>;
  byTownship: Array<Cell & { townshipId: number }>;
  byOrg: Array<Cell & { orgId: number }>;
  uncomparable: string[];
}
async function figures(client: Client, query = 'from=2025-03&to=2025-03') {
  const res = await client.get(`/api/care-figures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ figures: Fig[] }>();
  return Object.fromEntries(body.figures.map((f) => [f.key, f]));
}
const nd = (f: Cell | undefined) => [f?.numerator, f?.denominator, f?.value];

describe('care figures (hand-computed fixture)', () => {
  it('county-internal visit and inpatient rates, women and children apart', async () => {
    const f = await figures(coordinator);
    expect(nd(f.county_internal_visits)).toEqual([7, 10, 70]);
    expect(nd(f.county_internal_visits_women)).toEqual([2, 3, 66.67]);
    expect(nd(f.county_internal_visits_children)).toEqual([2, 3, 66.67]);
    expect(nd(f.county_internal_inpatient)).toEqual([2, 4, 50]);
    expect(nd(f.county_internal_inpatient_women)).toEqual([1, 1, 100]);
    expect(nd(f.county_internal_inpatient_children)).toEqual([1, 2, 50]);
    // by where residents live: W, M and C in township A, X in B
    const byTown = (t: number) => nd(f.county_internal_visits.byTownship.find((r) => r.townshipId === t));
    expect(byTown(townA)).toEqual([6, 8, 75]);
    expect(byTown(townB)).toEqual([1, 2, 50]);
  });

  it('primary share 3/5, TCM share 2/5; the 23:30 visit of 31 March is March', async () => {
    const f = await figures(coordinator);
    expect(nd(f.primary_share)).toEqual([3, 5, 60]);
    expect(nd(f.tcm_share)).toEqual([2, 5, 40]);
    expect(nd(f.primary_share.byTownship.find((r) => r.townshipId === townA))).toEqual([3, 3, 100]);
  });

  it('volumes and operations against the same month a year earlier and the month before', async () => {
    const f = await figures(coordinator);
    expect(nd(f.outpatient_growth)).toEqual([5, 2, 150]);
    expect(f.outpatient_growth.byMonth[0].previousMonthGrowth).toBe(25); // 5 against February's 4
    expect(nd(f.inpatient_growth)).toEqual([2, 1, 100]);
    expect(nd(f.grade3_operations_growth)).toEqual([1, 1, 0]); // the cancelled stay's operation is out
    expect(nd(f.grade4_operations_growth)).toEqual([1, 0, null]);
    expect(f.outpatient_growth.uncomparable).toEqual([]);
    // February 2025 has visits, February 2024 none (the group was not recording yet): over
    // February–March the growth is not comparable, and says which month is the reason
    const two = await figures(coordinator, 'from=2025-02&to=2025-03');
    expect(two.outpatient_growth.uncomparable).toEqual(['2025-02']);
    expect(nd(two.outpatient_growth)).toEqual([9, 2, null]);
    expect(nd(two.outpatient_growth.byMonth.find((m) => m.month === '2025-03'))).toEqual([5, 2, 150]);
  });

  it('length of stay, drug and consumables share, cost per stay', async () => {
    const f = await figures(coordinator);
    expect(nd(f.average_length_of_stay)).toEqual([9, 2, 4.5]);
    expect(nd(f.drug_share)).toEqual([3300, 6500, 50.77]);
    expect(nd(f.consumable_share)).toEqual([1000, 6500, 15.38]);
    expect(nd(f.cost_per_stay)).toEqual([5500, 2, 2750]);
    // the fee-line view sums to the same as the aggregate drug share view
    const agg = await one(`SELECT sum(drug_fen)::int AS drug, sum(total_fen)::int AS total
      FROM indicator_care_drug_share_v01 WHERE county_id = ${c} AND month = '2025-03'`);
    expect(agg).toEqual({ drug: 3300, total: 6500 });
  });

  it('bed use is read from indicator_care_bed_use_rate_v01 for the orgs in reach', async () => {
    const f = await figures(coordinator);
    const v = await one(`SELECT coalesce(sum(occupied_bed_days), 0)::int AS n, coalesce(sum(open_bed_days), 0)::int AS d
      FROM indicator_care_bed_use_rate_v01 WHERE county_id = ${c} AND month = '2025-03'`);
    expect([f.bed_use.numerator, f.bed_use.denominator]).toEqual([v.n, v.d]);
    expect(f.bed_use.numerator).toBe(7 + 2); // W's 7 days and C's 2, the cancelled stay none
  });
});

interface Rec {
  source: string;
  id: number;
  orgId: number;
  amount: number;
  residentName: string | null;
}
async function drill(client: Client, query: string) {
  const res = await client.get(`/api/care-figures/records?${query}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ total: number; items: Rec[] }>();
}

describe('drill-down to the records behind a cell', () => {
  it('returns exactly the rows counted, numerator and denominator', async () => {
    const num = await drill(
      coordinator,
      `figure=county_internal_visits&month=2025-03&townshipId=${townA}&part=numerator`,
    );
    expect(num.total).toBe(6);
    expect(num.items.map((r) => r.source).sort()).toEqual(['stay', 'stay', 'visit', 'visit', 'visit', 'visit']);
    const den = await drill(
      coordinator,
      `figure=county_internal_visits&month=2025-03&townshipId=${townA}&part=denominator`,
    );
    expect(den.total).toBe(8);
    expect(den.items.filter((r) => r.source === 'out_of_county_visit')).toHaveLength(2);
    const drug = await drill(coordinator, 'figure=drug_share&month=2025-03&part=numerator');
    expect(drug.items.map((r) => r.amount).sort((a, b) => a - b)).toEqual([-500, 800, 3000]);
    const cost = await drill(coordinator, 'figure=cost_per_stay&month=2025-03&part=numerator');
    expect(cost.items.reduce((s, r) => s + r.amount, 0)).toBe(5500);
    // a growth figure's denominator opens the same month a year earlier
    const lastYear = await drill(coordinator, 'figure=outpatient_growth&month=2025-03&part=denominator');
    expect(lastYear.total).toBe(2);
    const ops = await drill(coordinator, 'figure=grade4_operations_growth&month=2025-03&part=numerator');
    expect(ops.items.map((r) => r.source)).toEqual(['operation']);
  });

  it('for every drillable figure and both parts, the records add up to the cell', async () => {
    const res = await coordinator.get('/api/care-figures?from=2025-03&to=2025-03');
    const all = res.json<{
      figures: Array<Fig & { drillable: Array<'numerator' | 'denominator'>; parts: Record<string, string> }>;
    }>().figures;
    let checked = 0;
    for (const f of all) {
      for (const part of f.drillable) {
        const rows = await drill(coordinator, `figure=${f.key}&month=2025-03&part=${part}`);
        const sum = f.parts[part] === 'count' ? rows.total : rows.items.reduce((s, r) => s + r.amount, 0);
        expect(sum, `${f.key} ${part}`).toBe(f[part]);
        checked++;
      }
    }
    expect(checked).toBe(2 * all.length - 1); // all but bed use's open bed-days
  });

  it('exports the same rows as .xlsx, audited', async () => {
    const res = await coordinator.get(
      `/api/care-figures/records/export?figure=county_internal_visits&month=2025-03&townshipId=${townA}&part=denominator`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(readXlsx(res.rawPayload)).toHaveLength(1 + 8);
    const audit = await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'care.figures.records.export'`);
    expect(audit.n).toBe(1);
  });

  it('a township sees its own township only, and not the records of another', async () => {
    const f = await figures(townshipDoctor);
    expect(nd(f.county_internal_visits)).toEqual([6, 8, 75]);
    expect(f.county_internal_visits.byTownship.map((r) => r.townshipId)).toEqual([townA]);
    const other = await townshipDoctor.get(
      `/api/care-figures/records?figure=county_internal_visits&month=2025-03&townshipId=${townB}&part=denominator`,
    );
    expect(other.statusCode).toBe(403);
    expect((await townshipDoctor.get(`/api/care-figures?townshipId=${townB}`)).statusCode).toBe(403);
    const mine = await drill(townshipDoctor, 'figure=county_internal_visits&month=2025-03&part=denominator');
    expect(mine.total).toBe(8);
    // the county sees X of township B too
    expect((await drill(coordinator, 'figure=county_internal_visits&month=2025-03&part=denominator')).total).toBe(10);
    const stays = await drill(townshipDoctor, 'figure=average_length_of_stay&month=2025-03&part=denominator');
    expect(stays.total).toBe(0); // the stays were at the people's hospital, outside the township
  });

  it('refuses bad input in Chinese, and names are masked for the administrator', async () => {
    const bad = await coordinator.get('/api/care-figures/records?figure=nope&month=2025-13&part=numerator');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    for (const q of ['from=2025-04&to=2025-03', 'from=2020-01&to=2025-03', 'orgId=1&townshipId=2', 'to=2025-3']) {
      const res = await coordinator.get(`/api/care-figures?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toMatch(/[\u4e00-\u9fa5]/);
    }
    const bed = await coordinator.get('/api/care-figures/records?figure=bed_use&month=2025-03&part=denominator');
    expect(bed.json().code).toBe('NOT_DRILLABLE');
    const admin = await env.login('admin');
    const rows = await drill(admin, 'figure=tcm_share&month=2025-03&part=numerator');
    expect(rows.total).toBe(2);
    expect(rows.items.every((r) => r.residentName?.includes('*'))).toBe(true);
  });
});
