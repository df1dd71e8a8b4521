import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { staffMember, staffWithPassword, type StaffCreate, type StaffQuery } from '../staff.schema.ts';

export const STAFF_KEY = ['staff'] as const;
const staffList = z.array(staffMember);

export function useStaffList(query: StaffQuery) {
  return useQuery({ queryKey: [...STAFF_KEY, query], queryFn: () => apiGet('/api/staff', staffList, query) });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffCreate) => apiSend('POST', '/api/staff', body, staffWithPassword),
    onSuccess: () => qc.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useSetDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: number; disabled: boolean }) =>
      apiSend('POST', `/api/staff/${id}/${disabled ? 'disable' : 'enable'}`, {}, staffMember),
    onSuccess: () => qc.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend('POST', `/api/staff/${id}/reset-password`, {}, staffWithPassword),
    onSuccess: () => qc.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}
