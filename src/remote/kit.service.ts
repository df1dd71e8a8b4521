import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { judgeReading, judgeTime, limitAt, type LimitRow } from './kit-judge.ts';
import { decodeEcg, ecgToRequest, type Waveform } from './kit-ecg.ts';
import type { KitBatch, KitBatchResult, KitItemResult, KitReadingIn } from './kit.schema.ts';
import { inScope, nowOf } from './remote.shared.ts';

/**
 * 云诊断 ingest (issue 12 §6): a kit's batch through the village (or township) doctor's session.
 * The device must be registered, active and within the caller's orgs (row-level security), each
 * reading's resident visible to the caller. Readings are judged in memory against the limits in
 * force (refused item by item with reasons, flagged past a threshold) and written with ONE
 * multi-row INSERT … ON CONFLICT (device_id, reading_id) DO NOTHING: a batch sent again after a
 * dropped connection, or twice at once, stores every reading once and answers "duplicate".
 * Newly stored ECGs become reading requests (kit-ecg.ts). One audit row per batch.
 */

interface Out {
  device: { org_id: number; county_id: number; active: boolean; has_ecg: boolean } | null;
  residents: number[];
  inserted: string[];
}

/**
 * The plausible ranges and thresholds (kit_limits, effective-dated data), read at most a minute
 * old: a changed limit applies to batches from the next minute on.
 */
let limitsCache: { rows: LimitRow[]; until: number } | undefined;
async function kitLimits(trx: Kdb): Promise<LimitRow[]> {
  if (limitsCache && limitsCache.until > Date.now()) return limitsCache.rows;
  const rows = await trx.selectFrom('kit_limits').selectAll().execute();
  limitsCache = { rows: rows, until: Date.now() + 60_000 };
  return rows;
}

interface Row {
  reading_id: string;
  resident_id: number;
  kind: KitReadingIn['kind'];
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  glucose: number | null;
  glucose_ctx: string | null;
  spo2: number | null;
  temperature: number | null;
  heart_rate: number | null;
  ecg_leads: number | null;
  flagged: boolean;
  flag_reasons: string[];
  measured_at: string;
}

