import { defineDict, type Lang } from '../../web/i18n.ts';

/** 医共体运行指标: the figures page's words (zh / en). */
export const figuresMessages = defineDict({
  title: ['医共体运行指标', 'Medical group figures'],
  from: ['起始月份', 'From month'],
  to: ['截止月份', 'To month'],
  township: ['乡镇', 'Township'],
  allTownships: ['全部乡镇', 'All townships'],
  aim: ['目标', 'Aim'],
  aimMet: ['达标', 'Met'],
  aimMissed: ['未达标', 'Not met'],
  numerator: ['分子', 'Numerator'],
  denominator: ['分母', 'Denominator'],
  value: ['数值', 'Value'],
  yearEarlier: ['上年同期', 'A year earlier'],
  thisPeriod: ['本期', 'This period'],
  uncomparable: [
    '{n} 个月上年同期无记录，增长不可比',
    '{n} month(s) have no records a year earlier: growth not comparable',
  ],
  previousMonth: ['环比', 'On previous month'],
  month: ['月份', 'Month'],
  org: ['机构', 'Organisation'],
  trend: ['月度趋势：{name}', 'Monthly trend: {name}'],
  byMonth: ['按月', 'By month'],
  byOrg: ['按机构', 'By organisation'],
  byTownship: ['按乡镇', 'By township'],
  source: ['定义文件', 'Definition file'],
  days: ['天', 'days'],
  pickHint: [
    '点击卡片查看该指标的趋势与分布；点击分子或分母查看明细记录',
    'Click a card for its trend and breakdown; click a numerator or denominator for the records',
  ],
  records: ['明细：{name} · {part}', 'Records: {name} · {part}'],
  recordType: ['记录类型', 'Record'],
  at: ['时间', 'Time'],
  resident: ['居民', 'Resident'],
  detail: ['摘要', 'Summary'],
  amount: ['计入', 'Counts'],
  notDrillable: [
    '该指标按机构和月份汇总，没有明细记录',
    'This figure is summed per organisation and month: no records to open',
  ],
  noData: ['本期无数据', 'No data in this period'],
  id: ['编号', 'No.'],
});

export const RECORD_SOURCE = {
  visit: ['门诊就诊', 'Outpatient visit'],
  stay: ['住院', 'Inpatient stay'],
  out_of_county_visit: ['县外就诊', 'Out-of-county visit'],
  operation: ['手术', 'Operation'],
  fee_line: ['费用明细', 'Fee line'],
} as const;

/**
 * The figures' names and definitions in English. The server names each figure in Chinese (the
 * definition of record, next to its view in db/views/); in English the page shows these by key.
 */
const FIGURE_EN: Record<string, { label: string; definition: string }> = {
  county_internal_visits: {
    label: 'County-internal visit rate',
    definition: 'visits and admissions in the group ÷ (those + registered out-of-county visits); township by residence',
  },
  county_internal_visits_women: {
    label: 'County-internal visit rate (women)',
    definition: 'the same, for female residents',
  },
  county_internal_visits_children: {
    label: 'County-internal visit rate (children)',
    definition: 'the same, for children under 14 on the day of the visit',
  },
  county_internal_inpatient: {
    label: 'County-internal inpatient rate',
    definition: 'admissions in the group ÷ (those + registered out-of-county inpatient stays); township by residence',
  },
  county_internal_inpatient_women: {
    label: 'County-internal inpatient rate (women)',
    definition: 'the same, for female residents',
  },
  county_internal_inpatient_children: {
    label: 'County-internal inpatient rate (children)',
    definition: 'the same, for children under 14 on the day of admission',
  },
  primary_share: {
    label: 'Primary-care share of visits (⑦)',
    definition: 'visits at township, community centres and village clinics ÷ all outpatient visits',
  },
  tcm_share: { label: 'TCM share of visits (⑫)', definition: 'TCM visits ÷ all outpatient visits' },
  outpatient_growth: {
    label: 'Outpatient visits, growth',
    definition: 'visits this period ÷ the same period a year earlier − 1',
  },
  inpatient_growth: {
    label: 'Admissions, growth',
    definition: 'admissions this period ÷ the same period a year earlier − 1',
  },
  grade3_operations_growth: {
    label: 'Level-3 operations, growth',
    definition: 'level-3 operations this period ÷ the same period a year earlier − 1',
  },
  grade4_operations_growth: {
    label: 'Level-4 operations, growth',
    definition: 'level-4 operations this period ÷ the same period a year earlier − 1',
  },
  average_length_of_stay: {
    label: 'Average length of stay',
    definition: 'bed-days of discharged patients ÷ discharges (a same-day stay counts 1 day)',
  },
  bed_use: { label: 'Bed use rate', definition: 'occupied bed-days ÷ open bed-days (beds in service × days)' },
  drug_share: { label: 'Drug share', definition: 'drug charges ÷ all charges, refunds netted' },
  consumable_share: { label: 'Consumables share', definition: 'consumable charges ÷ all charges, refunds netted' },
  cost_per_stay: { label: 'Cost per stay', definition: 'charges of discharged stays ÷ discharges' },
};

export function careFigureText(
  f: { key: string; label: string; definition: string },
  lang: Lang,
): { label: string; definition: string } {
  return lang === 'en' ? (FIGURE_EN[f.key] ?? f) : f;
}
