import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, forbidden } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { maskName } from '../platform/mask.ts';
import type { Role } from '../platform/roles.ts';
import { FIGURES, figureDef, type FigureDef } from './figures.defs.ts';
import * as fq from './figures.queries.ts';
import type {
  CareFigure,
  CareFigures,
  FigureCell,
  FigureRecord,
  FigureUnit,
  FiguresQuery,
  PartUnit,
  RecordsQuery,
} from './figures.schema.ts';

/** the longest period one request reads (growth reads a year more) */
const MAX_MONTHS = 36;
/** roles that treat the residents behind a figure see their names; the others see them masked */
const NAME_READERS: readonly Role[] = ['coordinator', 'township_doctor'];

/** '2025-03' + (-12) → '2024-03' */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** percent and growth with two decimals, days with two, fen whole; nothing over nothing is null */
export function valueOf(unit: FigureUnit, n: number, d: number): number | null {
  if (d === 0) return null;
  if (unit === 'growth') return round2((n / d - 1) * 100);
  if (unit === 'percent') return round2((n / d) * 100);
  return unit === 'days' ? round2(n / d) : Math.round(n / d);
}

/**
 * The orgs a caller's figures count: their scope (a township's subtree, or the county), narrowed
 * to one org or one township if asked; asking for one outside the scope is refused.
 */
function reach(ctx: Ctx, orgs: fq.OrgTownship[], input: { orgId?: number; townshipId?: number }): number[] {
  const mine = new Set(ctx.scope.orgIds);
  if (input.orgId !== undefined) {
    if (!mine.has(input.orgId)) throw forbidden('无权查看该机构的指标');
    return [input.orgId];
  }
  if (input.townshipId !== undefined) {
    if (!mine.has(input.townshipId)) throw forbidden('无权查看该乡镇的指标');
    return orgs.filter((o) => o.township_id === input.townshipId && mine.has(o.org_id)).map((o) => o.org_id);
  }
  return [...mine];
}

/** Every county org is readable to the figure queries; `reach` says which of them count. */
function inCounty<T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> {
  return withScope(ctx.db, { userId: ctx.actor.id, orgIds: ctx.platform.orgTree.county(ctx.actor.countyId) }, fn);
}

type Tally = Map<string, { numerator: number; denominator: number }>;

/**
 * Sums the cells of the period by a key. A growth figure's numerator is the period's count and
 * its denominator the count a year earlier, so a row also counts for the month 12 later.
 */
function tally(def: FigureDef, rows: fq.CellRow[], period: Set<string>, key: (r: fq.CellRow) => string | null) {
  const out: Tally = new Map();
  const add = (k: string | null, n: number, d: number) => {
    if (k === null) return;
    const t = out.get(k) ?? { numerator: 0, denominator: 0 };
    t.numerator += n;
    t.denominator += d;
    out.set(k, t);
  };
  for (const r of rows) {
    if (def.unit !== 'growth') {
      if (period.has(r.month)) add(key(r), r.numerator, r.denominator);
      continue;
    }
    if (period.has(r.month)) add(key(r), r.numerator, 0);
    const later = addMonths(r.month, 12);
    if (period.has(later)) add(key({ ...r, month: later }), 0, r.numerator);
  }
  return out;
}

function cellOf(def: FigureDef, t: { numerator: number; denominator: number } | undefined): FigureCell {
  const numerator = t?.numerator ?? 0;
  const denominator = t?.denominator ?? 0;
  return { numerator, denominator, value: valueOf(def.unit, numerator, denominator) };
}

function figureOf(def: FigureDef, rows: fq.CellRow[], months: string[], orgs: fq.OrgTownship[]): CareFigure {
  const period = new Set(months);
  const org = new Map(orgs.map((o) => [o.org_id, o]));
  const total = tally(def, rows, period, () => 'all').get('all');
  const byMonth = tally(def, rows, period, (r) => r.month);
  const byOrg = tally(def, rows, period, (r) => String(r.org_id));
  const byTownship = tally(def, rows, period, (r) => {
    const t = org.get(r.org_id)?.township_id;
    return t == null ? null : String(t);
  });
  // month-on-month: the counts of a growth figure; a ratio has no such comparison here
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.month, (count.get(r.month) ?? 0) + r.numerator);
  const previous = (m: string) =>
    def.unit === 'growth' ? valueOf('growth', count.get(m) ?? 0, count.get(addMonths(m, -1)) ?? 0) : null;
  const recorded = new Set(rows.filter((r) => r.numerator > 0).map((r) => r.month));
  const uncomparable =
    def.unit === 'growth' ? months.filter((m) => recorded.has(m) && !recorded.has(addMonths(m, -12))) : [];
  const comparable = <T extends FigureCell>(c: T, month?: string): T =>
    (month === undefined ? uncomparable.length : uncomparable.includes(month) ? 1 : 0) ? { ...c, value: null } : c;
  return {
    key: def.key,
    label: def.label,
    definition: def.definition,
    view: `db/views/${def.view}.sql`,
    unit: def.unit,
    parts: def.parts ?? { numerator: 'count', denominator: 'count' },
    aim: def.aim,
    drillable: !def.records ? [] : def.records.denominator === false ? ['numerator'] : ['numerator', 'denominator'],
    ...comparable(cellOf(def, total)),
    uncomparable,
    byMonth: months.map((m) => ({
      month: m,
      ...comparable(cellOf(def, byMonth.get(m)), m),
      previousMonthGrowth: previous(m),
    })),
    byOrg: [...byOrg]
      .map(([id, t]) => {
        const o = org.get(Number(id));
        const c = comparable(cellOf(def, t));
        return { orgId: Number(id), orgName: o?.org_name ?? id, townshipId: o?.township_id ?? null, ...c };
      })
      .sort((a, b) => a.orgId - b.orgId),
    byTownship: [...byTownship]
      .map(([id, t]) => ({
        townshipId: Number(id),
        townshipName: org.get(Number(id))?.org_name ?? id,
        ...comparable(cellOf(def, t)),
      }))
      .sort((a, b) => a.townshipId - b.townshipId),
  };
}

