import type { Selectable } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { PageInput } from '../platform/list.schema.ts';
import { parseAecg } from './formats/aecg.ts';
import { dicomWaveform } from './formats/dicom-pixels.ts';
import { inScope } from './remote.shared.ts';
import type { RemoteStudiesTable } from './remote.tables.ts';
import type { StudyView, WaveformView } from './studies.schema.ts';

/**
 * Studies (issue 12 §2), reading: the files of a request, one file's bytes, an ECG's leads, the
 * files waiting to be matched. Row-level security decides who sees what: a requester sees the
 * studies of their own org's requests and their own uploads; anything else is 404.
 */

type StudyRow = Selectable<RemoteStudiesTable>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const toStudy = (r: StudyRow): StudyView => ({
  id: r.id,
  requestId: r.request_id,
  format: r.format,
  modality: r.modality,
  studyUid: r.study_uid,
  seriesUid: r.series_uid,
  sopUid: r.sop_uid,
  instanceNumber: r.instance_number,
  accessionInFile: r.accession_in_file,
  patientIdInFile: r.patient_id_in_file,
  patientName: r.patient_name,
  declaredCharset: r.declared_charset,
  meta: (typeof r.meta === 'string' ? JSON.parse(r.meta) : (r.meta ?? {})) as Record<string, unknown>,
  sha256: r.sha256,
  fileName: r.file_name,
  uploadedOrgId: r.uploaded_org_id,
  deviceAt: iso(r.device_at),
  receivedAt: iso(r.received_at) ?? '',
});

export async function requestStudies(ctx: Ctx, requestId: number): Promise<StudyView[]> {
  return inScope(ctx, async (trx) => {
    const req = await trx.selectFrom('remote_requests').select('id').where('id', '=', requestId).executeTakeFirst();
    if (!req) throw notFound('检查申请');
    const rows = await trx
      .selectFrom('remote_studies')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('series_uid')
      .orderBy('instance_number')
      .orderBy('id')
      .execute();
    return rows.map(toStudy);
  });
}

async function visibleStudy(trx: Kdb, id: number): Promise<StudyRow> {
  const s = await trx.selectFrom('remote_studies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw notFound('检查文件');
  return s;
}

async function residentOf(trx: Kdb, requestId: number | null): Promise<number | null> {
  if (requestId === null) return null;
  const r = await trx
    .selectFrom('remote_requests')
    .select('resident_id')
    .where('id', '=', requestId)
    .executeTakeFirst();
  return r?.resident_id ?? null;
}

async function bytesOf(trx: Kdb, sha: string): Promise<{ mime: string; bytes: Buffer }> {
  const f = await trx
    .selectFrom('remote_files')
    .select(['mime', 'bytes'])
    .where('sha256', '=', sha)
    .executeTakeFirstOrThrow();
  return { mime: f.mime, bytes: Buffer.from(f.bytes) };
}

const EXT: Record<StudyView['format'], string> = {
  dicom: '.dcm',
  aecg: '.xml',
  pdf: '.pdf',
  jpeg: '.jpg',
  png: '.png',
};

/** the original bytes; PDF and pictures inline (the viewer shows them), the rest as a download */
export async function studyFile(
  ctx: Ctx,
  id: number,
): Promise<{ mime: string; bytes: Buffer; fileName: string; inline: boolean }> {
  return inScope(ctx, async (trx) => {
    const s = await visibleStudy(trx, id);
    const f = await bytesOf(trx, s.sha256);
    await writeAudit(trx, ctx.audit, {
      action: 'remote.study.file',
      resource: 'remote_study',
      resourceId: id,
      residentId: await residentOf(trx, s.request_id),
    });
    const base = Array.from(s.file_name ?? `study-${id}`, (c) =>
      c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c,
    ).join('');
    const fileName = base.toLowerCase().endsWith(EXT[s.format]) ? base : base + EXT[s.format];
    return { ...f, fileName, inline: ['pdf', 'jpeg', 'png'].includes(s.format) };
  });
}

/** an ECG's leads in µV with the sampling rate, from a DICOM waveform or an HL7 aECG */
export async function studyWaveform(ctx: Ctx, id: number): Promise<WaveformView> {
  const { format, bytes } = await inScope(ctx, async (trx) => {
    const s = await visibleStudy(trx, id);
    const f = await bytesOf(trx, s.sha256);
    return { format: s.format, bytes: f.bytes };
  });
  const noWave = () => new AppError(422, 'NO_WAVEFORM', '该检查文件不含心电波形');
  try {
    if (format === 'aecg') {
      const p = parseAecg(bytes);
      return { studyId: id, sampleRateHz: p.sampleRateHz, leads: p.leads };
    }
    if (format === 'dicom') return { studyId: id, ...dicomWaveform(bytes) };
  } catch {
    throw noWave();
  }
  throw noWave();
}

/** files whose accession and patient ID matched no request: the centre matches them by hand */
export async function unmatchedStudies(ctx: Ctx, input: PageInput & { q?: string }) {
  return inScope(ctx, async (trx) => {
    let q = trx
      .selectFrom('remote_studies as s')
      .leftJoin('orgs as o', 'o.id', 's.uploaded_org_id')
      .selectAll('s')
      .select('o.name as uploaded_org_name')
      .where('s.request_id', 'is', null)
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc');
    if (input.q) {
      const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
      q = q.where((eb) =>
        eb.or([
          eb('s.accession_in_file', 'ilike', like),
          eb('s.patient_id_in_file', 'ilike', like),
          eb('s.file_name', 'ilike', like),
        ]),
      );
    }
    const { rows, meta } = await fetchPage(trx, q, input);
    return { ...meta, items: rows.map((r) => ({ ...toStudy(r), uploadedOrgName: r.uploaded_org_name })) };
  });
}
