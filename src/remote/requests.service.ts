import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { assertSameRequest, idempotencyKey, requestHash, type Idempotent } from '../platform/idempotency.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  shanghaiText,
  sortSql,
  toXlsx,
} from '../platform/list.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';
import * as q from './requests.queries.ts';
import type { RequestCreate, RequestQuery } from './requests.schema.ts';

/**
 * Reading requests (issue 12 §1): a township or village clinician asks a county centre to read
 * an ECG, an image, an ultrasound or a specimen. The accession number and the due time are the
 * database's (trigger remote_requests_fill over the turnaround table), so every way a request
 * is made gets the same ones.
 */

/** the reading centres are at the county's (first) people's hospital, as the 一单通 exams are */
export function readingOrg(ctx: Ctx): number {
  const tree = ctx.platform.orgTree;
  const hospitals = tree
    .county(ctx.actor.countyId)
    .filter((id) => tree.get(id)?.kind === 'county_hospital')
    .sort((a, b) => a - b);
  if (!hospitals.length) throw badRequest('NO_COUNTY_HOSPITAL', '本医共体尚未配置县级医院（远程诊断中心）');
  return hospitals[0];
}

export async function items(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('remote_items as i')
    .select(['i.code', 'i.centre', 'i.name', 'i.item_group', 'i.consent_required', 'i.recognise_days'])
    .where('i.active', '=', true)
    .orderBy('i.centre')
    .orderBy('i.code')
    .execute();
  const at = nowOf(ctx);
  const rules = await sql<{ centre: string; item_group: string | null; priority: string | null; note: string | null }>`
    SELECT centre, item_group, priority, note FROM remote_turnaround
    WHERE effective_from <= ${at} AND (effective_to IS NULL OR effective_to > ${at})
    ORDER BY centre, item_group NULLS LAST, priority NULLS LAST`.execute(ctx.db);
  return {
    items: rows.map((r) => ({
      code: r.code,
      centre: r.centre,
      name: r.name,
      itemGroup: r.item_group,
      consentRequired: r.consent_required,
      recogniseDays: r.recognise_days,
    })),
    turnaround: rules.rows.map((r) => ({
      centre: r.centre,
      itemGroup: r.item_group,
      priority: r.priority,
      note: r.note,
    })),
  };
}

/** 结果互认: the resident's issued report of the same item still within its recognition window */
export async function recognitionCandidates(ctx: Ctx, residentId: number, itemCode: string) {
  return inScope(ctx, async (trx) => {
    const rows = await q.recognisable(trx, residentId, itemCode, nowOf(ctx));
    return rows.map(q.toRecognisable);
  });
}

