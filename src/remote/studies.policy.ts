import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), studies: one entry per route in studies.routes.ts */
export const REMOTE_STUDIES_POLICIES: PolicyTable = {};
