import { sql, type RawBuilder } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import { toXlsx, type XlsxFile } from '../platform/list.ts';

/**
 * 急救统计 (issue 13): the 120 and five-centre figures of a month range, each read from its
 * versioned view in db/views (indicator_ems_*_v01.sql, over ems_mission_intervals_v01) with its
 * numerator, denominator, definition and target, by month and, where it means something, by
 * station, destination hospital or township. Row-level security of the caller's scope decides
 * which calls and missions count (the county for the county's staff).
 */

/** the longest period one request reads */
const MAX_MONTHS = 36;

export type EmsView =
  | 'indicator_ems_answer_v01'
  | 'indicator_ems_response_v01'
  | 'indicator_ems_chest_pain_v01'
  | 'indicator_ems_stroke_v01'
  | 'indicator_ems_dido_v01';
export type EmsFigureGroup = 'dispatch' | 'chest_pain' | 'stroke' | 'transfer';
export type EmsFigureUnit = 'percent' | 'minutes';
/** rate: the share of rows whose flag is true among those where it is not NULL; p50/p90: percentiles of a minutes column */
type Kind = 'rate' | 'p50' | 'p90';
export type EmsBreakdown = 'station' | 'dest' | 'township';
export interface Aim {
  op: 'ge' | 'le';
  value: number;
  text: string;
}

interface Def {
  key: string;
  group: EmsFigureGroup;
  label: string;
  definition: string;
  numerator: string;
  denominator: string;
  view: EmsView;
  /** a column of the view (a constant of this file, never input) */
  column: string;
  kind: Kind;
  aim: Aim | null;
  by: readonly EmsBreakdown[];
}

const ge = (value: number, text: string): Aim => ({ op: 'ge', value, text });
const le = (value: number, text: string): Aim => ({ op: 'le', value, text });
const MEDIAN = '中位数，无分子';

