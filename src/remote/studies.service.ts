import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { inspectFile, MIME_OF, type Inspected } from './formats/inspect.ts';
import { inScope, nowOf, publishRemote, REMOTE_TOPIC, sha256Hex, storeFile } from './remote.shared.ts';
import type { IngestResult } from './studies.schema.ts';

/**
 * Studies (issue 12 §2): a file arrives (with its request, or later, or alone), is recognised by
 * its bytes, its header is read, it is matched to a reading request and stored once by SHA-256.
 *
 * Matching is by accession number and patient ID, never by name. The patient ID in a file
 * identifies a resident when it is the resident's 18-character citizen ID number (身份证号, what
 * a township device reads off the ID card or a worklist; compared with a trailing x upper-cased)
 * or the platform's resident id as a plain decimal string (what our kits and worklists write).
 * - with an explicit requestId, the file's accession (when it carries one) must be that
 *   request's and its patient ID (when it carries one) must identify the request's resident,
 *   else 422 and nothing is stored;
 * - else a visible request with the file's accession is taken when the file's patient ID (if
 *   any) identifies its resident;
 * - else, without an accession, a patient ID whose resident has exactly one request awaiting a
 *   study at the matching centre is taken;
 * - else the file is stored unmatched (request_id NULL) for the centre to match by hand.
 * One SOP instance UID is one file for good: the same bytes again are an idempotent duplicate,
 * other bytes are refused with 409 (the unique index remote_studies_sop_key decides races).
 */

export interface IngestInput {
  bytes: Uint8Array;
  fileName: string;
  requestId?: number;
  clientId?: string;
  deviceAt?: Date;
}

interface RequestRow {
  id: number;
  county_id: number;
  accession: string;
  resident_id: number;
  requesting_org_id: number;
  reading_org_id: number;
  centre: string;
  status: string;
  id_number: string | null;
}

type Centre = 'ecg' | 'imaging' | 'ultrasound' | 'pathology';
const CENTRE_OF_MODALITY: Record<string, Centre | undefined> = {
  ECG: 'ecg',
  US: 'ultrasound',
  SM: 'pathology',
  CT: 'imaging',
  MR: 'imaging',
  DX: 'imaging',
  CR: 'imaging',
  DR: 'imaging',
  MG: 'imaging',
  RF: 'imaging',
  XA: 'imaging',
  PX: 'imaging',
};

/** does the file's patient ID name this resident (citizen ID or platform id), never the name */
export function patientIdMatches(pid: string, residentId: number, idNumber: string | null): boolean {
  const p = pid.trim().toUpperCase();
  return p === String(residentId) || (idNumber !== null && p === idNumber.toUpperCase());
}

function requestQuery(trx: Kdb) {
  return trx
    .selectFrom('remote_requests as r')
    .leftJoin('residents as p', 'p.id', 'r.resident_id')
    .select([
      'r.id',
      'r.county_id',
      'r.accession',
      'r.resident_id',
      'r.requesting_org_id',
      'r.reading_org_id',
      'r.centre',
      'r.status',
      'p.id_number',
    ]);
}

const unprocessable = (code: string, message: string) => new AppError(422, code, message);

async function matchRequest(ctx: Ctx, trx: Kdb, f: Inspected, requestId?: number): Promise<RequestRow | null> {
  if (requestId !== undefined) {
    const r = await requestQuery(trx).where('r.id', '=', requestId).executeTakeFirst();
    if (!r) throw notFound('检查申请');
    if (f.accession && f.accession !== r.accession)
      throw unprocessable(
        'ACCESSION_MISMATCH',
        `文件中的检查号（${f.accession}）与所选申请的检查号（${r.accession}）不一致，请核对后再上传`,
      );
    if (f.patientId && !patientIdMatches(f.patientId, r.resident_id, r.id_number))
      throw unprocessable(
        'PATIENT_ID_MISMATCH',
        '文件中的患者编号与所选申请的患者不一致（按编号核对，不按姓名），请核对后再上传',
      );
    return r;
  }
  if (f.accession) {
    const r = await requestQuery(trx)
      .where('r.county_id', '=', ctx.actor.countyId)
      .where('r.accession', '=', f.accession)
      .executeTakeFirst();
    if (!r || r.status === 'cancelled') return null;
    if (f.patientId && !patientIdMatches(f.patientId, r.resident_id, r.id_number)) return null;
    return r;
  }
  if (f.patientId) {
    const centre: Centre | undefined =
      f.format === 'aecg' ? 'ecg' : CENTRE_OF_MODALITY[(f.modality ?? '').toUpperCase()];
    const pid = f.patientId.trim().toUpperCase();
    let q = requestQuery(trx)
      .where('r.status', '=', 'awaiting_study')
      .where((eb) =>
        eb.or([
          eb('p.id_number', '=', pid),
          ...(/^[1-9][0-9]{0,9}$/.test(pid) ? [eb('r.resident_id', '=', Number(pid))] : []),
        ]),
      );
    if (centre) q = q.where('r.centre', '=', centre);
    const rows = await q.limit(2).execute();
    return rows.length === 1 ? rows[0] : null;
  }
  return null;
}

