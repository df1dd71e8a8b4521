import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { FIGURES } from '../chronic.schema.ts';

/** The chronic figures page's typed reads: the answers of src/chronic/figures.service.ts and figure-records.service.ts. */

export const ratio = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });
export type Ratio = z.infer<typeof ratio>;
const disease = z.object({
  managed: z.number(),
  management: ratio,
  standard: ratio,
  controlled: ratio,
  simpleControlled: ratio,
  simpleLost: ratio,
});
export const POPULATIONS = ['all', 'elderly', 'child', 'poor', 'hypertension', 'diabetes'] as const;
export type Population = (typeof POPULATIONS)[number];
const cells = z.object({
  signed: z.record(z.string(), ratio),
  renewed: ratio,
  fulfilment: ratio,
  fulfilmentMean: z.number().nullable(),
  contracts: z.number(),
  htn: disease,
  t2dm: disease,
});
export type Cells = z.infer<typeof cells>;
export const dashboard = z.object({
  year: z.number(),
  level: z.string(),
  caliber: z.string(),
  caliberLabel: z.string(),
  computedAt: z.string(),
  fulfilmentState: z.string(),
  definitions: z.record(z.string(), z.string()),
  views: z.record(z.string(), z.string()),
  total: cells,
  items: z.array(cells.extend({ key: z.string(), id: z.number(), name: z.string() })),
});
export type Dashboard = z.infer<typeof dashboard>;
export type AreaRow = Dashboard['items'][number];

export type Figure = (typeof FIGURES)[number];
export const recordPage = pageOf(
  z.object({
    residentId: z.number(),
    name: z.string(),
    idNumber: z.string(),
    orgName: z.string(),
    detail: z.string().nullable(),
  }),
);
export type RecordRow = z.infer<typeof recordPage>['items'][number];

export const dataQuality = z.object({
  year: z.number(),
  rule: z.string(),
  items: z.array(
    z.object({
      staffId: z.number(),
      name: z.string(),
      orgName: z.string(),
      readings: z.number(),
      endingZero: ratio,
      at139_89: ratio,
      flagged: z.boolean(),
    }),
  ),
});

export const baseData = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      orgId: z.number(),
      name: z.string(),
      pop35Plus: z.number().nullable(),
      htnPrevalencePct: z.number().nullable(),
      t2dmPrevalencePct: z.number().nullable(),
      indexed35Plus: z.number(),
    }),
  ),
});
export type BaseDataRow = z.infer<typeof baseData>['items'][number];
