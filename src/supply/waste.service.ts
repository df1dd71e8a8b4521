import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import { inScope } from './sterile.service.ts';
import type { BagCreate, handoverGive, handoverReceive, wasteSettingsCreate } from './supply.schema.ts';
import type { WasteStage, WasteStep } from './supply.tables.ts';

/** 医疗废物 (issue 14 part 7): bags registered on the phone, the handover chain, the tolerances. */

export const CATEGORY_LABELS = {
  infectious: '感染性',
  sharps: '损伤性',
  pathological: '病理性',
  pharmaceutical: '药物性',
  chemical: '化学性',
} as const;
export const STAGE_LABELS = {
  produced: '待收集',
  collected: '收集途中',
  at_station: '在暂存转运站',
  disposed: '已处置',
} as const;
export const STEP_LABELS = {
  collect: '产生科室→收集人员',
  station: '收集人员→转运站',
  dispose: '转运站→处置公司',
} as const;

/** the stage a bag must be at for a step to start, and where its confirmation takes it */
const STEP_FROM: Record<WasteStep, WasteStage> = { collect: 'produced', station: 'collected', dispose: 'at_station' };
const STEP_TO: Record<WasteStep, WasteStage> = { collect: 'collected', station: 'at_station', dispose: 'disposed' };

/** the tolerances in force on a day for a county (its own row, else the default row) */
export async function settingsOn(db: Kdb, countyId: number, day: string) {
  const row = await db
    .selectFrom('waste_settings')
    .select(['effective_from', 'tolerance_pct', 'tolerance_grams', 'overdue_hours'])
    .where((eb) => eb.or([eb('county_id', '=', countyId), eb('county_id', 'is', null)]))
    .where('effective_from', '<=', day)
    .orderBy(sql`county_id NULLS LAST`)
    .orderBy('effective_from', 'desc')
    .executeTakeFirstOrThrow();
  return {
    effectiveFrom: String(row.effective_from),
    tolerancePct: Number(row.tolerance_pct),
    toleranceGrams: row.tolerance_grams,
    overdueHours: row.overdue_hours,
  };
}

export async function getSettings(ctx: Ctx, now = new Date()) {
  return settingsOn(ctx.db, ctx.actor.countyId, todayInShanghai(now));
}

/** a new effective-dated row: earlier bags keep the tolerances of their day */
export async function addSettings(ctx: Ctx, input: z.infer<typeof wasteSettingsCreate>) {
  return inScope(ctx, async (trx) => {
    await trx
      .insertInto('waste_settings')
      .values({
        county_id: ctx.actor.countyId,
        effective_from: input.effectiveFrom,
        tolerance_pct: input.tolerancePct,
        tolerance_grams: input.toleranceGrams,
        overdue_hours: input.overdueHours,
        created_by: ctx.actor.id,
      })
      .execute()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'waste_settings_day_key'))
          throw conflict('SETTINGS_DAY_TAKEN', `${input.effectiveFrom} 已有生效的设置，请换一个生效日期`);
        throw err;
      });
    await writeAudit(trx, ctx.audit, { action: 'waste.settings.create', resource: 'waste_settings', detail: input });
    return settingsOn(trx, ctx.actor.countyId, input.effectiveFrom);
  });
}

/**
 * Registers a bag with the phone's own id: a resend (the same id, the same bag) answers the
 * bag already stored, with created: false; the same id with other content is refused.
 */
