import type { PolicyTable } from '../platform/access.ts';
import { p, REMOTE_READERS, REMOTE_REQUESTERS, REMOTE_VIEWERS } from './remote.roles.ts';

/**
 * remote diagnosis (issue 12), studies: one entry per route in studies.routes.ts. Requesters and
 * the centre upload; everyone on a request reads its files (row-level security narrows a
 * requester to their own org's requests and uploads); the centre matches files by hand.
 */
export const REMOTE_STUDIES_POLICIES: PolicyTable = {
  'POST /api/remote/studies': p([...REMOTE_REQUESTERS, ...REMOTE_READERS], 'descendant'),
  'GET /api/remote/studies/unmatched': p([...REMOTE_REQUESTERS, ...REMOTE_READERS], 'descendant'),
  'GET /api/remote/requests/:id/studies': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/studies/:id/file': p(REMOTE_VIEWERS, 'descendant'),
  'GET /api/remote/studies/:id/waveform': p(REMOTE_VIEWERS, 'descendant'),
  'POST /api/remote/studies/:id/match': p(REMOTE_READERS, 'descendant'),
};
