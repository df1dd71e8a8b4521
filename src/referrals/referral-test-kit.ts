import { randomUUID } from 'node:crypto';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { KNOWN_RESIDENTS } from '../seed/seed.ts';

/** Places and people of the tiny test county that referral tests need (not a test file). */
export interface ReferralWorld {
  village: Client;
  township: Client;
  coordinator: Client;
  county: Client;
  otherTownship: Client;
  clerk: Client;
  villageOrg: number;
  songguCentre: number;
  people: number;
  tcm: number;
  residentId: number;
  rehabDept: number;
  cardiologyDept: number;
}

export async function referralWorld(env: TestEnv): Promise<ReferralWorld> {
  const [village, township, coordinator, county, otherTownship, clerk] = await Promise.all(
    ['village.doctor', 'township.doctor', 'coordinator', 'county.doctor', 'xiangyi.2', 'clerk'].map((u) =>
      env.login(u),
    ),
  );
  const orgs = (await county.get('/api/orgs')).json<
    Array<{ id: number; kind: string; name: string; parentId: number | null }>
  >();
  const people = orgs.find((o) => o.name.endsWith('人民医院'))!.id;
  const tcm = orgs.find((o) => o.name.endsWith('中医医院'))!.id;
  const songguCentre = orgs.find((o) => o.name === '宋古乡卫生院')!.id;
  const resident = (await village.get('/api/residents?q=zsm'))
    .json()
    .items.find((r: { name: string }) => r.name === KNOWN_RESIDENTS.inVillage);
  const songguDetail = (await county.get(`/api/orgs/${songguCentre}`)).json();
  const peopleDetail = (await county.get(`/api/orgs/${people}`)).json();
  return {
    village,
    township,
    coordinator,
    county,
    otherTownship,
    clerk,
    villageOrg: resident.orgId,
    songguCentre,
    people,
    tcm,
    residentId: resident.id,
    rehabDept: songguDetail.departments.find((d: { code: string }) => d.code === 'rehab').id,
    cardiologyDept: peopleDetail.departments.find((d: { code: string }) => d.code === 'cardiology').id,
  };
}

export const key = () => `test-${randomUUID()}`;

export function upBody(w: ReferralWorld, extra: Record<string, unknown> = {}) {
  return {
    residentId: w.residentId,
    toOrgId: w.people,
    urgency: 'urgent',
    reason: '胸闷气短加重，村卫生室无法处理',
    diagnosisCode: 'I20.0',
    consent: { by: 'patient' },
    summary: { vitals: { sbp: 168, dbp: 96, heartRate: 102 }, history: '高血压10年', medications: '硝苯地平缓释片' },
    ...extra,
  };
}

export function downBody(w: ReferralWorld) {
  return {
    toOrgId: w.songguCentre,
    toDepartmentId: w.rehabDept,
    reason: '病情稳定，转乡镇康复',
    dischargeSummary: '急性冠脉综合征，PCI术后第7天，病情稳定。',
    carePlan: {
      kind: 'rehab',
      goals: '心脏康复',
      tasks: [
        { kind: 'rehab', title: '心脏康复训练 每周3次' },
        { kind: 'follow_up', title: '两周后复查心电图', dueOn: '2026-12-01' },
      ],
    },
  };
}

export async function createUp(w: ReferralWorld, extra: Record<string, unknown> = {}) {
  const res = await w.village.post('/api/referrals', upBody(w, extra), { 'idempotency-key': key() });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number; status: string }>();
}