export async function create(
  ctx: Ctx,
  input: RequestCreate,
  keyHeader: string | string[] | undefined,
): Promise<Idempotent<q.RequestDetail>> {
  const { requestKey, ...body } = input;
  const key = idempotencyKey(keyHeader, requestKey);
  const hash = requestHash(body);
  const item = await ctx.db
    .selectFrom('remote_items')
    .selectAll()
    .where('code', '=', input.itemCode)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!item) throw new AppError(422, 'UNKNOWN_ITEM', '检查项目不在远程诊断目录中', 'itemCode');
  if (item.consent_required && !input.consentBy)
    throw new AppError(422, 'CONSENT_REQUIRED', `「${item.name}」须取得患者知情同意，请填写知情同意人`, 'consentBy');
  const reader = readingOrg(ctx);
  const now = nowOf(ctx);
  const result = await inScope(ctx, async (trx) => {
    const prior = await q.byClientId(trx, ctx.actor.id, key);
    if (prior) {
      assertSameRequest(prior.request_hash, hash, '份诊断申请');
      return { id: prior.id, replayed: true };
    }
    const resident = await trx
      .selectFrom('residents')
      .select(['id', 'deceased_on'])
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!resident) throw notFound('居民');
    let recognised: number | null = null;
    if (input.recogniseReportId) {
      const ok = (await q.recognisable(trx, input.residentId, input.itemCode, now)).find(
        (r) => r.report_id === input.recogniseReportId,
      );
      if (!ok)
        throw new AppError(
          422,
          'NOT_RECOGNISABLE',
          '所选报告不能互认（不是该居民同一项目、已超过互认期限或尚未签发）',
          'recogniseReportId',
        );
      recognised = ok.report_id;
    }
    const row = await trx
      .insertInto('remote_requests')
      .values({
        county_id: ctx.actor.countyId,
        resident_id: input.residentId,
        requesting_org_id: ctx.actor.orgId,
        requesting_staff_id: ctx.actor.id,
        reading_org_id: reader,
        centre: item.centre,
        item_code: item.code,
        item_name: item.name,
        priority: input.priority,
        patient_setting: input.patientSetting,
        clinical_info: input.clinicalInfo || null,
        consent_at: input.consentBy ? now : null,
        consent_by: input.consentBy ?? null,
        requested_at: now,
        device_at: input.deviceAt ?? null,
        status: recognised ? 'recognised' : 'awaiting_study',
        recognised_report_id: recognised,
        client_id: key,
        request_hash: hash,
      })
      .returning(['id', 'accession'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: recognised ? 'remote.request.recognised' : 'remote.request',
      resource: 'remote_request',
      resourceId: row.id,
      residentId: input.residentId,
      detail: { accession: row.accession, item: item.code, priority: input.priority, recognised },
    });
    await publishRemote(trx, ctx.actor.countyId, REMOTE_TOPIC.request, [reader, ctx.actor.orgId], {
      id: row.id,
      centre: item.centre,
      status: recognised ? 'recognised' : 'awaiting_study',
    });
    return { id: row.id, replayed: false };
  });
  return { result: await get(ctx, result.id), replayed: result.replayed };
}

export async function get(ctx: Ctx, id: number): Promise<q.RequestDetail> {
  return inScope(ctx, async (trx) => {
    const detail = await q.detail(trx, id, ctx.actor.id, nowOf(ctx));
    if (!detail) throw notFound('诊断申请');
    return detail;
  });
}

const listSorts = {
  requestedAt: sql`r.requested_at`,
  dueAt: sql`r.due_at`,
};

function listQuery(ctx: Ctx, trx: Kdb, input: RequestQuery) {
  let query = q.listBase(trx);
  query =
    input.box === 'centre'
      ? query.where('r.reading_org_id', 'in', ctx.scope.orgIds)
      : query.where('r.requesting_org_id', 'in', ctx.scope.orgIds);
  if (input.status === 'open')
    query = query.where('r.status', 'in', ['awaiting_study', 'ready', 'claimed', 'in_review']);
  else if (input.status) query = query.where('r.status', '=', input.status);
  if (input.centre) query = query.where('r.centre', '=', input.centre);
  if (input.priority) query = query.where('r.priority', '=', input.priority);
  if (input.residentId) query = query.where('r.resident_id', '=', input.residentId);
  if (input.from) query = query.where('r.requested_at', '>=', new Date(`${input.from}T00:00:00+08:00`));
  if (input.to)
    query = query.where(
      'r.requested_at',
      '<',
      sql<Date>`${`${input.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`,
    );
  if (input.q) {
    const like = `${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('r.accession', 'like', like), eb('res.name', 'like', like)]));
  }
  const order = sortSql(input.sort, listSorts) ?? sql`r.requested_at DESC`;
  return query.orderBy(order).orderBy('r.id', 'desc');
}

export async function list(ctx: Ctx, input: RequestQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, listQuery(ctx, trx, input), input);
    return { items: rows.map((r) => q.toListItem(r, nowOf(ctx))), ...meta };
  });
}

