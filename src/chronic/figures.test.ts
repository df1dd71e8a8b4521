import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { fdWorld, followupBody, managedCase, signBody, type FdWorld } from './chronic-test-kit.ts';
import { refreshContractRows } from './figures-snapshot.ts';

/**
 * The figures on a small fixture whose numbers were worked out by hand (below, per figure).
 * Village A (the first village) and village B (the other village of the same township):
 *   cases (hypertension, registered 2024-01-10): c1 = A0, c2 = A1, c3 = A2, c4 = A3, c5 = B0
 *   c1: 2024-12-31 (counts in 2024), 2025-02-10, 05-10, 08-10 (130/80), 11-10 (128/78)
 *       → 4 face-to-face, every quarter, last on target
 *   c2: 2025-01-01 (counts in 2025), 02-10, 04-10 (on target), 05-10 (150/95) → 4 face-to-face, Q1–Q2 only, last off target
 *   c3: 2025-03-10 clinic 139/89, 06-10 phone, 09-10 phone, 12-10 clinic 130/80 → 2 face-to-face (Q1, Q4), last on target
 *   c4: no follow-up in 2025 (lost, in Simple's terms); c5: 2025-10-10 126/76 by the township doctor
 *   contracts: A0 2024-03-01→2025-03-01 renewed 2025-03-01→2026-03-01 (BASIC + HTN);
 *              A4 2024-06-01→2025-06-01 not renewed; A5, A6 2025-03-01→2026-03-01 (BASIC)
 *   A14 died 2025-06-01; A5 and A7 registered poor; A6 and A8 born 1950/1952; everyone else born 1970.
 */
let env: TestEnv;
let w: FdWorld;
let A: number[];
let B: number[];
let residentsTotal: number;
beforeAll(async () => {
  env = await createTestEnv();
  w = await fdWorld(env);
  A = w.residents.map((r) => r.id);
  B = (await env.asOwner(`SELECT id FROM residents WHERE org_id = ${w.otherVillageOrg} ORDER BY birth_date, id`)).map(
    (r) => Number(r.id),
  );
  await env.asOwner(
    `UPDATE residents SET birth_date = '1970-05-05', registered_poor = false, deceased_on = NULL WHERE county_id = ${env.countyId}`,
  );
  await env.asOwner(`UPDATE residents SET registered_poor = true WHERE id IN (${A[5]}, ${A[7]})`);
  await env.asOwner(`UPDATE residents SET birth_date = '1950-01-01' WHERE id = ${A[6]}`);
  await env.asOwner(`UPDATE residents SET birth_date = '1952-01-01' WHERE id = ${A[8]}`);
  await env.asOwner(`UPDATE residents SET deceased_on = '2025-06-01' WHERE id = ${A[14]}`);
  // the township doctor's reach: the township's two villages
  residentsTotal = Number(
    (
      await env.asOwner(
        `SELECT count(*)::int AS n FROM residents WHERE org_id IN (${w.villageOrg}, ${w.otherVillageOrg})`,
      )
    )[0].n,
  );

  const c = [
    await managedCase(w, A[0]),
    await managedCase(w, A[1]),
    await managedCase(w, A[2]),
    await managedCase(w, A[3]),
  ];
  const save = async (
    caseId: number,
    visitDate: string,
    sbp: number,
    dbp: number,
    mode = 'clinic',
    client = w.village,
  ) => {
    const res = await client.post(
      '/api/chronic/followups',
      followupBody(caseId, { id: randomUUID(), visitDate, sbp, dbp, mode }),
    );
    expect(res.statusCode, res.body).toBe(201);
  };
  const sign = async (residentId: number, startDate: string, packageIds = [w.basicId]) => {
    const res = await w.village.post('/api/fd/contracts', signBody(w, [residentId], { startDate, packageIds }));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().contracts[0].contractId as number;
  };
  // contracts first, so that follow-ups count against them
  const x = await sign(A[0], '2024-03-01', [w.basicId, w.htnId]);
  await env.asOwner(
    `UPDATE fd_contracts SET period = daterange('2024-03-01', '2025-03-01'), signed_to = '2025-03-01' WHERE id = ${x}`,
  );
  await env.asOwner(
    `INSERT INTO fd_contracts (county_id, org_id, resident_id, team_id, doctor_staff_id, period, signed_to, signature_kind, signature, renewed_from_id)
     SELECT county_id, org_id, resident_id, team_id, doctor_staff_id, daterange('2025-03-01', '2026-03-01'), '2026-03-01', 'drawn', signature, id
     FROM fd_contracts WHERE id = ${x}`,
  );
  const x2 = Number((await env.asOwner(`SELECT id FROM fd_contracts WHERE renewed_from_id = ${x}`))[0].id);
  await env.asOwner(
    `INSERT INTO fd_contract_packages SELECT ${x2}, package_id FROM fd_contract_packages WHERE contract_id = ${x}`,
  );
  await env.asOwner(
    `INSERT INTO fd_entitlements (contract_id, org_id, package_id, item_code, name, service_kind, quota, counts_as_followup)
     SELECT ${x2}, org_id, package_id, item_code, name, service_kind, quota, counts_as_followup FROM fd_entitlements WHERE contract_id = ${x}`,
  );
  await sign(A[4], '2024-06-01');
  const a5 = await sign(A[5], '2025-03-01');
  await sign(A[6], '2025-03-01');
  const deliver = async (contractId: number, serviceKind: string, deliveredOn: string) =>
    expect(
      (
        await w.village.post('/api/fd/deliveries', { contractId, serviceKind, deliveredOn, clientId: randomUUID() })
      ).json(),
    ).toMatchObject({ status: 'counted' });
  await deliver(x2, 'health_check', '2025-04-01');
  await deliver(a5, 'consult', '2025-04-01');
  await deliver(a5, 'consult', '2025-07-01');

  await save(c[0], '2024-12-31', 130, 80);
  for (const d of ['2025-02-10', '2025-05-10', '2025-08-10']) await save(c[0], d, 130, 80);
  await save(c[0], '2025-11-10', 128, 78);
  await save(c[1], '2025-01-01', 130, 80);
  await save(c[1], '2025-02-10', 132, 82);
  await save(c[1], '2025-04-10', 135, 85);
  await save(c[1], '2025-05-10', 150, 95);
  await save(c[2], '2025-03-10', 139, 89);
  await save(c[2], '2025-06-10', 136, 86, 'phone');
  await save(c[2], '2025-09-10', 134, 84, 'phone');
  await save(c[2], '2025-12-10', 130, 80);
  const c5 = await (async () => {
    const res = await w.township.post('/api/chronic/cases', {
      residentId: B[0],
      disease: 'htn',
      state: 'managed',
      onDate: '2024-01-10',
    });
    return res.json().id as number;
  })();
  await save(c5, '2025-10-10', 126, 76, 'clinic', w.township);
  const base = await w.bureau.put('/api/chronic/base-data', {
    year: 2025,
    rows: [
      { orgId: w.villageOrg, pop35Plus: 100, htnPrevalencePct: 25, t2dmPrevalencePct: 10 },
      { orgId: w.otherVillageOrg, pop35Plus: 40, htnPrevalencePct: 25, t2dmPrevalencePct: 10 },
    ],
  });
  expect(base.statusCode, base.body).toBe(200);
});
afterAll(async () => {
  await env?.close();
});