export const DEFS: readonly Def[] = [
  {
    key: 'answer_10s',
    group: 'dispatch',
    label: '10 秒接听率',
    definition: '120 呼入后 10 秒内（含 10 秒）接听的呼叫占全部呼入的比例（接听时间 − 呼入时间 ≤ 10 秒）',
    numerator: '10 秒内接听的呼叫数',
    denominator: '全部呼入（含未派车、已取消的呼叫）',
    view: 'indicator_ems_answer_v01',
    column: 'answered_10s',
    kind: 'rate',
    aim: ge(95, '≥ 95%（国家目标）'),
    by: ['township'],
  },
  {
    key: 'departed_3min',
    group: 'dispatch',
    label: '3 分钟出车率',
    definition: '接听后 3 分钟（180 秒）内出车的任务占已出车任务的比例，每辆车的任务各计一次',
    numerator: '接听到出车 ≤ 180 秒的任务数',
    denominator: '有出车时间的任务（出车前取消的不计）',
    view: 'indicator_ems_response_v01',
    column: 'departed_3min',
    kind: 'rate',
    aim: ge(95, '≥ 95%（国家目标）'),
    by: ['station'],
  },
  {
    key: 'response_p50',
    group: 'dispatch',
    label: '反应时间中位数',
    definition: '从接听到车辆到达现场的分钟数的中位数（P50）',
    numerator: MEDIAN,
    denominator: '有到达现场时间的任务',
    view: 'indicator_ems_response_v01',
    column: 'response_min',
    kind: 'p50',
    aim: le(12, '≤ 12 分钟（县域目标）'),
    by: ['station', 'township'],
  },
  {
    key: 'response_p90',
    group: 'dispatch',
    label: '反应时间 P90',
    definition: '从接听到车辆到达现场的分钟数的第 90 百分位数：九成任务在这么多分钟内到达',
    numerator: '第 90 百分位数，无分子',
    denominator: '有到达现场时间的任务',
    view: 'indicator_ems_response_v01',
    column: 'response_min',
    kind: 'p90',
    aim: null,
    by: ['station', 'township'],
  },
  {
    key: 'response_12min',
    group: 'dispatch',
    label: '12 分钟内到达率',
    definition: '从接听到车辆到达现场不超过 12 分钟的任务占有到达现场时间任务的比例',
    numerator: '反应时间 ≤ 12 分钟的任务数',
    denominator: '有到达现场时间的任务',
    view: 'indicator_ems_response_v01',
    column: 'within_12min',
    kind: 'rate',
    aim: null,
    by: ['station', 'township'],
  },
  {
    key: 'fmc_to_ecg_10',
    group: 'chest_pain',
    label: '首次医疗接触到首份心电图 < 10 分钟比例',
    definition: '胸痛任务中首次医疗接触（FMC）到首份心电图不足 10 分钟的比例',
    numerator: 'FMC 到首份心电图 < 10 分钟的胸痛任务数',
    denominator: '同时记录 FMC 与首份心电图的胸痛任务',
    view: 'indicator_ems_chest_pain_v01',
    column: 'ecg_in_10min',
    kind: 'rate',
    aim: null,
    by: ['station'],
  },
  {
    key: 'ecg_to_diagnosis_10',
    group: 'chest_pain',
    label: '首份心电图到确诊 < 10 分钟比例',
    definition: '胸痛任务中首份心电图到确诊不足 10 分钟的比例',
    numerator: '首份心电图到确诊 < 10 分钟的胸痛任务数',
    denominator: '同时记录首份心电图与确诊的胸痛任务',
    view: 'indicator_ems_chest_pain_v01',
    column: 'diagnosis_in_10min',
    kind: 'rate',
    aim: null,
    by: ['dest'],
  },
  {
    key: 'door_to_wire_90',
    group: 'chest_pain',
    label: '进门-导丝时间 ≤ 90 分钟比例',
    definition: '直接 PCI 的胸痛任务中进门（D）到导丝通过（W）不超过 90 分钟的比例',
    numerator: 'D2W ≤ 90 分钟的胸痛任务数',
    denominator: '同时记录进门与导丝通过的胸痛任务（直接 PCI）',
    view: 'indicator_ems_chest_pain_v01',
    column: 'wire_in_90min',
    kind: 'rate',
    aim: ge(75, '≥ 75%（胸痛中心标准）'),
    by: ['dest'],
  },
  {
    key: 'door_to_wire_p50',
    group: 'chest_pain',
    label: '进门-导丝时间中位数',
    definition: '直接 PCI 的胸痛任务中进门到导丝通过分钟数的中位数',
    numerator: MEDIAN,
    denominator: '同时记录进门与导丝通过的胸痛任务（直接 PCI）',
    view: 'indicator_ems_chest_pain_v01',
    column: 'door_to_wire_min',
    kind: 'p50',
    aim: le(90, '≤ 90 分钟'),
    by: ['dest'],
  },
  {
    key: 'ecg_transmitted',
    group: 'chest_pain',
    label: '院前心电图传输比例',
    definition: '经 120 送达医院的胸痛任务中，进门前已传输心电图的比例',
    numerator: '进门前有心电图传输记录的胸痛任务数',
    denominator: '有进门时间的胸痛任务',
    view: 'indicator_ems_chest_pain_v01',
    column: 'ecg_transmitted',
    kind: 'rate',
    aim: ge(30, '≥ 30%（胸痛中心标准）'),
    by: ['station'],
  },
  {
    key: 'ed_bypass',
    group: 'chest_pain',
    label: '绕行急诊和 CCU 直达导管室比例',
    definition:
      '直接 PCI 的胸痛任务中，院前预警后绕行急诊与 CCU 直达导管室的比例（到院登记的“绕行急诊”；未登记按未绕行计）',
    numerator: '绕行急诊的胸痛任务数',
    denominator: '有导丝通过时间的胸痛任务（直接 PCI）',
    view: 'indicator_ems_chest_pain_v01',
    column: 'ed_bypass',
    kind: 'rate',
    aim: ge(30, '≥ 30%（胸痛中心标准）'),
    by: ['dest'],
  },
  {
    key: 'fmc_to_wire_p50',
    group: 'chest_pain',
    label: '首次医疗接触到导丝通过中位数',
    definition: '胸痛任务中首次医疗接触（FMC）到导丝通过分钟数的中位数',
    numerator: MEDIAN,
    denominator: '同时记录 FMC 与导丝通过的胸痛任务',
    view: 'indicator_ems_chest_pain_v01',
    column: 'fmc_to_wire_min',
    kind: 'p50',
    aim: null,
    by: ['dest'],
  },
  {
    key: 'consent_p50',
    group: 'chest_pain',
    label: '知情同意用时中位数',
    definition: '胸痛任务中开始知情同意到签署知情同意分钟数的中位数（电子知情同意）',
    numerator: MEDIAN,
    denominator: '同时记录开始与签署知情同意的胸痛任务',
    view: 'indicator_ems_chest_pain_v01',
    column: 'consent_min',
    kind: 'p50',
    aim: le(10, '≤ 10 分钟（本平台目标）'),
    by: ['dest'],
  },
  {
    key: 'dnt_60',
    group: 'stroke',
    label: 'DNT ≤ 60 分钟达标率',
    definition: '静脉溶栓的卒中任务中进门到溶栓给药（DNT）不超过 60 分钟的比例',
    numerator: 'DNT ≤ 60 分钟的卒中任务数',
    denominator: '同时记录进门与溶栓给药的卒中任务',
    view: 'indicator_ems_stroke_v01',
    column: 'needle_in_60min',
    kind: 'rate',
    aim: null,
    by: ['dest'],
  },
  {
    key: 'dnt_p50',
    group: 'stroke',
    label: 'DNT 中位数',
    definition: '静脉溶栓的卒中任务中进门到溶栓给药分钟数的中位数',
    numerator: MEDIAN,
    denominator: '同时记录进门与溶栓给药的卒中任务',
    view: 'indicator_ems_stroke_v01',
    column: 'dnt_min',
    kind: 'p50',
    aim: le(60, '≤ 60 分钟'),
    by: ['dest'],
  },
  {
    key: 'dpt_90',
    group: 'stroke',
    label: 'DPT ≤ 90 分钟达标率',
    definition: '血管内治疗的卒中任务中进门到导丝通过（DPT）不超过 90 分钟的比例',
    numerator: 'DPT ≤ 90 分钟的卒中任务数',
    denominator: '同时记录进门与导丝通过的卒中任务',
    view: 'indicator_ems_stroke_v01',
    column: 'puncture_in_90min',
    kind: 'rate',
    aim: null,
    by: ['dest'],
  },
  {
    key: 'dpt_p50',
    group: 'stroke',
    label: 'DPT 中位数',
    definition: '血管内治疗的卒中任务中进门到导丝通过分钟数的中位数',
    numerator: MEDIAN,
    denominator: '同时记录进门与导丝通过的卒中任务',
    view: 'indicator_ems_stroke_v01',
    column: 'dpt_min',
    kind: 'p50',
    aim: le(90, '≤ 90 分钟'),
    by: ['dest'],
  },
  {
    key: 'onset_to_needle_p50',
    group: 'stroke',
    label: '发病到溶栓中位数',
    definition: '卒中任务中最后正常时间到溶栓给药分钟数的中位数',
    numerator: MEDIAN,
    denominator: '同时记录最后正常时间与溶栓给药的卒中任务',
    view: 'indicator_ems_stroke_v01',
    column: 'onset_to_needle_min',
    kind: 'p50',
    aim: null,
    by: ['dest'],
  },
  {
    key: 'dido_p50',
    group: 'transfer',
    label: '乡镇卫生院 DIDO 中位数',
    definition:
      '送达乡镇卫生院（社区卫生服务中心）的任务中，进门到转出（door-in to door-out）分钟数的中位数，按卫生院统计',
    numerator: MEDIAN,
    denominator: '送达乡镇卫生院且同时记录进门与转出的任务',
    view: 'indicator_ems_dido_v01',
    column: 'dido_min',
    kind: 'p50',
    aim: le(30, '≤ 30 分钟'),
    by: ['township'],
  },
  {
    key: 'dido_30',
    group: 'transfer',
    label: '乡镇卫生院 DIDO ≤ 30 分钟比例',
    definition: '送达乡镇卫生院的任务中，进门到转出不超过 30 分钟的比例，按卫生院统计',
    numerator: 'DIDO ≤ 30 分钟的任务数',
    denominator: '送达乡镇卫生院且同时记录进门与转出的任务',
    view: 'indicator_ems_dido_v01',
    column: 'within_30min',
    kind: 'rate',
    aim: null,
    by: ['township'],
  },
];

