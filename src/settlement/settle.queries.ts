import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import {
  personCatOf,
  ZERO_ACCUMULATORS,
  type Accumulators,
  type BillGroup,
  type PersonCat,
  type Scheme,
} from './calc.ts';

/** what a settlement is of: a discharged stay or an outpatient visit, with the person and the hospital */
export interface Target {
  kind: 'stay' | 'visit';
  id: number;
  countyId: number;
  orgId: number;
  orgName: string;
  orgKind: string;
  orgLevel: string;
  residentId: number;
  status: string;
  /** the Shanghai day the bill is settled on: discharge day or visit day */
  day: string | null;
  diagnosisCode: string | null;
  scheme: Scheme;
  personCat: PersonCat;
  payLater: boolean;
}

export { hospLevelOf, personCatOf } from './calc.ts';

interface TargetRow {
  id: number;
  county_id: number;
  org_id: number;
  org_name: string;
  org_kind: string;
  org_level: string;
  resident_id: number;
  status: string;
  day: string | null;
  diagnosis_code: string | null;
  insurance_type: Scheme;
  registered_poor: boolean;
  assistance_category: string | null;
  pay_later: boolean | null;
  f_scheme: Scheme | null;
  f_person_cat: PersonCat | null;
}

const toTarget = (kind: 'stay' | 'visit', r: TargetRow): Target => ({
  kind,
  id: r.id,
  countyId: r.county_id,
  orgId: r.org_id,
  orgName: r.org_name,
  orgKind: r.org_kind,
  orgLevel: r.org_level,
  residentId: r.resident_id,
  status: r.status,
  day: r.day,
  diagnosisCode: r.diagnosis_code,
  // the admission check fixes scheme and category for the stay; otherwise the index says
  scheme: r.f_scheme ?? r.insurance_type,
  personCat: r.f_person_cat ?? personCatOf(r.registered_poor, r.assistance_category),
  payLater: r.pay_later ?? false,
});

export async function stayTarget(trx: Kdb, stayId: number): Promise<Target | null> {
  const { rows } = await sql<TargetRow>`
    SELECT s.id, s.county_id, s.org_id, o.name AS org_name, o.kind AS org_kind, o.level AS org_level, s.resident_id,
           s.status, to_char(s.discharged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
           coalesce(s.discharge_diagnoses->0->>'code', s.admission_diagnoses->0->>'code') AS diagnosis_code,
           r.insurance_type, r.registered_poor, r.assistance_category,
           f.pay_later, f.scheme AS f_scheme, f.person_cat AS f_person_cat
    FROM stays s JOIN orgs o ON o.id = s.org_id JOIN residents r ON r.id = s.resident_id
    LEFT JOIN stay_finance f ON f.stay_id = s.id
    WHERE s.id = ${stayId}`.execute(trx);
  return rows[0] ? toTarget('stay', rows[0]) : null;
}

export async function visitTarget(trx: Kdb, visitId: number): Promise<Target | null> {
  const { rows } = await sql<TargetRow>`
    SELECT v.id, v.county_id, v.org_id, o.name AS org_name, o.kind AS org_kind, o.level AS org_level, v.resident_id,
           v.status, to_char(v.visit_day, 'YYYY-MM-DD') AS day, v.diagnoses->0->>'code' AS diagnosis_code,
           r.insurance_type, r.registered_poor, r.assistance_category,
           NULL::boolean AS pay_later, NULL AS f_scheme, NULL AS f_person_cat
    FROM visits v JOIN orgs o ON o.id = v.org_id JOIN residents r ON r.id = v.resident_id
    WHERE v.id = ${visitId}`.execute(trx);
  return rows[0] ? toTarget('visit', rows[0]) : null;
}

