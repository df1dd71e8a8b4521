import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { addDays, shanghaiDate, SHANGHAI_OFFSET_MS } from '../platform/calendar.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { canonicalJson } from '../platform/idempotency.ts';
import { must } from '../platform/must.ts';
import {
  calculate,
  CalcError,
  chronicCovers,
  depositFor,
  pickPackage,
  pickRules,
  ZERO_ACCUMULATORS,
  accDelta,
  hospLevelOf,
  negate,
  personCatOf,
  type Accumulators,
  type BillGroup,
  type CalcResult,
  type HospLevel,
  type Package,
  type Payer,
  type PersonCat,
  type Rule,
  type Scheme,
  type Setting,
  type Tier,
} from '../settlement/calc.ts';
import { contentOf } from '../settlement/policy.service.ts';
import { FIELD_NAMES, PAYER_FIELD } from '../settlement/settle.service.ts';
import { Rng } from './random.ts';

/**
 * The one-stop settlement demo (issue 15): a policy version of DEMO parameters (modelled on
 * Shanxi / Lüliang practice, not official policy, and labelled so on every screen), then a
 * year of settlements for the county's discharged stays and a sample of township and village
 * visits, each computed by the real chain (calc.ts) in memory in the order they were
 * confirmed, with each person's year carried in a map exactly as the accumulators table
 * would carry it, and stored with the inputs, hash and lines compute() and confirm() write,
 * so /api/settlements/:id/verify reproduces every one. Then the till (deposits at
 * admission, refunds and payments at settlement), about 1% reversals (half of them
 * re-settled with a charge that had been missed), the receivables claimed month by month
 * with the payers' returns (one batch partly rejected), and the people's hospital desk left
 * with work: the last days' discharges to settle and a few admissions to check.
 * Everything goes in as multi-row INSERTs from jsonb (jsonb_to_recordset), never a row per
 * round trip: the jiexiu profile's 42,000 stays take the same statements as the demo's 1,000.
 */

export interface SettlementSeedOptions {
  countyId: number;
  seed: number;
  now: Date;
  /** share of township and village visits with charges that are settled (门诊统筹 / 门诊慢特病) */
  visitShare?: number;
  /** told after each part, with its duration */
  onStep?: (step: string, ms: number) => void;
}

export interface SettlementSeedResult {
  versionId: number;
  settlements: number;
  reversals: number;
  batches: number;
  unsettledAtPeople: number;
}

export const DEMO_POLICY_TITLE = '演示参数（非官方政策）';
const DOC_REF =
  '演示参数：参照山西省吕梁市城乡居民医保、大病保险、医疗救助及"136"兜底做法设定的示例数值，非官方政策文件';

type RuleSeed = Omit<Rule, 'id' | 'tiers' | 'doc_ref'> & { tiers: Tier[] | null };

const blank = {
  deductible_fen: null,
  deductible_per: null,
  ratio_bp: null,
  threshold_fen: null,
  tiers: null,
  annual_cap_fen: null,
  cap_fen: null,
  cap_scope: null,
  cap_period: null,
  amount_fen: null,
  diseases: null,
} as const;

type Who = Pick<Rule, 'scheme' | 'person_cat' | 'setting' | 'hosp_level'>;
const rule = (who: Who, layer: Rule['layer'], p: Partial<RuleSeed>): RuleSeed => ({ ...blank, ...who, layer, ...p });
const basic = (who: Who, deductible: number, per: 'stay' | 'year', ratio: number, cap: number | null = null) =>
  rule(who, 'basic', { deductible_fen: deductible, deductible_per: per, ratio_bp: ratio, annual_cap_fen: cap });

/** 门诊慢特病: hypertension, diabetes, coronary disease, stroke sequelae, COPD */
const CHRONIC_DISEASES = ['I10', 'E11', 'I25', 'I63', 'J44'];

/**
 * The demo parameters (fen, basis points). Residents: inpatient deductible per stay ¥200 at
 * primary level, ¥500 at county level (registered poor halved), 90% / 80% (+5 points for the
 * poor); 大病保险 above ¥10,000 of the year's compliant self-pay (poor ¥5,000) at 60% to
 * ¥50,000 then 70% (+5 points poor); 补充医疗保险 for the poor at 40%; 医疗救助 for the poor,
 * 低保 and 特困 at 70% above ¥100 a settlement, within ¥30,000 a year; "136" 兜底: a poor
 * patient pays at most ¥1,000 a year at primary and county level; deposits ¥500 / ¥2,000.
 * 门诊统筹 at primary level (55%, ¥400 a year), 门诊慢特病 for the listed diagnoses (65%,
 * ¥4,000 a year). Employees: higher ratios, no poverty layers. Supplementary at 40% and the
 * assistance threshold are what bring the poor inpatients' reimbursement to ~89% of the bill
 * (the seeds' 88.39–90.93%; settlement-seed.test.ts holds it within 85–93%).
 */
