import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../web/api.ts';
import { auditPage, verifyResult } from '../audit.schema.ts';

export type AuditFilters = {
  username?: string;
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  to?: string;
};

export function useAuditLog(filters: AuditFilters, beforeSeq: number | undefined) {
  return useQuery({
    queryKey: ['audit', filters, beforeSeq],
    queryFn: () => apiGet('/api/audit', auditPage, { ...filters, beforeSeq, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}

/** A button, not a page load: verifying walks the whole chain. */
export function useAuditVerify() {
  return useMutation({ mutationFn: () => apiGet('/api/audit/verify', verifyResult) });
}
