import type { PolicyTable, RoutePolicy } from './platform/access.ts';
import { ROLES, type Role } from './platform/roles.ts';
import { REMOTE_CONSULTS_POLICIES } from './remote/consults.policy.ts';
import { REMOTE_CALENDAR_POLICIES } from './remote/calendar.policy.ts';
import { REMOTE_CRITICALS_POLICIES } from './remote/criticals.policy.ts';
import { REMOTE_FIGURES_POLICIES } from './remote/figures.policy.ts';
import { REMOTE_KIT_POLICIES } from './remote/kit.policy.ts';
import { REMOTE_REQUESTS_POLICIES } from './remote/requests.policy.ts';
import { REMOTE_STUDIES_POLICIES } from './remote/studies.policy.ts';

/**
 * The one access table: every route, the roles that may call it, and how far from their
 * home org they reach (see Relation in platform/access.ts). A route missing here is denied
 * to everyone, and the access-matrix test fails.
 */
const EVERYONE: readonly Role[] = ROLES;
const CLINICAL: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor', 'coordinator'];
/** roles whose work involves looking a resident up (masked by default) */
const RESIDENT_READERS: readonly Role[] = [
  ...CLINICAL,
  'grid_member',
  'expert',
  'reader',
  'dispatcher',
  'pharmacist',
  'clerk',
];
/** roles that may see a full ID or mobile number, one audited reveal at a time */
const REVEALERS: readonly Role[] = [...CLINICAL, 'dispatcher', 'clerk'];
/** referral work: clinicians and the visiting experts who receive at partner hospitals */
const REFERRAL_RECEIVERS: readonly Role[] = [...CLINICAL, 'expert'];
/** who may look at referrals: the receivers plus the registration desk */
const REFERRAL_STAFF: readonly Role[] = [...REFERRAL_RECEIVERS, 'clerk'];

/** clinics (issue 4): who plans sessions, who books for residents, who runs the queue */
const CLINIC_PLANNERS: readonly Role[] = ['admin', 'coordinator', 'county_doctor', 'township_doctor'];
const CLINIC_BOOKERS: readonly Role[] = [...CLINICAL, 'clerk'];
const CLINIC_DESK: readonly Role[] = [...CLINICAL, 'clerk', 'expert'];
const CLINIC_CALLERS: readonly Role[] = ['expert', 'county_doctor', 'township_doctor', 'coordinator'];

/**
 * Staff contact data (the work mobile and e-mail of staff accounts and visiting experts): the
 * roles that arrange people's work see it in full, everyone else masked. One rule for the
 * staff list and the expert roster.
 */
/** care (issue 10): who records visits (village and township staff, county doctors, the registration desk) and stays */
const VISIT_STAFF: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor', 'clerk'];
const VISIT_CLINICIANS: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor'];
const STAY_STAFF: readonly Role[] = ['township_doctor', 'county_doctor', 'coordinator', 'clerk'];
const STAY_CLINICIANS: readonly Role[] = ['township_doctor', 'county_doctor', 'coordinator'];
const BED_READERS: readonly Role[] = ['admin', ...STAY_STAFF];
/** the group's running figures: the county's managers, and a township for its own township */
const CARE_FIGURE_READERS: readonly Role[] = ['bureau', 'admin', 'coordinator', 'township_doctor'];
/** the records behind a figure are resident-level: not for the bureau (aggregates only) */
const CARE_FIGURE_DRILLERS: readonly Role[] = ['admin', 'coordinator', 'township_doctor'];

/** settlement (issue 15): the desk is the clerk's; the policy is the administrator's; figures for the county's managers */
const SETTLEMENT_DESK: readonly Role[] = ['clerk'];
const SETTLEMENT_READERS: readonly Role[] = ['clerk', 'admin'];
const SETTLEMENT_FIGURES: readonly Role[] = ['clerk', 'admin', 'bureau'];

/** family doctors and chronic grids (issue 11): who signs, who reads contracts, who follows up */
const FD_SIGNERS: readonly Role[] = ['village_doctor', 'township_doctor'];
const FD_READERS: readonly Role[] = [...FD_SIGNERS, 'county_doctor', 'admin'];
const CHRONIC_CLINICIANS: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor'];
/** grid members read their own grid's patients only (checked in the service) */
const CHRONIC_READERS: readonly Role[] = [...CHRONIC_CLINICIANS, 'admin', 'grid_member'];
const CHRONIC_FIGURES: readonly Role[] = ['bureau', 'admin', 'township_doctor', 'village_doctor'];
const CHRONIC_DRILLERS: readonly Role[] = ['admin', 'township_doctor', 'village_doctor'];

/** drugs (issue 14): who asks for stock and confirms its arrival, who sees requests and distributions */
const REQUESTERS: readonly Role[] = ['village_doctor', 'township_doctor', 'pharmacist'];
const PROCURE_READERS: readonly Role[] = [...REQUESTERS, 'admin', 'coordinator'];
/** drugs (issue 14): the one catalogue is read by everyone who prescribes, dispenses or bills; kept by the central pharmacy (checked in the service) and the administrator */
const CATALOGUE_EDITORS: readonly Role[] = ['pharmacist', 'admin'];
const CATALOGUE_READERS: readonly Role[] = [...CATALOGUE_EDITORS, ...CLINICAL, 'clerk', 'bureau'];