export function demoRules(): RuleSeed[] {
  const out: RuleSeed[] = [];
  const R = 'resident' as const;
  const E = 'employee' as const;
  const ip = (
    scheme: 'resident' | 'employee',
    person_cat: Rule['person_cat'],
    hosp_level: Rule['hosp_level'],
  ): Who => ({
    scheme,
    person_cat,
    setting: 'inpatient',
    hosp_level,
  });
  // 基本医保, inpatient
  out.push(basic(ip(R, '*', 'primary'), 20_000, 'stay', 9000, 15_000_000));
  out.push(basic(ip(R, '*', 'county'), 50_000, 'stay', 8000, 15_000_000));
  out.push(basic(ip(R, '*', '*'), 100_000, 'stay', 6500, 15_000_000));
  out.push(basic(ip(R, 'poor', 'primary'), 10_000, 'stay', 9500, 15_000_000));
  out.push(basic(ip(R, 'poor', 'county'), 25_000, 'stay', 8500, 15_000_000));
  out.push(basic(ip(R, 'poor', '*'), 50_000, 'stay', 7000, 15_000_000));
  out.push(basic(ip(E, '*', 'primary'), 20_000, 'stay', 9200, 20_000_000));
  out.push(basic(ip(E, '*', 'county'), 40_000, 'stay', 9000, 20_000_000));
  out.push(basic(ip(E, '*', '*'), 80_000, 'stay', 8500, 20_000_000));
  // 大病保险
  out.push(
    rule(ip(R, '*', '*'), 'serious', {
      threshold_fen: 1_000_000,
      tiers: [
        { upto_fen: 5_000_000, ratio_bp: 6000 },
        { upto_fen: null, ratio_bp: 7000 },
      ],
      annual_cap_fen: 40_000_000,
    }),
  );
  out.push(
    rule(ip(R, 'poor', '*'), 'serious', {
      threshold_fen: 500_000,
      tiers: [
        { upto_fen: 5_000_000, ratio_bp: 6500 },
        { upto_fen: null, ratio_bp: 7500 },
      ],
    }),
  );
  out.push(
    rule(ip(E, '*', '*'), 'serious', {
      threshold_fen: 1_500_000,
      tiers: [{ upto_fen: null, ratio_bp: 8000 }],
      annual_cap_fen: 40_000_000,
    }),
  );
  // 补充医疗保险 (poor only), 医疗救助, "136" 兜底
  out.push(rule(ip(R, 'poor', '*'), 'supplementary', { ratio_bp: 4000, threshold_fen: 0 }));
  for (const cat of ['poor', 'low_income', 'extreme_poor'] as const)
    out.push(
      rule(ip(R, cat, '*'), 'assistance', {
        ratio_bp: 7000,
        threshold_fen: 10_000,
        annual_cap_fen: 3_000_000,
      }),
    );
  for (const level of ['primary', 'county'] as const)
    out.push(rule(ip(R, 'poor', level), 'doudi', { cap_fen: 100_000, cap_scope: 'all', cap_period: 'year' }));
  // deposits asked at admission of anyone not admitted pay-later
  for (const scheme of [R, E])
    for (const [level, amount] of [
      ['primary', 50_000],
      ['county', 200_000],
    ] as const)
      out.push(rule(ip(scheme, '*', level), 'deposit', { amount_fen: amount }));
  // 门诊统筹 (primary level) and 门诊慢特病
  const op = (scheme: 'resident' | 'employee', person_cat: Rule['person_cat'], setting: Setting): Who => ({
    scheme,
    person_cat,
    setting,
    hosp_level: setting === 'outpatient' ? 'primary' : '*',
  });
  out.push(basic(op(R, '*', 'outpatient'), 0, 'year', 5500, 40_000));
  out.push(basic(op(R, 'poor', 'outpatient'), 0, 'year', 6000, 60_000));
  out.push(basic(op(E, '*', 'outpatient'), 0, 'year', 6000, 150_000));
  out.push({ ...basic(op(R, '*', 'chronic'), 0, 'year', 6500, 400_000), diseases: CHRONIC_DISEASES });
  out.push({ ...basic(op(R, 'poor', 'chronic'), 0, 'year', 7000, 500_000), diseases: CHRONIC_DISEASES });
  out.push({ ...basic(op(E, '*', 'chronic'), 0, 'year', 8000, 600_000), diseases: CHRONIC_DISEASES });
  return out;
}

/** 单病种付费: diagnoses the demo stays carry (care-sql.ts), priced near their usual bills */
export const DEMO_PACKAGES: ReadonlyArray<Omit<Package, 'id' | 'org_id'>> = [
  {
    code: 'DBZ-J18',
    disease_name: '社区获得性肺炎',
    icd_prefixes: ['J18'],
    hosp_level: 'county',
    fixed_price_fen: 400_000,
    patient_share_bp: 1500,
  },
  {
    code: 'DBZ-J44',
    disease_name: '慢性阻塞性肺疾病急性加重',
    icd_prefixes: ['J44'],
    hosp_level: 'county',
    fixed_price_fen: 420_000,
    patient_share_bp: 1500,
  },
  {
    code: 'DBZ-I63',
    disease_name: '脑梗死',
    icd_prefixes: ['I63'],
    hosp_level: 'county',
    fixed_price_fen: 450_000,
    patient_share_bp: 1500,
  },
  {
    code: 'DBZ-J20',
    disease_name: '急性支气管炎',
    icd_prefixes: ['J20'],
    hosp_level: 'primary',
    fixed_price_fen: 200_000,
    patient_share_bp: 1000,
  },
  {
    code: 'DBZ-K29',
    disease_name: '慢性胃炎',
    icd_prefixes: ['K29'],
    hosp_level: 'primary',
    fixed_price_fen: 180_000,
    patient_share_bp: 1000,
  },
  {
    code: 'DBZ-N39',
    disease_name: '尿路感染',
    icd_prefixes: ['N39'],
    hosp_level: 'primary',
    fixed_price_fen: 180_000,
    patient_share_bp: 1000,
  },
];

/** a payer's reasons for refusing a claimed line (the partly rejected batch) */
const REJECT_REASONS = ['超限用药', '诊断与收费不符', '重复收费'];
const METHODS = ['cash', 'wechat', 'alipay', 'card'] as const;
type Method = (typeof METHODS)[number] | 'transfer';

const CHUNK = 2000;
const MINUTE = 60_000;
const DAY = 86_400_000;

interface OrgInfo {
  id: number;
  kind: string;
  level: string;
  parent_id: number | null;
  name: string;
}

interface TargetRow {
  kind: 'stay' | 'visit';
  id: number;
  org_id: number;
  resident_id: number;
  status: string;
  day: string | null;
  dx: string | null;
  start_at: Date;
  end_at: Date | null;
  insurance_type: Scheme;
  registered_poor: boolean;
  assistance_category: string | null;
  bill: Array<{ c: BillGroup['insurance_class']; bp: number; a: string }>;
}

interface Settled {
  no: string;
  kind: 'settlement' | 'reversal';
  target: TargetRow;
  reverses?: string;
  setting: Setting;
  scheme: Scheme;
  personCat: PersonCat;
  hospLevel: HospLevel;
  year: number;
  day: string;
  payLater: boolean;
  packageId: number | null;
  inputs: Record<string, unknown>;
  hash: string;
  fields: Record<(typeof FIELD_NAMES)[number], number>;
  deposit: number;
  refund: number;
  collected: number;
  reason: string | null;
  clerk: number;
  at: Date;
  result: CalcResult | null;
  before: Accumulators | null;
}

interface Cash {
  org_id: number;
  stay_id: number | null;
  visit_id: number | null;
  settlement_no: string | null;
  kind: 'deposit' | 'deposit_refund' | 'settlement_pay' | 'settlement_refund';
  amount_fen: number;
  method: Method;
  receipt_no: string;
  clerk_id: number;
  at: string;
}

const ACC_KEYS = Object.keys(ZERO_ACCUMULATORS) as Array<keyof Accumulators>;
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const ymd = (day: string) => day.replaceAll('-', '');
/** 00:00 Asia/Shanghai of a day, as an instant */
const shanghaiMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};

/** n values of a sequence in one round trip */
async function nextNumbers(
  trx: Kdb,
  seq: 'settlement_no_seq' | 'cash_receipt_seq' | 'claim_batch_seq',
  n: number,
): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ n: string }>`
    SELECT nextval(${seq}::regclass)::text AS n FROM generate_series(1, ${n})`.execute(trx);
  return rows.map((r) => Number(r.n));
}

/** INSERT … SELECT FROM jsonb_to_recordset in chunks; returns the RETURNING rows */
async function insertJson<R = Record<string, unknown>>(
  trx: Kdb,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: ReadonlyArray<Record<string, unknown>>,
  returning = '',
  chunk = CHUNK,
): Promise<R[]> {
  const names = columns.map(([c]) => c).join(', ');
  const defs = columns.map(([c, t]) => `${c} ${t}`).join(', ');
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const { rows: got } = await sql<R>`INSERT INTO ${sql.raw(table)} (${sql.raw(names)})
      SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS x(${sql.raw(defs)})
      ${sql.raw(returning ? `RETURNING ${returning}` : '')}`.execute(trx);
    out.push(...got);
  }
  return out;
}

