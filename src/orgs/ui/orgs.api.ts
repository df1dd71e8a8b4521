import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { department, org, orgDetail, type DepartmentCreate, type OrgCreate, type OrgPatch } from '../orgs.schema.ts';

export const ORGS_KEY = ['orgs'] as const;
const orgList = z.array(org);

export function useOrgs() {
  // the network changes rarely and several pages need it (forms, filters): keep it a while
  return useQuery({ queryKey: ORGS_KEY, queryFn: () => apiGet('/api/orgs', orgList), staleTime: 5 * 60_000 });
}

export function useOrg(id: number | null) {
  return useQuery({
    queryKey: [...ORGS_KEY, id],
    queryFn: () => apiGet(`/api/orgs/${id}`, orgDetail),
    enabled: id !== null,
  });
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgCreate) => apiSend('POST', '/api/orgs', body, org),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function usePatchOrg(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgPatch) => apiSend('PATCH', `/api/orgs/${id}`, body, org),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useCreateDepartment(orgId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DepartmentCreate) => apiSend('POST', `/api/orgs/${orgId}/departments`, body, department),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...ORGS_KEY, orgId] }),
  });
}
