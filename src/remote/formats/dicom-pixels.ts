import dicomParser from 'dicom-parser';

/**
 * DICOM parsing and waveforms (explicit or implicit VR little endian, any pixel encoding: the
 * image pixels themselves, compressed or not, are decoded in the browser by dwv); used on the
 * server (ingest, waveform route). No Node-only imports here.
 */

export interface Waveform {
  sampleRateHz: number;
  leads: { name: string; samplesUv: number[] }[];
}

export function parseDicom(bytes: Uint8Array): dicomParser.DataSet {
  return dicomParser.parseDicom(bytes);
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
