import { sql } from 'kysely';
import createGraph, { type Graph, type Link, type Node } from 'ngraph.graph';
import { aStar, type PathFinder } from 'ngraph.path';
import type { Kdb } from '../platform/db.ts';

/**
 * The county road network (road_nodes, road_edges) in memory, and the searches the nearest-unit
 * recommendation runs on it (issue 13): which node a point is at, and how long by road from one
 * node to many. Pure after loading; one graph per county, cached until invalidateRoadGraph or the
 * next closure boundary; edges closed at the moment of loading are left out.
 *
 * Roads are two-way: every edge is added in both directions, so a time from A to B is also the
 * time from B to A. A recommendation therefore searches once from the scene to every station and
 * every hospital (one Dijkstra), instead of once per vehicle.
 */

export type RoadClass = 'highway' | 'national' | 'county' | 'township' | 'village' | 'mountain';
export type RoadNodeKind = 'junction' | 'village' | 'town' | 'station' | 'hospital';

export interface RoadNodeRow {
  id: number;
  lat: number;
  lng: number;
  kind: RoadNodeKind;
  orgId: number | null;
  name: string | null;
}

export interface RoadEdgeRow {
  fromNode: number;
  toNode: number;
  roadClass: RoadClass;
  lengthM: number;
  speedKmh: number;
}

export interface RoadNodeData {
  lat: number;
  lng: number;
  kind: RoadNodeKind;
  orgId: number | null;
  name: string | null;
  /** position in the compact arrays below */
  index: number;
}

export interface RoadLinkData {
  seconds: number;
  metres: number;
  roadClass: RoadClass;
}

/** Adjacency in compressed-sparse-row form: node i's links are offsets[i] … offsets[i + 1] - 1. */
interface Csr {
  ids: Int32Array;
  offsets: Int32Array;
  targets: Int32Array;
  seconds: Float64Array;
  metres: Float64Array;
}

/** A uniform grid of buckets over the nodes' bounding box, for nearestNode. */
interface GridIndex {
  lat0: number;
  lng0: number;
  cellLat: number;
  cellLng: number;
  rows: number;
  cols: number;
  /** node indexes per cell, cell = r * cols + c */
  cells: Int32Array[];
  /** each node's position, by node index */
  lats: Float64Array;
  lngs: Float64Array;
}

export interface RoadGraph {
  readonly countyId: number | null;
  readonly graph: Graph<RoadNodeData, RoadLinkData>;
  readonly nodeCount: number;
  /** two-way roads, each counted once */
  readonly edgeCount: number;
  /** the node of each org that has one */
  readonly byOrg: ReadonlyMap<number, number>;
  /**
   * The fastest straight-line progress any edge allows (metres per second): no route can beat
   * straight line / this, so it makes the A* heuristic admissible (and consistent) whatever the
   * data says about winding.
   */
  readonly maxSpeedMps: number;
  readonly csr: Csr;
  readonly index: GridIndex;
}

export interface Travel {
  nodeId: number;
  seconds: number;
  metres: number;
}

export interface Route extends Travel {
  /** from the start node to the target, both included */
  path: number[];
}

