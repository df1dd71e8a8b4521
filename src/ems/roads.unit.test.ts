import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  buildRoadGraph,
  haversineM,
  nearestNode,
  route,
  routeMinutes,
  travelTimes,
  type RoadEdgeRow,
  type RoadNodeRow,
} from './roads.ts';

const node = (id: number, lat: number, lng: number, kind: RoadNodeRow['kind'] = 'junction'): RoadNodeRow => ({
  id,
  lat,
  lng,
  kind,
  orgId: kind === 'junction' ? null : id * 10,
  name: null,
});
const edge = (a: number, b: number, roadClass: RoadEdgeRow['roadClass'], lengthM: number, speedKmh: number) => ({
  fromNode: a,
  toNode: b,
  roadClass,
  lengthM,
  speedKmh,
});

/**
 * Worked by hand (speeds chosen so m/s are round: 72 km/h = 20 m/s, 36 = 10, 18 = 5):
 *
 *        C ─────────── county 6000 m @36 = 600 s
 *      ╱ │                                     ╲
 *  national 6000 @72   mountain 4000 @18          ╲
 *   = 300 s  │          = 800 s                    ╲
 *    ╱       │                                      ╲
 *   A ── mountain 5000 @18 = 1000 s ── B ── mountain 5000 @18 = 1000 s ── D (village)
 *    ╲                                                                    │ village 4000 @18 = 800 s
 *   national 6000 @72 = 300 s                                             │
 *      E ──────────────── township 4500 @36 = 450 s ──────────────────── F (village)
 *
 *  G stands alone (no road).
 *
 * A → D: along the straight line (A B D, the mountain road) 2000 s; round by C 300 + 600 = 900 s.
 * A → F: A E F 300 + 450 = 750 s (A C D F 1700, A B D F 2800).
 * A → B: the mountain road 1000 s (A C B 1100).
 * B → F: back through A, B A E F 1000 + 300 + 450 = 1750 s (B D F 1800, B C A E F 1850, B C D F 2200).
 */
const A = 1;
const B = 2;
const C = 3;
const D = 4;
const E = 5;
const F = 6;
const G = 7;
const NODES = [
  node(A, 37.0, 111.9, 'hospital'),
  node(B, 37.0, 111.95),
  node(C, 37.03, 111.95),
  node(D, 37.0, 112.0, 'village'),
  node(E, 36.97, 111.95),
  node(F, 36.97, 112.0, 'village'),
  node(G, 37.2, 112.2),
];
const EDGES: RoadEdgeRow[] = [
  edge(A, B, 'mountain', 5000, 18),
  edge(B, D, 'mountain', 5000, 18),
  edge(A, C, 'national', 6000, 72),
  edge(C, D, 'county', 6000, 36),
  edge(C, B, 'mountain', 4000, 18),
  edge(A, E, 'national', 6000, 72),
  edge(E, F, 'township', 4500, 36),
  edge(F, D, 'village', 4000, 18),
];

