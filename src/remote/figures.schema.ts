import { z } from 'zod';
import { intQuery } from '../platform/params.ts';

/**
 * 远程诊断统计 (issue 12 §7): the query and the answer of GET /api/remote/figures. Each figure is
 * read from a versioned view of db/views (indicator_remote_*_v01.sql) with its numerator,
 * denominator and definition.
 */
export const REMOTE_CENTRES = ['ecg', 'imaging', 'ultrasound', 'pathology'] as const;
export const REMOTE_PRIORITIES = ['stat', 'urgent', 'routine'] as const;

const month = (label: string) =>
  z
    .string({ error: `${label}格式应为 YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM（如 2025-03）`);

/** a month range (both included; default the 12 months up to this one), a centre, a township */
export const remoteFiguresQuery = z
  .object({
    from: month('起始月份').optional(),
    to: month('截止月份').optional(),
    centre: z.enum(REMOTE_CENTRES, { error: '诊断中心应为 ecg、imaging、ultrasound 或 pathology' }).optional(),
    townshipId: intQuery({ message: '乡镇编号应为正整数' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: '起始月份不能晚于截止月份', path: ['from'] });
export type RemoteFiguresQuery = z.infer<typeof remoteFiguresQuery>;

export const REMOTE_FIGURE_GROUPS = ['turnaround', 'critical', 'service'] as const;
/** percent: numerator ÷ denominator; minutes: a median; count: a volume; growth: year on year in % */
export const remoteFigureUnit = z.enum(['percent', 'minutes', 'count', 'growth']);

/** numerator (null for a median), denominator (null for a volume) and value */
const cell = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});
export type RemoteCell = z.infer<typeof cell>;
const part = cell.extend({ id: z.string(), name: z.string() });
export type RemotePart = z.infer<typeof part>;

export const remoteFigure = cell.extend({
  key: z.string(),
  group: z.enum(REMOTE_FIGURE_GROUPS),
  label: z.string(),
  definition: z.string(),
  numeratorText: z.string(),
  denominatorText: z.string(),
  /** the db/views file the figure is read from */
  view: z.string(),
  unit: remoteFigureUnit,
  byMonth: z.array(cell.extend({ month: z.string() })),
  byTownship: z.array(part).nullable(),
  byCentre: z.array(part).nullable(),
});
export type RemoteFigure = z.infer<typeof remoteFigure>;

/** turnaround by centre × priority: % within the limit and the median minutes */
export const turnaroundCell = z.object({
  centre: z.enum(REMOTE_CENTRES),
  priority: z.enum(REMOTE_PRIORITIES),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  medianMin: z.number().nullable(),
});
export type TurnaroundCell = z.infer<typeof turnaroundCell>;

export const remoteFigures = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  centre: z.enum(REMOTE_CENTRES).nullable(),
  /** the township counted (a township doctor's own, always) or null for the whole county */
  townshipId: z.number().nullable(),
  townships: z.array(z.object({ id: z.number(), name: z.string() })),
  figures: z.array(remoteFigure),
  turnaround: z.array(turnaroundCell),
});
export type RemoteFigures = z.infer<typeof remoteFigures>;
