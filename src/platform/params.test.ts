import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../residents/id-number.ts';
import { createTestEnv, TEST_PASSWORD, type Client, type TestEnv } from './test-helpers.ts';

/**
 * Ids are ids: a path or query integer is read only in canonical decimal, within PostgreSQL's
 * integer; dates exist on the calendar; names are names. All refused by the schema, before
 * the database.
 */
let env: TestEnv;
let admin: Client;
let doctor: Client;
let clerk: Client;
let village: Client;
let adminId: number;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  doctor = await env.login('county.doctor');
  clerk = await env.login('clerk');
  village = await env.login('village.doctor');
  adminId = (await admin.get('/api/auth/me')).json<{ id: number }>().id;
});
afterAll(async () => {
  await env?.close();
});

function expectRefused(res: { statusCode: number; body: string }, field: string, label: string) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(400);
  expect(JSON.parse(res.body), label).toMatchObject({
    code: 'VALIDATION_FAILED',
    field,
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
  });
}

/** Each reads as a number to z.coerce.number() (or Number()), none is an id as written. */
const badForms = (id: number) => [
  `%20${id}`,
  `${id}%20`,
  `0${id}`,
  `%2B${id}`,
  `+${id}`,
  `${id}.0`,
  `0x${id.toString(16)}`,
  `${id}e0`,
  '1e5',
  '0',
  '-1',
  '2147483648',
  '99999999999',
];

let serial = 300;
function newIdNumber(): string {
  serial += 2;
  const first17 = `14078119800101${String(serial).padStart(3, '0').slice(-3)}`;
  return first17 + checkDigit(first17);
}

