import type { PolicyTable } from '../platform/access.ts';
import { p, REMOTE_FIGURE_READERS } from './remote.roles.ts';

/** remote diagnosis (issue 12), figures: one entry per route in figures.routes.ts */
export const REMOTE_FIGURES_POLICIES: PolicyTable = {
  'GET /api/remote/figures': p(REMOTE_FIGURE_READERS, 'descendant'),
  'GET /api/remote/figures/export': p(REMOTE_FIGURE_READERS, 'descendant'),
};
