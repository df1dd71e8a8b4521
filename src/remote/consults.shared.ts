import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { writeAudit } from '../platform/audit.ts';
import type { Role } from '../platform/roles.ts';
import type { ConsultAction } from './consult-fees.tables.ts';
import type { ConsultStatusValue, ConsultStep } from './consults.schema.ts';
import { CONSULT_STAFF, REMOTE_REQUESTERS } from './remote.roles.ts';
import { nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';

/** 远程会诊 (issue 12 §5): the rows, the two sides and who may take which step. */

export const CONSULT_STATUS_LABELS: Record<ConsultStatusValue, string> = {
  applied: '待受理',
  accepted: '已接受',
  declined: '已拒绝',
  scheduled: '已排期',
  held: '已开展',
  opinion_signed: '意见已签署',
  decided: '已决定',
  closed: '已结束',
  cancelled: '已取消',
};
export const CONSULT_MODE_LABELS = { async: '文书会诊', scheduled: '视频会诊' } as const;
export const CONSULT_STEP_LABELS: Record<ConsultStep | 'applied' | 'file_added', string> = {
  applied: '提交会诊申请',
  accept: '接受会诊',
  decline: '拒绝会诊',
  consent: '记录知情同意',
  schedule: '安排会诊时间',
  hold: '开展会诊',
  opinion: '签署会诊意见',
  decide: '记录诊疗决定',
  close: '结束会诊',
  cancel: '取消会诊',
  file_added: '添加附件',
};

/** who signs an opinion: the invited hospital's doctors, not its coordinator */
export const OPINION_ROLES: readonly Role[] = ['expert', 'county_doctor', 'reader'];

export type Side = 'requesting' | 'invited' | 'viewer';

export interface StepRule {
  side: 'requesting' | 'invited';
  /** the statuses the step starts from (async and scheduled modes may differ) */
  from: (r: ConsultRow) => readonly ConsultStatusValue[];
  /** null: the status stays (consent is recorded beside it) */
  to: ConsultStatusValue | null;
  roles: readonly Role[];
}

const always =
  (...s: ConsultStatusValue[]) =>
  () =>
    s;
export const STEP_RULES: Record<ConsultStep, StepRule> = {
  accept: { side: 'invited', from: always('applied'), to: 'accepted', roles: CONSULT_STAFF },
  decline: { side: 'invited', from: always('applied'), to: 'declined', roles: CONSULT_STAFF },
  consent: { side: 'requesting', from: always('applied', 'accepted'), to: null, roles: REMOTE_REQUESTERS },
  schedule: { side: 'invited', from: always('accepted'), to: 'scheduled', roles: CONSULT_STAFF },
  hold: { side: 'invited', from: always('scheduled'), to: 'held', roles: CONSULT_STAFF },
  opinion: {
    side: 'invited',
    from: (r) => (r.mode === 'async' ? ['accepted'] : ['held']),
    to: 'opinion_signed',
    roles: OPINION_ROLES,
  },
  decide: { side: 'requesting', from: always('opinion_signed'), to: 'decided', roles: REMOTE_REQUESTERS },
  close: { side: 'requesting', from: always('decided'), to: 'closed', roles: CONSULT_STAFF },
  cancel: {
    side: 'requesting',
    from: always('applied', 'accepted', 'scheduled'),
    to: 'cancelled',
    roles: CONSULT_STAFF,
  },
};

export function consultsQuery(trx: Kdb, countyId: number) {
  return trx
    .selectFrom('remote_consults as c')
    .innerJoin('orgs as ro', 'ro.id', 'c.requesting_org_id')
    .innerJoin('orgs as io', 'io.id', 'c.invited_org_id')
    .innerJoin('staff as rs', 'rs.id', 'c.requesting_staff_id')
    .leftJoin('staff as iv', 'iv.id', 'c.invited_staff_id')
    .leftJoin('staff as ab', 'ab.id', 'c.accepted_by')
    .leftJoin('staff as ob', 'ob.id', 'c.opinion_by')
    .leftJoin('staff as dc', 'dc.id', 'c.decided_by')
    .selectAll('c')
    .select([
      'ro.name as requesting_org_name',
      'io.name as invited_org_name',
      'rs.display_name as requesting_staff_name',
      'iv.display_name as invited_staff_name',
      'iv.title as invited_staff_title',
      'ab.display_name as accepted_by_name',
      'ob.display_name as opinion_by_name',
      'ob.title as opinion_by_title',
      'dc.display_name as decided_by_name',
    ])
    .where('c.county_id', '=', countyId);
}
export type ConsultRow = Awaited<ReturnType<ReturnType<typeof consultsQuery>['execute']>>[number];

export async function loadConsult(trx: Kdb, ctx: Ctx, id: number, lock = false): Promise<ConsultRow | undefined> {
  let q = consultsQuery(trx, ctx.actor.countyId).where('c.id', '=', id);
  if (lock) q = q.modifyEnd(sql`FOR UPDATE OF c`);
  return q.executeTakeFirst();
}

/** which side of the consultation the caller's own org stands on (an org or one of its ancestors) */
export async function sideOf(ctx: Ctx, r: { requesting_org_id: number; invited_org_id: number }): Promise<Side> {
  const mine = (await ctx.platform.orgTree.fresh()).ancestry(ctx.actor.orgId);
  if (mine.includes(r.requesting_org_id)) return 'requesting';
  if (mine.includes(r.invited_org_id)) return 'invited';
  return 'viewer';
}

/** the step buttons this caller may take now (the server still checks each one) */
export function stepsFor(ctx: Ctx, r: ConsultRow, side: Side): ConsultStep[] {
  return (Object.keys(STEP_RULES) as ConsultStep[]).filter((step) => {
    const rule = STEP_RULES[step];
    if (rule.side !== side || !rule.roles.includes(ctx.scope.role)) return false;
    if (!rule.from(r).includes(r.status)) return false;
    if (step === 'consent') return r.consent_at === null;
    if (step === 'schedule') return r.mode === 'scheduled';
    if (step === 'opinion') return r.invited_staff_id === null || r.invited_staff_id === ctx.actor.id;
    return true;
  });
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function ageOn(birth: string, at: Date): number {
  const b = new Date(`${birth}T00:00:00Z`);
  let age = at.getUTCFullYear() - b.getUTCFullYear();
  if (at.getUTCMonth() < b.getUTCMonth() || (at.getUTCMonth() === b.getUTCMonth() && at.getUTCDate() < b.getUTCDate()))
    age--;
  return age;
}

export function toItem(r: ConsultRow, side: Side) {
  const created = new Date(r.created_at);
  return {
    id: r.id,
    status: r.status,
    mode: r.mode,
    version: r.version,
    direction: side === 'invited' ? ('incoming' as const) : ('outgoing' as const),
    residentId: r.resident_id,
    patientName: r.patient?.name ?? null,
    patientSex: r.patient?.sex ?? null,
    patientAge: r.patient ? ageOn(r.patient.birthDate, created) : null,
    requestingOrgId: r.requesting_org_id,
    requestingOrgName: r.requesting_org_name,
    requestingStaffName: r.requesting_staff_name,
    invitedOrgId: r.invited_org_id,
    invitedOrgName: r.invited_org_name,
    invitedStaffId: r.invited_staff_id,
    invitedStaffName: r.invited_staff_name,
    speciality: r.speciality,
    purpose: r.purpose,
    feeFen: r.fee_fen,
    scheduledAt: iso(r.scheduled_at),
    createdAt: created.toISOString(),
  };
}

export function toDetail(r: ConsultRow, side: Side) {
  return {
    ...toItem(r, side),
    side,
    clinicalSummary: r.clinical_summary,
    invitedStaffTitle: r.invited_staff_title,
    declineReason: r.decline_reason,
    acceptedByName: r.accepted_by_name,
    acceptedAt: iso(r.accepted_at),
    consentBy: r.consent_by,
    consentAt: iso(r.consent_at),
    videoLink: r.video_link,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    opinion: r.opinion,
    opinionByName: r.opinion_by_name,
    opinionByTitle: r.opinion_by_title,
    opinionSignedAt: iso(r.opinion_signed_at),
    decision: r.decision,
    decidedByName: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    closedAt: iso(r.closed_at),
  };
}

/**
 * What every step leaves behind, in the step's own transaction: the timeline row, the audit
 * row, a notice in the other side's inbox and the live event to both orgs.
 */
export async function recordStep(
  trx: Kdb,
  ctx: Ctx,
  r: { id: number; county_id: number; resident_id: number; requesting_org_id: number; invited_org_id: number },
  step: {
    action: ConsultStep | 'applied' | 'file_added';
    from: ConsultStatusValue | null;
    to: ConsultStatusValue;
    version: number;
    note?: string | null;
    /** who hears of it: the other side's org, and one person there when the consultation names them */
    notify: { orgId: number; staffId: number | null; body: string } | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const now = nowOf(ctx);
  const action =
    step.action === 'applied' ? 'applied' : step.action === 'file_added' ? 'file_added' : EVENT[step.action];
  await trx
    .insertInto('remote_consult_events')
    .values({
      county_id: r.county_id,
      consult_id: r.id,
      action,
      from_status: step.from,
      to_status: step.to,
      actor_id: ctx.actor.id,
      actor_org_id: ctx.actor.orgId,
      at: now,
      note: step.note ?? null,
    })
    .execute();
  await writeAudit(trx, ctx.audit, {
    action: `remote.consult.${step.action}`,
    resource: 'remote_consult',
    resourceId: r.id,
    residentId: r.resident_id,
    detail: { from: step.from, to: step.to, ...step.detail },
  });
  if (step.notify) {
    const title = `远程会诊 #${r.id}：${CONSULT_STEP_LABELS[step.action]}`;
    await sql`SELECT remote_consult_notify(${r.id}::integer, ${step.notify.orgId}::integer, ${step.notify.staffId}::integer,
      ${title}::text, ${step.notify.body.slice(0, 1000)}::text, ${now}::timestamptz)`.execute(trx);
  }
  await publishRemote(trx, r.county_id, REMOTE_TOPIC.consult, [r.requesting_org_id, r.invited_org_id], {
    id: r.id,
    status: step.to,
    version: step.version,
    action,
  });
}

const EVENT: Record<ConsultStep, ConsultAction> = {
  accept: 'accepted',
  decline: 'declined',
  consent: 'consent',
  schedule: 'scheduled',
  hold: 'held',
  opinion: 'opinion_signed',
  decide: 'decided',
  close: 'closed',
  cancel: 'cancelled',
};

/** the timeline of one consultation, oldest first */
export async function timelineOf(trx: Kdb, consultId: number) {
  const rows = await trx
    .selectFrom('remote_consult_events as e')
    .innerJoin('staff as s', 's.id', 'e.actor_id')
    .innerJoin('orgs as o', 'o.id', 'e.actor_org_id')
    .select(['e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.at', 'e.note', 's.display_name', 'o.name'])
    .where('e.consult_id', '=', consultId)
    .orderBy('e.id')
    .execute();
  return rows.map((e) => ({
    id: Number(e.id),
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    at: new Date(e.at).toISOString(),
    actorName: e.display_name,
    actorOrgName: e.name,
    note: e.note,
  }));
}