/** numerator (rates; null for a percentile), denominator (rows counted) and value */
export interface EmsCell {
  numerator: number | null;
  denominator: number;
  value: number | null;
}
export interface EmsPart extends EmsCell {
  id: number;
  name: string;
}
export interface EmsFigure extends EmsCell {
  key: string;
  group: EmsFigureGroup;
  label: string;
  definition: string;
  numeratorText: string;
  denominatorText: string;
  /** the db/views file the figure is read from */
  view: string;
  unit: EmsFigureUnit;
  aim: Aim | null;
  /** whether the period's value meets the aim; null without an aim or a value */
  met: boolean | null;
  byMonth: Array<EmsCell & { month: string }>;
  byStation: EmsPart[] | null;
  byDest: EmsPart[] | null;
  byTownship: EmsPart[] | null;
}
export interface EmsBucket {
  label: string;
  n: number;
}
export interface EmsFigures {
  from: string;
  to: string;
  months: string[];
  figures: EmsFigure[];
  /** 反应时间分布: missions by minutes from answer to scene */
  responseDistribution: EmsBucket[];
  /** 知情同意用时分布 (chest pain) */
  consentDistribution: EmsBucket[];
}
export interface EmsFiguresQuery {
  from?: string;
  to?: string;
}

/** '2025-03' + (-12) → '2024-03' */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** the months of the period, checked: at most MAX_MONTHS, from not after to */
export function periodOf(input: EmsFiguresQuery): { from: string; to: string; months: string[] } {
  const to = input.to ?? todayInShanghai().slice(0, 7);
  const from = input.from ?? addMonths(to, -11);
  if (from > to) throw badRequest('PERIOD_INVALID', '起始月份不能晚于截止月份', 'from');
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    months.push(m);
    if (months.length > MAX_MONTHS) throw badRequest('PERIOD_TOO_LONG', `统计区间最长 ${MAX_MONTHS} 个月`, 'from');
  }
  return { from, to, months };
}

