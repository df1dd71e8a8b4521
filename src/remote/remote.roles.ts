import type { RoutePolicy } from '../platform/access.ts';
import type { Role } from '../platform/roles.ts';

/**
 * Remote diagnosis (issue 12): who does what. Each part of the feature keeps its routes'
 * entries in its own *.policy.ts beside its routes; src/policy.ts spreads them into the one table.
 */
/** who asks for a reading: village and township clinics, and county doctors for their wards */
export const REMOTE_REQUESTERS: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor'];
/** the reading centres' doctors (the demo `reader` and the second readers 远程诊断医师) */
export const REMOTE_READERS: readonly Role[] = ['reader'];
/** everyone who sees a request: the requesting side and the centre */
export const REMOTE_VIEWERS: readonly Role[] = [...REMOTE_REQUESTERS, 'reader', 'coordinator'];
/** who receives critical values and acts on them: the requesting org's clinicians and the group's medical office */
export const CRITICAL_RECEIVERS: readonly Role[] = [...REMOTE_REQUESTERS, 'coordinator'];
/** teleconsultation: the asking doctors and the invited experts and centres */
export const CONSULT_STAFF: readonly Role[] = [...REMOTE_REQUESTERS, 'expert', 'reader', 'coordinator'];
/** the county's managers read the figures */
export const REMOTE_FIGURE_READERS: readonly Role[] = ['admin', 'bureau', 'coordinator', 'reader', 'township_doctor'];
/** village health kits upload through the village (or township) doctor's session */
export const KIT_USERS: readonly Role[] = ['village_doctor', 'township_doctor'];

export const p = (roles: readonly Role[], relation: RoutePolicy['relation']): RoutePolicy => ({
  roles,
  relation,
  beforePasswordChange: false,
});
