import type { PolicyTable } from '../platform/access.ts';

/** remote diagnosis (issue 12), figures: one entry per route in figures.routes.ts */
export const REMOTE_FIGURES_POLICIES: PolicyTable = {};