const IDENT = /^[a-z][a-z0-9_]*$/;
const KEY_COLUMN: Record<'month' | EmsBreakdown, string> = {
  month: 'month',
  station: 'station_id',
  dest: 'dest_org_id',
  township: 'township_id',
};

/** the aggregates of one figure over the view's rows aliased v */
function aggregates(def: Def, i: number): RawBuilder<unknown> {
  if (!IDENT.test(def.column)) throw new Error(`bad column ${def.column}`);
  const col = sql.ref(`v.${def.column}`);
  const n = sql.raw(`n${i}`);
  const d = sql.raw(`d${i}`);
  const p = sql.raw(`p${i}`);
  if (def.kind === 'rate')
    return sql`count(*) FILTER (WHERE ${col})::int AS ${n}, count(${col})::int AS ${d}, NULL::float8 AS ${p}`;
  const fraction = def.kind === 'p50' ? 0.5 : 0.9;
  return sql`NULL::int AS ${n}, count(${col})::int AS ${d},
    percentile_cont(${sql.lit(fraction)}) WITHIN GROUP (ORDER BY ${col}) AS ${p}`;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function cellOf(def: Def, row: Record<string, unknown> | undefined, i: number): EmsCell {
  const denominator = Number(row?.[`d${i}`] ?? 0);
  if (def.kind === 'rate') {
    const numerator = Number(row?.[`n${i}`] ?? 0);
    return { numerator, denominator, value: denominator > 0 ? round((numerator / denominator) * 100, 2) : null };
  }
  const p = row?.[`p${i}`];
  return { numerator: null, denominator, value: p === null || p === undefined ? null : round(Number(p), 1) };
}

const metOf = (aim: Aim | null, v: number | null) =>
  aim === null || v === null ? null : aim.op === 'ge' ? v >= aim.value : v <= aim.value;

interface Period {
  countyId: number;
  from: string;
  to: string;
}

/** one query per view and grouping: every figure of the view at once */
async function grouped(
  db: Kdb,
  view: EmsView,
  defs: ReadonlyArray<{ def: Def; i: number }>,
  p: Period,
  by: 'total' | 'month' | EmsBreakdown,
): Promise<Array<Record<string, unknown>>> {
  const select = sql.join(defs.map(({ def, i }) => aggregates(def, i)));
  const where = sql`v.county_id = ${p.countyId} AND v.month BETWEEN ${p.from} AND ${p.to}`;
  if (by === 'total') {
    const { rows } = await sql<
      Record<string, unknown>
    >`SELECT ${select} FROM ${sql.table(view)} v WHERE ${where}`.execute(db);
    return rows;
  }
  const key = sql.ref(`v.${KEY_COLUMN[by]}`);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${key} AS k, ${select} FROM ${sql.table(view)} v
    WHERE ${where} AND ${key} IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

async function distribution(
  db: Kdb,
  p: Period,
  view: EmsView,
  column: string,
  edges: readonly number[],
): Promise<EmsBucket[]> {
  const col = sql.ref(`v.${column}`);
  const cases = edges.map((e, i) => sql`WHEN ${col} <= ${sql.lit(e)} THEN ${sql.lit(i)}`);
  const { rows } = await sql<{ b: number; n: number }>`
    SELECT CASE ${sql.join(cases, sql` `)} ELSE ${sql.lit(edges.length)} END AS b, count(*)::int AS n
    FROM ${sql.table(view)} v
    WHERE v.county_id = ${p.countyId} AND v.month BETWEEN ${p.from} AND ${p.to} AND ${col} IS NOT NULL
    GROUP BY 1`.execute(db);
  const labels = [`≤ ${edges[0]}`, ...edges.slice(1).map((e, i) => `${edges[i]}–${e}`), `> ${edges[edges.length - 1]}`];
  return labels.map((label, b) => ({ label, n: Number(rows.find((r) => Number(r.b) === b)?.n ?? 0) }));
}

async function compute(trx: Kdb, countyId: number, period: { from: string; to: string; months: string[] }) {
  const p = { countyId, from: period.from, to: period.to };
  const names = new Map<string, string>();
  const orgs = await trx.selectFrom('orgs').select(['id', 'name']).where('county_id', '=', countyId).execute();
  for (const o of orgs) names.set(`org:${o.id}`, o.name);
  const { rows: stations } = await sql<{ id: number; name: string }>`
    SELECT id, name FROM ems_stations WHERE county_id = ${countyId}`.execute(trx);
  for (const s of stations) names.set(`station:${s.id}`, s.name);
  const nameOf = (by: EmsBreakdown, id: number) =>
    names.get(`${by === 'station' ? 'station' : 'org'}:${id}`) ?? `#${id}`;

  const figures = new Map<string, EmsFigure>();
  const views = [...new Set(DEFS.map((d) => d.view))];
  for (const view of views) {
    const defs = DEFS.map((def, i) => ({ def, i })).filter((x) => x.def.view === view);
    const [total] = await grouped(trx, view, defs, p, 'total');
    const months = await grouped(trx, view, defs, p, 'month');
    const parts = new Map<EmsBreakdown, Array<Record<string, unknown>>>();
    for (const by of ['station', 'dest', 'township'] as const)
      if (defs.some((x) => x.def.by.includes(by))) parts.set(by, await grouped(trx, view, defs, p, by));
    for (const { def, i } of defs) {
      const cell = cellOf(def, total, i);
      const part = (by: EmsBreakdown): EmsPart[] | null =>
        def.by.includes(by)
          ? (parts.get(by) ?? [])
              .map((r) => ({ id: Number(r.k), name: nameOf(by, Number(r.k)), ...cellOf(def, r, i) }))
              .filter((c) => c.denominator > 0)
          : null;
      figures.set(def.key, {
        key: def.key,
        group: def.group,
        label: def.label,
        definition: def.definition,
        numeratorText: def.numerator,
        denominatorText: def.denominator,
        view: `db/views/${def.view}.sql`,
        unit: def.kind === 'rate' ? 'percent' : 'minutes',
        aim: def.aim,
        ...cell,
        met: metOf(def.aim, cell.value),
        byMonth: period.months.map((month) => ({
          month,
          ...cellOf(
            def,
            months.find((r) => r.k === month),
            i,
          ),
        })),
        byStation: part('station'),
        byDest: part('dest'),
        byTownship: part('township'),
      });
    }
  }
  return {
    from: period.from,
    to: period.to,
    months: period.months,
    figures: DEFS.map((d) => figures.get(d.key)).filter((f): f is EmsFigure => f !== undefined),
    responseDistribution: await distribution(
      trx,
      p,
      'indicator_ems_response_v01',
      'response_min',
      [5, 10, 12, 15, 20, 30],
    ),
    consentDistribution: await distribution(trx, p, 'indicator_ems_chest_pain_v01', 'consent_min', [10, 20, 40, 60]),
  } satisfies EmsFigures;
}

/**
 * 急救统计: every figure of the period (default: the 12 months up to this one, Shanghai) under
 * the caller's row-level security, audited.
 */
export async function figures(ctx: Ctx, input: EmsFiguresQuery): Promise<EmsFigures> {
  const period = periodOf(input);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const out = await compute(trx, ctx.actor.countyId, period);
    await writeAudit(trx, ctx.audit, {
      action: 'ems.figures',
      resource: 'ems_figure',
      detail: { from: period.from, to: period.to },
    });
    return out;
  });
}

