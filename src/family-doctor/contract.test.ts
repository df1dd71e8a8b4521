import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { fdWorld, managedCase, signBody, SIGNATURE, type FdWorld } from '../chronic/chronic-test-kit.ts';

/**
 * Family-doctor contracts through the API: a household signed in one step, one contract per
 * resident per period (the database's exclusion constraint), renewal inside its window,
 * termination and change of team with reasons, package versions kept, every write audited.
 */
let env: TestEnv;
let w: FdWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await fdWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const owner = async (q: string) => (await env.asOwner(q))[0];
const contractsOf = async (residentId: number) =>
  Number((await owner(`SELECT count(*)::int AS n FROM fd_contracts WHERE resident_id = ${residentId}`)).n);

describe('signing', () => {
  it('signs a household in one step with its key populations; a resend is the same contracts', async () => {
    const [a, b] = [w.residents[0], w.residents[1]];
    await env.asOwner(
      `UPDATE residents SET household_no = 'HH-TEST-1', birth_date = '1950-02-01', registered_poor = true WHERE id = ${a.id}`,
    );
    await env.asOwner(`UPDATE residents SET household_no = 'HH-TEST-1' WHERE id = ${b.id}`);
    await managedCase(w, a.id);
    const household = (await w.village.get(`/api/fd/households/${a.id}`)).json();
    expect(household.members.map((m: { residentId: number }) => m.residentId).sort()).toEqual([a.id, b.id].sort());
    expect(household.team).toMatchObject({ id: w.teamId });
    const body = signBody(w, [a.id, b.id]);
    const res = await w.village.post('/api/fd/contracts', body);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json().contracts;
    expect(out).toHaveLength(2);
    const row = await owner(
      `SELECT key_pops, cadre_name, lower(period)::text AS start, signed_to::text AS "to", signature_kind FROM fd_contracts WHERE id = ${out[0].contractId}`,
    );
    expect(row).toMatchObject({ cadre_name: '王支书', start: '2025-03-01', to: '2026-03-01', signature_kind: 'drawn' });
    expect((row.key_pops as string[]).sort()).toEqual(['elderly', 'hypertension', 'poor']);
    expect(
      await owner(`SELECT count(*)::int AS n FROM fd_entitlements WHERE contract_id = ${out[0].contractId}`),
    ).toEqual({ n: 4 });
    expect(
      await owner(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'fd.contract.sign' AND resident_id IN (${a.id}, ${b.id})`,
      ),
    ).toEqual({ n: 2 });
    const again = (await w.village.post('/api/fd/contracts', body)).json().contracts;
    expect(again.map((c: { contractId: number; replayed: boolean }) => [c.contractId, c.replayed])).toEqual(
      out.map((c: { contractId: number }) => [c.contractId, true]),
    );
    expect(await contractsOf(a.id)).toBe(1);
  });

  it('a second overlapping contract is refused by the database, and a household is all or nothing', async () => {
    const [a, c] = [w.residents[0], w.residents[2]];
    const res = await w.village.post('/api/fd/contracts', signBody(w, [c.id, a.id], { startDate: '2025-09-01' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONTRACT_OVERLAP' });
    expect(res.json().message).toContain('已有有效的家庭医生签约');
    expect(await contractsOf(c.id)).toBe(0);
    // straight into the table, past the service: the exclusion constraint still holds
    await expect(
      env.asOwner(
        `INSERT INTO fd_contracts (county_id, org_id, resident_id, team_id, doctor_staff_id, period, signed_to, signature_kind, signature)
         SELECT county_id, org_id, resident_id, team_id, doctor_staff_id, daterange('2025-12-01', '2026-12-01'), '2026-12-01', 'drawn', signature
         FROM fd_contracts WHERE resident_id = ${a.id}`,
      ),
    ).rejects.toThrow(/fd_contracts_one_per_period/);
  });

  it('refuses bad input in Chinese and signs nobody', async () => {
    const r = w.residents[3];
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ signature: 'data:image/gif;base64,AAAA' }, 400, '请手写签名'],
      [{ packageIds: [w.htnId] }, 400, '签约须包含基础服务包'],
      [{ startDate: '2025-02-30' }, 400, '签约开始日期不存在'],
      [{ doctorStaffId: w.townshipDoctorId + 100000 }, 400, '签约医生不是该团队'],
      [{ members: [] }, 400, '请选择签约居民'],
      [{ cadreName: '王2书' }, 400, '村干部姓名只能包含汉字'],
    ];
    for (const [extra, status, message] of bad) {
      const res = await w.village.post('/api/fd/contracts', signBody(w, [r.id], extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      expect(res.body).toContain(message);
    }
    expect(await contractsOf(r.id)).toBe(0);
  });

  it('a contract keeps the package version it was signed on; a new version is for new contracts', async () => {
    const r = w.residents[4];
    const v2 = await w.admin.post('/api/fd/packages', {
      code: 'HTN',
      name: '高血压服务包',
      category: 'personalised',
      target: 'hypertension',
      effectiveFrom: '2025-06-01',
      items: [
        { itemCode: 'htn_followup', name: '高血压随访', serviceKind: 'followup_htn', quota: 6, countsAsFollowup: true },
      ],
    });
    expect(v2.json()).toMatchObject({ version: 2 });
    // signing on 2025-07-01 with version 1 is refused: version 2 is in force
    const stale = await w.village.post('/api/fd/contracts', signBody(w, [r.id], { startDate: '2025-07-01' }));
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('在签约日不适用');
    const ok = await w.village.post(
      '/api/fd/contracts',
      signBody(w, [r.id], { startDate: '2025-07-01', packageIds: [w.basicId, v2.json().id] }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const quota = await owner(
      `SELECT e.quota FROM fd_entitlements e WHERE e.contract_id = ${ok.json().contracts[0].contractId} AND e.item_code = 'htn_followup'`,
    );
    expect(quota).toEqual({ quota: 6 });
    // the first household's contract still has version 1's quota of 4
    expect(
      await owner(
        `SELECT e.quota FROM fd_entitlements e JOIN fd_contracts c ON c.id = e.contract_id WHERE c.resident_id = ${w.residents[0].id} AND e.item_code = 'htn_followup'`,
      ),
    ).toEqual({ quota: 4 });
    // and a version with contracts cannot be edited in place
    await expect(env.asOwner(`UPDATE fd_package_items SET quota = 9 WHERE package_id = ${w.htnId}`)).rejects.toThrow(
      /新建一个版本/,
    );
  });
});

describe('renewal, termination, change of team', () => {
  it('renewal opens 30 days before the end and continues without a gap; twice is refused', async () => {
    const r = w.residents[5];
    const start = addDays(todayInShanghai(), -345);
    const signed = (
      await w.village.post('/api/fd/contracts', signBody(w, [r.id], { startDate: start, packageIds: [w.basicId] }))
    ).json();
    const id = signed.contracts[0].contractId;
    const list = (await w.village.get('/api/fd/contracts?view=renewal&pageSize=100')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(id);
    const body = { clientId: randomUUID(), signatureKind: 'drawn', signature: SIGNATURE };
    const renewed = await w.village.post(`/api/fd/contracts/${id}/renew`, body);
    expect(renewed.statusCode, renewed.body).toBe(200);
    const next = await owner(
      `SELECT lower(period)::text AS start, renewed_from_id FROM fd_contracts WHERE id = ${renewed.json().contractId}`,
    );
    const old = await owner(`SELECT signed_to::text AS "to" FROM fd_contracts WHERE id = ${id}`);
    expect(next).toEqual({ start: old.to, renewed_from_id: id });
    expect((await w.village.post(`/api/fd/contracts/${id}/renew`, body)).json()).toMatchObject({ replayed: true });
    const twice = await w.village.post(`/api/fd/contracts/${id}/renew`, { ...body, clientId: randomUUID() });
    expect(twice.statusCode).toBe(409);
    expect(
      (await w.village.get('/api/fd/contracts?view=renewal&pageSize=100'))
        .json()
        .items.map((i: { id: number }) => i.id),
    ).not.toContain(id);
  });

  it('renewal is refused before its window opens', async () => {
    const r = w.residents[6];
    const signed = (
      await w.village.post(
        '/api/fd/contracts',
        signBody(w, [r.id], { startDate: addDays(todayInShanghai(), -100), packageIds: [w.basicId] }),
      )
    ).json();
    const res = await w.village.post(`/api/fd/contracts/${signed.contracts[0].contractId}/renew`, {
      clientId: randomUUID(),
      signatureKind: 'drawn',
      signature: SIGNATURE,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('续签在到期前 30 天开放');
  });

  it('termination needs a reason, cuts the period, and lets the resident sign again from that day', async () => {
    const r = w.residents[7];
    const id = (
      await w.village.post(
        '/api/fd/contracts',
        signBody(w, [r.id], { startDate: '2025-01-01', packageIds: [w.basicId] }),
      )
    ).json().contracts[0].contractId;
    expect(
      (await w.village.post(`/api/fd/contracts/${id}/terminate`, { reason: '', endDate: '2025-06-01' })).statusCode,
    ).toBe(400);
    const res = await w.village.post(`/api/fd/contracts/${id}/terminate`, {
      reason: '迁往外县居住',
      endDate: '2025-06-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      await owner(`SELECT status, upper(period)::text AS "end", end_reason FROM fd_contracts WHERE id = ${id}`),
    ).toEqual({
      status: 'terminated',
      end: '2025-06-01',
      end_reason: '迁往外县居住',
    });
    expect(
      (
        await w.village.post(
          '/api/fd/contracts',
          signBody(w, [r.id], { startDate: '2025-06-01', packageIds: [w.basicId] }),
        )
      ).statusCode,
    ).toBe(200);
  });

  it('a change of team is recorded with its reason; the village doctor may not do it', async () => {
    const id = Number((await owner(`SELECT id FROM fd_contracts WHERE resident_id = ${w.residents[0].id}`)).id);
    const other = await w.township.post('/api/fd/teams', {
      orgId: w.townshipOrg,
      name: '第二家庭医生团队',
      leadStaffId: w.townshipDoctorId,
      members: [
        { staffId: w.townshipDoctorId, role: 'township_doctor', fromDate: '2020-01-01' },
        { staffId: w.gridMemberId, role: 'grid_member', fromDate: '2020-01-01' },
      ],
      villageOrgIds: [w.otherVillageOrg],
    });
    // the first team already serves every village of the township
    expect(other.statusCode).toBe(409);
    const team2 = await w.township.post('/api/fd/teams', {
      orgId: w.townshipOrg,
      name: '第二家庭医生团队',
      leadStaffId: w.townshipDoctorId,
      members: [
        { staffId: w.townshipDoctorId, role: 'township_doctor', fromDate: '2020-01-01' },
        { staffId: w.villageDoctorId, role: 'village_doctor', fromDate: '2020-01-01' },
      ],
      villageOrgIds: [],
    });
    expect(team2.statusCode).toBe(400);
    expect(team2.body).toContain('请选择团队服务的村');
    const body = { teamId: w.teamId, doctorStaffId: w.townshipDoctorId, reason: '村医外出进修，由乡镇医生接管' };
    expect((await w.village.post(`/api/fd/contracts/${id}/change-team`, body)).statusCode).toBe(403);
    const res = await w.township.post(`/api/fd/contracts/${id}/change-team`, body);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await w.township.get(`/api/fd/contracts/${id}`)).json();
    expect(detail.doctorStaffId).toBe(w.townshipDoctorId);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['sign', 'change_team']);
    expect(detail.events[1].reason).toBe(body.reason);
  });
});

describe('lists and 履约', () => {
  it('the idle list (签而不约) holds contracts with no service in 90 days, and a delivery takes them off', async () => {
    const r = w.residents[8];
    const start = addDays(todayInShanghai(), -200);
    const signed = await w.village.post(
      '/api/fd/contracts',
      signBody(w, [r.id], { startDate: start, packageIds: [w.basicId] }),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    const id = signed.json().contracts[0].contractId;
    const idle = async () =>
      (await w.village.get('/api/fd/contracts?view=idle&pageSize=100')).json().items.map((i: { id: number }) => i.id);
    expect(await idle()).toContain(id);
    const d = await w.village.post('/api/fd/deliveries', {
      contractId: id,
      serviceKind: 'health_check',
      deliveredOn: addDays(todayInShanghai(), -3),
      clientId: randomUUID(),
    });
    expect(d.json()).toMatchObject({ status: 'counted' });
    expect(await idle()).not.toContain(id);
    const detail = (await w.village.get(`/api/fd/contracts/${id}`)).json();
    // BASIC: 1 health check + 2 consults, one delivered
    expect(detail.fulfilment).toBe(33.3);
  });

  it('the list exports to Excel with masked ID numbers, and the export is audited', async () => {
    const res = await w.village.get('/api/fd/contracts/export?view=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await owner(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'fd.contracts.export'`)).toEqual({
      n: 1,
    });
    const page = (await w.village.get('/api/fd/contracts?view=all&pageSize=5')).json();
    expect(page.items[0].idNumber).toMatch(/\*{4}/);
  });
});
