import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import { POLICIES } from '../policy.ts';
import type { Selectable } from 'kysely';
import { guidanceFor, levelOfKind, type CareLevel } from './icd10.ts';
import type { ReferralRow } from './referral.queries.ts';
import type { AttachmentMeta, Referral, ReferralEvent, ReferralTask, TaskNote } from './referral.schema.ts';
import { TRANSITIONS, type ReferralAction, type Side } from './referral.states.ts';
import type {
  ReferralAttachmentsTable,
  ReferralEventsTable,
  ReferralTasksTable,
  ReferralTaskNotesTable,
} from './referral.tables.ts';

/** A timestamp as ISO 8601 (UTC). */
export const isoAt = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
/** An optional timestamp as ISO 8601, or null. */
export const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : isoAt(d);

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
    status: row.status,
    residentId: row.resident_id,
    resident: row.resident_snapshot,
    originOrgId: row.origin_org_id,
    fromOrg: { id: row.from_org_id, name: row.from_org_name },
    fromStaff: { id: row.from_staff_id, name: row.from_staff_name },
    toOrg: { id: row.to_org_id, name: row.to_org_name },
    toDepartment: row.to_department_id ? { id: row.to_department_id, name: row.to_department_name ?? '' } : null,
    urgency: row.urgency,
    reason: row.reason,
    diagnosis: { code: row.diagnosis_code, name: row.diagnosis_name },
    summary: row.summary,
    consentBy: row.consent_by,
    consentAt: iso(row.consent_at),
    outOfCounty: row.out_of_county,
    outReason: row.out_reason,
    suggestedLevel: row.suggested_level,
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
    createdAt: isoAt(row.created_at),
    updatedAt: isoAt(row.updated_at),
    version: row.version,
    actions: allowedActions(ctx, row),
    suggestDown: suggestDown(row),
  };
}

export const toEvent = (e: Selectable<ReferralEventsTable>): ReferralEvent => ({
  id: Number(e.id),
  referralId: e.referral_id,
  at: isoAt(e.at),
  actorName: e.actor_name,
  actorOrgId: e.actor_org_id,
  action: e.action,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  note: e.note,
});

export const toAttachment = (
  a: Pick<
    Selectable<ReferralAttachmentsTable>,
    'id' | 'referral_id' | 'filename' | 'mime' | 'size_bytes' | 'uploaded_at'
  >,
): AttachmentMeta => ({
  id: a.id,
  referralId: a.referral_id,
  filename: a.filename,
  mime: a.mime,
  sizeBytes: a.size_bytes,
  uploadedAt: isoAt(a.uploaded_at),
});

const toNote = (n: Selectable<ReferralTaskNotesTable>): TaskNote => ({
  id: n.id,
  taskId: n.task_id,
  authorName: n.author_name,
  orgId: n.org_id,
  text: n.text,
  at: isoAt(n.at),
});

/** A down-referral task with its follow-up notes (notes of other tasks are ignored). */
export const toTask = (
  t: Selectable<ReferralTasksTable> & { org_name: string },
  notes: ReadonlyArray<Selectable<ReferralTaskNotesTable>>,
): ReferralTask => ({
  id: t.id,
  referralId: t.referral_id,
  orgId: t.org_id,
  orgName: t.org_name,
  kind: t.kind,
  title: t.title,
  detail: t.detail,
  dueOn: t.due_on,
  status: t.status,
  confirmedAt: iso(t.confirmed_at),
  doneAt: iso(t.done_at),
  notes: notes.filter((n) => n.task_id === t.id).map(toNote),
});

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
