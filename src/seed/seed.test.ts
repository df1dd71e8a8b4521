import { createHash } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPglite, withScope, type Database, type Kdb } from '../platform/db.ts';
import { verifyPassword } from '../platform/password.ts';
import { ROLES } from '../platform/roles.ts';
import { parseIdNumber } from '../residents/id-number.ts';
import { DEMO_ACCOUNTS, KNOWN_RESIDENTS, ensureDemoCounty, generateCounty } from './seed.ts';

const PASSWORD = 'Seed-Test-2026!';

/** The generator owns its PGlite behaviour; the postgres project runs it via every integration test's tiny county. */
const onPglite = process.env.TEST_DB !== 'postgres';

/**
 * In-memory PGlite currently returns DATE columns as Date objects (db.ts passes its parsers
 * as the second constructor argument, which PGlite ignores when dataDir is undefined);
 * compare calendar dates whichever form arrives.
 */
function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

async function allOrgIds(db: Kdb): Promise<number[]> {
  return (await db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
}

async function residents(db: Kdb) {
  const orgIds = await allOrgIds(db);
  return withScope(db, { userId: 0, orgIds }, (trx) =>
    trx.selectFrom('residents').selectAll().orderBy('id_number').execute(),
  );
}

/** Everything a user could see, with ids and timestamps replaced by org codes; argon2 salts differ per run. */
async function digest(db: Kdb): Promise<string> {
  const orgs = await db.selectFrom('orgs').selectAll().orderBy('code').execute();
  const code = new Map(orgs.map((o) => [o.id, o.code]));
  const depts = await db.selectFrom('departments').selectAll().orderBy('org_id').orderBy('code').execute();
  const deptCode = new Map(depts.map((d) => [d.id, `${code.get(d.org_id)}:${d.code}`]));
  const staff = await db.selectFrom('staff').selectAll().orderBy('username').execute();
  const content = {
    orgs: orgs.map(({ id, county_id, parent_id, path, created_at, updated_at, ...o }) => ({
      ...o,
      parent: parent_id && code.get(parent_id),
      depth: path.split('/').length,
    })),
    departments: depts.map(({ id, org_id, county_id, created_at, ...d }) => ({ ...d, org: code.get(org_id) })),
    staff: staff.map(({ id, org_id, county_id, department_id, password_hash, created_at, updated_at, ...s }) => ({
      ...s,
      org: code.get(org_id),
      dept: department_id && deptCode.get(department_id),
    })),
    residents: (await residents(db)).map(({ id, org_id, county_id, created_at, updated_at, ...r }) => ({
      ...r,
      org: code.get(org_id),
    })),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

async function freshTiny(seed: number): Promise<Database> {
  const database = await openPglite(undefined);
  await generateCounty(database.db, { profile: 'tiny', seed, password: PASSWORD });
  return database;
}

describe.runIf(onPglite)('demo county generator, tiny profile', () => {
  let a: Database;
  let b: Database;
  let other: Database;

  beforeAll(async () => {
    [a, b, other] = await Promise.all([freshTiny(7), freshTiny(7), freshTiny(8)]);
  });
  afterAll(async () => {
    await Promise.all([a, b, other].map((d) => d?.close()));
  });

  it('builds the same county from the same seed', async () => {
    expect(await digest(a.db)).toBe(await digest(b.db));
  });

  it('builds different residents from a different seed, on the same map', async () => {
    const [ra, ro] = [await residents(a.db), await residents(other.db)];
    expect(ro.map((r) => r.id_number)).not.toEqual(ra.map((r) => r.id_number));
    const orgNames = async (db: Kdb) =>
      (await db.selectFrom('orgs').select('name').orderBy('code').execute()).map((o) => o.name);
    expect(await orgNames(other.db)).toEqual(await orgNames(a.db));
  });

  it('keeps the tree consistent: one root, county_id everywhere, paths from the parent', async () => {
    const orgs = await a.db.selectFrom('orgs').selectAll().execute();
    const root = orgs.filter((o) => o.kind === 'county');
    expect(root).toHaveLength(1);
    expect(root[0].county_id).toBe(root[0].id);
    expect(root[0].path).toBe(`/${root[0].id}/`);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      expect(o.county_id).toBe(root[0].id);
      const parentPath = o.parent_id === null ? '/' : byId.get(o.parent_id)?.path;
      expect(o.path).toBe(`${parentPath}${o.id}/`);
    }
    const kinds = orgs.map((o) => o.kind).sort();
    expect(kinds).toEqual([
      'county',
      'county_hospital',
      'county_hospital',
      'county_hospital',
      'township_center',
      'township_center',
      'village_clinic',
      'village_clinic',
      'village_clinic',
      'village_clinic',
    ]);
  });

  it('gives every resident a valid ID number that matches sex and birth date, and no ID twice', async () => {
    const rows = await residents(a.db);
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(rows.length).toBeLessThanOrEqual(65);
    for (const r of rows) {
      const parsed = parseIdNumber(r.id_number);
      expect(parsed.ok, `${r.name} ${r.id_number}`).toBe(true);
      if (parsed.ok) {
        expect(parsed.info.sex).toBe(r.sex);
        expect(parsed.info.birthDate).toBe(isoDate(r.birth_date));
      }
      expect(r.name_initials.length).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
    // the column-wise insert must keep empty arrays empty and NULLs NULL
    expect(rows.some((r) => r.chronic_conditions.length === 0)).toBe(true);
    expect(rows.some((r) => r.mobile === null)).toBe(true);
    expect(rows.find((r) => r.name === KNOWN_RESIDENTS.inVillage)?.chronic_conditions).toEqual(['hypertension']);
  });

  it('creates the 15 demo accounts with their roles, ready to log in with the demo password', async () => {
    expect(DEMO_ACCOUNTS.map((d) => d.roles[0]).sort()).toEqual([...ROLES].sort());
    const staff = await a.db
      .selectFrom('staff')
      .selectAll()
      .where(
        'username',
        'in',
        DEMO_ACCOUNTS.map((d) => d.username),
      )
      .execute();
    expect(staff).toHaveLength(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      const row = staff.find((s) => s.username === account.username);
      expect(row?.roles).toEqual(account.roles);
      expect(row?.must_change_password).toBe(false);
      expect(row?.failed_attempts).toBe(0);
    }
    expect(await verifyPassword(staff[0].password_hash, PASSWORD)).toBe(true);
  });

  it('places the accounts as documented', async () => {
    const rows = await a.db
      .selectFrom('staff')
      .innerJoin('orgs', 'orgs.id', 'staff.org_id')
      .select(['staff.username', 'orgs.kind', 'orgs.name', 'orgs.parent_id', 'orgs.id'])
      .execute();
    const at = (u: string) => rows.find((r) => r.username === u);
    expect(at('village.doctor')).toMatchObject({ kind: 'village_clinic', name: '宋古村卫生室' });
    expect(at('grid.member')?.id).toBe(at('village.doctor')?.id);
    expect(at('township.doctor')).toMatchObject({ kind: 'township_center', name: '宋古乡卫生院' });
    expect(at('village.doctor')?.parent_id).toBe(at('township.doctor')?.id);
    for (const u of ['county.doctor', 'coordinator', 'expert', 'reader', 'pharmacist', 'clerk', 'dispatcher'])
      expect(at(u)?.name).toBe('测试县人民医院');
    for (const u of ['admin', 'bureau', 'auditor']) expect(at(u)?.kind).toBe('county');
    expect(DEMO_ACCOUNTS.find((d) => d.username === 'village.doctor')?.label).toContain('宋古村卫生室');
  });

  it("puts 张三明 in village.doctor's clinic and 张思敏 in the other township, both zsm", async () => {
    const vd = await a.db
      .selectFrom('staff')
      .select('org_id')
      .where('username', '=', 'village.doctor')
      .executeTakeFirstOrThrow();
    const td = await a.db
      .selectFrom('staff')
      .innerJoin('orgs', 'orgs.id', 'staff.org_id')
      .select('orgs.path')
      .where('username', '=', 'township.doctor')
      .executeTakeFirstOrThrow();
    const zsm = (await residents(a.db)).filter((r) => r.name_initials === 'zsm');
    expect(zsm.map((r) => r.name).sort()).toEqual([KNOWN_RESIDENTS.otherTownship, KNOWN_RESIDENTS.inVillage].sort());
    const inVillage = zsm.find((r) => r.name === KNOWN_RESIDENTS.inVillage);
    expect(inVillage?.org_id).toBe(vd.org_id);
    expect(inVillage?.mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(parseIdNumber(inVillage?.id_number ?? '').ok).toBe(true);
    const other = zsm.find((r) => r.name === KNOWN_RESIDENTS.otherTownship);
    const otherOrg = await a.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', other?.org_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(otherOrg.kind).toBe('village_clinic');
    expect(otherOrg.path.startsWith(td.path)).toBe(false);
    const otherTownship = await a.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', otherOrg.parent_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(otherTownship.kind).toBe('township_center');
  });

  it('refuses to add a second county once one exists', async () => {
    expect(await ensureDemoCounty(a.db, { profile: 'demo', seed: 1, password: PASSWORD })).toBeNull();
    expect(await a.db.selectFrom('orgs').select('id').where('kind', '=', 'county').execute()).toHaveLength(1);
  });
});

describe.runIf(onPglite)('demo county generator, demo profile', () => {
  it('builds 介休 with 4 townships, 24 village clinics, ~20,000 residents and a believable population', async () => {
    const database = await openPglite(undefined);
    try {
      const created = await ensureDemoCounty(database.db, { profile: 'demo', seed: 2026, password: PASSWORD });
      expect(created).not.toBeNull();
      const orgs = await database.db.selectFrom('orgs').selectAll().execute();
      const count = (kind: string) => orgs.filter((o) => o.kind === kind).length;
      expect(count('township_center')).toBe(4);
      expect(count('village_clinic')).toBe(24);
      expect(count('county_hospital')).toBe(3);
      expect(count('partner_hospital')).toBeGreaterThanOrEqual(2);
      expect(orgs.find((o) => o.name === '宋古乡卫生院')?.specialities).toContain('康复');

      const rows = await residents(database.db);
      expect(created?.residents).toBe(rows.length);
      expect(rows.length).toBeGreaterThanOrEqual(19_000);
      expect(rows.length).toBeLessThanOrEqual(21_000);
      const age = (birth: unknown) => 2025 - Number(isoDate(birth).slice(0, 4));
      const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
      expect(share((r) => age(r.birth_date) >= 60)).toBeGreaterThan(0.14);
      expect(share((r) => age(r.birth_date) >= 60)).toBeLessThan(0.24);
      expect(share((r) => age(r.birth_date) < 15)).toBeLessThan(0.2);
      expect(share((r) => r.chronic_conditions.includes('hypertension'))).toBeGreaterThan(0.1);
      for (const r of rows.filter((_, i) => i % 97 === 0))
        expect(parseIdNumber(r.id_number).ok, r.id_number).toBe(true);

      const staff = await database.db.selectFrom('staff').select(['username', 'roles']).execute();
      for (const role of ROLES)
        expect(staff.filter((s) => s.roles.includes(role)).length, role).toBeGreaterThanOrEqual(2);
      expect(staff.filter((s) => s.username.startsWith('cunyi.'))).toHaveLength(24);
    } finally {
      await database.close();
    }
  }, 300_000);
});
