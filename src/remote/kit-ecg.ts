import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { writeAecg } from './formats/aecg.ts';
import { LEADS_12 } from './formats/ecg-synth.ts';
import type { KitEcg } from './kit.schema.ts';
import { publishRemote, REMOTE_TOPIC, storeFile } from './remote.shared.ts';

/**
 * A kit ECG becomes a reading request (issue 12 §6): the waveform is written as an HL7 aECG
 * file (content-addressed), a remote_studies row and a ready remote_requests row for the
 * county people's hospital's ECG centre, and the worklist hears of it live. Only a reading
 * stored for the first time gets here, so a retried batch makes no second request.
 */

/** decoded waveform: one array of microvolts per lead */
export interface Waveform {
  leads: number;
  sampleRateHz: number;
  samples: Int16Array[];
}

/** the waveform, or why it cannot be read (the reading is then refused) */
export function decodeEcg(e: KitEcg): Waveform | string {
  let samples: Int16Array[];
  if (e.samplesUv) samples = e.samplesUv.map((lead) => Int16Array.from(lead));
  else {
    samples = [];
    for (const b64 of e.samplesB64 ?? []) {
      const bytes = Buffer.from(b64, 'base64');
      if (bytes.byteLength % 2 !== 0) return '心电数据（base64 int16）长度不是偶数字节';
      const lead = new Int16Array(bytes.byteLength / 2);
      for (let i = 0; i < lead.length; i++) lead[i] = bytes.readInt16LE(i * 2);
      samples.push(lead);
    }
  }
  if (samples.length !== e.leads) return `心电导联数为 ${e.leads}，但收到 ${samples.length} 组波形`;
  const n = samples[0].length;
  if (samples.some((s) => s.length !== n)) return '各导联采样点数不一致';
  const seconds = n / e.sampleRateHz;
  if (seconds < 2 || seconds > 60) return `心电时长 ${seconds.toFixed(1)} 秒，应为 2–60 秒`;
  return { leads: e.leads, sampleRateHz: e.sampleRateHz, samples };
}

/**
 * The reading centre for kit ECGs: a county hospital of the caller's county with an ECG
 * department, the people's hospital (code …-RMYY) first, then the lowest id. Cached per
 * county for a minute (orgs rarely change).
 */
const readerCache = new Map<number, { id: number; until: number }>();
export async function ecgReadingOrg(trx: Kdb, countyId: number): Promise<number> {
  const hit = readerCache.get(countyId);
  if (hit && hit.until > Date.now()) return hit.id;
  const { rows } = await sql<{ id: number }>`
    SELECT o.id FROM orgs o
    WHERE o.county_id = ${countyId} AND o.kind = 'county_hospital' AND o.active
    ORDER BY EXISTS (SELECT 1 FROM departments d WHERE d.org_id = o.id AND d.code = 'ecg' AND d.active) DESC,
             (o.code LIKE '%-RMYY') DESC, o.id
    LIMIT 1`.execute(trx);
  if (!rows[0])
    throw new AppError(422, 'NO_ECG_CENTRE', '本县没有可接收心电的县级医院（心电诊断中心），无法生成判读申请');
  readerCache.set(countyId, { id: rows[0].id, until: Date.now() + 60_000 });
  return rows[0].id;
}

export interface EcgToRequest {
  deviceId: string;
  readingId: string;
  orgId: number;
  residentId: number;
  measuredAt: Date;
  receivedAt: Date;
  heartRate: number | undefined;
  /** heart rate past the alert threshold: urgent */
  urgent: boolean;
  waveform: Waveform;
}

export async function ecgToRequest(
  ctx: Ctx,
  trx: Kdb,
  e: EcgToRequest,
): Promise<{ requestId: number; accession: string; readingOrgId: number }> {
  const countyId = ctx.actor.countyId;
  const readingOrgId = await ecgReadingOrg(trx, countyId);
  const item = e.waveform.leads === 12 ? 'ECG-12' : 'ECG-1';
  const resident = await trx
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('id', '=', e.residentId)
    .executeTakeFirstOrThrow();
  const hr = e.heartRate === undefined ? '' : `，一体机测得心率 ${e.heartRate} 次/分`;
  const clientId = `kit:${e.deviceId}:${e.readingId}`.slice(0, 100);
  const request = await trx
    .insertInto('remote_requests')
    .values({
      county_id: countyId,
      resident_id: e.residentId,
      requesting_org_id: e.orgId,
      requesting_staff_id: ctx.actor.id,
      reading_org_id: readingOrgId,
      centre: 'ecg',
      item_code: item,
      item_name: sql<string>`(SELECT name FROM remote_items WHERE code = ${item})`,
      priority: e.urgent ? 'urgent' : 'routine',
      clinical_info: `村医健康服务包一体机心电（设备 ${e.deviceId}）${hr}`,
      source: 'kit',
      status: 'ready',
      requested_at: e.receivedAt,
      device_at: e.measuredAt,
      study_arrived_at: e.receivedAt,
      client_id: clientId,
    })
    .returning(['id', 'accession'])
    .executeTakeFirstOrThrow();
  const names = e.waveform.leads === 12 ? LEADS_12 : (['II'] as const);
  const uid = `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`).toString()}`;
  const file = writeAecg({
    uid,
    accession: request.accession,
    patientId: String(resident.id),
    patientName: resident.name,
    start: e.measuredAt,
    sampleRateHz: e.waveform.sampleRateHz,
    leads: e.waveform.samples.map((s, i) => ({ name: names[i], samplesUv: Array.from(s) })),
    deviceId: e.deviceId,
  });
  const sha = await storeFile(trx, countyId, file, 'application/xml');
  const study = await trx
    .insertInto('remote_studies')
    .values({
      county_id: countyId,
      request_id: request.id,
      uploaded_org_id: e.orgId,
      uploaded_by: ctx.actor.id,
      format: 'aecg',
      modality: 'ECG',
      sop_uid: uid,
      accession_in_file: request.accession,
      patient_id_in_file: String(resident.id),
      patient_name: resident.name,
      declared_charset: 'UTF-8',
      meta: JSON.stringify({
        leads: e.waveform.leads,
        sampleRateHz: e.waveform.sampleRateHz,
        samples: e.waveform.samples[0].length,
        seconds: e.waveform.samples[0].length / e.waveform.sampleRateHz,
        source: 'kit',
        deviceId: e.deviceId,
      }),
      sha256: sha,
      file_name: `${request.accession}.xml`,
      device_at: e.measuredAt,
      received_at: e.receivedAt,
      client_id: clientId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('kit_readings')
    .set({ study_id: study.id, request_id: request.id })
    .where('device_id', '=', e.deviceId)
    .where('reading_id', '=', e.readingId)
    .execute();
  await publishRemote(trx, countyId, REMOTE_TOPIC.request, [readingOrgId, e.orgId], {
    id: request.id,
    requestId: request.id,
    accession: request.accession,
    centre: 'ecg',
    item,
    priority: e.urgent ? 'urgent' : 'routine',
    status: 'ready',
    source: 'kit',
  });
  return { requestId: request.id, accession: request.accession, readingOrgId };
}
