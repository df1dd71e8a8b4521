import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';

/** 管理率's base data per village clinic for a year, with the 35+ count of the resident index as a hint */
export async function baseData(ctx: Ctx, year: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<{
      org_id: number;
      name: string;
      pop_35_plus: number | null;
      htn_bp: number | null;
      t2dm_bp: number | null;
      indexed_35_plus: number;
    }>`
      SELECT o.id AS org_id, o.name, b.pop_35_plus, b.htn_prevalence_bp AS htn_bp, b.t2dm_prevalence_bp AS t2dm_bp,
        (SELECT count(*)::int FROM residents r WHERE r.org_id = o.id AND r.deceased_on IS NULL
           AND r.birth_date <= make_date(${year}::int - 35, 12, 31)) AS indexed_35_plus
      FROM orgs o LEFT JOIN chronic_base_data b ON b.org_id = o.id AND b.year = ${year}
      WHERE o.county_id = ${ctx.actor.countyId} AND o.kind = 'village_clinic' AND o.id = ANY(${sql.val(ctx.scope.orgIds)}::int[])
      ORDER BY o.code`.execute(trx);
    return {
      year,
      items: rows.map((r) => ({
        orgId: r.org_id,
        name: r.name,
        pop35Plus: r.pop_35_plus,
        htnPrevalencePct: r.htn_bp === null ? null : r.htn_bp / 100,
        t2dmPrevalencePct: r.t2dm_bp === null ? null : r.t2dm_bp / 100,
        indexed35Plus: r.indexed_35_plus,
      })),
    };
  });
}

export async function saveBaseData(
  ctx: Ctx,
  input: {
    year: number;
    rows: Array<{ orgId: number; pop35Plus: number; htnPrevalencePct: number; t2dmPrevalencePct: number }>;
  },
) {
  const tree = await ctx.platform.orgTree.fresh();
  for (const r of input.rows) {
    if (!ctx.scope.orgIds.includes(r.orgId) || tree.get(r.orgId)?.kind !== 'village_clinic')
      throw badRequest('BASE_DATA_ORG', '基础数据按本辖区的村卫生室填写', 'rows');
  }
  await withScope(ctx.db, ctx.scope, async (trx) => {
    for (const r of input.rows) {
      const values = {
        pop_35_plus: r.pop35Plus,
        htn_prevalence_bp: Math.round(r.htnPrevalencePct * 100),
        t2dm_prevalence_bp: Math.round(r.t2dmPrevalencePct * 100),
        updated_by: ctx.actor.id,
      };
      await trx
        .insertInto('chronic_base_data')
        .values({ org_id: r.orgId, year: input.year, county_id: ctx.actor.countyId, ...values })
        .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet(values))
        .execute();
    }
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.base_data.save',
      resource: 'chronic_base_data',
      detail: { year: input.year, rows: input.rows.length },
    });
  });
  return baseData(ctx, input.year);
}
