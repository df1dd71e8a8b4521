import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { useListQuery } from '../../web/kit/list-params.ts';
import { booking, sessionBookings, waitlistEntry, type BookingCreate } from '../booking.schema.ts';
import { expert, expertPage, type ExpertCreate } from '../expert.schema.ts';
import { checkInResult, queueView } from '../queue.schema.ts';
import { clinicSessionDetail, clinicSessionPage, type SessionCreate } from '../session.schema.ts';
import { clinicSettings, type ClinicSettingsPatch } from '../settings.schema.ts';
import { clinicStats, subsidyLedger, type BudgetBody, type RatesBody } from '../stats.schema.ts';

export const CLINICS_KEY = ['clinics'] as const;

/**
 * POST with an Idempotency-Key: the key is made once per form submission by the caller, so
 * a double click or a retry after a timeout books once.
 */
export function sendWithKey<S extends z.ZodType>(
  url: string,
  body: unknown,
  schema: S,
  key: string,
): Promise<z.output<S>> {
  return apiSend('POST', url, body, schema, { headers: { 'idempotency-key': key } });
}

export const newKey = () => crypto.randomUUID();

export type SessionFilter = {
  from?: string;
  to?: string;
  kind?: 'expert' | 'ordinary';
  mine?: 'true';
  own?: 'true';
  departmentId?: number;
};

/** A day's sessions for a picker (the first 100; a day has far fewer). */
export function useSessions(filter: SessionFilter, enabled = true) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'sessions', filter],
    queryFn: () => apiGet('/api/clinic-sessions', clinicSessionPage, { ...filter, pageSize: 100 }),
    enabled,
  });
}

/** The 门诊安排 list: a page of sessions with its filters and sort. */
export function useSessionList(params: Query) {
  return useListQuery([...CLINICS_KEY, 'sessions', 'list'], '/api/clinic-sessions', clinicSessionPage, params);
}

export function useSession(id: number) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'session', id],
    queryFn: () => apiGet(`/api/clinic-sessions/${id}`, clinicSessionDetail),
    refetchInterval: 15_000,
  });
}

export function useSessionBookings(id: number, enabled = true) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'session', id, 'bookings'],
    queryFn: () => apiGet(`/api/clinic-sessions/${id}/bookings`, sessionBookings),
    enabled,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CLINICS_KEY });
}

export function useCreateSession() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: SessionCreate) => apiSend('POST', '/api/clinic-sessions', body, clinicSessionDetail),
    onSuccess: done,
  });
}

export function useSessionAction(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'cancel' | 'approve' | 'close'; reason?: string }) =>
      apiSend('POST', `/api/clinic-sessions/${id}/${action}`, action === 'cancel' ? { reason } : {}, z.unknown()),
    onSuccess: done,
  });
}

export function useBook() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ body, key }: { body: BookingCreate; key: string }) =>
      sendWithKey('/api/clinic-bookings', body, booking, key),
    onSuccess: done,
  });
}

export function useBookingAction() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: number;
      action: 'cancel' | 'no-show' | 'check-in';
      body?: Record<string, unknown>;
    }) =>
      apiSend(
        'POST',
        `/api/clinic-bookings/${id}/${action}`,
        body ?? {},
        action === 'check-in' ? checkInResult : z.unknown(),
      ),
    onSuccess: done,
  });
}

export function useJoinWaitlist() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { sessionId: number; residentId: number }) =>
      apiSend('POST', '/api/clinic-waitlist', body, waitlistEntry),
    onSuccess: done,
  });
}

export function useQueue(sessionId: number | null) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'queue', sessionId],
    queryFn: () => apiGet(`/api/clinic-sessions/${sessionId}/queue`, queueView),
    enabled: sessionId !== null,
    refetchInterval: 3000,
  });
}

export function useQueueAction(sessionId: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      ticketId,
      action,
    }: {
      ticketId?: number;
      action: 'call-next' | 'recall' | 'skip' | 'finish' | 'requeue';
    }) =>
      action === 'call-next'
        ? apiSend('POST', `/api/clinic-sessions/${sessionId}/call-next`, {}, queueView)
        : apiSend('POST', `/api/clinic-queue-tickets/${ticketId}/${action}`, {}, queueView),
    onSuccess: (v) => qc.setQueryData([...CLINICS_KEY, 'queue', sessionId], v),
  });
}

/** Active experts for a picker, searched on the server (the first 100 matches). */
export function useExperts(q: string) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'experts', q],
    queryFn: () => apiGet('/api/experts', expertPage, { q, active: 'true', pageSize: 100 }),
  });
}

/** The 专家名册 list. */
export function useExpertList(params: Query) {
  return useListQuery([...CLINICS_KEY, 'experts', 'list'], '/api/experts', expertPage, params);
}

export function useCreateExpert() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ExpertCreate) => apiSend('POST', '/api/experts', body, expert),
    onSuccess: done,
  });
}

export function useClinicStats(params: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'stats', params],
    queryFn: () => apiGet('/api/clinic-stats', clinicStats, params),
  });
}

export function useSubsidy(year: number) {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'subsidy', year],
    queryFn: () => apiGet('/api/clinic-subsidy', subsidyLedger, { year }),
  });
}

export function useClinicSettings() {
  return useQuery({
    queryKey: [...CLINICS_KEY, 'settings'],
    queryFn: () => apiGet('/api/clinic-settings', clinicSettings),
  });
}

export function useSaveClinicSettings() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ClinicSettingsPatch) => apiSend('PATCH', '/api/clinic-settings', body, clinicSettings),
    onSuccess: done,
  });
}

export function useSetBudget() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: BudgetBody) => apiSend('POST', '/api/clinic-subsidy/budget', body, subsidyLedger),
    onSuccess: done,
  });
}

export function useSetRates() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: RatesBody) => apiSend('POST', '/api/clinic-subsidy/rates', body, subsidyLedger),
    onSuccess: done,
  });
}