const EARTH_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Builds the in-memory graph from rows (what loadRoadGraph reads; tests pass their own). */
export function buildRoadGraph(
  nodes: readonly RoadNodeRow[],
  edges: readonly RoadEdgeRow[],
  countyId: number | null = null,
): RoadGraph {
  const graph = createGraph<RoadNodeData, RoadLinkData>();
  const byOrg = new Map<number, number>();
  const ids = new Int32Array(nodes.length);
  nodes.forEach((n, index) => {
    if (graph.hasNode(n.id)) throw new Error(`road node ${n.id} appears twice`);
    graph.addNode(n.id, { lat: n.lat, lng: n.lng, kind: n.kind, orgId: n.orgId, name: n.name, index });
    ids[index] = n.id;
    if (n.orgId !== null) byOrg.set(n.orgId, n.id);
  });
  let maxSpeedMps = 0;
  let edgeCount = 0;
  const add = (a: number, b: number, data: RoadLinkData) => {
    // two roads between the same pair: the faster one counts
    const existing = graph.getLink(a, b);
    if (existing && existing.data.seconds <= data.seconds) return;
    graph.addLink(a, b, data);
  };
  for (const e of edges) {
    const a = graph.getNode(e.fromNode);
    const b = graph.getNode(e.toNode);
    if (!a || !b) throw new Error(`road edge ${e.fromNode}-${e.toNode} has an unknown node`);
    if (e.fromNode === e.toNode || !(e.lengthM > 0) || !(e.speedKmh > 0)) continue;
    const data: RoadLinkData = { seconds: e.lengthM / (e.speedKmh / 3.6), metres: e.lengthM, roadClass: e.roadClass };
    add(e.fromNode, e.toNode, data);
    add(e.toNode, e.fromNode, data);
    edgeCount += 1;
    maxSpeedMps = Math.max(maxSpeedMps, haversineM(a.data.lat, a.data.lng, b.data.lat, b.data.lng) / data.seconds);
  }
  return {
    countyId,
    graph,
    nodeCount: nodes.length,
    edgeCount,
    byOrg,
    maxSpeedMps,
    csr: toCsr(graph, ids),
    index: buildIndex(nodes),
  };
}

function toCsr(graph: Graph<RoadNodeData, RoadLinkData>, ids: Int32Array): Csr {
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let out = 0;
    graph.forEachLinkedNode(ids[i], () => void (out += 1), true);
    offsets[i + 1] = offsets[i] + out;
  }
  const m = offsets[n];
  const targets = new Int32Array(m);
  const seconds = new Float64Array(m);
  const metres = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let k = offsets[i];
    graph.forEachLinkedNode(
      ids[i],
      (other: Node<RoadNodeData>, link: Link<RoadLinkData>) => {
        targets[k] = other.data.index;
        seconds[k] = link.data.seconds;
        metres[k] = link.data.metres;
        k += 1;
      },
      true,
    );
  }
  return { ids, offsets, targets, seconds, metres };
}

/** About 4 nodes per bucket. */
function buildIndex(nodes: readonly RoadNodeRow[]): GridIndex {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (const n of nodes) {
    minLat = Math.min(minLat, n.lat);
    maxLat = Math.max(maxLat, n.lat);
    minLng = Math.min(minLng, n.lng);
    maxLng = Math.max(maxLng, n.lng);
  }
  const lats = Float64Array.from(nodes, (n) => n.lat);
  const lngs = Float64Array.from(nodes, (n) => n.lng);
  if (nodes.length === 0) return { lat0: 0, lng0: 0, cellLat: 1, cellLng: 1, rows: 0, cols: 0, cells: [], lats, lngs };
  const side = Math.max(1, Math.ceil(Math.sqrt(nodes.length / 4)));
  // a degenerate box (one node, or all on a line) still gets cells of a sensible size
  const cellLat = Math.max((maxLat - minLat) / side, 1e-4);
  const cellLng = Math.max((maxLng - minLng) / side, 1e-4);
  const rows = Math.floor((maxLat - minLat) / cellLat) + 1;
  const cols = Math.floor((maxLng - minLng) / cellLng) + 1;
  const lists: number[][] = Array.from({ length: rows * cols }, () => []);
  nodes.forEach((n, i) => {
    const r = Math.floor((n.lat - minLat) / cellLat);
    const c = Math.floor((n.lng - minLng) / cellLng);
    lists[r * cols + c].push(i);
  });
  return {
    lat0: minLat,
    lng0: minLng,
    cellLat,
    cellLng,
    rows,
    cols,
    cells: lists.map((l) => Int32Array.from(l)),
    lats,
    lngs,
  };
}

/**
 * The node nearest to a point by straight line (null for an empty graph). Searches rings of
 * buckets outwards from the point's bucket, and stops once no unsearched bucket can hold
 * anything nearer than the best so far.
 */
