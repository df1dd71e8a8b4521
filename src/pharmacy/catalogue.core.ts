import { pinyin } from 'pinyin-pro';
import type { Kdb } from '../platform/db.ts';
import { conflict, forbidden } from '../platform/errors.ts';
import type { Ctx } from '../platform/context.ts';
import type { DrugInput } from './catalogue.schema.ts';
import type { DrugsTable } from './pharmacy.tables.ts';
import type { Selectable } from 'kysely';

/** The catalogue's writes shared by the form and the import: one item and its charge-list twin. */

/** 拼音首字母 of the generic and brand names (氨氯地平片 → aldpp), for search */
export function pinyinInitials(...names: ReadonlyArray<string | null | undefined>): string {
  return names
    .filter((n): n is string => Boolean(n))
    .map((n) =>
      pinyin(n, { pattern: 'first', toneType: 'none', type: 'array' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter(Boolean)
    .join(' ');
}

export type DrugRow = Selectable<DrugsTable>;

/** the column values of an input, as stored */
export function drugValues(input: DrugInput) {
  return {
    kind: input.kind,
    yb_code: input.ybCode,
    generic_name: input.genericName,
    brand_name: input.brandName,
    pinyin: pinyinInitials(input.genericName, input.brandName),
    dosage_form: input.dosageForm,
    spec: input.spec,
    pack_unit: input.packUnit,
    min_unit: input.minUnit,
    pack_qty: input.packQty,
    split_allowed: input.splitAllowed,
    manufacturer: input.manufacturer,
    approval_no: input.approvalNo,
    insurance_class: input.insuranceClass,
    self_pay_bp: input.selfPayBp,
    essential: input.essential,
    vbp: input.vbp,
    levels: input.levels,
    supplier_id: input.supplierId ?? null,
    active: input.active,
  };
}

type Values = ReturnType<typeof drugValues>;

/** the fields of an existing row that an input would change (empty: nothing to do) */
export function changedFields(row: DrugRow, v: Values): string[] {
  return (Object.keys(v) as Array<keyof Values>).filter((k) => {
    const a = row[k as keyof DrugRow];
    const b = v[k];
    return Array.isArray(b) ? JSON.stringify(a) !== JSON.stringify(b) : (a ?? null) !== (b ?? null);
  });
}

/** the charge-list twin (charge_items is the group's reference list): name, class and unit follow the catalogue */
async function syncChargeItem(trx: Kdb, code: string, v: Values): Promise<void> {
  const item = {
    name: v.generic_name,
    category: v.kind,
    insurance_class: v.insurance_class,
    self_pay_bp: v.self_pay_bp,
    unit: v.pack_unit,
    spec: v.spec,
    tcm: v.yb_code.startsWith('Z'),
    active: v.active,
  };
  await trx
    .insertInto('charge_items')
    .values({ code, ...item })
    .onConflict((oc) => oc.column('code').doUpdateSet(item))
    .execute();
}

/**
 * Creates or updates one item by its 医保编码; 'unchanged' writes nothing. New items bill
 * under their 医保编码 as charge code; items that predate the catalogue keep theirs.
 */
export async function upsertDrug(
  trx: Kdb,
  countyId: number,
  input: DrugInput,
  now: Date,
  existing?: DrugRow,
): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; drug: DrugRow; changed: string[] }> {
  const v = drugValues(input);
  if (input.supplierId) {
    const s = await trx
      .selectFrom('drug_suppliers')
      .select('id')
      .where('county_id', '=', countyId)
      .where('id', '=', input.supplierId)
      .executeTakeFirst();
    if (!s) throw conflict('SUPPLIER_UNKNOWN', '配送企业不存在');
  }
  if (existing) {
    if (existing.kind !== v.kind) throw conflict('DRUG_KIND_FIXED', '已有品种不能在药品和耗材之间改类别');
    const changed = changedFields(existing, v);
    if (changed.length === 0) return { outcome: 'unchanged', drug: existing, changed };
    await syncChargeItem(trx, existing.charge_code, v);
    const drug = await trx
      .updateTable('drugs')
      .set({ ...v, updated_at: now })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { outcome: 'updated', drug, changed };
  }
  await syncChargeItem(trx, v.yb_code, v);
  const drug = await trx
    .insertInto('drugs')
    .values({ county_id: countyId, charge_code: v.yb_code, ...v, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { outcome: 'created', drug, changed: [] };
}

/** the county catalogue is kept by the central pharmacy's pharmacists and the administrator */
export async function assertCatalogueEditor(ctx: Ctx, trx: Kdb): Promise<void> {
  if (ctx.scope.role === 'admin') return;
  const s = await trx
    .selectFrom('pharmacy_settings')
    .select('central_org_id')
    .where('county_id', '=', ctx.actor.countyId)
    .executeTakeFirst();
  if (s && s.central_org_id !== ctx.actor.orgId) throw forbidden('药品目录由医共体中心药房维护，其他机构只能查看');
}

export function toItem(r: DrugRow & { supplier_name?: string | null; price_fen?: number | null }) {
  return {
    id: r.id,
    kind: r.kind,
    ybCode: r.yb_code,
    chargeCode: r.charge_code,
    genericName: r.generic_name,
    brandName: r.brand_name,
    pinyin: r.pinyin,
    dosageForm: r.dosage_form,
    spec: r.spec,
    packUnit: r.pack_unit,
    minUnit: r.min_unit,
    packQty: r.pack_qty,
    splitAllowed: r.split_allowed,
    manufacturer: r.manufacturer,
    approvalNo: r.approval_no,
    insuranceClass: r.insurance_class,
    selfPayBp: r.self_pay_bp,
    essential: r.essential,
    vbp: r.vbp,
    levels: r.levels,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name ?? null,
    active: r.active,
    priceFen: r.price_fen ?? null,
    updatedAt: r.updated_at.toISOString(),
  };
}
