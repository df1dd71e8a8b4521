import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';

/**
 * 消毒供应 through the API against the real database: a load is pending until its indicators
 * are read, a failed indicator recalls every pack of the load (issued and used ones listed for
 * follow-up) and refuses their use, expired packs are refused, a pack is issued once.
 * Dates are relative to the day the test runs (never a fixed today).
 */
let env: TestEnv;
let cssd: Client;
let township: Client;
let townshipOrg: number;
let residentId: number;
let steamType: number;
const today = todayInShanghai();
beforeAll(async () => {
  env = await createTestEnv();
  cssd = await env.login('pharmacist');
  township = await env.login('township.doctor');
  townshipOrg = (await township.get('/api/auth/me')).json<{ org: { id: number } }>().org.id;
  const r = await env.asOwner(
    `SELECT id FROM residents WHERE org_id IN (SELECT id FROM orgs WHERE parent_id = ${townshipOrg} OR id = ${townshipOrg}) ORDER BY id LIMIT 1`,
  );
  residentId = Number(r[0].id);
  const res = await cssd.post('/api/sterile/pack-types', {
    name: '清创缝合包',
    items: [
      { name: '持针器', count: 1 },
      { name: '组织剪', count: 1 },
      { name: '纱布', count: 10 },
    ],
    method: 'steam',
    packaging: '纺织布',
    shelfDays: 14,
  });
  expect(res.statusCode, res.body).toBe(200);
  steamType = res.json().id;
});
afterAll(async () => {
  await env?.close();
});

