import { newDicomUid, writeDicomImage } from './dicom-write.ts';

/**
 * A tiny synthetic head-CT-like series (issue 12 fixtures and demo): ellipses of air, skull
 * (~1000 HU), brain (~35 HU), ventricles (~5 HU) and, optionally, a hyperdense bleed (~65 HU),
 * in Hounsfield units stored as signed 16-bit with rescale 1/0.
 */

export interface PhantomSlice {
  rows: number;
  cols: number;
  pixels: Int16Array;
  sliceLocation: number;
}

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

export function headPhantom(opts: { size?: number; slices?: number; bleed?: boolean } = {}): PhantomSlice[] {
  const size = opts.size ?? 128;
  const count = opts.slices ?? 8;
  const out: PhantomSlice[] = [];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5;
  for (let s = 0; s < count; s++) {
    // the head narrows towards the vertex
    const z = count === 1 ? 0.5 : s / (count - 1);
    const shrink = 1 - 0.35 * z * z;
    const c = size / 2;
    const rx = size * 0.38 * shrink;
    const ry = size * 0.46 * shrink;
    const pixels = new Int16Array(size * size);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        let hu = -1000;
        if (inEllipse(x, y, c, c, rx, ry)) {
          hu = 1000; // skull
          if (inEllipse(x, y, c, c, rx - size * 0.035, ry - size * 0.035)) {
            hu = 35 + (x < c ? 2 : 0); // brain (grey/white hint)
            const vx = size * 0.06 * shrink;
            const vy = size * 0.16 * shrink;
            if (z < 0.8 && (inEllipse(x, y, c - vx * 1.3, c, vx, vy) || inEllipse(x, y, c + vx * 1.3, c, vx, vy)))
              hu = 5; // lateral ventricles
            if (
              opts.bleed &&
              s >= 2 &&
              s <= 4 &&
              inEllipse(x, y, c + rx * 0.45, c - ry * 0.25, size * 0.07, size * 0.05)
            )
              hu = 65; // hyperdense haematoma
          }
        }
        pixels[y * size + x] = Math.round(hu + (hu > -1000 ? rand() * 8 : 0));
      }
    out.push({ rows: size, cols: size, pixels, sliceLocation: s * 5 });
  }
  return out;
}

/** the phantom as DICOM CT files of one study and series */
export function headCtSeries(c: {
  patientId: string;
  patientName?: string | Uint8Array;
  specificCharacterSet?: string;
  accession?: string;
  slices?: number;
  size?: number;
  bleed?: boolean;
  at?: Date;
  studyUid?: string;
  seriesUid?: string;
}): { sopUid: string; bytes: Uint8Array }[] {
  const studyUid = c.studyUid ?? newDicomUid();
  const seriesUid = c.seriesUid ?? newDicomUid();
  return headPhantom({ size: c.size, slices: c.slices, bleed: c.bleed }).map((sl, i) => {
    const sopUid = newDicomUid();
    return {
      sopUid,
      bytes: writeDicomImage({
        patientId: c.patientId,
        patientName: c.patientName,
        specificCharacterSet: c.specificCharacterSet,
        accession: c.accession,
        studyUid,
        seriesUid,
        sopUid,
        instanceNumber: i + 1,
        modality: 'CT',
        rows: sl.rows,
        cols: sl.cols,
        pixels: sl.pixels,
        windowCenter: 40,
        windowWidth: 80,
        sliceLocation: sl.sliceLocation,
        pixelSpacingMm: 1.8,
        at: c.at,
      }),
    };
  });
}
