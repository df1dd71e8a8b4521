import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';
import { EXPORT_MAX_ROWS, XLSX_MIME } from './list.ts';
import { createTestEnv, readXlsx, type Client, type TestEnv } from './test-helpers.ts';

/**
 * The list kit on real lists: server-side pages with a total, whitelisted sorts, and the
 * Excel twin of each list (same rows, same masking, one audit row per export).
 */
let env: TestEnv;
let w: ReferralWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const MASKED_ID = /^\d{4}\*{10}\d{3}[\dX]$/;
const FULL_ID = /(?<!\d)\d{17}[\dX](?!\d)/;
const FULL_MOBILE = /(?<![\d*])1[3-9]\d{9}(?!\d)/;

async function allPages(client: Client, url: string, pageSize: number) {
  const first = (await client.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=${pageSize}`)).json();
  const ids: number[] = first.items.map((r: { id: number }) => r.id);
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const res = await client.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=${pageSize}&page=${page}`);
    expect(res.json()).toMatchObject({ page, pageSize, total: first.total });
    ids.push(...res.json().items.map((r: { id: number }) => r.id));
  }
  return { first, ids };
}

async function exportOf(client: Client, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''.+\.xlsx$/);
  return readXlsx(res.rawPayload);
}

const auditRows = async (action: string) =>
  (await env.asOwner(
    `SELECT outcome, username, detail FROM audit_log WHERE action = '${action}' ORDER BY id`,
  )) as Array<{ outcome: string; username: string; detail: { rows?: number; filter?: Record<string, unknown> } }>;

describe('paging: {items, total, page, pageSize}', () => {
  it('residents: every page of the county doctor’s reach, no row twice, total as counted by the database', async () => {
    const { first, ids } = await allPages(w.county, '/api/residents', 7);
    const inDb = Number((await env.asOwner('SELECT count(*)::int AS n FROM residents'))[0].n);
    expect(first).toMatchObject({ page: 1, pageSize: 7, total: inDb, totalCapped: false, matchedBy: 'all' });
    expect(first.items).toHaveLength(7);
    expect(ids).toHaveLength(inDb);
    expect(new Set(ids).size).toBe(inDb);
    // a village doctor's total is their village, not the county
    const village = (await w.village.get('/api/residents?pageSize=1')).json();
    expect(village.total).toBeGreaterThan(0);
    expect(village.total).toBeLessThan(inDb);
  });

  it('staff: pages and a filter total; a page past the end is empty, not an error', async () => {
    const admin = await env.login('admin');
    const { first, ids } = await allPages(admin, '/api/staff', 5);
    const inDb = Number((await env.asOwner('SELECT count(*)::int AS n FROM staff'))[0].n);
    expect(first.total).toBe(inDb);
    expect(new Set(ids).size).toBe(inDb);
    const doctors = (await admin.get('/api/staff?role=village_doctor')).json();
    expect(doctors.total).toBe(doctors.items.length);
    expect(doctors.items.every((s: { roles: string[] }) => s.roles.includes('village_doctor'))).toBe(true);
    const past = (await admin.get(`/api/staff?pageSize=5&page=${Math.ceil(inDb / 5) + 1}`)).json();
    expect(past).toMatchObject({ items: [], total: inDb });
  });

  it('a sort key outside the list’s whitelist is refused with 400 before any SQL', async () => {
    const admin = await env.login('admin');
    for (const sort of ['password_hash', 'constructor', '__proto__', 'username;DROP TABLE staff', '--username', ' ']) {
      const res = await admin.get(`/api/staff?sort=${encodeURIComponent(sort)}`);
      expect(res.statusCode, sort).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sort' });
      expect(res.json().message).toMatch(/排序方式不正确/);
    }
    // the same word is fine where the list offers it, in both directions
    const names = async (sort: string) =>
      (await admin.get(`/api/staff?sort=${sort}&pageSize=100`))
        .json()
        .items.map((s: { username: string }) => s.username);
    const asc = await names('username');
    expect(asc.length).toBeGreaterThan(5);
    expect(await names('-username')).toEqual([...asc].reverse());
    expect((await w.county.get('/api/residents?sort=idNumber')).statusCode).toBe(400);
    expect((await w.county.get('/api/exam-orders?sort=resultText')).statusCode).toBe(400);
    expect((await w.county.get('/api/residents/export?sort=mobile')).statusCode).toBe(400);
  });
});

describe('exam orders: what is still to do comes first, newest first, paged', () => {
  it('the performing hospital sees a new order on page 1 even behind many reported ones', async () => {
    const order = async () =>
      (
        await w.village.post(
          '/api/exam-orders',
          { residentId: w.residentId, itemCode: 'US-ABD', urgency: 'routine' },
          { 'idempotency-key': key() },
        )
      ).json().id as number;
    const reported: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await order();
      await w.county.post(`/api/exam-orders/${id}/schedule`, { scheduledAt: '2026-06-01T09:00:00+08:00' });
      await w.county.post(`/api/exam-orders/${id}/perform`, {});
      await w.county.post(`/api/exam-orders/${id}/report`, { resultText: '未见异常', resultFlag: 'normal' });
      reported.push(id);
    }
    const older = await order();
    const newest = await order();
    const page = (await w.county.get('/api/exam-orders?box=performing&pageSize=2')).json();
    expect(page.items.map((o: { id: number }) => o.id)).toEqual([newest, older]);
    expect(page.total).toBe(5);
    expect(page.counts.pending).toBe(2);
    const pending = (await w.county.get('/api/exam-orders?box=performing&status=pending')).json();
    expect(pending.items.map((o: { id: number }) => o.id)).toEqual([newest, older]);
    const done = (await w.county.get('/api/exam-orders?box=performing&status=reported&sort=createdAt')).json();
    expect(done.items.map((o: { id: number }) => o.id)).toEqual(reported);

    // the export holds exactly the filtered rows, every page, prices in yuan, headers in Chinese
    const sheet = await exportOf(
      w.county,
      '/api/exam-orders/export?box=performing&status=reported&sort=createdAt&pageSize=1',
    );
    expect(sheet[0].slice(0, 5)).toEqual(['编号', '居民', '检查项目', '类别', '价格（元）']);
    expect(sheet.length - 1).toBe(done.total);
    expect(sheet.slice(1).map((r) => Number(r[0]))).toEqual(reported);
  });
});

