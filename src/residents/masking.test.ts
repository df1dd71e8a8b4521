import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, seesStaffContact } from '../policy.ts';
import { DEMO_ACCOUNTS } from '../seed/seed.ts';
import { XLSX_MIME } from '../platform/list.ts';
import { createTestEnv, readXlsx, type TestEnv } from '../platform/test-helpers.ts';

/**
 * Minimum necessary: crawl every readable API response as every role and look for a full
 * 身份证号 or mobile number. Only the audited reveal may return one.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const FULL_ID = /(?<!\d)\d{17}[\dX](?!\d)/;
const FULL_MOBILE = /(?<![\d*])1[3-9]\d{9}(?!\d)/;

describe('no unmasked identifiers', () => {
  it('every GET response, for every role, carries no full ID number or mobile', async () => {
    const county = await env.login('county.doctor');
    const residentIds: number[] = (await county.get('/api/residents?pageSize=100'))
      .json()
      .items.map((r: { id: number }) => r.id);
    expect(residentIds.length).toBeGreaterThan(20);
    const staffIds: number[] = (await (await env.login('admin')).get('/api/staff?pageSize=100'))
      .json()
      .items.map((s: { id: number }) => s.id);
    const getRoutes = Object.keys(POLICIES).filter((k) => k.startsWith('GET /api/') && !k.includes('stream'));
    let scanned = 0;
    for (const account of DEMO_ACCOUNTS) {
      const client = await env.login(account.username);
      for (const key of getRoutes) {
        const url = key.slice(4);
        const concrete = url.includes('/api/residents/:id')
          ? residentIds.slice(0, 5).map((id) => url.replace(':id', String(id)))
          : url.includes('/api/staff/:id')
            ? staffIds.slice(0, 3).map((id) => url.replace(':id', String(id)))
            : [url.replace(/:\w+/g, '1')];
        for (const u of concrete) {
          const res = await client.get(
            u.includes('/api/residents') && !u.includes(':') && u === '/api/residents' ? `${u}?pageSize=100` : u,
          );
          scanned++;
          // request ids are random UUIDs whose digit runs could look like a number; staff and
          // expert work mobiles are shown in full to the roles that arrange their work (on
          // screen and in their Excel exports, which are zipped XML: the cells are read)
          const seesContact = seesStaffContact(account.roles[0]) && /^\/api\/(staff|experts)\b/.test(u);
          let body: string;
          if (res.headers['content-type'] === XLSX_MIME) {
            const sheet = readXlsx(res.rawPayload);
            const mobileCol = seesContact ? (sheet[0]?.indexOf('手机号') ?? -1) : -1;
            // request ids (UUIDs) and hash-chain hashes (hex) in an export are random digit runs, not identifiers
            const random = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{40,128}$/i;
            body = JSON.stringify(
              sheet.map((row) => row.filter((cell, i) => i !== mobileCol && !random.test(String(cell)))),
            );
          } else {
            body = res.body.replace(/"requestId":"[0-9a-f-]+"/g, '');
            if (seesContact) body = body.replace(/"mobile":"1[3-9]\d{9}"/g, '');
          }
          expect(FULL_ID.test(body), `${account.username} ${u}: ${body.match(FULL_ID)?.[0]}`).toBe(false);
          expect(FULL_MOBILE.test(body), `${account.username} ${u}: ${body.match(FULL_MOBILE)?.[0]}`).toBe(false);
        }
      }
    }
    expect(scanned).toBeGreaterThan(100);
    // every route × every role, Excel exports included: minutes on a loaded machine, not seconds
  }, 300_000);

  it('the reveal answers the full value only to roles with need, and records it', async () => {
    const county = await env.login('county.doctor');
    const id = (await county.get('/api/residents?q=zsm')).json().items[0].id;
    const body = (
      await county.post(`/api/residents/${id}/reveal`, { fields: ['idNumber', 'mobile'], reason: '住院登记核对' })
    ).body;
    expect(FULL_ID.test(body)).toBe(true);
    expect(FULL_MOBILE.test(body)).toBe(true);
    for (const username of ['grid.member', 'expert', 'reader', 'pharmacist', 'admin', 'bureau', 'auditor']) {
      const res = await (
        await env.login(username)
      ).post(`/api/residents/${id}/reveal`, { fields: ['idNumber'], reason: '想看看' });
      expect(res.statusCode, username).toBe(403);
      expect(FULL_ID.test(res.body)).toBe(false);
    }
  });
});
