/**
 * ECG paper geometry (issue 12 §2), pure so it can be tested: 25 mm/s, 10 mm/mV, 1 mm and 5 mm
 * squares. PX_PER_MM = 4 puts 10 s in 1000 CSS pixels. Two layouts: the standard 3×4 grid
 * (2.5 s per column) with a 10 s lead II rhythm strip, and every lead stacked over the whole
 * recording (also used for one-lead kit ECGs).
 */

export const PX_PER_MM = 4;
export const MM_PER_S = 25;
export const MM_PER_MV = 10;
export const PX_PER_S = PX_PER_MM * MM_PER_S;
export const PX_PER_MV = PX_PER_MM * MM_PER_MV;
export const LEFT_MM = 10;

export type EcgLayout = 'grid' | 'stack';

export interface Cell {
  lead: string;
  /** index into the waveform's leads */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** baseline (0 mV) y */
  baseline: number;
  /** the recording time at the cell's left edge (s) and how long the cell shows */
  t0: number;
  seconds: number;
}

const GRID: string[][] = [
  ['I', 'II', 'III'],
  ['aVR', 'aVL', 'aVF'],
  ['V1', 'V2', 'V3'],
  ['V4', 'V5', 'V6'],
];

export interface Geometry {
  width: number;
  height: number;
  cells: Cell[];
}

/** where each lead is drawn; the grid needs the 12 standard leads, else the leads are stacked */
export function layoutEcg(leadNames: string[], durationS: number, layout: EcgLayout): Geometry {
  const left = LEFT_MM * PX_PER_MM;
  const idx = new Map(leadNames.map((n, i) => [n, i]));
  const hasGrid = GRID.flat().every((n) => idx.has(n));
  if (layout === 'grid' && hasGrid) {
    const shown = Math.min(durationS, 10);
    const colS = shown / 4;
    const rowH = 30 * PX_PER_MM;
    const cells: Cell[] = [];
    GRID.forEach((col, c) =>
      col.forEach((lead, r) =>
        cells.push({
          lead,
          index: idx.get(lead) ?? 0,
          x: left + c * colS * PX_PER_S,
          y: r * rowH,
          width: colS * PX_PER_S,
          height: rowH,
          baseline: r * rowH + rowH / 2,
          t0: c * colS,
          seconds: colS,
        }),
      ),
    );
    const rhythm = idx.get('II') ?? 0;
    cells.push({
      lead: 'II',
      index: rhythm,
      x: left,
      y: 3 * rowH,
      width: shown * PX_PER_S,
      height: rowH,
      baseline: 3 * rowH + rowH / 2,
      t0: 0,
      seconds: shown,
    });
    return { width: left + shown * PX_PER_S + PX_PER_MM * 5, height: 4 * rowH, cells };
  }
  const rowH = 25 * PX_PER_MM;
  const cells = leadNames.map((lead, i) => ({
    lead,
    index: i,
    x: left,
    y: i * rowH,
    width: durationS * PX_PER_S,
    height: rowH,
    baseline: i * rowH + rowH / 2,
    t0: 0,
    seconds: durationS,
  }));
  return { width: left + durationS * PX_PER_S + PX_PER_MM * 5, height: Math.max(1, cells.length) * rowH, cells };
}

export interface CaliperPoint {
  cell: Cell;
  /** recording time (ms) */
  ms: number;
  /** the signal at that time (mV) */
  mv: number;
}

/** the clicked point: which lead cell, what time, the signal there; null outside the traces */
export function hitTest(
  g: Geometry,
  x: number,
  y: number,
  samplesOf: (index: number) => number[],
  rateHz: number,
): CaliperPoint | null {
  const cell = g.cells.find((c) => x >= c.x && x <= c.x + c.width && y >= c.y && y < c.y + c.height);
  if (!cell) return null;
  const s = cell.t0 + (x - cell.x) / PX_PER_S;
  const samples = samplesOf(cell.index);
  const k = Math.min(samples.length - 1, Math.max(0, Math.round(s * rateHz)));
  return { cell, ms: s * 1000, mv: (samples[k] ?? 0) / 1000 };
}

export interface CaliperReading {
  ms: number;
  bpm: number | null;
  mv: number;
}

/** the interval between two points, its rate (60000 / ms) and the amplitude difference */
export function caliper(a: CaliperPoint, b: CaliperPoint): CaliperReading {
  const ms = Math.round(Math.abs(b.ms - a.ms));
  return { ms, bpm: ms > 0 ? Math.round(60000 / ms) : null, mv: Math.round((b.mv - a.mv) * 100) / 100 };
}

/** x of a recording time inside a cell */
export const xOf = (cell: Cell, ms: number): number => cell.x + (ms / 1000 - cell.t0) * PX_PER_S;
