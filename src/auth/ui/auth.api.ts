import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, apiSendNoContent, setCsrfToken } from '../../web/api.ts';
import { me as meSchema, meAnswer, type ChangePasswordBody, type LoginBody, type Me } from '../auth.schema.ts';

export const ME_KEY = ['auth', 'me'] as const;

/**
 * Switches the cached user (null: signed out) and drops everything cached for the previous
 * one: another person may use this browser next. The user is set first so that mounted
 * observers (RequireAuth) see it; qc.clear() would orphan them instead.
 */
export function switchUser(qc: QueryClient, me: Me | null): void {
  qc.setQueryData(ME_KEY, me);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  qc.getMutationCache().clear();
}

/** null means "not signed in": a normal state, which the API answers with 200 {user: null}. */
async function fetchMe(): Promise<Me | null> {
  const answer = await apiGet('/api/auth/me', meAnswer, undefined, { noAuthRedirect: true });
  if ('user' in answer) return null;
  setCsrfToken(answer.csrfToken);
  return answer;
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
      switchUser(qc, me);
    },
  });
}

/**
 * Signing out ends with a full page load of 登录, not a client-side route change: nothing
 * of this user (cached lists, a revealed ID number in some component's state) survives in
 * the tab, and the next person on a shared clinic PC starts clean.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiSendNoContent('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken('');
      window.location.assign('/login');
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
