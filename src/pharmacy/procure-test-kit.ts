import { randomUUID } from 'node:crypto';
import type { Client, TestEnv } from '../platform/test-helpers.ts';

/** A small world for procurement tests: a supplier, three catalogue items, the actors. */
export interface ProcureWorld {
  pharmacist: Client;
  village: Client;
  township: Client;
  villageOrg: number;
  otherVillageOrg: number;
  centralOrg: number;
  supplierId: number;
  amlo: number;
  metf: number;
  /** no supplier: consolidation refuses it */
  nife: number;
}

const one = async (env: TestEnv, q: string) => (await env.asOwner(q))[0] as Record<string, number>;

export async function insertDrug(
  env: TestEnv,
  a: { code: string; name: string; ybCode: string; supplierId: number | null; packQty?: number },
): Promise<number> {
  const row = await one(
    env,
    `INSERT INTO drugs (county_id, kind, yb_code, charge_code, generic_name, pinyin, dosage_form, spec, pack_unit, min_unit,
       pack_qty, manufacturer, insurance_class, levels, supplier_id)
     VALUES (${env.countyId}, 'drug', '${a.ybCode}', '${a.code}', '${a.name}', 'x', '片剂', '5mg*28片', '盒', '片',
       ${a.packQty ?? 28}, '测试药业有限公司', 'class_a', ARRAY['county','township','village'], ${a.supplierId ?? 'NULL'})
     RETURNING id`,
  );
  return row.id;
}

export async function procureWorld(env: TestEnv): Promise<ProcureWorld> {
  const supplier = await one(
    env,
    `INSERT INTO drug_suppliers (county_id, name) VALUES (${env.countyId}, '县医药公司') RETURNING id`,
  );
  const amlo = await insertDrug(env, {
    code: 'DRG-AMLO',
    name: '氨氯地平片',
    ybCode: 'XC08CAA001A001010100001',
    supplierId: supplier.id,
  });
  const metf = await insertDrug(env, {
    code: 'DRG-METF',
    name: '二甲双胍片',
    ybCode: 'XA10BAA001A001010100002',
    supplierId: supplier.id,
    packQty: 48,
  });
  const nife = await insertDrug(env, {
    code: 'DRG-NIFE',
    name: '硝苯地平片',
    ybCode: 'XC08CAB001A001010100003',
    supplierId: null,
  });
  const village = await env.login('village.doctor');
  const me = await one(env, `SELECT org_id FROM staff WHERE username = 'village.doctor'`);
  const other = await one(
    env,
    `SELECT id FROM orgs WHERE kind = 'village_clinic' AND county_id = ${env.countyId} AND id <> ${me.org_id} ORDER BY id LIMIT 1`,
  );
  const central = await one(env, `SELECT central_org_id FROM pharmacy_settings WHERE county_id = ${env.countyId}`);
  return {
    pharmacist: await env.login('pharmacist'),
    village,
    township: await env.login('township.doctor'),
    villageOrg: me.org_id,
    otherVillageOrg: other.id,
    centralOrg: central.central_org_id,
    supplierId: supplier.id,
    amlo,
    metf,
    nife,
  };
}

export const requestBody = (lines: { drugId: number; packs: number }[], extra: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  deviceAt: '2026-12-02T09:58:00+08:00',
  lines,
  ...extra,
});