const count = async (q: string) => Number((await env.asOwner(q))[0].n);
let cycle = 0;
async function load(loadDate = addDays(today, -1), packs = 3) {
  const res = await cssd.post('/api/sterile/loads', {
    sterilizer: 'A1',
    cycleNo: ++cycle,
    loadDate,
    method: 'steam',
    packs: [{ packTypeId: steamType, count: packs }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number; packs: string[] }>();
}
const pass = (id: number) =>
  cssd.post(`/api/sterile/loads/${id}/result`, { physicalOk: true, chemicalOk: true, biologicalOk: true });

describe('loads and indicators', () => {
  it('a pending load releases nothing; a passed one issues and its pack is used once', async () => {
    const l = await load();
    const pending = await cssd.post('/api/sterile/packs/issue', { codes: [l.packs[0]], orgId: townshipOrg });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ code: 'PACK_NOT_RELEASED' });
    expect((await pass(l.id)).json()).toMatchObject({ status: 'passed', recalled: 0 });
    expect((await pass(l.id)).json()).toMatchObject({ code: 'LOAD_ALREADY_READ' });
    const issued = await cssd.post('/api/sterile/packs/issue', {
      codes: [l.packs[0]],
      orgId: townshipOrg,
      ward: '外科',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const used = await township.post('/api/sterile/packs/use', { code: l.packs[0].toLowerCase(), residentId });
    expect(used.statusCode, used.body).toBe(200);
    const again = await township.post('/api/sterile/packs/use', { code: l.packs[0], residentId });
    expect(again.json()).toMatchObject({ code: 'PACK_USED' });
    const notIssued = await township.post('/api/sterile/packs/use', { code: l.packs[1], residentId });
    expect(notIssued.statusCode).toBe(404); // still in the CSSD: not visible to the township
  });

  it('two issues of the same pack at once: exactly one succeeds', async () => {
    const l = await load();
    await pass(l.id);
    const body = { codes: [l.packs[0]], orgId: townshipOrg };
    const results = await Promise.all([
      cssd.post('/api/sterile/packs/issue', body),
      cssd.post('/api/sterile/packs/issue', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('a failed biological indicator recalls every pack of the load, lists the issued and used ones, refuses their use', async () => {
    const l = await load(addDays(today, -2), 4);
    await pass(l.id);
    await cssd.post('/api/sterile/packs/issue', { codes: [l.packs[0], l.packs[1]], orgId: townshipOrg, ward: '产房' });
    expect((await township.post('/api/sterile/packs/use', { code: l.packs[0], residentId })).statusCode).toBe(200);
    const failed = await cssd.post(`/api/sterile/loads/${l.id}/result`, {
      physicalOk: true,
      chemicalOk: true,
      biologicalOk: false,
      note: '生物指示物培养阳性',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const out = failed.json();
    expect(out).toMatchObject({ status: 'failed', recalled: 4 });
    expect(out.followUp.map((f: { code: string; wasStatus: string }) => [f.code, f.wasStatus])).toEqual([
      [l.packs[0], 'used'],
      [l.packs[1], 'issued'],
    ]);
    expect(out.followUp[0]).toMatchObject({ residentId, ward: '产房' });
    expect(await count(`SELECT count(*) AS n FROM sterile_packs WHERE load_id = ${l.id} AND status = 'recalled'`)).toBe(
      4,
    );
    const use = await township.post('/api/sterile/packs/use', { code: l.packs[1], residentId });
    expect(use.statusCode).toBe(409);
    expect(use.json().code).toBe('PACK_RECALLED');
    expect(use.json().message).toMatch(/召回/);
    const issue = await cssd.post('/api/sterile/packs/issue', { codes: [l.packs[2]], orgId: townshipOrg });
    expect(issue.json().code).toBe('PACK_RECALLED');
    const detail = (await cssd.get(`/api/sterile/loads/${l.id}`)).json();
    expect(detail).toMatchObject({ status: 'failed', recalled: 4, biologicalOk: false });
    expect(detail.followUp).toHaveLength(2);
    const list = (await cssd.get(`/api/sterile/packs?status=recalled&loadId=${l.id}`)).json();
    expect(list.total).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'sterile.load.recall'`)).toBe(1);
  });

  it('an expired pack is refused for issue and for use, and shows as expired', async () => {
    const old = await load(addDays(today, -30), 1);
    await pass(old.id);
    const issue = await cssd.post('/api/sterile/packs/issue', { codes: [old.packs[0]], orgId: townshipOrg });
    expect(issue.statusCode).toBe(409);
    expect(issue.json()).toMatchObject({ code: 'PACK_EXPIRED' });
    expect(issue.json().message).toMatch(/过期/);
    const l = await load();
    await pass(l.id);
    await cssd.post('/api/sterile/packs/issue', { codes: [l.packs[0]], orgId: townshipOrg });
    await env.asOwner(
      `UPDATE sterile_packs SET sterilised_on = '${addDays(today, -8)}', expires_on = '${addDays(today, -1)}' WHERE code = '${l.packs[0]}'`,
    );
    const use = await township.post('/api/sterile/packs/use', { code: l.packs[0], residentId });
    expect(use.json()).toMatchObject({ code: 'PACK_EXPIRED' });
    expect((await township.get(`/api/sterile/packs/by-code/${l.packs[0]}`)).json()).toMatchObject({
      status: 'expired',
    });
    const back = await township.post('/api/sterile/packs/return', { code: l.packs[0] });
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('input and access', () => {
  it('bad input gets a Chinese 400 and changes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM sterile_loads');
    for (const body of [
      { sterilizer: 'A1', cycleNo: 0, loadDate: today, method: 'steam', packs: [{ packTypeId: steamType, count: 1 }] },
      {
        sterilizer: 'A1',
        cycleNo: 1,
        loadDate: '2026-02-30',
        method: 'steam',
        packs: [{ packTypeId: steamType, count: 1 }],
      },
      { sterilizer: 'A1', cycleNo: 1, loadDate: today, method: 'dry', packs: [{ packTypeId: steamType, count: 1 }] },
      {
        sterilizer: 'A1',
        cycleNo: 1,
        loadDate: addDays(today, 2),
        method: 'steam',
        packs: [{ packTypeId: steamType, count: 1 }],
      },
      { sterilizer: 'A1', cycleNo: 1, loadDate: today, method: 'plasma', packs: [{ packTypeId: steamType, count: 1 }] },
    ]) {
      const res = await cssd.post('/api/sterile/loads', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await count('SELECT count(*) AS n FROM sterile_loads')).toBe(before);
    const badCode = await township.post('/api/sterile/packs/use', { code: '包', residentId });
    expect(badCode.statusCode).toBe(400);
  });

  it('only the CSSD records loads and issues packs; a village doctor and the bureau cannot', async () => {
    const village = await env.login('village.doctor');
    const bureau = await env.login('bureau');
    const body = {
      sterilizer: 'B',
      cycleNo: 1,
      loadDate: today,
      method: 'steam',
      packs: [{ packTypeId: steamType, count: 1 }],
    };
    expect((await village.post('/api/sterile/loads', body)).statusCode).toBe(403);
    expect((await bureau.post('/api/sterile/loads', body)).statusCode).toBe(403);
    expect(
      (await village.post('/api/sterile/packs/issue', { codes: ['SP000001-001'], orgId: townshipOrg })).statusCode,
    ).toBe(403);
    const export_ = await cssd.get('/api/sterile/packs/export');
    expect(export_.statusCode).toBe(200);
  });
});