/** a study has arrived for the request: awaiting_study → ready, due time from the arrival */
export async function studyArrived(ctx: Ctx, trx: Kdb, r: RequestRow, studyId: number): Promise<void> {
  const now = nowOf(ctx);
  if (r.status === 'awaiting_study') {
    await sql`
      UPDATE remote_requests q SET status = 'ready', study_arrived_at = ${now}, version = q.version + 1,
        due_at = coalesce((SELECT remote_due(greatest(q.requested_at, ${now}::timestamptz), t.limit_value, t.limit_unit)
                           FROM remote_turnaround t WHERE t.id = q.turnaround_id), q.due_at)
      WHERE q.id = ${r.id} AND q.status = 'awaiting_study'`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'remote.request.study_arrived',
      resource: 'remote_request',
      resourceId: r.id,
      residentId: r.resident_id,
      detail: { studyId, arrivedAt: now.toISOString() },
    });
  }
  await publishRemote(trx, r.county_id, REMOTE_TOPIC.request, [r.reading_org_id, r.requesting_org_id], {
    id: r.id,
    studyId,
    event: 'study',
  });
}

/** the same file again (same SOP UID and bytes, or the same clientId) is the first one */
async function existing(
  trx: Kdb,
  ctx: Ctx,
  f: Inspected,
  sha: string,
  clientId: string | undefined,
): Promise<{ id: number; request_id: number | null; sha256: string } | null> {
  if (clientId) {
    const byClient = await trx
      .selectFrom('remote_studies')
      .select(['id', 'request_id', 'sha256'])
      .where('uploaded_by', '=', ctx.actor.id)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (byClient) {
      if (byClient.sha256 !== sha) throw conflict('CLIENT_ID_REUSED', '该提交编号已用于另一个文件');
      return byClient;
    }
  }
  if (f.sopUid) {
    return (
      (await trx
        .selectFrom('remote_studies')
        .select(['id', 'request_id', 'sha256'])
        .where('county_id', '=', ctx.actor.countyId)
        .where('sop_uid', '=', f.sopUid)
        .executeTakeFirst()) ?? null
    );
  }
  return null;
}

function sopConflict(): AppError {
  return conflict('SOP_INSTANCE_EXISTS', '该 SOP 实例已存档且文件内容不同，拒绝覆盖');
}

