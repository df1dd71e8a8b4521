import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from './platform.ts';
import { createTestEnv, type TestEnv } from './test-helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('org tree across processes', () => {
  it("an org created through one process is in every other process's access tree at once, not after the 30 s TTL", async () => {
    const other = await createPlatform(env.database, env.config);
    await other.orgTree.fresh();
    const [township] = await env.asOwner(
      `SELECT id FROM orgs WHERE county_id = ${env.countyId} AND kind = 'township_center' ORDER BY id LIMIT 1`,
    );
    const admin = await env.login('admin');
    const created = await admin.post('/api/orgs', {
      code: 'NEW-VILLAGE-1',
      name: '新建村卫生室',
      kind: 'village_clinic',
      level: 'village',
      parentId: Number(township.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const until = Date.now() + 3000;
    while (!(await other.orgTree.fresh()).get(id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(other.orgTree.get(id)).toMatchObject({ id, parentId: Number(township.id), kind: 'village_clinic' });
    expect(other.orgTree.subtree(Number(township.id))).toContain(id);
  });
});