describe('exports', () => {
  it('a resident export has the rows of the filtered list, masked as on screen, and one audit row', async () => {
    const before = (await auditRows('resident.export')).length;
    const list = (await w.township.get('/api/residents?q=z&pageSize=100')).json();
    expect(list.total).toBeGreaterThan(1);
    const sheet = await exportOf(w.township, '/api/residents/export?q=z');
    expect(sheet[0]).toEqual(expect.arrayContaining(['姓名', '身份证号', '手机号']));
    expect(sheet.length - 1).toBe(list.total);
    const idCol = sheet[0].indexOf('身份证号');
    const mobileCol = sheet[0].indexOf('手机号');
    expect(sheet.slice(1).map((r) => r[idCol])).toEqual(list.items.map((r: { idNumber: string }) => r.idNumber));
    expect(sheet.slice(1).map((r) => r[mobileCol] ?? '')).toEqual(
      list.items.map((r: { mobile: string | null }) => r.mobile ?? ''),
    );
    for (const row of sheet.slice(1)) expect(row[idCol]).toMatch(MASKED_ID);
    const text = JSON.stringify(sheet);
    expect(FULL_ID.test(text)).toBe(false);
    expect(FULL_MOBILE.test(text)).toBe(false);

    const rows = await auditRows('resident.export');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      outcome: 'success',
      username: 'township.doctor',
      detail: { rows: list.total, filter: { q: 'z', matchedBy: 'pinyin' } },
    });
    // a role that may search but not take a list away
    expect((await (await env.login('grid.member')).get('/api/residents/export')).statusCode).toBe(403);
  });

  it('an expert roster export masks contacts for exactly the roles that see them masked on screen', async () => {
    for (const [i, name] of ['甲专家', '乙专家', '丙专家'].entries()) {
      const res = await w.coordinator.post('/api/experts', {
        name,
        title: '主任医师',
        homeHospital: '山西医科大学第一医院',
        hospitalLevel: 'provincial',
        speciality: '心血管内科',
        mobile: `1391234000${i}`,
        email: `e${i}@example.cn`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const township = await env.login('township.doctor');
    const cases: Array<[Client, 'full' | 'masked']> = [
      [w.coordinator, 'full'],
      [township, 'masked'],
    ];
    for (const [client, expected] of cases) {
      const screen = (await client.get('/api/experts?q=心血管')).json();
      const sheet = await exportOf(client, `/api/experts/export?q=${encodeURIComponent('心血管')}`);
      const mobileCol = sheet[0].indexOf('手机号');
      expect(sheet.length - 1).toBe(screen.total);
      expect(sheet.slice(1).map((r) => r[mobileCol])).toEqual(screen.items.map((e: { mobile: string }) => e.mobile));
      for (const row of sheet.slice(1))
        expect(row[mobileCol]).toMatch(expected === 'full' ? /^1391234000\d$/ : /^139\*{4}000\d$/);
    }
    const rows = await auditRows('clinic.expert.export');
    expect(rows.map((r) => [r.username, r.detail.rows])).toEqual([
      ['coordinator', 3],
      ['township.doctor', 3],
    ]);
  });

  it(`beyond ${EXPORT_MAX_ROWS.toLocaleString('en-US')} rows the export is refused in Chinese (audited); a narrower filter goes through`, async () => {
    const clerk = (await env.asOwner(`SELECT id FROM staff WHERE username = 'clerk'`))[0].id;
    await env.asOwner(`INSERT INTO out_of_county_visits
        (county_id, resident_id, resident_org_id, visit_date, hospital_name, hospital_level, visit_type, source, entered_by)
      SELECT r.county_id, r.id, r.org_id, DATE '2020-01-01' + (i % 365), '批量医院' || (i / 365), 'city', 'outpatient', 'seed', ${Number(clerk)}
      FROM residents r, generate_series(0, ${EXPORT_MAX_ROWS}) AS i WHERE r.id = ${w.residentId}`);
    const list = (await w.clerk.get('/api/out-of-county-visits?pageSize=1')).json();
    expect(list.total).toBe(EXPORT_MAX_ROWS + 1);
    const refused = await w.clerk.get('/api/out-of-county-visits/export');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      message: expect.stringContaining('缩小筛选范围'),
    });
    expect((await auditRows('out_of_county.export')).at(-1)).toMatchObject({
      outcome: 'denied',
      detail: { filter: {}, limit: EXPORT_MAX_ROWS },
    });
    const narrow = (await w.clerk.get('/api/out-of-county-visits?from=2020-01-01&to=2020-01-31')).json();
    const sheet = await exportOf(w.clerk, '/api/out-of-county-visits/export?from=2020-01-01&to=2020-01-31');
    expect(sheet.length - 1).toBe(narrow.total);
    expect((await auditRows('out_of_county.export')).at(-1)).toMatchObject({
      outcome: 'success',
      detail: { rows: narrow.total, filter: { from: '2020-01-01', to: '2020-01-31' } },
    });
  });
});
