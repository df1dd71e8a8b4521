import { sql } from 'kysely';
import { contractRows, VIEWS } from './figures-snapshot.ts';
export { VIEWS } from './figures-snapshot.ts';

import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import type { OrgTree } from '../platform/org-tree.ts';

import type { FiguresQuery } from './chronic.schema.ts';

/**
 * 家庭医生与慢病管理的指标 (issue 11), read from the versioned views in db/views
 * (indicator_chronic_* and indicator_fd_*), summed up the org tree to the level asked for:
 * county, township, village or grid. Every figure carries its numerator and denominator.
 */

export const DEFINITIONS = {
  signed: '签约率 = 年末（本年为今日）签约在有效期内的居民数 / 同日在世居民数；重点人群按当日档案',
  renewed: '续签率 = 年内到期（截至今日）且已续签的签约数 / 年内到期的签约数（解约的不计）',
  fulfilment: '履约率（合并）= Σ min(已用, 额度) / Σ 额度，按年内开始的签约；旁列各签约履约率的平均值',
  managed: '管理率 = 年内有随访的患者数 / 应管理人数（35 岁以上人口 × 估计患病率，基础数据）',
  standard_four: '规范管理率（口径一）= 年内面对面随访 ≥ 4 次的患者数 / 年内已管理患者数',
  standard_quarterly: '规范管理率（口径二）= 四个季度每季至少 1 次面对面随访的患者数 / 年内已管理患者数',
  controlled: '控制率 = 年内最近一次随访达标的患者数 / 年内已管理患者数',
  simple: 'Simple 口径：9 月 30 日前登记的患者中，10–12 月有随访且达标者 / 非失访者；失访 = 全年无随访',
} as const;

export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}
const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator > 0 ? Math.round((numerator * 1000) / denominator) / 10 : null,
});

interface DiseaseCells {
  managed: number;
  expected: number;
  standard: number;
  controlled: number;
  simpleRegistered: number;
  simpleLost: number;
  simpleControlled: number;
}
interface Cells {
  residents: Record<string, number>;
  signed: Record<string, number>;
  ended: number;
  renewed: number;
  contracts: number;
  usedCapped: number;
  quota: number;
  meanRateSum: number;
  htn: DiseaseCells;
  t2dm: DiseaseCells;
}
const emptyDisease = (): DiseaseCells => ({
  managed: 0,
  expected: 0,
  standard: 0,
  controlled: 0,
  simpleRegistered: 0,
  simpleLost: 0,
  simpleControlled: 0,
});
const emptyCells = (): Cells => ({
  residents: {},
  signed: {},
  ended: 0,
  renewed: 0,
  contracts: 0,
  usedCapped: 0,
  quota: 0,
  meanRateSum: 0,
  htn: emptyDisease(),
  t2dm: emptyDisease(),
});

export const POPULATIONS = ['all', 'elderly', 'child', 'poor', 'hypertension', 'diabetes'] as const;

/** the area a village (and grid) row is summed into at a level */
function areaOf(
  tree: OrgTree,
  level: FiguresQuery['level'],
  countyId: number,
  orgId: number,
  gridId: number | null,
): string | null {
  if (level === 'county') return `county:${countyId}`;
  if (level === 'village') return `org:${orgId}`;
  if (level === 'grid') return gridId === null ? null : `grid:${gridId}`;
  const parent = tree.get(orgId)?.parentId;
  return parent ? `org:${parent}` : `org:${orgId}`;
}

