import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { useListQuery } from '../../web/kit/list-params.ts';
import { bagCreate, handoverGive, loadCreate, loadResult, packIssue, packQuery } from '../supply.schema.ts';

/** The supply pages' typed reads and writes: the answers of src/supply/*.service.ts. */

export const METHODS = loadCreate.shape.method.options;
export const CATEGORIES = bagCreate.shape.category.options;
export const STEPS = handoverGive.shape.step.options;
export const PACK_STATUSES = packQuery.shape.status.unwrap().options;
export type Method = (typeof METHODS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Step = (typeof STEPS)[number];
export type PackStatus = (typeof PACK_STATUSES)[number];
export type LoadStatus = 'pending' | 'passed' | 'failed';
export type Stage = 'produced' | 'collected' | 'at_station' | 'disposed';

const KEY = ['supply'] as const;

export const packType = z.object({
  id: z.number(),
  name: z.string(),
  items: z.array(z.object({ name: z.string(), count: z.number() })),
  method: z.enum(METHODS),
  packaging: z.string(),
  shelfDays: z.number(),
  active: z.boolean(),
});
export type PackType = z.infer<typeof packType>;

export const load = z.object({
  id: z.number(),
  sterilizer: z.string(),
  cycleNo: z.number(),
  loadDate: z.string(),
  method: z.enum(METHODS),
  status: z.enum(['pending', 'passed', 'failed']),
  physicalOk: z.boolean().nullable(),
  chemicalOk: z.boolean().nullable(),
  biologicalOk: z.boolean().nullable(),
  note: z.string().nullable(),
  readAt: z.string().nullable(),
  operatorName: z.string(),
  packs: z.number(),
  recalled: z.number(),
});
export type Load = z.infer<typeof load>;

export const pack = z.object({
  id: z.number(),
  code: z.string(),
  typeName: z.string(),
  loadId: z.number(),
  sterilizer: z.string(),
  cycleNo: z.number(),
  loadStatus: z.enum(['pending', 'passed', 'failed']),
  sterilisedOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(PACK_STATUSES),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  ward: z.string().nullable(),
  issuedAt: z.string().nullable(),
  residentId: z.number().nullable(),
  residentName: z.string().nullable(),
  usedAt: z.string().nullable(),
});
export type Pack = z.infer<typeof pack>;

export const followUp = z.object({
  code: z.string(),
  typeName: z.string(),
  wasStatus: z.string().nullable(),
  orgName: z.string().nullable(),
  ward: z.string().nullable(),
  residentId: z.number().nullable(),
  residentName: z.string().nullable(),
  usedByName: z.string().nullable(),
  usedAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUp>;
const loadDetail = load.extend({ packList: z.array(pack), followUp: z.array(followUp) });

export const handover = z.object({
  step: z.enum(STEPS),
  giverName: z.string(),
  giverWeightG: z.number(),
  givenAt: z.string(),
  receiverName: z.string(),
  receiverWeightG: z.number().nullable(),
  receivedAt: z.string().nullable(),
});
export const bag = z.object({
  id: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  category: z.enum(CATEGORIES),
  weightG: z.number(),
  stage: z.enum(['produced', 'collected', 'at_station', 'disposed']),
  note: z.string().nullable(),
  deviceAt: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  deviationG: z.number().nullable(),
  toleranceG: z.number(),
  discrepancy: z.boolean(),
  overdue: z.boolean(),
  handovers: z.array(handover),
});
export type Bag = z.infer<typeof bag>;

const rate = z.object({
  definition: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  view: z.string(),
});
export const figures = z.object({
  year: z.number(),
  wasteWeight: rate.extend({
    totalG: z.number(),
    bags: z.number(),
    byOrg: z.array(
      z.object({
        orgId: z.number(),
        orgName: z.string(),
        kind: z.string(),
        bags: z.number(),
        weightG: z.number(),
        handovers: z.number(),
        unconfirmed: z.number(),
      }),
    ),
    byMonth: z.array(z.object({ month: z.string(), category: z.enum(CATEGORIES), weightG: z.number() })),
  }),
  unconfirmed: rate.extend({ numeratorValue: z.number(), denominatorValue: z.number(), rate: z.number().nullable() }),
  sterileFailure: rate.extend({
    numeratorValue: z.number(),
    denominatorValue: z.number(),
    rate: z.number().nullable(),
    recalledPacks: z.number(),
    recalledOut: z.number(),
    byMonth: z.array(
      z.object({
        month: z.string(),
        readLoads: z.number(),
        failed: z.number(),
        rate: z.number().nullable(),
        packs: z.number(),
        recalled: z.number(),
      }),
    ),
  }),
});
export type Figures = z.infer<typeof figures>;

export const usePackTypes = () =>
  useQuery({
    queryKey: [...KEY, 'types'],
    queryFn: () => apiGet('/api/sterile/pack-types', z.object({ items: z.array(packType) })),
  });
export const useLoads = (q: Query) => useListQuery([...KEY, 'loads'], '/api/sterile/loads', pageOf(load), q);
export const usePacks = (q: Query) => useListQuery([...KEY, 'packs'], '/api/sterile/packs', pageOf(pack), q);
export const useBags = (q: Query) => useListQuery([...KEY, 'bags'], '/api/waste/bags', pageOf(bag), q);
export const useLoadDetail = (id: number | null) =>
  useQuery({
    queryKey: [...KEY, 'load', id],
    queryFn: () => apiGet(`/api/sterile/loads/${id}`, loadDetail),
    enabled: id !== null,
  });
export const useFigures = (year: number) =>
  useQuery({ queryKey: [...KEY, 'figures', year], queryFn: () => apiGet('/api/supply/figures', figures, { year }) });

/** every write refreshes the supply lists */
function useSend<B>(url: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => apiSend('POST', url(b), body(b), z.unknown()),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
export const useCreateLoad = () => useSend<z.input<typeof loadCreate>>(() => '/api/sterile/loads');
export const useRecordResult = () =>
  useSend<z.input<typeof loadResult> & { id: number }>(
    (b) => `/api/sterile/loads/${b.id}/result`,
    ({ id: _id, ...rest }) => rest,
  );
export const useIssue = () => useSend<z.input<typeof packIssue>>(() => '/api/sterile/packs/issue');
export const useUse = () => useSend<{ code: string; residentId: number }>(() => '/api/sterile/packs/use');
export const useReturn = () => useSend<{ code: string }>(() => '/api/sterile/packs/return');
export const useRegisterBag = () => useSend<z.input<typeof bagCreate>>(() => '/api/waste/bags');
export const useGive = () =>
  useSend<z.input<typeof handoverGive> & { bagId: string }>(
    (b) => `/api/waste/bags/${b.bagId}/give`,
    ({ bagId: _b, ...rest }) => rest,
  );
export const useReceive = () =>
  useSend<{ bagId: string; step: Step; weightG: number }>(
    (b) => `/api/waste/bags/${b.bagId}/receive`,
    ({ bagId: _b, ...rest }) => rest,
  );
