import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../platform/db.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { KNOWN_RESIDENTS } from '../seed/seed.ts';
import { checkDigit } from './id-number.ts';
import type { Resident } from './residents.schema.ts';

let env: TestEnv;
let village: Client;
let township: Client;
let county: Client;
beforeAll(async () => {
  env = await createTestEnv();
  [village, township, county] = await Promise.all([
    env.login('village.doctor'),
    env.login('township.doctor'),
    env.login('county.doctor'),
  ]);
});
afterAll(async () => {
  await env?.close();
});

const MASKED_ID = /^\d{4}\*{10}\d{3}[\dX]$/;
const MASKED_MOBILE = /^\d{3}\*{4}\d{4}$/;
const names = (res: { json: () => { items: Resident[] } }) => res.json().items.map((r) => r.name);
let serial = 100;
function newId(birth = '19750312', female = false): string {
  serial += 2;
  const seq = String(serial + (female ? 0 : 1))
    .padStart(3, '0')
    .slice(-3); // 17th digit: odd = male
  const first17 = `140781${birth}${seq}`;
  return first17 + checkDigit(first17);
}

describe('search', () => {
  it('finds 张三明 by pinyin initials, by full pinyin and by name prefix', async () => {
    expect(names(await village.get('/api/residents?q=zsm'))).toContain(KNOWN_RESIDENTS.inVillage);
    expect(names(await village.get('/api/residents?q=ZSM'))).toContain(KNOWN_RESIDENTS.inVillage);
    expect(names(await village.get('/api/residents?q=zhangsanm'))).toContain(KNOWN_RESIDENTS.inVillage);
    expect(names(await village.get(`/api/residents?q=${encodeURIComponent('张三')}`))).toContain(
      KNOWN_RESIDENTS.inVillage,
    );
  });

  it('a village doctor sees only their village; the county doctor sees the whole county', async () => {
    const v = names(await village.get('/api/residents?q=zsm'));
    expect(v).not.toContain(KNOWN_RESIDENTS.otherTownship);
    const byName = await village.get(`/api/residents?q=${encodeURIComponent(KNOWN_RESIDENTS.otherTownship)}`);
    expect(byName.json().items).toEqual([]);
    expect(names(await township.get('/api/residents?q=zsm'))).not.toContain(KNOWN_RESIDENTS.otherTownship);
    const c = names(await county.get('/api/residents?q=zsm'));
    expect(c).toEqual(expect.arrayContaining([KNOWN_RESIDENTS.inVillage, KNOWN_RESIDENTS.otherTownship]));
  });

  it('finds by full ID number and by mobile, but always answers masked', async () => {
    const hit = (await village.get('/api/residents?q=zsm'))
      .json()
      .items.find((r: Resident) => r.name === KNOWN_RESIDENTS.inVillage)!;
    const full = (
      await village.post(`/api/residents/${hit.id}/reveal`, { fields: ['idNumber', 'mobile'], reason: '随访核对身份' })
    ).json();
    const byId = await village.get(`/api/residents?q=${full.idNumber.toLowerCase()}`);
    expect(byId.json()).toMatchObject({ matchedBy: 'id_number', items: [{ id: hit.id }] });
    expect(byId.json().items[0].idNumber).toMatch(MASKED_ID);
    const byMobile = await village.get(`/api/residents?q=${full.mobile}`);
    expect(byMobile.json().items.map((r: Resident) => r.id)).toContain(hit.id);
    expect(byMobile.json().items[0].mobile).toMatch(MASKED_MOBILE);
  });

  it('a partial number gets a clear 400, not a scan', async () => {
    const res = await village.get('/api/residents?q=1407');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_SEARCH', field: 'q' });
  });

  it('treats LIKE wildcards as plain text', async () => {
    expect((await county.get(`/api/residents?q=${encodeURIComponent('%')}`)).json().items).toEqual([]);
    expect((await county.get(`/api/residents?q=${encodeURIComponent('张_')}`)).json().items).toEqual([]);
  });
});

