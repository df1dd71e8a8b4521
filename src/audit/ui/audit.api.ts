import { useMutation } from '@tanstack/react-query';
import { apiGet, type Query } from '../../web/api.ts';
import { useListQuery } from '../../web/kit/list-params.ts';
import { auditPage, verifyResult } from '../audit.schema.ts';

export type AuditFilters = {
  username?: string;
  action?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  to?: string;
  /** the newest row id the first page saw: later pages stay on the same rows */
  upTo?: number;
};

/** filters, page and the pinned upTo (AuditQuery) */
export function useAuditLog(params: Query) {
  return useListQuery(['audit'], '/api/audit', auditPage, params);
}

/** A button, not a page load: verifying walks the whole chain. */
export function useAuditVerify() {
  return useMutation({ mutationFn: () => apiGet('/api/audit/verify', verifyResult) });
}
