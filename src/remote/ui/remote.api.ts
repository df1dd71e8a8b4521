import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { CENTRES, PRIORITIES, REQUEST_STATUSES, type ReportDraft, type RequestCreate } from '../requests.schema.ts';

/** The remote-diagnosis pages' typed reads and writes: the answers of /api/remote (requests.routes.ts). */
export const REMOTE_KEY = ['remote'] as const;
export { CENTRES, PRIORITIES, REQUEST_STATUSES };
export type Centre = (typeof CENTRES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const loose = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.string()]) as unknown as z.ZodType<T[number]>;

export const listItem = z.object({
  id: z.number(),
  accession: z.string(),
  centre: loose(CENTRES),
  itemCode: z.string(),
  itemName: z.string(),
  priority: loose(PRIORITIES),
  status: loose(REQUEST_STATUSES),
  source: z.string(),
  patientSetting: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  issuedAt: z.string().nullable(),
  studyArrivedAt: z.string().nullable(),
  claimedBy: z.number().nullable(),
  claimedByName: z.string().nullable(),
  residentId: z.number(),
  residentName: z.string(),
  residentSex: z.string().nullable(),
  residentBirthDate: z.string().nullable(),
  requestingOrgId: z.number(),
  requestingOrgName: z.string(),
  studies: z.number(),
  criticals: z.number(),
  issuedVersion: z.number().nullable(),
  minutesToDue: z.number().nullable(),
  overdue: z.boolean(),
});
export type RequestItem = z.infer<typeof listItem>;

export const report = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.string(),
  status: z.string(),
  rhythm: z.string().nullable(),
  heartRate: z.number().nullable(),
  prMs: z.number().nullable(),
  qrsMs: z.number().nullable(),
  qtMs: z.number().nullable(),
  qtcMs: z.number().nullable(),
  axisDeg: z.number().nullable(),
  findings: z.string(),
  conclusion: z.string(),
  abnormal: z.boolean(),
  authorId: z.number(),
  authorName: z.string().nullable(),
  authoredAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewerId: z.number().nullable(),
  reviewerName: z.string().nullable(),
  issuedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  amendmentReason: z.string().nullable(),
});
export type Report = z.infer<typeof report>;

export const detail = listItem.extend({
  clinicalInfo: z.string().nullable(),
  consentAt: z.string().nullable(),
  consentBy: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  readingOrgName: z.string().nullable(),
  requestingStaffName: z.string().nullable(),
  reports: z.array(report),
  currentVersion: z.number().nullable(),
  myReadVersion: z.number().nullable(),
  reads: z.array(z.object({ version: z.number(), staffName: z.string(), readAt: z.string().nullable() })),
  recognisedFrom: z
    .object({ accession: z.string(), version: z.number(), conclusion: z.string(), issued_at: z.string().nullable() })
    .nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      step: z.string(),
      who: z.string().nullable().optional(),
      version: z.number().optional(),
    }),
  ),
});
export type RequestDetail = z.infer<typeof detail>;

const page = z.object({
  items: z.array(listItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  totalCapped: z.boolean().optional(),
});
const worklist = z.object({
  items: z.array(listItem),
  counts: z.array(z.object({ centre: z.string(), open: z.number(), overdue: z.number(), review: z.number() })),
});
const catalogue = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      centre: loose(CENTRES),
      name: z.string(),
      itemGroup: z.string().nullable(),
      consentRequired: z.boolean(),
      recogniseDays: z.number().nullable(),
    }),
  ),
  turnaround: z.array(
    z.object({
      centre: z.string(),
      itemGroup: z.string().nullable(),
      priority: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
const recognisable = z.array(
  z.object({
    reportId: z.number(),
    requestId: z.number(),
    accession: z.string(),
    version: z.number(),
    conclusion: z.string(),
    issuedAt: z.string(),
    orgName: z.string(),
    recogniseDays: z.number(),
  }),
);
export type Recognisable = z.infer<typeof recognisable>[number];

export const useRemoteItems = () =>
  useQuery({
    queryKey: [...REMOTE_KEY, 'items'],
    queryFn: () => apiGet('/api/remote/items', catalogue),
    staleTime: 300_000,
  });

export const useRequests = (params: Query) =>
  useQuery({
    queryKey: [...REMOTE_KEY, 'requests', params],
    queryFn: () => apiGet('/api/remote/requests', page, params),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: number) =>
  useQuery({ queryKey: [...REMOTE_KEY, 'request', id], queryFn: () => apiGet(`/api/remote/requests/${id}`, detail) });

export const useWorklist = (centre: Centre | undefined, tab: 'open' | 'review' | 'mine') =>
  useQuery({
    queryKey: [...REMOTE_KEY, 'worklist', centre ?? '', tab],
    queryFn: () => apiGet('/api/remote/worklist', worklist, { centre, tab }),
    placeholderData: keepPreviousData,
  });

export const useRecognition = (residentId: number | undefined, itemCode: string | undefined) =>
  useQuery({
    queryKey: [...REMOTE_KEY, 'recognition', residentId, itemCode],
    queryFn: () => apiGet('/api/remote/recognition', recognisable, { residentId, itemCode }),
    enabled: Boolean(residentId && itemCode),
  });

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RequestCreate; key: string }) =>
      apiSend('POST', '/api/remote/requests', body, detail, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: REMOTE_KEY }),
  });
}

/** every step on a request answers with the request as it now is */
export function useRequestStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body, method }: { step: string; body?: unknown; method?: 'POST' | 'PUT' }) =>
      apiSend(method ?? 'POST', `/api/remote/requests/${id}/${step}`, body ?? {}, detail),
    onSuccess: (d) => {
      qc.setQueryData([...REMOTE_KEY, 'request', id], d);
      void qc.invalidateQueries({ queryKey: [...REMOTE_KEY, 'worklist'] });
    },
  });
}

export function useReportStep(requestId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, step, body }: { reportId: number; step: 'issue' | 'return'; body?: unknown }) =>
      apiSend('POST', `/api/remote/reports/${reportId}/${step}`, body ?? {}, z.object({ ok: z.boolean() })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...REMOTE_KEY, 'request', requestId] }),
  });
}

export type { ReportDraft };

/** Live worklist: every request event refetches the remote lists; answers whether the stream is up. */
export function useRemoteLive(onEvent?: (payload: { id?: number; status?: string }) => void): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/remote/stream');
    source.onopen = () => {
      setLive(true);
      // whatever happened while the stream was down is fetched again
      void qc.invalidateQueries({ queryKey: REMOTE_KEY });
    };
    source.onerror = () => setLive(false);
    const handler = (msg: MessageEvent<string>) => {
      let payload: { id?: number; status?: string } = {};
      try {
        payload = JSON.parse(msg.data) as typeof payload;
      } catch {
        /* heartbeat */
      }
      void qc.invalidateQueries({ queryKey: REMOTE_KEY });
      onEvent?.(payload);
    };
    for (const topic of ['remote.request', 'remote.report', 'remote.critical'])
      source.addEventListener(topic, handler as EventListener);
    return () => source.close();
  }, [qc, onEvent]);
  return live;
}
