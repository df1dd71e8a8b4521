import { sql, type Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { OrgsTable, ResidentsTable } from '../platform/db-types.ts';
import { hashPassword } from '../platform/password.ts';
import { planStaff, rootCode, type StaffSeed } from './accounts.ts';
import { IdRegistry, knownResident, PeopleFactory, type ResidentSeed, type VillagePlace } from './people.ts';
import { PROFILES, type CentreDef, type CountyProfile, type DepartmentDef, type ProfileName } from './profiles.ts';
import { Rng } from './random.ts';
import { seedClinics } from './clinics.seed.ts';
import { seedReferrals } from './referrals.seed.ts';
import { seedCare, seedPriceList } from './care.seed.ts';
import { seedHis } from './his.seed.ts';
import { seedSettlement } from './settlement.seed.ts';
import { seedChronic } from './chronic.seed.ts';
import { seedPharmacy } from './pharmacy.seed.ts';
import { seedSupply } from './supply.seed.ts';
import { seedRoads } from './ems-roads.seed.ts';
import { seedEms } from './ems.seed.ts';
import { seedRemote } from './remote.seed.ts';
import { ensureStandardRules } from '../chronic/rule-set.ts';

/**
 * The deterministic demo-county generator: same profile and seed, same county (ids and
 * timestamps aside). Used by `npm start` (ensureDemoCounty), `npm run seed` and every
 * integration test (tiny).
 */

export { DEMO_ACCOUNTS } from './accounts.ts';

/** Two residents who share the initials zsm: one inside village.doctor's reach, one outside. */
export const KNOWN_RESIDENTS = { inVillage: '张三明', otherTownship: '张思敏' } as const;

export interface SeedProgress {
  phase: 'orgs' | 'staff' | 'residents';
  done: number;
  total: number;
}

export interface GenerateOptions {
  profile: ProfileName;
  seed: number;
  password: string;
  onProgress?: (p: SeedProgress) => void;
}

export interface GeneratedCounty {
  countyId: number;
  orgs: number;
  staff: number;
  residents: number;
}

/** Rows per multi-row INSERT for orgs, departments and staff. */
const BATCH = 1000;
/**
 * Residents per INSERT. They go in as 16 column arrays through unnest(): 16 parameters
 * whatever the batch size, which measured 1.5–2x faster on PGlite than 1,000-row VALUES
 * lists (16,000 parameters to bind and plan) and has no 65,535-parameter ceiling.
 */
const RESIDENT_BATCH = 5000;

interface OrgRef {
  id: number;
  path: string;
}
type NewOrg = Omit<Insertable<OrgsTable>, 'county_id' | 'parent_id' | 'path'>;

async function inBatches<T>(rows: readonly T[], size: number, fn: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/** The root's county_id is its own id, known only after the insert: insert, then update. */
async function insertRoot(trx: Kdb, org: NewOrg): Promise<OrgRef> {
  const { id } = await trx
    .insertInto('orgs')
    .values({ ...org, county_id: 0, parent_id: null, path: '/' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `/${id}/`;
  await trx.updateTable('orgs').set({ county_id: id, path }).where('id', '=', id).execute();
  return { id, path };
}

/** Siblings in one INSERT, then one UPDATE writes each materialised path from its new id. */
async function insertChildren(
  trx: Kdb,
  countyId: number,
  parent: OrgRef | null,
  orgs: readonly NewOrg[],
): Promise<Map<string, OrgRef>> {
  const out = new Map<string, OrgRef>();
  if (orgs.length === 0) return out;
  const rows = await trx
    .insertInto('orgs')
    .values(orgs.map((o) => ({ ...o, county_id: countyId, parent_id: parent?.id ?? null, path: '/' })))
    .returning(['id', 'code'])
    .execute();
  const prefix = parent?.path ?? '/';
  const updated = await trx
    .updateTable('orgs')
    .set({ path: sql<string>`${prefix} || id::text || '/'` })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .returning(['id', 'code', 'path'])
    .execute();
  for (const r of updated) out.set(r.code, { id: r.id, path: r.path });
  return out;
}

function centreOrg(profile: CountyProfile, c: CentreDef): NewOrg {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    level: 'township',
    division_code: `${c.township.code}000`,
    address: `山西省晋中市${profile.countyName}${c.township.name}`,
    lat: c.lat,
    lng: c.lng,
    specialities: [...c.specialities],
    beds: c.beds,
    phone: null,
  };
}

function villageOrgs(profile: CountyProfile, c: CentreDef): NewOrg[] {
  return c.villages.map((v) => ({
    code: v.code,
    name: `${v.name}卫生室`,
    kind: 'village_clinic',
    level: 'village',
    division_code: null,
    address: `山西省晋中市${profile.countyName}${c.township.name}${v.name}`,
    lat: v.lat,
    lng: v.lng,
    specialities: [],
    beds: 0,
    phone: null,
  }));
}

function hospitalOrgs(profile: CountyProfile): NewOrg[] {
  return profile.hospitals.map((h, i) => ({
    code: h.code,
    name: h.name,
    kind: 'county_hospital',
    level: 'county',
    division_code: profile.divisionCode,
    address: `山西省晋中市${profile.countyName}`,
    lat: profile.center.lat + 0.004 * (i - 1),
    lng: profile.center.lng + 0.003 * i,
    specialities: [],
    beds: h.beds,
    phone: `0354-72${String(21000 + i * 111)}`,
  }));
}

/** Inserts the whole tree parent-first; returns org ids by code. */
async function insertOrgs(
  trx: Kdb,
  profile: CountyProfile,
): Promise<{ countyId: number; byCode: Map<string, OrgRef> }> {
  const root = await insertRoot(trx, {
    code: rootCode(profile),
    name: profile.rootName,
    kind: 'county',
    level: 'county',
    division_code: profile.divisionCode,
    address: `山西省晋中市${profile.countyName}`,
    lat: profile.center.lat,
    lng: profile.center.lng,
    specialities: [],
    beds: 0,
    phone: '0354-7220000',
  });
  const byCode = new Map<string, OrgRef>([[rootCode(profile), root]]);
  const add = (m: Map<string, OrgRef>) => {
    for (const [k, v] of m) byCode.set(k, v);
  };
  add(await insertChildren(trx, root.id, root, hospitalOrgs(profile)));
  add(
    await insertChildren(
      trx,
      root.id,
      root,
      profile.centres.map((c) => centreOrg(profile, c)),
    ),
  );
  for (const c of profile.centres)
    add(await insertChildren(trx, root.id, ref(byCode, c.code), villageOrgs(profile, c)));
  // partner hospitals stand above the county (no parent) but belong to this tenant
  add(
    await insertChildren(
      trx,
      root.id,
      null,
      profile.partners.map((p) => ({
        code: p.code,
        name: p.name,
        kind: 'partner_hospital',
        level: p.level,
        division_code: p.divisionCode,
        address: p.address,
        lat: p.lat,
        lng: p.lng,
        specialities: [],
        beds: p.beds,
        phone: null,
      })),
    ),
  );
  return { countyId: root.id, byCode };
}

function ref(byCode: ReadonlyMap<string, OrgRef>, code: string): OrgRef {
  const r = byCode.get(code);
  if (!r) throw new Error(`seed: org ${code} was not inserted`);
  return r;
}

async function insertDepartments(
  trx: Kdb,
  profile: CountyProfile,
  countyId: number,
  byCode: ReadonlyMap<string, OrgRef>,
): Promise<Map<string, number>> {
  const owners: Array<{ code: string; departments: readonly DepartmentDef[] }> = [
    ...profile.hospitals,
    ...profile.centres,
    ...profile.partners,
  ];
  const rows = owners.flatMap((o) =>
    o.departments.map((d) => ({
      county_id: countyId,
      org_id: ref(byCode, o.code).id,
      code: d.code,
      name: d.name,
      speciality: d.speciality,
    })),
  );
  const ids = new Map<string, number>();
  await inBatches(rows, BATCH, async (batch) => {
    const inserted = await trx.insertInto('departments').values(batch).returning(['id', 'org_id', 'code']).execute();
    for (const d of inserted) ids.set(`${d.org_id}:${d.code}`, d.id);
  });
  return ids;
}

async function insertStaff(
  trx: Kdb,
  countyId: number,
  staff: readonly StaffSeed[],
  byCode: ReadonlyMap<string, OrgRef>,
  departments: ReadonlyMap<string, number>,
  passwordHash: string,
): Promise<void> {
  const rows = staff.map((s) => {
    const orgId = ref(byCode, s.orgCode).id;
    const departmentId = s.departmentCode === null ? null : departments.get(`${orgId}:${s.departmentCode}`);
    if (departmentId === undefined) throw new Error(`seed: no department ${s.departmentCode} in ${s.orgCode}`);
    return {
      county_id: countyId,
      org_id: orgId,
      department_id: departmentId,
      username: s.username,
      display_name: s.displayName,
      title: s.title,
      roles: s.roles,
      mobile: s.mobile,
      password_hash: passwordHash,
      // demo accounts log straight in with the printed password; they are never real people
      must_change_password: false,
      failed_attempts: 0,
    };
  });
  await inBatches(rows, BATCH, async (batch) => {
    await trx.insertInto('staff').values(batch).execute();
  });
}

/** Splits `total` over villages by weight; largest remainders get the leftover residents. */
export function villageSizes(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const sizes = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const leftover = total - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < leftover; k++) sizes[order[k][1]] += 1;
  return sizes;
}

function toRow(r: ResidentSeed, countyId: number, orgId: number): Insertable<ResidentsTable> {
  return {
    county_id: countyId,
    org_id: orgId,
    id_number: r.idNumber,
    name: r.name,
    name_pinyin: r.namePinyin,
    name_initials: r.nameInitials,
    sex: r.sex,
    birth_date: r.birthDate,
    mobile: r.mobile,
    village: r.village,
    household_no: r.householdNo,
    address: r.address,
    insurance_type: r.insuranceType,
    registered_poor: r.registeredPoor,
    chronic_conditions: r.chronicConditions,
    deceased_on: r.deceasedOn,
  };
}

/**
 * The same two settings withScope makes, narrowed to the clinics of one batch: least
 * privilege, and the residents policy re-parses app.org_ids for every row, so a list of 1–3
 * ids instead of the county's ~180 cut PostgreSQL insert time by about a third.
 */
async function scopeTo(trx: Kdb, orgIds: readonly number[]): Promise<void> {
  await sql`SELECT set_config('app.user_id', '0', true), set_config('app.org_ids', ${orgIds.join(',')}, true)`.execute(
    trx,
  );
}

/** One INSERT for a batch of residents, column-wise (see RESIDENT_BATCH). */
async function insertResidentColumns(trx: Kdb, rows: readonly Insertable<ResidentsTable>[]): Promise<void> {
  await scopeTo(trx, [...new Set(rows.map((r) => r.org_id))]);
  const col = <K extends keyof Insertable<ResidentsTable>>(k: K) => rows.map((r) => r[k] ?? null);
  // text[][] cannot be unnested row by row, so each row's conditions travel as one 'a,b' string
  const conditions = rows.map((r) => (r.chronic_conditions ?? []).join(','));
  await sql`INSERT INTO residents (county_id, org_id, id_number, name, name_pinyin, name_initials, sex, birth_date, mobile,
      village, household_no, address, insurance_type, registered_poor, chronic_conditions, deceased_on)
    SELECT c, o, i, n, np, ni, s, b, m, v, h, a, it, rp, string_to_array(cc, ','), d FROM unnest(
      ${col('county_id')}::int[], ${col('org_id')}::int[], ${col('id_number')}::text[], ${col('name')}::text[],
      ${col('name_pinyin')}::text[], ${col('name_initials')}::text[], ${col('sex')}::text[], ${col('birth_date')}::date[],
      ${col('mobile')}::text[], ${col('village')}::text[], ${col('household_no')}::text[], ${col('address')}::text[],
      ${col('insurance_type')}::text[], ${col('registered_poor')}::bool[], ${conditions}::text[], ${col('deceased_on')}::date[]
    ) AS t(c, o, i, n, np, ni, s, b, m, v, h, a, it, rp, cc, d)`.execute(trx);
}

interface VillageJob {
  code: string;
  place: VillagePlace;
  size: number;
  known: Array<'张三明' | '张思敏'>;
}

function villageJobs(profile: CountyProfile): VillageJob[] {
  const villages = profile.centres.flatMap((c) => c.villages.map((v, i) => ({ c, v, i })));
  const sizes = villageSizes(
    villages.map((x) => x.v.weight),
    profile.residents,
  );
  return villages.map(({ c, v, i }, k) => ({
    code: v.code,
    size: sizes[k],
    place: {
      village: v.name,
      township: c.township.name,
      householdPrefix: c.township.code + String(i + 1).padStart(3, '0'),
      urban: c.urban,
      divisionCode: profile.divisionCode,
    },
    // first village of the first township: village.doctor's; first of the second: out of reach
    known:
      v.code === profile.centres[0].villages[0].code
        ? ['张三明']
        : v.code === profile.centres[1]?.villages[0].code
          ? ['张思敏']
          : [],
  }));
}

async function insertResidents(
  trx: Kdb,
  profile: CountyProfile,
  countyId: number,
  byCode: ReadonlyMap<string, OrgRef>,
  rng: Rng,
  onProgress: GenerateOptions['onProgress'],
): Promise<number> {
  const ids = new IdRegistry();
  const jobs = villageJobs(profile);
  // claimed before any random draw, so a random resident can never take their ID numbers
  const known = jobs.flatMap((j) => j.known.map((name) => ({ job: j, seed: knownResident(name, j.place, ids) })));
  let buffer: Insertable<ResidentsTable>[] = [];
  let done = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    await insertResidentColumns(trx, buffer);
    done += buffer.length;
    buffer = [];
    onProgress?.({ phase: 'residents', done, total: profile.residents });
  };
  for (const job of jobs) {
    const orgId = ref(byCode, job.code).id;
    const mine = known.filter((k) => k.job === job).map((k) => k.seed);
    // one stream per village: a village's people do not depend on how big the others are
    const people = new PeopleFactory(rng.fork(`residents:${job.code}`), ids).village(job.place, job.size - mine.length);
    for (const r of [...mine, ...people]) {
      buffer.push(toRow(r, countyId, orgId));
      if (buffer.length >= RESIDENT_BATCH) await flush();
    }
  }
  await flush();
  return done;
}

/**
 * Generates a whole county in ONE transaction, so a crash or Ctrl-C halfway through 400,000
 * residents leaves nothing behind (ensureDemoCounty would otherwise see a county and never
 * finish it). withScope cannot be used for that: it opens its own transaction, and the org
 * ids it needs exist only after the orgs are inserted. So each resident batch sets the same
 * RLS settings itself (scopeTo); the policy still checks every resident row.
 */
export async function generateCounty(db: Kdb, opts: GenerateOptions): Promise<GeneratedCounty> {
  const profile = PROFILES[opts.profile];
  const rng = new Rng(opts.seed);
  // Demo only: one argon2 hash (one salt) shared by every seeded account. Hashing each of
  // ~800 jiexiu accounts would add about a minute to first start for a password that is
  // printed on the console anyway; real accounts get their own hash through the staff API.
  const passwordHash = await hashPassword(opts.password);
  return db.transaction().execute(async (trx) => {
    const { countyId, byCode } = await insertOrgs(trx, profile);
    opts.onProgress?.({ phase: 'orgs', done: byCode.size, total: byCode.size });
    const departments = await insertDepartments(trx, profile, countyId, byCode);
    const staff = planStaff(profile, rng.fork('staff'));
    await insertStaff(trx, countyId, staff, byCode, departments, passwordHash);
    opts.onProgress?.({ phase: 'staff', done: staff.length, total: staff.length });
    const residents = await insertResidents(trx, profile, countyId, byCode, rng, opts.onProgress);
    await seedPriceList(trx, countyId);
    // the 规范's follow-up rules and the grid limits: policy data every county starts with
    await ensureStandardRules(trx, countyId);
    await trx.insertInto('fd_settings').values({ county_id: countyId }).execute();
    // the group's central pharmacy (in the people's hospital) buys for and supplies every member (issue 14)
    const people = profile.hospitals.find((h) => h.role === 'people');
    if (people)
      await trx
        .insertInto('pharmacy_settings')
        .values({ county_id: countyId, central_org_id: ref(byCode, people.code).id })
        .execute();
    return { countyId, orgs: byCode.size, staff: staff.length, residents };
  });
}

/** Any county already there? Then the database belongs to someone: never add a second demo county. */
export async function existingCounty(db: Kdb): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('kind', '=', 'county')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * First start: generate the demo county unless any county exists (returns null then).
 * 'tiny' is accepted too: the browser tests start the server on it.
 */
export async function ensureDemoCounty(
  db: Kdb,
  opts: { profile: ProfileName; seed: number; password: string },
): Promise<{ orgs: number; residents: number; screenUrls: string[] } | null> {
  if (await existingCounty(db)) return null;
  const { countyId, orgs, residents } = await generateCounty(db, opts);
  const { screenUrls } = await seedFeatures(db, countyId, opts);
  return { orgs, residents, screenUrls };
}

/**
 * A year of feature data on top of the people, ending at opts.now (default: the moment of
 * seeding). The tiny test county stays empty on purpose: feature tests count exactly what
 * they create.
 */
export async function seedFeatures(
  db: Kdb,
  countyId: number,
  opts: { profile: ProfileName; seed: number; now?: Date; onStep?: (step: string, ms: number) => void },
): Promise<{ screenUrls: string[] }> {
  // the browser tests' small county gets the roads and the fleet (no history) for the 120 journey
  if (opts.profile === 'tiny') {
    await seedEmergency(db, countyId, { ...opts, now: opts.now ?? new Date() });
    return { screenUrls: [] };
  }
  const now = opts.now ?? new Date();
  const jiexiu = opts.profile === 'jiexiu';
  await seedReferrals(db, { countyId, seed: opts.seed, perMonth: jiexiu ? 120 : 40, now });
  // a year of visits and stays with charges, generated in PostgreSQL; the demo county keeps a
  // sample (about 5,000 visits and 1,000 stays, a few seconds on PGlite), jiexiu the real scale
  // (5.2 visits and 0.105 stays per resident: over 2,000,000 visits and 40,000 stays)
  await seedCare(db, {
    countyId,
    seed: opts.seed,
    visitsPerResident: jiexiu ? 5.2 : 0.25,
    staysPerResident: jiexiu ? 0.105 : 0.05,
    now,
    onStep: opts.onStep,
  });
  // the county hospitals' HIS senders and three days of their messages, through the real ingest
  const hisStarted = performance.now();
  await seedHis(db, { countyId, seed: opts.seed, now });
  opts.onStep?.('HIS messages', performance.now() - hisStarted);
  // one-stop settlement: the demo policy, a year of settlements of the stays and a sample of
  // primary-level visits (jiexiu a smaller sample of its two million), reversals, claim batches
  const settleStarted = performance.now();
  await seedSettlement(db, { countyId, seed: opts.seed, now, visitShare: jiexiu ? 0.03 : 0.25 });
  opts.onStep?.('settlements', performance.now() - settleStarted);
  // family-doctor teams, packages and contracts, the chronic registries with three years of
  // follow-ups, grids and their readings (issue 11), generated in PostgreSQL
  const chronicStarted = performance.now();
  await seedChronic(db, { countyId, seed: opts.seed, now, scale: jiexiu ? 'jiexiu' : 'demo' });
  opts.onStep?.('chronic', performance.now() - chronicStarted);
  // the drug catalogue, a year of procurement, distribution, stock and dispensing, a recalled batch (issue 14)
  const pharmacyStarted = performance.now();
  await seedPharmacy(db, { countyId, seed: opts.seed, now, scale: jiexiu ? 'jiexiu' : 'demo' });
  opts.onStep?.('pharmacy', performance.now() - pharmacyStarted);
  // sterile-supply loads and packs, medical-waste handovers (issue 14)
  const supplyStarted = performance.now();
  await seedSupply(db, { countyId, seed: opts.seed, now, scale: jiexiu ? 'jiexiu' : 'demo' });
  opts.onStep?.('sterile supply and waste', performance.now() - supplyStarted);
  // 120 (issue 13): the road network, stations, fleet and crews, a year of calls and missions
  await seedEmergency(db, countyId, { ...opts, now });
  // remote diagnosis (issue 12): a year of readings, reports, critical values, consultations, village kits
  await seedRemote(db, { countyId, seed: opts.seed, now, scale: jiexiu ? 'jiexiu' : 'demo' });
  // display-screen tokens are shown once, here: only their hash is stored
  const clinics = await seedClinics(db, { countyId, seed: opts.seed, profile: opts.profile });
  return { screenUrls: clinics.screenUrls };
}

/** 120 (issue 13): the road network, stations, fleet and crews; a year of calls and missions except on 'tiny' */
async function seedEmergency(
  db: Kdb,
  countyId: number,
  opts: { profile: ProfileName; seed: number; now: Date; onStep?: (step: string, ms: number) => void },
): Promise<void> {
  const started = performance.now();
  const scale = opts.profile === 'jiexiu' ? 'jiexiu' : 'demo';
  await seedRoads(db, { countyId, seed: opts.seed, scale });
  opts.onStep?.('120 roads', performance.now() - started);
  const emsStarted = performance.now();
  await seedEms(db, { countyId, seed: opts.seed, now: opts.now, scale, history: opts.profile !== 'tiny' });
  opts.onStep?.('120 calls and missions', performance.now() - emsStarted);
}
