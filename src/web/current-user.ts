import { useMe } from '../auth/ui/auth.api.ts';
import type { Me } from '../auth/auth.schema.ts';
import { mayCall, type PolicyRoute } from './access.ts';

/** Inside the signed-in area (below RequireAuth) the user is always known. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside RequireAuth');
  return data;
}

export function useMayCall(route: PolicyRoute): boolean {
  return mayCall(useCurrentUser().roles, route);
}
