import { z } from 'zod';
import { listQuery, pageOf } from '../platform/list.schema.ts';
import { intQuery } from '../platform/params.ts';

/**
 * 医共体运行指标 (the medical group's running figures): each read from a versioned view of
 * db/views with its numerator, denominator, definition and aim, by month, org and township,
 * and openable to the records behind a cell.
 */
export const FIGURE_KEYS = [
  'county_internal_visits',
  'county_internal_visits_women',
  'county_internal_visits_children',
  'county_internal_inpatient',
  'county_internal_inpatient_women',
  'county_internal_inpatient_children',
  'primary_share',
  'tcm_share',
  'outpatient_growth',
  'inpatient_growth',
  'grade3_operations_growth',
  'grade4_operations_growth',
  'average_length_of_stay',
  'bed_use',
  'drug_share',
  'consumable_share',
  'cost_per_stay',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const month = (label: string) =>
  z
    .string({ error: `${label}格式应为 YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM（如 2025-03）`);
const orgFilter = {
  orgId: intQuery({ message: '机构编号应为正整数' }).optional(),
  townshipId: intQuery({ message: '乡镇编号应为正整数' }).optional(),
};

export const figuresQuery = z
  .object({ from: month('起始月份').optional(), to: month('截止月份').optional(), ...orgFilter })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: '起始月份不能晚于截止月份', path: ['from'] })
  .refine((q) => q.orgId === undefined || q.townshipId === undefined, {
    error: '机构与乡镇只能选择其一',
    path: ['townshipId'],
  });
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const figureUnit = z.enum(['percent', 'days', 'fen', 'growth']);
/** what a numerator or denominator counts: records, fen (shown in yuan), or days */
export const partUnit = z.enum(['count', 'fen', 'days']);
export type PartUnit = z.infer<typeof partUnit>;
export type FigureUnit = z.infer<typeof figureUnit>;

/** numerator and denominator of one cell; value from them (growth: the year-earlier count is the denominator) */
const cell = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});
export type FigureCell = z.infer<typeof cell>;

export const careFigure = cell.extend({
  key: z.enum(FIGURE_KEYS),
  label: z.string(),
  definition: z.string(),
  view: z.string().describe('the db/views file the figure is read from'),
  unit: figureUnit,
  parts: z.object({ numerator: partUnit, denominator: partUnit }),
  aim: z.object({ op: z.enum(['ge', 'le']), value: z.number(), text: z.string() }).nullable(),
  /** the parts of a cell that open to their records */
  drillable: z.array(z.enum(['numerator', 'denominator'])),
  byMonth: z.array(cell.extend({ month: z.string(), previousMonthGrowth: z.number().nullable() })),
  /**
   * growth only: months of the period with records whose month a year earlier has none (the
   * group was not yet recording then). While any is listed, the period's growth is not
   * comparable and its value is null; so are those months'.
   */
  uncomparable: z.array(z.string()),
  byOrg: z.array(cell.extend({ orgId: z.number(), orgName: z.string(), townshipId: z.number().nullable() })),
  byTownship: z.array(cell.extend({ townshipId: z.number(), townshipName: z.string() })),
});
export type CareFigure = z.infer<typeof careFigure>;

export const careFigures = z.object({ from: z.string(), to: z.string(), figures: z.array(careFigure) });
export type CareFigures = z.infer<typeof careFigures>;

export const recordsQuery = listQuery
  .omit({ q: true })
  .extend({
    figure: z.enum(FIGURE_KEYS, { error: '指标名称不正确' }),
    month: month('月份'),
    part: z.enum(['numerator', 'denominator'], { error: '请选择分子（numerator）或分母（denominator）' }),
    ...orgFilter,
  })
  .refine((q) => q.orgId === undefined || q.townshipId === undefined, {
    error: '机构与乡镇只能选择其一',
    path: ['townshipId'],
  });
export type RecordsQuery = z.infer<typeof recordsQuery>;

export const RECORD_SOURCES = ['visit', 'stay', 'out_of_county_visit', 'operation', 'fee_line'] as const;
export const figureRecord = z.object({
  source: z.enum(RECORD_SOURCES),
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  at: z.string().describe('ISO instant: registration, admission, discharge, operation or charge time'),
  residentName: z.string().nullable().describe('masked for roles that do not treat residents'),
  detail: z.string().nullable(),
  /** what the record adds to the figure: 1 for a count, days, or fen */
  amount: z.number(),
});
export type FigureRecord = z.infer<typeof figureRecord>;
export const figureRecordPage = pageOf(figureRecord);
