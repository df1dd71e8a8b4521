import type { Client, TestEnv } from '../platform/test-helpers.ts';

/** What the HIS tests share: a registered sender at the people's hospital and residents to send about. */
export interface HisKit {
  admin: Client;
  facility: string;
  secret: string;
  senderId: number;
  orgId: number;
  departments: string[];
  residents: Array<{ id: number; idNumber: string; name: string }>;
  /** posts one message over HTTP as the registered sender */
  send(raw: string): Promise<{ status: number; ackCode: string; ack: string; messageId: number }>;
  /** rows of his_messages, past RLS */
  rows(where?: string): Promise<Array<Record<string, unknown>>>;
}

export async function hisKit(env: TestEnv, facility = 'RMYY-HIS'): Promise<HisKit> {
  const admin = await env.login('admin');
  const [org] = await env.asOwner(
    `SELECT id FROM orgs WHERE kind = 'county_hospital' AND county_id = ${env.countyId} ORDER BY id LIMIT 1`,
  );
  const orgId = Number(org.id);
  const departments = (
    await env.asOwner(`SELECT code FROM departments WHERE org_id = ${orgId} AND active ORDER BY code`)
  ).map((d) => String(d.code));
  const residents = (
    await env.asOwner(
      `SELECT id, id_number, name FROM residents WHERE county_id = ${env.countyId} AND deceased_on IS NULL ORDER BY id LIMIT 20`,
    )
  ).map((r) => ({ id: Number(r.id), idNumber: String(r.id_number), name: String(r.name) }));
  const created = await admin.post('/api/his/senders', { facility, name: '人民医院 HIS', orgId });
  if (created.statusCode !== 201) throw new Error(`sender: ${created.statusCode} ${created.body}`);
  const { id: senderId, secret } = created.json<{ id: number; secret: string }>();
  const send = async (raw: string) => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/his/messages',
      headers: { 'content-type': 'application/hl7-v2', 'x-his-facility': facility, authorization: `Bearer ${secret}` },
      payload: raw,
    });
    return {
      status: res.statusCode,
      ackCode: String(res.headers['x-his-ack-code'] ?? ''),
      ack: res.body,
      messageId: Number(res.headers['x-his-message-id'] ?? 0),
    };
  };
  const rows = (where = 'true') => env.asOwner(`SELECT * FROM his_messages WHERE ${where} ORDER BY id`);
  return { admin, facility, secret, senderId, orgId, departments, residents, send, rows };
}
