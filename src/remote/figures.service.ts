import { sql, type RawBuilder } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, forbidden } from '../platform/errors.ts';
import { toXlsx, type XlsxFile } from '../platform/list.ts';
import { CENTRE_NAMES, CENTRE_VIEWS, DEFS, type FigureDef, type RemoteView } from './figures.defs.ts';
import type {
  RemoteCell,
  RemoteFigure,
  RemoteFigures,
  RemoteFiguresQuery,
  RemotePart,
  TurnaroundCell,
} from './figures.schema.ts';
import { inScope, nowOf } from './remote.shared.ts';

/**
 * 远程诊断统计 (issue 12 §7): every figure of a month range read from its versioned view
 * (db/views/indicator_remote_*_v01.sql) under the caller's row-level security, by month,
 * township and centre, with numerator, denominator and definition. A township doctor counts
 * their own township only (checked here, the second wall behind row-level security).
 */

const MAX_MONTHS = 36;

/** '2025-03' + (-12) → '2024-03' */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function periodOf(input: RemoteFiguresQuery, now: Date): { from: string; to: string; months: string[] } {
  const to = input.to ?? shanghaiDate(now).slice(0, 7);
  const from = input.from ?? addMonths(to, -11);
  if (from > to) throw badRequest('PERIOD_INVALID', '起始月份不能晚于截止月份', 'from');
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    months.push(m);
    if (months.length > MAX_MONTHS) throw badRequest('PERIOD_TOO_LONG', `统计区间最长 ${MAX_MONTHS} 个月`, 'from');
  }
  return { from, to, months };
}

interface Filter {
  countyId: number;
  from: string;
  to: string;
  centre: string | null;
  township: number | null;
}

const IDENT = /^[a-z][a-z0-9_]*$/;
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function where(view: RemoteView, f: Filter, from = f.from): RawBuilder<unknown> {
  const parts = [sql`v.county_id = ${f.countyId}`, sql`v.month BETWEEN ${from} AND ${f.to}`];
  if (f.centre !== null && CENTRE_VIEWS.has(view)) parts.push(sql`v.centre = ${f.centre}`);
  if (f.township !== null) parts.push(sql`v.township_id = ${f.township}`);
  return sql.join(parts, sql` AND `);
}

function aggregates(def: FigureDef, i: number): RawBuilder<unknown> {
  const [n, d, p] = [sql.raw(`n${i}`), sql.raw(`d${i}`), sql.raw(`p${i}`)];
  if (def.column === null) return sql`count(*)::int AS ${n}, NULL::int AS ${d}, NULL::float8 AS ${p}`;
  if (!IDENT.test(def.column)) throw new Error(`bad column ${def.column}`);
  const col = sql.ref(`v.${def.column}`);
  if (def.kind === 'rate')
    return sql`count(*) FILTER (WHERE ${col})::int AS ${n}, count(${col})::int AS ${d}, NULL::float8 AS ${p}`;
  if (def.kind === 'sum') return sql`coalesce(sum(${col}), 0)::int AS ${n}, NULL::int AS ${d}, NULL::float8 AS ${p}`;
  return sql`NULL::int AS ${n}, count(${col})::int AS ${d},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${col}) AS ${p}`;
}

type Row = Record<string, unknown>;

function cellOf(def: FigureDef, row: Row | undefined, i: number): RemoteCell {
  const num = (k: string) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  const n = num(`n${i}`) ?? (def.kind === 'p50' ? null : 0);
  const d = num(`d${i}`) ?? (def.kind === 'rate' || def.kind === 'p50' ? 0 : null);
  if (def.kind === 'rate')
    return { numerator: n, denominator: d, value: d && n !== null ? round((n / d) * 100, 2) : null };
  if (def.kind === 'p50') {
    const p = num(`p${i}`);
    return { numerator: null, denominator: d, value: p === null ? null : round(p, 1) };
  }
  return { numerator: n, denominator: null, value: n };
}

