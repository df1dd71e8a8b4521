import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, seesStaffContact } from '../policy.ts';
import type { Role } from '../platform/roles.ts';
import { createTestEnv, readXlsx, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { DEMO_ACCOUNTS } from '../seed/seed.ts';

/**
 * One rule for staff contact data (policy.seesStaffContact): the administrator and the
 * coordinator see the mobiles of staff accounts and of visiting experts in full; every other
 * role that may read them sees them masked. Asked of both features, as every role.
 */
let env: TestEnv;
const clients = new Map<Role, Client>();
let expertId: number;
let staffId: number;
const EXPERT_MOBILE = '13912345678';
const FULL = /^1[3-9]\d{9}$/;
const MASKED = /^1[3-9]\d\*{4}\d{4}$/;

beforeAll(async () => {
  env = await createTestEnv();
  for (const a of DEMO_ACCOUNTS) clients.set(a.roles[0], await env.login(a.username));
  const created = await clients.get('coordinator')!.post('/api/experts', {
    name: '郭联系',
    title: '主任医师',
    homeHospital: '山西白求恩医院',
    hospitalLevel: 'provincial',
    speciality: '神经内科',
    mobile: EXPERT_MOBILE,
  });
  expect(created.statusCode).toBeLessThan(300);
  expertId = created.json().id;
  staffId = (await clients.get('admin')!.get('/api/staff?q=village.doctor')).json().items[0].id;
});
afterAll(async () => {
  await env?.close();
});

describe('staff contact data: one rule for staff accounts and experts', () => {
  it('the rule: administrator and coordinator see staff contact, no one else', () => {
    expect(seesStaffContact('admin')).toBe(true);
    expect(seesStaffContact('coordinator')).toBe(true);
    expect(seesStaffContact('county_doctor')).toBe(false);
    expect(seesStaffContact('auditor')).toBe(false);
    expect(seesStaffContact(null)).toBe(false);
  });

  it('staff mobiles: full for the administrator, as the rule says for every role that may list staff', async () => {
    for (const [role, client] of clients) {
      if (!POLICIES['GET /api/staff'].roles.includes(role)) continue;
      const list = (await client.get('/api/staff?pageSize=100')).json<{ items: Array<{ mobile: string | null }> }>()
        .items;
      const mobiles = list.map((s) => s.mobile).filter((m): m is string => m !== null);
      expect(mobiles.length, role).toBeGreaterThan(5);
      const expected = seesStaffContact(role) ? FULL : MASKED;
      for (const m of mobiles) expect(m, role).toMatch(expected);
      expect((await client.get(`/api/staff/${staffId}`)).json().mobile, role).toMatch(expected);
    }
    expect((await clients.get('admin')!.get(`/api/staff/${staffId}`)).json().mobile).toMatch(FULL);
  });

  it('expert mobiles: full for administrator and coordinator, masked for every other role', async () => {
    for (const [role, client] of clients) {
      const res = await client.get(`/api/experts/${expertId}`);
      expect(res.statusCode, role).toBe(200);
      expect(res.json().mobile, role).toBe(seesStaffContact(role) ? EXPERT_MOBILE : '139****5678');
    }
  });

  it('their Excel exports follow the same rule, role by role', async () => {
    for (const url of ['/api/staff/export', '/api/experts/export'] as const) {
      for (const [role, client] of clients) {
        if (!POLICIES[`GET ${url}`].roles.includes(role)) continue;
        const sheet = readXlsx((await client.get(url)).rawPayload);
        const col = sheet[0].indexOf('手机号');
        const mobiles = sheet
          .slice(1)
          .map((r) => r[col])
          .filter(Boolean);
        expect(mobiles.length, `${url} ${role}`).toBeGreaterThan(0);
        for (const m of mobiles) expect(m, `${url} ${role}`).toMatch(seesStaffContact(role) ? FULL : MASKED);
      }
    }
  });
});
