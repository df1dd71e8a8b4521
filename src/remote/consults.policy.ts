import type { PolicyTable } from '../platform/access.ts';
import { CONSULT_STAFF, p, REMOTE_REQUESTERS } from './remote.roles.ts';

/** remote diagnosis (issue 12), consults: one entry per route in consults.routes.ts */
const staff = p(CONSULT_STAFF, 'descendant');
export const REMOTE_CONSULTS_POLICIES: PolicyTable = {
  'GET /api/remote/consults': staff,
  'GET /api/remote/consults/export': staff,
  'GET /api/remote/consults/options': p(REMOTE_REQUESTERS, 'descendant'),
  'POST /api/remote/consults': p(REMOTE_REQUESTERS, 'descendant'),
  'GET /api/remote/consults/:id': staff,
  'POST /api/remote/consults/:id/accept': staff,
  'POST /api/remote/consults/:id/decline': staff,
  'POST /api/remote/consults/:id/consent': p(REMOTE_REQUESTERS, 'descendant'),
  'POST /api/remote/consults/:id/schedule': staff,
  'POST /api/remote/consults/:id/hold': staff,
  'POST /api/remote/consults/:id/opinion': staff,
  'POST /api/remote/consults/:id/decide': staff,
  'POST /api/remote/consults/:id/close': staff,
  'POST /api/remote/consults/:id/cancel': staff,
  'POST /api/remote/consults/:id/files': staff,
  'GET /api/remote/consults/:id/files/:sha': staff,
};