describe('path ids', () => {
  it('POST /api/staff/%201/reset-password and its cousins reset nobody', async () => {
    for (const form of badForms(adminId)) {
      expectRefused(await admin.post(`/api/staff/${form}/reset-password`), 'id', form);
      expectRefused(await admin.post(`/api/staff/${form}/disable`), 'id', form);
    }
    // the old password still works and no change is forced
    const again = await env.login('admin', TEST_PASSWORD);
    expect((await again.get('/api/auth/me')).json()).toMatchObject({ id: adminId, mustChangePassword: false });
    const resets = await env.asOwner(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%reset%'`);
    expect(resets[0].n).toBe(0);
  });

  it('every bad form is refused on other features too', async () => {
    const residentId = (await doctor.get('/api/residents?limit=1')).json<{ items: Array<{ id: number }> }>().items[0]
      .id;
    for (const form of badForms(residentId)) {
      expectRefused(await doctor.get(`/api/residents/${form}`), 'id', `resident ${form}`);
      expectRefused(await admin.get(`/api/orgs/${form}`), 'id', `org ${form}`);
      expectRefused(await admin.patch(`/api/departments/${form}`, { name: '内科' }), 'id', `department ${form}`);
      expectRefused(await doctor.get(`/api/clinic-sessions/${form}`), 'id', `session ${form}`);
      expectRefused(await doctor.get(`/api/referrals/${form}`), 'id', `referral ${form}`);
    }
    // the canonical form still works
    expect((await doctor.get(`/api/residents/${residentId}`)).statusCode).toBe(200);
  });
});

describe('integer query and body fields', () => {
  it('2147483648 and non-canonical numbers in a query are refused; canonical ones pass', async () => {
    expectRefused(await admin.get('/api/staff?orgId=2147483648'), 'orgId', 'staff orgId');
    expectRefused(await doctor.get('/api/residents?orgId=2147483648'), 'orgId', 'residents orgId');
    expectRefused(await doctor.get('/api/clinic-sessions?orgId=2147483648'), 'orgId', 'sessions orgId');
    expectRefused(await doctor.get('/api/referrals?residentId=2147483648'), 'residentId', 'referrals residentId');
    expectRefused(await doctor.get('/api/residents?limit=0x10'), 'limit', 'limit hex');
    expectRefused(await doctor.get('/api/residents?limit=%2010'), 'limit', 'limit space');
    expectRefused(await doctor.get('/api/residents?offset=01'), 'offset', 'offset zero');
    expectRefused(await doctor.get('/api/residents?limit=1e1'), 'limit', 'limit exp');
    expectRefused(await doctor.get('/api/residents?limit=10&limit=20'), 'limit', 'limit twice');
    expectRefused(await (await env.login('auditor')).get('/api/audit?beforeSeq=1e3'), 'beforeSeq', 'beforeSeq');
    expect((await doctor.get('/api/residents?limit=10&offset=0')).statusCode).toBe(200);
    expect((await admin.get('/api/staff?orgId=2147483647')).statusCode).toBe(200);
  });

  it('2147483648 in a body is refused by the schema, not by PostgreSQL', async () => {
    expectRefused(
      await admin.post('/api/staff', {
        username: 'int.range',
        displayName: '范围',
        roles: ['clerk'],
        orgId: 2147483648,
      }),
      'orgId',
      'staff orgId',
    );
    expectRefused(
      await village.post('/api/residents', { idNumber: newIdNumber(), name: '王范围', orgId: 2147483648 }),
      'orgId',
      'resident orgId',
    );
    const created = await village.post('/api/residents', { idNumber: newIdNumber(), name: '王版本' });
    expect(created.statusCode).toBe(201);
    expectRefused(
      await village.patch(`/api/residents/${created.json().id}`, { version: 2147483648, address: '新地址' }),
      'version',
      'version',
    );
  });
});

describe('dates', () => {
  it('2026-02-30 and 2027-02-29 are refused in queries and bodies; 2028-02-29 is a date', async () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-04-31', '0000-01-01']) {
      expectRefused(await admin.get(`/api/clinic-stats?from=${bad}`), 'from', `stats ${bad}`);
      expectRefused(await admin.get(`/api/referral-figures?to=${bad}`), 'to', `figures ${bad}`);
      expectRefused(await doctor.get(`/api/clinic-sessions?from=${bad}`), 'from', `sessions ${bad}`);
      expectRefused(
        await clerk.post('/api/out-of-county-visits', {
          idNumber: newIdNumber(),
          visitDate: bad,
          hospitalName: '山西省人民医院',
          hospitalLevel: 'provincial',
          visitType: 'outpatient',
        }),
        'visitDate',
        `visit ${bad}`,
      );
      expectRefused(
        await village.post('/api/residents', { idNumber: newIdNumber(), name: '李日期', birthDate: bad }),
        'birthDate',
        `birth ${bad}`,
      );
    }
    expect((await admin.get('/api/clinic-stats?from=2028-02-29&to=2028-03-01')).statusCode).toBe(200);
    expect((await admin.get('/api/referral-figures?from=2028-02-01&to=2028-02-29')).statusCode).toBe(200);
    expect((await doctor.get('/api/clinic-sessions?from=2028-02-29')).statusCode).toBe(200);
  });
});

describe('names', () => {
  it('a resident name of emoji, digits or symbols is refused; CJK extensions and · are names', async () => {
    for (const name of ['😀𠮷', '张三😀', '张三1', '王#', '·张三', '张三·', '张  三', '👨‍👩‍👧']) {
      expectRefused(await village.post('/api/residents', { idNumber: newIdNumber(), name }), 'name', name);
    }
    for (const name of ['𠮷', '阿依古丽·买买提', '〇明', 'María José', '𪚥𫝀']) {
      const res = await village.post('/api/residents', { idNumber: newIdNumber(), name });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json().name).toBe(name);
    }
    const created = await village.post('/api/residents', { idNumber: newIdNumber(), name: '赵改名' });
    expectRefused(
      await village.patch(`/api/residents/${created.json().id}`, { version: 1, name: '🙂' }),
      'name',
      'patch',
    );
  });

  it('staff names follow the same rule', async () => {
    const orgId = (await admin.get('/api/auth/me')).json<{ org: { id: number } }>().org.id;
    const base = { roles: ['clerk'], orgId };
    expectRefused(
      await admin.post('/api/staff', { ...base, username: 'emoji.name', displayName: '😀' }),
      'displayName',
      'emoji',
    );
    expectRefused(
      await admin.post('/api/staff', { ...base, username: 'digit.name', displayName: '医生1' }),
      'displayName',
      'digit',
    );
    const ok = await admin.post('/api/staff', { ...base, username: 'good.name', displayName: '阿依古丽·买买提' });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
