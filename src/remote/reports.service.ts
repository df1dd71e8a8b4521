import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { announce, requestRow } from './reading.service.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC } from './remote.shared.ts';
import type { ReportDraft } from './requests.schema.ts';

/**
 * Reports (issue 12 §3): the claimer's structured draft, review and signing by a second doctor
 * (the database refuses a reviewer who wrote it), return to the author, and amendments as the
 * next version of a report that never changes once issued.
 */

const draftColumns = (d: ReportDraft) => ({
  rhythm: d.rhythm ?? null,
  heart_rate: d.heartRate ?? null,
  pr_ms: d.prMs ?? null,
  qrs_ms: d.qrsMs ?? null,
  qt_ms: d.qtMs ?? null,
  qtc_ms: d.qtcMs ?? null,
  axis_deg: d.axisDeg ?? null,
  findings: d.findings,
  conclusion: d.conclusion,
  abnormal: d.abnormal,
});

/** The reader who claimed the study writes (and rewrites) the draft of the next version. */
export async function saveDraft(ctx: Ctx, requestId: number, input: ReportDraft) {
  await inScope(ctx, async (trx) => {
    const r = await requestRow(trx, requestId);
    if (r.status !== 'claimed' || r.claimed_by !== ctx.actor.id)
      throw conflict('NOT_YOUR_CLAIM', '请先领取该检查再书写报告（或该检查已由他人领取）');
    const open = await trx
      .selectFrom('remote_reports')
      .select(['id', 'status', 'author_id'])
      .where('request_id', '=', requestId)
      .where('status', 'in', ['draft', 'submitted'])
      .executeTakeFirst();
    if (open && open.status === 'submitted')
      throw conflict('REPORT_SUBMITTED', '报告已提交审核，不能再修改；如需修改请审核医师退回');
    if (open) {
      await trx.updateTable('remote_reports').set(draftColumns(input)).where('id', '=', open.id).execute();
    } else {
      await trx
        .insertInto('remote_reports')
        .values({
          county_id: r.county_id,
          request_id: requestId,
          version: 1,
          kind: r.centre,
          author_id: ctx.actor.id,
          authored_at: nowOf(ctx),
          ...draftColumns(input),
        })
        .execute();
    }
  });
}

export async function submit(ctx: Ctx, requestId: number) {
  await inScope(ctx, async (trx) => {
    const r = await requestRow(trx, requestId);
    const draft = await trx
      .selectFrom('remote_reports')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('status', '=', 'draft')
      .where('author_id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (!draft) throw conflict('NO_DRAFT', '没有您书写的草稿报告可提交');
    if (!draft.conclusion.trim())
      throw new AppError(422, 'CONCLUSION_REQUIRED', '请填写诊断结论/印象后再提交', 'conclusion');
    if (r.centre === 'ecg' && (!draft.rhythm || draft.heart_rate === null))
      throw new AppError(422, 'ECG_FIELDS_REQUIRED', '心电报告须填写心律和心率', 'rhythm');
    if (r.centre !== 'ecg' && !draft.findings.trim())
      throw new AppError(422, 'FINDINGS_REQUIRED', '请填写检查所见', 'findings');
    const now = nowOf(ctx);
    await trx
      .updateTable('remote_reports')
      .set({ status: 'submitted', submitted_at: now })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('remote_requests')
      .set((eb) => ({ status: 'in_review', version: eb('version', '+', 1) }))
      .where('id', '=', requestId)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.report.submit',
      resource: 'remote_request',
      resourceId: requestId,
      residentId: r.resident_id,
      detail: { version: draft.version },
    });
    await announce(trx, ctx, r, 'in_review');
  });
}