export async function seedSettlement(db: Kdb, opts: SettlementSeedOptions): Promise<SettlementSeedResult> {
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'kind', 'level', 'parent_id', 'name'])
    .where('county_id', '=', opts.countyId)
    .execute();
  return withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, (trx) => run(trx, opts, orgs));
}

async function run(trx: Kdb, opts: SettlementSeedOptions, orgList: OrgInfo[]): Promise<SettlementSeedResult> {
  const { countyId, now } = opts;
  const rng = new Rng(opts.seed, 'settlement');
  await sql`SET LOCAL enable_nestloop = off`.execute(trx);
  await sql`SET LOCAL jit = off`.execute(trx);
  const orgs = new Map(orgList.map((o) => [o.id, o]));
  const people = orgList.find((o) => o.kind === 'county_hospital' && o.name.endsWith('人民医院'))?.id ?? 0;
  const today = shanghaiDate(now);
  let mark = performance.now();
  const done = (step: string) => {
    const t = performance.now();
    opts.onStep?.(step, t - mark);
    mark = t;
  };

  // ---- who works the desks: the demo clerk at the people's hospital, a clerk per hospital and centre
  const staff = await sql<{ id: number; org_id: number; username: string; roles: string[] }>`
    SELECT id, org_id, username, roles FROM staff WHERE county_id = ${countyId} ORDER BY id`.execute(trx);
  const clerks = staff.rows.filter((s) => s.roles.includes('clerk'));
  const mainClerk =
    clerks.find((s) => s.username === 'clerk')?.id ??
    clerks.find((s) => s.org_id === people)?.id ??
    clerks[0]?.id ??
    must(staff.rows[0], 'a staff member').id;
  const admin = staff.rows.find((s) => s.roles.includes('admin'))?.id ?? mainClerk;
  const clerkAt = new Map<number, number>();
  for (const c of [...clerks].reverse()) clerkAt.set(c.org_id, c.id);
  clerkAt.set(people, mainClerk);
  // a village clinic's settlements are made at its township centre's desk
  const clerkOf = (orgId: number): number =>
    clerkAt.get(orgId) ?? clerkAt.get(orgs.get(orgId)?.parent_id ?? 0) ?? mainClerk;

  // ---- 1. the policy version (draft → rules and packages → published)
  const effectiveFrom = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const publishedAt = new Date(shanghaiMidnight(addDays(effectiveFrom, -10)).getTime() + 10 * 3600_000);
  const { rows: vn } = await sql<{ n: number }>`
    SELECT coalesce(max(version_no), 0)::int + 1 AS n FROM settlement_policy_versions WHERE county_id = ${countyId}`.execute(
    trx,
  );
  const version = await trx
    .insertInto('settlement_policy_versions')
    .values({
      county_id: countyId,
      version_no: must(vn[0], 'version number').n,
      title: DEMO_POLICY_TITLE,
      effective_from: effectiveFrom,
      doc_ref: DOC_REF,
      demo: true,
      created_by: admin,
      created_at: new Date(publishedAt.getTime() - DAY),
    })
    .returning(['id', 'version_no'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('settlement_rules')
    .values(
      demoRules().map((r) => ({
        ...r,
        version_id: version.id,
        tiers: r.tiers ? JSON.stringify(r.tiers) : null,
        doc_ref: '演示参数',
      })),
    )
    .execute();
  await trx
    .insertInto('settlement_packages')
    .values(DEMO_PACKAGES.map((p) => ({ ...p, version_id: version.id, org_id: null, doc_ref: '演示参数' })))
    .execute();
  await trx
    .updateTable('settlement_policy_versions')
    .set({ status: 'published', published_by: admin, published_at: publishedAt })
    .where('id', '=', version.id)
    .execute();
  // read back exactly as versionOn / contentOf give them to compute() and verify()
  const { rules, packages } = await contentOf(trx, version.id);

  done('settlement policy');
  // ---- 2. what is to be settled: every stay of the county, a sample of primary-level visits
  const share = opts.visitShare ?? 0.25;
  // the sample of visits: a uniform number from md5 of the seed and the visit id, as care-sql.ts draws them
  const sampled = sql`(('x' || substr(md5(${String(opts.seed)} || ':settle-visit:' || x.id), 1, 8))::bit(32)::int::bigint
    & 2147483647) < ${Math.round(share * 2147483648)}`;
  const primary = orgList.filter((o) => o.kind === 'township_center' || o.kind === 'village_clinic').map((o) => o.id);
  const { rows: stayRows } = await sql<Omit<TargetRow, 'kind' | 'bill'>>`
    SELECT x.id, x.org_id, x.resident_id, x.status,
           to_char(x.discharged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
           coalesce(x.discharge_diagnoses->0->>'code', x.admission_diagnoses->0->>'code') AS dx,
           x.admitted_at AS start_at, x.discharged_at AS end_at, r.insurance_type, r.registered_poor, r.assistance_category
    FROM stays x JOIN residents r ON r.id = x.resident_id
    WHERE x.county_id = ${countyId} AND x.status IN ('admitted', 'discharged')
      AND NOT EXISTS (SELECT 1 FROM stay_finance f WHERE f.stay_id = x.id)
      AND NOT EXISTS (SELECT 1 FROM settlements st WHERE st.stay_id = x.id)
    ORDER BY x.id`.execute(trx);
  const { rows: visitRows } = await sql<Omit<TargetRow, 'kind' | 'bill'>>`
    SELECT x.id, x.org_id, x.resident_id, x.status, to_char(x.visit_day, 'YYYY-MM-DD') AS day,
           x.diagnoses->0->>'code' AS dx, x.registered_at AS start_at, NULL::timestamptz AS end_at,
           r.insurance_type, r.registered_poor, r.assistance_category
    FROM visits x JOIN residents r ON r.id = x.resident_id
    WHERE x.county_id = ${countyId} AND x.status <> 'cancelled' AND x.org_id = ANY(${primary}::int[])
      AND x.registered_at < ${now} AND ${sampled}
      AND NOT EXISTS (SELECT 1 FROM settlements st WHERE st.visit_id = x.id)
    ORDER BY x.id`.execute(trx);
  // the bills, grouped as billOf() groups them: one aggregate over the county's charges (a
  // correlated subquery per stay under row-level security measured ten times slower)
  type BillRow = { id: number; c: BillGroup['insurance_class']; bp: number; a: string };
  const { rows: stayBills } = await sql<BillRow>`
    SELECT stay_id AS id, insurance_class AS c, self_pay_bp AS bp, sum(amount_fen)::text AS a FROM fee_lines
    WHERE county_id = ${countyId} AND stay_id IS NOT NULL GROUP BY 1, 2, 3`.execute(trx);
  const { rows: visitBills } = await sql<BillRow>`
    SELECT fl.visit_id AS id, fl.insurance_class AS c, fl.self_pay_bp AS bp, sum(fl.amount_fen)::text AS a
    FROM fee_lines fl JOIN visits x ON x.id = fl.visit_id
    WHERE fl.county_id = ${countyId} AND fl.visit_id IS NOT NULL AND x.org_id = ANY(${primary}::int[]) AND ${sampled}
    GROUP BY 1, 2, 3`.execute(trx);
  const billsOf = (rows: BillRow[]) => {
    const m = new Map<number, BillRow[]>();
    for (const r of rows) {
      const list = m.get(r.id);
      if (list) list.push(r);
      else m.set(r.id, [r]);
    }
    return m;
  };
  const stayBill = billsOf(stayBills);
  const visitBill = billsOf(visitBills);
  const asTarget =
    (kind: 'stay' | 'visit') =>
    (r: Omit<TargetRow, 'kind' | 'bill'>): TargetRow => ({
      ...r,
      kind,
      bill: (kind === 'stay' ? stayBill : visitBill).get(r.id) ?? [],
      start_at: new Date(r.start_at),
      end_at: r.end_at === null ? null : new Date(r.end_at),
    });
  const stays = stayRows.map(asTarget('stay'));
  // a visit whose charges were all refunded has nothing to settle
  const visits = visitRows.map(asTarget('visit')).filter((v) => v.bill.some((g) => Number(g.a) !== 0));

  done('settlement targets');
  const catOf = (t: TargetRow) => personCatOf(t.registered_poor, t.assistance_category);
  const levelOf = (orgId: number) => {
    const o = must(orgs.get(orgId), `org ${orgId}`);
    return hospLevelOf(o.kind, o.level);
  };

  // ---- the desk's work at the people's hospital: the last days' discharges and a few admissions unchecked
  const recentFrom = addDays(today, -1);
  const dischargedHere = stays
    .filter((s) => s.status === 'discharged' && s.org_id === people)
    .sort((a, b) => (b.end_at?.getTime() ?? 0) - (a.end_at?.getTime() ?? 0));
  const unsettled = new Set(dischargedHere.filter((s) => (s.day ?? '') >= recentFrom).map((s) => s.id));
  // at least one, and at least one registered poor resident (admitted pay-later) among them
  const latest = dischargedHere[0];
  if (latest) unsettled.add(latest.id);
  const poor = dischargedHere.find((s) => s.registered_poor);
  if (poor && !dischargedHere.some((s) => unsettled.has(s.id) && s.registered_poor)) unsettled.add(poor.id);
  const unchecked = new Set(
    stays
      .filter((s) => s.status === 'admitted' && s.org_id === people)
      .sort((a, b) => b.start_at.getTime() - a.start_at.getTime())
      .slice(0, 3)
      .map((s) => s.id),
  );

  // ---- 入院核验 and deposits for every stay (but the unchecked)
  const finance = stays
    .filter((s) => !unchecked.has(s.id))
    .map((s) => {
      const personCat = catOf(s);
      const payLater = personCat === 'poor';
      const admitDay = shanghaiDate(s.start_at);
      const asked =
        payLater || admitDay < effectiveFrom
          ? 0
          : depositFor(rules, { scheme: s.insurance_type, personCat, hospLevel: levelOf(s.org_id) });
      return {
        stay: s,
        row: {
          stay_id: s.id,
          county_id: countyId,
          org_id: s.org_id,
          scheme: s.insurance_type,
          person_cat: personCat,
          pay_later: payLater,
          deposit_asked_fen: asked,
          checked_by: clerkOf(s.org_id),
          checked_at: new Date(s.start_at.getTime() + 10 * MINUTE).toISOString(),
        },
      };
    });
  await insertJson(
    trx,
    'stay_finance',
    [
      ['stay_id', 'int'],
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['scheme', 'text'],
      ['person_cat', 'text'],
      ['pay_later', 'boolean'],
      ['deposit_asked_fen', 'bigint'],
      ['checked_by', 'int'],
      ['checked_at', 'timestamptz'],
    ],
    finance.map((f) => f.row),
  );
  const financeOf = new Map(finance.map((f) => [f.stay.id, f.row]));
  const cash: Array<Omit<Cash, 'receipt_no'> & { prefix: 'YJ' | 'SK'; day: string }> = [];
  const depositsNet = new Map<number, number>();
  for (const f of finance) {
    if (f.row.deposit_asked_fen <= 0) continue;
    const at = new Date(f.stay.start_at.getTime() + 25 * MINUTE);
    cash.push({
      org_id: f.stay.org_id,
      stay_id: f.stay.id,
      visit_id: null,
      settlement_no: null,
      kind: 'deposit',
      amount_fen: f.row.deposit_asked_fen,
      method: rng.pick(METHODS),
      prefix: 'YJ',
      day: shanghaiDate(at),
      clerk_id: f.row.checked_by,
      at: at.toISOString(),
    });
    depositsNet.set(f.stay.id, f.row.deposit_asked_fen);
  }

  // ---- reversals: ~1% of the settlements older than ten days; stays are re-settled with a missed charge
  const settleAt = (t: TargetRow): Date => {
    const base = t.kind === 'stay' ? must(t.end_at, 'discharge time') : t.start_at;
    const delay = (t.kind === 'stay' ? 30 + rng.int(0, 210) : 10 + rng.int(0, 80)) * MINUTE;
    return new Date(Math.min(base.getTime() + delay, now.getTime() - MINUTE));
  };
  const toSettle = [...stays.filter((s) => s.status === 'discharged' && !unsettled.has(s.id)), ...visits]
    .map((t) => ({ t, at: settleAt(t) }))
    .filter((x) => x.at.getTime() > x.t.start_at.getTime());
  const pickFew = (kind: 'stay' | 'visit') => {
    const eligible = toSettle.filter((x) => x.t.kind === kind && x.at.getTime() < now.getTime() - 10 * DAY);
    const n = eligible.length ? Math.max(1, Math.round(eligible.length * 0.01)) : 0;
    return eligible
      .map((x) => ({ x, k: sha256(`${opts.seed}:reverse:${kind}:${x.t.id}`) }))
      .sort((a, b) => (a.k < b.k ? -1 : 1))
      .slice(0, n)
      .map((e) => e.x.t.id);
  };
  const reverseStays = new Set(pickFew('stay'));
  const reverseVisits = new Set(pickFew('visit'));
  // the charge the original bill missed: a chest CT, added before anything is settled
  const { rows: missed } = await sql<{
    insurance_class: BillGroup['insurance_class'];
    self_pay_bp: number;
    price: string;
  }>`
    SELECT i.insurance_class, i.self_pay_bp, p.price_fen::text AS price FROM charge_items i
    JOIN charge_prices p ON p.item_code = i.code AND p.county_id = ${countyId} AND p.valid_to IS NULL
    WHERE i.code = 'IMG-CT-CHEST' ORDER BY p.valid_from DESC LIMIT 1`.execute(trx);
  const missedLine = missed[0];
  if (missedLine && reverseStays.size)
    await sql`INSERT INTO fee_lines (county_id, org_id, stay_id, resident_id, item_code, item_name, category, insurance_class,
        self_pay_bp, quantity, unit_price_fen, price_id, amount_fen, charged_at, created_by)
      SELECT s.county_id, s.org_id, s.id, s.resident_id, i.code, i.name, i.category, i.insurance_class, i.self_pay_bp, 1,
             p.price_fen, p.id, p.price_fen, s.discharged_at - interval '2 hours', ${mainClerk}
      FROM stays s JOIN charge_items i ON i.code = 'IMG-CT-CHEST'
      JOIN charge_prices p ON p.item_code = i.code AND p.county_id = ${countyId} AND p.valid_to IS NULL
      WHERE s.id = ANY(${[...reverseStays]}::int[])`.execute(trx);

  done('settlement finance');
  // ---- 3. the chain, in the order the settlements were confirmed
  type Event =
    | { at: Date; kind: 'settle'; t: TargetRow; corrected: boolean }
    | { at: Date; kind: 'reverse'; t: TargetRow; reason: string };
  const events: Event[] = [];
  for (const { t, at } of toSettle) {
    events.push({ at, kind: 'settle', t, corrected: false });
    const again = t.kind === 'stay' ? reverseStays.has(t.id) : reverseVisits.has(t.id);
    if (!again) continue;
    const rev = new Date(at.getTime() + (1 + rng.int(0, 2)) * DAY + rng.int(0, 300) * MINUTE);
    const corrected = t.kind === 'stay' && missedLine !== undefined;
    events.push({
      at: rev,
      kind: 'reverse',
      t,
      reason: corrected ? '漏记胸部CT检查费用，冲销后补记重新结算' : '参保身份信息有误，冲销待医保经办核实',
    });
    if (corrected) events.push({ at: new Date(rev.getTime() + 20 * MINUTE), kind: 'settle', t, corrected: true });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.t.kind < b.t.kind ? -1 : 1) || a.t.id - b.t.id);

  const acc = new Map<string, { acc: Accumulators; n: number }>();
  const live = new Map<string, Settled>();
  const settled: Settled[] = [];
  const applied = new Map<number, number>();
  let tmp = 0;
  const tmpNo = () => `TMP${String(++tmp).padStart(9, '0')}`;
  for (const e of events) {
    const t = e.t;
    const ownerKey = `${t.kind}:${t.id}`;
    const day = must(t.day, 'settlement day');
    const year = Number(day.slice(0, 4));
    const accKey = `${t.resident_id}:${year}`;
    const clerk = clerkOf(t.org_id);
    if (e.kind === 'reverse') {
      const s = live.get(ownerKey);
      if (!s?.result || !s.before) continue;
      const delta = accDelta(s.result.after, s.before);
      const a = must(acc.get(accKey), 'accumulators');
      a.acc = accDelta(a.acc, delta);
      a.n -= 1;
      if (t.kind === 'stay') applied.set(t.id, (applied.get(t.id) ?? 0) - s.deposit);
      live.delete(ownerKey);
      const r: Settled = {
        ...s,
        no: tmpNo(),
        kind: 'reversal',
        reverses: s.no,
        inputs: { reverses: s.no, reason: e.reason, accumulatorDelta: negate(delta) },
        hash: '',
        fields: Object.fromEntries(FIELD_NAMES.map((k) => [k, -s.fields[k]])) as Settled['fields'],
        deposit: -s.deposit,
        refund: 0,
        collected: -s.collected,
        reason: e.reason,
        at: e.at,
        result: null,
        before: null,
      };
      settled.push(r);
      if (s.collected > 0)
        cash.push({
          org_id: t.org_id,
          stay_id: t.kind === 'stay' ? t.id : null,
          visit_id: t.kind === 'visit' ? t.id : null,
          settlement_no: r.no,
          kind: 'settlement_refund',
          amount_fen: -s.collected,
          method: 'cash',
          prefix: 'SK',
          day,
          clerk_id: clerk,
          at: e.at.toISOString(),
        });
      continue;
    }
    // compute(): the same inputs in the same shape, hashed the same way
    const f = t.kind === 'stay' ? financeOf.get(t.id) : undefined;
    const scheme: Scheme = f ? f.scheme : t.insurance_type;
    const personCat: PersonCat = f ? f.person_cat : catOf(t);
    const hospLevel = levelOf(t.org_id);
    const who = { scheme, personCat, hospLevel };
    let setting: Setting = t.kind === 'stay' ? 'inpatient' : 'outpatient';
    if (setting === 'outpatient' && chronicCovers(pickRules(rules, { ...who, setting: 'chronic' }).basic, t.dx))
      setting = 'chronic';
    const applying = pickRules(rules, { ...who, setting });
    const pkg =
      setting === 'inpatient' && scheme !== 'none'
        ? pickPackage(packages, { diagnosisCode: t.dx, orgId: t.org_id, hospLevel })
        : null;
    const bill = billOf(t, e.corrected ? missedLine : undefined);
    const a = acc.get(accKey) ?? { acc: { ...ZERO_ACCUMULATORS }, n: 0 };
    const before = { ...a.acc };
    const inputs = {
      target: { kind: t.kind, id: t.id },
      day,
      setting,
      who,
      diagnosisCode: t.dx,
      version: { id: version.id, no: version.version_no },
      rules: applying,
      package: pkg,
      bill,
      before,
    };
    let result: CalcResult;
    try {
      result = calculate({ setting, bill, rules: applying, package: pkg, before });
    } catch (err) {
      if (err instanceof CalcError) continue; // a bill the desk could not settle either
      throw err;
    }
    a.acc = result.after;
    a.n += 1;
    acc.set(accKey, a);
    const fields = result.fields;
    const held = t.kind === 'stay' ? (depositsNet.get(t.id) ?? 0) - (applied.get(t.id) ?? 0) : 0;
    const use = Math.max(0, Math.min(held, fields.psn_part_amt));
    const refund = Math.max(0, held - fields.psn_part_amt);
    const collected = fields.psn_part_amt - use;
    const s: Settled = {
      no: tmpNo(),
      kind: 'settlement',
      target: t,
      setting,
      scheme,
      personCat,
      hospLevel,
      year,
      day,
      payLater: f?.pay_later ?? false,
      packageId: result.package_id,
      inputs: { ...inputs, result },
      hash: sha256(canonicalJson(inputs)),
      fields: { ...fields },
      deposit: use,
      refund,
      collected,
      reason: null,
      clerk,
      at: e.at,
      result,
      before,
    };
    settled.push(s);
    live.set(ownerKey, s);
    if (t.kind === 'stay') {
      applied.set(t.id, (applied.get(t.id) ?? 0) + use);
      if (refund > 0) depositsNet.set(t.id, (depositsNet.get(t.id) ?? 0) - refund);
    }
    const method = rng.pick(METHODS);
    for (const [kind, amount] of [
      ['deposit_refund', -refund],
      ['settlement_pay', collected],
    ] as const)
      if (amount !== 0)
        cash.push({
          org_id: t.org_id,
          stay_id: t.kind === 'stay' ? t.id : null,
          visit_id: t.kind === 'visit' ? t.id : null,
          settlement_no: s.no,
          kind,
          amount_fen: amount,
          method,
          prefix: 'SK',
          day,
          clerk_id: clerk,
          at: e.at.toISOString(),
        });
  }

  done('settlement chain');
  // ---- numbers from the sequences, in confirmation order (JS… for settlements, CX… for reversals)
  const seqs = await nextNumbers(trx, 'settlement_no_seq', settled.length);
  const realNo = new Map<string, string>();
  settled.forEach((s, i) => {
    const no = `${s.kind === 'settlement' ? 'JS' : 'CX'}${ymd(s.day)}${String(seqs[i]).padStart(7, '0')}`;
    realNo.set(s.no, no);
    s.no = no;
  });
  for (const s of settled)
    if (s.kind === 'reversal') {
      s.reverses = must(realNo.get(must(s.reverses, 'reversed number')), 'reversed number');
      s.inputs = { ...s.inputs, reverses: s.reverses };
      s.hash = sha256(canonicalJson({ reverses: s.reverses, reason: s.reason }));
    }
  const receipts = await nextNumbers(trx, 'cash_receipt_seq', cash.length);

  // ---- the rows: originals, reversals, the reversed originals marked, then the re-settlements
  const reversedNos = new Set(settled.filter((s) => s.kind === 'reversal').map((s) => must(s.reverses, 'reverses')));
  const resettled = new Set<string>();
  const seen = new Set<string>();
  for (const s of settled) {
    if (s.kind !== 'settlement') continue;
    const owner = `${s.target.kind}:${s.target.id}`;
    if (seen.has(owner)) resettled.add(s.no);
    seen.add(owner);
  }
  const ids = new Map<string, number>();
  const settlementRow = (s: Settled) => ({
    settlement_no: s.no,
    county_id: countyId,
    org_id: s.target.org_id,
    resident_id: s.target.resident_id,
    stay_id: s.target.kind === 'stay' ? s.target.id : null,
    visit_id: s.target.kind === 'visit' ? s.target.id : null,
    kind: s.kind,
    reverses_id: s.reverses === undefined ? null : must(ids.get(s.reverses), 'reversed settlement id'),
    setting: s.setting,
    status: 'confirmed',
    scheme: s.scheme,
    person_cat: s.personCat,
    hosp_level: s.hospLevel,
    year: s.year,
    settled_on: s.day,
    policy_version_id: version.id,
    package_id: s.packageId,
    pay_later: s.payLater,
    inputs: s.inputs,
    input_hash: s.hash,
    ...s.fields,
    deposit_fen: s.deposit,
    refund_fen: s.refund,
    collected_fen: s.collected,
    reason: s.reason,
    created_by: s.clerk,
    created_at: s.at.toISOString(),
    calculated_at: s.at.toISOString(),
    confirmed_by: s.clerk,
    confirmed_at: s.at.toISOString(),
    source: 'seed',
  });
  const settlementColumns: ReadonlyArray<readonly [string, string]> = [
    ['settlement_no', 'text'],
    ['county_id', 'int'],
    ['org_id', 'int'],
    ['resident_id', 'int'],
    ['stay_id', 'int'],
    ['visit_id', 'int'],
    ['kind', 'text'],
    ['reverses_id', 'int'],
    ['setting', 'text'],
    ['status', 'text'],
    ['scheme', 'text'],
    ['person_cat', 'text'],
    ['hosp_level', 'text'],
    ['year', 'int'],
    ['settled_on', 'date'],
    ['policy_version_id', 'int'],
    ['package_id', 'int'],
    ['pay_later', 'boolean'],
    ['inputs', 'jsonb'],
    ['input_hash', 'text'],
    ...FIELD_NAMES.map((k) => [k, 'bigint'] as const),
    ['deposit_fen', 'bigint'],
    ['refund_fen', 'bigint'],
    ['collected_fen', 'bigint'],
    ['reason', 'text'],
    ['created_by', 'int'],
    ['created_at', 'timestamptz'],
    ['calculated_at', 'timestamptz'],
    ['confirmed_by', 'int'],
    ['confirmed_at', 'timestamptz'],
    ['source', 'text'],
  ];
  const insertSettlements = async (list: Settled[]) => {
    const got = await insertJson<{ id: number; settlement_no: string }>(
      trx,
      'settlements',
      settlementColumns,
      list.map(settlementRow),
      'id, settlement_no',
      1000,
    );
    for (const r of got) ids.set(r.settlement_no, r.id);
  };
  await insertSettlements(settled.filter((s) => s.kind === 'settlement' && !resettled.has(s.no)));
  await insertSettlements(settled.filter((s) => s.kind === 'reversal'));
  const marks = settled
    .filter((s) => s.kind === 'reversal')
    .map((s) => ({
      id: must(ids.get(must(s.reverses, 'reverses')), 'original id'),
      by: must(ids.get(s.no), 'reversal'),
    }));
  if (marks.length)
    await sql`UPDATE settlements s SET reversed_by_id = x.by
      FROM jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) AS x(id int, by int) WHERE s.id = x.id`.execute(trx);
  await insertSettlements(settled.filter((s) => resettled.has(s.no)));
  done('settlement rows');
  const idOf = (no: string) => must(ids.get(no), `settlement ${no}`);

  const lines = settled.flatMap((s) =>
    (s.result?.lines ?? []).map((l, i) => ({
      settlement_id: idOf(s.no),
      seq: i + 1,
      county_id: countyId,
      org_id: s.target.org_id,
      layer: l.layer,
      base_fen: l.base_fen,
      ratio_bp: l.ratio_bp,
      amount_fen: l.amount_fen,
      rule_id: l.rule_id,
      note: l.note,
    })),
  );
  await insertJson(
    trx,
    'settlement_lines',
    [
      ['settlement_id', 'int'],
      ['seq', 'int'],
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['layer', 'text'],
      ['base_fen', 'bigint'],
      ['ratio_bp', 'int'],
      ['amount_fen', 'bigint'],
      ['rule_id', 'int'],
      ['note', 'text'],
    ],
    lines,
    '',
    5000,
  );
  await insertJson(
    trx,
    'settlement_accumulators',
    [
      ['resident_id', 'int'],
      ['year', 'int'],
      ['county_id', 'int'],
      ...ACC_KEYS.map((k) => [k, 'bigint'] as const),
      ['settlements', 'int'],
    ],
    [...acc].map(([k, v]) => {
      const [resident, year] = k.split(':').map(Number);
      return { resident_id: resident, year, county_id: countyId, ...v.acc, settlements: v.n };
    }),
  );
  await insertJson(
    trx,
    'cash_movements',
    [
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['stay_id', 'int'],
      ['visit_id', 'int'],
      ['settlement_id', 'int'],
      ['kind', 'text'],
      ['amount_fen', 'bigint'],
      ['method', 'text'],
      ['receipt_no', 'text'],
      ['clerk_id', 'int'],
      ['at', 'timestamptz'],
    ],
    cash.map(({ prefix, day, settlement_no, ...c }, i) => ({
      ...c,
      county_id: countyId,
      settlement_id: settlement_no === null ? null : idOf(must(realNo.get(settlement_no), 'settlement number')),
      receipt_no: `${prefix}${ymd(day)}${String(receipts[i]).padStart(7, '0')}`,
    })),
  );

  done('settlement lines and till');
  // ---- 4. receivables, claimed month by month; the payers' returns for all but the last month
  interface Rec {
    settlement_no: string;
    org_id: number;
    payer: Payer;
    amount_fen: number;
    opened_on: string;
    status: 'open' | 'claimed' | 'paid' | 'partly_paid' | 'rejected' | 'written_off';
    batch_no: string | null;
    paid_fen: number | null;
    reject_reason: string | null;
    resolved_at: string | null;
  }
  const recs: Rec[] = [];
  const reversalOf = new Map(
    settled.filter((s) => s.kind === 'reversal').map((s) => [must(s.reverses, 'reverses'), s]),
  );
  for (const s of settled) {
    if (s.kind !== 'settlement') continue;
    const rev = reversedNos.has(s.no) ? reversalOf.get(s.no) : undefined;
    for (const [payer, field] of Object.entries(PAYER_FIELD) as Array<[Payer, keyof typeof s.fields]>) {
      if (s.fields[field] <= 0) continue;
      recs.push({
        settlement_no: s.no,
        org_id: s.target.org_id,
        payer,
        amount_fen: s.fields[field],
        opened_on: s.day,
        status: rev ? 'written_off' : 'open',
        batch_no: null,
        paid_fen: null,
        reject_reason: rev ? `结算冲销：${rev.reason ?? ''}` : null,
        resolved_at: rev ? rev.at.toISOString() : null,
      });
    }
  }
  // months whose end is more than ~2 months back are claimed; the latest of them awaits its return
  const lastClaimable = shanghaiDate(new Date(now.getTime() - 60 * DAY));
  const months = [...new Set(recs.map((r) => r.opened_on.slice(0, 7)))]
    .filter((m) => monthEnd(m) < lastClaimable)
    .sort();
  const awaiting = months[months.length - 1];
  interface Batch {
    batch_no: string;
    org_id: number;
    payer: Payer;
    month: string;
    recs: Rec[];
    created_at: Date;
    returned_at: Date | null;
  }
  const groups = new Map<string, Rec[]>();
  for (const r of recs) {
    if (r.status !== 'open' || !months.includes(r.opened_on.slice(0, 7))) continue;
    const k = `${r.opened_on.slice(0, 7)}|${r.org_id}|${r.payer}`;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const batchKeys = [...groups.keys()].sort();
  const batchSeq = await nextNumbers(trx, 'claim_batch_seq', batchKeys.length);
  const batches: Batch[] = batchKeys.map((k, i) => {
    const [month, org, payer] = k.split('|');
    const created = new Date(
      shanghaiMidnight(`${nextMonth(month)}-10`).getTime() + (9 * 60 + rng.int(0, 300)) * MINUTE,
    );
    return {
      batch_no: `SB${ymd(monthEnd(month))}${payer.slice(0, 2).toUpperCase()}${String(batchSeq[i]).padStart(5, '0')}`,
      org_id: Number(org),
      payer: payer as Payer,
      month,
      recs: must(groups.get(k), 'batch receivables'),
      created_at: created,
      returned_at: month === awaiting ? null : new Date(created.getTime() + (30 + rng.int(0, 10)) * DAY),
    };
  });
  const returned = batches.filter((b) => b.returned_at !== null);
  const partlyRejected =
    returned
      .filter((b) => b.org_id === people && b.payer === 'basic' && b.recs.length >= 6)
      .sort((a, b) => (a.month < b.month ? 1 : -1))[0] ??
    [...returned].sort((a, b) => b.recs.length - a.recs.length)[0];
  interface ReturnLine {
    batch_no: string;
    line_no: number;
    settlement_no: string;
    payer: Payer;
    claimed_fen: number;
    paid_fen: number;
    outcome: 'matched' | 'difference' | 'rejected';
    reason: string | null;
  }
  const returnLines: ReturnLine[] = [];
  const returnFiles: Array<{ b: Batch; name: string; sha: string; counts: Record<string, number> }> = [];
  for (const b of batches) {
    for (const r of b.recs) {
      r.status = 'claimed';
      r.batch_no = b.batch_no;
    }
    if (!b.returned_at) continue;
    const resolved = b.returned_at.toISOString();
    const order = [...b.recs].sort((x, y) => (x.settlement_no < y.settlement_no ? -1 : 1));
    const picked =
      b === partlyRejected ? order.map((r) => r.settlement_no).sort((x, y) => (sha256(x) < sha256(y) ? -1 : 1)) : [];
    const rejected = new Set(picked.slice(0, Math.min(3, Math.max(1, order.length - 1))));
    const partly = new Set(picked.slice(3, 5));
    const counts = { matched: 0, difference: 0, rejected: 0 };
    const csv = ['结算单号,实付金额(元),拒付原因'];
    order.forEach((r, i) => {
      let outcome: ReturnLine['outcome'] = 'matched';
      let paid = r.amount_fen;
      let reason: string | null = null;
      if (rejected.has(r.settlement_no)) {
        outcome = 'rejected';
        paid = 0;
        reason = REJECT_REASONS[[...rejected].indexOf(r.settlement_no) % REJECT_REASONS.length];
        Object.assign(r, { status: 'rejected', paid_fen: 0, reject_reason: reason, resolved_at: resolved });
      } else if (partly.has(r.settlement_no)) {
        outcome = 'difference';
        paid = r.amount_fen - Math.max(1, Math.round(r.amount_fen * 0.08));
        reason = `部分项目超医保支付标准，核减 ${((r.amount_fen - paid) / 100).toFixed(2)} 元`;
        Object.assign(r, { status: 'partly_paid', paid_fen: paid, reject_reason: reason, resolved_at: resolved });
      } else Object.assign(r, { status: 'paid', paid_fen: paid, resolved_at: resolved });
      counts[outcome]++;
      csv.push(`${r.settlement_no},${(paid / 100).toFixed(2)},${reason ?? ''}`);
      returnLines.push({
        batch_no: b.batch_no,
        line_no: i + 2,
        settlement_no: r.settlement_no,
        payer: r.payer,
        claimed_fen: r.amount_fen,
        paid_fen: paid,
        outcome,
        reason,
      });
    });
    returnFiles.push({
      b,
      name: `${b.batch_no}_回款.csv`,
      sha: sha256(Buffer.from(csv.join('\r\n') + '\r\n')),
      counts,
    });
  }
  const batchIds = new Map<string, number>();
  const gotBatches = await insertJson<{ id: number; batch_no: string }>(
    trx,
    'claim_batches',
    [
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['payer', 'text'],
      ['batch_no', 'text'],
      ['period_from', 'date'],
      ['period_to', 'date'],
      ['status', 'text'],
      ['items', 'int'],
      ['claimed_fen', 'bigint'],
      ['paid_fen', 'bigint'],
      ['created_by', 'int'],
      ['created_at', 'timestamptz'],
      ['returned_at', 'timestamptz'],
    ],
    batches.map((b) => ({
      county_id: countyId,
      org_id: b.org_id,
      payer: b.payer,
      batch_no: b.batch_no,
      period_from: `${b.month}-01`,
      period_to: monthEnd(b.month),
      status: b.returned_at ? 'returned' : 'submitted',
      items: b.recs.length,
      claimed_fen: b.recs.reduce((n, r) => n + r.amount_fen, 0),
      paid_fen: b.returned_at ? b.recs.reduce((n, r) => n + (r.paid_fen ?? 0), 0) : null,
      created_by: clerkOf(b.org_id),
      created_at: b.created_at.toISOString(),
      returned_at: b.returned_at?.toISOString() ?? null,
    })),
    'id, batch_no',
  );
  for (const b of gotBatches) batchIds.set(b.batch_no, b.id);
  const gotRecs = await insertJson<{ id: number; settlement_id: number; payer: Payer }>(
    trx,
    'receivables',
    [
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['settlement_id', 'int'],
      ['payer', 'text'],
      ['amount_fen', 'bigint'],
      ['status', 'text'],
      ['batch_id', 'int'],
      ['paid_fen', 'bigint'],
      ['reject_reason', 'text'],
      ['opened_on', 'date'],
      ['resolved_at', 'timestamptz'],
    ],
    recs.map(({ settlement_no, batch_no, ...r }) => ({
      ...r,
      county_id: countyId,
      settlement_id: idOf(settlement_no),
      batch_id: batch_no === null ? null : must(batchIds.get(batch_no), 'batch id'),
    })),
    'id, settlement_id, payer',
  );
  const recId = new Map(gotRecs.map((r) => [`${r.settlement_id}:${r.payer}`, r.id]));
  const gotReturns = await insertJson<{ id: number; batch_id: number }>(
    trx,
    'payer_returns',
    [
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['batch_id', 'int'],
      ['file_name', 'text'],
      ['file_sha256', 'text'],
      ['rows_total', 'int'],
      ['matched', 'int'],
      ['differences', 'int'],
      ['rejected', 'int'],
      ['unknown', 'int'],
      ['imported_by', 'int'],
      ['imported_at', 'timestamptz'],
    ],
    returnFiles.map(({ b, name, sha, counts }) => ({
      county_id: countyId,
      org_id: b.org_id,
      batch_id: must(batchIds.get(b.batch_no), 'batch id'),
      file_name: name,
      file_sha256: sha,
      rows_total: b.recs.length,
      matched: counts.matched,
      differences: counts.difference,
      rejected: counts.rejected,
      unknown: 0,
      imported_by: clerkOf(b.org_id),
      imported_at: b.returned_at?.toISOString(),
    })),
    'id, batch_id',
  );
  const returnOf = new Map(gotReturns.map((r) => [r.batch_id, r.id]));
  const orgOfBatch = new Map(batches.map((b) => [b.batch_no, b.org_id]));
  await insertJson(
    trx,
    'payer_return_lines',
    [
      ['return_id', 'int'],
      ['line_no', 'int'],
      ['county_id', 'int'],
      ['org_id', 'int'],
      ['settlement_no', 'text'],
      ['receivable_id', 'int'],
      ['claimed_fen', 'bigint'],
      ['paid_fen', 'bigint'],
      ['outcome', 'text'],
      ['reason', 'text'],
    ],
    returnLines.map((l) => ({
      return_id: must(returnOf.get(must(batchIds.get(l.batch_no), 'batch id')), 'return id'),
      line_no: l.line_no,
      county_id: countyId,
      org_id: must(orgOfBatch.get(l.batch_no), 'batch org'),
      settlement_no: l.settlement_no,
      receivable_id: must(recId.get(`${idOf(l.settlement_no)}:${l.payer}`), 'receivable id'),
      claimed_fen: l.claimed_fen,
      paid_fen: l.paid_fen,
      outcome: l.outcome,
      reason: l.reason,
    })),
    '',
    5000,
  );

  done('settlement receivables');

  // ⑧⑨: what the fund paid for the register's out-of-county stays, as the insurer's settlement
  // list would say (demo: inpatient 55–65% of the cost at city/provincial hospitals, outpatient none)
  await sql`UPDATE out_of_county_visits SET fund_paid_fen = CASE WHEN visit_type = 'inpatient'
      THEN round(cost_fen * (0.55 + (abs(hashtext('fund:' || id)) % 11) / 100.0))::int ELSE 0 END
    WHERE county_id = ${countyId} AND source = 'seed' AND cost_fen IS NOT NULL AND fund_paid_fen IS NULL`.execute(trx);
  return {
    versionId: version.id,
    settlements: settled.filter((s) => s.kind === 'settlement').length,
    reversals: reversalOf.size,
    batches: batches.length,
    unsettledAtPeople: unsettled.size,
  };
}

/** billOf(): per insurance class and 乙类 ratio, zero groups dropped, ordered as the query orders them */
function billOf(
  t: TargetRow,
  extra?: { insurance_class: BillGroup['insurance_class']; self_pay_bp: number; price: string },
): BillGroup[] {
  const groups = new Map<string, BillGroup>();
  for (const g of t.bill)
    groups.set(`${g.c}:${g.bp}`, { insurance_class: g.c, self_pay_bp: g.bp, amount_fen: Number(g.a) });
  if (extra) {
    const k = `${extra.insurance_class}:${extra.self_pay_bp}`;
    const g = groups.get(k) ?? {
      insurance_class: extra.insurance_class,
      self_pay_bp: extra.self_pay_bp,
      amount_fen: 0,
    };
    groups.set(k, { ...g, amount_fen: g.amount_fen + Number(extra.price) });
  }
  return [...groups.values()]
    .filter((g) => g.amount_fen !== 0)
    .sort((a, b) =>
      a.insurance_class < b.insurance_class
        ? -1
        : a.insurance_class > b.insurance_class
          ? 1
          : a.self_pay_bp - b.self_pay_bp,
    );
}
