import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), criticals: one entry per route in criticals.routes.ts */
export const REMOTE_CRITICALS_POLICIES: PolicyTable = {};
