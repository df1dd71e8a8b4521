import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { catalogueQuery } from '../catalogue.schema.ts';

/** the enums of the catalogue, read through the shared schema (ui/ imports schemas only) */
export const DRUG_KINDS = catalogueQuery.shape.kind.unwrap().options;
export const CLASSES = catalogueQuery.shape.insuranceClass.unwrap().options;
export const LEVELS = catalogueQuery.shape.level.unwrap().options;
export type Kind = (typeof DRUG_KINDS)[number];
export type InsuranceClass = (typeof CLASSES)[number];
export type Level = (typeof LEVELS)[number];

/** The catalogue page's typed reads: the answers of src/pharmacy/catalogue*.service.ts and price.service.ts. */
export const drugRow = z.object({
  id: z.number(),
  kind: z.enum(DRUG_KINDS),
  ybCode: z.string(),
  chargeCode: z.string(),
  genericName: z.string(),
  brandName: z.string().nullable(),
  pinyin: z.string(),
  dosageForm: z.string(),
  spec: z.string(),
  packUnit: z.string(),
  minUnit: z.string(),
  packQty: z.number(),
  splitAllowed: z.boolean(),
  manufacturer: z.string(),
  approvalNo: z.string().nullable(),
  insuranceClass: z.enum(CLASSES),
  selfPayBp: z.number(),
  essential: z.boolean(),
  vbp: z.boolean(),
  levels: z.array(z.enum(LEVELS)),
  supplierId: z.number().nullable(),
  supplierName: z.string().nullable(),
  active: z.boolean(),
  priceFen: z.number().nullable(),
  updatedAt: z.string(),
});
export type DrugRow = z.infer<typeof drugRow>;
export const drugPage = pageOf(drugRow);

export const priceHistory = z.object({
  drugId: z.number(),
  chargeCode: z.string(),
  unit: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      priceFen: z.number(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      sourceDocument: z.string(),
      createdAt: z.string(),
      state: z.enum(['planned', 'current', 'ended']),
    }),
  ),
});
export type PriceHistory = z.infer<typeof priceHistory>;

export const priceResult = z.object({
  outcome: z.enum(['created', 'updated', 'unchanged']),
  priceId: z.number(),
  validFrom: z.string(),
});

export const importResult = z.object({
  importId: z.number(),
  fileName: z.string(),
  rowsTotal: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  nothingChanged: z.boolean(),
  sameFileAs: z.object({ importId: z.number(), at: z.string() }).nullable(),
  rows: z.array(
    z.object({
      row: z.number(),
      ybCode: z.string(),
      name: z.string(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
      reason: z.string().optional(),
      price: z.enum(['created', 'updated', 'unchanged']).optional(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResult>;

export const supplierList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      creditCode: z.string().nullable(),
      contact: z.string().nullable(),
      phone: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});