/** the bill per insurance class and 乙类 ratio, refunds netted, in a stable order (it is hashed) */
export async function billOf(trx: Kdb, t: Target): Promise<BillGroup[]> {
  const col = sql.ref(t.kind === 'stay' ? 'stay_id' : 'visit_id');
  const { rows } = await sql<{ insurance_class: BillGroup['insurance_class']; self_pay_bp: number; amount: string }>`
    SELECT insurance_class, self_pay_bp, sum(amount_fen)::text AS amount
    FROM fee_lines WHERE ${col} = ${t.id}
    GROUP BY insurance_class, self_pay_bp ORDER BY insurance_class, self_pay_bp`.execute(trx);
  return rows
    .map((r) => ({ insurance_class: r.insurance_class, self_pay_bp: r.self_pay_bp, amount_fen: Number(r.amount) }))
    .filter((g) => g.amount_fen !== 0);
}

/** amounts per charge category, for the statement */
export async function categoriesOf(trx: Kdb, t: { kind: 'stay' | 'visit'; id: number }) {
  const col = sql.ref(t.kind === 'stay' ? 'stay_id' : 'visit_id');
  const { rows } = await sql<{ category: string; insurance_class: string; amount: string }>`
    SELECT category, insurance_class, sum(amount_fen)::text AS amount FROM fee_lines WHERE ${col} = ${t.id}
    GROUP BY category, insurance_class ORDER BY category, insurance_class`.execute(trx);
  return rows.map((r) => ({ category: r.category, insuranceClass: r.insurance_class, amountFen: Number(r.amount) }));
}

const ACC_COLUMNS = Object.keys(ZERO_ACCUMULATORS) as Array<keyof Accumulators>;

/** the person's year so far; with lock, the row is created if missing and held until commit */
export async function accumulators(
  trx: Kdb,
  residentId: number,
  year: number,
  countyId: number,
  lock: boolean,
): Promise<Accumulators> {
  if (lock)
    await sql`INSERT INTO settlement_accumulators (resident_id, year, county_id) VALUES (${residentId}, ${year}, ${countyId})
      ON CONFLICT (resident_id, year) DO NOTHING`.execute(trx);
  const { rows } = await sql<Record<string, string>>`
    SELECT * FROM settlement_accumulators WHERE resident_id = ${residentId} AND year = ${year}
    ${lock ? sql`FOR UPDATE` : sql``}`.execute(trx);
  const r = rows[0];
  if (!r) return { ...ZERO_ACCUMULATORS };
  return Object.fromEntries(ACC_COLUMNS.map((k) => [k, Number(r[k])])) as unknown as Accumulators;
}

/** adds a signed delta to the locked row (the CHECKs refuse anything that would go below zero) */
export async function addToAccumulators(
  trx: Kdb,
  residentId: number,
  year: number,
  delta: Accumulators,
  settlements: number,
): Promise<void> {
  const sets = ACC_COLUMNS.map((k) => sql`${sql.ref(k)} = ${sql.ref(k)} + ${delta[k]}`);
  await sql`UPDATE settlement_accumulators SET ${sql.join(sets)}, settlements = settlements + ${settlements}, updated_at = now()
    WHERE resident_id = ${residentId} AND year = ${year}`.execute(trx);
}

export { accDelta, negate } from './calc.ts';

/** the deposit still held for a stay: deposits less their refunds less what live settlements applied */
export async function depositBalance(trx: Kdb, stayId: number): Promise<number> {
  const { rows } = await sql<{ held: string; applied: string }>`
    SELECT coalesce((SELECT sum(amount_fen) FROM cash_movements WHERE stay_id = ${stayId}
                      AND kind IN ('deposit', 'deposit_refund')), 0)::text AS held,
           coalesce((SELECT sum(deposit_fen) FROM settlements WHERE stay_id = ${stayId} AND kind = 'settlement'
                      AND status = 'confirmed' AND reversed_by_id IS NULL), 0)::text AS applied`.execute(trx);
  const r = rows[0];
  return r ? Number(r.held) - Number(r.applied) : 0;
}

export async function nextNumber(
  trx: Kdb,
  seq: 'settlement_no_seq' | 'cash_receipt_seq' | 'claim_batch_seq',
): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT nextval(${seq}::regclass)::text AS n`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}
