import { randomUUID } from 'node:crypto';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * The teleconsultation tests' world (issue 12 §5): the remote world plus the demo `expert`
 * (神经内科, the people's hospital) who is invited, and a doctor of another township (IDOR).
 */
export interface ConsultWorld extends RemoteWorld {
  expert: Client;
  stranger: Client;
  expertId: number;
}

export async function consultWorld(env: TestEnv): Promise<ConsultWorld> {
  const w = await remoteWorld(env);
  await env.asOwner(
    `INSERT INTO staff (county_id, org_id, department_id, username, display_name, title, roles, password_hash,
       must_change_password)
     SELECT county_id, ${w.ids.otherTownshipOrg}, NULL, 'township.other', '冯立新', '全科医师', roles, password_hash, false
     FROM staff WHERE username = 'township.doctor' ON CONFLICT DO NOTHING`,
  );
  const [expert, stranger] = await Promise.all([env.login('expert'), env.login('township.other')]);
  const me = (await expert.get('/api/auth/me')).json<{ id: number }>();
  return { ...w, expert, stranger, expertId: me.id };
}

export const applyBody = (w: ConsultWorld, over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  residentId: w.ids.resident,
  invitedOrgId: w.ids.peopleOrg,
  invitedStaffId: w.expertId,
  speciality: '神经内科',
  mode: 'scheduled',
  purpose: '反复头晕一周，明确诊断及下一步治疗',
  clinicalSummary: '男，68岁，高血压病史10年，近一周反复头晕，无肢体无力。血压 168/96 mmHg。',
  ...over,
});

export interface ConsultView {
  id: number;
  status: string;
  version: number;
  feeFen: number;
  steps: string[];
  side: string;
  files: Array<{ sha256: string; fileName: string; mime: string }>;
  timeline: Array<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string;
    note: string | null;
  }>;
  [k: string]: unknown;
}

/** POST a step and return the answer's JSON (status checked by the caller) */
export async function step(c: Client, id: number, name: string, body: Record<string, unknown>) {
  const res = await c.post(`/api/remote/consults/${id}/${name}`, body);
  return { status: res.statusCode, body: res.json<ConsultView & { code?: string; message?: string }>() };
}
