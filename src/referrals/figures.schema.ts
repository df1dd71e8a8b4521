import { z } from 'zod';
import { isoDate } from '../platform/params.ts';

/** Shanghai days, both included */
export const figuresQuery = z.object({ from: isoDate().optional(), to: isoDate().optional() });
export type FiguresQuery = z.infer<typeof figuresQuery>;

/** One dashboard figure with its numerator and denominator, so a reader can check the arithmetic. */
export const figure = z.object({
  key: z.string(),
  label: z.string(),
  definition: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  unit: z.enum(['percent', 'minutes']),
});
export type Figure = z.infer<typeof figure>;

export const figures = z.object({
  from: z.string(),
  to: z.string(),
  smallCellsSuppressed: z.boolean().describe('cells under 5 are null for this caller (bureau: aggregates only)'),
  figures: z.array(figure),
  byOrgMonth: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      month: z.string(),
      up: z.number().nullable(),
      down: z.number().nullable(),
    }),
  ),
});
export type Figures = z.infer<typeof figures>;
