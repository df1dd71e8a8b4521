import { randomUUID } from 'node:crypto';
import type { Client, TestEnv } from '../platform/test-helpers.ts';

/**
 * A small pharmacy world on the tiny county: catalogue items bound to existing charge items
 * (their demo prices), the people's hospital (central pharmacy), the first township and two
 * of its villages, residents of the first village, and stock put in through the ledger.
 */
export interface PharmacyWorld {
  countyId: number;
  pharmacist: Client;
  village: Client;
  township: Client;
  centralOrg: number;
  townshipOrg: number;
  villageOrg: number;
  otherVillageOrg: number;
  residents: number[];
  otherResidents: number[];
}

export async function pharmacyWorld(env: TestEnv): Promise<PharmacyWorld> {
  const [pharmacist, village, township] = await Promise.all(
    ['pharmacist', 'village.doctor', 'township.doctor'].map((u) => env.login(u)),
  );
  const me = async (c: Client) => (await c.get('/api/auth/me')).json<{ org: { id: number } }>();
  const [v, t] = await Promise.all([me(village), me(township)]);
  const central = await env.asOwner(`SELECT central_org_id FROM pharmacy_settings WHERE county_id = ${env.countyId}`);
  const villages = await env.asOwner(`SELECT id FROM orgs WHERE parent_id = ${t.org.id} ORDER BY code`);
  const otherVillageOrg = Number(villages.map((r) => r.id).find((id) => Number(id) !== v.org.id));
  const residentsOf = async (org: number) =>
    (
      await env.asOwner(`SELECT id FROM residents WHERE org_id = ${org} AND deceased_on IS NULL ORDER BY id LIMIT 40`)
    ).map((r) => Number(r.id));
  return {
    countyId: env.countyId,
    pharmacist,
    village,
    township,
    centralOrg: Number(central[0].central_org_id),
    townshipOrg: t.org.id,
    villageOrg: v.org.id,
    otherVillageOrg,
    residents: await residentsOf(v.org.id),
    otherResidents: await residentsOf(otherVillageOrg),
  };
}

let codeSeq = 0;
/** a catalogue item billed through an existing charge item (so it has the demo price) */
export async function makeDrug(
  env: TestEnv,
  opts: { chargeCode: string; name: string; packQty?: number; split?: boolean; kind?: 'drug' | 'consumable' },
): Promise<number> {
  codeSeq++;
  const kind = opts.kind ?? 'drug';
  const yb =
    kind === 'drug'
      ? `XC08CAA${String(codeSeq).padStart(4, '0')}A001010100580`.slice(0, 23)
      : `C0${String(codeSeq).padStart(18, '0')}`;
  const rows = await env.asOwner(`
    INSERT INTO drugs (county_id, kind, yb_code, charge_code, generic_name, pinyin, dosage_form, spec, pack_unit, min_unit,
      pack_qty, split_allowed, manufacturer, approval_no, insurance_class, essential, vbp, levels)
    VALUES (${env.countyId}, '${kind}', '${yb}', '${opts.chargeCode}', '${opts.name}', 'x', '片剂', '5mg×28片', '盒', '片',
      ${opts.packQty ?? 28}, ${opts.split ?? true}, '测试药业有限公司', '国药准字H20000001', 'class_a', true, false,
      ARRAY['county','township','village'])
    RETURNING id`);
  return Number(rows[0].id);
}

/** puts qty (smallest unit) of a batch at an org through the ledger */
export async function receive(
  env: TestEnv,
  a: { orgId: number; drugId: number; batchNo: string; expiry: string; qty: number; costFen?: number },
): Promise<number> {
  const rows = await env.asOwner(`
    INSERT INTO stock_batches (county_id, org_id, drug_id, batch_no, expiry_date, cost_fen)
    VALUES (${env.countyId}, ${a.orgId}, ${a.drugId}, '${a.batchNo}', '${a.expiry}', ${a.costFen ?? 1000})
    ON CONFLICT ON CONSTRAINT stock_batches_key DO UPDATE SET cost_fen = EXCLUDED.cost_fen
    RETURNING id`);
  const batchId = Number(rows[0].id);
  await env.asOwner(`INSERT INTO stock_moves (county_id, org_id, batch_id, kind, qty, ref_kind)
    VALUES (${env.countyId}, ${a.orgId}, ${batchId}, 'receive', ${a.qty}, 'opening')`);
  return batchId;
}

export async function balance(env: TestEnv, batchId: number) {
  const [b] = await env.asOwner(
    `SELECT qty_in::int AS "in", qty_out::int AS "out", qty_blocked::int AS blocked,
            (qty_in - qty_out - qty_blocked)::int AS available FROM stock_batches WHERE id = ${batchId}`,
  );
  return b as { in: number; out: number; blocked: number; available: number };
}

export const dispenseBody = (
  residentId: number,
  lines: Array<{ drugId: number; qty: number; traceCodes?: string[] }>,
  extra: Record<string, unknown> = {},
) => ({
  clientId: randomUUID(),
  residentId,
  lines: lines.map((l) => ({ usage: '口服 每日一次 每次1片', traceCodes: [], ...l })),
  ...extra,
});

/** a 码上放心 style 20-digit code */
export const traceCode = (n: number) => `8${String(n).padStart(19, '0')}`;
