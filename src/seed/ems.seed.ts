import { sql } from 'kysely';
import { withScope, type Kdb } from '../platform/db.ts';
import { givenName, surnameSampler } from './names.ts';
import { mobileNumber } from './people.ts';
import { Rng } from './random.ts';

/**
 * The demo data of issue 13 (120 and the five centres), generated set-based inside PostgreSQL
 * and ending at `now`: stations at the people's hospital, the maternal and child health
 * hospital and the outlying township centres; 20 ambulances (most negative-pressure) and a
 * mobile CT vehicle, each with two crew accounts; a year of calls over the six channels, each
 * with its mission and the milestones of the whole chain (answer, 3-minute departure,
 * response, FMC-to-ECG, pre-hospital ECG transmission, pre-alert with 上车即入院, door, consent,
 * cath lab, wire, CT, needle, obstetric team, the DIDO of township transfers, handover, back in
 * service); then, around `now`, two calls still waiting for a vehicle and two missions under
 * way, one of them the demo `crew` account's, bringing a chest-pain patient the people's
 * hospital expects.
 *
 * The historical milestones are computed as offsets from the call in one statement and then
 * unpivoted into ems_events in mission and milestone order, so the order trigger checks each
 * against the ones before it and never refuses one (a test checks the order table too). A
 * vehicle never carries two missions at once: calls are handed to a station's vehicles in
 * turn, and a call that would find its vehicle still busy is dropped.
 *
 * Runs after the road seed: a station's node is its org's road node (NULL without roads).
 * Needs a role that may INSERT into ems_stations and ems_vehicles (0080 grants onecounty_app
 * SELECT and SELECT, UPDATE only). Most of the time goes into the milestones' per-row order
 * trigger (0.1 ms of CPU each on PGlite, 40,000 on the demo scale); with 0080's events policy,
 * `mission_id IN (SELECT id FROM ems_missions)`, each of its lookups also hashes every visible
 * mission, which makes the year quadratic (demo: 33 s on PostgreSQL instead of 4 s).
 */
export interface EmsSeedOptions {
  countyId: number;
  seed: string | number;
  /** the reference instant: everything generated ends here (the real clock is never read) */
  now: Date;
  scale: 'demo' | 'jiexiu';
  onStep?: (step: string, ms: number) => void;
  /**
   * false: the fleet only, at the county seat's stations, with no history (the small county of
   * the browser tests, where the demo crew's ambulance is the one recommended)
   */
  history?: boolean;
}

export interface EmsSeedResult {
  stations: number;
  vehicles: number;
  crew: number;
  calls: number;
  missions: number;
  events: number;
  preadmissions: number;
  observations: number;
}

/** Calls in the year before `now` (about; a few are dropped, see above). */
const CALLS: Record<EmsSeedOptions['scale'], number> = { demo: 3_000, jiexiu: 8_000 };
/** candidates generated per call kept: some fall outside the year or find their vehicle busy */
const OVERSAMPLE = 1.005;
/** share of calls from the county seat itself (no village) */
const CITY_SHARE: Record<EmsSeedOptions['scale'], number> = { demo: 0.3, jiexiu: 0.25 };
/** villages this far west of the county seat are in the 吕梁 foothills: the road seed's mountain roads */
const MOUNTAIN_WEST_DEG = 0.1;
/** township centres with a station, the farthest from the people's hospital first */
const TOWNSHIP_STATIONS = 6;
const AMBULANCES = 20;
const MCH_AMBULANCES = 2;
/** 120 calls by hour of day (relative), night lowest, late morning and evening highest */
const HOUR_WEIGHTS = [
  2, 1.6, 1.3, 1.2, 1.2, 1.5, 2.4, 3.6, 4.6, 5.2, 5.4, 5.2, 4.8, 4.6, 4.8, 5, 5, 5.2, 5.4, 5.6, 5.4, 4.8, 3.8, 2.8,
];
const STREETS = ['新华街', '北关街', '西关街', '顺城路', '建设路', '汾丰路', '义安街', '振兴街', '铁南路', '东大街'];

/** The uniform numbers each candidate call draws (u[1], u[2] … in SQL), by name. */
const U_NAMES = [
  'day',
  'hour',
  'minute',
  'place',
  'village',
  'channel',
  'complaint',
  'station',
  'outcome',
  'dest',
  'stemi',
  'transmit',
  'group',
  'prealert',
  'bypass',
  'onset',
  'ansSlow',
  'ans',
  'dec',
  'notif',
  'depSlow',
  'dep',
  'access',
  'travel',
  'fmc',
  'ecgHas',
  'ecg',
  'tx',
  'read',
  'preDelay',
  'scene',
  'leave',
  'destTravel',
  'triage',
  'handover',
  'ret',
  'diag',
  'lkw',
  'ct',
  'dntA',
  'dntB',
  'dntC',
  'wireA',
  'wireB',
  'wireC',
  'cathPre',
  'consStart',
  'consDur',
  'cathAct',
  'dido',
  'obTeam',
  'share',
  'thrombectomy',
  'needle',
  'age',
  'sex',
  'link',
  'pick',
  'phone',
  'addr',
  'lat',
  'lng',
  'note',
  'dispatcher',
  'sbp',
  'hr',
  'spo2',
  'team',
] as const;
type UName = (typeof U_NAMES)[number];
/** SHA-512 digests per candidate: 32 numbers of two bytes each */
const HASHES = Math.ceil(U_NAMES.length / 32);
const U = (name: UName) => `c.u[${U_NAMES.indexOf(name) + 1}]`;

/** Straight-line km between two points (SQL, degrees), flat-earth at Jiexiu's latitude. */
const km = (lat1: string, lng1: string, lat2: string, lng2: string) =>
  `(111.2 * sqrt(power((${lat2}) - (${lat1}), 2) + power(((${lng2}) - (${lng1})) * 0.7986, 2)))`;
/**
 * Minutes by road (SQL): 3 minutes to get going, then county and township roads at about
 * 36 km/h net of winding; a trip touching the mountains spends its first 4 km on a mountain
 * road at about 12.5 km/h net (the road seed's 15–24 km/h with a winding factor of 1.7).
 */
const driveMin = (kmExpr: string, mountain: string) =>
  `(3 + least(${kmExpr}, CASE WHEN ${mountain} THEN 4 ELSE 0 END) * 1.6 / 20 * 60
      + greatest(${kmExpr} - CASE WHEN ${mountain} THEN 4 ELSE 0 END, 0) * 1.25 / 45 * 60)`;

interface OrgRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  lat: number | null;
  lng: number | null;
}

interface StationPlan {
  org: OrgRow;
  name: string;
  role: 'people' | 'mch' | 'township';
  mountain: boolean;
}

interface VehiclePlan {
  station: number;
  callSign: string;
  plate: string;
  kind: 'transport' | 'emergency' | 'micu' | 'mobile_ct';
  negativePressure: boolean;
  status: 'available' | 'en_route' | 'to_hospital' | 'out_of_service';
  crew: Array<{ username: string; displayName: string; title: string; mobile: string; departmentId: number | null }>;
  live?: 'A' | 'B';
}

