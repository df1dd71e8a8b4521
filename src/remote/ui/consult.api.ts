import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { pageOf } from '../../platform/list.schema.ts';
import {
  CONSULT_MODES,
  CONSULT_STATUSES,
  CONSULT_STEPS,
  type ConsultApply,
  type ConsultStep,
} from '../consults.schema.ts';

/** 远程会诊 pages' typed reads and writes (/api/remote/consults). */
export const CONSULTS_KEY = ['remote-consults'] as const;
export { CONSULT_MODES, CONSULT_STATUSES, CONSULT_STEPS };
export type { ConsultStep };

const loose = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.string()]) as unknown as z.ZodType<T[number]>;

export const consultItem = z.object({
  id: z.number(),
  status: loose(CONSULT_STATUSES),
  mode: loose(CONSULT_MODES),
  version: z.number(),
  direction: z.enum(['outgoing', 'incoming']),
  residentId: z.number(),
  patientName: z.string().nullable(),
  patientSex: z.string().nullable(),
  patientAge: z.number().nullable(),
  requestingOrgName: z.string(),
  requestingStaffName: z.string(),
  invitedOrgName: z.string(),
  invitedStaffName: z.string().nullable(),
  speciality: z.string().nullable(),
  purpose: z.string(),
  feeFen: z.number(),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsultItem = z.infer<typeof consultItem>;
const consultPage = pageOf(consultItem);

export const consultDetail = consultItem.extend({
  side: z.enum(['requesting', 'invited', 'viewer']),
  steps: z.array(loose(CONSULT_STEPS)),
  clinicalSummary: z.string(),
  invitedStaffTitle: z.string().nullable(),
  declineReason: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  consentBy: z.string().nullable(),
  consentAt: z.string().nullable(),
  videoLink: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionByName: z.string().nullable(),
  opinionByTitle: z.string().nullable(),
  opinionSignedAt: z.string().nullable(),
  decision: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  files: z.array(
    z.object({
      sha256: z.string(),
      fileName: z.string(),
      mime: z.string(),
      sizeBytes: z.number(),
      addedAt: z.string(),
      addedByName: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      at: z.string(),
      actorName: z.string(),
      actorOrgName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type ConsultDetail = z.infer<typeof consultDetail>;

const options = z.object({
  orgs: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  experts: z.array(
    z.object({
      id: z.number(),
      orgId: z.number(),
      name: z.string(),
      title: z.string().nullable(),
      department: z.string().nullable(),
    }),
  ),
  fees: z.object({ async: z.number().nullable(), scheduled: z.number().nullable() }),
});
export type ConsultOptions = z.infer<typeof options>;

const residentHits = z.object({
  items: z.array(z.looseObject({ id: z.number(), name: z.string(), idNumber: z.string().optional() })),
});

export function useConsults(params: Query) {
  return useQuery({
    queryKey: [...CONSULTS_KEY, 'list', params],
    queryFn: () => apiGet('/api/remote/consults', consultPage, params),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useConsult(id: number) {
  return useQuery({
    queryKey: [...CONSULTS_KEY, 'one', id],
    queryFn: () => apiGet(`/api/remote/consults/${id}`, consultDetail),
    refetchInterval: 10_000,
  });
}

export function useConsultOptions(enabled: boolean) {
  return useQuery({
    queryKey: [...CONSULTS_KEY, 'options'],
    queryFn: () => apiGet('/api/remote/consults/options', options),
    enabled,
  });
}

export function useResidentHits(q: string) {
  return useQuery({
    queryKey: [...CONSULTS_KEY, 'residents', q],
    queryFn: () => apiGet('/api/residents', residentHits, { q, pageSize: 20 }),
    enabled: q.length > 0,
  });
}

export function useApplyConsult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsultApply) => apiSend('POST', '/api/remote/consults', body, consultDetail),
    onSuccess: () => void qc.invalidateQueries({ queryKey: CONSULTS_KEY }),
  });
}

export function useConsultStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { step: ConsultStep; body: Record<string, unknown> }) =>
      apiSend('POST', `/api/remote/consults/${id}/${v.step}`, v.body, consultDetail),
    onSuccess: (d) => {
      qc.setQueryData([...CONSULTS_KEY, 'one', id], d);
      void qc.invalidateQueries({ queryKey: CONSULTS_KEY });
    },
  });
}

/** an attachment as the raw body (the server recognises the type by its bytes) */
export async function uploadConsultFile(id: number, file: File, csrf: string): Promise<void> {
  const res = await fetch(`/api/remote/consults/${id}/files?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? String(res.status));
  }
}

export const fileUrl = (id: number, sha: string) => `/api/remote/consults/${id}/files/${sha}`;
