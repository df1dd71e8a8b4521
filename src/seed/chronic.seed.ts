import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';
import { ensureStandardRules, ruleSetOn } from '../chronic/rule-set.ts';
import { insertCases, insertCaseYears, insertBaseData, insertCalls, insertFollowups } from './chronic-cases.seed.ts';
import { insertContracts, insertDeliveries } from './chronic-contracts.seed.ts';
import { insertGrids } from './chronic-grids.seed.ts';
import { count, day, run, ruleNumbers, type ChronicSql } from './chronic-sql.ts';

/**
 * The demo data of issue 11, generated set-based inside PostgreSQL and ending at `now`:
 * "1+1+N" family-doctor teams per township centre, versioned service packages, three years of
 * contracts (about 69% of residents signed now, every registered poor resident, ~80% renewed),
 * the hypertension and type-2 diabetes registries with three years of 规范 follow-ups
 * classified by the county's own rule rows, the case-years the figures read, what the
 * contracts delivered (entitlements used, never past quota), grids of at most 20 patients with
 * eight weeks of readings and logs, and the 管理率 denominators. Every statement is one
 * INSERT … SELECT (see chronic-sql.ts), so the jiexiu profile's million follow-ups are a few
 * statements, not a million round trips.
 */
export interface ChronicSeedOptions {
  countyId: number;
  seed: number;
  /** the reference instant: everything generated ends here (the real clock is never read) */
  now: Date;
  /**
   * The profile's scale: every rate is per resident, so both scales run the same statements;
   * 'jiexiu' only gives PostgreSQL more memory per sort and hash.
   */
  scale: 'demo' | 'jiexiu';
  onStep?: (step: string, ms: number) => void;
}

export interface ChronicSeedResult {
  teams: number;
  contracts: number;
  htnCases: number;
  t2dmCases: number;
  followups: number;
  grids: number;
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function seedChronic(db: Kdb, opts: ChronicSeedOptions): Promise<ChronicSeedResult> {
  const today = shanghaiDay(opts.now);
  const orgs = await db.selectFrom('orgs').select('id').where('county_id', '=', opts.countyId).execute();
  const setId = await ensureStandardRules(db, opts.countyId);
  const set = await ruleSetOn(db, opts.countyId, today);
  const c: ChronicSql = {
    county: opts.countyId,
    seed: String(opts.seed),
    now: opts.now.toISOString(),
    today,
    setId: set.id ?? setId,
    rules: ruleNumbers(set.rules),
  };
  return withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    // bulk joins over tables grown inside this transaction, never analyzed: hash joins, no JIT
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
    if (opts.scale === 'jiexiu') await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const out = await fn();
      opts.onStep?.(name, performance.now() - started);
      return out;
    };
    await step('chronic: places and teams', () => insertPlacesAndTeams(trx, c));
    await step('chronic: packages', () => insertPackages(trx, c));
    await step('chronic: registries', () => insertCases(trx, c));
    // jiexiu rechecks more of the uncontrolled visits: the real county's million follow-ups in three years
    const recheck = opts.scale === 'jiexiu' ? 0.9 : 0.5;
    const followups = await step('chronic: follow-ups', () => insertFollowups(trx, c, recheck));
    await step('chronic: case-years and calls', async () => {
      await insertCaseYears(trx, c);
      await insertCalls(trx, c);
    });
    await step('chronic: contracts', () => insertContracts(trx, c));
    await step('chronic: deliveries', () => insertDeliveries(trx, c));
    await step('chronic: grids', () => insertGrids(trx, c));
    await step('chronic: base data', () => insertBaseData(trx, c));
    return {
      teams: await count(trx, `SELECT count(*) FROM fd_teams WHERE county_id = ${c.county}`),
      contracts: await count(trx, `SELECT count(*) FROM fd_contracts WHERE county_id = ${c.county}`),
      htnCases: await count(
        trx,
        `SELECT count(*) FROM chronic_cases WHERE county_id = ${c.county} AND disease = 'htn'`,
      ),
      t2dmCases: await count(
        trx,
        `SELECT count(*) FROM chronic_cases WHERE county_id = ${c.county} AND disease = 't2dm'`,
      ),
      followups,
      grids: await count(trx, `SELECT count(*) FROM grids WHERE county_id = ${c.county}`),
    };
  });
}

/**
 * Working tables (dropped at commit): sx_vil, one row per village clinic with its village
 * doctor (the demo account first) and team; sx_res, every resident with the facts the later
 * statements draw on. Then the teams: one per township centre, two where it has more than
 * eight villages, each village served by exactly one.
 */
