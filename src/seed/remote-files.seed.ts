import { createHash } from 'node:crypto';
import type { Kdb } from '../platform/db.ts';
import { writeAecg } from '../remote/formats/aecg.ts';
import { writeDicomEcg } from '../remote/formats/dicom-write.ts';
import { synthEcg, type EcgPattern } from '../remote/formats/ecg-synth.ts';
import { inspectFile, MIME_OF, type Inspected } from '../remote/formats/inspect.ts';
import { headCtSeries } from '../remote/formats/phantom.ts';
import { sha256Hex } from '../remote/remote.shared.ts';
import { rows, run, type RemoteCtx } from './remote-sql.ts';

/**
 * The files of the most recent studies, so they open in the viewers (issue 12 §8): HL7 aECG for
 * the last ~40 ECGs (a few as DICOM 12-lead waveforms instead), a small head-CT series for the
 * last CT heads (with a bleed where the report flagged one). Synthetic signals from the
 * remote-studies generators, one multi-row INSERT for the files and one for the studies.
 */
const RECENT_ECGS = 32;
const CT_SERIES = 3;
const RATE_HZ = 250;

interface Recent {
  id: number;
  accession: string;
  resident_id: number;
  name: string;
  requesting_org_id: number;
  requesting_staff_id: number;
  item_code: string;
  at: Date;
  conclusion: string | null;
  heart_rate: number | null;
  critical: string | null;
}

