import type { PolicyTable } from '../platform/access.ts';
import { CRITICAL_RECEIVERS, p, REMOTE_READERS, REMOTE_VIEWERS } from './remote.roles.ts';

/** remote diagnosis (issue 12), criticals: one entry per route in criticals.routes.ts */
export const REMOTE_CRITICALS_POLICIES: PolicyTable = {
  'GET /api/remote/requests/:id/criticals': p(REMOTE_VIEWERS, 'descendant'),
  'POST /api/remote/requests/:id/criticals': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/criticals/:id/check': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/criticals/:id/withdraw': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/criticals/:id/acknowledge': p(CRITICAL_RECEIVERS, 'descendant'),
  'POST /api/remote/criticals/:id/act': p(CRITICAL_RECEIVERS, 'descendant'),
  'POST /api/remote/criticals/:id/note': p(CRITICAL_RECEIVERS, 'descendant'),
  'GET /api/remote/criticals': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/criticals/:id': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/tasks': p(CRITICAL_RECEIVERS, 'descendant'),
  'POST /api/remote/tasks/:id/done': p(CRITICAL_RECEIVERS, 'descendant'),
  'GET /api/remote/duty': p(['admin', 'township_doctor', 'coordinator'], 'descendant'),
  'GET /api/remote/duty/candidates': p(['admin', 'township_doctor'], 'descendant'),
  'POST /api/remote/duty': p(['admin', 'township_doctor'], 'descendant'),
  'GET /api/remote/inbox': p(CRITICAL_RECEIVERS, 'descendant'),
  'GET /api/remote/inbox/stream': p(CRITICAL_RECEIVERS, 'descendant'),
};