const growthCell = (n: number, d: number): RemoteCell => ({
  numerator: n,
  denominator: d,
  value: d > 0 ? round((n / d - 1) * 100, 2) : null,
});

const BY_KEY = { month: 'month', township: 'township_id', centre: 'centre' } as const;

/** one query per view and grouping: every figure of the view at once */
async function grouped(
  db: Kdb,
  view: RemoteView,
  defs: ReadonlyArray<{ def: FigureDef; i: number }>,
  f: Filter,
  by: 'total' | keyof typeof BY_KEY,
): Promise<Row[]> {
  const select = sql.join(defs.map(({ def, i }) => aggregates(def, i)));
  if (by === 'total') {
    const { rows } = await sql<Row>`SELECT ${select} FROM ${sql.table(view)} v WHERE ${where(view, f)}`.execute(db);
    return rows;
  }
  const key = sql.ref(`v.${BY_KEY[by]}`);
  const { rows } = await sql<Row>`
    SELECT ${key}::text AS k, ${select} FROM ${sql.table(view)} v
    WHERE ${where(view, f)} AND ${key} IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

/** consultations by township and month from a year before the period, for year-on-year growth */
async function growthFigure(db: Kdb, def: FigureDef, f: Filter, months: string[], names: Names) {
  const { rows } = await sql<{ month: string; t: number | null; n: number }>`
    SELECT v.month, v.township_id AS t, count(*)::int AS n FROM ${sql.table(def.view)} v
    WHERE ${where(def.view, f, addMonths(f.from, -12))} GROUP BY 1, 2`.execute(db);
  const count = (pick: (r: { month: string; t: number | null }) => boolean) =>
    rows.filter(pick).reduce((s, r) => s + Number(r.n), 0);
  const inPeriod = new Set(months);
  const before = new Set(months.map((m) => addMonths(m, -12)));
  const total = growthCell(
    count((r) => inPeriod.has(r.month)),
    count((r) => before.has(r.month)),
  );
  const byMonth = months.map((m) => ({
    month: m,
    ...growthCell(
      count((r) => r.month === m),
      count((r) => r.month === addMonths(m, -12)),
    ),
  }));
  const townships = [...new Set(rows.map((r) => r.t).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const byTownship = townships.map((t) => ({
    id: String(t),
    name: names.township(t),
    ...growthCell(
      count((r) => r.t === t && inPeriod.has(r.month)),
      count((r) => r.t === t && before.has(r.month)),
    ),
  }));
  return { total, byMonth, byTownship };
}

/** villages whose kit sent an ECG in the period ÷ active village clinics; by month and township */
async function coverageFigure(db: Kdb, def: FigureDef, f: Filter, months: string[], names: Names) {
  const township = f.township === null ? sql`true` : sql`v.township_id = ${f.township}`;
  const { rows } = await sql<{ village: number; t: number | null; month: string | null }>`
    SELECT v.village_org_id AS village, v.township_id AS t, v.month FROM ${sql.table(def.view)} v
    WHERE v.county_id = ${f.countyId} AND ${township}`.execute(db);
  const inPeriod = new Set(months);
  const share = (pick: (r: { t: number | null }) => boolean, month: (m: string | null) => boolean): RemoteCell => {
    const all = new Set(rows.filter(pick).map((r) => r.village));
    const sent = new Set(rows.filter((r) => pick(r) && month(r.month)).map((r) => r.village));
    return {
      numerator: sent.size,
      denominator: all.size,
      value: all.size ? round((sent.size / all.size) * 100, 2) : null,
    };
  };
  const inP = (m: string | null) => m !== null && inPeriod.has(m);
  const townships = [...new Set(rows.map((r) => r.t).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  return {
    total: share(() => true, inP),
    byMonth: months.map((m) => ({
      month: m,
      ...share(
        () => true,
        (x) => x === m,
      ),
    })),
    byTownship: townships.map((t) => ({
      id: String(t),
      name: names.township(t),
      ...share((r) => r.t === t, inP),
    })),
  };
}

interface Names {
  township: (id: number) => string;
}

async function turnaroundMatrix(db: Kdb, f: Filter): Promise<TurnaroundCell[]> {
  const view = 'indicator_remote_turnaround_v01';
  const { rows } = await sql<{ centre: string; priority: string; n: number; d: number; p: number | null }>`
    SELECT v.centre, v.priority, count(*) FILTER (WHERE v.within_limit)::int AS n, count(*)::int AS d,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY v.turnaround_min) AS p
    FROM ${sql.table(view)} v WHERE ${where(view, f)} GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows.map((r) => ({
    centre: r.centre as TurnaroundCell['centre'],
    priority: r.priority as TurnaroundCell['priority'],
    numerator: Number(r.n),
    denominator: Number(r.d),
    value: r.d ? round((Number(r.n) / Number(r.d)) * 100, 2) : null,
    medianMin: r.p === null ? null : round(Number(r.p), 1),
  }));
}

