import type { PolicyTable, RoutePolicy } from './platform/access.ts';
import { ROLES, type Role } from './platform/roles.ts';

/**
 * The one access table: every route, the roles that may call it, and how far from their
 * home org they reach (see Relation in platform/access.ts). A route missing here is denied
 * to everyone, and the access-matrix test fails.
 */
const EVERYONE: readonly Role[] = ROLES;
const CLINICAL: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor', 'coordinator'];
/** roles whose work involves looking a resident up (masked by default) */
const RESIDENT_READERS: readonly Role[] = [...CLINICAL, 'grid_member', 'expert', 'reader', 'dispatcher', 'pharmacist', 'clerk'];
/** roles that may see a full ID or mobile number, one audited reveal at a time */
const REVEALERS: readonly Role[] = [...CLINICAL, 'dispatcher', 'clerk'];

const p = (roles: readonly Role[], relation: RoutePolicy['relation'], beforePasswordChange = false): RoutePolicy =>
  ({ roles, relation, beforePasswordChange });

export const POLICIES: PolicyTable = {
  'GET /api/health': p([], 'public'),
  'POST /api/auth/login': p([], 'public'),
  'POST /api/auth/logout': p(EVERYONE, 'session', true),
  'GET /api/auth/me': p(EVERYONE, 'session', true),
  'POST /api/auth/password': p(EVERYONE, 'session', true),

  'GET /api/orgs': p(EVERYONE, 'any'),
  'GET /api/orgs/:id': p(EVERYONE, 'any'),
  'POST /api/orgs': p(['admin'], 'descendant'),
  'PATCH /api/orgs/:id': p(['admin'], 'descendant'),
  'POST /api/orgs/:id/departments': p(['admin'], 'descendant'),
  'PATCH /api/departments/:id': p(['admin'], 'descendant'),

  'GET /api/staff': p(['admin'], 'descendant'),
  'GET /api/staff/:id': p(['admin'], 'descendant'),
  'POST /api/staff': p(['admin'], 'descendant'),
  'PATCH /api/staff/:id': p(['admin'], 'descendant'),
  'POST /api/staff/:id/disable': p(['admin'], 'descendant'),
  'POST /api/staff/:id/enable': p(['admin'], 'descendant'),
  'POST /api/staff/:id/reset-password': p(['admin'], 'descendant'),

  'GET /api/residents': p(RESIDENT_READERS, 'descendant'),
  'GET /api/residents/:id': p(RESIDENT_READERS, 'descendant'),
  'POST /api/residents': p([...CLINICAL, 'clerk'], 'descendant'),
  'PATCH /api/residents/:id': p([...CLINICAL, 'clerk'], 'descendant'),
  'POST /api/residents/:id/reveal': p(REVEALERS, 'descendant'),
  'GET /api/resident-stats': p(['bureau', 'admin'], 'any'),

  'GET /api/audit': p(['auditor'], 'any'),
  'GET /api/audit/verify': p(['auditor'], 'any'),
};
