import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';
import type { CareSql } from './care-sql.ts';
import { insertCurrentStays, insertPastStays, insertStayCharges, insertWardsAndBeds } from './care-stays.seed.ts';
import { insertOutOfCounty, insertVisitCharges, insertVisits } from './care-visits.seed.ts';

/**
 * The group's price list (fen) for the charge catalogue of 0031_care_charges.sql, in force
 * from 2025-01-01 in Shanghai, with its source document; the 一单通 exams keep their catalogue
 * price. Every profile gets it (the HIS interface prices DFT lines from it).
 */
export const BASE_PRICES: Readonly<Record<string, number>> = {
  'REG-GEN': 1000,
  'REG-TCM': 1500,
  'DRG-AMLO': 1260,
  'DRG-NIFE': 1830,
  'DRG-METF': 980,
  'DRG-ASPI': 1350,
  'DRG-ATOR': 2470,
  'DRG-AMOX': 760,
  'DRG-CEFU': 1890,
  'DRG-IBUP': 1120,
  'DRG-OMEP': 860,
  'DRG-NS250': 320,
  'DRG-GS250': 350,
  'DRG-CEFT': 1560,
  'DRG-INSU': 5680,
  'DRG-LIANHUA': 2390,
  'DRG-TCMHERB': 3200,
  'DRG-DANSHEN': 2650,
  'CON-SYRINGE': 80,
  'CON-IVSET': 260,
  'CON-CATH': 3500,
  'CON-STENT': 79800,
  'CON-SUTURE': 4500,
  'CON-DRESS': 150,
  'TRT-IV': 600,
  'TRT-IM': 300,
  'TRT-DRESS': 1200,
  'TRT-ACUP': 2000,
  'TRT-MOXA': 2500,
  'TRT-TUINA': 3000,
  'TRT-CUPPING': 1500,
  'TRT-OXYGEN': 300,
  'OPR-APPEND': 120000,
  'OPR-CHOLE': 260000,
  'OPR-HERNIA': 150000,
  'OPR-CSEC': 180000,
  'OPR-PCI': 450000,
  'OPR-THR': 680000,
  'OPR-DEBRID': 30000,
  'BED-GEN': 3000,
  'BED-ICU': 18000,
  'NUR-1': 2600,
  'NUR-2': 1500,
  'NUR-3': 800,
  'OTH-HEAT': 500,
  'OTH-COPY': 50,
};
export const PRICE_SOURCE = '山西省医疗服务价格项目目录（2025版）及医共体统一价格表';
export const PRICES_FROM = '2025-01-01T00:00:00+08:00';

export async function seedPriceList(trx: Kdb, countyId: number): Promise<void> {
  await trx
    .insertInto('charge_prices')
    .values(
      Object.entries(BASE_PRICES).map(([code, fen]) => ({
        county_id: countyId,
        item_code: code,
        price_fen: fen,
        valid_from: new Date(PRICES_FROM),
        source_document: PRICE_SOURCE,
      })),
    )
    .execute();
  await sql`INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document)
    SELECT ${countyId}, code, price_fen, ${PRICES_FROM}::timestamptz, '一单通检查检验统一价格' FROM exam_catalogue`.execute(
    trx,
  );
}

/**
 * A year of visits and stays with their charges, generated inside PostgreSQL (INSERT … SELECT
 * over generate_series, randomness from md5 of the seed and the row number; see care-sql.ts),
 * so the jiexiu profile's two million visits take minutes, not hours, and the same seed gives
 * the same county. Proportions follow the seeds: most visits at village clinics and township
 * centres, TCM visits concentrated at the TCM hospital, women and children at the
 * maternal-child centre, stays near 7 days, beds sized for about 70% use, level 3–4
 * operations, a drug share near 28% (consumables near 13%), and an out-of-county register
 * that puts the county-internal visit rate near 95% (inpatient near 90%).
 */
export interface CareSeedOptions {
  countyId: number;
  seed: number;
  visitsPerResident: number;
  staysPerResident: number;
  /** the reference instant: the year generated ends here (default: now) */
  now?: Date;
  /** told after each step, with its duration */
  onStep?: (step: string, ms: number) => void;
}

export interface CareSeedResult {
  visits: number;
  stays: number;
  beds: number;
  inpatientsNow: number;
}

export async function seedCare(db: Kdb, opts: CareSeedOptions): Promise<CareSeedResult> {
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind'])
    .where('county_id', '=', opts.countyId)
    .execute();
  const pick = (suffix: string) => orgs.find((o) => o.kind === 'county_hospital' && o.name.endsWith(suffix))?.id ?? 0;
  const people = pick('人民医院');
  const tcm = pick('中医医院');
  const mch = orgs.find((o) => o.kind === 'county_hospital' && o.id !== people && o.id !== tcm)?.id ?? people;
  const clerk = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('county_id', '=', opts.countyId)
    .executeTakeFirst();
  const c: CareSql = {
    county: opts.countyId,
    seed: String(opts.seed),
    now: (opts.now ?? new Date()).toISOString(),
    people,
    tcm,
    mch,
    clerk: clerk?.id ?? 0,
  };
  return withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    // The tables grow by millions of rows inside this one transaction, never analyzed (the
    // app role may not ANALYZE): estimates of a row or two would pick nested loops that rescan
    // them per row. Every statement here is a bulk join: hash joins, whatever the estimates;
    // and no JIT, which the resulting costs would switch on for a second of compiling each.
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
    const [{ n: residentCount }] = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM residents WHERE county_id = ${c.county} AND deceased_on IS NULL`.execute(trx)
    ).rows;
    const visitCount = Math.round(residentCount * opts.visitsPerResident);
    const stayCount = Math.round(residentCount * opts.staysPerResident);
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const out = await fn();
      opts.onStep?.(name, performance.now() - started);
      return out;
    };
    const visits = await step('visits', () => insertVisits(trx, c, visitCount));
    await step('visit charges', () => insertVisitCharges(trx, c));
    await step('stays and operations', () => insertPastStays(trx, c, stayCount));
    await step('stay charges', () => insertStayCharges(trx, c));
    await step('wards and beds', () => insertWardsAndBeds(trx, c));
    const inpatientsNow = await step('current inpatients', () => insertCurrentStays(trx, c));
    await step('out-of-county register', () => insertOutOfCounty(trx, c));
    const [{ beds }] = (
      await sql<{ beds: number }>`SELECT count(*)::int AS beds FROM beds WHERE county_id = ${c.county}`.execute(trx)
    ).rows;
    return { visits, stays: stayCount, beds, inpatientsNow };
  });
}
