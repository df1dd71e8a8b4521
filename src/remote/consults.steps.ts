import type { Updateable } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, forbidden, notFound } from '../platform/errors.ts';
import type { ConsultStep, ConsultStepBody } from './consults.schema.ts';
import { defaultFee, detailIn } from './consults.service.ts';
import {
  CONSULT_STATUS_LABELS,
  CONSULT_STEP_LABELS,
  loadConsult,
  recordStep,
  sideOf,
  STEP_RULES,
  type ConsultRow,
} from './consults.shared.ts';
import type { RemoteConsultsTable } from './remote.tables.ts';
import { inScope, nowOf } from './remote.shared.ts';

/**
 * 远程会诊 steps (issue 12 §5): each one a conditional UPDATE on the status and version the
 * caller saw, audited, logged on the timeline, announced to both orgs and put in the other
 * side's inbox, all in one transaction. The database keeps the last word on consent before
 * scheduling and on who records the decision.
 */

const unprocessable = (code: string, message: string, field?: string) => new AppError(422, code, message, field);
/** a little slack for the clocks of the devices that report held times */
const CLOCK_SLACK_MS = 5 * 60_000;

type Changes = Updateable<RemoteConsultsTable>;

function changesFor<S extends ConsultStep>(
  step: S,
  r: ConsultRow,
  body: ConsultStepBody<S>,
  ctx: Ctx,
  now: Date,
  fee: number | null,
): { set: Changes; note: string | null } {
  const b = body as Record<string, unknown>;
  switch (step) {
    case 'accept': {
      const feeFen = (b.feeFen as number | undefined) ?? fee;
      if (feeFen === null || feeFen === undefined)
        throw unprocessable('FEE_REQUIRED', '没有适用的会诊收费标准，请填写会诊费用', 'feeFen');
      return {
        set: { accepted_by: ctx.actor.id, accepted_at: now, fee_fen: feeFen },
        note: `费用 ${(feeFen / 100).toFixed(2)} 元`,
      };
    }
    case 'decline':
      return { set: { decline_reason: b.reason as string }, note: b.reason as string };
    case 'consent':
      if (r.consent_at !== null) throw conflict('CONSENT_RECORDED', '知情同意已记录');
      return { set: { consent_by: b.consentBy as string, consent_at: now }, note: `签署人：${b.consentBy as string}` };
    case 'schedule': {
      if (r.mode === 'async')
        throw unprocessable('ASYNC_NOT_SCHEDULED', '文书会诊无需安排时间，接受并记录知情同意后即可签署意见');
      const at = b.scheduledAt as Date;
      const link = (b.videoLink as string | undefined) ?? null;
      if (!link) throw unprocessable('VIDEO_LINK_REQUIRED', '视频会诊须填写 https:// 开头的视频会议链接', 'videoLink');
      if (at.getTime() < now.getTime() - CLOCK_SLACK_MS)
        throw unprocessable('SCHEDULE_PAST', '会诊时间不能早于当前时间', 'scheduledAt');
      return { set: { scheduled_at: at, video_link: link }, note: link };
    }
    case 'hold': {
      const started = b.startedAt as Date;
      const ended = b.endedAt as Date;
      if (ended.getTime() > now.getTime() + CLOCK_SLACK_MS)
        throw unprocessable('HOLD_FUTURE', '结束时间不能晚于当前时间', 'endedAt');
      const mins = Math.round((ended.getTime() - started.getTime()) / 60_000);
      return { set: { started_at: started, ended_at: ended }, note: `历时 ${mins} 分钟` };
    }
    case 'opinion':
      if (r.consent_at === null) throw unprocessable('CONSENT_REQUIRED', '须先记录患者知情同意，才能签署会诊意见');
      return { set: { opinion: b.opinion as string, opinion_by: ctx.actor.id, opinion_signed_at: now }, note: null };
    case 'decide':
      if (r.opinion_by === ctx.actor.id) throw forbidden('会诊意见的签署人不能记录诊疗决定，须由申请机构的医生决定');
      return { set: { decision: b.decision as string, decided_by: ctx.actor.id, decided_at: now }, note: null };
    case 'close':
      return { set: { closed_at: now }, note: null };
    case 'cancel':
      return { set: {}, note: b.reason as string };
  }
  throw new Error(`unknown step ${String(step)}`);
}

export async function takeStep<S extends ConsultStep>(ctx: Ctx, id: number, step: S, body: ConsultStepBody<S>) {
  const rule = STEP_RULES[step];
  const now = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const r = await loadConsult(trx, ctx, id);
    if (!r) throw notFound('远程会诊');
    const side = await sideOf(ctx, r);
    if (side !== rule.side)
      throw forbidden(
        rule.side === 'requesting'
          ? `只有申请会诊的机构（${r.requesting_org_name}）可以${CONSULT_STEP_LABELS[step]}`
          : `只有受邀机构（${r.invited_org_name}）可以${CONSULT_STEP_LABELS[step]}`,
      );
    if (!rule.roles.includes(ctx.scope.role))
      throw forbidden(
        step === 'decide'
          ? '诊疗决定须由申请机构的医生记录（申请机构承担诊疗责任）'
          : `您的角色不能${CONSULT_STEP_LABELS[step]}`,
      );
    if (step === 'opinion' && r.invited_staff_id !== null && r.invited_staff_id !== ctx.actor.id)
      throw forbidden(`本会诊邀请的是 ${r.invited_staff_name ?? '指定专家'}，只有该专家可以签署会诊意见`);
    if (!rule.from(r).includes(r.status))
      throw conflict(
        'CONSULT_STEP_OUT_OF_ORDER',
        `会诊当前状态为「${CONSULT_STATUS_LABELS[r.status]}」，不能${CONSULT_STEP_LABELS[step]}`,
        { status: r.status },
      );
    if (r.version !== body.version)
      throw conflict('CONSULT_CHANGED', '会诊已被他人更新，请刷新后重试', { version: r.version });
    const fee = step === 'accept' ? await defaultFee(trx, r.mode, now) : null;
    const { set, note } = changesFor(step, r, body, ctx, now, fee);
    const to = rule.to ?? r.status;
    const updated = await trx
      .updateTable('remote_consults')
      .set({ ...set, status: to, version: r.version + 1 })
      .where('id', '=', r.id)
      .where('status', '=', r.status)
      .where('version', '=', body.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw conflict('CONSULT_CHANGED', '会诊已被他人更新，请刷新后重试');
    const other =
      rule.side === 'requesting'
        ? { orgId: r.invited_org_id, staffId: r.invited_staff_id }
        : { orgId: r.requesting_org_id, staffId: r.requesting_staff_id };
    await recordStep(trx, ctx, r, {
      action: step,
      from: r.status,
      to,
      version: updated.version,
      note,
      notify: {
        ...other,
        body: `${r.patient?.name ?? ''} ${ctx.actor.displayName}${CONSULT_STEP_LABELS[step]}${note ? `：${note}` : ''}`,
      },
    });
    const after = await loadConsult(trx, ctx, r.id);
    if (!after) throw notFound('远程会诊');
    return detailIn(trx, ctx, after);
  });
}
