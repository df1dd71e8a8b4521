import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';

/**
 * The care indicator views on a fixture small enough to count by hand (March 2025, Shanghai):
 * 6 visits (village 3, one TCM; township 1; people's hospital 2, one TCM) and a cancelled one;
 * 2 discharged stays (7 days and a same-day stay) and a cancelled one; 3 out-of-county visits;
 * 2 beds in service and 1 under repair; fee lines with a refund and a cancelled visit's charge.
 */
let env: TestEnv;
let c: number;
let village: number;
let township: number;
let people: number;
let residents: number[];

const one = async (sqlText: string) => (await env.asOwner(sqlText))[0];

beforeAll(async () => {
  env = await createTestEnv();
  c = env.countyId;
  village = Number((await one(`SELECT id FROM orgs WHERE kind = 'village_clinic' ORDER BY id LIMIT 1`)).id);
  township = Number((await one(`SELECT parent_id FROM orgs WHERE id = ${village}`)).parent_id);
  people = Number((await one(`SELECT id FROM orgs WHERE name LIKE '%人民医院' AND county_id = ${c}`)).id);
  const dept = Number((await one(`SELECT id FROM departments WHERE org_id = ${people} ORDER BY id LIMIT 1`)).id);
  residents = (await env.asOwner(`SELECT id FROM residents ORDER BY id LIMIT 10`)).map((r) => Number(r.id));
  const visit = (org: number, r: number, at: string, tcm: boolean, status = 'closed') =>
    `(${c}, ${org}, ${r}, '${at}+08', '${at.slice(0, 10)}', ${tcm}, '${status}', 'seed', ${status === 'closed' ? 'now()' : 'NULL'})`;
  const ids =
    await env.asOwner(`INSERT INTO visits (county_id, org_id, resident_id, registered_at, visit_day, tcm, status, source, closed_at) VALUES
    ${visit(village, residents[0], '2025-03-03 09:00', false)}, ${visit(village, residents[1], '2025-03-03 10:00', true)},
    ${visit(village, residents[2], '2025-03-31 23:30', false)}, ${visit(township, residents[3], '2025-03-15 08:00', false)},
    ${visit(people, residents[4], '2025-03-20 08:00', false)}, ${visit(people, residents[5], '2025-03-21 08:00', true)},
    ${visit(village, residents[6], '2025-03-22 08:00', false, 'cancelled')}, ${visit(village, residents[6], '2025-04-01 00:10', false)}
    RETURNING id`);
  const [v1, , , , , , vCancelled] = ids.map((r) => Number(r.id));
  const stays =
    await env.asOwner(`INSERT INTO stays (county_id, org_id, resident_id, department_id, admitted_at, status, discharged_at, disposition, length_of_stay_days, source) VALUES
    (${c}, ${people}, ${residents[7]}, ${dept}, '2025-03-01 10:00+08', 'discharged', '2025-03-08 09:00+08', 'home', 7, 'seed'),
    (${c}, ${people}, ${residents[8]}, ${dept}, '2025-03-10 08:00+08', 'discharged', '2025-03-10 18:00+08', 'home', 1, 'seed'),
    (${c}, ${people}, ${residents[9]}, ${dept}, '2025-03-12 08:00+08', 'cancelled', NULL, NULL, NULL, 'seed')
    RETURNING id`);
  const stayA = Number(stays[0].id);
  await env.asOwner(`INSERT INTO out_of_county_visits (county_id, resident_id, resident_org_id, visit_date, hospital_name, hospital_level, visit_type, source, entered_by)
    SELECT ${c}, r, ${village}, d::date, '省人民医院', 'provincial', t, 'seed', (SELECT id FROM staff ORDER BY id LIMIT 1)
    FROM (VALUES (${residents[0]}, '2025-03-05', 'outpatient'), (${residents[1]}, '2025-03-06', 'outpatient'), (${residents[2]}, '2025-03-07', 'inpatient')) AS x(r, d, t)`);
  await env.asOwner(`UPDATE beds SET active = false WHERE org_id = ${people}`);
  await env.asOwner(`INSERT INTO beds (county_id, org_id, department_id, code, status) VALUES
    (${c}, ${people}, ${dept}, 'F1', 'open'), (${c}, ${people}, ${dept}, 'F2', 'open'), (${c}, ${people}, ${dept}, 'F3', 'maintenance')`);
  const fee = (owner: string, item: string, cat: string, fen: number, qty = 1) =>
    `(${c}, ${owner}, ${residents[0]}, '${item}', 'x', '${cat}', 'class_a', 0, ${qty}, ${fen}, ${Math.round(qty * fen)}, '2025-03-20 10:00+08')`;
  await env.asOwner(`INSERT INTO fee_lines (county_id, org_id, visit_id, stay_id, resident_id, item_code, item_name, category, insurance_class, self_pay_bp, quantity, unit_price_fen, amount_fen, charged_at) VALUES
    ${fee(`${village}, ${v1}, NULL`, 'DRG-AMLO', 'drug', 1000)}, ${fee(`${village}, ${v1}, NULL`, 'CON-SYRINGE', 'consumable', 200)},
    ${fee(`${village}, ${v1}, NULL`, 'ECG-12', 'exam', 800)},
    ${fee(`${people}, NULL, ${stayA}`, 'DRG-CEFT', 'drug', 5000)}, ${fee(`${people}, NULL, ${stayA}`, 'CON-IVSET', 'consumable', 1000)},
    ${fee(`${people}, NULL, ${stayA}`, 'BED-GEN', 'bed', 1000, 4)}, ${fee(`${people}, NULL, ${stayA}`, 'DRG-CEFT', 'drug', 500, -1)},
    ${fee(`${village}, ${vCancelled}, NULL`, 'DRG-AMLO', 'drug', 9999)}`);
});
afterAll(async () => {
  await env?.close();
});