export async function dashboard(ctx: Ctx, input: FiguresQuery) {
  const tree = await ctx.platform.orgTree.fresh();
  const countyId = ctx.actor.countyId;
  const within = input.orgId ? new Set(tree.subtree(input.orgId)) : null;
  if (input.orgId && !ctx.scope.orgIds.includes(input.orgId))
    throw badRequest('ORG_OUT_OF_SCOPE', '只能查看本机构及下属机构的指标', 'orgId');
  const visible = new Set(ctx.scope.orgIds);
  const keep = (orgId: number) => visible.has(orgId) && (within === null || within.has(orgId));
  const year = input.year;
  const rows = await withScope(ctx.db, ctx.scope, async (trx) => ({
    grids: await trx.selectFrom('grids').select(['id', 'name', 'org_id']).where('county_id', '=', countyId).execute(),
    teams: await trx.selectFrom('fd_teams').select(['id', 'name']).where('county_id', '=', countyId).execute(),
    orgNames: await trx.selectFrom('orgs').select(['id', 'name', 'code']).where('county_id', '=', countyId).execute(),
  }));
  const contract = await contractRows(ctx.db, tree, countyId, year, ctx.platform.config.figuresMaxAgeMs);
  const areas = new Map<string, Cells>();
  const total = emptyCells();
  const add = (orgId: number, gridId: number | null, fn: (c: Cells) => void) => {
    if (!keep(orgId)) return;
    fn(total);
    const key = areaOf(tree, input.level, countyId, orgId, gridId);
    if (key === null) return;
    let cells = areas.get(key);
    if (!cells) areas.set(key, (cells = emptyCells()));
    fn(cells);
  };
  for (const r of contract.rows.management)
    add(r.org_id, r.grid_id, (c) => {
      c[r.disease].managed += r.managed;
      c[r.disease].standard += input.caliber === 'four' ? r.standard_four : r.standard_quarterly;
      c[r.disease].controlled += r.controlled;
    });
  // base data has no grid: at the grid level the expected count stays with the total only
  for (const r of contract.rows.expected)
    add(r.org_id, null, (c) => {
      c.htn.expected += r.expected_htn;
      c.t2dm.expected += r.expected_t2dm;
    });
  for (const r of contract.rows.simple)
    add(r.org_id, r.grid_id, (c) => {
      c[r.disease].simpleRegistered += r.registered;
      c[r.disease].simpleLost += r.lost;
      c[r.disease].simpleControlled += r.controlled;
    });
  for (const r of contract.rows.signing)
    add(r.org_id, r.grid_id, (c) => {
      c.residents[r.population] = (c.residents[r.population] ?? 0) + r.residents;
      c.signed[r.population] = (c.signed[r.population] ?? 0) + r.signed;
    });
  for (const r of contract.rows.renewal)
    add(r.org_id, r.grid_id, (c) => {
      c.ended += r.ended;
      c.renewed += r.renewed;
    });
  // 履约率 per team as well (the team's contracts in the caller's reach), pooled with the mean beside
  const teams = new Map<number, { contracts: number; used: number; quota: number; meanSum: number }>();
  for (const r of contract.rows.fulfilment) {
    if (!keep(r.org_id)) continue;
    const t = teams.get(r.team_id) ?? { contracts: 0, used: 0, quota: 0, meanSum: 0 };
    t.contracts += r.contracts;
    t.used += r.used_capped;
    t.quota += r.quota;
    t.meanSum += Number(r.mean_rate_sum);
    teams.set(r.team_id, t);
  }
  for (const r of contract.rows.fulfilment)
    add(r.org_id, r.grid_id, (c) => {
      c.contracts += r.contracts;
      c.usedCapped += r.used_capped;
      c.quota += r.quota;
      c.meanRateSum += Number(r.mean_rate_sum);
    });
  const names = new Map(rows.orgNames.map((o) => [`org:${o.id}`, { name: o.name, code: o.code }]));
  for (const g of rows.grids)
    names.set(`grid:${g.id}`, { name: g.name, code: `${names.get(`org:${g.org_id}`)?.code ?? ''}:${g.name}` });
  names.set(`county:${countyId}`, { name: '全县', code: '' });
  const shape = (c: Cells) => {
    const disease = (d: DiseaseCells) => ({
      managed: d.managed,
      management: ratio(d.managed, d.expected),
      standard: ratio(d.standard, d.managed),
      controlled: ratio(d.controlled, d.managed),
      simpleControlled: ratio(d.simpleControlled, d.simpleRegistered - d.simpleLost),
      simpleLost: ratio(d.simpleLost, d.simpleRegistered),
    });
    return {
      signed: Object.fromEntries(POPULATIONS.map((p) => [p, ratio(c.signed[p] ?? 0, c.residents[p] ?? 0)])) as Record<
        (typeof POPULATIONS)[number],
        Ratio
      >,
      renewed: ratio(c.renewed, c.ended),
      fulfilment: ratio(c.usedCapped, c.quota),
      fulfilmentMean: c.contracts ? Math.round((c.meanRateSum * 1000) / c.contracts) / 10 : null,
      contracts: c.contracts,
      htn: disease(c.htn),
      t2dm: disease(c.t2dm),
    };
  };
  const items = [...areas.entries()]
    .map(([key, cells]) => ({
      key,
      id: Number(key.split(':')[1]),
      name: names.get(key)?.name ?? key,
      code: names.get(key)?.code ?? key,
      ...shape(cells),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    year,
    level: input.level,
    caliber: input.caliber,
    caliberLabel: input.caliber === 'four' ? DEFINITIONS.standard_four : DEFINITIONS.standard_quarterly,
    fulfilmentState: '合并（pooled）：Σ 已用 / Σ 额度；平均值另列',
    /** when the view rows behind these figures were computed (at most FIGURES_MAX_AGE_MS ago) */
    computedAt: contract.computedAt,
    definitions: DEFINITIONS,
    views: VIEWS,
    total: shape(total),
    teams: rows.teams
      .filter((t) => teams.has(t.id))
      .map((t) => {
        const f = teams.get(t.id) ?? { contracts: 0, used: 0, quota: 0, meanSum: 0 };
        return {
          id: t.id,
          name: t.name,
          contracts: f.contracts,
          fulfilment: ratio(f.used, f.quota),
          fulfilmentMean: f.contracts ? Math.round((f.meanSum * 1000) / f.contracts) / 10 : null,
        };
      }),
    items: items.map(({ code: _code, ...rest }) => rest),
  };
}

/** per recording doctor: share of SBP readings ending in 0 and at 139/89 (flagged past the thresholds) */
export async function dataQuality(ctx: Ctx, input: Pick<FiguresQuery, 'year' | 'orgId'>) {
  const tree = await ctx.platform.orgTree.fresh();
  const within = input.orgId ? new Set(tree.subtree(input.orgId)) : null;
  const rows = await withScope(ctx.db, ctx.scope, async (trx: Kdb) =>
    sql<{
      staff_id: number;
      name: string;
      org_id: number;
      org_name: string;
      readings: number;
      ending_zero: number;
      at_139_89: number;
    }>`
      SELECT q.staff_id, s.display_name AS name, q.org_id, o.name AS org_name, q.readings, q.ending_zero, q.at_139_89
      FROM ${sql.table(VIEWS.quality)} q JOIN staff s ON s.id = q.staff_id JOIN orgs o ON o.id = q.org_id
      WHERE q.county_id = ${ctx.actor.countyId} AND q.year = ${input.year}
      ORDER BY q.ending_zero::numeric / q.readings DESC, q.staff_id`.execute(trx),
  );
  const visible = new Set(ctx.scope.orgIds);
  return {
    year: input.year,
    rule: '收缩压尾数为 0 的读数超过 50%，或 139/89 的读数超过 10%，即标出（随机时尾数为 0 约占 10%）',
    items: rows.rows
      .filter((r) => visible.has(r.org_id) && (within === null || within.has(r.org_id)))
      .map((r) => {
        const zero = ratio(r.ending_zero, r.readings);
        const heap = ratio(r.at_139_89, r.readings);
        return {
          staffId: r.staff_id,
          name: r.name,
          orgName: r.org_name,
          readings: r.readings,
          endingZero: zero,
          at139_89: heap,
          flagged: r.readings >= 20 && ((zero.rate ?? 0) > 50 || (heap.rate ?? 0) > 10),
        };
      }),
  };
}