async function insertPlacesAndTeams(trx: Kdb, c: ChronicSql): Promise<void> {
  const staffWith = (role: string, org: string, preferred: string) =>
    `(SELECT s.id FROM staff s WHERE s.org_id = ${org} AND '${role}' = ANY (s.roles) AND NOT s.disabled
       ORDER BY (s.username = '${preferred}') DESC, s.id LIMIT 1)`;
  await run(
    trx,
    `CREATE TEMP TABLE sx_vil ON COMMIT DROP AS
     SELECT o.id AS org_id, regexp_replace(o.name, '卫生室$', '') AS vname, o.parent_id AS township,
            row_number() OVER (ORDER BY o.id)::int AS vn,
            row_number() OVER (PARTITION BY o.parent_id ORDER BY o.id)::int AS tn,
            count(*) OVER (PARTITION BY o.parent_id)::int AS tcount,
            coalesce(${staffWith('village_doctor', 'o.id', 'village.doctor')},
                     ${staffWith('township_doctor', 'o.parent_id', 'township.doctor')}) AS doctor,
            NULL::int AS team_id
     FROM orgs o WHERE o.county_id = ${c.county} AND o.kind = 'village_clinic'`,
  );
  await run(
    trx,
    `CREATE TEMP TABLE sx_res ON COMMIT DROP AS
     SELECT r.id, r.org_id, r.sex, r.birth_date, r.registered_poor AS poor, r.deceased_on, r.household_no,
            extract(year FROM age(${day(c)}, r.birth_date))::int AS age,
            'hypertension' = ANY (r.chronic_conditions) AS htn_mark, 'diabetes' = ANY (r.chronic_conditions) AS dm_mark
     FROM residents r JOIN sx_vil v ON v.org_id = r.org_id WHERE r.county_id = ${c.county}`,
  );
  await run(trx, `CREATE INDEX ON sx_res (id)`);
  const lead = (k: string) =>
    `(SELECT s.id FROM staff s WHERE s.org_id = t.township AND 'township_doctor' = ANY (s.roles)
       ORDER BY (s.username = 'township.doctor') DESC, s.id OFFSET ${k} - 1 LIMIT 1)`;
  await run(
    trx,
    `INSERT INTO fd_teams (county_id, org_id, name, lead_staff_id, created_at)
     SELECT ${c.county}, t.township, o.name || '家庭医生签约服务团队' || k,
            coalesce(${lead('k')}, ${lead('1')}), ${day(c)} - interval '3 years'
     FROM (SELECT township, max(tcount) AS tcount FROM sx_vil GROUP BY township) t
     JOIN orgs o ON o.id = t.township
     CROSS JOIN LATERAL generate_series(1, CASE WHEN t.tcount > 8 THEN 2 ELSE 1 END) k
     WHERE ${lead('1')} IS NOT NULL`,
  );
  await run(
    trx,
    `UPDATE sx_vil v SET team_id = t.id FROM fd_teams t
     WHERE t.county_id = ${c.county} AND t.org_id = v.township
       AND t.name LIKE '%团队' || (1 + (v.tn - 1) % CASE WHEN v.tcount > 8 THEN 2 ELSE 1 END)`,
  );
  await run(
    trx,
    `INSERT INTO fd_team_villages (team_id, village_org_id) SELECT team_id, org_id FROM sx_vil WHERE team_id IS NOT NULL`,
  );
  const from = `${day(c)} - interval '3 years'`;
  await run(
    trx,
    `WITH teams AS (SELECT id, org_id, row_number() OVER (ORDER BY id) - 1 AS tn FROM fd_teams WHERE county_id = ${c.county}),
     county AS (SELECT s.id, row_number() OVER (ORDER BY (s.username = 'county.doctor') DESC, s.id) - 1 AS n
                FROM staff s WHERE s.county_id = ${c.county} AND 'county_doctor' = ANY (s.roles)),
     local AS (
       SELECT t.id AS team_id, s.id AS staff_id,
              CASE WHEN 'township_doctor' = ANY (s.roles) THEN 'township_doctor'
                   WHEN d.code = 'public-health' THEN 'public_health' END AS role
       FROM teams t JOIN staff s ON s.org_id = t.org_id LEFT JOIN departments d ON d.id = s.department_id
       UNION ALL
       SELECT v.team_id, s.id, CASE WHEN 'village_doctor' = ANY (s.roles) THEN 'village_doctor' ELSE 'grid_member' END
       FROM sx_vil v JOIN staff s ON s.org_id = v.org_id
       WHERE v.team_id IS NOT NULL AND s.roles && ARRAY['village_doctor', 'grid_member']::text[])
     INSERT INTO fd_team_members (team_id, staff_id, role, from_date)
     SELECT t.id, cd.id, 'county_specialist', ${from} FROM teams t
       JOIN county cd ON cd.n = t.tn % greatest(1, (SELECT count(*) FROM county))
     UNION ALL
     SELECT team_id, staff_id, role, ${from} FROM local WHERE role IS NOT NULL`,
  );
}

/** fd_package_items.service_kind (the seed spells the values out: it may not import the feature's tables) */
type ServiceKind =
  | 'followup_htn'
  | 'followup_t2dm'
  | 'health_check'
  | 'glucose_test'
  | 'bp_measure'
  | 'visit'
  | 'home_visit'
  | 'consult'
  | 'other';

interface PackageDef {
  code: string;
  version: number;
  name: string;
  category: 'basic' | 'personalised' | 'paid';
  target: 'hypertension' | 'diabetes' | 'elderly' | 'maternal' | 'child' | 'rehab' | null;
  price: [ph: number, insurance: number, self: number];
  /** years before now it took effect, and (for a replaced version) when it stopped */
  fromYears: number;
  toYears: number | null;
  items: Array<[code: string, name: string, kind: ServiceKind, quota: number, followup?: boolean]>;
}

