import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import type { OrgTree } from '../platform/org-tree.ts';
import * as orgs from '../orgs/orgs.service.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import { must } from '../platform/must.ts';
import { assertSameRequest, idempotencyKey, keyReused, requestHash, type Idempotent } from '../platform/idempotency.ts';
import * as residents from '../residents/residents.service.ts';
import * as aq from './attachment.queries.ts';
import * as dq from './deadline.queries.ts';
import * as tq from './down-referral/task.queries.ts';
import { guidanceFor, icd10, levelOfKind } from './icd10.ts';
import * as q from './referral.queries.ts';
import type {
  ReferralCreate,
  ReferralDetail,
  ReferralTarget,
  ResidentSnapshot,
  Worklist,
  WorklistQuery,
} from './referral.schema.ts';
import {
  AWAITING_DECISION,
  DEFAULT_ACCEPT_MINUTES,
  OPEN_STATUSES,
  type ReferralChange,
  type ReferralStatus,
  type Urgency,
} from './referral.states.ts';
import {
  boxOrgs,
  isoAt,
  levelRank,
  orgLevel,
  snapshotAge,
  toAttachment,
  toEvent,
  toReferral,
  toTask,
} from './referral.view.ts';

export const REFERRAL_TOPIC = 'referral.changed';
/** the earlier request an Idempotency-Key answers, for the 422 message */
const REQUEST_NAME = '份转诊单';

/** Out of scope and absent look the same (404); the attempt is audited as denied. */
export async function loadVisible(ctx: Ctx, trx: Kdb, id: number, action: string): Promise<q.ReferralRow | null> {
  const row = await q.findById(trx, id);
  if (!row) await writeAudit(trx, ctx.audit, { action, outcome: 'denied', resource: 'referral', resourceId: id });
  return row ?? null;
}

export const found = <T>(value: T | null): T => {
  if (value === null) throw notFound('转诊单');
  return value;
};

export async function publishChange(
  trx: Kdb,
  row: Pick<q.ReferralRow, 'id' | 'county_id' | 'from_org_id' | 'to_org_id' | 'origin_org_id' | 'direction'>,
  status: ReferralStatus,
  action: ReferralChange,
): Promise<void> {
  await publish(trx, {
    topic: REFERRAL_TOPIC,
    countyId: row.county_id,
    orgIds: [...new Set([row.from_org_id, row.to_org_id, row.origin_org_id])],
    data: { id: row.id, status, action, direction: row.direction },
  });
}

export async function acceptMinutes(db: Kdb, countyId: number, urgency: Urgency): Promise<number> {
  return (await dq.acceptMinutesByUrgency(db, countyId))[urgency] ?? DEFAULT_ACCEPT_MINUTES[urgency];
}

/**
 * 三优先: an admission or exam linked to an accepted up-referral inherits its priority flag.
 * The referral must be this resident's and visible to the caller (RLS).
 */
export async function referralPriority(
  db: Kdb,
  referralId: number | null | undefined,
  residentId: number,
): Promise<boolean> {
  if (!referralId) return false;
  const ref = await q.priorityOf(db, referralId);
  if (!ref || ref.resident_id !== residentId)
    throw badRequest('INVALID_REFERRAL', '关联的转诊单不存在或不是该居民的', 'referralId');
  return ref.priority;
}

async function replay(ctx: Ctx, key: string, hash: string): Promise<ReferralDetail | null> {
  const existing = await withScope(ctx.db, ctx.scope, (trx) => q.findByIdempotencyKey(trx, ctx.actor.id, key));
  if (!existing) return null;
  assertSameRequest(existing.request_hash, hash, REQUEST_NAME);
  return get(ctx, existing.id);
}

async function residentSnapshot(ctx: Ctx, residentId: number): Promise<{ snapshot: ResidentSnapshot; orgId: number }> {
  const r = await residents.get(ctx, residentId);
  return {
    orgId: r.orgId,
    snapshot: {
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      age: snapshotAge(r.birthDate),
      idNumber: r.idNumber,
      mobile: r.mobile,
      village: r.village,
    },
  };
}

export async function checkDepartment(db: Kdb, orgId: number, departmentId: number | undefined): Promise<void> {
  if (departmentId === undefined) return;
  if (!(await q.activeDepartment(db, orgId, departmentId)))
    throw badRequest('INVALID_DEPARTMENT', '所选科室不属于接收机构', 'toDepartmentId');
}

/**
 * Why an org cannot receive a referral from `fromOrgId` in this direction, or null if it can:
 * an org of this county (partner hospitals included), not the sender itself, a level above
 * the sender for an up-referral and a level below for a down-referral. The create form's
 * picker (targets) and the server's check (checkTarget) both ask this one rule.
 */
