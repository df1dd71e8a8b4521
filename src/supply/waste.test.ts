import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';

/**
 * 医疗废物 through the API against the real database: a phone's resend registers one bag, each
 * handover is confirmed by both sides with their own weights, weight discrepancies (tolerance
 * from the effective-dated settings rows) and bags not collected within the hours are listed,
 * and a village sees only its own bags. No test depends on the day it runs.
 */
let env: TestEnv;
let village: Client;
let township: Client;
let villageOrg: number;
let townshipOrg: number;
beforeAll(async () => {
  env = await createTestEnv();
  village = await env.login('village.doctor');
  township = await env.login('township.doctor');
  villageOrg = (await village.get('/api/auth/me')).json<{ org: { id: number } }>().org.id;
  townshipOrg = (await township.get('/api/auth/me')).json<{ org: { id: number } }>().org.id;
});
afterAll(async () => {
  await env?.close();
});

const count = async (q: string) => Number((await env.asOwner(q))[0].n);
const bag = (orgId: number, weightG = 1000, id = randomUUID()) => ({
  id,
  orgId,
  category: 'infectious',
  weightG,
  deviceAt: new Date(Date.now() - 60_000).toISOString(),
});
async function register(client: Client, body: ReturnType<typeof bag>) {
  const res = await client.post('/api/waste/bags', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; created: boolean }>();
}
async function collect(id: string, given: number, received: number) {
  const g = await village.post(`/api/waste/bags/${id}/give`, {
    step: 'collect',
    giverName: '村卫生室',
    receiverName: '乡镇收集员',
    weightG: given,
  });
  expect(g.statusCode, g.body).toBe(200);
  const r = await township.post(`/api/waste/bags/${id}/receive`, { step: 'collect', weightG: received });
  expect(r.statusCode, r.body).toBe(200);
}
const listIds = async (client: Client, view: string) =>
  (await client.get(`/api/waste/bags?view=${view}&pageSize=100`))
    .json<{ items: Array<{ id: string }> }>()
    .items.map((i) => i.id);