describe('profile, masking and reveal', () => {
  it('the profile is masked, and its read is audited with the resident', async () => {
    const hit = (await village.get('/api/residents?q=zsm')).json().items[0];
    const res = await village.get(`/api/residents/${hit.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toMatch(MASKED_ID);
    const rows = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'resident.read' AND resident_id = ${hit.id} AND username = 'village.doctor'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it("another township's resident is 404 by path id, and the attempt is audited as denied", async () => {
    const other = (await county.get(`/api/residents?q=${encodeURIComponent(KNOWN_RESIDENTS.otherTownship)}`)).json()
      .items[0];
    const res = await village.get(`/api/residents/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(
      (await village.post(`/api/residents/${other.id}/reveal`, { fields: ['idNumber'], reason: '试图查看' }))
        .statusCode,
    ).toBe(404);
    const rows = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE resident_id = ${other.id} AND username = 'village.doctor' AND outcome = 'denied'`,
    );
    expect(rows[0].n).toBe(2);
  });

  it('roles without need cannot reveal; reveal needs a reason and is audited', async () => {
    const hit = (await county.get('/api/residents?q=zsm')).json().items[0];
    const pharmacist = await env.login('pharmacist');
    expect((await pharmacist.get(`/api/residents/${hit.id}`)).json().idNumber).toMatch(MASKED_ID);
    expect(
      (await pharmacist.post(`/api/residents/${hit.id}/reveal`, { fields: ['idNumber'], reason: '发药核对' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await county.post(`/api/residents/${hit.id}/reveal`, { fields: ['idNumber'], reason: '' })).json(),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const ok = await county.post(`/api/residents/${hit.id}/reveal`, { fields: ['idNumber'], reason: '住院登记' });
    expect(ok.json().idNumber).toMatch(/^\d{17}[\dX]$/);
    const rows = await env.asOwner(
      `SELECT detail->>'reason' AS reason FROM audit_log WHERE action = 'resident.reveal' AND username = 'county.doctor'`,
    );
    expect(rows.map((r) => r.reason)).toContain('住院登记');
  });
});

describe('create and edit', () => {
  it('registers a resident: sex and birth date come from the ID, name gets pinyin', async () => {
    const idNumber = newId('19750312', true);
    const res = await village.post('/api/residents', {
      idNumber,
      name: '李秀英',
      mobile: '13912345678',
      chronicConditions: ['hypertension'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '李秀英',
      sex: 'F',
      birthDate: '1975-03-12',
      mobile: '139****5678',
      idNumber: expect.stringMatching(MASKED_ID),
    });
    expect(names(await village.get('/api/residents?q=lxy'))).toContain('李秀英');
  });

  it('one resident per ID number: a duplicate is 409 naming the existing record, even from another township', async () => {
    const idNumber = newId('19600101');
    const first = await village.post('/api/residents', { idNumber, name: '王建国' });
    expect(first.statusCode).toBe(201);
    const other = await env.login('township.doctor');
    const secondTownshipOrg = (
      await county.get(`/api/residents?q=${encodeURIComponent(KNOWN_RESIDENTS.otherTownship)}`)
    ).json().items[0].orgId;
    const dup = await county.post('/api/residents', {
      idNumber: idNumber.toLowerCase(),
      name: '王建国',
      orgId: secondTownshipOrg,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'DUPLICATE_RESIDENT',
      existingId: first.json().id,
      message: expect.stringContaining('王*国'),
    });
    expect((await other.post('/api/residents', { idNumber, name: '王建国' })).statusCode).toBe(409);
  });

  it('parallel registrations of the same ID create exactly one record', async () => {
    const idNumber = newId('19880808');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => village.post('/api/residents', { idNumber, name: '赵六' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('rejects bad ID numbers, mismatched sex/birth date and out-of-scope orgs, writing nothing', async () => {
    const before = await env.asOwner('SELECT count(*)::int AS n FROM residents');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ idNumber: '140781197503120011', name: '甲' }, 'INVALID_ID_NUMBER', 'idNumber'],
      [{ idNumber: newId('19750312'), name: '乙', sex: 'F' }, 'SEX_MISMATCH', 'sex'],
      [{ idNumber: newId('19750312'), name: '丙', birthDate: '1975-03-13' }, 'BIRTH_DATE_MISMATCH', 'birthDate'],
      [{ idNumber: newId('19750312'), name: '丁', mobile: '2391234567' }, 'VALIDATION_FAILED', 'mobile'],
      [{ idNumber: newId('19750312'), name: '戊', orgId: 1 }, 'OUT_OF_SCOPE', 'orgId'],
    ];
    for (const [body, code, field] of cases) {
      const res = await village.post('/api/residents', body);
      expect(res.statusCode, JSON.stringify(res.json())).toBeGreaterThanOrEqual(400);
      expect(res.json()).toMatchObject({ code, field, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    expect(await env.asOwner('SELECT count(*)::int AS n FROM residents')).toEqual(before);
  });

  it('edits with optimistic concurrency: a stale version is 409 with the current version', async () => {
    const created = (await village.post('/api/residents', { idNumber: newId('19900515'), name: '孙七' })).json();
    const ok = await village.patch(`/api/residents/${created.id}`, {
      version: created.version,
      mobile: '13700001111',
      chronicConditions: ['diabetes'],
    });
    expect(ok.json()).toMatchObject({
      version: created.version + 1,
      mobile: '137****1111',
      chronicConditions: ['diabetes'],
    });
    const stale = await township.patch(`/api/residents/${created.id}`, { version: created.version, village: '东村' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', currentVersion: created.version + 1 });
  });
});

describe('row-level security (second wall)', () => {
  it('fails closed: without SET LOCAL the app role sees no resident at all', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(env.db);
    expect(rows[0].n).toBe(0);
    const total = await env.asOwner('SELECT count(*)::int AS n FROM residents');
    expect(Number(total[0].n)).toBeGreaterThan(10);
  });

  it("with an org list set, exactly that org's residents are visible and other orgs cannot be written", async () => {
    const [{ org_id: orgId, n }] = (await env.asOwner(
      'SELECT org_id, count(*)::int AS n FROM residents GROUP BY org_id ORDER BY org_id LIMIT 1',
    )) as Array<{ org_id: number; n: number }>;
    const visible = await withScope(
      env.db,
      { userId: 1, orgIds: [orgId] },
      async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM residents`.execute(trx)).rows[0].n,
    );
    expect(visible).toBe(n);
    const moved = await withScope(env.db, { userId: 1, orgIds: [orgId] }, (trx) =>
      trx
        .updateTable('residents')
        .set({ org_id: orgId + 1 })
        .where('org_id', '=', orgId)
        .executeTakeFirst(),
    ).catch((e: Error) => e);
    expect(moved).toBeInstanceOf(Error);
    expect(String(moved)).toMatch(/row-level security/);
  });

  it('the app role may not read the audit head nor rewrite history', async () => {
    for (const stmt of [
      'UPDATE audit_log SET action = action',
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'SELECT * FROM audit_head',
    ]) {
      await expect(sql.raw(stmt).execute(env.db)).rejects.toThrow(/permission denied|append-only/);
    }
  });
});

