import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { inScope } from './sterile.service.ts';

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The supply figures of a year from the versioned views, with numerator, denominator and definition. */
export async function figures(ctx: Ctx, year = Number(todayInShanghai().slice(0, 4))) {
  return inScope(ctx, async (trx) => {
    const orgs = ctx.scope.orgIds;
    const { rows: byOrg } = await sql<Record<string, string>>`
      SELECT w.org_id, o.name AS org_name, o.kind, sum(w.bags)::text AS bags, sum(w.weight_g)::text AS weight,
             sum(w.handovers)::text AS handovers, sum(w.unconfirmed)::text AS unconfirmed
      FROM indicator_supply_waste_v01 w JOIN orgs o ON o.id = w.org_id
      WHERE w.year = ${year} AND w.org_id = ANY(${orgs}::int[])
      GROUP BY w.org_id, o.name, o.kind, o.code ORDER BY o.code`.execute(trx);
    const { rows: wasteMonths } = await sql<Record<string, string>>`
      SELECT to_char(month, 'YYYY-MM') AS month, category, sum(weight_g)::text AS weight,
             sum(handovers)::text AS handovers, sum(unconfirmed)::text AS unconfirmed
      FROM indicator_supply_waste_v01 WHERE year = ${year} AND org_id = ANY(${orgs}::int[])
      GROUP BY month, category ORDER BY month, category`.execute(trx);
    const { rows: sterile } = await sql<Record<string, string>>`
      SELECT to_char(month, 'YYYY-MM') AS month, sum(read_loads)::text AS read_loads, sum(failed_loads)::text AS failed,
             sum(packs)::text AS packs, sum(recalled_packs)::text AS recalled, sum(recalled_out)::text AS recalled_out
      FROM indicator_supply_sterile_v01 WHERE year = ${year} AND org_id = ANY(${orgs}::int[])
      GROUP BY month ORDER BY month`.execute(trx);
    await writeAudit(trx, ctx.audit, { action: 'supply.figures', resource: 'supply', detail: { year } });
    const handovers = byOrg.reduce((s, r) => s + n(r.handovers), 0);
    const unconfirmed = byOrg.reduce((s, r) => s + n(r.unconfirmed), 0);
    const readLoads = sterile.reduce((s, r) => s + n(r.read_loads), 0);
    const failed = sterile.reduce((s, r) => s + n(r.failed), 0);
    return {
      year,
      wasteWeight: {
        definition: '各产生机构当年登记的医疗废物袋（箱）在产生地称重的合计重量，按登记（服务器）时间所在月份',
        numerator: '产生地称重合计（克）',
        denominator: '登记袋（箱）数',
        view: 'db/views/indicator_supply_waste_v01.sql',
        totalG: byOrg.reduce((s, r) => s + n(r.weight), 0),
        bags: byOrg.reduce((s, r) => s + n(r.bags), 0),
        byOrg: byOrg.map((r) => ({
          orgId: n(r.org_id),
          orgName: r.org_name,
          kind: r.kind,
          bags: n(r.bags),
          weightG: n(r.weight),
          handovers: n(r.handovers),
          unconfirmed: n(r.unconfirmed),
        })),
        byMonth: wasteMonths.map((r) => ({ month: r.month, category: r.category, weightG: n(r.weight) })),
      },
      unconfirmed: {
        definition: '交接（产生科室→收集人员→转运站→处置公司）中交出方已登记、接收方尚未确认的交接占全部交接的比例',
        numerator: '接收方未确认的交接数',
        denominator: '全部交接数',
        view: 'db/views/indicator_supply_waste_v01.sql',
        numeratorValue: unconfirmed,
        denominatorValue: handovers,
        rate: ratio(unconfirmed, handovers),
      },
      sterileFailure: {
        definition:
          '按灭菌日期所在月份，已判读的灭菌锅次中物理、化学或生物监测任一不合格的比例；不合格锅次的无菌包全部召回',
        numerator: '监测不合格锅次',
        denominator: '已判读锅次（待判读的不计）',
        view: 'db/views/indicator_supply_sterile_v01.sql',
        numeratorValue: failed,
        denominatorValue: readLoads,
        rate: ratio(failed, readLoads),
        recalledPacks: sterile.reduce((s, r) => s + n(r.recalled), 0),
        recalledOut: sterile.reduce((s, r) => s + n(r.recalled_out), 0),
        byMonth: sterile.map((r) => ({
          month: r.month,
          readLoads: n(r.read_loads),
          failed: n(r.failed),
          rate: ratio(n(r.failed), n(r.read_loads)),
          packs: n(r.packs),
          recalled: n(r.recalled),
        })),
      },
    };
  });
}