function seedNumber(seed: string | number): number {
  if (typeof seed === 'number') return seed;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function distanceKm(a: OrgRow, b: OrgRow): number {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return 0;
  return 111.2 * Math.hypot(a.lat - b.lat, (a.lng - b.lng) * 0.7986);
}

const shortTownship = (name: string) => name.replace(/(卫生院|社区卫生服务中心)$/, '');

/** 200 hours of day (0–23) spread as HOUR_WEIGHTS: the quantiles a uniform number picks from. */
function hourQuantiles(): number[] {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let h = 0;
  let cum = HOUR_WEIGHTS[0];
  for (let q = 0; q < 200; q++) {
    const target = ((q + 0.5) / 200) * total;
    while (cum < target && h < 23) cum += HOUR_WEIGHTS[++h];
    out.push(h);
  }
  return out;
}

export async function seedEms(db: Kdb, opts: EmsSeedOptions): Promise<EmsSeedResult> {
  const county = opts.countyId;
  const seedNum = seedNumber(opts.seed);
  // the seed goes into SQL text: keep it to characters that need no quoting
  const salt = `ems:${String(opts.seed).replace(/[^0-9A-Za-z_.-]/g, '_')}:${county}`;
  const orgs: OrgRow[] = await db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'lat', 'lng'])
    .where('county_id', '=', county)
    .orderBy('id')
    .execute();
  const empty: EmsSeedResult = {
    stations: 0,
    vehicles: 0,
    crew: 0,
    calls: 0,
    missions: 0,
    events: 0,
    preadmissions: 0,
    observations: 0,
  };
  const root = orgs.find((o) => o.id === county);
  const hospitals = orgs.filter((o) => o.kind === 'county_hospital');
  const people = hospitals.find((o) => o.code.endsWith('-RMYY')) ?? hospitals.at(0);
  if (!root || !people || people.lat === null || people.lng === null) return empty;
  const mch = hospitals.find((o) => o.code.endsWith('-FYBJ'));
  const tcm = hospitals.find((o) => o.code.endsWith('-ZYYY'));
  const countyName = root.name.replace(/医疗集团$/, '');
  const shortCounty = countyName.replace(/[市县区]$/, '');
  const mountainLng = (root.lng ?? people.lng) - MOUNTAIN_WEST_DEG;

  return withScope(db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    const run = (text: string) => sql.raw(text).execute(trx);
    // the generator's statements join working tables never analyzed and are estimated huge: no
    // JIT (seconds of compiling on a server), hash joins rather than nested loops
    await run('SET LOCAL jit = off');
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const out = await fn();
      opts.onStep?.(name, performance.now() - started);
      return out;
    };

    // ------------------------------------------------------------ stations, fleet and crew
    const townships = orgs
      .filter((o) => o.kind === 'township_center' && o.lat !== null && o.lng !== null)
      .map((o) => ({ o, d: distanceKm(o, people) }))
      .sort((a, b) => b.d - a.d || a.o.id - b.o.id)
      .slice(0, opts.history === false ? 0 : TOWNSHIP_STATIONS)
      .map((x) => x.o)
      .sort((a, b) => a.code.localeCompare(b.code));
    const stations: StationPlan[] = [
      { org: people, name: `${people.name}急救站`, role: 'people', mountain: false },
      ...(mch && opts.history !== false
        ? [{ org: mch, name: `${mch.name}急救站`, role: 'mch' as const, mountain: false }]
        : []),
      ...townships.map((o) => ({
        org: o,
        name: `${shortTownship(o.name)}急救分站`,
        role: 'township' as const,
        mountain: (o.lng ?? 0) < mountainLng,
      })),
    ];
    const vehicles = await step('ems: stations, fleet, crew', () =>
      insertFleet(trx, {
        county,
        seedNum,
        people,
        stations,
        shortCounty,
        live: opts.history !== false,
      }),
    );
    const stationIds = vehicles.stationIds;

    if (opts.history === false)
      return {
        stations: stations.length,
        vehicles: vehicles.count,
        crew: vehicles.crew,
        calls: 0,
        missions: 0,
        events: 0,
        preadmissions: 0,
        observations: 0,
      };

    // ------------------------------------------------------------ working tables
    const dispatchOrg =
      (
        await sql<{
          org_id: number;
        }>`SELECT org_id FROM staff WHERE county_id = ${county} AND username = 'dispatcher'`.execute(trx)
      ).rows[0]?.org_id ?? people.id;
    const now = `'${opts.now.toISOString()}'::timestamptz`;
    const today = `(${now} AT TIME ZONE 'Asia/Shanghai')::date`;
    await step('ems: places, stations and patients', async () => {
      await run(`CREATE TEMP TABLE ems_seed_ctx ON COMMIT DROP AS
        SELECT ${people.id} AS people_org, ${stationIds[0]} AS people_station,
               ${mch ? mch.id : 'NULL::int'} AS mch_org, ${mch ? stationIds[1] : 'NULL::int'} AS mch_station,
               ${tcm ? tcm.id : 'NULL::int'} AS tcm_org, ${dispatchOrg} AS dispatch_org,
               ${people.lat}::float8 AS city_lat, ${people.lng}::float8 AS city_lng,
               coalesce((SELECT array_agg(id ORDER BY (username = 'dispatcher') DESC, id) FROM staff
                          WHERE org_id = ${dispatchOrg} AND 'dispatcher' = ANY (roles) AND NOT disabled), ARRAY[]::int[]) AS dispatchers`);
      await run(`CREATE TEMP TABLE ems_seed_st ON COMMIT DROP AS
        SELECT s.id AS station_id, s.org_id, o.lat, o.lng, (o.lng < ${mountainLng}) AS mountain,
               array_agg(v.id ORDER BY v.id) AS vehicles, count(*)::int AS n
        FROM ems_stations s JOIN orgs o ON o.id = s.org_id
        JOIN ems_vehicles v ON v.station_id = s.id AND v.kind <> 'mobile_ct'
        WHERE s.county_id = ${county} GROUP BY s.id, s.org_id, o.lat, o.lng`);
      await run(`CREATE TEMP TABLE ems_seed_vil ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY v.id)::int AS vn, v.id AS org_id, regexp_replace(v.name, '卫生室$', '') AS vname,
               t.id AS township_id, regexp_replace(t.name, '(卫生院|社区卫生服务中心)$', '') AS township_name,
               v.lat, v.lng, (v.lng < ${mountainLng}) AS mountain, s.id AS station_id
        FROM orgs v JOIN orgs t ON t.id = v.parent_id
        LEFT JOIN ems_stations s ON s.org_id = t.id AND s.county_id = ${county}
        WHERE v.county_id = ${county} AND v.kind = 'village_clinic' AND v.lat IS NOT NULL AND v.lng IS NOT NULL`);
      // residents who may be the patient, per village and kind: 50+ (chest pain, stroke), adults, women of 20–40
      await run(`CREATE TEMP TABLE ems_seed_res ON COMMIT DROP AS
        SELECT r.id, r.org_id, b.bucket, r.name, r.sex, r.birth_date,
               (row_number() OVER (PARTITION BY r.org_id, b.bucket ORDER BY r.id) - 1)::int AS n,
               count(*) OVER (PARTITION BY r.org_id, b.bucket)::int AS cnt
        FROM residents r
        CROSS JOIN (VALUES ('old'), ('adult'), ('mat')) AS b(bucket)
        WHERE r.county_id = ${county} AND r.deceased_on IS NULL AND r.org_id IN (SELECT org_id FROM ems_seed_vil)
          AND CASE b.bucket
                WHEN 'old' THEN r.birth_date <= ${today} - interval '50 years'
                WHEN 'adult' THEN r.birth_date BETWEEN ${today} - interval '80 years' AND ${today} - interval '18 years'
                ELSE r.sex = 'F' AND r.birth_date BETWEEN ${today} - interval '40 years' AND ${today} - interval '20 years' END`);
      await run(`CREATE TEMP TABLE ems_seed_doc ON COMMIT DROP AS
        SELECT org_id, (array_agg(id ORDER BY (username = 'county.doctor') DESC, id))[1] AS doc FROM staff
        WHERE county_id = ${county} AND roles && ARRAY['county_doctor', 'township_doctor']::text[] AND NOT disabled
        GROUP BY org_id`);
    });
    const villages = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ems_seed_vil`.execute(trx)).rows[0].n;
    await run('SET LOCAL enable_nestloop = off');
    await step('ems: a year of calls and missions', () =>
      insertHistory(trx, {
        county,
        salt,
        now,
        today,
        candidates: Math.round(CALLS[opts.scale] * OVERSAMPLE),
        cityShare: CITY_SHARE[opts.scale],
        countyName,
        villages,
      }),
    );
    // the order trigger's one-mission lookups want their index scans back
    await run('SET LOCAL enable_nestloop = on');
    await step('ems: milestones', () => insertHistoryEvents(trx, county));
    await step('ems: pre-admissions and observations', () => insertHistoryRecords(trx, county, salt));
    await step('ems: live calls and missions', () =>
      insertLive(trx, { county, salt, now: opts.now, countyName, vehicles: vehicles.live, dispatchOrg }),
    );

    const count = async (q: string) => (await sql.raw<{ n: number }>(q).execute(trx)).rows[0].n;
    const inCounty = (table: string) => count(`SELECT count(*)::int AS n FROM ${table} WHERE county_id = ${county}`);
    return {
      stations: stations.length,
      vehicles: vehicles.count,
      crew: vehicles.crew,
      calls: await inCounty('ems_calls'),
      missions: await inCounty('ems_missions'),
      events: await inCounty('ems_events'),
      preadmissions: await inCounty('ems_preadmissions'),
      observations: await inCounty('ems_observations'),
    };
  });
}

// ---------------------------------------------------------------------------- the fleet

interface LiveVehicle {
  id: number;
  crew: number[];
  stationOrg: number;
}

interface Fleet {
  stationIds: number[];
  count: number;
  crew: number;
  live: { a: LiveVehicle; b: LiveVehicle | undefined; crewAccount: number | undefined; dispatcher: number | undefined };
}

/**
 * Stations, then two crew accounts per vehicle (the demo password's hash, as every seeded
 * account), then the vehicles with their crews, each already in its final status: the
 * vehicles on the live missions on their way, one township vehicle in the workshop.
 */
async function insertFleet(
  trx: Kdb,
  c: {
    county: number;
    seedNum: number;
    people: OrgRow;
    stations: readonly StationPlan[];
    shortCounty: string;
    /** false: every vehicle available (no live missions are generated) */
    live: boolean;
  },
): Promise<Fleet> {
  const { county, stations } = c;
  const townshipCount = stations.filter((s) => s.role === 'township').length;
  const perTownship = townshipCount ? Math.min(3, Math.floor(12 / townshipCount)) : 0;
  const hasMch = stations.some((s) => s.role === 'mch');
  const peopleCount = AMBULANCES - (hasMch ? MCH_AMBULANCES : 0) - perTownship * townshipCount;
  const kindsFor = (s: StationPlan): VehiclePlan['kind'][] => {
    if (s.role === 'people')
      return Array.from(
        { length: peopleCount },
        (_, i) => (['micu', 'emergency', 'emergency', 'micu', 'emergency', 'transport'] as const)[i] ?? 'emergency',
      );
    if (s.role === 'mch') return ['micu', 'emergency'];
    return (['emergency', 'transport', 'emergency'] as const).slice(0, perTownship);
  };

  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'org_id', 'code'])
    .where(
      'org_id',
      'in',
      stations.map((s) => s.org.id),
    )
    .execute();
  const department = (orgId: number, codes: readonly string[]) =>
    codes.map((code) => departments.find((d) => d.org_id === orgId && d.code === code)?.id).find(Boolean) ?? null;

  const rng = new Rng(c.seedNum, `ems-fleet:${county}`);
  const surname = surnameSampler(rng);
  const plates = new Set<string>();
  const plate = () => {
    for (;;) {
      const p = `晋K·${rng.pick([...'ABCDEFGHJK'])}${rng.int(1000, 9999)}`;
      if (!plates.has(p)) {
        plates.add(p);
        return p;
      }
    }
  };
  let crewNo = 0;
  const person = (orgId: number, title: string, codes: readonly string[]) => {
    const sex = rng.chance(title.includes('护士') ? 0.15 : 0.75) ? 'M' : 'F';
    return {
      username: `jijiu.${++crewNo}`,
      displayName: surname() + givenName(rng, sex, rng.int(1970, 1998)),
      title,
      mobile: mobileNumber(rng),
      departmentId: department(orgId, codes),
    };
  };
  const codesFor = (s: StationPlan) =>
    s.role === 'people' ? ['emergency'] : s.role === 'mch' ? ['obstetrics', 'neonatal'] : ['general'];

  const plans: VehiclePlan[] = [];
  let callNo = 0;
  stations.forEach((s, station) => {
    for (const kind of kindsFor(s))
      plans.push({
        station,
        callSign: `${c.shortCounty}120-${String(++callNo).padStart(2, '0')}`,
        plate: plate(),
        kind,
        negativePressure: kind !== 'transport',
        status: 'available',
        crew: [person(s.org.id, '院前急救医师', codesFor(s)), person(s.org.id, '急救护士', codesFor(s))],
      });
    // the group's one mobile CT vehicle (DOMAIN.md §3) stands at the people's hospital
    if (s.role === 'people')
      plans.push({
        station,
        callSign: `${c.shortCounty}120-CT`,
        plate: plate(),
        kind: 'mobile_ct',
        negativePressure: false,
        status: 'available',
        crew: [person(s.org.id, 'CT技师', ['imaging', 'emergency']), person(s.org.id, '院前急救医师', codesFor(s))],
      });
  });
  // the live missions: the first people's-hospital ambulance (the crew account's) brings a
  // chest-pain patient in; the first ambulance of a mountain station (else any township) is on its way out
  const ambulances = plans.filter((v) => v.kind !== 'mobile_ct');
  const a = ambulances[0];
  if (c.live) {
    a.status = 'to_hospital';
    a.live = 'A';
  }
  const townshipOf = (v: VehiclePlan) => stations[v.station].role === 'township';
  const b =
    ambulances.find((v) => townshipOf(v) && stations[v.station].mountain) ??
    ambulances.find(townshipOf) ??
    ambulances.find((v) => v !== a);
  if (b && c.live) {
    b.status = 'en_route';
    b.live = 'B';
  }
  // one township transport ambulance is in the workshop
  const workshop = ambulances.find(
    (v) =>
      townshipOf(v) &&
      v.kind === 'transport' &&
      !stations[v.station].mountain &&
      (!b || v.station !== b.station) &&
      v.status === 'available',
  );
  if (workshop && c.live) workshop.status = 'out_of_service';

  const demoHash = await trx
    .selectFrom('staff')
    .select('password_hash')
    .where('county_id', '=', county)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const staffRows = plans.flatMap((v) =>
    v.crew.map((p) => ({
      county_id: county,
      org_id: stations[v.station].org.id,
      department_id: p.departmentId,
      username: p.username,
      display_name: p.displayName,
      title: p.title,
      roles: ['crew'],
      mobile: p.mobile,
      // every seeded account shares the demo password's one hash (seed.ts); none there: no login
      password_hash: demoHash?.password_hash ?? '!no-login',
      must_change_password: false,
      disabled: !demoHash,
      failed_attempts: 0,
    })),
  );
  const staff = await trx.insertInto('staff').values(staffRows).returning(['id', 'username']).execute();
  const staffId = new Map(staff.map((s) => [s.username, s.id]));
  const known = await trx
    .selectFrom('staff')
    .select(['id', 'username'])
    .where('county_id', '=', county)
    .where('username', 'in', ['crew', 'dispatcher'])
    .execute();
  const crewAccount = known.find((s) => s.username === 'crew')?.id;
  const dispatcher = known.find((s) => s.username === 'dispatcher')?.id;

  const stationRows = await sql<{ id: number; org_id: number }>`
    INSERT INTO ems_stations (county_id, org_id, name, node_id)
    SELECT ${county}, x.org_id, x.name, (SELECT n.id FROM road_nodes n WHERE n.org_id = x.org_id)
    FROM jsonb_to_recordset(${JSON.stringify(stations.map((s, ord) => ({ ord, org_id: s.org.id, name: s.name })))}::jsonb)
      AS x(ord int, org_id int, name text)
    ORDER BY x.ord
    RETURNING id, org_id`.execute(trx);
  const stationIds = stations.map((s) => {
    const row = stationRows.rows.find((r) => r.org_id === s.org.id);
    if (!row) throw new Error(`ems seed: station ${s.name} was not inserted`);
    return row.id;
  });
  const crewIds = (v: VehiclePlan) => [
    // the demo crew account rides the first ambulance (the live chest-pain case's, when there is one)
    ...(v === a && crewAccount !== undefined ? [crewAccount] : []),
    ...v.crew.map((p) => staffId.get(p.username) ?? 0),
  ];
  const vehicleRows = plans.map((v, ord) => ({
    ord,
    station_id: stationIds[v.station],
    org_id: stations[v.station].org.id,
    call_sign: v.callSign,
    plate: v.plate,
    kind: v.kind,
    negative_pressure: v.negativePressure,
    status: v.status,
    crew_staff_ids: crewIds(v),
  }));
  const inserted = await sql<{ id: number; call_sign: string; crew_staff_ids: number[] }>`
    INSERT INTO ems_vehicles (county_id, station_id, org_id, call_sign, plate, kind, negative_pressure, status, crew_staff_ids)
    SELECT ${county}, x.station_id, x.org_id, x.call_sign, x.plate, x.kind, x.negative_pressure, x.status, x.crew_staff_ids
    FROM jsonb_to_recordset(${JSON.stringify(vehicleRows)}::jsonb)
      AS x(ord int, station_id int, org_id int, call_sign text, plate text, kind text, negative_pressure boolean,
           status text, crew_staff_ids int[])
    ORDER BY x.ord
    RETURNING id, call_sign, crew_staff_ids`.execute(trx);
  const liveVehicle = (v: VehiclePlan | undefined): LiveVehicle | undefined => {
    const row = v && inserted.rows.find((r) => r.call_sign === v.callSign);
    return v && row ? { id: row.id, crew: row.crew_staff_ids, stationOrg: stations[v.station].org.id } : undefined;
  };
  const liveA = liveVehicle(a);
  if (!liveA) throw new Error('ems seed: the first ambulance was not inserted');
  return {
    stationIds,
    count: plans.length,
    crew: staff.length,
    live: { a: liveA, b: liveVehicle(b), crewAccount, dispatcher },
  };
}

// ---------------------------------------------------------------------------- a year of history

interface HistoryParams {
  county: number;
  salt: string;
  now: string;
  today: string;
  candidates: number;
  cityShare: number;
  countyName: string;
  villages: number;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The candidate calls (ems_seed_m: place, channel, station and vehicle, destination, every
 * milestone as seconds after the call or NULL), the ones kept (ems_seed_k: inside the year,
 * over 45 minutes before `now`, their vehicle free), then their calls and missions.
 * Returns the number of missions.
 */
async function insertHistory(trx: Kdb, c: HistoryParams): Promise<number> {
  const run = (text: string) => sql.raw(text).execute(trx);
  const { county, now, today } = c;
  const streets = `ARRAY[${STREETS.map(q).join(', ')}]`;
  // the numbers two bytes each from a few SHA-512s of the seed and the candidate: 16 bits are
  // plenty for picking days, villages and minutes; one array expression, no subquery per row
  const digests = Array.from(
    { length: HASHES },
    (_, k) => `sha512(convert_to('${c.salt}:' || i || ':${k}', 'UTF8'))`,
  ).join(' || ');
  const numbers = U_NAMES.map(
    (_, n) => `((get_byte(h.b, ${2 * n}) * 256 + get_byte(h.b, ${2 * n + 1})) * 2 + 1) / 131072::float8`,
  );
  await run(`CREATE TEMP TABLE ems_seed_c ON COMMIT DROP AS
    SELECT i, ARRAY[${numbers.join(', ')}]::float8[] AS u
    FROM generate_series(1, ${c.candidates}) i CROSS JOIN LATERAL (SELECT ${digests} AS b OFFSET 0) h`);

  const ch = U('channel');
  const cmp = U('complaint');
  await run(`CREATE TEMP TABLE ems_seed_m ON COMMIT DROP AS
    WITH b AS MATERIALIZED (
      SELECT c.i, c.u,
        ((${today} - floor(${U('day')} * 365)::int)::timestamp
          + ((ARRAY[${hourQuantiles().join(',')}])[1 + floor(${U('hour')} * 200)::int] + ${U('minute')}) * interval '1 hour')
          AT TIME ZONE 'Asia/Shanghai' AS t0,
        CASE WHEN ${c.villages} = 0 OR ${U('place')} < ${c.cityShare} THEN NULL
             ELSE 1 + floor(${U('village')} * ${c.villages})::int END AS vn,
        CASE WHEN ${ch} < 0.14 THEN 'chest_pain' WHEN ${ch} < 0.25 THEN 'stroke' WHEN ${ch} < 0.47 THEN 'trauma'
             WHEN ${ch} < 0.54 THEN 'maternal' WHEN ${ch} < 0.58 THEN 'neonatal' ELSE 'general' END AS channel
      FROM ems_seed_c c),
    p AS MATERIALIZED (
      SELECT c.*, v.org_id AS village_org_id, v.vname, v.township_id, v.township_name, coalesce(v.mountain, false) AS mountain,
        coalesce(v.lat, x.city_lat) + (${U('lat')} - 0.5) * CASE WHEN v.vn IS NULL THEN 0.03 ELSE 0.006 END AS lat,
        coalesce(v.lng, x.city_lng) + (${U('lng')} - 0.5) * CASE WHEN v.vn IS NULL THEN 0.04 ELSE 0.008 END AS lng,
        CASE c.channel
          WHEN 'chest_pain' THEN CASE WHEN ${cmp} < 0.7 THEN 'CHEST_PAIN' WHEN ${cmp} < 0.92 THEN 'PALPITATION' ELSE 'CARDIAC_ARREST' END
          WHEN 'stroke' THEN CASE WHEN ${cmp} < 0.8 THEN 'STROKE' ELSE 'HEADACHE' END
          WHEN 'trauma' THEN CASE WHEN ${cmp} < 0.45 THEN 'TRAFFIC' WHEN ${cmp} < 0.9 THEN 'FALL' ELSE 'BURN' END
          WHEN 'maternal' THEN CASE WHEN ${cmp} < 0.75 THEN 'LABOUR' ELSE 'PREG_HTN' END
          WHEN 'neonatal' THEN CASE WHEN ${cmp} < 0.55 THEN 'NEWBORN' ELSE 'NEWBORN_FEVER' END
          ELSE CASE WHEN ${cmp} < 0.25 THEN 'DYSPNOEA' WHEN ${cmp} < 0.33 THEN 'POISON' WHEN ${cmp} < 0.63 THEN 'ABDOMINAL'
                    WHEN ${cmp} < 0.85 THEN 'FEVER' ELSE 'TRANSFER' END
        END AS complaint,
        -- the village's own station mostly, the people's hospital otherwise; mothers and newborns the MCH's
        CASE WHEN c.channel IN ('maternal', 'neonatal') AND x.mch_station IS NOT NULL AND (v.vn IS NULL OR ${U('station')} < 0.3)
               THEN x.mch_station
             WHEN v.station_id IS NOT NULL AND ${U('station')} < 0.85 THEN v.station_id
             ELSE x.people_station END AS station_id,
        x.dispatchers[1 + floor(${U('dispatcher')} * cardinality(x.dispatchers))::int] AS dispatcher_id
      FROM b c CROSS JOIN ems_seed_ctx x LEFT JOIN ems_seed_vil v ON v.vn = c.vn
      WHERE c.t0 > ${now} - interval '365 days' AND c.t0 < ${now} - interval '3 hours'),
    o AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN ${U('outcome')} < 0.02 THEN 'cancel'
             WHEN ${U('outcome')} < CASE WHEN c.complaint = 'CARDIAC_ARREST' THEN 0.35
                                        WHEN c.channel IN ('general', 'trauma') THEN 0.08 ELSE 0.035 END THEN 'notransport'
             ELSE 'transport' END AS outcome
      FROM p c),
    q AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.outcome <> 'transport' THEN NULL
          WHEN c.channel IN ('maternal', 'neonatal') THEN
            CASE WHEN c.vn IS NOT NULL AND ${U('dest')} < 0.15 THEN c.township_id ELSE coalesce(x.mch_org, x.people_org) END
          WHEN c.channel IN ('chest_pain', 'stroke') THEN
            CASE WHEN c.vn IS NOT NULL AND ${U('dest')} < 0.2 THEN c.township_id ELSE x.people_org END
          WHEN c.channel = 'trauma' THEN
            CASE WHEN c.vn IS NOT NULL AND ${U('dest')} < 0.3 THEN c.township_id
                 WHEN c.vn IS NULL AND ${U('dest')} < 0.15 AND x.tcm_org IS NOT NULL THEN x.tcm_org ELSE x.people_org END
          ELSE CASE WHEN c.vn IS NOT NULL AND ${U('dest')} < 0.45 THEN c.township_id
                    WHEN c.vn IS NULL AND ${U('dest')} < 0.1 AND x.tcm_org IS NOT NULL THEN x.tcm_org ELSE x.people_org END
        END AS dest_org_id
      FROM o c CROSS JOIN ems_seed_ctx x),
    r AS MATERIALIZED (
      SELECT c.*, s.org_id AS station_org_id, s.mountain AS station_mountain, s.vehicles, s.n AS nveh,
        d.kind AS dest_kind, coalesce(c.dest_org_id = x.people_org, false) AS to_people,
        ${km('s.lat', 's.lng', 'c.lat', 'c.lng')} AS km_scene,
        ${km('c.lat', 'c.lng', 'd.lat', 'd.lng')} AS km_dest,
        ${km('coalesce(d.lat, c.lat)', 'coalesce(d.lng, c.lng)', 's.lat', 's.lng')} AS km_back
      FROM q c CROSS JOIN ems_seed_ctx x JOIN ems_seed_st s ON s.station_id = c.station_id
      LEFT JOIN orgs d ON d.id = c.dest_org_id),
    f AS MATERIALIZED (
      SELECT c.*,
        round(${driveMin('c.km_scene', '(c.mountain OR c.station_mountain)')}::numeric, 1) AS eta_scene,
        ${driveMin('c.km_dest', 'c.mountain')} AS dest_min,
        ${driveMin('c.km_back', 'c.station_mountain')} AS back_min,
        c.outcome <> 'cancel' AND ${U('ecgHas')} < CASE c.channel WHEN 'chest_pain' THEN 0.96 WHEN 'stroke' THEN 0.4
                                                                  WHEN 'general' THEN 0.12 ELSE 0 END AS has_ecg,
        c.channel = 'chest_pain' AND ${U('stemi')} < CASE WHEN c.complaint = 'CARDIAC_ARREST' THEN 0.5 ELSE 0.3 END AS stemi,
        CASE WHEN c.channel = 'stroke' THEN ${U('onset')} < 0.65 END AS onset_known
      FROM r c),
    -- STEMI brought to the PCI centre: a pre-activated few near 27 min door-to-wire, most near
    -- 53, the ones whose consent took long later
    g AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.stemi AND c.outcome = 'transport' AND c.to_people THEN
          CASE WHEN ${U('group')} < 0.07 AND c.has_ecg THEN 'fast' WHEN ${U('group')} < 0.22 THEN 'long' ELSE 'normal' END
        END AS grp
      FROM f c),
    h AS MATERIALIZED (
      SELECT c.*, c.has_ecg AND c.channel = 'chest_pain' AND (c.grp = 'fast' OR ${U('transmit')} < 0.45) AS transmitted
      FROM g c),
    k AS MATERIALIZED (
      SELECT c.*, c.outcome = 'transport' AND (
          (c.channel = 'chest_pain' AND (c.grp = 'fast' OR (c.transmitted AND ${U('prealert')} < 0.8) OR ${U('prealert')} < 0.2))
          OR (c.channel = 'stroke' AND ${U('prealert')} < 0.55)) AS prealert
      FROM h c),
    l AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.prealert THEN coalesce(c.grp = 'fast', false) OR (c.grp IS NOT NULL AND ${U('bypass')} < 0.45)
                                  OR (c.channel = 'stroke' AND c.to_people AND ${U('bypass')} < 0.4) END AS bypass
      FROM k c),
    -- the pre-hospital chain, seconds after the call
    t AS MATERIALIZED (
      SELECT c.*, a.o_ans, d.o_dec, n.o_notif, dp.o_dep, sc.o_scene, fm.o_fmc, ec.o_ecg, tx.o_tx, rd.o_read, pr.o_pre,
             lf.o_left, dr.o_door, lk.o_lkw
      FROM l c
      CROSS JOIN LATERAL (SELECT CASE WHEN ${U('ansSlow')} < 0.955 THEN 2 + 8 * ${U('ans')} ELSE 11 + 40 * ${U('ans')} END AS o_ans OFFSET 0) a
      CROSS JOIN LATERAL (SELECT a.o_ans + 20 + 50 * ${U('dec')} AS o_dec OFFSET 0) d
      CROSS JOIN LATERAL (SELECT d.o_dec + 5 + 10 * ${U('notif')} AS o_notif OFFSET 0) n
      CROSS JOIN LATERAL (SELECT n.o_notif + CASE WHEN ${U('depSlow')} < 0.95 THEN 30 + 60 * ${U('dep')}
                                                  ELSE 100 + 260 * ${U('dep')} END AS o_dep OFFSET 0) dp
      CROSS JOIN LATERAL (SELECT CASE WHEN c.outcome <> 'cancel'
        THEN dp.o_dep + (c.eta_scene::float8 * (0.85 + 0.4 * ${U('travel')}) + 1 + 4 * ${U('access')}) * 60 END AS o_scene OFFSET 0) sc
      CROSS JOIN LATERAL (SELECT sc.o_scene + 60 + 120 * ${U('fmc')} AS o_fmc OFFSET 0) fm
      CROSS JOIN LATERAL (SELECT CASE WHEN c.has_ecg THEN fm.o_fmc + 120 + 420 * ${U('ecg')} END AS o_ecg OFFSET 0) ec
      CROSS JOIN LATERAL (SELECT CASE WHEN c.transmitted THEN ec.o_ecg + 30 + 150 * ${U('tx')} END AS o_tx OFFSET 0) tx
      CROSS JOIN LATERAL (SELECT tx.o_tx + 60 + 240 * ${U('read')} AS o_read OFFSET 0) rd
      CROSS JOIN LATERAL (SELECT CASE WHEN c.prealert
        THEN coalesce(rd.o_read, ec.o_ecg, fm.o_fmc + 240) + 60 + 120 * ${U('preDelay')} END AS o_pre OFFSET 0) pr
      CROSS JOIN LATERAL (SELECT CASE WHEN c.outcome = 'transport' THEN greatest(sc.o_scene + (8 + 12 * ${U('scene')}) * 60,
        coalesce(pr.o_pre, rd.o_read, tx.o_tx, ec.o_ecg, fm.o_fmc) + 60 + 120 * ${U('leave')}) END AS o_left OFFSET 0) lf
      CROSS JOIN LATERAL (SELECT lf.o_left + c.dest_min * (0.9 + 0.3 * ${U('destTravel')}) * 60 AS o_door OFFSET 0) dr
      CROSS JOIN LATERAL (SELECT CASE WHEN c.channel = 'stroke' THEN -60 * CASE WHEN c.onset_known
        THEN 15 + 165 * power(${U('lkw')}, 2) ELSE 60 + 540 * ${U('lkw')} END END AS o_lkw OFFSET 0) lk),
    -- at the hospital: CT, diagnosis, needle
    x1 AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.o_door IS NULL THEN NULL
          WHEN c.channel = 'stroke' AND c.to_people
            THEN c.o_door + CASE WHEN c.bypass THEN 5 + 7 * ${U('ct')} ELSE 8 + 17 * ${U('ct')} END * 60
          WHEN c.channel = 'trauma' AND c.dest_kind = 'county_hospital' AND ${U('share')} < 0.6
            THEN c.o_door + (10 + 20 * ${U('ct')}) * 60 END AS o_ct,
        c.channel = 'stroke' AND c.to_people AND ${U('thrombectomy')} < 0.12 AS thrombectomy
      FROM t c),
    x2 AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.o_door IS NULL THEN NULL
          WHEN c.channel = 'chest_pain' THEN coalesce(c.o_read + 60 + 120 * ${U('diag')}, c.o_door + (5 + 7 * ${U('diag')}) * 60)
          WHEN c.channel = 'stroke' THEN coalesce(c.o_ct + (4 + 6 * ${U('diag')}) * 60, c.o_door + (15 + 15 * ${U('diag')}) * 60)
          WHEN c.channel = 'trauma' AND ${U('diag')} < 0.7
            THEN coalesce(c.o_ct + (5 + 10 * ${U('diag')}) * 60, c.o_door + (10 + 15 * ${U('diag')}) * 60)
          WHEN c.channel = 'general' AND c.dest_kind = 'county_hospital' AND ${U('diag')} < 0.5
            THEN c.o_door + (10 + 30 * ${U('diag')}) * 60 END AS o_diag,
        CASE WHEN c.o_door IS NULL THEN NULL
          -- stroke thrombolysis inside 4 hours of onset: DNT mostly 45–70, quicker straight to CT
          WHEN c.channel = 'stroke' AND c.to_people AND c.onset_known AND c.o_door - c.o_lkw < 4 * 3600 AND ${U('needle')} < 0.6
            THEN c.o_door + 60 * CASE WHEN c.bypass AND ${U('dntB')} < 0.5 THEN 30 + 15 * ${U('dntA')}
                                      WHEN ${U('dntB')} < 0.92 THEN 45 + 25 * (${U('dntA')} + ${U('dntC')}) / 2
                                      ELSE 70 + 30 * ${U('dntA')} END
          -- a STEMI at a township centre: thrombolysis there, then the transfer
          WHEN c.stemi AND c.dest_kind IN ('township_center', 'community_center') AND ${U('needle')} < 0.5
            THEN c.o_door + (20 + 20 * ${U('dntA')}) * 60 END AS o_needle
      FROM x1 c),
    -- consent, cath lab and wire: PCI (by group) and stroke thrombectomy
    x3 AS MATERIALIZED (
      SELECT c.*,
        CASE c.grp WHEN 'fast' THEN c.o_door + (24 + 7 * ${U('wireA')}) * 60
                   WHEN 'normal' THEN c.o_door + (51 + (${U('wireA')} + ${U('wireB')} + ${U('wireC')} - 1.5) * 14) * 60 END AS pw,
        CASE c.grp WHEN 'fast' THEN c.o_pre + 120 + 180 * ${U('consStart')}
                   WHEN 'normal' THEN c.o_door + (4 + 6 * ${U('consStart')}) * 60
                   WHEN 'long' THEN c.o_door + (6 + 6 * ${U('consStart')}) * 60
          ELSE CASE WHEN c.channel = 'stroke' AND c.o_needle IS NOT NULL THEN c.o_needle - (8 + 6 * ${U('consStart')}) * 60
                    WHEN c.thrombectomy THEN c.o_diag + (3 + 3 * ${U('consStart')}) * 60 END
        END AS o_cons_s
      FROM x2 c),
    x4 AS MATERIALIZED (
      SELECT c.*,
        c.o_cons_s + 60 * CASE c.grp WHEN 'fast' THEN 3 + 5 * ${U('consDur')} WHEN 'normal' THEN 4 + 8 * ${U('consDur')}
                                     WHEN 'long' THEN 35 + 38 * ${U('consDur')} END AS p_sig,
        CASE WHEN c.thrombectomy THEN c.o_diag + (2 + 4 * ${U('cathAct')}) * 60 END AS s_act
      FROM x3 c),
    x5 AS MATERIALIZED (
      SELECT c.*,
        CASE c.grp WHEN 'fast' THEN c.o_door + (6 + 6 * ${U('cathPre')}) * 60
                   WHEN 'normal' THEN c.pw - (8 + 6 * ${U('cathPre')}) * 60
                   WHEN 'long' THEN c.p_sig + (5 + 5 * ${U('cathPre')}) * 60
          ELSE c.s_act + (20 + 20 * ${U('cathPre')}) * 60 END AS o_cath_arr
      FROM x4 c),
    x6 AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN c.grp = 'normal' THEN least(c.p_sig, c.o_cath_arr - 60)
             WHEN c.grp IS NOT NULL THEN c.p_sig
             WHEN c.channel = 'stroke' AND c.o_needle IS NOT NULL THEN c.o_needle - (1 + 2 * ${U('consDur')}) * 60
             WHEN c.thrombectomy THEN c.o_cons_s + (5 + 10 * ${U('consDur')}) * 60 END AS o_cons_sig,
        CASE WHEN c.grp IS NOT NULL
               THEN least(coalesce(c.o_pre + 60 + 120 * ${U('cathAct')}, c.o_diag + 60 + 180 * ${U('cathAct')}), c.o_cath_arr - 120)
             ELSE c.s_act END AS o_cath_act,
        CASE WHEN c.grp = 'long' THEN c.o_cath_arr + (8 + 6 * ${U('wireA')}) * 60
             WHEN c.grp IS NOT NULL THEN c.pw
             WHEN c.thrombectomy THEN c.o_cath_arr + (15 + 15 * ${U('wireA')}) * 60 END AS o_wire,
        CASE WHEN c.o_door IS NOT NULL AND c.dest_kind IN ('township_center', 'community_center') AND (
               c.channel IN ('chest_pain', 'stroke', 'neonatal') OR (c.channel = 'maternal' AND ${U('share')} < 0.6)
               OR (c.channel = 'trauma' AND ${U('share')} < 0.35) OR (c.channel = 'general' AND ${U('share')} < 0.15))
             THEN greatest(c.o_door + (35 + 140 * power(${U('dido')}, 2)) * 60, c.o_needle + 600) END AS o_door_out,
        CASE WHEN c.channel = 'maternal' AND c.o_door IS NOT NULL AND (c.dest_kind = 'county_hospital' OR ${U('obTeam')} < 0.6)
             THEN c.o_door + (2 + 10 * ${U('obTeam')}) * 60 END AS o_ob,
        c.o_door + 60 + 240 * ${U('triage')} AS o_triage,
        c.o_door + (5 + 15 * ${U('handover')}) * 60 AS o_handover
      FROM x5 c),
    x7 AS MATERIALIZED (
      SELECT c.*,
        CASE c.outcome
          WHEN 'cancel' THEN c.o_dep + (4 + 10 * ${U('scene')}) * 60
          WHEN 'notransport' THEN c.o_fmc + (15 + 20 * ${U('scene')}) * 60
            + ${driveMin('c.km_scene', '(c.mountain OR c.station_mountain)')} * (0.9 + 0.3 * ${U('ret')}) * 60
          ELSE c.o_handover + c.back_min * (0.9 + 0.3 * ${U('ret')}) * 60 END AS o_avail
      FROM x6 c)
    SELECT c.*,
      greatest(c.o_avail, c.o_door_out, c.o_wire, c.o_needle, c.o_ct, c.o_diag, c.o_cons_sig, c.o_ob, c.o_triage) AS o_last,
      c.vehicles[1 + ((row_number() OVER (PARTITION BY c.station_id ORDER BY c.t0, c.i) - 1) % c.nveh)::int] AS vehicle_id,
      md5('${c.salt}:call:' || c.i)::uuid AS client_id,
      CASE WHEN c.vn IS NOT NULL AND c.channel IN ('chest_pain', 'stroke') THEN 'old'
           WHEN c.vn IS NOT NULL AND c.channel IN ('trauma', 'general') THEN 'adult'
           WHEN c.vn IS NOT NULL AND c.channel = 'maternal' THEN 'mat' END AS bucket,
      CASE WHEN c.channel = 'maternal' THEN 'F'
           WHEN ${U('sex')} < CASE c.channel WHEN 'chest_pain' THEN 0.62 WHEN 'trauma' THEN 0.65 ELSE 0.52 END THEN 'M'
           ELSE 'F' END AS sex,
      (CASE c.channel WHEN 'chest_pain' THEN 45 + floor(40 * ${U('age')}) WHEN 'stroke' THEN 50 + floor(38 * ${U('age')})
         WHEN 'trauma' THEN 8 + floor(67 * ${U('age')}) WHEN 'maternal' THEN 20 + floor(20 * ${U('age')})
         WHEN 'neonatal' THEN 0 ELSE 1 + floor(89 * power(${U('age')}, 0.7)) END)::int AS age,
      '1' || (ARRAY['39', '38', '37', '35', '36', '50', '51', '52', '58', '59', '87', '88', '33', '80', '89'])[1 + floor(${U('phone')} * 15)::int]
          || lpad((floor(${U('phone')} * 1e12)::bigint % 100000000)::text, 8, '0') AS phone,
      CASE WHEN c.vn IS NULL
           THEN ${q(c.countyName)} || (${streets})[1 + floor(${U('addr')} * ${STREETS.length})::int]
                || (1 + floor(${U('addr')} * 10000)::int % 200) || '号'
           ELSE c.township_name || c.vname || (1 + floor(${U('addr')} * 9)::int) || '组' END AS address,
      CASE WHEN c.complaint = 'LABOUR' THEN '孕' || (36 + floor(${U('note')} * 5)::int) || '周，'
                                           || CASE WHEN ${U('note')} < 0.5 THEN '规律宫缩' ELSE '见红' END
           WHEN c.complaint = 'POISON' THEN CASE WHEN ${U('note')} < 0.5 THEN '误服农药' ELSE '煤炉取暖，疑一氧化碳中毒' END
           WHEN c.complaint = 'TRANSFER' THEN '卫生院申请转上级医院'
           WHEN c.mountain AND ${U('note')} < 0.3 THEN '山路，村口有人接应' END AS note
    FROM x7 c`);

  // kept: inside the year, ended 45 minutes before now, the vehicle free when dispatched (a
  // running maximum over every earlier candidate of the vehicle: conservative and set-based)
  await run(`CREATE TEMP TABLE ems_seed_rc ON COMMIT DROP AS
    SELECT org_id, bucket, max(cnt) AS cnt FROM ems_seed_res GROUP BY org_id, bucket`);
  await run(`CREATE TEMP TABLE ems_seed_k ON COMMIT DROP AS
    SELECT c.*, r.id AS resident_id,
      coalesce(r.name, CASE c.channel WHEN 'neonatal' THEN '新生儿（' || CASE c.sex WHEN 'M' THEN '男' ELSE '女' END || '）'
                                      WHEN 'maternal' THEN '孕妇，' || c.age || '岁'
                                      ELSE CASE c.sex WHEN 'M' THEN '男' ELSE '女' END || '，约' || c.age || '岁' END) AS patient_label,
      coalesce(r.sex, c.sex) AS patient_sex,
      coalesce(extract(year FROM age((c.t0 AT TIME ZONE 'Asia/Shanghai')::date, r.birth_date))::int, c.age) AS patient_age,
      NULL::int AS call_id, NULL::int AS mission_id
    FROM (
      SELECT m.*, max(m.t0 + m.o_avail * interval '1 second') OVER (PARTITION BY m.vehicle_id ORDER BY m.t0, m.i
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS busy_until
      FROM ems_seed_m m
      WHERE m.t0 + m.o_last * interval '1 second' < ${now} - interval '45 minutes') c
    LEFT JOIN ems_seed_rc rc ON rc.org_id = c.village_org_id AND rc.bucket = c.bucket AND ${U('link')} < 0.5
    LEFT JOIN ems_seed_res r ON r.org_id = rc.org_id AND r.bucket = rc.bucket AND r.n = floor(${U('pick')} * rc.cnt)::int
    WHERE c.busy_until IS NULL OR c.busy_until <= c.t0 + c.o_dec * interval '1 second'`);

  await run(`WITH ins AS (
      INSERT INTO ems_calls (county_id, org_id, client_id, received_at, answered_at, caller_phone, address, village_org_id,
                             lat, lng, complaint_code, triage_level, channel, resident_id, patient_label, patient_sex,
                             patient_age, note, status, dispatcher_id, created_at)
      SELECT ${county}, x.dispatch_org, c.client_id, c.t0, c.t0 + c.o_ans * interval '1 second', c.phone, c.address,
             c.village_org_id, round(c.lat::numeric, 6), round(c.lng::numeric, 6), c.complaint, e.triage_level, c.channel,
             c.resident_id, c.patient_label, c.patient_sex, c.patient_age, c.note,
             CASE WHEN c.outcome = 'cancel' THEN 'cancelled' ELSE 'closed' END, c.dispatcher_id,
             c.t0 + c.o_ans * interval '1 second'
      FROM ems_seed_k c CROSS JOIN ems_seed_ctx x JOIN ems_complaints e ON e.code = c.complaint
      ORDER BY c.t0, c.i
      RETURNING id, client_id)
    UPDATE ems_seed_k k SET call_id = ins.id FROM ins WHERE ins.client_id = k.client_id`);
  await run(`WITH ins AS (
      INSERT INTO ems_missions (county_id, call_id, vehicle_id, org_id, station_org_id, dest_org_id, channel, status,
                                crew_staff_ids, resident_id, onset_known, eta_scene_min, dispatched_by, created_at, ended_at,
                                backfilled)
      SELECT ${county}, c.call_id, c.vehicle_id, x.dispatch_org, c.station_org_id, c.dest_org_id, c.channel,
             CASE WHEN c.outcome = 'cancel' THEN 'cancelled' ELSE 'completed' END, v.crew_staff_ids, c.resident_id,
             c.onset_known, c.eta_scene, c.dispatcher_id, c.t0 + c.o_dec * interval '1 second',
             c.t0 + c.o_avail * interval '1 second', true
      FROM ems_seed_k c CROSS JOIN ems_seed_ctx x JOIN ems_vehicles v ON v.id = c.vehicle_id
      ORDER BY c.t0, c.i
      RETURNING id, call_id)
    UPDATE ems_seed_k k SET mission_id = ins.id FROM ins WHERE ins.call_id = k.call_id`);
  await run(`UPDATE ems_vehicles v SET status_at = CASE
      WHEN v.status = 'out_of_service' THEN greatest(coalesce(x.last, ${now}) + interval '10 minutes', ${now} - interval '2 hours')
      ELSE coalesce(x.last, ${now} - interval '1 day') END
    FROM (SELECT w.id, max(k.t0 + k.o_avail * interval '1 second') AS last
          FROM ems_vehicles w LEFT JOIN ems_seed_k k ON k.vehicle_id = w.id
          WHERE w.county_id = ${county} GROUP BY w.id) x
    WHERE x.id = v.id AND v.status IN ('available', 'out_of_service')`);
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ems_seed_k`.execute(trx)).rows[0].n;
}