export async function registerBag(ctx: Ctx, input: BagCreate, now = new Date()) {
  if (!ctx.scope.orgIds.includes(input.orgId)) throw badRequest('ORG_NOT_OURS', '只能为本机构登记医疗废物', 'orgId');
  const device = new Date(input.deviceAt);
  if (device.getTime() > now.getTime() + 10 * 60_000)
    throw badRequest('DEVICE_TIME_FUTURE', '设备时间晚于当前时间，请校准手机时间', 'deviceAt');
  return inScope(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('waste_bags')
      .values({
        id: input.id,
        county_id: ctx.actor.countyId,
        org_id: input.orgId,
        category: input.category,
        weight_g: input.weightG,
        note: input.note ?? null,
        device_at: device,
        created_by: ctx.actor.id,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning(['id', 'created_at'])
      .executeTakeFirst();
    if (!inserted) {
      const old = await trx
        .selectFrom('waste_bags')
        .select(['id', 'org_id', 'category', 'weight_g', 'created_at'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!old || old.org_id !== input.orgId || old.category !== input.category || old.weight_g !== input.weightG)
        throw conflict('BAG_ID_TAKEN', '该编号已登记为另一袋医疗废物，请重新扫码登记');
      return { id: old.id, created: false, createdAt: new Date(old.created_at).toISOString() };
    }
    await writeAudit(trx, ctx.audit, {
      action: 'waste.bag.create',
      resource: 'waste_bag',
      resourceId: input.id,
      detail: { orgId: input.orgId, category: input.category, weightG: input.weightG },
    });
    return { id: inserted.id, created: true, createdAt: new Date(inserted.created_at).toISOString() };
  });
}

async function bagOf(trx: Kdb, id: string) {
  const bag = await trx
    .selectFrom('waste_bags')
    .select(['id', 'org_id', 'county_id', 'stage'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!bag) throw notFound('医疗废物袋');
  return bag;
}

/** The giving side hands a bag over at one step of the chain, with the weight it gives. */
export async function give(ctx: Ctx, bagId: string, input: z.infer<typeof handoverGive>) {
  return inScope(ctx, async (trx) => {
    const bag = await bagOf(trx, bagId);
    if (bag.stage !== STEP_FROM[input.step])
      throw conflict(
        'STEP_OUT_OF_ORDER',
        `该袋当前为「${STAGE_LABELS[bag.stage]}」，不能进行「${STEP_LABELS[input.step]}」交接`,
      );
    const row = await trx
      .insertInto('waste_handovers')
      .values({
        bag_id: bagId,
        county_id: bag.county_id,
        org_id: bag.org_id,
        step: input.step,
        giver_name: input.giverName,
        giver_weight_g: input.weightG,
        given_by: ctx.actor.id,
        receiver_name: input.receiverName,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'waste_handovers_bag_step_key'))
          throw conflict('HANDOVER_EXISTS', `该袋已有「${STEP_LABELS[input.step]}」交接记录，等待接收方确认`);
        throw err;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'waste.handover.give',
      resource: 'waste_bag',
      resourceId: bagId,
      detail: { step: input.step, weightG: input.weightG, receiver: input.receiverName },
    });
    return { id: row.id };
  });
}

/** The receiving side confirms with its own weight; the bag moves on. Once, and not by the giver. */
export async function receive(ctx: Ctx, bagId: string, input: z.infer<typeof handoverReceive>) {
  return inScope(ctx, async (trx) => {
    await bagOf(trx, bagId);
    const open = await trx
      .selectFrom('waste_handovers')
      .select(['id', 'given_by', 'received_at'])
      .where('bag_id', '=', bagId)
      .where('step', '=', input.step)
      .executeTakeFirst();
    if (!open) throw conflict('NOT_HANDED_OVER', `该袋尚未进行「${STEP_LABELS[input.step]}」交出登记`);
    if (open.received_at) throw conflict('ALREADY_RECEIVED', '该交接已由接收方确认');
    if (open.given_by === ctx.actor.id) throw conflict('SAME_PERSON', '交接双方应由不同人员分别确认');
    const done = await trx
      .updateTable('waste_handovers')
      .set({ receiver_weight_g: input.weightG, received_by: ctx.actor.id, received_at: sql<Date>`now()` })
      .where('id', '=', open.id)
      .where('received_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict('ALREADY_RECEIVED', '该交接已由接收方确认');
    await trx
      .updateTable('waste_bags')
      .set({ stage: STEP_TO[input.step] })
      .where('id', '=', bagId)
      .where('stage', '=', STEP_FROM[input.step])
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'waste.handover.receive',
      resource: 'waste_bag',
      resourceId: bagId,
      detail: { step: input.step, weightG: input.weightG },
    });
    return { id: open.id, stage: STEP_TO[input.step] };
  });
}
