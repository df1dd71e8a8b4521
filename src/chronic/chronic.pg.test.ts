import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { fdWorld, followupBody, managedCase, signBody, type FdWorld } from './chronic-test-kit.ts';

/** Races on a real PostgreSQL server (PGlite runs one statement at a time, so it cannot race). */
let env: TestEnv;
let w: FdWorld;
let villages: Client[];
beforeAll(async () => {
  env = await createTestEnv({ poolSize: 20 });
  w = await fdWorld(env);
  // several phones of the same village doctor at once
  villages = await Promise.all(Array.from({ length: 6 }, () => env.login('village.doctor')));
});
afterAll(async () => {
  await env?.close();
});

const owner = async (q: string) => (await env.asOwner(q))[0];

describe('concurrency on PostgreSQL', () => {
  it('concurrent deliveries never push used past the quota (5 rounds of 12 at once on a quota of 4)', async () => {
    for (let round = 0; round < 5; round++) {
      const r = w.residents[round];
      const signed = await w.village.post('/api/fd/contracts', signBody(w, [r.id], { startDate: '2025-01-01' }));
      expect(signed.statusCode, signed.body).toBe(200);
      const contractId = signed.json().contracts[0].contractId;
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          villages[i % villages.length].post('/api/fd/deliveries', {
            contractId,
            serviceKind: 'followup_htn',
            deliveredOn: '2025-05-01',
            clientId: randomUUID(),
          }),
        ),
      );
      expect(answers.every((a) => a.statusCode === 200)).toBe(true);
      const statuses = answers.map((a) => a.json().status);
      expect(statuses.filter((s) => s === 'counted')).toHaveLength(4);
      expect(statuses.filter((s) => s === 'over_quota')).toHaveLength(8);
      expect(
        await owner(
          `SELECT used, quota FROM fd_entitlements WHERE contract_id = ${contractId} AND item_code = 'htn_followup'`,
        ),
      ).toEqual({
        used: 4,
        quota: 4,
      });
    }
    // the invariant, in SQL, for every entitlement: used = counted deliveries ≤ quota
    const broken = await env.asOwner(`SELECT e.id FROM fd_entitlements e
      WHERE e.used > e.quota OR e.used <> (SELECT count(*) FROM fd_deliveries d WHERE d.entitlement_id = e.id)`);
    expect(broken).toEqual([]);
  });

  it('two overlapping signings at once: exactly one contract', async () => {
    const r = w.residents[6];
    const answers = await Promise.all(
      villages.map((v, i) =>
        v.post('/api/fd/contracts', signBody(w, [r.id], { startDate: `2025-0${(i % 6) + 1}-01` })),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'CONTRACT_OVERLAP')).toBe(true);
    expect(await owner(`SELECT count(*)::int AS n FROM fd_contracts WHERE resident_id = ${r.id}`)).toEqual({ n: 1 });
  });

  it('a grid one short of its limit takes exactly one of five patients added at once; a doctor one grid short takes one of three', async () => {
    await w.admin.patch('/api/fd/settings', { gridMaxPatients: 3, doctorMaxGrids: 1 });
    const grid = await w.village.post('/api/grids', {
      orgId: w.villageOrg,
      name: '并发网格',
      memberStaffId: w.gridMemberId,
      doctorStaffId: w.villageDoctorId,
    });
    expect(grid.statusCode, grid.body).toBe(200);
    const gridId = grid.json().id;
    const patients = w.residents.slice(7, 14).map((r) => r.id);
    for (const id of patients) await managedCase(w, id);
    for (const id of patients.slice(0, 2))
      expect((await w.village.post(`/api/grids/${gridId}/patients`, { residentId: id })).statusCode).toBe(200);
    const answers = await Promise.all(
      patients
        .slice(2)
        .map((id, i) => villages[i % villages.length].post(`/api/grids/${gridId}/patients`, { residentId: id })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(
      await owner(
        `SELECT patients, (SELECT count(*)::int FROM grid_patients WHERE grid_id = ${gridId}) AS n FROM grids WHERE id = ${gridId}`,
      ),
    ).toEqual({
      patients: 3,
      n: 3,
    });
    // the village doctor leads one grid already (limit 1): three more at once are all refused
    const members = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const s = await w.admin.post('/api/staff', {
          username: `wangge.race${i}`,
          displayName: '赵网格',
          orgId: w.villageOrg,
          roles: ['grid_member'],
        });
        return s.json().staff.id as number;
      }),
    );
    const more = await Promise.all(
      members.map((m, i) =>
        villages[i].post('/api/grids', {
          orgId: w.villageOrg,
          name: `并发网格${i + 2}`,
          memberStaffId: m,
          doctorStaffId: w.villageDoctorId,
        }),
      ),
    );
    expect(more.map((a) => a.statusCode)).toEqual([409, 409, 409]);
    await w.admin.patch('/api/fd/settings', { doctorMaxGrids: 2 });
    const race = await Promise.all(
      members.map((m, i) =>
        villages[i].post('/api/grids', {
          orgId: w.villageOrg,
          name: `并发网格${i + 5}`,
          memberStaffId: m,
          doctorStaffId: w.villageDoctorId,
        }),
      ),
    );
    expect(race.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await owner(`SELECT grids FROM grid_doctor_loads WHERE staff_id = ${w.villageDoctorId}`)).toEqual({
      grids: 2,
    });
    expect(await owner(`SELECT count(*)::int AS n FROM grids WHERE doctor_staff_id = ${w.villageDoctorId}`)).toEqual({
      n: 2,
    });
  });

  it('concurrent follow-ups of one case keep the case year consistent', async () => {
    const caseId = await managedCase(w, w.residents[14].id);
    const days = ['2025-01-10', '2025-02-10', '2025-04-10', '2025-05-10', '2025-07-10', '2025-10-10'];
    const answers = await Promise.all(
      days.map((d, i) => villages[i].post('/api/chronic/followups', followupBody(caseId, { visitDate: d }))),
    );
    expect(answers.map((a) => `${a.statusCode} ${a.statusCode === 201 ? '' : a.body}`)).toEqual(days.map(() => '201 '));
    expect(
      await owner(
        `SELECT followups, face_to_face, quarters, last_visit::text FROM chronic_case_years WHERE case_id = ${caseId} AND year = 2025`,
      ),
    ).toEqual({
      followups: 6,
      face_to_face: 6,
      quarters: 15,
      last_visit: '2025-10-10',
    });
    expect(
      await owner(`SELECT last_followup_on::text, next_due::text FROM chronic_cases WHERE id = ${caseId}`),
    ).toEqual({
      last_followup_on: '2025-10-10',
      next_due: '2026-01-10',
    });
  });
});