export async function ingestStudy(ctx: Ctx, trx: Kdb, input: IngestInput): Promise<IngestResult> {
  const { bytes } = input;
  if (bytes.byteLength === 0) throw unprocessable('EMPTY_FILE', '文件为空，请重新选择');
  let f: Inspected | null;
  try {
    f = inspectFile(bytes);
  } catch {
    throw unprocessable('UNREADABLE_STUDY', '文件已损坏或格式不完整，无法读取（DICOM/aECG）');
  }
  if (!f)
    throw unprocessable(
      'UNSUPPORTED_STUDY_FORMAT',
      '不支持的文件格式：只接受 DICOM（影像、超声、心电波形）、HL7 aECG 心电 XML、PDF、JPEG 或 PNG（按文件内容识别）',
    );
  const sha = sha256Hex(bytes);
  const prior = await existing(trx, ctx, f, sha, input.clientId);
  if (prior) {
    if (prior.sha256 !== sha) throw sopConflict();
    return { id: prior.id, requestId: prior.request_id, duplicate: true };
  }
  const request = await matchRequest(ctx, trx, f, input.requestId);
  if (request?.status === 'cancelled') throw conflict('REQUEST_CANCELLED', '该申请已取消，不能再上传检查文件');
  await storeFile(trx, ctx.actor.countyId, bytes, MIME_OF[f.format]);
  const inserted = await trx
    .insertInto('remote_studies')
    .values({
      county_id: ctx.actor.countyId,
      request_id: request?.id ?? null,
      uploaded_org_id: ctx.actor.orgId,
      uploaded_by: ctx.actor.id,
      format: f.format,
      modality: f.modality,
      study_uid: f.studyUid,
      series_uid: f.seriesUid,
      sop_uid: f.sopUid,
      instance_number: f.instanceNumber,
      accession_in_file: f.accession,
      patient_id_in_file: f.patientId,
      patient_name: f.patientName,
      declared_charset: f.declaredCharset,
      meta: JSON.stringify(f.meta),
      sha256: sha,
      file_name: input.fileName.slice(0, 200),
      device_at: input.deviceAt ?? f.deviceAt,
      received_at: nowOf(ctx),
      client_id: input.clientId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    // a concurrent upload won the unique key: the same bytes are that upload, other bytes are refused
    const winner = await existing(trx, ctx, f, sha, input.clientId);
    if (winner && winner.sha256 === sha) return { id: winner.id, requestId: winner.request_id, duplicate: true };
    throw sopConflict();
  }
  await writeAudit(trx, ctx.audit, {
    action: 'remote.study.ingest',
    resource: 'remote_study',
    resourceId: inserted.id,
    residentId: request?.resident_id ?? null,
    detail: {
      format: f.format,
      modality: f.modality,
      sha256: sha,
      requestId: request?.id ?? null,
      matchedBy: request ? (input.requestId ? 'request' : f.accession ? 'accession' : 'patient_id') : null,
    },
  });
  if (request) await studyArrived(ctx, trx, request, inserted.id);
  else
    await publishRemote(trx, ctx.actor.countyId, REMOTE_TOPIC.study, [ctx.actor.orgId], {
      id: inserted.id,
      event: 'unmatched',
    });
  return { id: inserted.id, requestId: request?.id ?? null, duplicate: false };
}

/** the upload route: one transaction under the caller's scope */
export const uploadStudy = (ctx: Ctx, input: IngestInput): Promise<IngestResult> =>
  inScope(ctx, (trx) => ingestStudy(ctx, trx, input));

/**
 * The centre matches an unmatched file to a request by hand. A file whose patient ID names
 * another registered resident is refused: the ID, not the name, decides.
 */
export async function matchStudy(ctx: Ctx, studyId: number, requestId: number): Promise<IngestResult> {
  return inScope(ctx, async (trx) => {
    const s = await trx
      .selectFrom('remote_studies')
      .select(['id', 'request_id', 'patient_id_in_file', 'accession_in_file'])
      .where('id', '=', studyId)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw notFound('检查文件');
    if (s.request_id !== null) {
      if (s.request_id === requestId) return { id: s.id, requestId, duplicate: true };
      throw conflict('STUDY_ALREADY_MATCHED', '该检查文件已关联其他申请，不能更改');
    }
    const r = await requestQuery(trx).where('r.id', '=', requestId).executeTakeFirst();
    if (!r) throw notFound('检查申请');
    if (r.status === 'cancelled') throw conflict('REQUEST_CANCELLED', '该申请已取消，不能关联检查文件');
    if (s.patient_id_in_file && !patientIdMatches(s.patient_id_in_file, r.resident_id, r.id_number)) {
      const pid = s.patient_id_in_file.trim().toUpperCase();
      const other = await trx
        .selectFrom('residents')
        .select('id')
        .where((eb) =>
          eb.or([eb('id_number', '=', pid), ...(/^[1-9][0-9]{0,9}$/.test(pid) ? [eb('id', '=', Number(pid))] : [])]),
        )
        .executeTakeFirst();
      if (other)
        throw unprocessable(
          'PATIENT_ID_MISMATCH',
          '文件中的患者编号属于另一位居民，不能关联到此申请（按编号核对，不按姓名）',
        );
    }
    await trx.updateTable('remote_studies').set({ request_id: r.id }).where('id', '=', s.id).execute();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.study.match',
      resource: 'remote_study',
      resourceId: s.id,
      residentId: r.resident_id,
      detail: { requestId: r.id, accessionInFile: s.accession_in_file, patientIdInFile: s.patient_id_in_file },
    });
    await studyArrived(ctx, trx, r, s.id);
    return { id: s.id, requestId: r.id, duplicate: false };
  });
}