export function targetRefusal(
  tree: OrgTree,
  countyId: number,
  fromOrgId: number,
  toOrgId: number,
  direction: 'up' | 'down',
): { code: string; message: string } | null {
  const to = tree.get(toOrgId);
  if (!to || to.countyId !== countyId || to.kind === 'county')
    return { code: 'INVALID_ORG', message: '接收机构不存在或不属于本医共体' };
  if (toOrgId === fromOrgId) return { code: 'INVALID_ORG', message: '接收机构不能是本机构' };
  const fromLevel = orgLevel(tree, fromOrgId);
  const toLevel = levelOfKind(to.kind);
  if (fromLevel && direction === 'up' && levelRank(toLevel) <= levelRank(fromLevel))
    return {
      code: 'WRONG_DIRECTION',
      message: '上转的接收机构应为上级机构（级别高于本机构），同级或下级机构不能接收上转',
    };
  if (fromLevel && direction === 'down' && levelRank(toLevel) >= levelRank(fromLevel))
    return { code: 'WRONG_DIRECTION', message: '下转的接收机构级别应低于本机构' };
  return null;
}

export function checkTarget(ctx: Ctx, fromOrgId: number, toOrgId: number, direction: 'up' | 'down', field = 'toOrgId') {
  const tree = ctx.platform.orgTree;
  const refusal = targetRefusal(tree, ctx.actor.countyId, fromOrgId, toOrgId, direction);
  if (refusal) throw badRequest(refusal.code, refusal.message, field);
  return must(tree.get(toOrgId), 'a target that passed the check');
}

/**
 * The orgs the caller's org may refer to in a direction: for an up-referral the levels above
 * (the caller's own chain first: a village clinic's township centre), for a down-referral the
 * levels below (the caller's own clinics first). Inactive orgs are left out.
 */
export async function targets(ctx: Ctx, direction: 'up' | 'down'): Promise<ReferralTarget[]> {
  const tree = await ctx.platform.orgTree.fresh();
  const from = ctx.actor.orgId;
  const near = new Set(direction === 'up' ? tree.ancestry(from) : tree.subtree(from));
  const rank = (kind: string) => levelRank(levelOfKind(kind));
  return (await orgs.list(ctx))
    .filter((o) => o.active && targetRefusal(tree, ctx.actor.countyId, from, o.id, direction) === null)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind, parentId: o.parentId, near: near.has(o.id) }))
    .sort(
      (a, b) =>
        Number(b.near) - Number(a.near) ||
        (direction === 'up' ? rank(a.kind) - rank(b.kind) : rank(b.kind) - rank(a.kind)),
    );
}

