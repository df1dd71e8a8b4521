import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { distQuery, poQuery, requestQuery } from '../procure.schema.ts';

/** The procurement pages' typed reads: the answers of src/pharmacy/{request,purchase,distribution,procure-list}.service.ts. */

export const REQUEST_STATUSES = requestQuery.shape.status.unwrap().options;
export const PO_STATUSES = poQuery.shape.status.unwrap().options;
export const DIST_STATUSES = distQuery.shape.status.unwrap().options;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type PoStatus = (typeof PO_STATUSES)[number];
export type DistStatus = (typeof DIST_STATUSES)[number];

const when = z.string().nullable();

export const requestRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  source: z.string(),
  status: z.enum(REQUEST_STATUSES),
  note: z.string().nullable(),
  createdAt: z.string(),
  deviceAt: when,
  createdByName: z.string(),
  lines: z.array(
    z.object({
      drugId: z.number(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      packs: z.number(),
      poLineId: z.number().nullable(),
    }),
  ),
});
export type RequestRow = z.infer<typeof requestRow>;
export const requestPage = pageOf(requestRow);

export const drugOption = z.object({
  id: z.number(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  manufacturer: z.string(),
});
export const drugOptions = z.object({ items: z.array(drugOption) });
export type DrugOption = z.infer<typeof drugOption>;

export const proposal = z.object({
  orgId: z.number(),
  lines: z.array(
    z.object({
      drugId: z.number(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      availablePacks: z.number(),
      usedPacks30d: z.number(),
      packs: z.number(),
    }),
  ),
});

export const poRow = z.object({
  id: z.number(),
  orderNo: z.string(),
  status: z.enum(PO_STATUSES),
  totalFen: z.number(),
  supplierName: z.string(),
  createdAt: z.string(),
  sentAt: when,
  note: z.string().nullable(),
});
export type PoRow = z.infer<typeof poRow>;
export const poPage = pageOf(poRow);
export const poDetail = poRow.extend({
  lines: z.array(
    z.object({
      id: z.number(),
      drugId: z.number(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      packs: z.number(),
      receivedPacks: z.number(),
      costFen: z.number(),
    }),
  ),
  receipts: z.array(
    z.object({ poLineId: z.number(), batchNo: z.string(), expiryDate: z.string(), packs: z.number() }).loose(),
  ),
});
export type PoDetail = z.infer<typeof poDetail>;

export const distRow = z.object({
  id: z.number(),
  distNo: z.string(),
  kind: z.enum(['distribution', 'transfer']),
  status: z.enum(DIST_STATUSES),
  fromOrgId: z.number(),
  fromName: z.string(),
  toOrgId: z.number(),
  toName: z.string(),
  requestId: z.number().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  shippedAt: when,
  receivedAt: when,
  resolution: z.string().nullable(),
});
export type DistRow = z.infer<typeof distRow>;
export const distPage = pageOf(distRow);
export const distDetail = distRow.extend({
  /** the caller may confirm its receipt (the receiving org or its township centre) */
  mayReceive: z.boolean(),
  lines: z.array(
    z.object({
      id: z.number(),
      drugId: z.number(),
      name: z.string(),
      spec: z.string(),
      unit: z.string(),
      packs: z.number(),
      picks: z.array(
        z.object({
          id: z.number(),
          batchNo: z.string().nullable(),
          expiryDate: z.string().nullable(),
          packs: z.number(),
          receivedPacks: z.number().nullable(),
          discrepancyNote: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type DistDetail = z.infer<typeof distDetail>;

export const anyResult = z.object({}).loose();
export const receiptResult = z.object({ status: z.string(), warnings: z.array(z.string()) }).loose();
export const newClientId = (): string => crypto.randomUUID();

/** live: a stock or distribution change in the caller's scope refreshes the lists */
export function useProcureStream() {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/pharmacy/procure-stream');
    const handler = () => {
      void qc.invalidateQueries({ queryKey: ['pharmacy-dist'] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-po'] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-requests'] });
    };
    source.addEventListener('pharmacy.stock', handler);
    return () => source.close();
  }, [qc]);
}
