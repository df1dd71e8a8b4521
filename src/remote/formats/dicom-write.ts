import iconv from 'iconv-lite';

/**
 * A minimal DICOM Part 10 writer (explicit VR little endian, 1.2.840.10008.1.2.1) for fixtures,
 * demo data and tests (issue 12): single-frame greyscale images (CT/DR/US), ECG waveforms
 * (12-lead ECG Waveform Storage) and single-frame images with encapsulated (compressed) pixel
 * data such as JPEG baseline. Sequences and items have defined lengths.
 */

export const TS_EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const TS_JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
export const SOP_US = '1.2.840.10008.5.1.4.1.1.6.1';
export const SOP_CT = '1.2.840.10008.5.1.4.1.1.2';
export const SOP_ECG_12 = '1.2.840.10008.5.1.4.1.1.9.1.1';
export const SOP_ECG_GENERAL = '1.2.840.10008.5.1.4.1.1.9.1.2';
const IMPLEMENTATION_UID = '1.2.156.112605.1.1';

type Vr = 'AE' | 'CS' | 'DA' | 'DS' | 'IS' | 'LO' | 'PN' | 'SH' | 'TM' | 'UI' | 'US' | 'UL' | 'OB' | 'OW' | 'SQ' | 'LT';
const LONG_VR = new Set<Vr>(['OB', 'OW', 'SQ']);

interface El {
  tag: number;
  vr: Vr;
  value: Uint8Array;
}

const ascii = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
};

function padded(vr: Vr, v: Uint8Array): Uint8Array {
  if (v.byteLength % 2 === 0) return v;
  const out = new Uint8Array(v.byteLength + 1);
  out.set(v);
  out[v.byteLength] = vr === 'UI' || vr === 'OB' ? 0 : 0x20;
  return out;
}

function encodeEl(e: El): Uint8Array {
  const value = padded(e.vr, e.value);
  const long = LONG_VR.has(e.vr);
  const head = new Uint8Array(long ? 12 : 8);
  const dv = new DataView(head.buffer);
  dv.setUint16(0, e.tag >>> 16, true);
  dv.setUint16(2, e.tag & 0xffff, true);
  head[4] = e.vr.charCodeAt(0);
  head[5] = e.vr.charCodeAt(1);
  if (long) dv.setUint32(8, value.byteLength, true);
  else dv.setUint16(6, value.byteLength, true);
  return concat([head, value]);
}

const encodeSet = (els: El[]): Uint8Array => concat([...els].sort((a, b) => a.tag - b.tag).map(encodeEl));

const str = (tag: number, vr: Vr, s: string | undefined | null): El[] =>
  s === undefined || s === null ? [] : [{ tag, vr, value: ascii(s) }];
const us = (tag: number, ...n: number[]): El => {
  const b = new Uint8Array(n.length * 2);
  n.forEach((x, i) => new DataView(b.buffer).setUint16(i * 2, x, true));
  return { tag, vr: 'US', value: b };
};
const ul = (tag: number, n: number): El => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return { tag, vr: 'UL', value: b };
};
/** a sequence of items, each a data set (defined lengths) */
function sq(tag: number, items: El[][]): El {
  const parts = items.map((it) => {
    const body = encodeSet(it);
    const h = new Uint8Array(8);
    const dv = new DataView(h.buffer);
    dv.setUint16(0, 0xfffe, true);
    dv.setUint16(2, 0xe000, true);
    dv.setUint32(4, body.byteLength, true);
    return concat([h, body]);
  });
  return { tag, vr: 'SQ', value: concat(parts) };
}

/** DS: decimal string, at most 16 characters */
const ds = (n: number): string => {
  const s = String(Math.round(n * 1e6) / 1e6);
  return s.length <= 16 ? s : n.toPrecision(10);
};

