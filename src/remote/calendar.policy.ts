import type { PolicyTable } from '../platform/access.ts';
import { p, REMOTE_VIEWERS } from './remote.roles.ts';

/** remote diagnosis (issue 12), 工作日历: one entry per route in calendar.routes.ts (county-wide data) */
export const REMOTE_CALENDAR_POLICIES: PolicyTable = {
  'GET /api/remote/calendar': p([...REMOTE_VIEWERS, 'admin'], 'any'),
  'PUT /api/remote/calendar/:day': p(['admin'], 'any'),
  'DELETE /api/remote/calendar/:day': p(['admin'], 'any'),
};