describe('bureau aggregates', () => {
  it('bureau sees counts per org with small cells suppressed, but no resident rows', async () => {
    const bureau = await env.login('bureau');
    expect((await bureau.get('/api/residents?q=zsm')).statusCode).toBe(403);
    const stats = await bureau.get('/api/resident-stats');
    expect(stats.statusCode).toBe(200);
    const rows = stats.json<Array<{ residents: number; poor: number | null }>>();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.residents).toBeGreaterThanOrEqual(5);
      if (r.poor !== null) expect(r.poor).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('partial edits', () => {
  it('a PATCH naming one field leaves every other field as it was', async () => {
    const created = (
      await village.post('/api/residents', {
        idNumber: newId('19550607'),
        name: '周八',
        insuranceType: 'employee',
        registeredPoor: true,
        chronicConditions: ['hypertension', 'diabetes'],
      })
    ).json();
    const res = await village.patch(`/api/residents/${created.id}`, { version: created.version, address: '东街 3 号' });
    expect(res.json()).toMatchObject({
      address: '东街 3 号',
      insuranceType: 'employee',
      registeredPoor: true,
      chronicConditions: ['hypertension', 'diabetes'],
    });
  });

  it('an org PATCH of the name keeps its specialities and beds', async () => {
    const admin = await env.login('admin');
    const orgs = (await admin.get('/api/orgs')).json<
      Array<{ id: number; kind: string; specialities: string[]; beds: number }>
    >();
    const centre = orgs.find((o) => o.kind === 'township_center' && o.specialities.length > 0)!;
    const res = await admin.patch(`/api/orgs/${centre.id}`, { name: '宋古乡卫生院（康复中心）' });
    expect(res.json()).toMatchObject({
      name: '宋古乡卫生院（康复中心）',
      specialities: centre.specialities,
      beds: centre.beds,
    });
  });
});
