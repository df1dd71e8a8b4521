import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { pageOf } from '../../platform/list.schema.ts';

/** 危急值 pages' typed reads and writes (src/remote/criticals.routes.ts). */
export const CRITICAL_KEY = ['remote', 'criticals'] as const;

export const criticalSummary = z.object({
  id: z.number(),
  requestId: z.number(),
  reportId: z.number().nullable(),
  status: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  detail: z.string(),
  accession: z.string(),
  centre: z.string(),
  examName: z.string(),
  residentId: z.number(),
  residentName: z.string().nullable(),
  requestingOrgId: z.number(),
  requestingOrgName: z.string(),
  flaggedBy: z.number(),
  flaggedByName: z.string().nullable(),
  flaggedAt: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  ackAt: z.string().nullable(),
  actedAt: z.string().nullable(),
  notedAt: z.string().nullable(),
  readback: z.string().nullable(),
  patientStatus: z.string().nullable(),
});
export type CriticalSummary = z.infer<typeof criticalSummary>;

const ofRequest = z.object({
  items: z.array(criticalSummary),
  catalogue: z.array(
    z.object({ code: z.string(), name: z.string(), centre: z.string(), criterion: z.string().nullable() }),
  ),
});

export const criticalDetail = criticalSummary.extend({
  checkedAt: z.string().nullable(),
  actionText: z.string().nullable(),
  noteText: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  timeline: z.array(
    z.object({ step: z.string(), at: z.string(), by: z.string().nullable(), text: z.string().nullable() }),
  ),
  tasks: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      createdAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      doneAt: z.string().nullable(),
      doneByName: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
});
export type CriticalDetail = z.infer<typeof criticalDetail>;

export const taskItem = z.object({
  id: z.number(),
  kind: z.string(),
  criticalId: z.number(),
  dueAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcome: z.string().nullable(),
  itemName: z.string(),
  detail: z.string(),
  residentName: z.string().nullable(),
  orgName: z.string(),
});
export type TaskItem = z.infer<typeof taskItem>;

export const dutyRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  duty: z.string(),
  staffId: z.number(),
  staffName: z.string(),
  effectiveFrom: z.string().nullable(),
});
export type DutyRow = z.infer<typeof dutyRow>;

const anything = z.unknown();

export function useRequestCriticals(requestId: number) {
  return useQuery({
    queryKey: [...CRITICAL_KEY, 'request', requestId],
    queryFn: () => apiGet(`/api/remote/requests/${requestId}/criticals`, ofRequest),
    refetchInterval: 15_000,
  });
}

export function useCriticalList(params: Query) {
  return useQuery({
    queryKey: [...CRITICAL_KEY, 'list', params],
    queryFn: () => apiGet('/api/remote/criticals', pageOf(criticalSummary), params),
    placeholderData: keepPreviousData,
  });
}

export function useCritical(id: number | null) {
  return useQuery({
    queryKey: [...CRITICAL_KEY, 'one', id],
    queryFn: () => apiGet(`/api/remote/criticals/${id}`, criticalDetail),
    enabled: id !== null,
  });
}

export function useTasks(params: Query) {
  return useQuery({
    queryKey: [...CRITICAL_KEY, 'tasks', params],
    queryFn: () => apiGet('/api/remote/tasks', pageOf(taskItem), params),
    placeholderData: keepPreviousData,
  });
}

export function useDuty() {
  return useQuery({ queryKey: [...CRITICAL_KEY, 'duty'], queryFn: () => apiGet('/api/remote/duty', z.array(dutyRow)) });
}

const candidate = z.object({ id: z.number(), name: z.string(), title: z.string().nullable(), orgName: z.string() });

/** who may be put on duty for the chosen org (its staff, then its township centre's) */
export function useDutyCandidates(orgId: number | undefined) {
  return useQuery({
    queryKey: [...CRITICAL_KEY, 'duty-candidates', orgId],
    queryFn: () => apiGet(`/api/remote/duty/candidates?orgId=${orgId}`, z.array(candidate)),
    enabled: orgId !== undefined,
  });
}

/** any write of the critical-value pages: POST url body, then every critical-value query refetches */
export function useCriticalAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ url, body }: { url: string; body?: unknown }) => apiSend('POST', url, body ?? {}, anything),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['remote'] }),
  });
}
