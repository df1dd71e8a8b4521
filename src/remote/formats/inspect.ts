import { looksLikeAecg, parseAecg } from './aecg.ts';
import { decodeDicomText, displayPersonName } from './charset.ts';
import { parseDicom } from './dicom-pixels.ts';

/**
 * What a study file is and what its header says (issue 12 §2), decided by the bytes, never the
 * name: DICOM Part 10 ("DICM" at offset 128), HL7 aECG XML (an AnnotatedECG root), PDF, JPEG,
 * PNG. Anything else is null (refused by the caller). Server-side (uses iconv through charset.ts).
 */

export type StudyFormat = 'dicom' | 'aecg' | 'pdf' | 'jpeg' | 'png';

export const MIME_OF: Record<StudyFormat, string> = {
  dicom: 'application/dicom',
  aecg: 'application/xml',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export interface Inspected {
  format: StudyFormat;
  modality: string | null;
  studyUid: string | null;
  seriesUid: string | null;
  sopUid: string | null;
  instanceNumber: number | null;
  accession: string | null;
  patientId: string | null;
  patientName: string | null;
  declaredCharset: string | null;
  /** when the device says the study was made */
  deviceAt: Date | null;
  /** what the parser found; never the samples or pixels */
  meta: Record<string, unknown>;
}

export function detectFormat(b: Uint8Array): StudyFormat | null {
  if (b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return 'dicom';
  if (b.length >= 5 && Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'png';
  if (looksLikeAecg(b)) return 'aecg';
  return null;
}

const clip = (s: string | null | undefined, n = 64): string | null => {
  const t = (s ?? '').replace(/\0/g, '').trim();
  return t ? t.slice(0, n) : null;
};

/** DICOM DA + TM, read as China Standard Time */
function dicomDateTime(da: string | undefined, tm: string | undefined): Date | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec((da ?? '').trim());
  if (!d) return null;
  const t = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?/.exec((tm ?? '').trim()) ?? [];
  const ms = Date.UTC(+d[1], +d[2] - 1, +d[3], +(t[1] ?? 0), +(t[2] ?? 0), +(t[3] ?? 0)) - 8 * 3600_000;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

function inspectDicom(bytes: Uint8Array): Inspected {
  const ds = parseDicom(bytes);
  const charset = clip(ds.string('x00080005'));
  const nameEl = ds.elements.x00100010;
  let patientName: string | null = null;
  if (nameEl && nameEl.length > 0) {
    const raw = ds.byteArray.subarray(nameEl.dataOffset, nameEl.dataOffset + nameEl.length);
    patientName = clip(displayPersonName(decodeDicomText(raw, charset)), 100);
  }
  const meta: Record<string, unknown> = {
    sopClassUid: clip(ds.string('x00080016')),
    transferSyntax: clip(ds.string('x00020010')),
  };
  const rows = ds.uint16('x00280010');
  if (rows) {
    Object.assign(meta, {
      rows,
      cols: ds.uint16('x00280011') ?? null,
      windowCenter: ds.floatString('x00281050') ?? null,
      windowWidth: ds.floatString('x00281051') ?? null,
      sliceLocation: ds.floatString('x00201041') ?? null,
      frames: ds.intString('x00280008') ?? 1,
    });
  }
  const wave = ds.elements.x54000100?.items?.[0]?.dataSet;
  if (wave) {
    const rate = wave.floatString('x003a001a') ?? 0;
    const samples = wave.uint32('x003a0010') ?? 0;
    Object.assign(meta, {
      waveform: true,
      channels: wave.uint16('x003a0005') ?? 0,
      sampleRateHz: rate,
      seconds: rate ? Math.round((samples / rate) * 100) / 100 : null,
    });
  }
  const seriesDesc = clip(ds.string('x0008103e'));
  if (seriesDesc) meta.seriesDescription = seriesDesc;
  const device = clip(ds.string('x00181000'));
  if (device) meta.deviceId = device;
  return {
    format: 'dicom',
    modality: clip(ds.string('x00080060'), 16),
    studyUid: clip(ds.string('x0020000d')),
    seriesUid: clip(ds.string('x0020000e')),
    sopUid: clip(ds.string('x00080018') ?? ds.string('x00020003')),
    instanceNumber: ds.intString('x00200013') ?? null,
    accession: clip(ds.string('x00080050')),
    patientId: clip(ds.string('x00100020')),
    patientName,
    declaredCharset: charset,
    deviceAt:
      dicomDateTime(ds.string('x00080023'), ds.string('x00080033')) ??
      dicomDateTime(ds.string('x00080020'), ds.string('x00080030')),
    meta,
  };
}

function inspectAecg(bytes: Uint8Array): Inspected {
  const p = parseAecg(bytes);
  const samples = Math.max(0, ...p.leads.map((l) => l.samplesUv.length));
  return {
    format: 'aecg',
    modality: 'ECG',
    studyUid: null,
    seriesUid: null,
    sopUid: clip(p.uid),
    instanceNumber: null,
    accession: clip(p.accession),
    patientId: clip(p.patientId),
    patientName: clip(p.patientName, 100),
    declaredCharset: 'UTF-8',
    deviceAt: p.start,
    meta: {
      waveform: true,
      channels: p.leads.length,
      leads: p.leads.map((l) => l.name),
      sampleRateHz: p.sampleRateHz,
      seconds: p.sampleRateHz ? Math.round((samples / p.sampleRateHz) * 100) / 100 : null,
      ...(p.deviceId ? { deviceId: p.deviceId } : {}),
    },
  };
}

const blank = (format: StudyFormat): Inspected => ({
  format,
  modality: null,
  studyUid: null,
  seriesUid: null,
  sopUid: null,
  instanceNumber: null,
  accession: null,
  patientId: null,
  patientName: null,
  declaredCharset: null,
  deviceAt: null,
  meta: {},
});

/** null = not a format we take; throws when the format is recognised but the file is broken */
export function inspectFile(bytes: Uint8Array): Inspected | null {
  const format = detectFormat(bytes);
  if (format === 'dicom') return inspectDicom(bytes);
  if (format === 'aecg') return inspectAecg(bytes);
  return format ? blank(format) : null;
}