describe('the hand-worked network', () => {
  const g = buildRoadGraph(NODES, EDGES);

  it('has every road both ways, and the org nodes by org', () => {
    expect(g.nodeCount).toBe(7);
    expect(g.edgeCount).toBe(8);
    expect(g.graph.getLinksCount()).toBe(16);
    expect(g.byOrg.get(10)).toBe(A);
    expect(g.byOrg.get(60)).toBe(F);
    expect(g.byOrg.has(20)).toBe(false);
    // the fastest straight-line progress: A → C or A → E, about 5.5 km in 300 s
    expect(g.maxSpeedMps).toBeCloseTo(
      Math.max(haversineM(37, 111.9, 37.03, 111.95), haversineM(37, 111.9, 36.97, 111.95)) / 300,
      9,
    );
  });

  it('travelTimes: exact seconds and metres, in the order asked, null for what cannot be reached', () => {
    const t = travelTimes(g, A, [D, F, B, G, A, 999]);
    expect(t).toEqual([
      { nodeId: D, seconds: 900, metres: 12_000 },
      { nodeId: F, seconds: 750, metres: 10_500 },
      { nodeId: B, seconds: 1000, metres: 5000 },
      null,
      { nodeId: A, seconds: 0, metres: 0 },
      null,
    ]);
    expect(travelTimes(g, B, [F])).toEqual([{ nodeId: F, seconds: 1750, metres: 15_500 }]);
    // two-way roads: the same time back
    expect(travelTimes(g, D, [A])).toEqual([{ nodeId: A, seconds: 900, metres: 12_000 }]);
    expect(() => travelTimes(g, 999, [A])).toThrow(RangeError);
  });

  it('route (A*): the slow mountain road on the straight line loses to the detour', () => {
    const straight = haversineM(37, 111.9, 37, 112);
    const r = route(g, A, D);
    expect(r).toEqual({ nodeId: D, seconds: 900, metres: 12_000, path: [A, C, D] });
    expect(r?.metres).toBeGreaterThan(straight + 2000);
    expect(route(g, B, F)).toEqual({ nodeId: F, seconds: 1750, metres: 15_500, path: [B, A, E, F] });
    expect(route(g, A, A)).toEqual({ nodeId: A, seconds: 0, metres: 0, path: [A] });
    expect(route(g, A, G)).toBeNull();
    expect(route(g, A, 999)).toBeNull();
  });

  it('two roads between the same places: the faster one counts', () => {
    const g2 = buildRoadGraph(NODES, [...EDGES, edge(B, A, 'township', 5000, 36)]);
    expect(travelTimes(g2, A, [B, F])).toEqual([
      { nodeId: B, seconds: 500, metres: 5000 },
      { nodeId: F, seconds: 750, metres: 10_500 },
    ]);
    expect(route(g2, B, F)?.seconds).toBe(1250);
    // the slower one added after the faster changes nothing
    const g3 = buildRoadGraph(NODES, [...EDGES, edge(A, B, 'mountain', 9000, 5)]);
    expect(travelTimes(g3, A, [B])[0]?.seconds).toBe(1000);
  });

  it('an edge to an unknown node is an error', () => {
    expect(() => buildRoadGraph(NODES, [edge(A, 42, 'village', 100, 30)])).toThrow(/unknown node/);
  });

  it('routeMinutes: off-road stretches to the nearest nodes, then the road', () => {
    // 0.001° north of A and of D: about 111 m each
    const [toD, toF] = routeMinutes(g, { lat: 37.001, lng: 111.9 }, [
      { lat: 37.001, lng: 112.0 },
      { lat: 36.97, lng: 112.0 },
    ]);
    const off = haversineM(37.001, 111.9, 37, 111.9);
    const access = (m: number) => (m * ACCESS.winding) / (ACCESS.speedKmh / 3.6);
    expect(toD).toEqual({
      minutes: Math.round(((900 + 2 * access(off)) / 60) * 10) / 10,
      km: Math.round((12_000 + 2 * off * ACCESS.winding) / 100) / 10,
    });
    expect(toF?.minutes).toBe(Math.round(((750 + access(off)) / 60) * 10) / 10);
    expect(routeMinutes(g, { lat: 37.2, lng: 112.2 }, [{ lat: 37, lng: 111.9 }])).toEqual([null]);
  });
});