export function nearestNode(g: RoadGraph, lat: number, lng: number): { nodeId: number; metres: number } | null {
  const ix = g.index;
  if (ix.cells.length === 0) return null;
  const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));
  const r0 = clamp(Math.floor((lat - ix.lat0) / ix.cellLat), ix.rows - 1);
  const c0 = clamp(Math.floor((lng - ix.lng0) / ix.cellLng), ix.cols - 1);
  // metres per cell side, the shorter one: ring k lies at least (k - 1) of these away from the point
  const mLat = ix.cellLat * RAD * EARTH_M;
  const cosLat = Math.cos(Math.min(89, Math.abs(lat)) * RAD);
  const mLng = ix.cellLng * RAD * EARTH_M * Math.max(cosLat, 1e-6);
  const step = Math.min(mLat, mLng);
  // a point outside the box: how far it is from the nearest bucket, in cells
  const outside = Math.max(
    0,
    Math.ceil(Math.max((ix.lat0 - lat) / ix.cellLat, (lat - (ix.lat0 + ix.rows * ix.cellLat)) / ix.cellLat, 0)),
    Math.ceil(Math.max((ix.lng0 - lng) / ix.cellLng, (lng - (ix.lng0 + ix.cols * ix.cellLng)) / ix.cellLng, 0)),
  );
  let best = -1;
  let bestM = Infinity;
  const { ids } = g.csr;
  const visit = (r: number, c: number) => {
    if (r < 0 || c < 0 || r >= ix.rows || c >= ix.cols) return;
    for (const i of ix.cells[r * ix.cols + c]) {
      const m = haversineM(lat, lng, ix.lats[i], ix.lngs[i]);
      if (m < bestM || (m === bestM && ids[i] < ids[best])) {
        best = i;
        bestM = m;
      }
    }
  };
  const maxRing = Math.max(ix.rows, ix.cols);
  for (let k = 0; k <= maxRing; k++) {
    if (best >= 0 && (k - 1 - outside) * step > bestM) break;
    for (let c = c0 - k; c <= c0 + k; c++) {
      visit(r0 - k, c);
      if (k > 0) visit(r0 + k, c);
    }
    for (let r = r0 - k + 1; r <= r0 + k - 1; r++) {
      visit(r, c0 - k);
      visit(r, c0 + k);
    }
  }
  return best < 0 ? null : { nodeId: ids[best], metres: bestM };
}

/**
 * Fastest road times from one node to each target (null where the target is unknown or cannot
 * be reached), in the targets' order. One Dijkstra from `from` that stops once every target is
 * settled: for ~25 targets on 5,000+ nodes this is one search where A* would need 25.
 */
export function travelTimes(g: RoadGraph, fromNodeId: number, toNodeIds: readonly number[]): Array<Travel | null> {
  const from = g.graph.getNode(fromNodeId);
  if (!from) throw new RangeError(`road node ${fromNodeId} is not in the graph`);
  const { offsets, targets, seconds, metres } = g.csr;
  const w = workspace(g);
  const { dist, len, seen, done, wanted, heap } = w;
  // a new stamp instead of clearing the arrays: a node's entries count only when stamped this search
  const gen = ++w.gen;
  let remaining = 0;
  for (const id of toNodeIds) {
    const i = g.graph.getNode(id)?.data.index;
    if (i !== undefined && wanted[i] !== gen) {
      wanted[i] = gen;
      remaining += 1;
    }
  }
  const s = from.data.index;
  heap.size = 0;
  dist[s] = 0;
  len[s] = 0;
  seen[s] = gen;
  heap.push(0, s);
  while (remaining > 0 && heap.size > 0) {
    const d = heap.minKey();
    const u = heap.pop();
    if (done[u] === gen || d > dist[u]) continue;
    done[u] = gen;
    if (wanted[u] === gen) remaining -= 1;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = targets[k];
      const nd = d + seconds[k];
      if (seen[v] !== gen || nd < dist[v]) {
        seen[v] = gen;
        dist[v] = nd;
        len[v] = len[u] + metres[k];
        heap.push(nd, v);
      }
    }
  }
  return toNodeIds.map((id) => {
    const i = g.graph.getNode(id)?.data.index;
    if (i === undefined || done[i] !== gen) return null;
    return { nodeId: id, seconds: dist[i], metres: len[i] };
  });
}

/** Scratch arrays of one graph's searches, reused: a search allocates nothing but its answer. */
interface Workspace {
  gen: number;
  dist: Float64Array;
  len: Float64Array;
  seen: Uint32Array;
  done: Uint32Array;
  wanted: Uint32Array;
  heap: MinHeap;
}

