import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { residentPage } from '../../residents/residents.schema.ts';
import { apiGet } from '../../web/api.ts';
import { chargeItem, icdHit } from '../care.schema.ts';

/** The typed reads the care pages share. */
export function useChargeItems(category?: string) {
  return useQuery({
    queryKey: ['charge-items', category ?? ''],
    queryFn: () => apiGet('/api/charge-items', z.array(chargeItem), { category }),
    staleTime: 60_000,
  });
}

export function useIcdSearch(q: string) {
  return useQuery({
    queryKey: ['care-icd10', q],
    queryFn: () => apiGet('/api/care/icd10', z.array(icdHit), { q }),
    enabled: q.trim().length > 0,
  });
}

export function useResidentPicker(q: string) {
  return useQuery({
    queryKey: ['care-residents', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, pageSize: 20 }),
    enabled: q.length > 0,
  });
}

export const newKey = () => `web-${crypto.randomUUID()}`;