async function submittedReport(trx: Kdb, reportId: number) {
  const p = await trx
    .selectFrom('remote_reports')
    .select(['id', 'request_id', 'version', 'status', 'author_id', 'conclusion', 'abnormal'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!p) throw notFound('诊断报告');
  if (p.status !== 'submitted') throw conflict('NOT_SUBMITTED', '该报告不在待审核状态');
  return p;
}

/**
 * A second doctor reviews and signs: the report is issued (the database refuses the author as
 * reviewer), an earlier issued version becomes superseded, the requester is told.
 */
export async function issue(ctx: Ctx, reportId: number) {
  await inScope(ctx, async (trx) => {
    const p = await submittedReport(trx, reportId);
    const r = await requestRow(trx, p.request_id);
    const now = nowOf(ctx);
    const previous = await trx
      .updateTable('remote_reports')
      .set({ status: 'superseded', superseded_at: now })
      .where('request_id', '=', p.request_id)
      .where('status', '=', 'issued')
      .returning('version')
      .executeTakeFirst();
    await trx
      .updateTable('remote_reports')
      .set({ status: 'issued', reviewer_id: ctx.actor.id, issued_at: now })
      .where('id', '=', reportId)
      .where('status', '=', 'submitted')
      .execute();
    await trx
      .updateTable('remote_requests')
      .set((eb) => ({
        status: 'issued',
        issued_at: eb.fn.coalesce('issued_at', eb.val(now)),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', p.request_id)
      .execute();
    if (r.exam_order_id)
      await trx
        .updateTable('exam_orders')
        .set((eb) => ({
          status: 'reported',
          result_text: p.conclusion,
          result_flag: p.abnormal ? 'abnormal' : 'normal',
          reported_at: now,
          reported_by: ctx.actor.id,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', r.exam_order_id)
        .where('status', 'in', ['performed', 'reported'])
        .execute();
    const amended = previous !== undefined;
    await trx
      .insertInto('remote_notifications')
      .values({
        county_id: r.county_id,
        org_id: r.requesting_org_id,
        staff_id: null,
        kind: amended ? 'amendment' : 'report',
        request_id: r.id,
        critical_id: null,
        consult_id: null,
        title: amended
          ? `${r.item_name}报告已更正（第 ${p.version} 版）：${r.accession}`
          : `${r.item_name}报告已签发：${r.accession}`,
        body: p.conclusion.slice(0, 200),
        created_at: now,
      })
      .execute();
    await publishRemote(trx, ctx.actor.countyId, REMOTE_TOPIC.notice, [r.requesting_org_id], {
      kind: amended ? 'amendment' : 'report',
      requestId: r.id,
    });
    await writeAudit(trx, ctx.audit, {
      action: amended ? 'remote.report.amend.issue' : 'remote.report.issue',
      resource: 'remote_request',
      resourceId: p.request_id,
      residentId: r.resident_id,
      detail: { version: p.version, author: p.author_id, supersedes: previous?.version ?? null },
    });
    await announce(trx, ctx, r, 'issued');
  });
}

/** The reviewer sends the report back to its author with a reason. */
export async function returnToAuthor(ctx: Ctx, reportId: number, reason: string) {
  await inScope(ctx, async (trx) => {
    const p = await submittedReport(trx, reportId);
    if (p.author_id === ctx.actor.id) throw conflict('OWN_REPORT', '不能退回自己书写的报告，请由审核医师处理');
    const r = await requestRow(trx, p.request_id);
    await trx
      .updateTable('remote_reports')
      .set({ status: 'draft', submitted_at: null })
      .where('id', '=', reportId)
      .execute();
    await trx
      .updateTable('remote_requests')
      .set((eb) => ({ status: 'claimed', claimed_by: p.author_id, version: eb('version', '+', 1) }))
      .where('id', '=', p.request_id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.report.return',
      resource: 'remote_request',
      resourceId: p.request_id,
      residentId: r.resident_id,
      detail: { version: p.version, reason },
    });
    await announce(trx, ctx, r, 'claimed');
  });
}

/** An issued report is never edited: a reader opens the next version, copied from it, with a reason. */
export async function amend(ctx: Ctx, requestId: number, reason: string) {
  await inScope(ctx, async (trx) => {
    const r = await requestRow(trx, requestId);
    if (r.status !== 'issued') throw conflict('NOT_ISSUED', '只有已签发的报告可以更正');
    const cur = await trx
      .selectFrom('remote_reports')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('status', '=', 'issued')
      .executeTakeFirstOrThrow();
    const now = nowOf(ctx);
    await trx
      .insertInto('remote_reports')
      .values({
        county_id: r.county_id,
        request_id: requestId,
        version: cur.version + 1,
        kind: cur.kind,
        rhythm: cur.rhythm,
        heart_rate: cur.heart_rate,
        pr_ms: cur.pr_ms,
        qrs_ms: cur.qrs_ms,
        qt_ms: cur.qt_ms,
        qtc_ms: cur.qtc_ms,
        axis_deg: cur.axis_deg,
        findings: cur.findings,
        conclusion: cur.conclusion,
        abnormal: cur.abnormal,
        author_id: ctx.actor.id,
        authored_at: now,
        amends_report_id: cur.id,
        amendment_reason: reason,
      })
      .execute();
    await trx
      .updateTable('remote_requests')
      .set((eb) => ({ status: 'claimed', claimed_by: ctx.actor.id, claimed_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', requestId)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.report.amend',
      resource: 'remote_request',
      resourceId: requestId,
      residentId: r.resident_id,
      detail: { from: cur.version, reason },
    });
    await announce(trx, ctx, r, 'claimed');
  });
}