/**
 * The township a caller's figures count: a township doctor's own always (asking for another is
 * refused); anyone else the one asked for, or the whole county.
 */
async function townshipFor(trx: Kdb, ctx: Ctx, asked: number | undefined): Promise<number | null> {
  if (ctx.scope.role !== 'township_doctor') return asked ?? null;
  const { rows } = await sql<{ township_id: number | null }>`
    SELECT township_id FROM indicator_org_township_v01 WHERE org_id = ${ctx.actor.orgId}`.execute(trx);
  const own = rows[0]?.township_id ?? null;
  if (own === null) throw forbidden('您不属于任何乡镇，无权查看远程诊断统计');
  if (asked !== undefined && asked !== own) throw forbidden('乡镇医生只能查看本乡镇的远程诊断统计');
  return Number(own);
}

async function compute(trx: Kdb, ctx: Ctx, input: RemoteFiguresQuery): Promise<RemoteFigures> {
  const period = periodOf(input, nowOf(ctx));
  const township = await townshipFor(trx, ctx, input.townshipId);
  const f: Filter = { countyId: ctx.actor.countyId, ...period, centre: input.centre ?? null, township };
  const { rows: towns } = await sql<{ id: number; name: string }>`
    SELECT id, name FROM orgs WHERE county_id = ${f.countyId} AND kind IN ('township_center', 'community_center')
      AND (${township}::int IS NULL OR id = ${township}::int) ORDER BY id`.execute(trx);
  const townName = new Map(towns.map((t) => [Number(t.id), t.name]));
  const names: Names = { township: (id) => townName.get(id) ?? `#${id}` };
  const out = new Map<string, RemoteFigure>();
  const base = (def: FigureDef) => ({
    key: def.key,
    group: def.group,
    label: def.label,
    definition: def.definition,
    numeratorText: def.numerator,
    denominatorText: def.denominator,
    view: `db/views/${def.view}.sql`,
  });
  const special = DEFS.filter((d) => d.kind === 'growth' || d.kind === 'coverage');
  for (const def of special) {
    const r =
      def.kind === 'growth'
        ? await growthFigure(trx, def, f, period.months, names)
        : await coverageFigure(trx, def, f, period.months, names);
    out.set(def.key, {
      ...base(def),
      unit: def.kind === 'growth' ? 'growth' : 'percent',
      ...r.total,
      byMonth: r.byMonth,
      byTownship: r.byTownship,
      byCentre: null,
    });
  }
  const plain = DEFS.map((def, i) => ({ def, i })).filter((x) => !special.includes(x.def));
  for (const view of new Set(plain.map((x) => x.def.view))) {
    const defs = plain.filter((x) => x.def.view === view);
    const [total] = await grouped(trx, view, defs, f, 'total');
    const months = await grouped(trx, view, defs, f, 'month');
    const byTown = defs.some((x) => x.def.by.includes('township')) ? await grouped(trx, view, defs, f, 'township') : [];
    const byCentre = defs.some((x) => x.def.by.includes('centre')) ? await grouped(trx, view, defs, f, 'centre') : [];
    for (const { def, i } of defs) {
      const parts = (rows: Row[], name: (k: string) => string): RemotePart[] =>
        rows.map((r) => ({ id: String(r.k), name: name(String(r.k)), ...cellOf(def, r, i) }));
      out.set(def.key, {
        ...base(def),
        unit: def.kind === 'rate' ? 'percent' : def.kind === 'p50' ? 'minutes' : 'count',
        ...cellOf(def, total, i),
        byMonth: period.months.map((m) => ({
          month: m,
          ...cellOf(
            def,
            months.find((r) => r.k === m),
            i,
          ),
        })),
        byTownship: def.by.includes('township') ? parts(byTown, (k) => names.township(Number(k))) : null,
        byCentre: def.by.includes('centre') ? parts(byCentre, (k) => CENTRE_NAMES[k] ?? k) : null,
      });
    }
  }
  return {
    ...period,
    centre: f.centre as RemoteFigures['centre'],
    townshipId: township,
    townships: towns.map((t) => ({ id: Number(t.id), name: t.name })),
    figures: DEFS.map((d) => out.get(d.key)).filter((x): x is RemoteFigure => x !== undefined),
    turnaround: await turnaroundMatrix(trx, f),
  };
}