export async function ingestBatch(ctx: Ctx, batch: KitBatch): Promise<KitBatchResult> {
  const receivedAt = nowOf(ctx);
  return inScope(ctx, async (trx) => {
    const residentIds = [...new Set(batch.readings.map((r) => r.residentId))];
    const limits = await kitLimits(trx);
    const items: KitItemResult[] = [];
    const rows: Row[] = [];
    const ecgs = new Map<string, { reading: KitReadingIn; waveform: Waveform; urgent: boolean }>();
    const seen = new Set<string>();
    for (const r of batch.readings) {
      const item: KitItemResult = {
        readingId: r.readingId,
        status: 'refused',
        reasons: [],
        flagged: false,
        flagReasons: [],
      };
      items.push(item);
      if (seen.has(r.readingId)) {
        item.status = 'duplicate';
        continue;
      }
      seen.add(r.readingId);
      const j = judgeReading(r, limits);
      const reasons = [...j.refused];
      const late = judgeTime(r.measuredAt, receivedAt);
      if (late) reasons.push(late);
      let waveform: Waveform | undefined;
      if (r.kind === 'ecg' && r.ecg) {
        const w = decodeEcg(r.ecg);
        if (typeof w === 'string') reasons.push(w);
        else waveform = w;
      }
      if (reasons.length) {
        item.reasons = reasons;
        continue;
      }
      item.status = 'stored';
      item.flagged = j.flagReasons.length > 0;
      item.flagReasons = j.flagReasons;
      const v = j.values;
      rows.push({
        reading_id: r.readingId,
        resident_id: r.residentId,
        kind: r.kind,
        systolic: v.systolic ?? null,
        diastolic: v.diastolic ?? null,
        pulse: v.pulse ?? null,
        glucose: v.glucose ?? null,
        glucose_ctx: r.kind === 'glucose' ? (r.glucoseCtx ?? 'random') : null,
        spo2: v.spo2 ?? null,
        temperature: v.temperature ?? null,
        heart_rate: v.heart_rate ?? null,
        ecg_leads: waveform?.leads ?? null,
        flagged: item.flagged,
        flag_reasons: j.flagReasons,
        measured_at: r.measuredAt.toISOString(),
      });
      if (waveform) {
        const hrLimit = limitAt(limits, 'heart_rate', r.measuredAt);
        const hr = v.heart_rate;
        const urgent =
          hr !== undefined &&
          hrLimit !== undefined &&
          ((hrLimit.alert_high !== null && hr > Number(hrLimit.alert_high)) ||
            (hrLimit.alert_low !== null && hr < Number(hrLimit.alert_low)));
        ecgs.set(r.readingId, { reading: r, waveform, urgent });
      }
    }

    // ONE statement for the whole batch: the device (under RLS another org's kit is not there), the residents the
    // caller may see, and the insert of the readings of those residents; what is already there (same device, same
    // reading id) stays as it was
    const { rows: outRows } = await sql<Out>`
      WITH dev AS (SELECT org_id, county_id, active, has_ecg FROM kit_devices WHERE id = ${batch.deviceId}),
      vis AS (SELECT id FROM residents WHERE id = ANY(${residentIds}::int[])),
      ins AS (
        INSERT INTO kit_readings (device_id, reading_id, county_id, org_id, resident_id, staff_id, kind, systolic,
          diastolic, pulse, glucose, glucose_ctx, spo2, temperature, heart_rate, ecg_leads, flagged, flag_reasons,
          measured_at, received_at)
        SELECT ${batch.deviceId}, x.reading_id, dev.county_id, dev.org_id, x.resident_id, ${ctx.actor.id}::int, x.kind,
          x.systolic, x.diastolic, x.pulse, x.glucose, x.glucose_ctx, x.spo2, x.temperature, x.heart_rate, x.ecg_leads,
          x.flagged, x.flag_reasons, x.measured_at, ${receivedAt}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(reading_id text, resident_id int, kind text,
          systolic smallint, diastolic smallint, pulse smallint, glucose numeric, glucose_ctx text, spo2 smallint,
          temperature numeric, heart_rate smallint, ecg_leads smallint, flagged boolean, flag_reasons text[],
          measured_at timestamptz)
        JOIN vis ON vis.id = x.resident_id
        CROSS JOIN dev
        WHERE dev.active AND dev.county_id = ${ctx.actor.countyId}::int AND (x.kind <> 'ecg' OR dev.has_ecg)
        ON CONFLICT (device_id, reading_id) DO NOTHING
        RETURNING reading_id)
      SELECT (SELECT json_build_object('org_id', org_id, 'county_id', county_id, 'active', active, 'has_ecg', has_ecg)
                FROM dev) AS device,
             ARRAY(SELECT id FROM vis) AS residents,
             ARRAY(SELECT reading_id FROM ins) AS inserted`.execute(trx);
    const out = outRows[0];
    if (!out.device || out.device.county_id !== ctx.actor.countyId)
      throw notFound('一体机（设备未登记，或不属于本机构）');
    if (!out.device.active) throw new AppError(409, 'DEVICE_INACTIVE', `一体机 ${batch.deviceId} 已停用，不能上传读数`);
    const device = out.device;
    const visible = new Set(out.residents.map(Number));
    const inserted = new Set(out.inserted);
    const requests: number[] = [];
    const byId = new Map(items.map((i) => [i.readingId, i]));
    for (const row of rows) {
      const item = byId.get(row.reading_id);
      if (!item) continue;
      if (!visible.has(row.resident_id)) {
        item.status = 'refused';
        item.reasons = [`居民 ${row.resident_id} 不存在或不在本机构管辖范围内`];
        continue;
      }
      if (row.kind === 'ecg' && !device.has_ecg) {
        item.status = 'refused';
        item.reasons = ['该一体机未登记心电功能，不能上传心电'];
        continue;
      }
      if (!inserted.has(row.reading_id)) {
        item.status = 'duplicate';
        continue;
      }
      const ecg = ecgs.get(row.reading_id);
      if (!ecg) continue;
      const made = await ecgToRequest(ctx, trx, {
        deviceId: batch.deviceId,
        readingId: row.reading_id,
        orgId: device.org_id,
        residentId: row.resident_id,
        measuredAt: ecg.reading.measuredAt,
        receivedAt,
        heartRate: row.heart_rate ?? undefined,
        urgent: ecg.urgent,
        waveform: ecg.waveform,
      });
      item.requestId = made.requestId;
      item.accession = made.accession;
      requests.push(made.requestId);
    }
    // a retried ECG answers with the request it made the first time
    const dupEcg = items.filter((i) => i.status === 'duplicate' && ecgs.has(i.readingId)).map((i) => i.readingId);
    if (dupEcg.length) {
      const known = await trx
        .selectFrom('kit_readings as k')
        .leftJoin('remote_requests as q', 'q.id', 'k.request_id')
        .select(['k.reading_id', 'k.request_id', 'q.accession'])
        .where('k.device_id', '=', batch.deviceId)
        .where('k.reading_id', 'in', dupEcg)
        .execute();
      for (const k of known) {
        const item = byId.get(k.reading_id);
        if (item && k.request_id !== null) {
          item.requestId = k.request_id;
          item.accession = k.accession ?? undefined;
        }
      }
    }
    for (const i of items)
      if (i.status === 'duplicate') {
        i.flagged = false;
        i.flagReasons = [];
      }
    const count = (s: KitItemResult['status']) => items.filter((i) => i.status === s).length;
    const result: KitBatchResult = {
      deviceId: batch.deviceId,
      batchId: batch.batchId ?? null,
      receivedAt: receivedAt.toISOString(),
      stored: count('stored'),
      duplicates: count('duplicate'),
      refused: count('refused'),
      flagged: items.filter((i) => i.status === 'stored' && i.flagged).length,
      items,
    };
    await writeAudit(trx, ctx.audit, {
      action: 'remote.kit.batch',
      resource: 'kit_device',
      resourceId: batch.deviceId,
      residentId: residentIds.length === 1 ? residentIds[0] : undefined,
      detail: {
        batchId: result.batchId,
        readings: batch.readings.length,
        stored: result.stored,
        duplicates: result.duplicates,
        refused: result.refused,
        flagged: result.flagged,
        requests,
      },
    });
    return result;
  });
}
