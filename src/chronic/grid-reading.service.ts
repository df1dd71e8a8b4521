import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict } from '../platform/errors.ts';
import { openEventStream, publish } from '../platform/events.ts';
import { requestHash } from '../platform/idempotency.ts';
import type { ReadingCreate, readingHandle } from './chronic.schema.ts';
import { CHRONIC_TOPIC } from './followup.service.ts';
import { ruleSetOn } from './rule-set.ts';
import { emergencySigns } from './rules.ts';

/** Grid members' home readings (alerting the village doctor live), the doctor handling them, the live feed. */

const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>) => withScope(ctx.db, ctx.scope, fn);

/** A home reading or observation by the grid member; past a threshold it alerts the village doctor live. */
export async function recordReading(ctx: Ctx, input: ReadingCreate, now = new Date()) {
  const { deviceAt, ...body } = input;
  const hash = requestHash(body);
  return inScope(ctx, async (trx) => {
    const before = await trx
      .selectFrom('grid_readings')
      .select(['id', 'request_hash', 'alert', 'alert_reasons'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (before) {
      if (before.request_hash !== hash)
        throw conflict('CLIENT_ID_REUSED', '该记录编号已保存过不同内容，请刷新后重新填写');
      return { result: { id: before.id, alert: before.alert, reasons: before.alert_reasons }, replayed: true };
    }
    const placed = await trx
      .selectFrom('grid_patients as gp')
      .innerJoin('grids as g', 'g.id', 'gp.grid_id')
      .select(['g.id as grid_id', 'g.org_id', 'g.member_staff_id'])
      .where('gp.resident_id', '=', input.residentId)
      .executeTakeFirst();
    if (!placed || placed.member_staff_id !== ctx.actor.id)
      throw new AppError(404, 'NOT_FOUND', '该居民不在您的网格中');
    const rules = await ruleSetOn(trx, ctx.actor.countyId, todayInShanghai(now));
    const metrics = {
      ...(input.sbp !== undefined ? { sbp: input.sbp } : {}),
      ...(input.dbp !== undefined ? { dbp: input.dbp } : {}),
      ...(input.glucose !== undefined
        ? { glucose: input.glucose, ...(input.glucoseTiming === 'fasting' ? { fbg: input.glucose } : {}) }
        : {}),
    };
    // a grid member's reading is checked against every disease's emergency signs: they don't diagnose
    const reasons = [
      ...new Set([
        ...emergencySigns(rules.rules, { disease: 'htn', metrics, flags: [] }),
        ...emergencySigns(rules.rules, { disease: 't2dm', metrics, flags: [] }),
      ]),
    ];
    if (input.needsDoctor) reasons.push('网格员请村医处理');
    const alert = reasons.length > 0;
    const inserted = await trx
      .insertInto('grid_readings')
      .values({
        id: input.id,
        county_id: ctx.actor.countyId,
        org_id: placed.org_id,
        grid_id: placed.grid_id,
        resident_id: input.residentId,
        staff_id: ctx.actor.id,
        kind: input.kind,
        sbp: input.sbp ?? null,
        dbp: input.dbp ?? null,
        glucose_mmol: input.glucose ?? null,
        glucose_timing: input.glucoseTiming ?? null,
        symptoms: input.symptoms,
        medication_taken: input.medicationTaken ?? null,
        needs_doctor: input.needsDoctor,
        note: input.note ?? null,
        alert,
        alert_reasons: reasons,
        device_at: deviceAt ? new Date(deviceAt) : null,
        request_hash: hash,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // a retry racing its first attempt: the first one's answer
      const first = await trx
        .selectFrom('grid_readings')
        .select(['id', 'request_hash', 'alert', 'alert_reasons'])
        .where('id', '=', input.id)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== hash)
        throw conflict('CLIENT_ID_REUSED', '该记录编号已保存过不同内容，请刷新后重新填写');
      return { result: { id: first.id, alert: first.alert, reasons: first.alert_reasons }, replayed: true };
    }
    await writeAudit(trx, ctx.audit, {
      action: 'grid.reading',
      resource: 'grid_reading',
      resourceId: input.id,
      residentId: input.residentId,
      detail: { kind: input.kind, alert },
    });
    if (alert)
      await publish(trx, {
        topic: CHRONIC_TOPIC,
        countyId: ctx.actor.countyId,
        orgIds: [placed.org_id],
        data: { kind: 'alert', readingId: input.id },
      });
    return { result: { id: input.id, alert, reasons }, replayed: false };
  });
}

export async function handleAlert(ctx: Ctx, id: string, input: z.infer<typeof readingHandle>) {
  return inScope(ctx, async (trx) => {
    const done = await trx
      .updateTable('grid_readings')
      .set({ handled_at: sql`now()`, handled_by: ctx.actor.id, handled_note: input.note ?? null })
      .where('id', '=', id)
      .where('alert', '=', true)
      .where('handled_at', 'is', null)
      .returning(['resident_id', 'org_id'])
      .executeTakeFirst();
    if (!done) throw conflict('ALERT_NOT_OPEN', '该预警不存在或已处理');
    await writeAudit(trx, ctx.audit, {
      action: 'grid.alert.handle',
      resource: 'grid_reading',
      resourceId: id,
      residentId: done.resident_id,
    });
    await publish(trx, {
      topic: CHRONIC_TOPIC,
      countyId: ctx.actor.countyId,
      orgIds: [done.org_id],
      data: { kind: 'alert_handled', readingId: id },
    });
    return { id };
  });
}

/** The village doctor's live feed: alerts and follow-ups of their own villages. */
export function stream(ctx: Ctx, req: FastifyRequest, reply: FastifyReply): void {
  if (!String(req.headers.accept ?? '').includes('text/event-stream'))
    throw new AppError(406, 'EVENT_STREAM_ONLY', '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接');
  const orgs = new Set(ctx.scope.orgIds);
  openEventStream(req, reply, ctx.platform.events, {
    topics: ['chronic.'],
    visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
  });
}