export async function create(
  ctx: Ctx,
  input: ReferralCreate,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<ReferralDetail>> {
  const { requestKey, ...body } = input;
  const key = idempotencyKey(keyHeader, requestKey);
  const hash = requestHash(body);
  const replayed = await replay(ctx, key, hash);
  if (replayed) return { result: replayed, replayed: true };

  const diagnosis = icd10(input.diagnosisCode);
  if (!diagnosis)
    throw badRequest('UNKNOWN_DIAGNOSIS', '初步诊断编码不在本院 ICD-10 目录中，请从列表中选择', 'diagnosisCode');
  const to = checkTarget(ctx, ctx.actor.orgId, input.toOrgId, input.direction);
  await checkDepartment(ctx.db, to.id, input.toDepartmentId);
  const outOfCounty = to.kind === 'partner_hospital';
  if (outOfCounty && (input.outOfCountyReason ?? '').length < 2)
    throw badRequest('OUT_REASON_REQUIRED', '转往县外医院须填写外转原因', 'outOfCountyReason');
  if (input.submit && !input.consent)
    throw badRequest('CONSENT_REQUIRED', '提交转诊前须记录患者或监护人知情同意', 'consent');
  if (input.direction === 'down' && (!input.dischargeSummary || !input.carePlan))
    throw badRequest('DISCHARGE_SUMMARY_REQUIRED', '下转须填写出院小结和康复/随访计划', 'dischargeSummary');
  const { snapshot, orgId: residentOrgId } = await residentSnapshot(ctx, input.residentId);
  const minutes = await acceptMinutes(ctx.db, ctx.actor.countyId, input.urgency);
  const status: ReferralStatus = input.submit ? 'submitted' : 'draft';

  const id = await withScope(ctx.db, ctx.scope, async (trx) => {
    const newId = await q.insertOnce(trx, {
      county_id: ctx.actor.countyId,
      direction: input.direction,
      status,
      resident_id: input.residentId,
      resident_snapshot: JSON.stringify(snapshot),
      origin_org_id: input.direction === 'up' ? ctx.actor.orgId : residentOrgId,
      from_org_id: ctx.actor.orgId,
      from_staff_id: ctx.actor.id,
      to_org_id: to.id,
      to_department_id: input.toDepartmentId ?? null,
      urgency: input.urgency,
      reason: input.reason,
      diagnosis_code: diagnosis.code,
      diagnosis_name: diagnosis.name,
      summary: JSON.stringify(input.summary),
      consent_by: input.consent?.by ?? null,
      consent_at: input.consent ? q.now() : null,
      out_of_county: outOfCounty,
      out_reason: outOfCounty ? (input.outOfCountyReason ?? null) : null,
      suggested_level: guidanceFor(diagnosis.code).level,
      discharge_summary: input.dischargeSummary ?? null,
      care_plan: input.carePlan ? JSON.stringify(input.carePlan) : null,
      submitted_at: input.submit ? q.now() : null,
      deadline_at: input.submit ? q.minutesFromNow(minutes) : null,
      idempotency_key: key,
      request_hash: hash,
      created_by: ctx.actor.id,
    });
    if (newId === null) return null;
    const row = await q.getById(trx, newId);
    await q.insertEvent(trx, {
      county_id: row.county_id,
      referral_id: newId,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.displayName,
      actor_org_id: ctx.actor.orgId,
      action: 'create',
      from_status: null,
      to_status: status,
      note: input.reason,
      detail: null,
    });
    if (input.direction === 'down' && input.carePlan) await tq.insertTasks(trx, row, input.carePlan);
    await writeAudit(trx, ctx.audit, {
      action: 'referral.create',
      resource: 'referral',
      resourceId: newId,
      residentId: input.residentId,
      detail: { status, toOrgId: to.id },
    });
    await publishChange(trx, row, status, 'create');
    return newId;
  });
  // a concurrent twin with the same key committed first: answer as a replay
  if (id === null) {
    const again = await replay(ctx, key, hash);
    if (!again) throw keyReused(REQUEST_NAME);
    return { result: again, replayed: true };
  }
  return { result: await get(ctx, id, false), replayed: false };
}

export async function get(ctx: Ctx, id: number, audit = true): Promise<ReferralDetail> {
  return found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const row = await loadVisible(ctx, trx, id, 'referral.read');
      if (!row) return null;
      const related = await q.related(trx, row);
      const loop = [id, ...related.map((r) => r.id)];
      const [events, attachments, tasks, notes] = await Promise.all([
        q.eventsFor(trx, [row.id]),
        aq.metaFor(trx, id),
        tq.forReferrals(trx, loop),
        tq.notesForReferrals(trx, loop),
      ]);
      await q.markRead(trx, ctx.actor.id, id);
      if (audit)
        await writeAudit(trx, ctx.audit, {
          action: 'referral.read',
          resource: 'referral',
          resourceId: id,
          residentId: row.resident_id,
        });
      return {
        ...toReferral(ctx, row),
        events: events.map(toEvent),
        attachments: attachments.map(toAttachment),
        tasks: tasks.map((t) => toTask(t, notes)),
        related: related.map((r) => ({
          id: r.id,
          direction: r.direction,
          status: r.status,
          toOrgName: r.to_org_name,
          fromOrgName: r.from_org_name,
        })),
      };
    }),
  );
}

const STATUS_FILTERS: Record<'open' | 'awaiting', readonly ReferralStatus[]> = {
  open: OPEN_STATUSES,
  awaiting: AWAITING_DECISION,
};

export async function worklist(ctx: Ctx, input: WorklistQuery): Promise<Worklist> {
  const box = input.box;
  const status = input.status;
  const filter = {
    orgIds: ctx.scope.orgIds,
    box,
    boxOrgIds: box === 'all' ? [] : boxOrgs(ctx, box),
    statuses:
      status === undefined ? undefined : status === 'open' || status === 'awaiting' ? STATUS_FILTERS[status] : [status],
    direction: input.direction,
    urgency: input.urgency,
    outOfCounty: input.outOfCounty === undefined ? undefined : input.outOfCounty === 'true',
    escalated: input.escalated === undefined ? undefined : input.escalated === 'true',
    residentId: input.residentId,
    q: input.q,
  };
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, more } = await q.list(trx, { ...filter, limit: input.limit, offset: input.offset });
    const { statuses: _ignored, ...countFilter } = filter;
    const counts = await q.counts(trx, countFilter, ctx.actor.id);
    const now = await q.serverNow(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'referral.list',
      resource: 'referral',
      detail: { box, results: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => toReferral(ctx, r)), hasMore: more, now: isoAt(now), counts };
  });
}

/**
 * The home page's referral to-do: incoming referrals waiting for the caller's orgs to accept
 * or refuse them (the worklist's incoming box), and how many of those have been escalated.
 */
export async function awaitingDecision(ctx: Ctx): Promise<{ awaiting: number; escalated: number }> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { awaiting, escalated } = await q.counts(
      trx,
      { orgIds: ctx.scope.orgIds, box: 'incoming', boxOrgIds: boxOrgs(ctx, 'incoming') },
      ctx.actor.id,
    );
    return { awaiting, escalated };
  });
}
