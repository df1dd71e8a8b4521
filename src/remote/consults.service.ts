import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { keyReused } from '../platform/idempotency.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import type { ConsultApply, ConsultQuery } from './consults.schema.ts';
import {
  CONSULT_MODE_LABELS,
  CONSULT_STATUS_LABELS,
  consultsQuery,
  loadConsult,
  recordStep,
  sideOf,
  stepsFor,
  timelineOf,
  toDetail,
  toItem,
  type ConsultRow,
} from './consults.shared.ts';
import { REMOTE_REQUESTERS } from './remote.roles.ts';
import { inScope, nowOf } from './remote.shared.ts';

/** 远程会诊 (issue 12 §5): the application, the lists, one consultation with its files and timeline. */

/** hospitals a clinic may invite: the county's hospitals and the partner hospitals linked to it */
const INVITABLE_KINDS = ['county_hospital', 'partner_hospital'] as const;
/** who may be named as the invited expert */
const EXPERT_ROLES = ['expert', 'county_doctor', 'reader'];

export async function options(ctx: Ctx) {
  const tree = await ctx.platform.orgTree.fresh();
  const county = tree.county(ctx.actor.countyId);
  const orgs = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind', 'specialities'])
    .where('id', 'in', county.length ? county : [0])
    .where('kind', 'in', INVITABLE_KINDS)
    .where('active', '=', true)
    .where('id', '<>', ctx.actor.orgId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
  const ids = orgs.map((o) => o.id);
  const experts = ids.length
    ? await ctx.db
        .selectFrom('staff as s')
        .leftJoin('departments as d', 'd.id', 's.department_id')
        .select(['s.id', 's.org_id', 's.display_name', 's.title', 'd.name as department'])
        .where('s.org_id', 'in', ids)
        .where('s.disabled', '=', false)
        .where(sql<boolean>`s.roles && ${sql.val(EXPERT_ROLES)}::text[]`)
        .orderBy('s.org_id')
        .orderBy('s.display_name')
        .execute()
    : [];
  const fees = await feesAt(ctx.db, nowOf(ctx));
  return {
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, specialities: o.specialities })),
    experts: experts.map((e) => ({
      id: e.id,
      orgId: e.org_id,
      name: e.display_name,
      title: e.title,
      department: e.department,
    })),
    fees,
  };
}

async function feesAt(db: Kdb, at: Date): Promise<{ async: number | null; scheduled: number | null }> {
  const rows = await db
    .selectFrom('remote_consult_fees')
    .select(['mode', 'fee_fen'])
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
    .orderBy('effective_from', 'desc')
    .execute();
  const pick = (m: string) => rows.find((r) => r.mode === m)?.fee_fen ?? null;
  return { async: pick('async'), scheduled: pick('scheduled') };
}
export const defaultFee = async (db: Kdb, mode: 'async' | 'scheduled', at: Date) => (await feesAt(db, at))[mode];

/** the same clientId with the same application answers the first consultation again */
const sameApplication = (r: ConsultRow, input: ConsultApply) =>
  r.resident_id === input.residentId &&
  r.invited_org_id === input.invitedOrgId &&
  r.invited_staff_id === (input.invitedStaffId ?? null) &&
  r.speciality === (input.speciality ?? null) &&
  r.mode === input.mode &&
  r.purpose === input.purpose &&
  r.clinical_summary === input.clinicalSummary;

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

