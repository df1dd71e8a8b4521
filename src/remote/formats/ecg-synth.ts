/**
 * Synthetic ECGs for fixtures, demo data and tests (issue 12): P-QRS-T complexes drawn as sums of
 * Gaussians per lead, limb leads kept consistent by Einthoven (III = II − I, aVR/aVL/aVF from I
 * and II), a little baseline wander and noise from a seeded generator so the same input gives the
 * same samples. Values are microvolts.
 *
 * Patterns: normal sinus rhythm; inferior STEMI (ST elevation in II, III, aVF with reciprocal
 * depression in I and aVL, hyperacute T waves); atrial fibrillation (no P waves, irregularly
 * irregular RR, fibrillatory baseline); sinus bradycardia (at most 45/min).
 */

export type EcgPattern = 'normal' | 'inferior_stemi' | 'af' | 'brady';
export const LEADS_12 = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;

export interface SynthInput {
  leads: 1 | 12;
  seconds: number;
  sampleRateHz: number;
  heartRate: number;
  pattern: EcgPattern;
  /** seed of the noise (default 1) */
  seed?: number;
}

/** amplitudes (µV) of one lead's waves and its ST offset */
interface Shape {
  p: number;
  q: number;
  r: number;
  s: number;
  t: number;
  st: number;
}

const BASE: Record<'I' | 'II' | 'V1' | 'V2' | 'V3' | 'V4' | 'V5' | 'V6', Shape> = {
  I: { p: 80, q: -40, r: 700, s: -100, t: 200, st: 0 },
  II: { p: 150, q: -70, r: 1100, s: -200, t: 300, st: 0 },
  V1: { p: 60, q: 0, r: 200, s: -900, t: -60, st: 0 },
  V2: { p: 70, q: 0, r: 400, s: -1200, t: 400, st: 20 },
  V3: { p: 80, q: 0, r: 700, s: -700, t: 450, st: 20 },
  V4: { p: 90, q: -50, r: 1200, s: -400, t: 400, st: 0 },
  V5: { p: 90, q: -70, r: 1100, s: -200, t: 350, st: 0 },
  V6: { p: 80, q: -60, r: 900, s: -100, t: 300, st: 0 },
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const g = (x: number, mu: number, sd: number): number => Math.exp(-((x - mu) ** 2) / (2 * sd * sd));
/** a smooth 0→1→0 plateau between a and b (the ST segment into the T wave) */
const plateau = (x: number, a: number, b: number): number =>
  1 / (1 + Math.exp(-(x - a) / 0.006)) - 1 / (1 + Math.exp(-(x - b) / 0.02));

/** one complex at time x seconds after the beat's onset; QT shortens a little with rate (Bazett-like) */
function beat(x: number, sh: Shape, rr: number, withP: boolean): number {
  const qt = 0.4 * Math.sqrt(Math.min(Math.max(rr, 0.4), 1.6));
  const qrs = 0.2;
  let v = 0;
  if (withP) v += sh.p * g(x, 0.09, 0.022);
  v += sh.q * g(x, qrs - 0.018, 0.008);
  v += sh.r * g(x, qrs, 0.01);
  v += sh.s * g(x, qrs + 0.022, 0.009);
  const tPeak = qrs - 0.02 + qt - 0.09;
  v += sh.t * g(x, tPeak, 0.045);
  v += sh.st * plateau(x, qrs + 0.04, tPeak);
  return v;
}

function shapesFor(pattern: EcgPattern): Record<string, Shape> {
  const base: Record<string, Shape> = Object.fromEntries(Object.entries(BASE).map(([k, s]) => [k, { ...s }]));
  if (pattern === 'inferior_stemi') {
    // lead I and II get ST shifts chosen so that, through Einthoven, III and aVF rise most and
    // aVL falls: I −100, II +200 → III +300, aVF +250, aVL −200, aVR −50 (µV)
    base.I = { ...base.I, st: -100, t: 60 };
    base.II = { ...base.II, st: 200, t: 550, q: -250 };
    base.V2 = { ...base.V2, st: -80 };
    base.V3 = { ...base.V3, st: -50 };
  }
  if (pattern === 'af') for (const s of Object.values(base)) s.p = 0;
  return base;
}

/** limb lead k from leads I and II (Einthoven, Goldberger) */
function derive(name: string, i: number, ii: number): number {
  switch (name) {
    case 'I':
      return i;
    case 'II':
      return ii;
    case 'III':
      return ii - i;
    case 'aVR':
      return -(i + ii) / 2;
    case 'aVL':
      return i - ii / 2;
    case 'aVF':
      return ii - i / 2;
    default:
      return 0;
  }
}

export function synthEcg(input: SynthInput): { name: string; samplesUv: number[] }[] {
  const { seconds, sampleRateHz, pattern } = input;
  const rand = mulberry32(input.seed ?? 1);
  const rate = pattern === 'brady' ? Math.min(input.heartRate, 45) : input.heartRate;
  const meanRr = 60 / Math.max(20, Math.min(rate, 300));
  // beat onsets: regular for sinus rhythms, irregularly irregular (±30%) for AF
  const onsets: number[] = [];
  const rrs: number[] = [];
  for (let t = -meanRr * rand(); t < seconds;) {
    const rr = pattern === 'af' ? meanRr * (0.7 + 0.6 * rand()) : meanRr * (0.98 + 0.04 * rand());
    onsets.push(t);
    rrs.push(rr);
    t += rr;
  }
  const n = Math.round(seconds * sampleRateHz);
  const shapes = shapesFor(pattern);
  const names: string[] = input.leads === 1 ? ['II'] : [...LEADS_12];
  const wanderPhase = rand() * Math.PI * 2;
  const fPhase = rand() * Math.PI * 2;
  const lead = (sh: Shape) => {
    const out = new Float64Array(n);
    let b = 0;
    for (let k = 0; k < n; k++) {
      const t = k / sampleRateHz;
      while (b + 1 < onsets.length && onsets[b + 1] <= t) b++;
      let v = beat(t - onsets[b], sh, rrs[b], pattern !== 'af');
      if (b > 0) v += beat(t - onsets[b - 1], sh, rrs[b - 1], pattern !== 'af');
      out[k] = v;
    }
    return out;
  };
  const i = lead(shapes.I);
  const ii = lead(shapes.II);
  return names.map((name, idx) => {
    const own = name.startsWith('V') ? lead(shapes[name]) : null;
    const samplesUv: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const t = k / sampleRateHz;
      let v = own ? own[k] : derive(name, i[k], ii[k]);
      v += 40 * Math.sin(2 * Math.PI * 0.25 * t + wanderPhase + idx); // respiration wander
      if (pattern === 'af') v += 45 * Math.sin(2 * Math.PI * 6.3 * t + fPhase + idx * 0.7) * (0.6 + 0.4 * rand());
      v += (rand() - 0.5) * 16; // noise
      samplesUv[k] = Math.round(v) || 0;
    }
    return { name, samplesUv };
  });
}