const MARCH = `month = '2025-03'`;

describe('care indicator views (hand-computed fixture)', () => {
  it('county-internal visit rate: 6 visits + 2 stays of 11 visit records', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE in_numerator)::int AS num, count(*)::int AS den,
        count(*) FILTER (WHERE in_numerator AND visit_type = 'inpatient')::int AS inpatient_num,
        count(*) FILTER (WHERE visit_type = 'inpatient')::int AS inpatient_den
      FROM indicator_care_county_internal_visit_rate_v01 WHERE county_id = ${c} AND ${MARCH}`);
    expect(r).toEqual({ num: 8, den: 11, inpatient_num: 2, inpatient_den: 3 });
    // women and children apart: the same records, split by the resident
    const split = await one(`SELECT count(*)::int AS n FROM indicator_care_county_internal_visit_rate_v01 v
      WHERE county_id = ${c} AND ${MARCH} AND woman_or_child IS NOT NULL`);
    expect(split.n).toBe(11);
  });

  it('primary share 4/6 and TCM share 2/6; the 23:30 visit on 31 March stays in March', async () => {
    const p = await one(`SELECT count(*) FILTER (WHERE in_numerator)::int AS num, count(*)::int AS den
      FROM indicator_care_primary_visit_share_v01 WHERE county_id = ${c} AND ${MARCH}`);
    expect(p).toEqual({ num: 4, den: 6 });
    const t = await one(`SELECT count(*) FILTER (WHERE in_numerator)::int AS num, count(*)::int AS den
      FROM indicator_care_tcm_visit_share_v01 WHERE county_id = ${c} AND ${MARCH}`);
    expect(t).toEqual({ num: 2, den: 6 });
    const byTownship = await one(`SELECT count(*)::int AS n FROM indicator_care_primary_visit_share_v01
      WHERE ${MARCH} AND township_id = ${township}`);
    expect(byTownship.n).toBe(4);
  });

  it('ALOS (7 + 1) / 2 = 4 days; the cancelled stay never counts', async () => {
    const r = await one(`SELECT sum(los_days)::int AS num, count(*)::int AS den
      FROM indicator_care_average_length_of_stay_v01 WHERE county_id = ${c} AND ${MARCH}`);
    expect(r).toEqual({ num: 8, den: 2 });
  });

  it('bed use 8 occupied bed-days of 2 open beds × 31 days', async () => {
    const r = await one(`SELECT occupied_bed_days, open_bed_days FROM indicator_care_bed_use_rate_v01
      WHERE org_id = ${people} AND ${MARCH}`);
    expect(r).toEqual({ occupied_bed_days: 8, open_bed_days: 62 });
  });

  it('drug share 5,500 / 11,500 fen and consumables 1,200 / 11,500, refunds netted, cancelled visits out', async () => {
    const r =
      await one(`SELECT sum(drug_fen)::int AS drug, sum(consumable_fen)::int AS consumable, sum(total_fen)::int AS total
      FROM indicator_care_drug_share_v01 WHERE county_id = ${c} AND ${MARCH}`);
    expect(r).toEqual({ drug: 5500, consumable: 1200, total: 11500 });
  });
});
