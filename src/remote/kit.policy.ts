import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), kit: one entry per route in kit.routes.ts */
export const REMOTE_KIT_POLICIES: PolicyTable = {};
