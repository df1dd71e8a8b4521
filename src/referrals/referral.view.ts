import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import { POLICIES } from '../policy.ts';
import { guidanceFor, levelOfKind, type CareLevel } from './icd10.ts';
import type { ReferralRow } from './referral.queries.ts';
import type { Referral, ResidentSnapshot } from './referral.schema.ts';
import { TRANSITIONS, type ReferralAction, type ReferralStatus, type Side, type Urgency } from './referral.states.ts';

export const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : (d instanceof Date ? d : new Date(d)).toISOString();

/** The route each user action is taken through; the policy table decides the roles. */
export const ACTION_ROUTE: Partial<Record<ReferralAction, keyof typeof POLICIES>> = {
  submit: 'POST /api/referrals/:id/submit',
  accept: 'POST /api/referrals/:id/accept',
  reject: 'POST /api/referrals/:id/reject',
  redirect: 'POST /api/referrals/:id/redirect',
  arrive: 'POST /api/referrals/:id/arrive',
  complete: 'POST /api/referrals/:id/complete',
  down_refer: 'POST /api/referrals/:id/down-referrals',
  close: 'POST /api/referrals/:id/close',
  cancel: 'POST /api/referrals/:id/cancel',
};

/**
 * Which side of a referral the caller stands on. The sending side is the sending org and
 * the orgs above it (a township centre over its village clinics) plus the author; the
 * receiving side likewise for the receiving org. Coordinators of the tiered-care centre act
 * for every county-level hospital and partner hospital they can see.
 */
export function sidesOf(
  ctx: Ctx,
  row: Pick<ReferralRow, 'from_org_id' | 'to_org_id' | 'from_staff_id' | 'to_org_kind'>,
): Set<Side> {
  const tree = ctx.platform.orgTree;
  const sides = new Set<Side>();
  if (row.from_staff_id === ctx.actor.id || tree.ancestry(row.from_org_id).includes(ctx.actor.orgId))
    sides.add('sender');
  const coordinates =
    ctx.actor.roles.includes('coordinator') &&
    (row.to_org_kind === 'county_hospital' || row.to_org_kind === 'partner_hospital');
  if (coordinates || tree.ancestry(row.to_org_id).includes(ctx.actor.orgId)) sides.add('receiver');
  return sides;
}

export function allowedActions(ctx: Ctx, row: ReferralRow): ReferralAction[] {
  const sides = sidesOf(ctx, row);
  return TRANSITIONS.filter((t) => t.from === row.status && sides.has(t.side))
    .map((t) => t.action)
    .filter((a) => {
      const route = ACTION_ROUTE[a];
      return route !== undefined && POLICIES[route].roles.some((r) => ctx.actor.roles.includes(r));
    })
    .filter((a, i, all) => all.indexOf(a) === i);
}

const LEVEL_RANK: Record<CareLevel, number> = { village: 0, township: 1, county: 2, above: 3 };
export const levelRank = (l: CareLevel) => LEVEL_RANK[l];

export function orgLevel(tree: OrgTree, orgId: number): CareLevel | null {
  const n = tree.get(orgId);
  return n ? levelOfKind(n.kind) : null;
}

/** A patient treated at a county hospital whose condition, once stable, belongs lower down. */
function suggestDown(row: ReferralRow): boolean {
  if (
    row.direction !== 'up' ||
    !['arrived', 'completed'].includes(row.status) ||
    levelOfKind(row.to_org_kind) !== 'county'
  )
    return false;
  const g = guidanceFor(row.diagnosis_code);
  const after = g.downTo ?? g.level;
  return levelRank(after) < levelRank('county');
}

export function toReferral(ctx: Ctx, row: ReferralRow): Referral {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status as ReferralStatus,
    residentId: row.resident_id,
    resident: row.resident_snapshot as ResidentSnapshot,
    originOrgId: row.origin_org_id,
    fromOrg: { id: row.from_org_id, name: row.from_org_name },
    fromStaff: { id: row.from_staff_id, name: row.from_staff_name },
    toOrg: { id: row.to_org_id, name: row.to_org_name },
    toDepartment: row.to_department_id ? { id: row.to_department_id, name: row.to_department_name ?? '' } : null,
    urgency: row.urgency as Urgency,
    reason: row.reason,
    diagnosis: { code: row.diagnosis_code, name: row.diagnosis_name },
    summary: row.summary,
    consentBy: row.consent_by,
    consentAt: iso(row.consent_at),
    outOfCounty: row.out_of_county,
    outReason: row.out_reason,
    suggestedLevel: row.suggested_level as CareLevel | null,
    priority: row.priority,
    parentId: row.parent_id,
    dischargeSummary: row.discharge_summary,
    carePlan: row.care_plan ?? null,
    deadlineAt: iso(row.deadline_at),
    escalationLevel: row.escalation_level,
    decisionNote: row.decision_note,
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    arrivedAt: iso(row.arrived_at),
    completedAt: iso(row.completed_at),
    closedAt: iso(row.closed_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    version: row.version,
    actions: allowedActions(ctx, row),
    suggestDown: suggestDown(row),
  };
}

/** Orgs whose incoming/outgoing box the caller works: a township or village its own subtree, a hospital itself. */
export function boxOrgs(ctx: Ctx, box: 'incoming' | 'outgoing'): number[] {
  const tree = ctx.platform.orgTree;
  const own = tree.get(ctx.actor.orgId);
  if (own && ['village_clinic', 'township_center', 'community_center'].includes(own.kind)) return tree.subtree(own.id);
  if (box === 'incoming' && ctx.actor.roles.includes('coordinator')) {
    return tree
      .county(ctx.actor.countyId)
      .filter((id) => ['county_hospital', 'partner_hospital'].includes(tree.get(id)?.kind ?? ''));
  }
  return [ctx.actor.orgId];
}

/** age on today's Shanghai date, for the resident snapshot kept on a referral */
export function snapshotAge(birthDate: string, now = new Date()): number {
  return ageOn(birthDate, todayInShanghai(now));
}