/** The milestones each kept mission reached, in mission and time order (so the order trigger checks each against the ones before). */
async function insertHistoryEvents(trx: Kdb, county: number): Promise<number> {
  const { numAffectedRows } = await sql
    .raw(
      `INSERT INTO ems_events (county_id, mission_id, milestone, at, source, recorded_at)
    SELECT ${county}, c.mission_id, e.milestone, c.t0 + e.o * interval '1 second', 'backfill',
           c.t0 + (e.o + 30 + mod(c.i * 7919 + e.seq * 104729, 870)) * interval '1 second'
    FROM ems_seed_k c
    CROSS JOIN LATERAL (VALUES
      ('last_known_well', c.o_lkw, 1), ('call_received', 0::float8, 2), ('call_answered', c.o_ans, 3),
      ('dispatch_decided', c.o_dec, 4), ('crew_notified', c.o_notif, 5), ('departed', c.o_dep, 6), ('on_scene', c.o_scene, 7),
      ('fmc', c.o_fmc, 8), ('first_ecg', c.o_ecg, 9), ('ecg_transmitted', c.o_tx, 10), ('ecg_read', c.o_read, 11),
      ('prealert', c.o_pre, 12), ('left_scene', c.o_left, 13), ('door', c.o_door, 14), ('triage', c.o_triage, 15),
      ('obstetric_team', c.o_ob, 16), ('diagnosis', c.o_diag, 17), ('consent_started', c.o_cons_s, 18),
      ('consent_signed', c.o_cons_sig, 19), ('ct_start', c.o_ct, 20), ('cathlab_activated', c.o_cath_act, 21),
      ('cathlab_arrived', c.o_cath_arr, 22), ('needle', c.o_needle, 23), ('wire', c.o_wire, 24),
      ('door_out', c.o_door_out, 25), ('handover', c.o_handover, 26), ('available', c.o_avail, 27)
    ) AS e(milestone, o, seq)
    WHERE e.o IS NOT NULL
    ORDER BY c.mission_id, e.o, e.seq`,
    )
    .execute(trx);
  return Number(numAffectedRows ?? 0);
}