const workspaces = new WeakMap<RoadGraph, Workspace>();

function workspace(g: RoadGraph): Workspace {
  let w = workspaces.get(g);
  // searches are synchronous, so one workspace per graph is never used by two at once
  if (!w || w.gen >= 0xfffffffe) {
    const n = g.nodeCount;
    w = {
      gen: 0,
      dist: new Float64Array(n),
      len: new Float64Array(n),
      seen: new Uint32Array(n),
      done: new Uint32Array(n),
      wanted: new Uint32Array(n),
      heap: new MinHeap(Math.max(16, g.csr.targets.length + 1)),
    };
    workspaces.set(g, w);
  }
  return w;
}

const finders = new WeakMap<RoadGraph, PathFinder<RoadNodeData>>();

/**
 * The fastest route between two nodes with its nodes in order, by ngraph.path's A* (heuristic:
 * straight line / maxSpeedMps). Null when either node is unknown or no road joins them.
 */
export function route(g: RoadGraph, fromNodeId: number, toNodeId: number): Route | null {
  if (!g.graph.hasNode(fromNodeId) || !g.graph.hasNode(toNodeId)) return null;
  let finder = finders.get(g);
  if (!finder) {
    const speed = g.maxSpeedMps > 0 ? g.maxSpeedMps : Infinity;
    finder = aStar<RoadNodeData, RoadLinkData>(g.graph, {
      oriented: true,
      distance: (_a, _b, link) => link.data.seconds,
      heuristic: (a, b) => haversineM(a.data.lat, a.data.lng, b.data.lat, b.data.lng) / speed,
    });
    finders.set(g, finder);
  }
  // ngraph.path answers from the target back to the start
  const nodes = finder.find(fromNodeId, toNodeId).reverse();
  if (nodes.length === 0) return null;
  let seconds = 0;
  let metres = 0;
  for (let k = 1; k < nodes.length; k++) {
    const link = g.graph.getLink(nodes[k - 1].id, nodes[k].id);
    if (!link) throw new Error('route: a path step without a road');
    seconds += link.data.seconds;
    metres += link.data.metres;
  }
  return { nodeId: toNodeId, seconds, metres, path: nodes.map((x) => Number(x.id)) };
}

/** How a point off the network reaches its nearest node: the straight line × 1.3 at 20 km/h. */
export const ACCESS = { winding: 1.3, speedKmh: 20 } as const;

export interface PlaceRef {
  lat: number;
  lng: number;
}

export interface RouteMinutes {
  /** minutes, one decimal */
  minutes: number;
  /** kilometres, one decimal */
  km: number;
}

/**
 * Minutes and kilometres by road from one point to each target point, in order: each point goes
 * to its nearest node (the off-road stretch at ACCESS), then one travelTimes search. A null
 * entry: the target cannot be reached. Use a node-id variant (travelTimes) when the points are
 * stations or hospitals whose nodes are known.
 */
export function routeMinutes(g: RoadGraph, from: PlaceRef, to: readonly PlaceRef[]): Array<RouteMinutes | null> {
  const start = nearestNode(g, from.lat, from.lng);
  if (!start) return to.map(() => null);
  const ends = to.map((p) => nearestNode(g, p.lat, p.lng));
  const times = travelTimes(
    g,
    start.nodeId,
    ends.map((e) => e?.nodeId ?? Number.NaN),
  );
  const accessSpeed = ACCESS.speedKmh / 3.6;
  return times.map((t, i) => {
    const end = ends[i];
    if (!t || !end) return null;
    const offRoadM = (start.metres + end.metres) * ACCESS.winding;
    return {
      minutes: round1((t.seconds + offRoadM / accessSpeed) / 60),
      km: round1((t.metres + offRoadM) / 1000),
    };
  });
}

/** seconds → minutes, one decimal (the API's minutes) */
export const toMinutes = (seconds: number) => round1(seconds / 60);
const round1 = (x: number) => Math.round(x * 10) / 10;

// ------------------------------------------------------------------ loading and the cache

/**
 * A graph holds for the instant it was read at until the next closure boundary (a closure that
 * starts or ends later): after it, the next load reads the roads again even if nobody edited them.
 */
