import { POLICIES } from '../policy.ts';
import type { Role } from '../platform/roles.ts';

/**
 * The web reads the server's own policy table (src/policy.ts: plain data, type-only imports)
 * so a menu item can never be offered to a role the API would refuse, and a policy change
 * shows up in the navigation without a second list to keep in step.
 */
export type PolicyRoute = keyof typeof POLICIES & string;

export function mayCall(roles: readonly Role[], route: PolicyRoute): boolean {
  const policy = POLICIES[route];
  return policy !== undefined && policy.roles.some((r) => roles.includes(r));
}
