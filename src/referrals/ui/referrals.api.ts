import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { figures } from '../figures.schema.ts';
import {
  guidance,
  icdItem,
  referralCreate,
  referralDetail,
  referralTask,
  worklist,
  type DownReferralCreate,
  type WorklistQuery,
} from '../referral.schema.ts';

export const REFERRALS_KEY = ['referrals'] as const;

export function useWorklist(query: Partial<WorklistQuery>) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'list', query],
    queryFn: () => apiGet('/api/referrals', worklist, query),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: number) {
  return useQuery({ queryKey: [...REFERRALS_KEY, id], queryFn: () => apiGet(`/api/referrals/${id}`, referralDetail) });
}

export function useCreateReferral() {
  const qc = useQueryClient();
  return useMutation({
    // the key is made once per form, so a double click or a retry creates one referral
    mutationFn: ({ key, ...body }: z.input<typeof referralCreate> & { key: string }) =>
      apiSend('POST', '/api/referrals', body, referralDetail, { headers: { 'idempotency-key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: REFERRALS_KEY }),
  });
}

export type ActionPath =
  'submit' | 'accept' | 'reject' | 'redirect' | 'arrive' | 'complete' | 'close' | 'cancel' | 'down-referrals';

export function useReferralAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: ActionPath; body: Record<string, unknown> | DownReferralCreate }) =>
      apiSend('POST', `/api/referrals/${id}/${path}`, body, referralDetail),
    onSuccess: (r) => {
      qc.setQueryData([...REFERRALS_KEY, r.id], r);
      // not awaited: the buttons must not stay in their loading state while lists refetch
      void qc.invalidateQueries({ queryKey: [...REFERRALS_KEY, 'list'] });
    },
  });
}

export function useTasks(status: 'pending' | 'all' = 'pending') {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'tasks', status],
    queryFn: () => apiGet('/api/referral-tasks', z.array(referralTask), { status }),
  });
}

export function useAddNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, text, done }: { taskId: number; text: string; done?: boolean }) =>
      apiSend('POST', `/api/referral-tasks/${taskId}/notes`, { text, done }, referralTask.nullable()),
    onSuccess: () => qc.invalidateQueries({ queryKey: REFERRALS_KEY }),
  });
}

const icdItems = z.array(icdItem);
export function useIcdSearch(q: string) {
  return useQuery({
    queryKey: ['icd10', q],
    queryFn: () => apiGet('/api/icd10', icdItems, { q, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useGuidance(code: string | undefined) {
  return useQuery({
    queryKey: ['referral-guidance', code],
    queryFn: () => apiGet('/api/referral-guidance', guidance, { code }),
    enabled: Boolean(code),
  });
}

export function useFigures(from?: string, to?: string) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'figures', from, to],
    queryFn: () => apiGet('/api/referral-figures', figures, { from, to }),
  });
}

/** Live updates: every referral change the server lets this user see refreshes the lists and the open referral. */
export function useReferralStream(onEvent?: (e: { id: number; status: string; action: string }) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/referral-stream');
    const handler = (msg: MessageEvent<string>) => {
      void qc.invalidateQueries({ queryKey: REFERRALS_KEY });
      try {
        onEvent?.(JSON.parse(msg.data));
      } catch {
        /* heartbeat or malformed */
      }
    };
    source.addEventListener('referral.changed', handler as EventListener);
    return () => source.close();
  }, [qc, onEvent]);
}

export async function uploadAttachment(referralId: number, file: File, csrf: string): Promise<void> {
  const res = await fetch(`/api/referrals/${referralId}/attachments?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrf },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `上传失败（${res.status}）`);
  }
}
