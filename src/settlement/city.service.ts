import pg from 'pg';
import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';

/**
 * 市级监管: the city's view of every county's confirmed settlements. With CITY_DATABASE_URL
 * the rows come from the city database that subscribes to each county's `onecounty_city`
 * publication (docs/city-supervision.md); without it, from this county's own feed, the same
 * table the publication sends. Either way only the feed's columns: no name, ID or phone.
 */
let cityPool: pg.Pool | null = null;
let cityUrl = '';

async function feedQuery<T>(ctx: Ctx, text: string, params: unknown[]): Promise<T[]> {
  const url = ctx.platform.config.cityDatabaseUrl;
  if (url) {
    if (!cityPool || cityUrl !== url) {
      await cityPool?.end();
      cityPool = new pg.Pool({ connectionString: url, max: 4 });
      cityUrl = url;
    }
    return (await cityPool.query(text, params)).rows as T[];
  }
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const compiled = sql.raw<T>(
      text.replace(/\$(\d+)/g, (_, i: string) => `'${String(params[Number(i) - 1]).replace(/'/g, "''")}'`),
    );
    return (await compiled.execute(trx)).rows;
  });
}

const OVERVIEW = `
  SELECT county_code, max(county_name) AS county_name, hosp_level,
         (count(*) FILTER (WHERE kind = 'settlement') - count(*) FILTER (WHERE kind = 'reversal'))::int AS settlements,
         count(*) FILTER (WHERE kind = 'reversal')::int AS reversals,
         sum(medfee_sumamt)::text AS total_fen, sum(fund_pay_sumamt)::text AS fund_fen, sum(psn_part_amt)::text AS patient_fen,
         sum(hosp_part_amt)::text AS hospital_fen,
         sum(medfee_sumamt - psn_part_amt - hosp_part_amt)::text AS advance_fen,
         sum(medfee_sumamt) FILTER (WHERE person_cat = 'poor' AND setting = 'inpatient')::text AS poor_total_fen,
         sum(fund_pay_sumamt) FILTER (WHERE person_cat = 'poor' AND setting = 'inpatient')::text AS poor_paid_fen,
         max(confirmed_at) AS last_confirmed_at
  FROM settlement_feed WHERE year = $1
  GROUP BY county_code, hosp_level ORDER BY county_code, hosp_level`;

const RECENT = `
  SELECT county_code, county_name, settlement_no, org_name, hosp_level, setting, kind, reverses_no, person_cat, sex, age_band,
         to_char(settled_on, 'YYYY-MM-DD') AS settled_on, confirmed_at, diagnosis_code, package_code,
         medfee_sumamt::text, fund_pay_sumamt::text, psn_part_amt::text, hifp_pay::text, hifmi_pay::text, hifob_pay::text,
         maf_pay::text, oth_pay::text
  FROM settlement_feed ORDER BY confirmed_at DESC LIMIT 50`;

export async function overview(ctx: Ctx, year: number, now: Date = new Date()) {
  const rows = await feedQuery<Record<string, string | number | Date | null>>(ctx, OVERVIEW, [year]);
  const recent = await feedQuery<Record<string, string | number | Date | null>>(ctx, RECENT, []);
  await withScope(ctx.db, ctx.scope, (trx) =>
    writeAudit(trx, ctx.audit, {
      action: 'city.settlements',
      resource: 'settlement_feed',
      detail: { year, source: ctx.platform.config.cityDatabaseUrl ? 'city' : 'local' },
    }),
  );
  // the city's subscriptions: when each last heard from its county (the replication link, not the county's activity)
  let replication: Array<{ name: string; receivedAt: string | null }> | null = null;
  if (ctx.platform.config.cityDatabaseUrl)
    replication = await feedQuery<{ subname: string; at: Date | null }>(
      ctx,
      `SELECT subname, last_msg_receipt_time AS at FROM pg_stat_subscription WHERE relid IS NULL ORDER BY subname`,
      [],
    )
      .then((rows) => rows.map((r) => ({ name: r.subname, receivedAt: r.at ? new Date(r.at).toISOString() : null })))
      .catch(() => null);
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return {
    source: ctx.platform.config.cityDatabaseUrl ? ('city' as const) : ('local' as const),
    year,
    replication,
    counties: rows.map((r) => ({
      countyCode: String(r.county_code),
      countyName: String(r.county_name),
      hospLevel: String(r.hosp_level),
      settlements: n(r.settlements),
      reversals: n(r.reversals),
      totalFen: n(r.total_fen),
      fundFen: n(r.fund_fen),
      patientFen: n(r.patient_fen),
      hospitalFen: n(r.hospital_fen),
      advanceFen: n(r.advance_fen),
      poorTotalFen: n(r.poor_total_fen),
      poorPaidFen: n(r.poor_paid_fen),
      poorRatio: n(r.poor_total_fen) > 0 ? n(r.poor_paid_fen) / n(r.poor_total_fen) : null,
      lastConfirmedAt: r.last_confirmed_at ? new Date(r.last_confirmed_at).toISOString() : null,
      behindSeconds: r.last_confirmed_at
        ? Math.max(0, Math.round((now.getTime() - new Date(r.last_confirmed_at).getTime()) / 1000))
        : null,
    })),
    recent: recent.map((r) => ({
      countyCode: String(r.county_code),
      countyName: String(r.county_name),
      settlementNo: String(r.settlement_no),
      orgName: String(r.org_name),
      hospLevel: String(r.hosp_level),
      setting: String(r.setting),
      kind: String(r.kind),
      reversesNo: r.reverses_no === null ? null : String(r.reverses_no),
      personCat: String(r.person_cat),
      sex: String(r.sex),
      ageBand: String(r.age_band),
      settledOn: String(r.settled_on),
      confirmedAt: new Date(r.confirmed_at as string).toISOString(),
      diagnosisCode: r.diagnosis_code === null ? null : String(r.diagnosis_code),
      packageCode: r.package_code === null ? null : String(r.package_code),
      totalFen: n(r.medfee_sumamt),
      fundFen: n(r.fund_pay_sumamt),
      patientFen: n(r.psn_part_amt),
      payers: {
        basic: n(r.hifp_pay),
        serious: n(r.hifmi_pay),
        supplementary: n(r.hifob_pay),
        assistance: n(r.maf_pay),
        doudi: n(r.oth_pay),
      },
    })),
  };
}
