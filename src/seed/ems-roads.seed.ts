import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

export interface RoadSeedOptions {
  countyId: number;
  seed: string | number;
  /** junctions: about 1,300 on the demo scale, 5,200 on the jiexiu scale (whatever the county's orgs) */
  scale: 'demo' | 'jiexiu';
}

/** Node ids are countyId * NODE_BLOCK + n: unique across counties, readable in a query. */
export const NODE_BLOCK = 1_000_000;
/** n of the org nodes: 1 … (orgs); of the grid junctions: GRID_BASE + r * cols + c; of road chains: CHAIN_BASE + … */
const GRID_BASE = 100_000;
const CHAIN_BASE = 500_000;
const JUNCTIONS: Record<RoadSeedOptions['scale'], number> = { demo: 1_300, jiexiu: 5_200 };
/** a county road or the national road gets a junction about every 1.5 km */
const CHAIN_STEP_M = 1_500;
/** the grid reaches this far (degrees) beyond the outermost org */
const PAD_DEG = 0.02;
/** villages (and grid roads) this far west of the county seat are up in the 吕梁 foothills: mountain roads */
export const MOUNTAIN_WEST_DEG = 0.1;
/** the national and county roads keep this share of their speed where they cross the mountains */
const MOUNTAIN_PASS = 0.6;
/** every fourth grid row and column is a township road, the rest village roads */
const TOWNSHIP_EVERY = 4;

/**
 * Speeds (km/h) and winding factors (road length over the straight line) per road class.
 * The winding factor is at least 1, so a road is never shorter than the straight line: that is
 * what makes the A* heuristic of src/ems/roads.ts admissible.
 */
export const ROAD_CLASSES = {
  national: { speed: 80, winding: 1.1 },
  county: { speed: 60, winding: 1.15 },
  township: { speed: 40, winding: 1.25 },
  village: { speed: 30, winding: 1.3 },
  // 15–24 km/h, by segment
  mountain: { speed: 15, winding: 1.7 },
} as const;

const EARTH_M = 6_371_008.8;
const M_PER_DEG_LAT = (Math.PI / 180) * EARTH_M;

/** great-circle metres between two points given as SQL expressions (degrees) */
const hav = (lat1: string, lng1: string, lat2: string, lng2: string) =>
  `(2 * ${EARTH_M} * asin(sqrt(power(sin(radians((${lat2}) - (${lat1})) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians((${lng2}) - (${lng1})) / 2), 2))))`;