/**
 * 上车即入院 for the pre-alerted chest-pain and stroke missions (arrived, the team activated on
 * the pre-alert, ED bypass for a share), and what the crews recorded: vitals at first contact,
 * the ECG, FAST and glucose for strokes, GCS for injuries, the gestation of mothers.
 */
async function insertHistoryRecords(trx: Kdb, county: number, salt: string): Promise<{ preadmissions: number }> {
  const at = (o: string) => `(c.t0 + (${o}) * interval '1 second')`;
  const pre = await sql
    .raw(
      `INSERT INTO ems_preadmissions (county_id, mission_id, dest_org_id, temp_id, resident_id, channel, status, eta_at, team,
                                    team_activated_at, team_activated_by, arrived_at, ed_bypass, pathway, merged_at, created_at)
    SELECT ${county}, c.mission_id, c.dest_org_id,
           'T' || to_char(${at('c.o_pre')} AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(c.mission_id::text, 4, '0'),
           c.resident_id, c.channel, 'arrived',
           ${at('c.o_pre + (c.o_door - c.o_pre) * (0.85 + 0.3 * ' + U('team') + ')')},
           c.channel, ${at('c.o_pre + 30 + 90 * ' + U('team'))}, d.doc, ${at('c.o_door')}, c.bypass,
           CASE WHEN NOT c.bypass THEN '急诊' WHEN c.channel = 'chest_pain' THEN '绕行急诊直达导管室' ELSE '绕行急诊直达CT室' END,
           CASE WHEN c.resident_id IS NOT NULL THEN ${at('c.o_door + 600')} END,
           ${at('c.o_pre')}
    FROM ems_seed_k c LEFT JOIN ems_seed_doc d ON d.org_id = c.dest_org_id
    WHERE c.o_pre IS NOT NULL AND c.o_door IS NOT NULL
    ORDER BY c.mission_id`,
    )
    .execute(trx);
  await sql
    .raw(
      `INSERT INTO ems_observations (county_id, mission_id, client_id, kind, observed_at, recorded_at, recorded_by, value)
    SELECT ${county}, c.mission_id, md5('${salt}:obs:' || c.i || ':' || o.kind)::uuid, o.kind, ${at('o.o')},
           ${at('o.o + 20 + mod(c.i * 131, 180)')}, v.crew_staff_ids[1], o.value
    FROM ems_seed_k c JOIN ems_vehicles v ON v.id = c.vehicle_id
    CROSS JOIN LATERAL (SELECT
      (CASE WHEN c.channel = 'stroke' THEN 150 + 50 * ${U('sbp')} WHEN c.complaint = 'PREG_HTN' THEN 160 + 30 * ${U('sbp')}
            WHEN c.channel = 'chest_pain' THEN 95 + 85 * ${U('sbp')} ELSE 95 + 60 * ${U('sbp')} END)::int AS sbp,
      (55 + 65 * ${U('hr')})::int AS hr, (88 + 11 * ${U('spo2')})::int AS spo2) s
    CROSS JOIN LATERAL (VALUES
      ('vitals', c.o_fmc + 60, jsonb_build_object('sbp', s.sbp, 'dbp', (s.sbp * 0.62)::int, 'hr', s.hr,
                                                  'rr', 14 + s.hr / 12, 'spo2', s.spo2)),
      ('ecg', c.o_ecg, jsonb_build_object(
         'rhythm', CASE WHEN s.hr > 110 THEN '窦性心动过速' WHEN ${U('spo2')} < 0.1 THEN '心房颤动' ELSE '窦性心律' END,
         'stemi', c.stemi,
         'summary', CASE WHEN c.stemi THEN (ARRAY['V1–V4', 'II、III、aVF', 'I、aVL、V5–V6'])[1 + floor(${U('hr')} * 3)::int]
                                            || ' 导联 ST 段抬高' ELSE '未见明显 ST 段抬高' END,
         'transmitted', c.transmitted)),
      ('fast', CASE WHEN c.channel = 'stroke' THEN c.o_fmc + 120 END,
         jsonb_build_object('face', ${U('sbp')} < 0.8, 'arm', true, 'speech', ${U('hr')} < 0.7, 'positive', true)),
      ('glucose', CASE WHEN c.channel = 'stroke' THEN c.o_fmc + 150 END,
         jsonb_build_object('mmolL', round((4.5 + 6 * ${U('spo2')})::numeric, 1))),
      ('gcs', CASE WHEN c.channel = 'trauma' THEN c.o_fmc + 90 END,
         jsonb_build_object('eye', 3 + (${U('hr')} < 0.7)::int, 'verbal', 4 + (${U('sbp')} < 0.7)::int, 'motor', 6,
                            'total', 13 + (${U('hr')} < 0.7)::int + (${U('sbp')} < 0.7)::int)),
      ('gestation', CASE WHEN c.channel = 'maternal' THEN c.o_fmc + 180 END,
         jsonb_build_object('weeks', 30 + floor(11 * ${U('note')})::int))
    ) AS o(kind, o, value)
    WHERE o.o IS NOT NULL
    ORDER BY c.mission_id, o.o`,
    )
    .execute(trx);
  return { preadmissions: Number(pre.numAffectedRows ?? 0) };
}

