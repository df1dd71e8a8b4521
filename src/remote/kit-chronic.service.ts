import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, isUniqueViolation } from '../platform/errors.ts';
import './kit-followups.tables.ts';

/**
 * Kit readings on the chronic-care follow-up (issue 12 §6): the village doctor's follow-up takes
 * its blood pressure and glucose from the kit readings measured on the visit day, and the
 * follow-up is the review of a flagged one. The chronic feature calls these under its own
 * row-level-security scope; db/migrations/0093_kit_followups.sql holds the invariants (one
 * follow-up per reading, the follow-up's own resident, measured on the visit date).
 */

export interface KitRef {
  deviceId: string;
  readingId: string;
}

/** a kit reading as the chronic pages show it */
export interface KitMeasurement {
  deviceId: string;
  readingId: string;
  residentId: number;
  kind: 'bp' | 'glucose' | 'spo2' | 'temperature' | 'ecg';
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  glucose: number | null;
  glucoseCtx: 'fasting' | 'postprandial' | 'random' | null;
  spo2: number | null;
  temperature: number | null;
  flagged: boolean;
  flagReasons: string[];
  reviewedAt: Date | null;
  measuredAt: Date;
  /** the Shanghai calendar day it was measured */
  measuredOn: string;
  followupId: string | null;
  followupDate: string | null;
}

function measurements(trx: Kdb) {
  return trx
    .selectFrom('kit_readings as k')
    .leftJoin('followup_kit_readings as l', (j) =>
      j.onRef('l.device_id', '=', 'k.device_id').onRef('l.reading_id', '=', 'k.reading_id'),
    )
    .leftJoin('followups as f', 'f.id', 'l.followup_id')
    .select([
      'k.device_id',
      'k.reading_id',
      'k.resident_id',
      'k.kind',
      'k.systolic',
      'k.diastolic',
      'k.pulse',
      'k.glucose',
      'k.glucose_ctx',
      'k.spo2',
      'k.temperature',
      'k.flagged',
      'k.flag_reasons',
      'k.reviewed_at',
      'k.measured_at',
      sql<string>`to_char(k.measured_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`.as('measured_on'),
      'l.followup_id',
      sql<string | null>`to_char(f.visit_date, 'YYYY-MM-DD')`.as('followup_date'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof measurements>['execute']>>[number];
const num = (v: string | number | null) => (v === null ? null : Number(v));
const toMeasurement = (r: Row): KitMeasurement => ({
  deviceId: r.device_id,
  readingId: r.reading_id,
  residentId: r.resident_id,
  kind: r.kind,
  systolic: r.systolic,
  diastolic: r.diastolic,
  pulse: r.pulse,
  glucose: num(r.glucose),
  glucoseCtx: r.glucose_ctx,
  spo2: r.spo2,
  temperature: num(r.temperature),
  flagged: r.flagged,
  flagReasons: r.flag_reasons,
  reviewedAt: r.reviewed_at,
  measuredAt: r.measured_at,
  measuredOn: r.measured_on,
  followupId: r.followup_id,
  followupDate: r.followup_date,
});

/** The resident's latest kit readings other than ECGs (which go to the reading centre), newest first. */
export async function kitReadingsOfResident(trx: Kdb, residentId: number, limit = 50): Promise<KitMeasurement[]> {
  const rows = await measurements(trx)
    .where('k.resident_id', '=', residentId)
    .where('k.kind', '<>', 'ecg')
    .orderBy('k.measured_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMeasurement);
}

/**
 * The readings a follow-up names, checked before it is saved: each exists in the caller's
 * scope, is the case's resident's, measured on the visit date, a blood pressure or a glucose,
 * at most one of each, and not yet in another follow-up. Bad references are refused in Chinese.
 */
export async function readingsForFollowup(
  trx: Kdb,
  refs: readonly KitRef[],
  residentId: number,
  visitDate: string,
): Promise<{ bp?: KitMeasurement; glucose?: KitMeasurement }> {
  const out: { bp?: KitMeasurement; glucose?: KitMeasurement } = {};
  for (const ref of refs) {
    const r = await measurements(trx)
      .where('k.device_id', '=', ref.deviceId)
      .where('k.reading_id', '=', ref.readingId)
      .executeTakeFirst();
    if (!r) throw new AppError(404, 'NOT_FOUND', '所选健康一体机读数不存在或您无权查看', 'kitReadings');
    const m = toMeasurement(r);
    if (m.residentId !== residentId)
      throw new AppError(422, 'KIT_READING_OTHER_RESIDENT', '所选健康一体机读数不是该患者的', 'kitReadings');
    if (m.kind !== 'bp' && m.kind !== 'glucose')
      throw new AppError(422, 'KIT_READING_KIND', '只有血压和血糖读数可以记入慢病随访', 'kitReadings');
    if (m.measuredOn !== visitDate)
      throw new AppError(
        422,
        'KIT_READING_OTHER_DAY',
        `所选健康一体机读数测于 ${m.measuredOn}，不是随访当日（${visitDate}）`,
        'kitReadings',
      );
    if (m.followupId)
      throw conflict('KIT_READING_USED', `该健康一体机读数已记入 ${m.followupDate ?? ''} 的随访`, {
        field: 'kitReadings',
      });
    if (out[m.kind]) throw new AppError(422, 'KIT_READING_TWICE', '同一次随访每类读数只能选一条', 'kitReadings');
    out[m.kind] = m;
  }
  return out;
}

/**
 * Links the readings to the saved follow-up in its transaction. A flagged reading not yet
 * reviewed counts as reviewed by the doctor who followed the patient up. Returns how many
 * flagged readings this reviewed.
 */
export async function linkToFollowup(
  trx: Kdb,
  link: { followupId: string; refs: readonly KitRef[]; countyId: number; orgId: number; staffId: number; at: Date },
): Promise<number> {
  let reviewed = 0;
  for (const ref of link.refs) {
    try {
      await trx
        .insertInto('followup_kit_readings')
        .values({
          followup_id: link.followupId,
          device_id: ref.deviceId,
          reading_id: ref.readingId,
          county_id: link.countyId,
          org_id: link.orgId,
          linked_by: link.staffId,
          linked_at: link.at,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err, 'followup_kit_readings_pkey'))
        throw conflict('KIT_READING_USED', '该健康一体机读数已记入另一次随访', { field: 'kitReadings' });
      if (err instanceof Error && 'code' in err && err.code === '23514')
        throw new AppError(422, 'KIT_READING_REFUSED', err.message, 'kitReadings');
      throw err;
    }
    const done = await trx
      .updateTable('kit_readings')
      .set({ reviewed_by: link.staffId, reviewed_at: link.at })
      .where('device_id', '=', ref.deviceId)
      .where('reading_id', '=', ref.readingId)
      .where('flagged', '=', true)
      .where('reviewed_at', 'is', null)
      .executeTakeFirst();
    reviewed += Number(done.numUpdatedRows);
  }
  return reviewed;
}
