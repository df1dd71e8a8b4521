import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), requests: one entry per route in requests.routes.ts */
export const REMOTE_REQUESTS_POLICIES: PolicyTable = {};