interface CachedGraph {
  graph: RoadGraph;
  /** epoch ms of the earliest future closed_from / closed_until; Infinity when none */
  until: number;
}

/** per database (a test process may open several), per county */
const caches = new WeakMap<Kdb, Map<number, Promise<CachedGraph>>>();
const allCaches = new Set<Map<number, Promise<CachedGraph>>>();
/** the platform's injectable clock, per database (registered by the routes, see setRoadClock) */
const clocks = new WeakMap<Kdb, () => Date>();

/** Closures are judged by this clock for graphs loaded from db (the server's config.now). */
export function setRoadClock(db: Kdb, now: () => Date): void {
  clocks.set(db, now);
}

/**
 * The county's road graph as it stands now: edges closed at this instant are left out. Kept
 * until invalidateRoadGraph(countyId) or until the next closure starts or ends.
 */
export async function loadRoadGraph(db: Kdb, countyId: number, at?: Date): Promise<RoadGraph> {
  const now = (at ?? (clocks.get(db) ?? (() => new Date()))()).getTime();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
    allCaches.add(cache);
  }
  const own = cache;
  for (;;) {
    let entry = own.get(countyId);
    if (!entry) {
      const read = readRoadGraph(db, countyId, new Date(now));
      entry = read;
      own.set(countyId, read);
      // a failed read is not cached: the next call tries again
      read.catch(() => {
        if (own.get(countyId) === read) own.delete(countyId);
      });
    }
    const cached = await entry;
    if (now < cached.until) return cached.graph;
    // a closure boundary has passed since this graph was read: read again
    if (own.get(countyId) === entry) own.delete(countyId);
  }
}

/** Forget a county's graph (after its roads change); the next loadRoadGraph reads it again. */
export function invalidateRoadGraph(countyId: number): void {
  for (const cache of allCaches) cache.delete(countyId);
}

/** the SQL condition "closed at this instant" for road_edges (alias e) */
export const closedAt = (at: Date) =>
  sql<boolean>`(e.closed_from IS NOT NULL AND e.closed_from <= ${at} AND (e.closed_until IS NULL OR e.closed_until > ${at}))`;

async function readRoadGraph(db: Kdb, countyId: number, at: Date): Promise<CachedGraph> {
  const nodes = await sql<RoadNodeRow>`SELECT id, lat, lng, kind, org_id AS "orgId", name FROM road_nodes
    WHERE county_id = ${countyId} ORDER BY id`.execute(db);
  const edges = await sql<RoadEdgeRow>`SELECT from_node AS "fromNode", to_node AS "toNode", road_class AS "roadClass",
      length_m AS "lengthM", speed_kmh AS "speedKmh"
    FROM road_edges e WHERE county_id = ${countyId} AND NOT ${closedAt(at)} ORDER BY id`.execute(db);
  const next = await sql<{ at: Date | string | null }>`SELECT min(t) AS at FROM (
      SELECT closed_from AS t FROM road_edges WHERE county_id = ${countyId} AND closed_from > ${at}
      UNION ALL
      SELECT closed_until FROM road_edges WHERE county_id = ${countyId} AND closed_until > ${at}) b`.execute(db);
  const boundary = next.rows[0]?.at;
  return {
    graph: buildRoadGraph(nodes.rows, edges.rows, countyId),
    until: boundary == null ? Infinity : new Date(boundary).getTime(),
  };
}

// ------------------------------------------------------------------ a binary heap of (key, value)

class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.keys[i] = this.keys[p];
      this.vals[i] = this.vals[p];
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }

  /** the smallest key (the heap must not be empty) */
  minKey(): number {
    return this.keys[0];
  }

  /** removes the entry with the smallest key and returns its value */
  pop(): number {
    const top = this.vals[0];
    const last = --this.size;
    const key = this.keys[last];
    const val = this.vals[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.keys[c + 1] < this.keys[c]) c += 1;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.vals[i] = this.vals[c];
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const vals = new Int32Array(this.vals.length * 2);
    keys.set(this.keys);
    vals.set(this.vals);
    this.keys = keys;
    this.vals = vals;
  }
}