export async function apply(ctx: Ctx, input: ConsultApply) {
  if (!REMOTE_REQUESTERS.includes(ctx.scope.role)) throw new AppError(403, 'FORBIDDEN', '只有临床医生可以发起远程会诊');
  const tree = await ctx.platform.orgTree.fresh();
  return inScope(ctx, async (trx) => {
    const earlier = async () => {
      const old = await consultsQuery(trx, ctx.actor.countyId)
        .where('c.requesting_staff_id', '=', ctx.actor.id)
        .where('c.client_id', '=', input.clientId)
        .executeTakeFirst();
      if (!old) return null;
      if (!sameApplication(old, input)) throw keyReused('次会诊申请');
      return old;
    };
    const replay = await earlier();
    if (replay) return { replayed: true, result: await detailIn(trx, ctx, replay) };

    const invited = tree.get(input.invitedOrgId);
    if (
      !invited ||
      !INVITABLE_KINDS.includes(invited.kind as (typeof INVITABLE_KINDS)[number]) ||
      !tree.county(ctx.actor.countyId).includes(invited.id)
    )
      throw badRequest('INVITED_ORG_UNKNOWN', '受邀机构应为本县医院或合作医院', 'invitedOrgId');
    if (tree.ancestry(ctx.actor.orgId).includes(invited.id))
      throw badRequest('INVITED_ORG_SELF', '不能邀请本机构会诊', 'invitedOrgId');
    if (input.invitedStaffId !== undefined) {
      const expert = await trx
        .selectFrom('staff')
        .select(['id', 'org_id', 'roles'])
        .where('id', '=', input.invitedStaffId)
        .where('disabled', '=', false)
        .executeTakeFirst();
      if (
        !expert ||
        !tree.ancestry(expert.org_id).includes(invited.id) ||
        !expert.roles.some((x) => EXPERT_ROLES.includes(x))
      )
        throw badRequest('INVITED_STAFF_UNKNOWN', '所选专家不属于受邀医院', 'invitedStaffId');
    }
    // the resident as the requesting clinic sees them (row-level security: only its own residents)
    const resident = await trx
      .selectFrom('residents')
      .select(['id', 'name', 'sex', 'birth_date'])
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!resident) throw badRequest('RESIDENT_UNKNOWN', '所选居民不在您机构管理的居民档案中', 'residentId');
    const birth = dateText(resident.birth_date);
    const now = nowOf(ctx);
    const inserted = await trx
      .insertInto('remote_consults')
      .values({
        county_id: ctx.actor.countyId,
        resident_id: resident.id,
        requesting_org_id: ctx.actor.orgId,
        requesting_staff_id: ctx.actor.id,
        invited_org_id: invited.id,
        invited_staff_id: input.invitedStaffId ?? null,
        speciality: input.speciality ?? null,
        mode: input.mode,
        purpose: input.purpose,
        clinical_summary: input.clinicalSummary,
        client_id: input.clientId,
        patient: JSON.stringify({ name: resident.name, sex: resident.sex, birthDate: birth }),
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['requesting_staff_id', 'client_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const raced = await earlier();
      if (!raced) throw notFound('会诊申请');
      return { replayed: true, result: await detailIn(trx, ctx, raced) };
    }
    const row = await loadConsult(trx, ctx, inserted.id);
    if (!row) throw notFound('会诊申请');
    await recordStep(trx, ctx, row, {
      action: 'applied',
      from: null,
      to: 'applied',
      version: row.version,
      note: input.purpose.slice(0, 500),
      notify: {
        orgId: row.invited_org_id,
        staffId: row.invited_staff_id,
        body: `${row.requesting_org_name} ${row.requesting_staff_name} 邀请会诊（${CONSULT_MODE_LABELS[row.mode]}）：${row.purpose}`,
      },
      detail: { invitedOrgId: row.invited_org_id, mode: row.mode },
    });
    return { replayed: false, result: await detailIn(trx, ctx, row) };
  });
}

function filtered(trx: Kdb, ctx: Ctx, input: ConsultQuery) {
  const mine = ctx.scope.orgIds.length ? ctx.scope.orgIds : [0];
  let q = consultsQuery(trx, ctx.actor.countyId);
  if (input.status) q = q.where('c.status', '=', input.status);
  if (input.mode) q = q.where('c.mode', '=', input.mode);
  if (input.direction === 'outgoing') q = q.where('c.requesting_org_id', 'in', mine);
  if (input.direction === 'incoming') q = q.where('c.invited_org_id', 'in', mine);
  if (input.from) q = q.where(sql<boolean>`c.created_at >= (${input.from}::date AT TIME ZONE 'Asia/Shanghai')`);
  if (input.to) q = q.where(sql<boolean>`c.created_at < ((${input.to}::date + 1) AT TIME ZONE 'Asia/Shanghai')`);
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`c.patient->>'name'`, 'like', like),
        eb('c.purpose', 'like', like),
        eb('c.speciality', 'like', like),
      ]),
    );
  }
  return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
}

const directionOf = (ctx: Ctx, r: ConsultRow) =>
  ctx.scope.orgIds.includes(r.requesting_org_id) ? 'requesting' : 'invited';

export async function list(ctx: Ctx, input: ConsultQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, filtered(trx, ctx, input), input);
    return { ...meta, items: rows.map((r) => toItem(r, directionOf(ctx, r))) };
  });
}

export async function exportList(ctx: Ctx, input: ConsultQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, filtered(trx, ctx, input), {
        action: 'remote.consults.export',
        resource: 'remote_consult',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map((r) => toItem(r, directionOf(ctx, r))),
    [
      { header: '会诊号', value: (r) => r.id, width: 8 },
      { header: '申请时间', value: (r) => shanghaiText(r.createdAt), width: 18 },
      { header: '状态', value: (r) => CONSULT_STATUS_LABELS[r.status], width: 10 },
      { header: '方式', value: (r) => CONSULT_MODE_LABELS[r.mode], width: 10 },
      { header: '患者', value: (r) => r.patientName, width: 10 },
      { header: '申请机构', value: (r) => r.requestingOrgName, width: 18 },
      { header: '申请医生', value: (r) => r.requestingStaffName, width: 10 },
      { header: '受邀机构', value: (r) => r.invitedOrgName, width: 18 },
      { header: '受邀专家', value: (r) => r.invitedStaffName, width: 10 },
      { header: '专科', value: (r) => r.speciality, width: 10 },
      { header: '会诊目的', value: (r) => r.purpose, width: 30 },
      { header: '会诊时间', value: (r) => shanghaiText(r.scheduledAt), width: 18 },
      { header: '费用（元）', value: (r) => r.feeFen / 100, width: 10, format: '0.00' },
    ],
    '远程会诊',
  );
}

export async function detailIn(trx: Kdb, ctx: Ctx, row: ConsultRow) {
  const side = await sideOf(ctx, row);
  const files = await trx
    .selectFrom('remote_consult_files as f')
    .innerJoin('remote_files as b', 'b.sha256', 'f.sha256')
    .innerJoin('staff as s', 's.id', 'f.added_by')
    .select(['f.sha256', 'f.file_name', 'b.mime', 'b.size_bytes', 'f.added_at', 's.display_name'])
    .where('f.consult_id', '=', row.id)
    .orderBy('f.added_at')
    .orderBy('f.sha256')
    .execute();
  return {
    ...toDetail(row, side),
    steps: stepsFor(ctx, row, side),
    files: files.map((f) => ({
      sha256: f.sha256,
      fileName: f.file_name,
      mime: f.mime,
      sizeBytes: f.size_bytes,
      addedAt: new Date(f.added_at).toISOString(),
      addedByName: f.display_name,
    })),
    timeline: await timelineOf(trx, row.id),
  };
}

/** one consultation: invisible (another township's) is 404 */
export async function detail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const row = await loadConsult(trx, ctx, id);
    if (!row) throw notFound('远程会诊');
    return detailIn(trx, ctx, row);
  });
}