/** sfc32, seeded: the random cases are the same on every run */
function rng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** A jittered n × n grid of junctions with random classes and speeds, plus a few random shortcuts. */
function randomNetwork(n: number, seed: number): { nodes: RoadNodeRow[]; edges: RoadEdgeRow[] } {
  const r = rng(seed);
  const nodes: RoadNodeRow[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      nodes.push(node(i * n + j + 1, 36.9 + i * 0.005 + r() * 0.003, 111.8 + j * 0.006 + r() * 0.003));
  const edges: RoadEdgeRow[] = [];
  const link = (p: RoadNodeRow, q: RoadNodeRow) => {
    const straight = haversineM(p.lat, p.lng, q.lat, q.lng);
    const speed = [15, 30, 40, 60, 80][Math.floor(r() * 5)];
    edges.push(edge(p.id, q.id, 'village', Math.ceil(straight * (1 + r() * 0.8)), speed));
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = nodes[i * n + j];
      if (j + 1 < n && r() < 0.85) link(p, nodes[i * n + j + 1]);
      if (i + 1 < n && r() < 0.85) link(p, nodes[(i + 1) * n + j]);
    }
  for (let k = 0; k < n; k++) link(nodes[Math.floor(r() * nodes.length)], nodes[Math.floor(r() * nodes.length)]);
  return { nodes, edges: edges.filter((e) => e.fromNode !== e.toNode) };
}

/** Bellman-Ford by hand: the slow obvious answer. */
function slowTimes(nodes: readonly RoadNodeRow[], edges: readonly RoadEdgeRow[], from: number): Map<number, number> {
  const dist = new Map(nodes.map((x) => [x.id, x.id === from ? 0 : Infinity]));
  for (let changed = true; changed;) {
    changed = false;
    for (const e of edges) {
      const s = e.lengthM / (e.speedKmh / 3.6);
      for (const [a, b] of [
        [e.fromNode, e.toNode],
        [e.toNode, e.fromNode],
      ]) {
        const via = (dist.get(a) ?? Infinity) + s;
        if (via < (dist.get(b) ?? Infinity) - 1e-9) {
          dist.set(b, via);
          changed = true;
        }
      }
    }
  }
  return dist;
}

describe('random networks', () => {
  it('travelTimes (Dijkstra) and route (A*) agree with Bellman-Ford', () => {
    for (const seed of [1, 2, 3]) {
      const { nodes, edges } = randomNetwork(18, seed);
      const g = buildRoadGraph(nodes, edges);
      const r = rng(seed + 100);
      for (let k = 0; k < 4; k++) {
        const from = nodes[Math.floor(r() * nodes.length)].id;
        const truth = slowTimes(nodes, edges, from);
        const targets = nodes.filter(() => r() < 0.1).map((x) => x.id);
        const times = travelTimes(g, from, targets);
        targets.forEach((t, i) => {
          const expected = truth.get(t) ?? Infinity;
          if (expected === Infinity) {
            expect(times[i]).toBeNull();
            expect(route(g, from, t)).toBeNull();
            return;
          }
          expect(times[i]?.seconds).toBeCloseTo(expected, 6);
          const path = route(g, from, t);
          expect(path?.seconds).toBeCloseTo(expected, 6);
          expect(path?.path[0]).toBe(from);
          expect(path?.path.at(-1)).toBe(t);
        });
      }
    }
  });

  it('nearestNode is the brute-force nearest, inside and outside the network', () => {
    const { nodes, edges } = randomNetwork(45, 7);
    const g = buildRoadGraph(nodes, edges);
    const r = rng(77);
    for (let k = 0; k < 500; k++) {
      // a box a little larger than the network's, so some points lie outside it
      const lat = 36.85 + r() * 0.35;
      const lng = 111.7 + r() * 0.45;
      let best = nodes[0];
      let bestM = Infinity;
      for (const x of nodes) {
        const m = haversineM(lat, lng, x.lat, x.lng);
        if (m < bestM) [best, bestM] = [x, m];
      }
      const found = nearestNode(g, lat, lng);
      expect(found?.metres).toBeCloseTo(bestM, 6);
      expect(found?.nodeId).toBe(best.id);
    }
    expect(nearestNode(g, nodes[100].lat, nodes[100].lng)).toEqual({ nodeId: nodes[100].id, metres: 0 });
  });

  it('nearestNode on an empty graph and a one-node graph', () => {
    expect(nearestNode(buildRoadGraph([], []), 37, 112)).toBeNull();
    const one = buildRoadGraph([node(5, 37, 112)], []);
    expect(nearestNode(one, 30, 100)?.nodeId).toBe(5);
    expect(travelTimes(one, 5, [5])).toEqual([{ nodeId: 5, seconds: 0, metres: 0 }]);
  });
});