export async function exportXlsx(ctx: Ctx, input: RequestQuery) {
  const result = await inScope(ctx, (trx) =>
    exportRows(trx, ctx.audit, listQuery(ctx, trx, input), {
      action: 'remote.request.export',
      resource: 'remote_request',
      filter: exportFilter(input),
    }),
  );
  const rows = refuseIfTooMany(result).map((r) => q.toListItem(r, nowOf(ctx)));
  return toXlsx(
    rows,
    [
      { header: '检查号', value: (r) => r.accession, width: 16 },
      { header: '申请时间', value: (r) => shanghaiText(r.requestedAt), width: 18 },
      { header: '申请机构', value: (r) => r.requestingOrgName, width: 20 },
      { header: '居民', value: (r) => r.residentName, width: 10 },
      { header: '项目', value: (r) => r.itemName, width: 20 },
      { header: '中心', value: (r) => q.CENTRE_TEXT[r.centre], width: 8 },
      { header: '紧急程度', value: (r) => q.PRIORITY_TEXT[r.priority], width: 8 },
      { header: '状态', value: (r) => q.STATUS_TEXT[r.status], width: 10 },
      { header: '应报告时间', value: (r) => shanghaiText(r.dueAt), width: 18 },
      { header: '签发时间', value: (r) => shanghaiText(r.issuedAt), width: 18 },
      { header: '是否超时', value: (r) => (r.overdue ? '超时' : ''), width: 8 },
    ],
    '远程诊断申请',
  );
}

export async function cancel(ctx: Ctx, id: number, reason: string) {
  await inScope(ctx, async (trx) => {
    const row = await trx
      .updateTable('remote_requests')
      .set((eb) => ({ status: 'cancelled', cancelled_reason: reason, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('requesting_org_id', 'in', ctx.scope.orgIds)
      .where('status', 'in', ['awaiting_study', 'ready'])
      .returning(['id', 'resident_id', 'reading_org_id', 'requesting_org_id'])
      .executeTakeFirst();
    if (!row) {
      const exists = await trx.selectFrom('remote_requests').select('status').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('诊断申请');
      throw conflict('REQUEST_NOT_CANCELLABLE', '诊断中心已开始阅片或已出报告，不能撤销；请联系诊断中心');
    }
    await writeAudit(trx, ctx.audit, {
      action: 'remote.request.cancel',
      resource: 'remote_request',
      resourceId: id,
      residentId: row.resident_id,
      detail: { reason },
    });
    await publishRemote(trx, ctx.actor.countyId, REMOTE_TOPIC.request, [row.reading_org_id, row.requesting_org_id], {
      id,
      status: 'cancelled',
    });
  });
  return get(ctx, id);
}

/** The requesting doctor has read (and acts on) the current issued version: kept per version. */
export async function markRead(ctx: Ctx, id: number) {
  await inScope(ctx, async (trx) => {
    const report = await trx
      .selectFrom('remote_reports as rp')
      .innerJoin('remote_requests as r', 'r.id', 'rp.request_id')
      .select(['rp.id', 'rp.version', 'r.resident_id', 'r.requesting_org_id'])
      .where('rp.request_id', '=', id)
      .where('rp.status', '=', 'issued')
      .executeTakeFirst();
    if (!report) {
      const exists = await trx.selectFrom('remote_requests').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('诊断申请');
      throw conflict('NO_ISSUED_REPORT', '该申请尚无已签发的报告');
    }
    if (!ctx.scope.orgIds.includes(report.requesting_org_id))
      throw conflict('NOT_REQUESTER', '只有申请方医生确认阅读报告');
    const inserted = await trx
      .insertInto('remote_report_reads')
      .values({ report_id: report.id, staff_id: ctx.actor.id, county_id: ctx.actor.countyId, read_at: nowOf(ctx) })
      .onConflict((oc) => oc.columns(['report_id', 'staff_id']).doNothing())
      .returning('report_id')
      .executeTakeFirst();
    if (inserted)
      await writeAudit(trx, ctx.audit, {
        action: 'remote.report.read',
        resource: 'remote_report',
        resourceId: report.id,
        residentId: report.resident_id,
        detail: { version: report.version },
      });
  });
  return get(ctx, id);
}