interface SheetRow {
  figure: EmsFigure;
  dimension: string;
  name: string;
  cell: EmsCell;
}

const DIMENSION = { total: '合计', month: '月份', station: '急救站', dest: '医院', township: '乡镇' } as const;

/** 急救统计 as one Excel sheet: each figure's period total, then by month, station, hospital and township. */
export async function exportFigures(ctx: Ctx, input: EmsFiguresQuery): Promise<XlsxFile> {
  const period = periodOf(input);
  const f = await withScope(ctx.db, ctx.scope, async (trx) => {
    const out = await compute(trx, ctx.actor.countyId, period);
    await writeAudit(trx, ctx.audit, {
      action: 'ems.figures.export',
      resource: 'ems_figure',
      detail: { from: period.from, to: period.to, rows: out.figures.length },
    });
    return out;
  });
  const rows: SheetRow[] = [];
  for (const figure of f.figures) {
    rows.push({ figure, dimension: DIMENSION.total, name: `${f.from} 至 ${f.to}`, cell: figure });
    for (const m of figure.byMonth) rows.push({ figure, dimension: DIMENSION.month, name: m.month, cell: m });
    for (const [by, parts] of [
      ['station', figure.byStation],
      ['dest', figure.byDest],
      ['township', figure.byTownship],
    ] as const)
      for (const c of parts ?? []) rows.push({ figure, dimension: DIMENSION[by], name: c.name, cell: c });
  }
  return toXlsx(
    rows,
    [
      { header: '指标', value: (r) => r.figure.label, width: 30 },
      { header: '维度', value: (r) => r.dimension, width: 8 },
      { header: '月份/名称', value: (r) => r.name, width: 22 },
      { header: '分子', value: (r) => r.cell.numerator, width: 8 },
      { header: '分母', value: (r) => r.cell.denominator, width: 8 },
      { header: '数值', value: (r) => r.cell.value, width: 10 },
      { header: '单位', value: (r) => (r.figure.unit === 'percent' ? '%' : '分钟'), width: 6 },
      { header: '目标', value: (r) => r.figure.aim?.text ?? null, width: 20 },
      { header: '定义', value: (r) => r.figure.definition, width: 60 },
      { header: '分子口径', value: (r) => r.figure.numeratorText, width: 30 },
      { header: '分母口径', value: (r) => r.figure.denominatorText, width: 30 },
      { header: '视图', value: (r) => r.figure.view, width: 36 },
    ],
    '急救统计',
  );
}