const STAFF_CONTACT_ROLES: readonly Role[] = ['admin', 'coordinator'];
export const seesStaffContact = (role: Role | null): boolean => role !== null && STAFF_CONTACT_ROLES.includes(role);

/** 120 and the five centres (issue 13): the dispatch centre, the crews, the receiving hospitals */
const EMS_DISPATCH: readonly Role[] = ['dispatcher'];
const EMS_HOSPITAL: readonly Role[] = ['county_doctor', 'township_doctor'];
const EMS_ALL: readonly Role[] = ['dispatcher', 'crew', ...EMS_HOSPITAL];
const EMS_READERS: readonly Role[] = ['dispatcher', 'admin', ...EMS_HOSPITAL];
/** who may open one mission: those who work it, and the administrator (read only) */
const EMS_VIEWERS: readonly Role[] = [...EMS_ALL, 'admin'];
const EMS_FIGURE_READERS: readonly Role[] = ['admin', 'bureau', 'coordinator', 'dispatcher', ...EMS_HOSPITAL];
/** who keeps the county's stations, ambulances and road network (急救资源) */
export const EMS_FLEET_ADMIN: readonly Role[] = ['dispatcher', 'admin'];

const p = (roles: readonly Role[], relation: RoutePolicy['relation'], beforePasswordChange = false): RoutePolicy => ({
  roles,
  relation,
  beforePasswordChange,
});

/** drugs and supplies (issue 14): who dispenses (the counters of clinics and the pharmacy), who reads stock */
const DISPENSERS: readonly Role[] = ['pharmacist', 'village_doctor', 'township_doctor'];
const STOCK_READERS: readonly Role[] = [...DISPENSERS, 'admin', 'coordinator'];
/** sterile supply and medical waste (issue 14 part 7): the CSSD's work, the wards' use, the waste chain */
const CSSD_STAFF: readonly Role[] = ['pharmacist', 'coordinator'];
const PACK_USERS: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor', 'coordinator'];
const PACK_READERS: readonly Role[] = [...new Set([...CSSD_STAFF, ...PACK_USERS, 'admin' as const])];
const WASTE_STAFF: readonly Role[] = ['village_doctor', 'township_doctor', 'county_doctor', 'coordinator'];
const SUPPLY_FIGURES: readonly Role[] = ['admin', 'bureau', 'coordinator'];

