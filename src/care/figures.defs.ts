import type { FigureKey, FigureUnit, PartUnit } from './figures.schema.ts';

/**
 * What each care figure is: the db/views file it reads, the aggregates that make its
 * numerator and denominator, the rows it may be opened to, and its aim. Every SQL fragment is
 * a constant of this file (never input), evaluated over the view's rows aliased `v`.
 */
export type CareView =
  | 'indicator_care_county_internal_visit_rate_v02'
  | 'indicator_care_inpatient_county_internal_rate_v01'
  | 'indicator_care_primary_visit_share_v01'
  | 'indicator_care_tcm_visit_share_v01'
  | 'indicator_care_volume_v01'
  | 'indicator_care_operations_v01'
  | 'indicator_care_average_length_of_stay_v01'
  | 'indicator_care_bed_use_rate_v01'
  | 'indicator_care_bed_days_v01'
  | 'indicator_care_fee_lines_v01'
  | 'indicator_care_cost_per_stay_v01';

export interface FigureRecords {
  /** the record-level view when the figure's own view is a summary */
  view?: CareView;
  /** false when the denominator is not made of records (open bed-days are beds × days) */
  denominator?: false;
  source: string;
  id: string;
  amount: string;
  numeratorRows: string;
}

export interface FigureDef {
  key: FigureKey;
  label: string;
  definition: string;
  unit: FigureUnit;
  /** what the numerator and the denominator add up; records by default */
  parts?: { numerator: PartUnit; denominator: PartUnit };
  aim: { op: 'ge' | 'le'; value: number; text: string } | null;
  view: CareView;
  /** the org a row is counted for: where it happened, or where the resident lives */
  place: 'org_id' | 'resident_org_id';
  /** which rows of the view the figure reads */
  where: string;
  numerator: string;
  denominator: string;
  /** the drill-down: the (source, id) of a row, what it adds, and which rows make the numerator */
  records: FigureRecords | null;
}

const COUNT = 'count(*)::float8';
const IN_NUM = 'count(*) FILTER (WHERE v.in_numerator)::float8';
const sourceRows = { source: 'v.source', id: 'v.source_id', amount: '1', numeratorRows: 'v.in_numerator' };
const ALL = 'true';

const internal = (
  key: FigureKey,
  view: CareView,
  label: string,
  who: string,
  where: string,
  aim: number,
): FigureDef => ({
  key,
  label,
  definition: `${who}县域内就诊（门诊就诊 + 住院，不含已取消）÷（县域内 + 县外就诊登记）；按居民所属机构统计乡镇`,
  unit: 'percent',
  aim: { op: 'ge', value: aim, text: `≥ ${aim}%` },
  view,
  place: 'resident_org_id',
  where,
  numerator: IN_NUM,
  denominator: COUNT,
  records: sourceRows,
});

const inpatient = (def: FigureDef): FigureDef => ({
  ...def,
  definition: def.definition.replace('门诊就诊 + 住院', '入院').replace('县外就诊登记', '县外住院登记'),
});

const growth = (key: FigureKey, label: string, definition: string, view: CareView, where: string, aim: number) =>
  ({
    key,
    label,
    definition: `${definition}；增长率 = 本期 ÷ 上年同期 − 1（分子为本期，分母为上年同期）`,
    unit: 'growth',
    aim: { op: 'ge', value: aim, text: `参照 +${aim}%` },
    view,
    place: 'org_id',
    where,
    numerator: COUNT,
    denominator: COUNT,
    records: { source: 'v.source', id: 'v.source_id', amount: '1', numeratorRows: ALL },
  }) satisfies FigureDef;

/** a category's share of the charges, fee line by fee line */
const feeShare = (key: FigureKey, label: string, what: string, category: string, aim: number): FigureDef => ({
  key,
  label,
  definition: `${what} ÷ 医疗总费用（门诊与住院费用明细，退费冲减，不含已取消就诊）`,
  unit: 'percent',
  parts: { numerator: 'fen', denominator: 'fen' },
  aim: { op: 'le', value: aim, text: `≤ ${aim}%` },
  view: 'indicator_care_fee_lines_v01',
  place: 'org_id',
  where: ALL,
  numerator: `coalesce(sum(v.amount_fen) FILTER (WHERE v.category = '${category}'), 0)::float8`,
  denominator: 'coalesce(sum(v.amount_fen), 0)::float8',
  records: {
    source: 'v.source',
    id: 'v.source_id',
    amount: 'v.amount_fen',
    numeratorRows: `v.category = '${category}'`,
  },
});

