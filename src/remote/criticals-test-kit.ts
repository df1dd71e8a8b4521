import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * The critical-value tests' world (issue 12 §4): the remote world plus a doctor of another
 * township (IDOR sweeps), the township's duty roster, and a helper that takes a critical value
 * through flag and double check at the test's clock.
 */
export interface CriticalWorld extends RemoteWorld {
  outsider: Client;
  admin: Client;
  coordinator: Client;
  lead: number;
  coordinatorId: number;
}

export async function criticalWorld(env: TestEnv): Promise<CriticalWorld> {
  const w = await remoteWorld(env);
  await env.asOwner(
    `INSERT INTO staff (county_id, org_id, department_id, username, display_name, title, roles, password_hash,
       must_change_password)
     SELECT county_id, ${w.ids.otherTownshipOrg}, NULL::integer, 'other.township', '外乡医生', title, roles, password_hash, false
     FROM staff WHERE username = 'township.doctor'
     UNION ALL
     SELECT county_id, org_id, NULL::integer, 'township.lead', '乡院院长', '院长', roles, password_hash, false
     FROM staff WHERE username = 'township.doctor'
     ON CONFLICT DO NOTHING`,
  );
  const [lead] = await env.asOwner(`SELECT id FROM staff WHERE username = 'township.lead'`);
  const [coord] = await env.asOwner(`SELECT id FROM staff WHERE username = 'coordinator'`);
  const [outsider, admin, coordinator] = await Promise.all(
    ['other.township', 'admin', 'coordinator'].map((u) => env.login(u)),
  );
  return { ...w, outsider, admin, coordinator, lead: Number(lead.id), coordinatorId: Number(coord.id) };
}

/** a request from the village, a critical value flagged by `reader` and checked by `reader2` */
export async function notifiedCritical(
  env: TestEnv,
  w: CriticalWorld,
  opts: { check?: boolean; item?: string; detail?: string } = {},
): Promise<{ requestId: number; criticalId: number }> {
  const req = await insertRequest(env, w, { status: 'claimed' });
  const flag = await w.reader.post(`/api/remote/requests/${req.id}/criticals`, {
    itemCode: opts.item ?? 'ECG-AMI',
    detail: opts.detail ?? 'II、III、aVF 导联 ST 段抬高 0.3 mV，急性下壁心肌梗死',
  });
  if (flag.statusCode !== 201) throw new Error(`flag: ${flag.statusCode} ${flag.body}`);
  const id = flag.json<{ id: number }>().id;
  if (opts.check !== false) {
    const check = await w.reader2.post(`/api/remote/criticals/${id}/check`);
    if (check.statusCode !== 200) throw new Error(`check: ${check.statusCode} ${check.body}`);
  }
  return { requestId: req.id, criticalId: id };
}
