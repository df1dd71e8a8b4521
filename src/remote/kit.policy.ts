import type { PolicyTable } from '../platform/access.ts';
import { KIT_USERS, p } from './remote.roles.ts';

/** who registers kits: the township centre for its villages, and the administrator */
const KIT_KEEPERS = ['township_doctor', 'admin'] as const;

/** remote diagnosis (issue 12), kit: one entry per route in kit.routes.ts */
export const REMOTE_KIT_POLICIES: PolicyTable = {
  'POST /api/remote/kit/batches': p(KIT_USERS, 'descendant'),
  'GET /api/remote/kit/readings': p(KIT_USERS, 'descendant'),
  'GET /api/remote/kit/flagged': p(KIT_USERS, 'descendant'),
  'POST /api/remote/kit/readings/:deviceId/:readingId/review': p(KIT_USERS, 'descendant'),
  'GET /api/remote/kit/devices': p([...KIT_USERS, 'admin'], 'descendant'),
  'POST /api/remote/kit/devices': p(KIT_KEEPERS, 'descendant'),
  'PATCH /api/remote/kit/devices/:id': p(KIT_KEEPERS, 'descendant'),
};