export const FIGURES: readonly FigureDef[] = [
  internal('county_internal_visits', 'indicator_care_county_internal_visit_rate_v02', '县域内就诊率', '', ALL, 95),
  internal(
    'county_internal_visits_women',
    'indicator_care_county_internal_visit_rate_v02',
    '县域内就诊率（妇女）',
    '女性居民的',
    'v.is_woman',
    97,
  ),
  internal(
    'county_internal_visits_children',
    'indicator_care_county_internal_visit_rate_v02',
    '县域内就诊率（儿童）',
    '就诊当日未满 14 周岁儿童的',
    'v.is_child',
    97,
  ),
  inpatient(
    internal(
      'county_internal_inpatient',
      'indicator_care_inpatient_county_internal_rate_v01',
      '县域内住院率',
      '',
      ALL,
      90,
    ),
  ),
  inpatient(
    internal(
      'county_internal_inpatient_women',
      'indicator_care_inpatient_county_internal_rate_v01',
      '县域内住院率（妇女）',
      '女性居民的',
      'v.is_woman',
      90,
    ),
  ),
  inpatient(
    internal(
      'county_internal_inpatient_children',
      'indicator_care_inpatient_county_internal_rate_v01',
      '县域内住院率（儿童）',
      '就诊当日未满 14 周岁儿童的',
      'v.is_child',
      90,
    ),
  ),
  {
    key: 'primary_share',
    label: '基层诊疗量占比（⑦）',
    definition: '乡镇卫生院、社区卫生服务中心、村卫生室的门诊就诊 ÷ 医共体全部门诊就诊（不含已取消）',
    unit: 'percent',
    aim: null,
    view: 'indicator_care_primary_visit_share_v01',
    place: 'org_id',
    where: ALL,
    numerator: IN_NUM,
    denominator: COUNT,
    records: { source: `'visit'`, id: 'v.visit_id', amount: '1', numeratorRows: 'v.in_numerator' },
  },
  {
    key: 'tcm_share',
    label: '中医诊疗人次占比（⑫）',
    definition: '中医就诊（登记为中医或开具中药处方）÷ 全部门诊就诊（不含已取消）',
    unit: 'percent',
    aim: null,
    view: 'indicator_care_tcm_visit_share_v01',
    place: 'org_id',
    where: ALL,
    numerator: IN_NUM,
    denominator: COUNT,
    records: { source: `'visit'`, id: 'v.visit_id', amount: '1', numeratorRows: 'v.in_numerator' },
  },
  growth(
    'outpatient_growth',
    '门诊人次增长',
    '门诊就诊人次（不含已取消）',
    'indicator_care_volume_v01',
    `v.setting = 'outpatient'`,
    30,
  ),
  growth(
    'inpatient_growth',
    '住院人次增长',
    '入院人次（不含已取消）',
    'indicator_care_volume_v01',
    `v.setting = 'inpatient'`,
    30,
  ),
  growth(
    'grade3_operations_growth',
    '三级手术增长',
    '三级手术台次',
    'indicator_care_operations_v01',
    'v.grade = 3',
    81,
  ),
  growth(
    'grade4_operations_growth',
    '四级手术增长',
    '四级手术台次',
    'indicator_care_operations_v01',
    'v.grade = 4',
    325,
  ),
  {
    key: 'average_length_of_stay',
    label: '平均住院日',
    definition: '出院患者住院天数之和 ÷ 出院人数（按出院时间统计，当日出院计 1 天）',
    unit: 'days',
    parts: { numerator: 'days', denominator: 'count' },
    aim: { op: 'le', value: 7.24, text: '参照 7.24 天' },
    view: 'indicator_care_average_length_of_stay_v01',
    place: 'org_id',
    where: ALL,
    numerator: 'sum(v.los_days)::float8',
    denominator: COUNT,
    records: { source: `'stay'`, id: 'v.stay_id', amount: 'v.los_days', numeratorRows: ALL },
  },
  {
    key: 'bed_use',
    label: '病床使用率',
    definition: '实际占用床日数 ÷ 实际开放床日数（在用床位 × 当月天数）',
    unit: 'percent',
    parts: { numerator: 'days', denominator: 'days' },
    aim: { op: 'ge', value: 71.5, text: '参照 71.5%' },
    view: 'indicator_care_bed_use_rate_v01',
    place: 'org_id',
    where: ALL,
    numerator: 'sum(v.occupied_bed_days)::float8',
    denominator: 'sum(v.open_bed_days)::float8',
    records: {
      view: 'indicator_care_bed_days_v01',
      denominator: false,
      source: 'v.source',
      id: 'v.source_id',
      amount: 'v.bed_days',
      numeratorRows: ALL,
    },
  },
  feeShare('drug_share', '药占比', '药品费用', 'drug', 30),
  feeShare('consumable_share', '耗材占比', '卫生材料费用', 'consumable', 20),
  {
    key: 'cost_per_stay',
    label: '次均住院费用',
    definition: '出院患者住院总费用 ÷ 出院人数（按出院时间统计，退费冲减）',
    unit: 'fen',
    parts: { numerator: 'fen', denominator: 'count' },
    aim: null,
    view: 'indicator_care_cost_per_stay_v01',
    place: 'org_id',
    where: ALL,
    numerator: 'sum(v.total_fen)::float8',
    denominator: COUNT,
    records: { source: 'v.source', id: 'v.source_id', amount: 'v.total_fen', numeratorRows: ALL },
  },
];

const BY_KEY = new Map(FIGURES.map((f) => [f.key, f]));
export function figureDef(key: FigureKey): FigureDef {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`figure ${key} has no definition`);
  return def;
}
