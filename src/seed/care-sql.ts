import { icd10 } from '../referrals/icd10.ts';

/**
 * What the care generator's SQL statements share. Every statement is one INSERT … SELECT over
 * generate_series (or over rows generated before), run inside PostgreSQL: randomness comes
 * from md5 of the seed, a salt and the row key, so the same seed gives the same county and
 * nothing travels row by row between Node and the database.
 */
export interface CareSql {
  county: number;
  seed: string;
  /** the seed's reference instant (ISO): "a year" ends here */
  now: string;
  people: number;
  tcm: number;
  mch: number;
  /** the county's staff member named as entering generated register rows */
  clerk: number;
}

/**
 * A uniform number in [0, 1) from the seed, a salt and a row key (an SQL float8 expression).
 * The CTEs that draw them are MATERIALIZED: inlined, each use would compute its md5 again.
 */
export function u(c: CareSql, salt: string, key: string): string {
  return `((('x' || substr(md5('${c.seed}:${salt}:' || ${key}), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
}

/** The seed's reference instant as an SQL timestamptz literal. */
export const at = (c: CareSql) => `'${c.now}'::timestamptz`;

/**
 * Resident pools, numbered from 0 so a uniform number picks one with an equi-join:
 * res (every living resident, with the township centre they belong to), wc (women and
 * children under 15: the maternal-child centre's patients) and men (men 15 and over).
 */
export function residentPools(c: CareSql): string {
  const alive = `r.county_id = ${c.county} AND r.deceased_on IS NULL`;
  const child = `r.birth_date > ((${at(c)} AT TIME ZONE 'Asia/Shanghai')::date - interval '15 years')`;
  return `res AS (
      SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.org_id,
             CASE WHEN o.kind = 'village_clinic' THEN o.parent_id ELSE r.org_id END AS township
      FROM residents r JOIN orgs o ON o.id = r.org_id WHERE ${alive}),
    wc AS (SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.org_id FROM residents r
           WHERE ${alive} AND (r.sex = 'F' OR ${child})),
    men AS (SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.org_id FROM residents r
            WHERE ${alive} AND r.sex = 'M' AND NOT ${child})`;
}

/** Clinical departments per org as an array (lab, imaging, pharmacy … excluded). */
export const CLINICAL_DEPARTMENTS = `depts AS (
    SELECT org_id, array_agg(id ORDER BY id) AS ids FROM departments
    WHERE active AND code NOT IN ('lab', 'imaging', 'ecg', 'ultrasound', 'pathology', 'pharmacy', 'referral', 'public-health')
    GROUP BY org_id)`;

const DIAGNOSES = [
  'I10',
  'E11.9',
  'J06.9',
  'J20.9',
  'K29.7',
  'M54.5',
  'J44.1',
  'I63.9',
  'N39.0',
  'I25.1',
  'J18.9',
  'R51',
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A jsonb [{code, name}] of one common diagnosis, chosen by the SQL number in [0, 1) given:
 * one jsonb literal indexed per row (built per row, the 12 objects cost more than the row).
 */
export function diagnosisOf(unit: string): string {
  const all = JSON.stringify(DIAGNOSES.map((code) => [{ code, name: icd10(code)?.name ?? code }]));
  return `(${quote(all)}::jsonb -> floor(${unit} * ${DIAGNOSES.length})::int)`;
}

/**
 * The INSERT of fee lines from a CTE l (org_id, id of the visit or stay, resident_id, item,
 * qty, charged_at): each line priced from the one price list in force at charged_at, the
 * item's name, category and insurance class copied as the charge service does.
 */
export function insertFeeLines(c: CareSql, owner: 'visit_id' | 'stay_id'): string {
  return `INSERT INTO fee_lines (county_id, org_id, ${owner}, resident_id, item_code, item_name, category, insurance_class,
                              self_pay_bp, quantity, unit_price_fen, price_id, amount_fen, charged_at)
       SELECT ${c.county}, l.org_id, l.id, l.resident_id, i.code, i.name, i.category, i.insurance_class, i.self_pay_bp,
              l.qty, p.price_fen, p.id, round(l.qty * p.price_fen), l.charged_at
       FROM l JOIN charge_items i ON i.code = l.item
       JOIN charge_prices p ON p.item_code = i.code AND p.county_id = ${c.county}
         AND p.valid_from <= l.charged_at AND (p.valid_to IS NULL OR p.valid_to > l.charged_at)`;
}