// ---------------------------------------------------------------------------- around now

interface LiveParams {
  county: number;
  salt: string;
  now: Date;
  countyName: string;
  vehicles: Fleet['live'];
  dispatchOrg: number;
}

interface Village {
  org_id: number;
  vname: string;
  township_id: number;
  township_name: string;
  lat: number;
  lng: number;
  mountain: boolean;
}

/**
 * What the demo dispatcher, crew and hospital find on opening the board: two calls waiting for
 * a vehicle (a stroke in a mountain village, breathlessness in town), the crew account's
 * ambulance bringing a chest-pain patient whose ECG went ahead (the people's hospital expects
 * the pre-admission, its team not yet activated), and a mountain station's ambulance on its way
 * to a road accident.
 */
async function insertLive(trx: Kdb, p: LiveParams): Promise<void> {
  const { county, vehicles } = p;
  const t = (minutesBeforeNow: number) => new Date(p.now.getTime() - minutesBeforeNow * 60_000);
  const villages = (
    await sql<Village>`SELECT org_id, vname, township_id, township_name, lat, lng, mountain FROM ems_seed_vil ORDER BY vn`.execute(
      trx,
    )
  ).rows;
  const people = (
    await sql<{
      people_org: number;
      city_lat: number;
      city_lng: number;
    }>`SELECT people_org, city_lat, city_lng FROM ems_seed_ctx`.execute(trx)
  ).rows[0];
  const dist = (v: { lat: number; lng: number }, lat: number, lng: number) =>
    111.2 * Math.hypot(v.lat - lat, (v.lng - lng) * 0.7986);
  const byDistance = (lat: number, lng: number) => (x: Village, y: Village) =>
    dist(x, lat, lng) - dist(y, lat, lng) || x.org_id - y.org_id;
  const townAt = (n: number) => ({
    address: `${p.countyName}${STREETS[n % STREETS.length]}${n}号`,
    village: null,
    lat: people.city_lat + 0.004,
    lng: people.city_lng - 0.006,
  });
  const place = (v: Village | undefined, n: number) =>
    v
      ? { address: `${v.township_name}${v.vname}${n}组`, village: v.org_id, lat: v.lat + 0.001, lng: v.lng - 0.001 }
      : townAt(n);

  // A: the nearest plain village to the people's hospital; B: the farthest (mountain) village of
  // its station's township; the waiting stroke: the westernmost village left
  const plain = villages.filter((v) => !v.mountain).sort(byDistance(people.city_lat, people.city_lng));
  const placeA = place(plain.at(0), 3);
  const bTownship = villages
    .filter((v) => v.township_id === vehicles.b?.stationOrg)
    .sort((x, y) => Number(y.mountain) - Number(x.mountain) || byDistance(people.city_lat, people.city_lng)(y, x));
  const villageB = bTownship.at(0);
  const placeB = place(villageB, 5);
  const west = villages
    .filter((v) => v.org_id !== villageB?.org_id && v.org_id !== placeA.village)
    .sort((x, y) => x.lng - y.lng || x.org_id - y.org_id);
  const placeStroke = place(west.at(0), 2);

  const insertCall = async (c: {
    key: string;
    received: Date;
    answerSeconds: number;
    where: { address: string; village: number | null; lat: number; lng: number };
    phone: string;
    complaint: string;
    label: string;
    sex: 'M' | 'F';
    age: number;
    note: string;
    status: 'open' | 'dispatched';
  }) => {
    const answered = new Date(c.received.getTime() + c.answerSeconds * 1000);
    const { rows } = await sql<{ id: number }>`
      INSERT INTO ems_calls (county_id, org_id, client_id, received_at, answered_at, caller_phone, address, village_org_id,
                             lat, lng, complaint_code, triage_level, channel, patient_label, patient_sex, patient_age, note,
                             status, dispatcher_id, created_at)
      SELECT ${county}, ${p.dispatchOrg}, md5(${`${p.salt}:live:${c.key}`})::uuid, ${c.received}, ${answered}, ${c.phone},
             ${c.where.address}, ${c.where.village}, ${c.where.lat}, ${c.where.lng}, e.code, e.triage_level, e.channel,
             ${c.label}, ${c.sex}, ${c.age}, ${c.note}, ${c.status}, ${vehicles.dispatcher ?? null}, ${answered}
      FROM ems_complaints e WHERE e.code = ${c.complaint}
      RETURNING id`.execute(trx);
    return rows[0].id;
  };
  const insertMission = async (m: {
    callId: number;
    vehicle: LiveVehicle;
    dest: number;
    channel: string;
    status: string;
    eta: number;
    created: Date;
  }) => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO ems_missions (county_id, call_id, vehicle_id, org_id, station_org_id, dest_org_id, channel, status,
                                crew_staff_ids, eta_scene_min, dispatched_by, created_at)
      VALUES (${county}, ${m.callId}, ${m.vehicle.id}, ${p.dispatchOrg}, ${m.vehicle.stationOrg}, ${m.dest}, ${m.channel},
              ${m.status}, ${m.vehicle.crew}, ${m.eta}, ${vehicles.dispatcher ?? null}, ${m.created})
      RETURNING id`.execute(trx);
    return rows[0].id;
  };
  type Source = 'dispatcher' | 'crew' | 'device' | 'hospital';
  const insertEvents = async (key: string, missionId: number, crewId: number, list: Array<[string, Date, Source]>) => {
    const rows = list.map(([milestone, at, source], i) => ({
      milestone,
      at: at.toISOString(),
      source,
      recorded_at: new Date(at.getTime() + (2 + (i % 4)) * 1000).toISOString(),
      recorded_by: source === 'dispatcher' ? (vehicles.dispatcher ?? null) : source === 'crew' ? crewId : null,
    }));
    await sql`
      INSERT INTO ems_events (county_id, mission_id, milestone, at, source, recorded_at, recorded_by, client_id)
      SELECT ${county}, ${missionId}, x.milestone, x.at, x.source, x.recorded_at, x.recorded_by,
             md5(${`${p.salt}:live:${key}:`} || x.milestone)::uuid
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(milestone text, at timestamptz, source text, recorded_at timestamptz, recorded_by int)
      ORDER BY x.at`.execute(trx);
  };

  // the two calls no vehicle has been sent to yet
  await insertCall({
    key: 'open-stroke',
    received: t(2),
    answerSeconds: 8,
    where: placeStroke,
    phone: '13835471926',
    complaint: 'STROKE',
    label: '女，约72岁',
    sex: 'F',
    age: 72,
    note: '家属诉半小时前突发右侧肢体无力、言语不清',
    status: 'open',
  });
  await insertCall({
    key: 'open-dyspnoea',
    received: t(0.8),
    answerSeconds: 12,
    where: townAt(27),
    phone: '15935482067',
    complaint: 'DYSPNOEA',
    label: '男，约80岁',
    sex: 'M',
    age: 80,
    note: '慢阻肺病史，喘憋加重',
    status: 'open',
  });

  // A: on the way in with a STEMI; the people's hospital expects it in 7 minutes
  const a = vehicles.a;
  const crewA = vehicles.crewAccount ?? a.crew[0];
  const callA = await insertCall({
    key: 'a',
    received: t(34),
    answerSeconds: 7,
    where: placeA,
    phone: '13903547215',
    complaint: 'CHEST_PAIN',
    label: '男，约58岁',
    sex: 'M',
    age: 58,
    note: '胸骨后压榨样疼痛 40 分钟，伴大汗',
    status: 'dispatched',
  });
  const leftA = t(9);
  const missionA = await insertMission({
    callId: callA,
    vehicle: a,
    dest: people.people_org,
    channel: 'chest_pain',
    status: 'to_hospital',
    eta: 11,
    created: t(33.1),
  });
  const prealertA = t(11);
  await insertEvents('a', missionA, crewA, [
    ['call_received', t(34), 'dispatcher'],
    ['call_answered', t(34 - 7 / 60), 'dispatcher'],
    ['dispatch_decided', t(33.1), 'dispatcher'],
    ['crew_notified', t(32.9), 'dispatcher'],
    ['departed', t(31.3), 'crew'],
    ['on_scene', t(21), 'crew'],
    ['fmc', t(20), 'crew'],
    ['first_ecg', t(16), 'device'],
    ['ecg_transmitted', t(15), 'device'],
    ['ecg_read', t(12), 'hospital'],
    ['prealert', prealertA, 'crew'],
    ['left_scene', leftA, 'crew'],
  ]);
  await sql`
    INSERT INTO ems_observations (county_id, mission_id, client_id, kind, observed_at, recorded_at, recorded_by, value)
    VALUES
      (${county}, ${missionA}, md5(${`${p.salt}:live:a:vitals`})::uuid, 'vitals', ${t(19)}, ${t(18.9)}, ${crewA},
       ${JSON.stringify({ sbp: 148, dbp: 92, hr: 104, rr: 22, spo2: 95 })}::jsonb),
      (${county}, ${missionA}, md5(${`${p.salt}:live:a:ecg`})::uuid, 'ecg', ${t(16)}, ${t(15)}, ${crewA},
       ${JSON.stringify({ rhythm: '窦性心动过速', stemi: true, summary: 'V1–V4 导联 ST 段抬高 0.3–0.5 mV', transmitted: true })}::jsonb)`.execute(
    trx,
  );
  const tempDay = new Date(prealertA.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  await sql`
    INSERT INTO ems_preadmissions (county_id, mission_id, dest_org_id, temp_id, channel, status, eta_at, created_at)
    VALUES (${county}, ${missionA}, ${people.people_org}, ${`T${tempDay}-${String(missionA).padStart(4, '0')}`}, 'chest_pain',
            'expected', ${new Date(p.now.getTime() + 7 * 60_000)}, ${prealertA})`.execute(trx);
  await sql`UPDATE ems_vehicles SET status_at = ${leftA} WHERE id = ${a.id}`.execute(trx);

  // B: a mountain station's ambulance on its way to a road accident
  const b = vehicles.b;
  if (!b) return;
  const callB = await insertCall({
    key: 'b',
    received: t(7),
    answerSeconds: 5,
    where: placeB,
    phone: '18635420718',
    complaint: 'TRAFFIC',
    label: '男，约35岁',
    sex: 'M',
    age: 35,
    note: '三轮车侧翻，一人腿部受伤出血',
    status: 'dispatched',
  });
  const missionB = await insertMission({
    callId: callB,
    vehicle: b,
    dest: people.people_org,
    channel: 'trauma',
    status: 'en_route',
    eta: 18.5,
    created: t(6.3),
  });
  const departedB = t(4.8);
  await insertEvents('b', missionB, b.crew[0], [
    ['call_received', t(7), 'dispatcher'],
    ['call_answered', t(7 - 5 / 60), 'dispatcher'],
    ['dispatch_decided', t(6.3), 'dispatcher'],
    ['crew_notified', t(6.1), 'dispatcher'],
    ['departed', departedB, 'crew'],
  ]);
  await sql`UPDATE ems_vehicles SET status_at = ${departedB} WHERE id = ${b.id}`.execute(trx);
}
