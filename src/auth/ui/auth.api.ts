import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, apiSendNoContent, isApiError, setCsrfToken } from '../../web/api.ts';
import { me as meSchema, type ChangePasswordBody, type LoginBody, type Me } from '../auth.schema.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** null means "not signed in": a normal state, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet('/api/auth/me', meSchema, undefined, { noAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiSend('POST', '/api/auth/login', body, meSchema, { noAuthRedirect: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // another person may have used this browser: nothing of theirs stays in the cache
      qc.clear();
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiSendNoContent('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken('');
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiSendNoContent('POST', '/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}
