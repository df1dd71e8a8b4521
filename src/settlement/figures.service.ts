import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { PAYER_LABELS } from './receivable.service.ts';

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * The settlement figures of a year, each from its versioned view (db/views/indicator_settle_*),
 * with numerator, denominator and definition, for the orgs the caller may see.
 */
export async function figures(ctx: Ctx, year: number, now: Date = new Date()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const orgs = ctx.scope.orgIds;
    const { rows: byLevel } = await sql<Record<string, string>>`
      SELECT hosp_level, sum(settlements)::text AS settlements, sum(total_fen)::text AS total, sum(fund_fen)::text AS fund,
             sum(basic_fen)::text AS basic, sum(serious_fen)::text AS serious, sum(supplementary_fen)::text AS supplementary,
             sum(assistance_fen)::text AS assistance, sum(doudi_fen)::text AS doudi, sum(patient_fen)::text AS patient
      FROM indicator_settle_reimbursement_v01
      WHERE year = ${year} AND person_cat = 'poor' AND setting = 'inpatient' AND org_id = ANY(${orgs}::int[])
      GROUP BY ROLLUP (hosp_level) ORDER BY hosp_level NULLS FIRST`.execute(trx);
    const { rows: byMonth } = await sql<Record<string, string>>`
      SELECT month, sum(total_fen) FILTER (WHERE person_cat = 'poor' AND setting = 'inpatient')::text AS poor_total,
             sum(fund_fen) FILTER (WHERE person_cat = 'poor' AND setting = 'inpatient')::text AS poor_fund,
             sum(total_fen) FILTER (WHERE setting = 'inpatient')::text AS all_total,
             sum(fund_fen) FILTER (WHERE setting = 'inpatient')::text AS all_fund,
             sum(settlements)::text AS settlements
      FROM indicator_settle_reimbursement_v01 WHERE year = ${year} AND org_id = ANY(${orgs}::int[])
      GROUP BY month ORDER BY month`.execute(trx);
    const { rows: own } = await sql<Record<string, string>>`
      SELECT person_cat, count(*)::text AS stays,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY patient_fen)::text AS median,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY patient_fen)::text AS p90,
             count(*) FILTER (WHERE at_cap)::text AS at_cap
      FROM indicator_settle_own_pay_v01 WHERE year = ${year} AND org_id = ANY(${orgs}::int[])
      GROUP BY person_cat ORDER BY person_cat`.execute(trx);
    const cutoff = addDays(todayInShanghai(now), -30);
    const { rows: advance } = await sql<Record<string, string>>`
      SELECT a.org_id, o.name AS org_name, a.payer, sum(a.outstanding_fen)::text AS outstanding,
             sum(a.outstanding_fen) FILTER (WHERE a.opened_on < ${cutoff}::date)::text AS over30,
             sum(a.advanced_fen)::text AS advanced, sum(a.paid_fen)::text AS paid
      FROM indicator_settle_advance_v01 a JOIN orgs o ON o.id = a.org_id
      WHERE a.year = ${year} AND a.org_id = ANY(${orgs}::int[])
      GROUP BY a.org_id, o.name, a.payer ORDER BY o.name, a.payer`.execute(trx);
    const { rows: packages } = await sql<Record<string, string>>`
      SELECT coalesce(package_code, '') AS code, max(disease_name) AS name, count(*)::text AS stays, sum(total_fen)::text AS total,
             sum(hospital_fen)::text AS hospital, avg(patient_fen)::bigint::text AS avg_patient
      FROM indicator_settle_package_use_v01 WHERE year = ${year} AND org_id = ANY(${orgs}::int[])
      GROUP BY package_code ORDER BY package_code NULLS LAST`.execute(trx);
    const { rows: fund } = await sql<Record<string, string>>`
      SELECT place, hosp_level, sum(fund_fen)::text AS fund, sum(records)::text AS records
      FROM indicator_settle_fund_share_v01 WHERE year = ${year} GROUP BY place, hosp_level`.execute(trx);
    await writeAudit(trx, ctx.audit, { action: 'settlement.figures', resource: 'settlement', detail: { year } });

    const levelRow = (r: Record<string, string>) => ({
      hospLevel: r.hosp_level ?? null,
      settlements: n(r.settlements),
      totalFen: n(r.total),
      fundFen: n(r.fund),
      patientFen: n(r.patient),
      ratio: ratio(n(r.fund), n(r.total)),
      payers: (['basic', 'serious', 'supplementary', 'assistance', 'doudi'] as const).map((p) => ({
        payer: p,
        label: PAYER_LABELS[p],
        fen: n(r[p]),
        ratio: ratio(n(r[p]), n(r.total)),
      })),
    });
    const inCounty = fund.filter((f) => f.place === 'in_county').reduce((s, f) => s + n(f.fund), 0);
    const primary = fund
      .filter((f) => f.place === 'in_county' && f.hosp_level === 'primary')
      .reduce((s, f) => s + n(f.fund), 0);
    const outCounty = fund.filter((f) => f.place === 'out_of_county').reduce((s, f) => s + n(f.fund), 0);
    const outRecords = fund.filter((f) => f.place === 'out_of_county').reduce((s, f) => s + n(f.records), 0);
    const nonPackage = packages.find((p) => p.code === '');
    const pkgStays = packages.filter((p) => p.code !== '').reduce((s, p) => s + n(p.stays), 0);
    const allStays = pkgStays + n(nonPackage?.stays);
    return {
      year,
      poorInpatientRatio: {
        definition:
          '建档立卡贫困人口住院：各支付方（基本医保、大病保险、补充医疗保险、医疗救助、兜底）合计支付 ÷ 住院总费用；冲销相抵',
        numerator: '各支付方合计支付（fund_pay_sumamt）',
        denominator: '住院总费用（medfee_sumamt）',
        view: 'db/views/indicator_settle_reimbursement_v01.sql',
        total: levelRow(byLevel.find((r) => r.hosp_level === null) ?? {}),
        byLevel: byLevel.filter((r) => r.hosp_level !== null).map(levelRow),
      },
      trend: byMonth.map((r) => ({
        month: r.month,
        settlements: n(r.settlements),
        poorRatio: ratio(n(r.poor_fund), n(r.poor_total)),
        allRatio: ratio(n(r.all_fund), n(r.all_total)),
      })),
      ownPay: {
        definition:
          '出院结算个人负担（psn_part_amt）的中位数、P90，及达到"136"封顶（兜底支付 > 0）的住院占比；不含已冲销',
        numerator: '达到封顶的住院人次',
        denominator: '已结算且未冲销的住院人次',
        view: 'db/views/indicator_settle_own_pay_v01.sql',
        rows: own.map((r) => ({
          personCat: r.person_cat,
          stays: n(r.stays),
          medianFen: n(r.median),
          p90Fen: n(r.p90),
          atCap: n(r.at_cap),
          atCapShare: ratio(n(r.at_cap), n(r.stays)),
        })),
      },
      advance: {
        definition: '医院垫付尚未回款：未申报和已申报待回款的应收款，按机构和支付方；超过 30 天的单列',
        numerator: '未回款金额',
        denominator: '垫付总额',
        view: 'db/views/indicator_settle_advance_v01.sql',
        rows: advance.map((r) => ({
          orgId: n(r.org_id),
          orgName: r.org_name,
          payer: r.payer,
          payerLabel: PAYER_LABELS[r.payer as keyof typeof PAYER_LABELS],
          outstandingFen: n(r.outstanding),
          over30Fen: n(r.over30),
          advancedFen: n(r.advanced),
          paidFen: n(r.paid),
        })),
      },
      packages: {
        definition: '按单病种付费结算的住院人次占全部已结算住院人次；医院承担 = 超出定额部分',
        numerator: '单病种结算人次',
        denominator: '已结算住院人次',
        view: 'db/views/indicator_settle_package_use_v01.sql',
        share: ratio(pkgStays, allStays),
        rows: packages
          .filter((p) => p.code !== '')
          .map((p) => ({
            code: p.code,
            name: p.name,
            stays: n(p.stays),
            totalFen: n(p.total),
            hospitalFen: n(p.hospital),
            avgPatientFen: n(p.avg_patient),
          })),
      },
      fundShare: {
        definition:
          '⑧ 县域内基本医保基金支出 ÷ 县域内外合计；⑨ 基层医疗卫生机构基金支出 ÷ 县域内外合计。县外部分来自导入的县外结算清单',
        numerator: '⑧ 县域内统筹支付；⑨ 乡镇卫生院和村卫生室统筹支付',
        denominator: '县域内统筹支付 + 县外结算清单统筹支付',
        view: 'db/views/indicator_settle_fund_share_v01.sql',
        inCountyFen: inCounty,
        primaryFen: primary,
        outOfCountyFen: outCounty,
        outOfCountyRecords: outRecords,
        inCountyShare: outRecords > 0 ? ratio(inCounty, inCounty + outCounty) : null,
        primaryShare: outRecords > 0 ? ratio(primary, inCounty + outCounty) : null,
      },
    };
  });
}