/** the patient's name as the file carries it: raw bytes as given, or the string in the declared charset */
export function encodeName(name: string | Uint8Array, charset: string | undefined): Uint8Array {
  if (typeof name !== 'string') return name;
  const cs = (charset ?? '').toUpperCase();
  if (cs.includes('GB18030') || cs.includes('GBK')) return Uint8Array.from(iconv.encode(name, 'gb18030'));
  if (cs.includes('ISO_IR 100') && [...name].every((ch) => ch.charCodeAt(0) <= 0xff)) return ascii(name);
  return Uint8Array.from(Buffer.from(name, 'utf8'));
}

function fileOf(
  sopClass: string,
  sopUid: string,
  dataset: El[],
  ts = TS_EXPLICIT_LE,
  tail: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const meta = encodeSet([
    { tag: 0x00020001, vr: 'OB', value: Uint8Array.from([0, 1]) },
    ...str(0x00020002, 'UI', sopClass),
    ...str(0x00020003, 'UI', sopUid),
    ...str(0x00020010, 'UI', ts),
    ...str(0x00020012, 'UI', IMPLEMENTATION_UID),
  ]);
  const groupLength = encodeEl(ul(0x00020000, meta.byteLength));
  return concat([new Uint8Array(128), ascii('DICM'), groupLength, meta, encodeSet(dataset), tail]);
}

const itemTag = (elem: number, length: number): Uint8Array => {
  const h = new Uint8Array(8);
  const dv = new DataView(h.buffer);
  dv.setUint16(0, 0xfffe, true);
  dv.setUint16(2, elem, true);
  dv.setUint32(4, length, true);
  return h;
};

/**
 * (7FE0,0010) as encapsulated pixel data: OB of undefined length, an empty basic offset table
 * item, one fragment per frame (padded to even length) and the sequence delimiter
 */
