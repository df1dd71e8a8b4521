import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Client, TestEnv } from '../platform/test-helpers.ts';

/**
 * A family-doctor world on the tiny county, built through the API: the BASIC and HTN packages,
 * a 1+1+N team at the first township serving its villages, and the first village's residents.
 */
export interface FdWorld {
  admin: Client;
  township: Client;
  village: Client;
  grid: Client;
  bureau: Client;
  countyId: number;
  townshipOrg: number;
  villageOrg: number;
  otherVillageOrg: number;
  villageDoctorId: number;
  townshipDoctorId: number;
  gridMemberId: number;
  teamId: number;
  basicId: number;
  htnId: number;
  /** residents of the first village, oldest first */
  residents: Array<{ id: number; name: string; householdNo: string | null }>;
}

/** a PNG data URL long enough to pass as a drawn signature */
export const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.repeat(2)}`;

export async function fdWorld(env: TestEnv): Promise<FdWorld> {
  const [admin, township, village, grid, bureau] = await Promise.all(
    ['admin', 'township.doctor', 'village.doctor', 'grid.member', 'bureau'].map((u) => env.login(u)),
  );
  const me = async (c: Client) => (await c.get('/api/auth/me')).json<{ id: number; org: { id: number } }>();
  const [v, t, g] = await Promise.all([me(village), me(township), me(grid)]);
  const villages = await env.asOwner(`SELECT id FROM orgs WHERE parent_id = ${t.org.id} ORDER BY code`);
  const otherVillageOrg = Number(villages.map((r) => r.id).find((id) => Number(id) !== v.org.id));
  const pkg = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/fd/packages', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ id: number }>().id;
  };
  const basicId = await pkg({
    code: 'BASIC',
    name: '基础服务包',
    category: 'basic',
    fundPublicHealthFen: 1000,
    fundInsuranceFen: 2000,
    effectiveFrom: '2020-01-01',
    items: [
      { itemCode: 'health_check', name: '年度健康体检', serviceKind: 'health_check', quota: 1 },
      { itemCode: 'consult', name: '健康咨询', serviceKind: 'consult', quota: 2 },
    ],
  });
  const htnId = await pkg({
    code: 'HTN',
    name: '高血压服务包',
    category: 'personalised',
    target: 'hypertension',
    effectiveFrom: '2020-01-01',
    items: [
      { itemCode: 'htn_followup', name: '高血压随访', serviceKind: 'followup_htn', quota: 4, countsAsFollowup: true },
      { itemCode: 'bp', name: '血压测量', serviceKind: 'bp_measure', quota: 4 },
    ],
  });
  const team = await township.post('/api/fd/teams', {
    orgId: t.org.id,
    name: '第一家庭医生团队',
    leadStaffId: t.id,
    members: [
      { staffId: t.id, role: 'township_doctor', fromDate: '2020-01-01' },
      { staffId: v.id, role: 'village_doctor', fromDate: '2020-01-01' },
      { staffId: g.id, role: 'grid_member', fromDate: '2020-01-01' },
    ],
    villageOrgIds: villages.map((r) => Number(r.id)),
  });
  expect(team.statusCode, team.body).toBe(200);
  const residents = await env.asOwner(
    `SELECT id, name, household_no FROM residents WHERE org_id = ${v.org.id} AND deceased_on IS NULL ORDER BY birth_date, id`,
  );
  return {
    admin,
    township,
    village,
    grid,
    bureau,
    countyId: env.countyId,
    townshipOrg: t.org.id,
    villageOrg: v.org.id,
    otherVillageOrg,
    villageDoctorId: v.id,
    townshipDoctorId: t.id,
    gridMemberId: g.id,
    teamId: team.json<{ id: number }>().id,
    basicId,
    htnId,
    residents: residents.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      householdNo: (r.household_no as string | null) ?? null,
    })),
  };
}

export function signBody(w: FdWorld, residentIds: number[], extra: Record<string, unknown> = {}) {
  return {
    members: residentIds.map((residentId) => ({ residentId, clientId: randomUUID() })),
    teamId: w.teamId,
    doctorStaffId: w.villageDoctorId,
    packageIds: [w.basicId, w.htnId],
    startDate: '2025-03-01',
    cadreName: '王支书',
    signatureKind: 'drawn',
    signature: SIGNATURE,
    ...extra,
  };
}

export async function managedCase(
  w: FdWorld,
  residentId: number,
  disease: 'htn' | 't2dm' = 'htn',
  onDate = '2024-01-10',
) {
  const res = await w.village.post('/api/chronic/cases', { residentId, disease, state: 'managed', onDate });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: number }>().id;
}

export function followupBody(caseId: number, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    caseId,
    visitDate: '2025-04-01',
    mode: 'clinic',
    sbp: 132,
    dbp: 82,
    heartRate: 76,
    adherence: 'regular',
    drugs: [{ name: '氨氯地平片', dose: '5mg qd' }],
    ...extra,
  };
}