const HTN_ITEMS: PackageDef['items'] = [
  ['followup_htn', '高血压规范随访', 'followup_htn', 4, true],
  ['bp_measure', '血压测量', 'bp_measure', 4],
  ['health_check', '年度健康体检', 'health_check', 1],
];

export const PACKAGES: readonly PackageDef[] = [
  {
    code: 'BASIC',
    version: 1,
    name: '基础包',
    category: 'basic',
    target: null,
    price: [1000, 2000, 0],
    fromYears: 3,
    toYears: null,
    items: [
      ['health_check', '健康体检', 'health_check', 1],
      ['consult', '健康咨询', 'consult', 2],
    ],
  },
  {
    code: 'HTN',
    version: 1,
    name: '高血压包',
    category: 'personalised',
    target: 'hypertension',
    price: [0, 0, 0],
    fromYears: 3,
    toYears: 1,
    items: HTN_ITEMS,
  },
  {
    code: 'HTN',
    version: 2,
    name: '高血压包',
    category: 'personalised',
    target: 'hypertension',
    price: [0, 0, 0],
    fromYears: 1,
    toYears: null,
    items: [...HTN_ITEMS, ['medication_review', '用药指导', 'consult', 2]],
  },
  {
    code: 'DM',
    version: 1,
    name: '糖尿病包',
    category: 'personalised',
    target: 'diabetes',
    price: [0, 0, 0],
    fromYears: 3,
    toYears: null,
    items: [
      ['followup_t2dm', '糖尿病规范随访', 'followup_t2dm', 4, true],
      ['glucose_test', '空腹血糖检测', 'glucose_test', 4],
      ['health_check', '年度健康体检', 'health_check', 1],
    ],
  },
  {
    code: 'ELDERLY',
    version: 1,
    name: '老年人包',
    category: 'personalised',
    target: 'elderly',
    price: [0, 0, 0],
    fromYears: 3,
    toYears: null,
    items: [
      ['health_check', '老年人健康体检', 'health_check', 1],
      ['home_visit', '上门巡诊', 'home_visit', 2],
    ],
  },
  {
    code: 'MATERNAL',
    version: 1,
    name: '孕产妇包',
    category: 'personalised',
    target: 'maternal',
    price: [0, 0, 0],
    fromYears: 3,
    toYears: null,
    items: [
      ['prenatal_visit', '孕期随访', 'visit', 5],
      ['postnatal_visit', '产后访视', 'home_visit', 1],
    ],
  },
  {
    code: 'CHILD',
    version: 1,
    name: '0–6岁儿童包',
    category: 'personalised',
    target: 'child',
    price: [0, 0, 0],
    fromYears: 3,
    toYears: null,
    items: [
      ['child_check', '儿童健康检查', 'health_check', 2],
      ['growth_consult', '生长发育指导', 'consult', 2],
    ],
  },
  {
    code: 'PAID-BED',
    version: 1,
    name: '家庭病床上门服务（有偿）',
    category: 'paid',
    target: 'rehab',
    price: [0, 6000, 6000],
    fromYears: 3,
    toYears: null,
    items: [
      ['home_bed_visit', '家庭病床上门查房', 'home_visit', 12],
      ['home_nursing', '上门护理', 'other', 6],
    ],
  },
  {
    code: 'PAID-TCM',
    version: 1,
    name: '中医调理包（有偿）',
    category: 'paid',
    target: null,
    price: [0, 3000, 3000],
    fromYears: 3,
    toYears: null,
    items: [
      ['tcm_therapy', '中医适宜技术理疗', 'other', 6],
      ['tcm_constitution', '中医体质辨识', 'consult', 1],
    ],
  },
];

async function insertPackages(trx: Kdb, c: ChronicSql): Promise<void> {
  const years = (n: number) => `(${day(c)} - interval '${n} years')::date`;
  for (const p of PACKAGES) {
    const [ph, ins, self] = p.price;
    const { rows } = await sql<{
      id: number;
    }>`INSERT INTO fd_packages (county_id, code, version, name, category, target,
        price_fen, fund_public_health_fen, fund_insurance_fen, fund_self_fen, effective_from, effective_to, created_at)
      VALUES (${c.county}, ${p.code}, ${p.version}, ${p.name}, ${p.category}, ${p.target}, ${ph + ins + self}, ${ph},
        ${ins}, ${self}, ${sql.raw(years(p.fromYears))}, ${sql.raw(p.toYears === null ? 'NULL' : years(p.toYears))},
        ${sql.raw(years(p.fromYears))})
      RETURNING id`.execute(trx);
    await trx
      .insertInto('fd_package_items')
      .values(
        p.items.map(([code, name, kind, quota, followup]) => ({
          package_id: rows[0].id,
          item_code: code,
          name,
          service_kind: kind,
          quota,
          counts_as_followup: followup ?? false,
        })),
      )
      .execute();
  }
}