const figures = async (query: string, client = w.township) => {
  const res = await client.get(`/api/chronic/figures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('figures on the hand-worked fixture (2025)', () => {
  it('hypertension: 管理率, 规范管理率 under both calibers, 控制率, Simple beside it', async () => {
    const four = await figures('year=2025&level=township&caliber=four');
    expect(four.total.htn.management).toEqual({ numerator: 4, denominator: 35, rate: 11.4 });
    expect(four.total.htn.standard).toEqual({ numerator: 2, denominator: 4, rate: 50 });
    expect(four.total.htn.controlled).toEqual({ numerator: 3, denominator: 4, rate: 75 });
    expect(four.total.htn.simpleLost).toEqual({ numerator: 1, denominator: 5, rate: 20 });
    expect(four.total.htn.simpleControlled).toEqual({ numerator: 3, denominator: 4, rate: 75 });
    expect(four.caliberLabel).toContain('≥ 4 次');
    const quarterly = await figures('year=2025&level=township&caliber=quarterly');
    expect(quarterly.total.htn.standard).toEqual({ numerator: 1, denominator: 4, rate: 25 });
    expect(quarterly.caliberLabel).toContain('每季至少 1 次');
  });

  it('by village: each village its own numerator and denominator; the year boundary holds', async () => {
    const v = await figures('year=2025&level=village');
    const byId = new Map(v.items.map((i: { id: number }) => [i.id, i]));
    expect((byId.get(w.villageOrg) as { htn: { management: unknown } }).htn.management).toEqual({
      numerator: 3,
      denominator: 25,
      rate: 12,
    });
    expect((byId.get(w.otherVillageOrg) as { htn: { management: unknown } }).htn.management).toEqual({
      numerator: 1,
      denominator: 10,
      rate: 10,
    });
    // 2024 holds c1's visit of 31 December only
    const y2024 = await figures('year=2024&level=township');
    expect(y2024.total.htn.managed).toBe(1);
  });

  it('签约率 overall and per key population, 续签率, 履约率 pooled and mean', async () => {
    const f = await figures('year=2025&level=township');
    expect(f.total.signed.all).toEqual({
      numerator: 3,
      denominator: residentsTotal - 1,
      rate: Math.round(3000 / (residentsTotal - 1)) / 10,
    });
    expect(f.total.signed.poor).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(f.total.signed.elderly).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(f.total.signed.hypertension).toEqual({ numerator: 1, denominator: 5, rate: 20 });
    expect(f.total.renewed).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    // X' (BASIC + HTN: 3 + 8): health check + 3 follow-ups with 3 BP = 7 of 11; A5: 2 of 3; A6: 0 of 3
    expect(f.total.fulfilment).toEqual({ numerator: 9, denominator: 17, rate: 52.9 });
    expect(f.total.fulfilmentMean).toBe(43.4);
    expect(f.teams).toEqual([
      {
        id: w.teamId,
        name: '第一家庭医生团队',
        contracts: 3,
        fulfilment: { numerator: 9, denominator: 17, rate: 52.9 },
        fulfilmentMean: 43.4,
      },
    ]);
  });

  it('drill-down names the patients behind a numerator and a denominator', async () => {
    const names = async (q: string) =>
      (await w.township.get(`/api/chronic/figures/records?${q}`))
        .json()
        .items.map((i: { residentId: number }) => i.residentId)
        .sort();
    expect(await names('figure=controlled&year=2025&part=numerator')).toEqual([A[0], A[2], B[0]].sort());
    expect(await names('figure=controlled&year=2025&part=denominator')).toEqual([A[0], A[1], A[2], B[0]].sort());
    expect(await names('figure=standard&caliber=quarterly&year=2025')).toEqual([A[0]]);
    expect(await names('figure=simple_lost&year=2025')).toEqual([A[3]]);
    expect(await names('figure=renewed&year=2025&part=denominator')).toEqual([A[0], A[4]].sort());
    expect(await names(`figure=signed&year=2025&orgId=${w.villageOrg}`)).toEqual([A[0], A[5], A[6]].sort());
    const managedDen = await w.township.get('/api/chronic/figures/records?figure=managed&year=2025&part=denominator');
    expect(managedDen.statusCode).toBe(400);
    // the bureau sees figures, not names
    expect((await w.bureau.get('/api/chronic/figures/records?figure=controlled&year=2025')).statusCode).toBe(403);
    expect((await figures('year=2025&level=county', w.bureau)).total.htn.controlled.numerator).toBe(3);
  });

  it('a village doctor sees their own village only', async () => {
    const f = await figures('year=2025&level=village', w.village);
    expect(f.items.map((i: { id: number }) => i.id)).toEqual([w.villageOrg]);
    expect(f.total.htn.managed).toBe(3);
  });

  it('data quality: share of SBP ending in 0 and at 139/89 per recording doctor', async () => {
    const q = (await w.township.get('/api/chronic/data-quality?year=2025')).json();
    const doctor = q.items.find((i: { staffId: number }) => i.staffId === w.villageDoctorId);
    // c1 130,130,130,128; c2 130,132,135,150; c3 139,136,134,130 → 6 of 12 end in 0, 1 at 139/89
    expect(doctor).toMatchObject({
      readings: 12,
      endingZero: { numerator: 6, denominator: 12, rate: 50 },
      at139_89: { numerator: 1, rate: 8.3 },
    });
  });

  it('a follow-up saved now is counted at once (the year summary moves in its transaction)', async () => {
    const before = (await figures('year=2025&level=township')).total.htn.managed;
    const caseId = await managedCase(w, A[9], 'htn', '2025-01-05');
    await w.village.post('/api/chronic/followups', followupBody(caseId, { visitDate: '2025-06-06' }));
    expect((await figures('year=2025&level=township')).total.htn.managed).toBe(before + 1);
  });

  it('with a max age, readers share one snapshot of the contract figures until it is refreshed', async () => {
    const env2 = await createTestEnv({ figuresMaxAgeMs: 3_600_000 });
    try {
      const w2 = await fdWorld(env2);
      const signed = async () => {
        const f = (await w2.township.get('/api/chronic/figures?year=2025&level=county')).json();
        return { n: f.total.signed.all.numerator as number, at: f.computedAt as string };
      };
      const first = await signed();
      expect((await w2.village.post('/api/fd/contracts', signBody(w2, [w2.residents[0].id]))).statusCode).toBe(200);
      expect(await signed()).toEqual(first);
      await refreshContractRows(env2.db, env2.app.platform.orgTree, env2.countyId, 2025);
      const after = await signed();
      expect(after.n).toBe(first.n + 1);
      expect(after.at > first.at).toBe(true);
    } finally {
      await env2.close();
    }
  });
});
