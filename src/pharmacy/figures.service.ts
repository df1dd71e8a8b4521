import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';

/**
 * 药事指标 (issue 14): the versioned views of db/views/indicator_drug_*_v01.sql per org, for a
 * year, with the county's totals; 药占比 comes from the care feature's fee-line view.
 */
export async function figures(ctx: Ctx, year: number) {
  const county = ctx.actor.countyId;
  const from = `${year}-01`;
  const to = `${year}-12`;
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const use = await sql<{
      org_id: number;
      amount_fen: number;
      essential_fen: number;
      vbp_fen: number;
      items: number;
      essential_items: number;
      vbp_items: number;
    }>`
      SELECT org_id, sum(amount_fen)::bigint AS amount_fen, sum(essential_fen)::bigint AS essential_fen,
             sum(vbp_fen)::bigint AS vbp_fen, max(items)::int AS items, max(essential_items)::int AS essential_items,
             max(vbp_items)::int AS vbp_items
      FROM indicator_drug_use_v01 WHERE county_id = ${county} AND month BETWEEN ${from} AND ${to}
      GROUP BY org_id`.execute(trx);
    const monthly = await sql<{ month: string; amount_fen: number; essential_fen: number; vbp_fen: number }>`
      SELECT month, sum(amount_fen)::bigint AS amount_fen, sum(essential_fen)::bigint AS essential_fen,
             sum(vbp_fen)::bigint AS vbp_fen
      FROM indicator_drug_use_v01 WHERE county_id = ${county} AND month BETWEEN ${from} AND ${to}
      GROUP BY month ORDER BY month`.execute(trx);
    const share = await sql<{ month: string; drug_fen: number; total_fen: number }>`
      SELECT month, coalesce(sum(drug_fen), 0)::bigint AS drug_fen, sum(total_fen)::bigint AS total_fen
      FROM indicator_care_drug_share_v01 WHERE county_id = ${county} AND month BETWEEN ${from} AND ${to}
      GROUP BY month ORDER BY month`.execute(trx);
    const stock = await sql<{
      org_id: number;
      stock_value_fen: number;
      near_expiry_fen: number;
      expired_fen: number;
      near_expiry_batches: number;
      dispensed_cost_90d_fen: number;
    }>`SELECT org_id, stock_value_fen, near_expiry_fen, expired_fen, near_expiry_batches, dispensed_cost_90d_fen
       FROM indicator_drug_stock_v01 WHERE county_id = ${county}`.execute(trx);
    const trace = await sql<{
      org_id: number;
      duplicate_scans: number;
      codes_dispensed: number;
      shortages_registered: number;
      collected: number;
      collection_hours_sum: string;
      no_show: number;
    }>`
      SELECT org_id, sum(duplicate_scans)::int AS duplicate_scans, sum(codes_dispensed)::int AS codes_dispensed,
             sum(shortages_registered)::int AS shortages_registered, sum(collected)::int AS collected,
             sum(collection_hours_sum) AS collection_hours_sum, sum(no_show)::int AS no_show
      FROM indicator_drug_trace_v01 WHERE county_id = ${county} AND month BETWEEN ${from} AND ${to}
      GROUP BY org_id`.execute(trx);
    const stockouts = await sql<{ org_id: number; org_name: string; drug_name: string; stockout_days: string }>`
      SELECT s.org_id, o.name AS org_name, d.generic_name AS drug_name, s.stockout_days
      FROM indicator_drug_stockout_v01 s JOIN orgs o ON o.id = s.org_id JOIN drugs d ON d.id = s.drug_id
      WHERE s.county_id = ${county} AND s.year = ${year} AND s.stockout_days > 0
      ORDER BY s.stockout_days DESC, o.name LIMIT 50`.execute(trx);
    const orgIds = [...new Set([...use.rows, ...stock.rows, ...trace.rows].map((r) => r.org_id))];
    const orgs = orgIds.length
      ? await trx.selectFrom('orgs').select(['id', 'name', 'kind']).where('id', 'in', orgIds).execute()
      : [];
    const byOrg = orgs
      .map((o) => {
        const u = use.rows.find((r) => r.org_id === o.id);
        const s = stock.rows.find((r) => r.org_id === o.id);
        const t = trace.rows.find((r) => r.org_id === o.id);
        const perDay = s ? Number(s.dispensed_cost_90d_fen) / 90 : 0;
        return {
          orgId: o.id,
          orgName: o.name,
          kind: o.kind,
          amountFen: Number(u?.amount_fen ?? 0),
          essentialFen: Number(u?.essential_fen ?? 0),
          vbpFen: Number(u?.vbp_fen ?? 0),
          items: u?.items ?? 0,
          essentialItems: u?.essential_items ?? 0,
          vbpItems: u?.vbp_items ?? 0,
          stockValueFen: Number(s?.stock_value_fen ?? 0),
          nearExpiryFen: Number(s?.near_expiry_fen ?? 0),
          expiredFen: Number(s?.expired_fen ?? 0),
          nearExpiryBatches: s?.near_expiry_batches ?? 0,
          turnoverDays: perDay > 0 ? Math.round((Number(s?.stock_value_fen ?? 0) / perDay) * 10) / 10 : null,
          duplicateScans: t?.duplicate_scans ?? 0,
          codesDispensed: t?.codes_dispensed ?? 0,
          shortages: t?.shortages_registered ?? 0,
          collected: t?.collected ?? 0,
          meanCollectionHours:
            t && t.collected > 0 ? Math.round((Number(t.collection_hours_sum) / t.collected) * 10) / 10 : null,
          noShow: t?.no_show ?? 0,
        };
      })
      .sort((a, b) => b.amountFen - a.amountFen || a.orgName.localeCompare(b.orgName, 'zh'));
    const sum = (k: 'amountFen' | 'essentialFen' | 'vbpFen' | 'nearExpiryFen' | 'stockValueFen' | 'duplicateScans') =>
      byOrg.reduce((s, r) => s + r[k], 0);
    return {
      year,
      definitions: DEFINITIONS,
      county: {
        amountFen: sum('amountFen'),
        essentialFen: sum('essentialFen'),
        vbpFen: sum('vbpFen'),
        nearExpiryFen: sum('nearExpiryFen'),
        stockValueFen: sum('stockValueFen'),
        duplicateScans: sum('duplicateScans'),
      },
      byOrg,
      monthly: monthly.rows.map((m) => {
        const s = share.rows.find((x) => x.month === m.month);
        return {
          month: m.month,
          amountFen: Number(m.amount_fen),
          essentialFen: Number(m.essential_fen),
          vbpFen: Number(m.vbp_fen),
          drugShare: s && Number(s.total_fen) > 0 ? Number(s.drug_fen) / Number(s.total_fen) : null,
        };
      }),
      stockouts: stockouts.rows.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        drugName: r.drug_name,
        stockoutDays: Number(r.stockout_days),
      })),
    };
  });
}

const DEFINITIONS = {
  essential:
    '基药使用金额占比 = 基本药物发药金额 / 全部药品发药金额（退药冲减）；品种占比 = 发出的基药品种数 / 发出的药品品种数（indicator_drug_use_v01）',
  vbp: '集采药品金额占比 = 集采药品发药金额 / 全部药品发药金额（indicator_drug_use_v01）',
  drugShare: '药占比 = 药品收费 / 医疗收入（门诊与住院费用明细，indicator_care_drug_share_v01）',
  nearExpiry: '近效期金额 = 90 天内到期且未过期批次的在库成本金额；分母为在库成本总额（indicator_drug_stock_v01）',
  turnover: '周转天数 = 在库成本金额 /（近 90 天发药成本 / 90）（indicator_drug_stock_v01）',
  stockout: '基药缺货天数 = 村卫生室某基本药物可用数量为 0 的天数，按缺货开始的年份计（indicator_drug_stockout_v01）',
  trace: '追溯码重复扫描 = 已发出的追溯码再次被扫描发药的次数，疑似回流药（indicator_drug_trace_v01）',
  shortage: '缺药取药时长 = 登记到取药的平均小时数；未来取 = 到货后居民未来取（indicator_drug_trace_v01）',
};
