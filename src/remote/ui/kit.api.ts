import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { apiGet, apiSend, type Query } from '../../web/api.ts';

/** the kit page's reads and writes: the answers of /api/remote/kit (src/remote/kit.routes.ts) */
export const KIT_KEY = ['remote', 'kit'] as const;

export const kitDevice = z.object({
  id: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  model: z.string().nullable(),
  hasEcg: z.boolean(),
  active: z.boolean(),
});
export type KitDevice = z.infer<typeof kitDevice>;

export const kitReadingRow = z.object({
  deviceId: z.string(),
  readingId: z.string(),
  residentId: z.number(),
  residentName: z.string(),
  kind: z.string(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  pulse: z.number().nullable(),
  glucose: z.number().nullable(),
  spo2: z.number().nullable(),
  temperature: z.number().nullable(),
  heartRate: z.number().nullable(),
  ecgLeads: z.number().nullable(),
  accession: z.string().nullable(),
  flagged: z.boolean(),
  flagReasons: z.array(z.string()),
  reviewedAt: z.string().nullable(),
  measuredAt: z.string(),
});
export type KitReadingRow = z.infer<typeof kitReadingRow>;

const itemResult = z.object({
  readingId: z.string(),
  status: z.enum(['stored', 'duplicate', 'refused']),
  reasons: z.array(z.string()),
  flagged: z.boolean(),
  flagReasons: z.array(z.string()),
  requestId: z.number().optional(),
  accession: z.string().optional(),
});
export const batchResult = z.object({
  stored: z.number(),
  duplicates: z.number(),
  refused: z.number(),
  items: z.array(itemResult),
});
export type BatchResult = z.infer<typeof batchResult>;

const residentOption = z.object({ id: z.number(), name: z.string() }).loose();

export const useKitDevices = () =>
  useQuery({
    queryKey: [...KIT_KEY, 'devices'],
    queryFn: () => apiGet('/api/remote/kit/devices', pageOf(kitDevice), { active: 'true', pageSize: 100 }),
  });

export const useResidents = (q: string) =>
  useQuery({
    queryKey: [...KIT_KEY, 'residents', q],
    queryFn: () => apiGet('/api/residents', pageOf(residentOption), { q: q || undefined, pageSize: 30 }),
    placeholderData: keepPreviousData,
  });

export const useKitReadings = (query: Query, enabled = true) =>
  useQuery({
    queryKey: [...KIT_KEY, 'readings', query],
    queryFn: () => apiGet('/api/remote/kit/readings', pageOf(kitReadingRow), query),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useKitFlagged = (query: Query) =>
  useQuery({
    queryKey: [...KIT_KEY, 'flagged', query],
    queryFn: () => apiGet('/api/remote/kit/flagged', pageOf(kitReadingRow), query),
    placeholderData: keepPreviousData,
  });

export function useSendBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { deviceId: string; batchId?: string; readings: unknown[] }) =>
      apiSend('POST', '/api/remote/kit/batches', body, batchResult),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KIT_KEY }),
  });
}

export function useReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { deviceId: string; readingId: string }) =>
      apiSend(
        'POST',
        `/api/remote/kit/readings/${encodeURIComponent(r.deviceId)}/${encodeURIComponent(r.readingId)}/review`,
        {},
        kitReadingRow,
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KIT_KEY }),
  });
}