async function canWrite(trx: Kdb): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT has_table_privilege('road_nodes', 'INSERT')
    AND has_table_privilege('road_edges', 'INSERT') AS ok`.execute(trx);
  return rows[0]?.ok === true;
}

interface Ctx {
  orgs: number;
  hospital_id: number | null;
  hospital_lat: number | null;
  hospital_lng: number | null;
  centre_lng: number | null;
  min_lat: number | null;
  max_lat: number | null;
  min_lng: number | null;
  max_lng: number | null;
}

/**
 * The county's road network for the nearest-unit search of issue 13, set-based in PostgreSQL
 * (one INSERT … SELECT per part, randomness from md5 of the seed, a salt and the row key):
 *
 * - one node per org of the county that has a position (hospital / town / village);
 * - a jittered grid of junctions over the county (rows × cols sized to the scale), joined by a
 *   random spanning tree (every junction links left or up) plus about half the other grid links
 *   and a few diagonals: village roads (30–35 km/h), every fourth row and column a township road
 *   (40–45 km/h);
 * - the national road (80 km/h) NE–SW through the county seat and a county road (60 km/h) from
 *   the people's hospital to every township centre, as chains of junctions every ~1.5 km, each
 *   junction linked to the grid;
 * - every org node linked to its nearest grid junctions, the other county hospitals to the
 *   people's hospital;
 * - the west of the county (more than MOUNTAIN_WEST_DEG west of the seat) is mountains: every
 *   grid road and link there is a mountain road (15–24 km/h, very winding), so its villages are
 *   reached by mountain roads only, and the national and county roads crossing it drop to 60 %.
 *
 * length_m is the haversine distance × the class's winding factor (× 1–1.1). Connected by
 * construction: the grid is, and every other node links into it. Does nothing when the county
 * already has road nodes (stations may point at them).
 */
export async function seedRoads(db: Kdb, opts: RoadSeedOptions): Promise<void> {
  const county = opts.countyId;
  if (!Number.isSafeInteger(county) || county <= 0 || (county + 1) * NODE_BLOCK > 2 ** 31)
    throw new Error(`seedRoads: county id ${county} does not fit the road node id scheme`);
  const base = county * NODE_BLOCK;
  const s = `roads:${String(opts.seed).replaceAll("'", "''")}`;
  const u = (salt: string, key: string) =>
    `((('x' || substr(md5('${s}:${salt}:' || (${key})::text), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;

  await db.transaction().execute(async (trx) => {
    const run = (text: string) => sql.raw(text).execute(trx);
    // the road tables are reference data the app role only reads (0080_ems.sql grants SELECT):
    // this transaction writes them as the session's own role, the owner that ran the migrations
    // (PGlite's session is; on a server, seed through an owner connection)
    if (!(await canWrite(trx))) {
      await sql`SET LOCAL ROLE NONE`.execute(trx);
      if (!(await canWrite(trx)))
        throw new Error('seedRoads: this connection may not write road_nodes / road_edges (use the owner connection)');
    }
    const existing = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM road_nodes WHERE county_id = ${county}`.execute(trx);
    if ((existing.rows[0]?.n ?? 0) > 0) return;

    const member = `county_id = ${county} AND kind IN ('county_hospital', 'township_center', 'community_center', 'village_clinic')
      AND lat IS NOT NULL AND lng IS NOT NULL`;
    const { rows } = await sql<Ctx>`
      WITH h AS (
        SELECT id, lat, lng FROM orgs WHERE county_id = ${county} AND kind = 'county_hospital' AND lat IS NOT NULL AND lng IS NOT NULL
        ORDER BY (code LIKE '%-RMYY') DESC, id LIMIT 1)
      SELECT count(*)::int AS orgs, (SELECT id FROM h) AS hospital_id, (SELECT lat FROM h) AS hospital_lat,
             (SELECT lng FROM h) AS hospital_lng,
             coalesce((SELECT lng FROM orgs WHERE id = ${county} AND lng IS NOT NULL), (SELECT lng FROM h)) AS centre_lng,
             min(lat) AS min_lat, max(lat) AS max_lat, min(lng) AS min_lng, max(lng) AS max_lng
      FROM orgs WHERE ${sql.raw(member)}`.execute(trx);
    const c = rows[0];
    if (
      !c ||
      c.orgs === 0 ||
      c.hospital_id === null ||
      c.hospital_lat === null ||
      c.hospital_lng === null ||
      c.centre_lng === null ||
      c.min_lat === null ||
      c.max_lat === null ||
      c.min_lng === null ||
      c.max_lng === null
    )
      return;

    // the grid: rows × cols junctions over the padded bounding box, cells as square as the box allows
    const lat0 = c.min_lat - PAD_DEG;
    const lng0 = c.min_lng - PAD_DEG;
    const spanLat = c.max_lat - c.min_lat + 2 * PAD_DEG;
    const spanLng = c.max_lng - c.min_lng + 2 * PAD_DEG;
    const mPerDegLng = M_PER_DEG_LAT * Math.cos(((c.min_lat + c.max_lat) / 2) * (Math.PI / 180));
    const cell = Math.sqrt((spanLat * M_PER_DEG_LAT * spanLng * mPerDegLng) / JUNCTIONS[opts.scale]);
    const nRows = Math.max(2, Math.round((spanLat * M_PER_DEG_LAT) / cell) + 1);
    const nCols = Math.max(2, Math.round((spanLng * mPerDegLng) / cell) + 1);
    if (nRows * nCols >= CHAIN_BASE - GRID_BASE) throw new Error('seedRoads: grid too large');
    const dLat = spanLat / (nRows - 1);
    const dLng = spanLng / (nCols - 1);
    const mountainLng = c.centre_lng - MOUNTAIN_WEST_DEG;
    const grid = (r: string, col: string) => `(${base + GRID_BASE} + (${r}) * ${nCols} + (${col}))`;
    // the grid junctions around a point: the cell it falls in and its 8 neighbours, clamped to the grid
    const around = (lat: string, lng: string) => `(
      SELECT ${grid('rr', 'cc')} AS j FROM (
        SELECT DISTINCT least(${nRows - 1}, greatest(0, round(((${lat}) - ${lat0}) / ${dLat})::int + dr)) AS rr,
                        least(${nCols - 1}, greatest(0, round(((${lng}) - ${lng0}) / ${dLng})::int + dc)) AS cc
        FROM generate_series(-1, 1) dr CROSS JOIN generate_series(-1, 1) dc) k)`;

    // org nodes
    await run(`INSERT INTO road_nodes (id, county_id, lat, lng, kind, org_id, name)
      SELECT ${base} + row_number() OVER (ORDER BY id), ${county}, lat, lng,
             CASE kind WHEN 'county_hospital' THEN 'hospital' WHEN 'village_clinic' THEN 'village' ELSE 'town' END,
             id, left(name, 60)
      FROM orgs WHERE ${member}`);

    // grid junctions, jittered up to 0.3 of a cell
    await run(`INSERT INTO road_nodes (id, county_id, lat, lng, kind)
      SELECT ${grid('r', 'c')}, ${county},
             ${lat0} + (r + (${u('jy', "r || ':' || c")} - 0.5) * 0.6) * ${dLat},
             ${lng0} + (c + (${u('jx', "r || ':' || c")} - 0.5) * 0.6) * ${dLng}, 'junction'
      FROM generate_series(0, ${nRows - 1}) r CROSS JOIN generate_series(0, ${nCols - 1}) c`);

    // the chains: the national road from the seat to the NE and SW corners, a county road to every town
    const seatNode = `(SELECT id FROM road_nodes WHERE org_id = ${c.hospital_id})`;
    await run(`CREATE TEMP TABLE road_seed_chains ON COMMIT DROP AS
      WITH s AS (
        SELECT 1 AS idx, 'national' AS cls, ${ROAD_CLASSES.national.speed} AS speed, ${seatNode} AS from_node, NULL::int AS to_node,
               ${c.hospital_lat}::float8 AS lat1, ${c.hospital_lng}::float8 AS lng1,
               ${lat0 + (nRows - 2) * dLat}::float8 AS lat2, ${lng0 + (nCols - 2) * dLng}::float8 AS lng2
        UNION ALL
        SELECT 2, 'national', ${ROAD_CLASSES.national.speed}, ${seatNode}, NULL,
               ${c.hospital_lat}, ${c.hospital_lng}, ${lat0 + dLat}, ${lng0 + dLng}
        UNION ALL
        SELECT 2 + row_number() OVER (ORDER BY t.org_id), 'county', ${ROAD_CLASSES.county.speed}, ${seatNode}, t.id,
               ${c.hospital_lat}, ${c.hospital_lng}, t.lat, t.lng
        FROM road_nodes t WHERE t.county_id = ${county} AND t.kind = 'town')
      SELECT s.*, greatest(1, ceil(${hav('s.lat1', 's.lng1', 's.lat2', 's.lng2')} / ${CHAIN_STEP_M}))::int AS k_max,
             (${u('bend', 's.idx')} - 0.5) * 0.25 AS bend
      FROM s`);
    const chainNode = (k: string) => `(${base + CHAIN_BASE} + ch.idx * 1000 + ${k})`;
    // chain junctions at k / k_max along the line, bowed sideways (a sine arc) and a little jittered;
    // the national road's far ends are junctions too
    await run(`INSERT INTO road_nodes (id, county_id, lat, lng, kind)
      SELECT ${chainNode('k')}, ${county},
             ch.lat1 + t * (ch.lat2 - ch.lat1) - ch.bend * sin(pi() * t) * (ch.lng2 - ch.lng1) + (${u('cy', "ch.idx || ':' || k")} - 0.5) * ${dLat * 0.3},
             ch.lng1 + t * (ch.lng2 - ch.lng1) + ch.bend * sin(pi() * t) * (ch.lat2 - ch.lat1) + (${u('cx', "ch.idx || ':' || k")} - 0.5) * ${dLng * 0.3},
             'junction'
      FROM road_seed_chains ch
      CROSS JOIN LATERAL generate_series(1, ch.k_max - CASE WHEN ch.to_node IS NULL THEN 0 ELSE 1 END) k
      CROSS JOIN LATERAL (SELECT k::float8 / ch.k_max AS t) tt`);

    const winding = `CASE e.cls ${Object.entries(ROAD_CLASSES)
      .map(([k, v]) => `WHEN '${k}' THEN ${v.winding}`)
      .join(' ')} END`;
    const isMountain = (lng: string) => `(${lng}) < ${mountainLng}`;
    const mountainSpeed = (key: string) => `${ROAD_CLASSES.mountain.speed} + floor(${u('ms', key)} * 10)::int`;
    // an org or chain node's links to its nearest grid junctions; in the west they are mountain roads too
    const toGrid = (from: string, limit: number, cls: string, speed: string) => `
      SELECT x.id AS a, g.j AS b,
             CASE WHEN ${isMountain('(x.lng + g.lng) / 2')} THEN 'mountain' ELSE ${cls} END AS cls,
             CASE WHEN ${isMountain('(x.lng + g.lng) / 2')} THEN ${mountainSpeed("x.id || ':' || g.j")} ELSE ${speed} END AS speed
      FROM ${from} x
      CROSS JOIN LATERAL (
        SELECT y.id AS j, y.lng FROM ${around('x.lat', 'x.lng')} k JOIN road_nodes y ON y.id = k.j
        ORDER BY ${hav('x.lat', 'x.lng', 'y.lat', 'y.lng')}, y.id LIMIT ${limit}) g`;
    const orgNodes = (kinds: string) => `(SELECT * FROM road_nodes WHERE county_id = ${county} AND kind IN (${kinds}))`;
    const plain = (key: string, line: string) =>
      `CASE WHEN ${line} % ${TOWNSHIP_EVERY} = 0 THEN 'township' ELSE 'village' END AS cls,
       CASE WHEN ${line} % ${TOWNSHIP_EVERY} = 0 THEN ${ROAD_CLASSES.township.speed} ELSE ${ROAD_CLASSES.village.speed} END
         + floor(${u('ps', key)} * 6)::int AS speed`;

    await run(`INSERT INTO road_edges (county_id, from_node, to_node, road_class, length_m, speed_kmh)
      WITH cells AS (
        -- each junction but the first links left or up (a spanning tree); the other link of a
        -- junction is kept about half the time, and township lines always
        SELECT r, c, CASE WHEN r = 0 THEN 'L' WHEN c = 0 THEN 'U' WHEN ${u('tree', "r || ':' || c")} < 0.5 THEN 'L' ELSE 'U' END AS tree
        FROM generate_series(0, ${nRows - 1}) r CROSS JOIN generate_series(0, ${nCols - 1}) c WHERE r + c > 0),
      links AS (
        SELECT ${grid('r', 'c - 1')} AS a, ${grid('r', 'c')} AS b, r AS line, 'h:' || r || ':' || c AS key FROM cells
        WHERE c > 0 AND (tree = 'L' OR r % ${TOWNSHIP_EVERY} = 0 OR ${u('h', "r || ':' || c")} < 0.55)
        UNION ALL
        SELECT ${grid('r - 1', 'c')}, ${grid('r', 'c')}, c, 'v:' || r || ':' || c FROM cells
        WHERE r > 0 AND (tree = 'U' OR c % ${TOWNSHIP_EVERY} = 0 OR ${u('v', "r || ':' || c")} < 0.55)
        UNION ALL
        SELECT ${grid('r - 1', 'c - 1')}, ${grid('r', 'c')}, 1, 'd:' || r || ':' || c FROM cells
        WHERE r > 0 AND c > 0 AND ${u('d', "r || ':' || c")} < 0.08),
      grid_edges AS (
        SELECT l.a, l.b,
               CASE WHEN ${isMountain('(x.lng + y.lng) / 2')} THEN 'mountain' ELSE p.cls END AS cls,
               CASE WHEN ${isMountain('(x.lng + y.lng) / 2')} THEN ${mountainSpeed('l.key')} ELSE p.speed END AS speed
        FROM links l JOIN road_nodes x ON x.id = l.a JOIN road_nodes y ON y.id = l.b
        CROSS JOIN LATERAL (SELECT ${plain('l.key', 'l.line')}) p),
      chain_links AS (
        SELECT CASE WHEN k = 1 THEN ch.from_node ELSE ${chainNode('k - 1')} END AS a,
               CASE WHEN k = ch.k_max AND ch.to_node IS NOT NULL THEN ch.to_node ELSE ${chainNode('k')} END AS b,
               ch.cls, ch.speed
        FROM road_seed_chains ch CROSS JOIN LATERAL generate_series(1, ch.k_max) k),
      -- over the mountains the same roads climb and wind: slower
      chain_edges AS (
        SELECT l.a, l.b, l.cls,
               CASE WHEN ${isMountain('(x.lng + y.lng) / 2')} THEN round(l.speed * ${MOUNTAIN_PASS})::int ELSE l.speed END AS speed
        FROM chain_links l JOIN road_nodes x ON x.id = l.a JOIN road_nodes y ON y.id = l.b),
      e AS (
        SELECT * FROM grid_edges
        UNION ALL SELECT * FROM chain_edges
        UNION ALL ${toGrid(
          `(SELECT * FROM road_nodes WHERE id BETWEEN ${base + CHAIN_BASE} AND ${base + NODE_BLOCK - 1})`,
          1,
          `'township'`,
          String(ROAD_CLASSES.township.speed),
        )}
        UNION ALL ${toGrid(orgNodes(`'town'`), 3, `'township'`, String(ROAD_CLASSES.township.speed))}
        UNION ALL ${toGrid(orgNodes(`'hospital'`), 2, `'township'`, String(ROAD_CLASSES.township.speed))}
        UNION ALL ${toGrid(orgNodes(`'village'`), 2, `'village'`, String(ROAD_CLASSES.village.speed))}
        UNION ALL
        -- the other county hospitals: city streets to the people's hospital
        SELECT ${seatNode}, x.id, 'township', ${ROAD_CLASSES.township.speed}
        FROM road_nodes x WHERE x.county_id = ${county} AND x.kind = 'hospital' AND x.org_id <> ${c.hospital_id})
      SELECT ${county}, e.a, e.b, e.cls,
             greatest(1, ceil(${hav('x.lat', 'x.lng', 'y.lat', 'y.lng')} * ${winding} * (1 + 0.1 * ${u('w', "e.a || ':' || e.b")})))::int,
             e.speed
      FROM e JOIN road_nodes x ON x.id = e.a JOIN road_nodes y ON y.id = e.b
      WHERE e.a <> e.b`);
  });
}