function encapsulatedPixelData(frames: Uint8Array[]): Uint8Array {
  const head = new Uint8Array(12);
  const dv = new DataView(head.buffer);
  dv.setUint16(0, 0x7fe0, true);
  dv.setUint16(2, 0x0010, true);
  head[4] = 0x4f; // O
  head[5] = 0x42; // B
  dv.setUint32(8, 0xffffffff, true);
  const fragments = frames.map((f) => padded('OB', f)).flatMap((f) => [itemTag(0xe000, f.byteLength), f]);
  return concat([head, itemTag(0xe000, 0), ...fragments, itemTag(0xe0dd, 0)]);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** DICOM DA and TM in China Standard Time */
function daTm(d: Date): { da: string; tm: string } {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return {
    da: `${t.getUTCFullYear()}${pad2(t.getUTCMonth() + 1)}${pad2(t.getUTCDate())}`,
    tm: `${pad2(t.getUTCHours())}${pad2(t.getUTCMinutes())}${pad2(t.getUTCSeconds())}`,
  };
}

interface Common {
  patientId: string;
  /** a string (encoded in the declared charset) or the raw bytes to write as they are */
  patientName?: string | Uint8Array;
  /** (0008,0005); omitted when undefined */
  specificCharacterSet?: string;
  accession?: string;
  studyUid: string;
  seriesUid: string;
  sopUid: string;
  instanceNumber?: number;
  modality?: string;
  /** study/acquisition time (default: 2026-01-01) */
  at?: Date;
  deviceId?: string;
  manufacturer?: string;
  sex?: 'M' | 'F' | 'O';
  birthDate?: string;
}

function commonEls(c: Common, sopClass: string, modality: string): El[] {
  const { da, tm } = daTm(c.at ?? new Date('2026-01-01T00:00:00Z'));
  return [
    ...str(0x00080005, 'CS', c.specificCharacterSet),
    ...str(0x00080016, 'UI', sopClass),
    ...str(0x00080018, 'UI', c.sopUid),
    ...str(0x00080020, 'DA', da),
    ...str(0x00080030, 'TM', tm),
    ...str(0x00080023, 'DA', da),
    ...str(0x00080033, 'TM', tm),
    ...str(0x00080050, 'SH', c.accession ?? ''),
    ...str(0x00080060, 'CS', c.modality ?? modality),
    ...str(0x00080070, 'LO', c.manufacturer ?? 'OneCounty Demo'),
    ...(c.patientName !== undefined
      ? [{ tag: 0x00100010, vr: 'PN' as Vr, value: encodeName(c.patientName, c.specificCharacterSet) }]
      : []),
    ...str(0x00100020, 'LO', c.patientId),
    ...str(0x00100030, 'DA', c.birthDate),
    ...str(0x00100040, 'CS', c.sex),
    ...str(0x00181000, 'LO', c.deviceId),
    ...str(0x0020000d, 'UI', c.studyUid),
    ...str(0x0020000e, 'UI', c.seriesUid),
    ...str(0x00200013, 'IS', String(c.instanceNumber ?? 1)),
  ];
}

export interface DicomImageInput extends Common {
  rows: number;
  cols: number;
  /** stored values, signed 16-bit, row by row */
  pixels: Int16Array;
  windowCenter: number;
  windowWidth: number;
  rescaleIntercept?: number;
  rescaleSlope?: number;
  pixelSpacingMm?: number;
  sliceLocation?: number;
  sliceThicknessMm?: number;
  sopClassUid?: string;
}

export function writeDicomImage(i: DicomImageInput): Uint8Array {
  if (i.pixels.length !== i.rows * i.cols) throw new Error('pixels must be rows × cols');
  const sopClass = i.sopClassUid ?? SOP_CT;
  const px = new Uint8Array(i.pixels.buffer.slice(i.pixels.byteOffset, i.pixels.byteOffset + i.pixels.byteLength));
  const spacing = ds(i.pixelSpacingMm ?? 1);
  const els: El[] = [
    ...commonEls(i, sopClass, 'CT'),
    ...str(0x00180050, 'DS', ds(i.sliceThicknessMm ?? 5)),
    ...str(0x00200032, 'DS', `0\\0\\${ds(i.sliceLocation ?? 0)}`),
    ...str(0x00200037, 'DS', '1\\0\\0\\0\\1\\0'),
    ...str(0x00201041, 'DS', ds(i.sliceLocation ?? 0)),
    us(0x00280002, 1),
    ...str(0x00280004, 'CS', 'MONOCHROME2'),
    us(0x00280010, i.rows),
    us(0x00280011, i.cols),
    ...str(0x00280030, 'DS', `${spacing}\\${spacing}`),
    us(0x00280100, 16),
    us(0x00280101, 16),
    us(0x00280102, 15),
    us(0x00280103, 1),
    ...str(0x00281050, 'DS', ds(i.windowCenter)),
    ...str(0x00281051, 'DS', ds(i.windowWidth)),
    ...str(0x00281052, 'DS', ds(i.rescaleIntercept ?? 0)),
    ...str(0x00281053, 'DS', ds(i.rescaleSlope ?? 1)),
    { tag: 0x7fe00010, vr: 'OW', value: px },
  ];
  return fileOf(sopClass, i.sopUid, els);
}

export interface DicomEncapsulatedInput extends Common {
  rows: number;
  cols: number;
  /** e.g. TS_JPEG_BASELINE */
  transferSyntax: string;
  /** the compressed frame, e.g. a whole JPEG file */
  frame: Uint8Array;
  samplesPerPixel: 1 | 3;
  /** e.g. MONOCHROME2, YBR_FULL_422, YBR_FULL, RGB */
  photometric: string;
  bitsAllocated: 8 | 16;
  sopClassUid?: string;
  windowCenter?: number;
  windowWidth?: number;
}

/** a single-frame image whose pixel data is compressed (encapsulated), as ultrasound and DR devices send */
export function writeDicomEncapsulated(i: DicomEncapsulatedInput): Uint8Array {
  const sopClass = i.sopClassUid ?? SOP_US;
  const els: El[] = [
    ...commonEls(i, sopClass, 'US'),
    us(0x00280002, i.samplesPerPixel),
    ...str(0x00280004, 'CS', i.photometric),
    ...(i.samplesPerPixel === 3 ? [us(0x00280006, 0)] : []),
    us(0x00280010, i.rows),
    us(0x00280011, i.cols),
    us(0x00280100, i.bitsAllocated),
    us(0x00280101, i.bitsAllocated),
    us(0x00280102, i.bitsAllocated - 1),
    us(0x00280103, 0),
    ...(i.windowCenter !== undefined ? str(0x00281050, 'DS', ds(i.windowCenter)) : []),
    ...(i.windowWidth !== undefined ? str(0x00281051, 'DS', ds(i.windowWidth)) : []),
  ];
  return fileOf(sopClass, i.sopUid, els, i.transferSyntax, encapsulatedPixelData([i.frame]));
}

/** SCP-ECG lead codes (DICOM CID 3001) */
export const SCPECG_CODES: Record<string, string> = {
  I: '5.6.3-9-1',
  II: '5.6.3-9-2',
  V1: '5.6.3-9-3',
  V2: '5.6.3-9-4',
  V3: '5.6.3-9-5',
  V4: '5.6.3-9-6',
  V5: '5.6.3-9-7',
  V6: '5.6.3-9-8',
  III: '5.6.3-9-61',
  aVR: '5.6.3-9-62',
  aVL: '5.6.3-9-63',
  aVF: '5.6.3-9-64',
};

export interface DicomEcgInput extends Common {
  leads: { name: string; samplesUv: number[] }[];
  sampleRateHz: number;
  /** µV per stored unit (default 2.5, a common device resolution) */
  sensitivityUv?: number;
}

export function writeDicomEcg(e: DicomEcgInput): Uint8Array {
  const sopClass = e.leads.length === 12 ? SOP_ECG_12 : SOP_ECG_GENERAL;
  const n = Math.max(...e.leads.map((l) => l.samplesUv.length));
  const sens = e.sensitivityUv ?? 2.5;
  const data = new Uint8Array(n * e.leads.length * 2);
  const dv = new DataView(data.buffer);
  for (let k = 0; k < n; k++)
    e.leads.forEach((l, c) => {
      const v = Math.max(-32768, Math.min(32767, Math.round((l.samplesUv[k] ?? 0) / sens)));
      dv.setInt16((k * e.leads.length + c) * 2, v, true);
    });
  const channels = e.leads.map((l, c) => [
    ...str(0x003a0202, 'IS', String(c + 1)),
    sq(0x003a0208, [
      [
        ...str(0x00080100, 'SH', SCPECG_CODES[l.name] ?? l.name),
        ...str(0x00080102, 'SH', 'SCPECG'),
        ...str(0x00080104, 'LO', `Lead ${l.name}`),
      ],
    ]),
    ...str(0x003a0210, 'DS', ds(sens)),
    sq(0x003a0211, [
      [...str(0x00080100, 'SH', 'uV'), ...str(0x00080102, 'SH', 'UCUM'), ...str(0x00080104, 'LO', 'microvolt')],
    ]),
    ...str(0x003a0212, 'DS', '1'),
    ...str(0x003a0213, 'DS', '0'),
    ...str(0x003a0214, 'DS', '0'),
    us(0x003a021a, 16),
  ]);
  const waveform = sq(0x54000100, [
    [
      ...str(0x003a0004, 'CS', 'ORIGINAL'),
      us(0x003a0005, e.leads.length),
      ul(0x003a0010, n),
      ...str(0x003a001a, 'DS', ds(e.sampleRateHz)),
      ...str(0x003a0020, 'SH', 'RHYTHM'),
      sq(0x003a0200, channels),
      us(0x54001004, 16),
      ...str(0x54001006, 'CS', 'SS'),
      { tag: 0x54001010, vr: 'OW', value: data },
    ],
  ]);
  const els: El[] = [...commonEls(e, sopClass, 'ECG'), waveform];
  return fileOf(sopClass, e.sopUid, els);
}

/** a fresh DICOM UID under the 2.25 (UUID) root */
export const newDicomUid = (): string => `2.25.${BigInt(`0x${crypto.randomUUID().replace(/-/g, '')}`).toString()}`;
