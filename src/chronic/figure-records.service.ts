import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import { toXlsx } from '../platform/list.ts';
import { maskIdNumber } from '../platform/mask.ts';
import { writeAudit } from '../platform/audit.ts';
import type { RecordsQuery } from './chronic.schema.ts';

/**
 * The named patients (or contracts) behind a figure's numerator or denominator, by the same
 * definitions as the views (db/views/indicator_chronic_* / indicator_fd_*), for an area.
 */

interface RecordRow {
  resident_id: number;
  name: string;
  id_number: string;
  org_name: string;
  detail: string | null;
}

const asOf = (year: number) => sql`least(make_date(${year}::int, 12, 31), (now() AT TIME ZONE 'Asia/Shanghai')::date)`;

function recordSql(q: RecordsQuery, countyId: number, orgIds: number[]): RawBuilder<RecordRow> {
  const year = q.year;
  const num = q.part === 'numerator';
  const orgs = sql`${sql.val(orgIds)}::int[]`;
  const disease = q.disease;
  switch (q.figure) {
    case 'managed':
    case 'standard':
    case 'controlled': {
      if (q.figure === 'managed' && !num)
        throw badRequest('NO_PATIENT_LIST', '管理率的分母是估计人数（基础数据），没有患者名单');
      const cond =
        !num || q.figure === 'managed'
          ? sql`true`
          : q.figure === 'controlled'
            ? sql`y.last_controlled`
            : q.caliber === 'four'
              ? sql`y.face_to_face >= 4`
              : sql`y.quarters = 15`;
      return sql<RecordRow>`
        SELECT r.id AS resident_id, r.name, r.id_number, o.name AS org_name,
               '随访 ' || y.followups || ' 次（面对面 ' || y.face_to_face || '），末次 ' || y.last_visit ||
               CASE WHEN y.last_controlled THEN ' 达标' ELSE ' 未达标' END AS detail
        FROM chronic_case_years y JOIN chronic_cases c ON c.id = y.case_id JOIN residents r ON r.id = c.resident_id
        JOIN orgs o ON o.id = y.org_id
        WHERE y.county_id = ${countyId} AND y.year = ${year} AND y.disease = ${disease} AND y.org_id = ANY(${orgs}) AND ${cond}
        ORDER BY r.name_pinyin, r.id`;
    }
    case 'simple_controlled':
    case 'simple_lost': {
      const cond =
        q.figure === 'simple_lost'
          ? num
            ? sql`y.case_id IS NULL`
            : sql`true`
          : num
            ? sql`y.last_visit >= make_date(${year}::int, 10, 1) AND y.last_controlled`
            : sql`y.case_id IS NOT NULL`;
      return sql<RecordRow>`
        SELECT r.id AS resident_id, r.name, r.id_number, o.name AS org_name,
               coalesce('末次随访 ' || y.last_visit, '全年无随访') AS detail
        FROM chronic_cases c JOIN residents r ON r.id = c.resident_id JOIN orgs o ON o.id = c.org_id
        LEFT JOIN chronic_case_years y ON y.case_id = c.id AND y.year = ${year}
        WHERE c.county_id = ${countyId} AND c.disease = ${disease} AND c.org_id = ANY(${orgs})
          AND coalesce(c.confirmed_on, c.managed_on) <= make_date(${year}::int, 9, 30)
          AND (c.terminated_on IS NULL OR c.terminated_on > make_date(${year}::int, 12, 31)) AND ${cond}
        ORDER BY r.name_pinyin, r.id`;
    }
    case 'signed':
      return sql<RecordRow>`
        SELECT r.id AS resident_id, r.name, r.id_number, o.name AS org_name,
               (SELECT '签约至 ' || k.signed_to FROM fd_contracts k WHERE k.resident_id = r.id AND k.period @> ${asOf(year)} LIMIT 1) AS detail
        FROM residents r JOIN orgs o ON o.id = r.org_id
        WHERE r.county_id = ${countyId} AND r.org_id = ANY(${orgs}) AND (r.deceased_on IS NULL OR r.deceased_on > ${asOf(year)})
          AND ${num ? sql`EXISTS (SELECT 1 FROM fd_contracts k WHERE k.resident_id = r.id AND k.period @> ${asOf(year)})` : sql`true`}
        ORDER BY r.name_pinyin, r.id`;
    case 'renewed':
      return sql<RecordRow>`
        SELECT r.id AS resident_id, r.name, r.id_number, o.name AS org_name,
               '到期 ' || c.signed_to || CASE WHEN n.id IS NULL THEN '，未续签' ELSE '，已续签' END AS detail
        FROM fd_contracts c JOIN residents r ON r.id = c.resident_id JOIN orgs o ON o.id = c.org_id
        LEFT JOIN fd_contracts n ON n.renewed_from_id = c.id
        WHERE c.county_id = ${countyId} AND c.org_id = ANY(${orgs}) AND c.status = 'active'
          AND extract(year FROM c.signed_to - 1) = ${year} AND c.signed_to <= (now() AT TIME ZONE 'Asia/Shanghai')::date
          AND ${num ? sql`n.id IS NOT NULL` : sql`true`}
        ORDER BY r.name_pinyin, c.id`;
    case 'fulfilment':
      return sql<RecordRow>`
        SELECT r.id AS resident_id, r.name, r.id_number, o.name AS org_name,
               '已用 ' || sum(least(e.used, e.quota)) || ' / 额度 ' || sum(e.quota) AS detail
        FROM fd_contracts c JOIN fd_entitlements e ON e.contract_id = c.id
        JOIN residents r ON r.id = c.resident_id JOIN orgs o ON o.id = c.org_id
        WHERE c.county_id = ${countyId} AND c.org_id = ANY(${orgs}) AND extract(year FROM lower(c.period)) = ${year}
        GROUP BY r.id, r.name, r.id_number, o.name, r.name_pinyin, c.id
        ORDER BY sum(least(e.used, e.quota))::numeric / sum(e.quota), r.name_pinyin, c.id`;
  }
}

