import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { useListQuery } from '../../web/kit/list-params.ts';
import {
  resident,
  residentPage,
  residentStats,
  revealed,
  type ResidentCreate,
  type ResidentPatch,
  type RevealBody,
} from '../residents.schema.ts';

export const RESIDENTS_KEY = ['residents'] as const;

/** Every search is audited server-side: only run it when the user asked (enabled). */
export function useResidentSearch(params: Query, enabled: boolean) {
  return useListQuery([...RESIDENTS_KEY, 'search'], '/api/residents', residentPage, params, { enabled });
}

export function useResident(id: number, enabled = true) {
  return useQuery({
    queryKey: [...RESIDENTS_KEY, id],
    queryFn: () => apiGet(`/api/residents/${id}`, resident),
    enabled,
  });
}

/**
 * The resident a page was opened for (`?residentId=` from the resident profile's next steps),
 * so a form can start with the resident chosen and labelled; undefined when there is none.
 */
export function usePresetResident(residentId: string | null) {
  const id = Number(residentId);
  const valid = Number.isSafeInteger(id) && id > 0;
  const query = useResident(valid ? id : 0, valid);
  return { id: valid ? id : undefined, resident: query.data, error: query.error };
}

export function useCreateResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentCreate) => apiSend('POST', '/api/residents', body, resident),
    onSuccess: (r) => {
      qc.setQueryData([...RESIDENTS_KEY, r.id], r);
      return qc.invalidateQueries({ queryKey: [...RESIDENTS_KEY, 'search'] });
    },
  });
}

export function usePatchResident(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentPatch) => apiSend('PATCH', `/api/residents/${id}`, body, resident),
    onSuccess: (r) => {
      qc.setQueryData([...RESIDENTS_KEY, id], r);
      return qc.invalidateQueries({ queryKey: [...RESIDENTS_KEY, 'search'] });
    },
  });
}

/** Full values live in the profile page's state only: gcTime 0 drops them from the cache. */
export function useReveal(id: number) {
  return useMutation({
    mutationFn: (body: RevealBody) => apiSend('POST', `/api/residents/${id}/reveal`, body, revealed),
    gcTime: 0,
  });
}

export function useResidentStats() {
  return useQuery({
    queryKey: [...RESIDENTS_KEY, 'stats'],
    queryFn: () => apiGet('/api/resident-stats', residentStats),
  });
}