export const POLICIES: PolicyTable = {
  'GET /api/health': p([], 'public'),
  'POST /api/auth/login': p([], 'public'),
  'POST /api/auth/logout': p(EVERYONE, 'session', true),
  'GET /api/auth/me': { ...p(EVERYONE, 'session', true), anonymous: true },
  'POST /api/auth/password': p(EVERYONE, 'session', true),

  'GET /api/orgs': p(EVERYONE, 'any'),
  'GET /api/orgs/:id': p(EVERYONE, 'any'),
  'POST /api/orgs': p(['admin'], 'descendant'),
  'PATCH /api/orgs/:id': p(['admin'], 'descendant'),
  'POST /api/orgs/:id/departments': p(['admin'], 'descendant'),
  'PATCH /api/departments/:id': p(['admin'], 'descendant'),

  'GET /api/staff': p(['admin'], 'descendant'),
  'GET /api/staff/export': p(['admin'], 'descendant'),
  'GET /api/staff/:id': p(['admin'], 'descendant'),
  'POST /api/staff': p(['admin'], 'descendant'),
  'PATCH /api/staff/:id': p(['admin'], 'descendant'),
  'POST /api/staff/:id/disable': p(['admin'], 'descendant'),
  'POST /api/staff/:id/enable': p(['admin'], 'descendant'),
  'POST /api/staff/:id/reset-password': p(['admin'], 'descendant'),

  'GET /api/residents': p(RESIDENT_READERS, 'descendant'),
  // a list of residents leaves the building: only the clinicians who keep the records
  'GET /api/residents/export': p(CLINICAL, 'descendant'),
  'GET /api/residents/:id': p(RESIDENT_READERS, 'descendant'),
  'POST /api/residents': p([...CLINICAL, 'clerk'], 'descendant'),
  'PATCH /api/residents/:id': p([...CLINICAL, 'clerk'], 'descendant'),
  'POST /api/residents/:id/reveal': p(REVEALERS, 'descendant'),
  'GET /api/resident-stats': p(['bureau', 'admin'], 'any'),

  // referrals (issue 3): visibility is the sending and receiving org chains, enforced again by RLS
  'GET /api/referrals': p(REFERRAL_STAFF, 'descendant'),
  'GET /api/referrals/export': p(REFERRAL_STAFF, 'descendant'),
  'POST /api/referrals': p(CLINICAL, 'descendant'),
  'GET /api/referral-targets': p(CLINICAL, 'any'),
  'GET /api/referrals/:id': p(REFERRAL_STAFF, 'descendant'),
  'POST /api/referrals/:id/submit': p(CLINICAL, 'descendant'),
  'POST /api/referrals/:id/cancel': p(CLINICAL, 'descendant'),
  'POST /api/referrals/:id/accept': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/reject': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/redirect': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/arrive': p([...REFERRAL_RECEIVERS, 'clerk'], 'descendant'),
  'POST /api/referrals/:id/complete': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/close': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/down-referrals': p(REFERRAL_RECEIVERS, 'descendant'),
  'POST /api/referrals/:id/attachments': p(REFERRAL_RECEIVERS, 'descendant'),
  'GET /api/referral-attachments/:id': p(REFERRAL_STAFF, 'descendant'),
  'GET /api/referral-stream': p(REFERRAL_STAFF, 'descendant'),
  'GET /api/referral-tasks': p(CLINICAL, 'descendant'),
  'GET /api/referral-tasks/export': p(CLINICAL, 'descendant'),
  'POST /api/referral-tasks/:id/notes': p(CLINICAL, 'descendant'),
  'GET /api/referral-settings/deadlines': p([...REFERRAL_STAFF, 'admin'], 'any'),
  'PATCH /api/referral-settings/deadlines': p(['admin'], 'any'),
  'GET /api/icd10': p([...REFERRAL_STAFF, 'reader', 'clerk'], 'any'),
  'GET /api/referral-guidance': p(REFERRAL_STAFF, 'any'),
  'GET /api/referral-figures': p(['bureau', 'admin', 'coordinator'], 'any'),
  'GET /api/exam-catalogue': p([...REFERRAL_STAFF, 'reader'], 'any'),
  'GET /api/exam-orders': p([...CLINICAL, 'reader'], 'descendant'),
  'GET /api/exam-orders/export': p([...CLINICAL, 'reader'], 'descendant'),
  'POST /api/exam-orders': p(CLINICAL, 'descendant'),
  'POST /api/exam-orders/:id/schedule': p(['coordinator', 'county_doctor', 'reader'], 'descendant'),
  'POST /api/exam-orders/:id/perform': p(['coordinator', 'county_doctor', 'reader'], 'descendant'),
  'POST /api/exam-orders/:id/report': p(['county_doctor', 'reader'], 'descendant'),
  'POST /api/exam-orders/:id/cancel': p(CLINICAL, 'descendant'),
  'GET /api/bed-board': p(['coordinator', 'county_doctor', 'clerk'], 'descendant'),
  'POST /api/beds': p(['coordinator'], 'descendant'),
  'POST /api/admissions': p(['coordinator', 'county_doctor'], 'descendant'),
  'POST /api/admissions/:id/admit': p(['coordinator', 'county_doctor', 'clerk'], 'descendant'),
  'POST /api/admissions/:id/discharge': p(['coordinator', 'county_doctor', 'clerk'], 'descendant'),
  'GET /api/out-of-county-visits': p(['clerk', 'coordinator'], 'descendant'),
  'GET /api/out-of-county-visits/export': p(['clerk', 'coordinator'], 'descendant'),
  'POST /api/out-of-county-visits': p(['clerk', 'coordinator'], 'descendant'),
  'POST /api/out-of-county-visits/import': p(['clerk', 'coordinator'], 'descendant'),

  // clinics (issue 4): experts, sessions and slots, bookings, waitlist; residents' rows again under RLS
  'GET /api/experts': p(EVERYONE, 'any'),
  'GET /api/experts/export': p(['admin', 'coordinator', 'bureau', 'county_doctor', 'township_doctor'], 'any'),
  'GET /api/experts/:id': p(EVERYONE, 'any'),
  'POST /api/experts': p(['admin', 'coordinator'], 'any'),
  'PATCH /api/experts/:id': p(['admin', 'coordinator'], 'any'),
  'GET /api/clinic-sessions': p(EVERYONE, 'any'),
  'GET /api/clinic-sessions/export': p([...CLINIC_PLANNERS, 'bureau', 'clerk', 'expert'], 'any'),
  'GET /api/clinic-sessions/:id': p(EVERYONE, 'any'),
  'POST /api/clinic-sessions': p(CLINIC_PLANNERS, 'descendant'),
  'POST /api/clinic-sessions/:id/approve': p(['admin'], 'any'),
  'POST /api/clinic-sessions/:id/cancel': p(CLINIC_PLANNERS, 'descendant'),
  'POST /api/clinic-sessions/:id/close': p([...CLINIC_PLANNERS, 'clerk'], 'descendant'),
  'GET /api/clinic-settings': p(EVERYONE, 'any'),
  'PATCH /api/clinic-settings': p(['admin'], 'any'),
  'POST /api/clinic-bookings': p(CLINIC_BOOKERS, 'descendant'),
  'GET /api/clinic-bookings': p(CLINIC_DESK, 'descendant'),
  'GET /api/clinic-bookings/:id': p(CLINIC_DESK, 'descendant'),
  'POST /api/clinic-bookings/:id/cancel': p(CLINIC_BOOKERS, 'descendant'),
  'POST /api/clinic-bookings/:id/no-show': p(CLINIC_DESK, 'descendant'),
  'GET /api/clinic-sessions/:id/bookings': p(CLINIC_DESK, 'descendant'),
  'POST /api/clinic-waitlist': p(CLINIC_BOOKERS, 'descendant'),
  'POST /api/clinic-waitlist/:id/cancel': p(CLINIC_BOOKERS, 'descendant'),
  'POST /api/clinic-bookings/:id/check-in': p(CLINIC_BOOKERS, 'descendant'),
  'GET /api/clinic-sessions/:id/queue': p([...CLINIC_CALLERS, 'clerk'], 'descendant'),
  'POST /api/clinic-sessions/:id/call-next': p(CLINIC_CALLERS, 'descendant'),
  'POST /api/clinic-queue-tickets/:id/recall': p(CLINIC_CALLERS, 'descendant'),
  'POST /api/clinic-queue-tickets/:id/skip': p(CLINIC_CALLERS, 'descendant'),
  'POST /api/clinic-queue-tickets/:id/finish': p(CLINIC_CALLERS, 'descendant'),
  'POST /api/clinic-queue-tickets/:id/requeue': p([...CLINIC_CALLERS, 'clerk'], 'descendant'),
  'GET /api/clinic-screens': p(['admin', 'coordinator', 'clerk'], 'descendant'),
  'POST /api/clinic-screens': p(['admin', 'coordinator'], 'descendant'),
  'POST /api/clinic-screens/:id/rotate': p(['admin', 'coordinator'], 'descendant'),
  'GET /api/clinic-stats': p(['admin', 'bureau', 'coordinator'], 'any'),
  'GET /api/clinic-subsidy': p(['admin', 'bureau', 'coordinator', 'clerk'], 'any'),
  'POST /api/clinic-subsidy/budget': p(['admin'], 'any'),
  'POST /api/clinic-subsidy/rates': p(['admin'], 'any'),
  // public pages: a screen token or a queue-ticket token, checked and audited in the service
  'GET /api/screen/board': p([], 'public'),
  'GET /api/screen/stream': p([], 'public'),
  'GET /api/queue-ticket': p([], 'public'),
  'GET /api/queue-ticket/stream': p([], 'public'),
  // resident self-service: ID + mobile + one-time code, then x-portal-token; checked and audited in the service
  'POST /api/portal/code': p([], 'public'),
  'POST /api/portal/verify': p([], 'public'),
  'GET /api/portal/me': p([], 'public'),
  'GET /api/portal/sessions': p([], 'public'),
  'GET /api/portal/sessions/:id': p([], 'public'),
  'POST /api/portal/bookings': p([], 'public'),
  'POST /api/portal/bookings/:id/cancel': p([], 'public'),
  'POST /api/portal/waitlist': p([], 'public'),
  'POST /api/portal/waitlist/:id/cancel': p([], 'public'),
  'POST /api/portal/logout': p([], 'public'),

  // the home page's to-do counts: each count is gated again by the policy of the action it leads to
  'GET /api/todo': p(EVERYONE, 'descendant'),

  // wards and beds (orgs, issue 10): the administrator registers them; ward staff read occupancy
  'GET /api/wards': p(BED_READERS, 'descendant'),
  'POST /api/wards': p(['admin'], 'descendant'),
  'PATCH /api/wards/:id': p(['admin'], 'descendant'),
  'GET /api/wards/:id/beds': p(BED_READERS, 'descendant'),
  'POST /api/wards/:id/beds': p(['admin'], 'descendant'),
  'PATCH /api/beds/:id': p(['admin'], 'descendant'),
  'GET /api/departments/:id/beds': p(BED_READERS, 'descendant'),

  // care (issue 10): visits, stays, charges; a village doctor reaches only their own village (descendant of a village is itself)
  'GET /api/charge-items': p([...VISIT_STAFF, ...STAY_STAFF, 'admin'], 'any'),
  'GET /api/care/icd10': p([...VISIT_CLINICIANS, ...STAY_CLINICIANS], 'any'),
  'GET /api/visits': p(VISIT_STAFF, 'descendant'),
  'POST /api/visits': p(VISIT_STAFF, 'descendant'),
  'POST /api/visits/close-day': p(VISIT_STAFF, 'descendant'),
  'GET /api/visits/:id': p(VISIT_STAFF, 'descendant'),
  'PATCH /api/visits/:id': p(VISIT_CLINICIANS, 'descendant'),
  'POST /api/visits/:id/fee-lines': p(VISIT_STAFF, 'descendant'),
  'POST /api/visits/:id/prescriptions': p(VISIT_CLINICIANS, 'descendant'),
  'POST /api/visits/:id/exam-orders': p(VISIT_CLINICIANS, 'descendant'),
  'POST /api/visits/:id/cancel': p(VISIT_STAFF, 'descendant'),
  'GET /api/stays': p(STAY_STAFF, 'descendant'),
  'POST /api/stays': p(STAY_STAFF, 'descendant'),
  'GET /api/stays/:id': p(STAY_STAFF, 'descendant'),
  'POST /api/stays/:id/transfer': p(STAY_STAFF, 'descendant'),
  'POST /api/stays/:id/operations': p(STAY_CLINICIANS, 'descendant'),
  'POST /api/stays/:id/discharge': p(STAY_CLINICIANS, 'descendant'),
  'POST /api/stays/:id/fee-lines': p(STAY_STAFF, 'descendant'),
  'GET /api/care-figures': p(CARE_FIGURE_READERS, 'descendant'),
  'GET /api/care-figures/records': p(CARE_FIGURE_DRILLERS, 'descendant'),
  'GET /api/care-figures/records/export': p(CARE_FIGURE_DRILLERS, 'descendant'),

  // HIS interface: the HIS itself posts with its facility code and shared secret (checked in the service)
  'POST /api/his/messages': p([], 'public'),
  'GET /api/his/overview': p(['admin'], 'descendant'),
  'GET /api/his/messages': p(['admin'], 'descendant'),
  'GET /api/his/messages/:id': p(['admin'], 'descendant'),
  'POST /api/his/messages/:id/match': p(['admin'], 'descendant'),
  'POST /api/his/replay': p(['admin'], 'descendant'),
  'POST /api/his/senders': p(['admin'], 'descendant'),
  'PATCH /api/his/senders/:id': p(['admin'], 'descendant'),

  // one-stop settlement (issue 15): a clerk reaches their own hospital; the group admin every one
  'GET /api/settlement/desk': p(SETTLEMENT_DESK, 'descendant'),
  'POST /api/settlement/admission-checks': p(SETTLEMENT_DESK, 'descendant'),
  'POST /api/settlement/deposits': p(SETTLEMENT_DESK, 'descendant'),
  'GET /api/settlement/day-report': p(SETTLEMENT_READERS, 'descendant'),
  'POST /api/settlements': p(SETTLEMENT_DESK, 'descendant'),
  'GET /api/settlements/:id': p(SETTLEMENT_READERS, 'descendant'),
  'POST /api/settlements/:id/confirm': p(SETTLEMENT_DESK, 'descendant'),
  'POST /api/settlements/:id/reverse': p(SETTLEMENT_DESK, 'descendant'),
  'GET /api/settlements/:id/verify': p(SETTLEMENT_READERS, 'descendant'),
  'GET /api/settlement/receivables': p(SETTLEMENT_READERS, 'descendant'),
  'GET /api/settlement/receivables/summary': p(SETTLEMENT_READERS, 'descendant'),
  'GET /api/settlement/claim-batches': p(SETTLEMENT_READERS, 'descendant'),
  'POST /api/settlement/claim-batches': p(SETTLEMENT_READERS, 'descendant'),
  'GET /api/settlement/claim-batches/:id': p(SETTLEMENT_READERS, 'descendant'),
  'POST /api/settlement/claim-batches/:id/returns': p(SETTLEMENT_READERS, 'descendant'),
  'GET /api/settlement/policy/versions': p(['admin', 'clerk'], 'descendant'),
  'GET /api/settlement/policy/versions/:id': p(['admin', 'clerk'], 'descendant'),
  'POST /api/settlement/policy/versions': p(['admin'], 'descendant'),
  'PUT /api/settlement/policy/versions/:id': p(['admin'], 'descendant'),
  'POST /api/settlement/policy/versions/:id/publish': p(['admin'], 'descendant'),
  'GET /api/settlement/figures': p(SETTLEMENT_FIGURES, 'descendant'),
  'GET /api/city/settlements': p(['city'], 'any'),

  // family-doctor contracts (issue 11): a village doctor reaches their village, a township its villages
  'GET /api/fd/teams': p([...FD_READERS, 'bureau'], 'descendant'),
  'POST /api/fd/teams': p(['admin', 'township_doctor'], 'descendant'),
  'GET /api/fd/packages': p([...FD_READERS, 'bureau'], 'any'),
  'POST /api/fd/packages': p(['admin'], 'any'),
  'GET /api/fd/settings': p([...FD_READERS, 'bureau', 'grid_member'], 'any'),
  'PATCH /api/fd/settings': p(['admin'], 'any'),
  'GET /api/fd/contracts': p(FD_READERS, 'descendant'),
  'GET /api/fd/contracts/export': p(FD_READERS, 'descendant'),
  'POST /api/fd/contracts': p(FD_SIGNERS, 'descendant'),
  'GET /api/fd/contracts/:id': p(FD_READERS, 'descendant'),
  'POST /api/fd/contracts/:id/renew': p(FD_SIGNERS, 'descendant'),
  'POST /api/fd/contracts/:id/terminate': p(FD_SIGNERS, 'descendant'),
  'POST /api/fd/contracts/:id/change-team': p(['township_doctor', 'admin'], 'descendant'),
  'POST /api/fd/deliveries': p([...FD_SIGNERS, 'county_doctor'], 'descendant'),
  'GET /api/fd/households/:id': p(FD_SIGNERS, 'descendant'),

  // chronic registries, follow-ups, grids (issue 11)
  'GET /api/chronic/cases': p(CHRONIC_READERS, 'descendant'),
  'GET /api/chronic/cases/export': p([...CHRONIC_CLINICIANS, 'admin'], 'descendant'),
  'POST /api/chronic/cases': p(CHRONIC_CLINICIANS, 'descendant'),
  'GET /api/chronic/cases/:id': p(CHRONIC_READERS, 'descendant'),
  'POST /api/chronic/cases/:id/transition': p(CHRONIC_CLINICIANS, 'descendant'),
  'POST /api/chronic/followups': p(CHRONIC_CLINICIANS, 'descendant'),
  'GET /api/chronic/rules': p([...CHRONIC_CLINICIANS, 'admin', 'bureau'], 'any'),
  'POST /api/chronic/screenings': p(CHRONIC_CLINICIANS, 'descendant'),
  'POST /api/chronic/calls': p(FD_SIGNERS, 'descendant'),
  'GET /api/chronic/day-list': p(FD_SIGNERS, 'descendant'),
  'GET /api/chronic/stream': p(FD_SIGNERS, 'descendant'),
  'GET /api/grids': p([...FD_SIGNERS, 'admin'], 'descendant'),
  'POST /api/grids': p([...FD_SIGNERS, 'admin'], 'descendant'),
  'POST /api/grids/:id/patients': p(FD_SIGNERS, 'descendant'),
  'POST /api/grids/:id/patients/:residentId/remove': p(FD_SIGNERS, 'descendant'),
  'GET /api/grid/mine': p(['grid_member'], 'own'),
  'POST /api/grid/readings': p(['grid_member'], 'own'),
  'POST /api/grid/readings/:id/handle': p(FD_SIGNERS, 'descendant'),
  'POST /api/grid/logs': p(['grid_member'], 'own'),
  'GET /api/chronic/figures': p(CHRONIC_FIGURES, 'descendant'),
  'GET /api/chronic/figures/records': p(CHRONIC_DRILLERS, 'descendant'),
  'GET /api/chronic/figures/records/export': p(CHRONIC_DRILLERS, 'descendant'),
  'GET /api/chronic/data-quality': p(['bureau', 'admin', 'township_doctor'], 'descendant'),
  'GET /api/chronic/base-data': p(['bureau', 'admin', 'township_doctor'], 'descendant'),
  'PUT /api/chronic/base-data': p(['bureau', 'admin'], 'descendant'),

  // ---- drugs: catalogue and one price (issue 14)
  'GET /api/pharmacy/catalogue': p(CATALOGUE_READERS, 'any'),
  'GET /api/pharmacy/catalogue/export': p(CATALOGUE_READERS, 'any'),
  'GET /api/pharmacy/catalogue/import/template': p(CATALOGUE_EDITORS, 'any'),
  'GET /api/pharmacy/catalogue/imports': p(CATALOGUE_EDITORS, 'any'),
  'POST /api/pharmacy/catalogue/import': p(CATALOGUE_EDITORS, 'any'),
  'POST /api/pharmacy/catalogue': p(CATALOGUE_EDITORS, 'any'),
  'GET /api/pharmacy/catalogue/:id': p(CATALOGUE_READERS, 'any'),
  'PUT /api/pharmacy/catalogue/:id': p(CATALOGUE_EDITORS, 'any'),
  'GET /api/pharmacy/catalogue/:id/prices': p(CATALOGUE_READERS, 'any'),
  'POST /api/pharmacy/catalogue/:id/prices': p(CATALOGUE_EDITORS, 'any'),
  'GET /api/pharmacy/suppliers': p(CATALOGUE_READERS, 'any'),
  'POST /api/pharmacy/suppliers': p(CATALOGUE_EDITORS, 'any'),

  // ---- drugs: requests, procurement, distribution, transfers (issue 14)
  'GET /api/pharmacy/requests': p(PROCURE_READERS, 'descendant'),
  'GET /api/pharmacy/requests/export': p(PROCURE_READERS, 'descendant'),
  'GET /api/pharmacy/requests/proposal': p(REQUESTERS, 'descendant'),
  'GET /api/pharmacy/requestable-drugs': p(REQUESTERS, 'descendant'),
  'POST /api/pharmacy/requests': p(REQUESTERS, 'descendant'),
  'POST /api/pharmacy/requests/:id/cancel': p(REQUESTERS, 'descendant'),
  'POST /api/pharmacy/purchase-orders': p(['pharmacist'], 'descendant'),
  'GET /api/pharmacy/purchase-orders': p(['pharmacist', 'admin'], 'descendant'),
  'GET /api/pharmacy/purchase-orders/export': p(['pharmacist', 'admin'], 'descendant'),
  'GET /api/pharmacy/purchase-orders/:id': p(['pharmacist', 'admin'], 'descendant'),
  'POST /api/pharmacy/purchase-orders/:id/:action': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/purchase-orders/:id/receipts': p(['pharmacist'], 'descendant'),
  'GET /api/pharmacy/distributions': p(PROCURE_READERS, 'descendant'),
  'GET /api/pharmacy/distributions/export': p(PROCURE_READERS, 'descendant'),
  'GET /api/pharmacy/distributions/:id': p(PROCURE_READERS, 'descendant'),
  // a distribution is the pharmacist's; a township may ask for a 调剂 (checked in the service)
  'POST /api/pharmacy/distributions': p(['pharmacist', 'township_doctor'], 'descendant'),
  'POST /api/pharmacy/distributions/:id/approve': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/distributions/:id/cancel': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/distributions/:id/pick': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/distributions/:id/ship': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/distributions/:id/receive': p(REQUESTERS, 'descendant'),
  'POST /api/pharmacy/distributions/:id/resolve': p(['pharmacist'], 'descendant'),
  'GET /api/pharmacy/procure-stream': p(PROCURE_READERS, 'descendant'),

  // ---- drugs: stock, dispensing, trace codes, recall, shortages, figures (issue 14)
  'GET /api/pharmacy/stock': p(STOCK_READERS, 'descendant'),
  'GET /api/pharmacy/stock/export': p(STOCK_READERS, 'descendant'),
  'GET /api/pharmacy/stock/moves': p(STOCK_READERS, 'descendant'),
  'GET /api/pharmacy/stock/available': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/stream': p(STOCK_READERS, 'descendant'),
  'POST /api/pharmacy/dispenses': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/dispenses': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/dispenses/:id': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/prescriptions': p(DISPENSERS, 'descendant'),
  'POST /api/pharmacy/dispense-lines/:id/returns': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/trace-flags': p(['pharmacist', 'admin', 'township_doctor'], 'descendant'),
  'POST /api/pharmacy/recalls': p(['pharmacist'], 'descendant'),
  'GET /api/pharmacy/recalls': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/recalls/:id': p(DISPENSERS, 'descendant'),
  'POST /api/pharmacy/recalls/:id/calls': p(DISPENSERS, 'descendant'),
  'POST /api/pharmacy/recalls/:id/close': p(['pharmacist'], 'descendant'),
  'POST /api/pharmacy/shortages': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/shortages': p(DISPENSERS, 'descendant'),
  'POST /api/pharmacy/shortages/:id/step': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/stocktakes': p(STOCK_READERS, 'descendant'),
  'POST /api/pharmacy/stocktakes': p(DISPENSERS, 'descendant'),
  'GET /api/pharmacy/stocktakes/:id': p(STOCK_READERS, 'descendant'),
  'PUT /api/pharmacy/stocktakes/:id': p(DISPENSERS, 'descendant'),
  'POST /api/pharmacy/stocktakes/:id/decision': p(['pharmacist', 'township_doctor'], 'descendant'),
  'GET /api/pharmacy/figures': p(['pharmacist', 'admin', 'bureau', 'coordinator', 'township_doctor'], 'descendant'),

  // ---- sterile supply and medical waste (issue 14)
  // sterile supply and medical waste (issue 14 part 7)
  'GET /api/sterile/pack-types': p(PACK_READERS, 'any'),
  'POST /api/sterile/pack-types': p(CSSD_STAFF, 'descendant'),
  'GET /api/sterile/loads': p([...CSSD_STAFF, 'admin'], 'descendant'),
  'GET /api/sterile/loads/export': p([...CSSD_STAFF, 'admin'], 'descendant'),
  'POST /api/sterile/loads': p(CSSD_STAFF, 'descendant'),
  'GET /api/sterile/loads/:id': p([...CSSD_STAFF, 'admin'], 'descendant'),
  'POST /api/sterile/loads/:id/result': p(CSSD_STAFF, 'descendant'),
  'GET /api/sterile/packs': p(PACK_READERS, 'descendant'),
  'GET /api/sterile/packs/export': p(PACK_READERS, 'descendant'),
  'GET /api/sterile/packs/by-code/:code': p(PACK_READERS, 'descendant'),
  'POST /api/sterile/packs/issue': p(CSSD_STAFF, 'descendant'),
  'POST /api/sterile/packs/use': p(PACK_USERS, 'descendant'),
  'POST /api/sterile/packs/return': p(PACK_USERS, 'descendant'),
  'GET /api/waste/settings': p([...WASTE_STAFF, 'admin', 'bureau'], 'any'),
  'POST /api/waste/settings': p(['admin'], 'any'),
  'GET /api/waste/bags': p([...WASTE_STAFF, 'admin'], 'descendant'),
  'GET /api/waste/bags/export': p([...WASTE_STAFF, 'admin'], 'descendant'),
  'POST /api/waste/bags': p(WASTE_STAFF, 'descendant'),
  'GET /api/waste/bags/:id': p([...WASTE_STAFF, 'admin'], 'descendant'),
  'POST /api/waste/bags/:id/give': p(WASTE_STAFF, 'descendant'),
  'POST /api/waste/bags/:id/receive': p(WASTE_STAFF, 'descendant'),
  'GET /api/supply/figures': p(SUPPLY_FIGURES, 'descendant'),

  // ---- 120 emergency dispatch and the five centres (issue 13). Every call and mission carries
  // the dispatch centre's org, the vehicle's station and the destination: 'descendant' lets the
  // dispatch centre see the county's work, a station or hospital its own, a crew (checked in the
  // service) only the missions it is on.
  'GET /api/ems/complaints': p(EMS_VIEWERS, 'descendant'),
  'GET /api/ems/places': p(EMS_ALL, 'descendant'),
  'GET /api/ems/hospitals': p(EMS_VIEWERS, 'descendant'),
  'GET /api/ems/vehicles': p(['dispatcher', 'admin', 'crew'], 'descendant'),
  'POST /api/ems/vehicles/:id/status': p(['dispatcher', 'crew'], 'descendant'),
  'GET /api/ems/fleet/options': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/stations': p(EMS_FLEET_ADMIN, 'descendant'),
  'POST /api/ems/stations': p(EMS_FLEET_ADMIN, 'descendant'),
  'PATCH /api/ems/stations/:id': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/fleet/vehicles': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/fleet/vehicles/export': p(EMS_FLEET_ADMIN, 'descendant'),
  'POST /api/ems/vehicles': p(EMS_FLEET_ADMIN, 'descendant'),
  'PATCH /api/ems/vehicles/:id': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/roads': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/roads/export': p(EMS_FLEET_ADMIN, 'descendant'),
  'GET /api/ems/roads/map': p(EMS_FLEET_ADMIN, 'descendant'),
  'POST /api/ems/roads/:id/close': p(EMS_FLEET_ADMIN, 'descendant'),
  'POST /api/ems/roads/:id/reopen': p(EMS_FLEET_ADMIN, 'descendant'),
  'PATCH /api/ems/roads/:id': p(EMS_FLEET_ADMIN, 'descendant'),
  'POST /api/ems/vehicles/:id/positions': p(['dispatcher', 'crew'], 'descendant'),
  'POST /api/ems/calls': p(EMS_DISPATCH, 'descendant'),
  'GET /api/ems/calls': p(EMS_DISPATCH, 'descendant'),
  'GET /api/ems/calls/:id': p(EMS_DISPATCH, 'descendant'),
  'GET /api/ems/calls/:id/recommend': p(EMS_DISPATCH, 'descendant'),
  'POST /api/ems/calls/:id/dispatch': p(EMS_DISPATCH, 'descendant'),
  'POST /api/ems/calls/:id/cancel': p(EMS_DISPATCH, 'descendant'),
  'GET /api/ems/missions': p(EMS_READERS, 'descendant'),
  'GET /api/ems/missions/export': p(EMS_READERS, 'descendant'),
  'GET /api/ems/my-missions': p(['crew'], 'descendant'),
  'GET /api/ems/missions/:id': p(EMS_VIEWERS, 'descendant'),
  'POST /api/ems/missions/:id/step': p(['crew', 'dispatcher'], 'descendant'),
  'POST /api/ems/missions/:id/events': p(EMS_ALL, 'descendant'),
  // the crew's phone times are the evidence: only the dispatch centre and the hospitals correct
  'POST /api/ems/missions/:id/events/:milestone/correct': p([...EMS_DISPATCH, ...EMS_HOSPITAL], 'descendant'),
  'GET /api/ems/missions/:id/corrections': p(EMS_VIEWERS, 'descendant'),
  'POST /api/ems/missions/:id/observations': p(['crew', ...EMS_HOSPITAL], 'descendant'),
  'GET /api/ems/observations/:id/file': p(EMS_VIEWERS, 'descendant'),
  'POST /api/ems/missions/:id/prealert': p(['crew', 'dispatcher'], 'descendant'),
  'GET /api/ems/preadmissions': p(EMS_HOSPITAL, 'descendant'),
  'POST /api/ems/preadmissions/:id/activate': p(EMS_HOSPITAL, 'descendant'),
  'POST /api/ems/preadmissions/:id/arrive': p(EMS_HOSPITAL, 'descendant'),
  'POST /api/ems/preadmissions/:id/merge': p(EMS_HOSPITAL, 'descendant'),
  'GET /api/ems/stream': p(EMS_VIEWERS, 'descendant'),
  'GET /api/ems/figures': p(EMS_FIGURE_READERS, 'descendant'),
  'GET /api/ems/figures/export': p(EMS_FIGURE_READERS, 'descendant'),

  // remote diagnosis and consultation (issue 12): each part's table lives beside its routes
  ...REMOTE_REQUESTS_POLICIES,
  ...REMOTE_STUDIES_POLICIES,
  ...REMOTE_CALENDAR_POLICIES,
  ...REMOTE_CRITICALS_POLICIES,
  ...REMOTE_CONSULTS_POLICIES,
  ...REMOTE_KIT_POLICIES,
  ...REMOTE_FIGURES_POLICIES,

  'GET /api/audit': p(['auditor'], 'any'),
  'GET /api/audit/export': p(['auditor'], 'any'),
  'GET /api/audit/verify': p(['auditor'], 'any'),
};
