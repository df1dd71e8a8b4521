import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, type Query } from '../../web/api.ts';
import { useListQuery } from '../../web/kit/list-params.ts';
import { staffMember, staffPage, staffWithPassword, type StaffCreate } from '../staff.schema.ts';

export const STAFF_KEY = ['staff'] as const;

export function useStaffList(query: Query) {
  return useListQuery([...STAFF_KEY, 'list'], '/api/staff', staffPage, query);
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
