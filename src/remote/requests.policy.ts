import type { PolicyTable } from '../platform/access.ts';
import { p, REMOTE_READERS, REMOTE_REQUESTERS, REMOTE_VIEWERS } from './remote.roles.ts';

/** remote diagnosis (issue 12), requests and the reading centre: one entry per route in requests.routes.ts */
export const REMOTE_REQUESTS_POLICIES: PolicyTable = {
  'GET /api/remote/items': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/recognition': p(REMOTE_REQUESTERS, 'descendant'),
  'POST /api/remote/requests': p(REMOTE_REQUESTERS, 'descendant'),
  'GET /api/remote/requests': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/requests/export': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/requests/:id': p(REMOTE_VIEWERS, 'descendant'),
  'POST /api/remote/requests/:id/cancel': p(REMOTE_REQUESTERS, 'descendant'),
  'POST /api/remote/requests/:id/read': p(REMOTE_REQUESTERS, 'descendant'),
  'GET /api/remote/worklist': p(REMOTE_READERS, 'descendant'),
  'GET /api/remote/stream': p(REMOTE_VIEWERS, 'descendant'),
  'POST /api/remote/requests/:id/claim': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/requests/:id/release': p(REMOTE_READERS, 'descendant'),
  'PUT /api/remote/requests/:id/report': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/requests/:id/report/submit': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/requests/:id/amend': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/reports/:id/issue': p(REMOTE_READERS, 'descendant'),
  'POST /api/remote/reports/:id/return': p(REMOTE_READERS, 'descendant'),
};