/**
 * 医共体运行指标: every care figure of the period (default: the 12 months up to this one,
 * Shanghai), for the caller's reach, each with its numerator and denominator by month, org and
 * township.
 */
export async function compute(ctx: Ctx, input: FiguresQuery): Promise<CareFigures> {
  const to = input.to ?? todayInShanghai().slice(0, 7);
  const from = input.from ?? addMonths(to, -11);
  const months = monthsOf(from, to);
  if (months.length > MAX_MONTHS) throw badRequest('PERIOD_TOO_LONG', `统计区间最长 ${MAX_MONTHS} 个月`, 'from');
  return inCounty(ctx, async (trx) => {
    const orgs = await fq.orgTownships(trx, ctx.actor.countyId);
    const orgIds = reach(ctx, orgs, input);
    const figures: CareFigure[] = [];
    for (const def of FIGURES) {
      const start = def.unit === 'growth' ? addMonths(from, -12) : from;
      const rows = await fq.cells(trx, def, { countyId: ctx.actor.countyId, from: start, to, orgIds });
      figures.push(figureOf(def, rows, months, orgs));
    }
    await writeAudit(trx, ctx.audit, {
      action: 'care.figures',
      resource: 'care_figure',
      detail: { ...input, from, to },
    });
    return { from, to, figures };
  });
}

/** What a drill-down reads: a growth figure's denominator is the same month a year earlier. */
function drill(ctx: Ctx, orgs: fq.OrgTownship[], input: RecordsQuery) {
  const def = figureDef(input.figure);
  const rows = def.records;
  if (!rows) throw badRequest('NOT_DRILLABLE', `「${def.label}」按机构和月份汇总，暂不能打开明细记录`, 'figure');
  if (input.part === 'denominator' && rows.denominator === false)
    throw badRequest('NOT_DRILLABLE', `「${def.label}」的分母按床位数与天数计算，没有明细记录；请打开分子`, 'part');
  const yearEarlier = def.unit === 'growth' && input.part === 'denominator';
  const month = yearEarlier ? addMonths(input.month, -12) : input.month;
  const part = yearEarlier ? 'numerator' : input.part;
  const cells = { countyId: ctx.actor.countyId, from: month, to: month, orgIds: reach(ctx, orgs, input) };
  return { def, rows, cells, part } as const;
}

function toRecord(ctx: Ctx) {
  const names = NAME_READERS.includes(ctx.scope.role);
  return (r: fq.RecordRow): FigureRecord => ({
    source: r.source as FigureRecord['source'],
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name ?? '',
    at: new Date(r.at).toISOString(),
    residentName: r.resident_name === null ? null : names ? r.resident_name : maskName(r.resident_name),
    detail: r.detail,
    amount: Number(r.amount),
  });
}

/** The records one figure cell counted, a page at a time; the read is audited. */
export async function records(ctx: Ctx, input: RecordsQuery) {
  return inCounty(ctx, async (trx) => {
    const d = drill(ctx, await fq.orgTownships(trx, ctx.actor.countyId), input);
    const { rows, meta } = await fetchPage(trx, fq.records(trx, d.def, d.rows, d.cells, d.part), input);
    await writeAudit(trx, ctx.audit, {
      action: 'care.figures.records',
      resource: 'care_figure',
      detail: { filter: exportFilter(input), rows: rows.length },
    });
    return { ...meta, items: rows.map(toRecord(ctx)) };
  });
}

/** the drill-down rows add what the numerator adds (a denominator of records adds 1 each) */
const AMOUNT_HEADERS: Record<PartUnit, string> = { count: '计入', fen: '计入（分）', days: '计入（天）' };

const SOURCE_LABELS: Record<FigureRecord['source'], string> = {
  visit: '门诊就诊',
  stay: '住院',
  out_of_county_visit: '县外就诊',
  operation: '手术',
  fee_line: '费用明细',
};

/** The same records, every page, as an Excel file (audited, masked as on screen). */
export async function exportRecords(ctx: Ctx, input: RecordsQuery) {
  const rows = await inCounty(ctx, async (trx) => {
    const d = drill(ctx, await fq.orgTownships(trx, ctx.actor.countyId), input);
    return refuseIfTooMany(
      await exportRows(trx, ctx.audit, fq.records(trx, d.def, d.rows, d.cells, d.part), {
        action: 'care.figures.records.export',
        resource: 'care_figure',
        filter: exportFilter(input),
      }),
    );
  });
  const def = figureDef(input.figure);
  return toXlsx(
    rows.map(toRecord(ctx)),
    [
      { header: '记录类型', value: (r) => SOURCE_LABELS[r.source], width: 12 },
      { header: '编号', value: (r) => r.id, width: 10 },
      { header: '机构', value: (r) => r.orgName, width: 24 },
      { header: '时间', value: (r) => shanghaiText(r.at), width: 18 },
      { header: '居民', value: (r) => r.residentName, width: 10 },
      { header: '摘要', value: (r) => r.detail, width: 30 },
      { header: AMOUNT_HEADERS[def.parts?.numerator ?? 'count'], value: (r) => r.amount },
    ],
    `${def.label}-${input.month}-${input.part === 'numerator' ? '分子' : '分母'}`,
  );
}