async function areaOrgs(ctx: Ctx, orgId: number | undefined): Promise<number[]> {
  const tree = await ctx.platform.orgTree.fresh();
  if (orgId !== undefined && !ctx.scope.orgIds.includes(orgId))
    throw badRequest('ORG_OUT_OF_SCOPE', '只能查看本机构及下属机构的名单', 'orgId');
  const area = orgId !== undefined ? new Set(tree.subtree(orgId)) : null;
  return ctx.scope.orgIds.filter((o) => area === null || area.has(o));
}

export async function records(ctx: Ctx, q: RecordsQuery) {
  const orgIds = await areaOrgs(ctx, q.orgId);
  const query = recordSql(q, ctx.actor.countyId, orgIds);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows: count } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) x`.execute(trx);
    const { rows } =
      await sql<RecordRow>`SELECT * FROM (${query}) x LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
        trx,
      );
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.figures.records',
      resource: 'chronic_figure',
      detail: {
        figure: q.figure,
        part: q.part,
        year: q.year,
        orgId: q.orgId ?? null,
        results: rows.map((r) => r.resident_id),
      },
    });
    return {
      total: count[0].n,
      totalCapped: false,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        residentId: r.resident_id,
        name: r.name,
        idNumber: maskIdNumber(r.id_number),
        orgName: r.org_name,
        detail: r.detail,
      })),
    };
  });
}

export async function exportRecords(ctx: Ctx, q: RecordsQuery) {
  const orgIds = await areaOrgs(ctx, q.orgId);
  const rows = await withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows: found } =
      await sql<RecordRow>`SELECT * FROM (${recordSql(q, ctx.actor.countyId, orgIds)}) x LIMIT 10001`.execute(trx);
    if (found.length > 10_000) throw badRequest('EXPORT_TOO_LARGE', '一次最多导出 10,000 行，请选择更小的地区后再导出');
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.figures.records.export',
      resource: 'chronic_figure',
      detail: { figure: q.figure, part: q.part, year: q.year, orgId: q.orgId ?? null, rows: found.length },
    });
    return found;
  });
  return toXlsx(
    rows,
    [
      { header: '居民', value: (r) => r.name, width: 10 },
      { header: '身份证号', value: (r) => maskIdNumber(r.id_number), width: 20 },
      { header: '机构', value: (r) => r.org_name, width: 20 },
      { header: '说明', value: (r) => r.detail, width: 36 },
    ],
    `${q.figure}-${q.year}-${q.part === 'numerator' ? '分子' : '分母'}`,
  );
}
