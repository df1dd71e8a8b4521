import dicomParser from 'dicom-parser';

/**
 * Pixels and waveforms out of uncompressed DICOM (explicit or implicit VR little endian); used on
 * the server (waveform route) and in the browser (image viewer). No Node-only imports here.
 */

export interface DicomFrame {
  rows: number;
  cols: number;
  /** modality values (stored × slope + intercept), e.g. Hounsfield units for CT */
  values: Float32Array;
  windowCenter: number | null;
  windowWidth: number | null;
  instanceNumber: number | null;
  sliceLocation: number | null;
  pixelSpacingMm: number | null;
  monochrome1: boolean;
}

export interface Waveform {
  sampleRateHz: number;
  leads: { name: string; samplesUv: number[] }[];
}

const COMPRESSED = /^1\.2\.840\.10008\.1\.2\.4\.|^1\.2\.840\.10008\.1\.2\.5$/;

export function parseDicom(bytes: Uint8Array): dicomParser.DataSet {
  return dicomParser.parseDicom(bytes);
}

const num = (ds: dicomParser.DataSet, tag: string): number | null => {
  const v = ds.floatString(tag);
  return v === undefined || Number.isNaN(v) ? null : v;
};

export function dicomFrame(bytes: Uint8Array): DicomFrame {
  const ds = parseDicom(bytes);
  const ts = ds.string('x00020010') ?? '';
  if (COMPRESSED.test(ts)) throw new Error(`compressed transfer syntax ${ts} is not supported by the viewer`);
  const rows = ds.uint16('x00280010') ?? 0;
  const cols = ds.uint16('x00280011') ?? 0;
  const bits = ds.uint16('x00280100') ?? 16;
  const signed = (ds.uint16('x00280103') ?? 0) === 1;
  const spp = ds.uint16('x00280002') ?? 1;
  const el = ds.elements.x7fe00010;
  if (!el || !rows || !cols) throw new Error('no pixel data');
  const slope = num(ds, 'x00281053') ?? 1;
  const intercept = num(ds, 'x00281052') ?? 0;
  const n = rows * cols;
  const values = new Float32Array(n);
  const dv = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + el.dataOffset, el.length);
  for (let i = 0; i < n; i++) {
    let v: number;
    if (bits === 8) v = dv.getUint8(i * spp);
    else v = signed ? dv.getInt16(i * 2, true) : dv.getUint16(i * 2, true);
    values[i] = v * slope + intercept;
  }
  return {
    rows,
    cols,
    values,
    windowCenter: num(ds, 'x00281050'),
    windowWidth: num(ds, 'x00281051'),
    instanceNumber: ds.intString('x00200013') ?? null,
    sliceLocation: num(ds, 'x00201041'),
    pixelSpacingMm: num(ds, 'x00280030'),
    monochrome1: (ds.string('x00280004') ?? '') === 'MONOCHROME1',
  };
}

const SCP_NAMES: Record<string, string> = {
  '5.6.3-9-1': 'I',
  '5.6.3-9-2': 'II',
  '5.6.3-9-3': 'V1',
  '5.6.3-9-4': 'V2',
  '5.6.3-9-5': 'V3',
  '5.6.3-9-6': 'V4',
  '5.6.3-9-7': 'V5',
  '5.6.3-9-8': 'V6',
  '5.6.3-9-61': 'III',
  '5.6.3-9-62': 'aVR',
  '5.6.3-9-63': 'aVL',
  '5.6.3-9-64': 'aVF',
};
const UNIT_UV: Record<string, number> = { uV: 1, mV: 1000, V: 1e6 };

/** the lead name of a channel: the SCP-ECG code, else the meaning ("Lead II" → "II") */
function channelName(ch: dicomParser.DataSet, i: number): string {
  const src = ch.elements.x003a0208?.items?.[0]?.dataSet;
  const code = src?.string('x00080100') ?? '';
  if (SCP_NAMES[code]) return SCP_NAMES[code];
  const meaning = (src?.string('x00080104') ?? '').replace(/^lead\s+/i, '').trim();
  return meaning || `CH${i + 1}`;
}

/** the first multiplex group of a DICOM ECG, in µV */
export function dicomWaveform(bytes: Uint8Array): Waveform {
  const ds = parseDicom(bytes);
  const group = ds.elements.x54000100?.items?.[0]?.dataSet;
  if (!group) throw new Error('no waveform sequence');
  const nch = group.uint16('x003a0005') ?? 0;
  const ns = group.uint32('x003a0010') ?? 0;
  const rate = group.floatString('x003a001a') ?? 0;
  const bits = group.uint16('x54001004') ?? 16;
  const interp = group.string('x54001006') ?? 'SS';
  const data = group.elements.x54001010;
  if (!data || !nch || !ns || bits !== 16) throw new Error('unsupported waveform data');
  const dv = new DataView(group.byteArray.buffer, group.byteArray.byteOffset + data.dataOffset, data.length);
  const defs = group.elements.x003a0200?.items ?? [];
  const leads = Array.from({ length: nch }, (_, c) => {
    const ch = defs[c]?.dataSet;
    const sens = ch?.floatString('x003a0210') ?? 1;
    const corr = ch?.floatString('x003a0212') ?? 1;
    const base = ch?.floatString('x003a0213') ?? 0;
    const unit = ch?.elements.x003a0211?.items?.[0]?.dataSet?.string('x00080100') ?? 'uV';
    const k = sens * corr * (UNIT_UV[unit] ?? 1);
    const samplesUv = new Array<number>(ns);
    for (let s = 0; s < ns; s++) {
      const off = (s * nch + c) * 2;
      const raw = interp === 'US' ? dv.getUint16(off, true) : dv.getInt16(off, true);
      samplesUv[s] = Math.round((raw * k + base * (UNIT_UV[unit] ?? 1)) * 100) / 100;
    }
    return { name: ch ? channelName(ch, c) : `CH${c + 1}`, samplesUv };
  });
  return { sampleRateHz: rate, leads };
}