/** a DICOM UID under 2.25 from the seed and a key: the same seed gives the same UIDs */
function uid(c: RemoteCtx, key: string): string {
  const hex = createHash('md5').update(`${c.seed}:${c.county}:${key}`).digest('hex').slice(0, 30);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

function patternOf(r: Recent): EcgPattern {
  if (r.critical === 'ECG-AMI' || r.conclusion?.includes('心肌梗死')) return 'inferior_stemi';
  if (r.conclusion?.includes('心房颤动')) return 'af';
  if (r.critical === 'ECG-HR-LOW' || r.conclusion?.includes('过缓')) return 'brady';
  return 'normal';
}

const recentSql = (c: RemoteCtx, where: string, limit: number) => `
  SELECT r.id, r.accession, r.resident_id, p.name, r.requesting_org_id, r.requesting_staff_id, r.item_code,
    coalesce(r.study_arrived_at, r.requested_at) AS at,
    (SELECT rp.conclusion FROM remote_reports rp WHERE rp.request_id = r.id ORDER BY rp.version DESC LIMIT 1) AS conclusion,
    (SELECT rp.heart_rate FROM remote_reports rp WHERE rp.request_id = r.id ORDER BY rp.version DESC LIMIT 1) AS heart_rate,
    (SELECT cv.item_code FROM remote_criticals cv WHERE cv.request_id = r.id LIMIT 1) AS critical
  FROM remote_requests r JOIN residents p ON p.id = r.resident_id
  WHERE r.county_id = ${c.county} AND r.status NOT IN ('cancelled', 'awaiting_study', 'recognised', 'external')
    AND ${where}
  ORDER BY r.requested_at DESC, r.id DESC LIMIT ${limit}`;

interface FileRow {
  request: Recent;
  bytes: Uint8Array;
  fileName: string;
  /** what inspectFile would find, when we wrote it ourselves (parsing the XML back costs ~50 ms a file) */
  inspected?: Inspected;
}

export async function seedStudyFiles(trx: Kdb, c: RemoteCtx): Promise<void> {
  const files: FileRow[] = [];
  const ecgs = await rows<Recent>(trx, recentSql(c, `r.centre = 'ecg'`, RECENT_ECGS));
  ecgs.forEach((r, i) => {
    const leads = r.item_code === 'ECG-1' ? 1 : 12;
    const signal = synthEcg({
      leads,
      seconds: 10,
      sampleRateHz: RATE_HZ,
      heartRate: r.heart_rate ?? 75,
      pattern: patternOf(r),
      seed: r.id,
    });
    const at = new Date(r.at);
    const common = { patientId: String(r.resident_id), accession: r.accession };
    // every tenth 12-lead ECG comes from a cart that sends DICOM waveforms
    if (leads === 12 && i % 10 === 3) {
      const bytes = writeDicomEcg({
        ...common,
        patientName: r.name,
        specificCharacterSet: 'ISO_IR 192',
        studyUid: uid(c, `st:${r.id}`),
        seriesUid: uid(c, `se:${r.id}`),
        sopUid: uid(c, `sop:${r.id}`),
        at,
        leads: signal,
        sampleRateHz: RATE_HZ,
      });
      files.push({ request: r, bytes, fileName: `${r.accession}.dcm` });
      return;
    }
    const sopUid = uid(c, `aecg:${r.id}`);
    const deviceId = `ECG-${r.requesting_org_id}`;
    const bytes = writeAecg({
      ...common,
      patientName: r.name,
      leads: signal,
      sampleRateHz: RATE_HZ,
      start: at,
      deviceId,
      uid: sopUid,
    });
    const inspected: Inspected = {
      format: 'aecg',
      modality: 'ECG',
      studyUid: null,
      seriesUid: null,
      sopUid,
      instanceNumber: null,
      accession: r.accession,
      patientId: common.patientId,
      patientName: r.name,
      declaredCharset: 'UTF-8',
      deviceAt: at,
      meta: {
        waveform: true,
        channels: leads,
        leads: signal.map((l) => l.name),
        sampleRateHz: RATE_HZ,
        seconds: 10,
        deviceId,
      },
    };
    files.push({ request: r, bytes, fileName: `${r.accession}.xml`, inspected });
  });
  const cts = await rows<Recent>(trx, recentSql(c, `r.item_code = 'IMG-CT-HEAD'`, CT_SERIES));
  for (const r of cts) {
    const series = headCtSeries({
      patientId: String(r.resident_id),
      patientName: r.name,
      specificCharacterSet: 'ISO_IR 192',
      accession: r.accession,
      slices: 10,
      size: 128,
      bleed: r.critical === 'IMG-BLEED',
      at: new Date(r.at),
      studyUid: uid(c, `ct-st:${r.id}`),
      seriesUid: uid(c, `ct-se:${r.id}`),
    });
    series.forEach((s, i) => files.push({ request: r, bytes: s.bytes, fileName: `${r.accession}-${i + 1}.dcm` }));
  }
  if (files.length === 0) return;
  const studies = files.map((f) => {
    const inspected = f.inspected ?? inspectFile(f.bytes);
    if (!inspected) throw new Error(`remote seed: generated file ${f.fileName} is not a study`);
    return { ...f, inspected, sha: sha256Hex(f.bytes) };
  });
  const unique = new Map(studies.map((s) => [s.sha, s]));
  await trx
    .insertInto('remote_files')
    .values(
      [...unique.values()].map((s) => ({
        sha256: s.sha,
        county_id: c.county,
        mime: MIME_OF[s.inspected.format],
        size_bytes: s.bytes.byteLength,
        bytes: Buffer.from(s.bytes),
      })),
    )
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  await trx
    .insertInto('remote_studies')
    .values(
      studies.map((s) => ({
        county_id: c.county,
        request_id: s.request.id,
        uploaded_org_id: s.request.requesting_org_id,
        uploaded_by: s.request.requesting_staff_id,
        format: s.inspected.format,
        modality: s.inspected.modality,
        study_uid: s.inspected.studyUid,
        series_uid: s.inspected.seriesUid,
        sop_uid: s.inspected.sopUid,
        instance_number: s.inspected.instanceNumber,
        accession_in_file: s.inspected.accession,
        patient_id_in_file: s.inspected.patientId,
        patient_name: s.inspected.patientName,
        declared_charset: s.inspected.declaredCharset,
        meta: JSON.stringify(s.inspected.meta),
        sha256: s.sha,
        file_name: s.fileName,
        device_at: s.inspected.deviceAt ?? new Date(s.request.at),
        received_at: new Date(s.request.at),
      })),
    )
    .execute();
  // a kit ECG's reading points at its study
  await run(
    trx,
    `UPDATE kit_readings k SET study_id = s.id FROM remote_studies s
     WHERE k.county_id = ${c.county} AND k.request_id = s.request_id AND k.study_id IS NULL`,
  );
}