/** 远程诊断统计 of the period (default: the 12 months up to this one, Shanghai), audited */
export function remoteFigures(ctx: Ctx, input: RemoteFiguresQuery): Promise<RemoteFigures> {
  return inScope(ctx, async (trx) => {
    const out = await compute(trx, ctx, input);
    await writeAudit(trx, ctx.audit, {
      action: 'remote.figures',
      resource: 'remote_figure',
      detail: { from: out.from, to: out.to, centre: out.centre, townshipId: out.townshipId },
    });
    return out;
  });
}

interface SheetRow {
  figure: RemoteFigure;
  dimension: string;
  name: string;
  cell: RemoteCell;
}

const UNIT_TEXT = { percent: '%', minutes: '分钟', count: '例', growth: '%' } as const;

/** 远程诊断统计 as one Excel sheet: each figure's total, then by month, township and centre */
export async function exportRemoteFigures(ctx: Ctx, input: RemoteFiguresQuery): Promise<XlsxFile> {
  const f = await inScope(ctx, async (trx) => {
    const out = await compute(trx, ctx, input);
    await writeAudit(trx, ctx.audit, {
      action: 'remote.figures.export',
      resource: 'remote_figure',
      detail: { from: out.from, to: out.to, centre: out.centre, townshipId: out.townshipId },
    });
    return out;
  });
  const rows: SheetRow[] = [];
  for (const figure of f.figures) {
    rows.push({ figure, dimension: '合计', name: `${f.from} 至 ${f.to}`, cell: figure });
    for (const m of figure.byMonth) rows.push({ figure, dimension: '月份', name: m.month, cell: m });
    for (const c of figure.byTownship ?? []) rows.push({ figure, dimension: '乡镇', name: c.name, cell: c });
    for (const c of figure.byCentre ?? []) rows.push({ figure, dimension: '诊断中心', name: c.name, cell: c });
  }
  return toXlsx(
    rows,
    [
      { header: '指标', value: (r) => r.figure.label, width: 28 },
      { header: '维度', value: (r) => r.dimension, width: 8 },
      { header: '月份/名称', value: (r) => r.name, width: 22 },
      { header: '分子', value: (r) => r.cell.numerator, width: 8 },
      { header: '分母', value: (r) => r.cell.denominator, width: 8 },
      { header: '数值', value: (r) => r.cell.value, width: 10 },
      { header: '单位', value: (r) => UNIT_TEXT[r.figure.unit], width: 6 },
      { header: '定义', value: (r) => r.figure.definition, width: 60 },
      { header: '分子口径', value: (r) => r.figure.numeratorText, width: 30 },
      { header: '分母口径', value: (r) => r.figure.denominatorText, width: 30 },
      { header: '视图', value: (r) => r.figure.view, width: 40 },
    ],
    '远程诊断统计',
  );
}
