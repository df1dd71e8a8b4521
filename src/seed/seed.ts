// placeholder replaced by the seed generator work
import type { Kdb } from '../platform/db.ts';
import type { Role } from '../platform/roles.ts';
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; label: string; roles: Role[] }> = [];
export async function ensureDemoCounty(_db: Kdb, _opts: { profile: 'demo' | 'jiexiu'; seed: number; password: string }): Promise<{ orgs: number; residents: number } | null> { return null; }
