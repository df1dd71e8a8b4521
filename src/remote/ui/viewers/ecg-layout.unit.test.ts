import { describe, expect, it } from 'vitest';
import { caliper, hitTest, layoutEcg, PX_PER_MM, PX_PER_S } from './ecg-layout.ts';

const LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

describe('ECG paper and calipers', () => {
  it('25 mm/s: 10 s of rhythm strip is 250 mm; the grid has 12 cells and a lead II strip', () => {
    const g = layoutEcg(LEADS, 10, 'grid');
    expect(g.cells).toHaveLength(13);
    const strip = g.cells[12];
    expect(strip.lead).toBe('II');
    expect(strip.width).toBe(250 * PX_PER_MM);
    expect(g.cells.find((c) => c.lead === 'V4')?.t0).toBe(7.5);
  });

  it('two clicks 10 mm apart on a lead read 400 ms and 150 bpm; amplitude from the signal', () => {
    const g = layoutEcg(['II'], 4, 'stack');
    const samples = Array.from({ length: 2000 }, (_, k) => (k === 600 ? 1500 : 0)); // 500 Hz
    const c = g.cells[0];
    const a = hitTest(g, c.x + 0.1 * PX_PER_S, c.baseline, () => samples, 500);
    const b = hitTest(g, c.x + 0.1 * PX_PER_S + 10 * PX_PER_MM, c.baseline, () => samples, 500);
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    expect(caliper(a, b)).toEqual({ ms: 400, bpm: 150, mv: 0 });
    const peak = hitTest(g, c.x + 1.2 * PX_PER_S, c.baseline, () => samples, 500);
    if (!peak) throw new Error('no hit');
    expect(caliper(a, peak).mv).toBe(1.5);
    expect(hitTest(g, 1, c.baseline, () => samples, 500)).toBeNull(); // the margin is not a trace
  });

  it('without the 12 standard leads the grid falls back to stacked leads', () => {
    expect(layoutEcg(['II'], 10, 'grid').cells).toHaveLength(1);
  });
});
