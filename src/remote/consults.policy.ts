import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), consults: one entry per route in consults.routes.ts */
export const REMOTE_CONSULTS_POLICIES: PolicyTable = {};