describe('registering bags', () => {
  it('a resend of the same bag is the same bag; the same id with other content is refused', async () => {
    const body = bag(villageOrg, 1234);
    expect(await register(village, body)).toMatchObject({ id: body.id, created: true });
    expect(await register(village, body)).toMatchObject({ id: body.id, created: false });
    expect(await count(`SELECT count(*) AS n FROM waste_bags WHERE id = '${body.id}'`)).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'waste.bag.create' AND resource_id = '${body.id}'`,
      ),
    ).toBe(1);
    const other = await village.post('/api/waste/bags', { ...body, weightG: 999 });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('BAG_ID_TAKEN');
    const row = (await env.asOwner(`SELECT device_at < created_at AS ok FROM waste_bags WHERE id = '${body.id}'`))[0];
    expect(row.ok).toBe(true); // device time and server time are both kept
  });

  it('bad input gets a Chinese 400 and changes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM waste_bags');
    for (const body of [
      { ...bag(villageOrg), weightG: -5 },
      { ...bag(villageOrg), weightG: 1.5 },
      { ...bag(villageOrg), category: 'radioactive' },
      { ...bag(villageOrg), id: 'not-a-uuid' },
      { ...bag(villageOrg), deviceAt: 'yesterday' },
      { ...bag(villageOrg), deviceAt: new Date(Date.now() + 86_400_000).toISOString() },
    ]) {
      const res = await village.post('/api/waste/bags', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await village.post('/api/waste/bags', bag(townshipOrg))).statusCode).toBe(400); // not the village's org
    expect(await count('SELECT count(*) AS n FROM waste_bags')).toBe(before);
  });

  it('a village sees only its own bags; the township sees its villages', async () => {
    const own = await register(village, bag(villageOrg));
    const theirs = await register(township, bag(townshipOrg));
    const seen = await listIds(village, 'all');
    expect(seen).toContain(own.id);
    expect(seen).not.toContain(theirs.id);
    expect((await village.get(`/api/waste/bags/${theirs.id}`)).statusCode).toBe(404);
    expect(await listIds(township, 'all')).toEqual(expect.arrayContaining([own.id, theirs.id]));
    const bureau = await env.login('bureau');
    expect((await bureau.get('/api/waste/bags')).statusCode).toBe(403);
  });
});

describe('handovers and lists', () => {
  it('both sides confirm with their own weight; the giver cannot confirm for the receiver; unconfirmed are listed', async () => {
    const b = await register(village, bag(villageOrg, 800));
    await village.post(`/api/waste/bags/${b.id}/give`, {
      step: 'collect',
      giverName: '村卫生室',
      receiverName: '收集员',
      weightG: 800,
    });
    expect(await listIds(township, 'unconfirmed')).toContain(b.id);
    const self = await village.post(`/api/waste/bags/${b.id}/receive`, { step: 'collect', weightG: 800 });
    expect(self.json().code).toBe('SAME_PERSON');
    const early = await township.post(`/api/waste/bags/${b.id}/give`, {
      step: 'station',
      giverName: '收集员',
      receiverName: '转运站',
      weightG: 800,
    });
    expect(early.json().code).toBe('STEP_OUT_OF_ORDER');
    expect((await township.post(`/api/waste/bags/${b.id}/receive`, { step: 'collect', weightG: 800 })).statusCode).toBe(
      200,
    );
    expect(await listIds(township, 'unconfirmed')).not.toContain(b.id);
    expect((await township.get(`/api/waste/bags/${b.id}`)).json()).toMatchObject({
      stage: 'collected',
      discrepancy: false,
    });
    expect(
      (await township.post(`/api/waste/bags/${b.id}/receive`, { step: 'collect', weightG: 800 })).json().code,
    ).toBe('ALREADY_RECEIVED');
  });

  it('a weight off by more than the tolerance in force is listed; a new settings row (data, not code) changes it', async () => {
    const off = await register(village, bag(villageOrg, 1000));
    await collect(off.id, 1000, 900); // 100 g > max(50 g, 5 %)
    const near = await register(village, bag(villageOrg, 1000));
    await collect(near.id, 1000, 970); // 30 g: within
    const listed = await listIds(township, 'discrepancy');
    expect(listed).toContain(off.id);
    expect(listed).not.toContain(near.id);
    const admin = await env.login('admin');
    const s = await admin.post('/api/waste/settings', {
      effectiveFrom: addDays(todayInShanghai(), -400),
      tolerancePct: 15,
      toleranceGrams: 50,
      overdueHours: 48,
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(await listIds(township, 'discrepancy')).not.toContain(off.id);
    await env.asOwner('DELETE FROM waste_settings WHERE county_id IS NOT NULL');
  });

  it('bags not collected within 48 h are listed (server time, not the phone’s); collected ones are not', async () => {
    const late = await register(village, bag(villageOrg));
    const fresh = await register(village, bag(villageOrg));
    const lateButCollected = await register(village, bag(villageOrg));
    await env.asOwner(
      `UPDATE waste_bags SET created_at = now() - interval '49 hours' WHERE id IN ('${late.id}', '${lateButCollected.id}')`,
    );
    await env.asOwner(`UPDATE waste_bags SET created_at = now() - interval '10 hours' WHERE id = '${fresh.id}'`);
    await collect(lateButCollected.id, 1000, 1000);
    const listed = await listIds(township, 'overdue');
    expect(listed).toContain(late.id);
    expect(listed).not.toContain(fresh.id);
    expect(listed).not.toContain(lateButCollected.id);
    expect(await listIds(village, 'in_transit')).toContain(lateButCollected.id);
    const xlsx = await township.get('/api/waste/bags/export?view=overdue');
    expect(xlsx.statusCode).toBe(200);
  });

  it('the figures give the weight per org and the unconfirmed share, with their definitions', async () => {
    const coordinator = await env.login('coordinator');
    const res = await coordinator.get('/api/supply/figures');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const row = f.wasteWeight.byOrg.find((r: { orgId: number }) => r.orgId === villageOrg);
    expect(row.weightG).toBe(
      Number(
        (
          await env.asOwner(
            `SELECT sum(weight_g) AS n FROM waste_bags WHERE org_id = ${villageOrg} AND extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai') = ${f.year}`,
          )
        )[0].n,
      ),
    );
    expect(f.unconfirmed.definition).toMatch(/未确认/);
    expect(f.unconfirmed.denominatorValue).toBeGreaterThan(0);
    expect((await village.get('/api/supply/figures')).statusCode).toBe(403);
  });
});
