import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  sortSql,
  toXlsx,
  yuanCell,
  MONEY_FORMAT,
} from '../platform/list.ts';
import { assertCatalogueEditor, toItem, upsertDrug } from './catalogue.core.ts';
import type { CatalogueQuery, DrugInput, drugCreate, supplierCreate } from './catalogue.schema.ts';
import { schedulePrice, switchInstant, switchTime } from './price.service.ts';

/** 一个目录: the county's one catalogue of drugs and consumables (issue 14). */

export const CLASS_LABELS = { class_a: '甲类', class_b: '乙类', self_pay: '自费' } as const;
export const LEVEL_LABELS = { county: '县', township: '乡', village: '村' } as const;
export const KIND_LABELS = { drug: '药品', consumable: '耗材' } as const;

function listQuery(db: Kdb, countyId: number, input: CatalogueQuery, now: Date) {
  let q = db
    .selectFrom('drugs as d')
    .leftJoin('drug_suppliers as s', 's.id', 'd.supplier_id')
    .leftJoin('charge_prices as p', (j) =>
      j
        .onRef('p.item_code', '=', 'd.charge_code')
        .on('p.county_id', '=', countyId)
        .on('p.valid_from', '<=', now)
        .on((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', now)])),
    )
    .selectAll('d')
    .select(['s.name as supplier_name', 'p.price_fen'])
    .where('d.county_id', '=', countyId);
  const term = input.q?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('d.generic_name', 'ilike', like),
        eb('d.brand_name', 'ilike', like),
        eb('d.pinyin', 'like', like.toLowerCase()),
        eb('d.yb_code', 'like', `${term.toUpperCase().replace(/[\\%_]/g, '')}%`),
        eb('d.charge_code', '=', term.toUpperCase()),
      ]),
    );
  }
  if (input.kind) q = q.where('d.kind', '=', input.kind);
  if (input.insuranceClass) q = q.where('d.insurance_class', '=', input.insuranceClass);
  if (input.essential !== undefined) q = q.where('d.essential', '=', input.essential);
  if (input.vbp !== undefined) q = q.where('d.vbp', '=', input.vbp);
  if (input.level) q = q.where(sql<boolean>`${input.level} = ANY(d.levels)`);
  if (input.active !== undefined) q = q.where('d.active', '=', input.active);
  const order = sortSql(input.sort, {
    name: sql`d.pinyin`,
    ybCode: sql`d.yb_code`,
    updatedAt: sql`d.updated_at`,
  });
  return (order ? q.orderBy(order) : q.orderBy('d.kind').orderBy('d.pinyin')).orderBy('d.id');
}

export async function list(ctx: Ctx, input: CatalogueQuery) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, listQuery(trx, ctx.actor.countyId, input, now), input);
    return { ...meta, items: rows.map(toItem) };
  });
}

export async function exportList(ctx: Ctx, input: CatalogueQuery) {
  const now = ctx.platform.config.now();
  const rows = refuseIfTooMany(
    await withScope(ctx.db, ctx.scope, (trx) =>
      exportRows(trx, ctx.audit, listQuery(trx, ctx.actor.countyId, input, now), {
        action: 'pharmacy.catalogue.export',
        resource: 'drug',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map(toItem),
    [
      { header: '类别', value: (r) => KIND_LABELS[r.kind] },
      { header: '医保编码', value: (r) => r.ybCode, width: 28 },
      { header: '通用名', value: (r) => r.genericName, width: 24 },
      { header: '商品名', value: (r) => r.brandName },
      { header: '剂型', value: (r) => r.dosageForm },
      { header: '规格', value: (r) => r.spec, width: 18 },
      { header: '包装', value: (r) => `${r.packQty}${r.minUnit}/${r.packUnit}` },
      { header: '可拆零', value: (r) => (r.splitAllowed ? '是' : '否') },
      { header: '生产企业', value: (r) => r.manufacturer, width: 28 },
      { header: '批准文号', value: (r) => r.approvalNo, width: 18 },
      { header: '医保类别', value: (r) => CLASS_LABELS[r.insuranceClass] },
      { header: '乙类自付比例(%)', value: (r) => (r.insuranceClass === 'class_b' ? r.selfPayBp / 100 : null) },
      { header: '基药', value: (r) => (r.essential ? '是' : '否') },
      { header: '集采', value: (r) => (r.vbp ? '是' : '否') },
      { header: '可配备层级', value: (r) => r.levels.map((l) => LEVEL_LABELS[l]).join('/') },
      { header: '配送企业', value: (r) => r.supplierName, width: 24 },
      { header: '现行价格(元/包装)', value: (r) => yuanCell(r.priceFen), format: MONEY_FORMAT },
      { header: '状态', value: (r) => (r.active ? '在用' : '停用') },
    ],
    '药品耗材目录',
  );
}

export async function get(ctx: Ctx, id: number) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await listQuery(trx, ctx.actor.countyId, { page: 1, pageSize: 1 }, now)
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('药品');
    return toItem(row);
  });
}

async function saved(ctx: Ctx, trx: Kdb, id: number) {
  const row = await listQuery(trx, ctx.actor.countyId, { page: 1, pageSize: 1 }, ctx.platform.config.now())
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

function duplicate(err: unknown): unknown {
  if (isUniqueViolation(err, 'drugs_yb_code', 'drugs_charge_code'))
    return conflict('DRUG_EXISTS', '该医保编码已在目录中，请直接修改原品种');
  return err;
}

export async function create(ctx: Ctx, input: z.infer<typeof drugCreate>) {
  const now = ctx.platform.config.now();
  if (input.priceFen !== undefined && !input.sourceDocument)
    throw badRequest('SOURCE_REQUIRED', '录入价格时请填写价格依据文件', 'sourceDocument');
  return withScope(ctx.db, ctx.scope, async (trx) => {
    await assertCatalogueEditor(ctx, trx);
    const countyId = ctx.actor.countyId;
    const { drug } = await upsertDrug(trx, countyId, input.item, now).catch((e: unknown) => {
      throw duplicate(e);
    });
    if (input.priceFen !== undefined)
      await schedulePrice(trx, {
        countyId,
        chargeCode: drug.charge_code,
        priceFen: input.priceFen,
        instant: switchInstant(todayInShanghai(now), await switchTime(trx, countyId)),
        source: input.sourceDocument ?? '',
        now,
      });
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.catalogue.create',
      resource: 'drug',
      resourceId: drug.id,
      detail: { ybCode: drug.yb_code, priceFen: input.priceFen ?? null },
    });
    return saved(ctx, trx, drug.id);
  });
}

export async function update(ctx: Ctx, id: number, input: DrugInput) {
  const now = ctx.platform.config.now();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    await assertCatalogueEditor(ctx, trx);
    const existing = await trx
      .selectFrom('drugs')
      .selectAll()
      .where('county_id', '=', ctx.actor.countyId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw notFound('药品');
    if (existing.yb_code !== input.ybCode) {
      const other = await trx
        .selectFrom('drugs')
        .select('id')
        .where('county_id', '=', ctx.actor.countyId)
        .where('yb_code', '=', input.ybCode)
        .executeTakeFirst();
      if (other) throw conflict('DRUG_EXISTS', '该医保编码已在目录中，请直接修改原品种');
    }
    const res = await upsertDrug(trx, ctx.actor.countyId, input, now, existing);
    if (res.outcome === 'updated')
      await writeAudit(trx, ctx.audit, {
        action: 'pharmacy.catalogue.update',
        resource: 'drug',
        resourceId: id,
        detail: { changed: res.changed },
      });
    return { ...(await saved(ctx, trx, id)), outcome: res.outcome };
  });
}

export async function listSuppliers(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('drug_suppliers')
    .selectAll()
    .where('county_id', '=', ctx.actor.countyId)
    .orderBy('name')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.credit_code,
      contact: r.contact,
      phone: r.phone,
      active: r.active,
    })),
  };
}

export async function createSupplier(ctx: Ctx, input: z.infer<typeof supplierCreate>) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    await assertCatalogueEditor(ctx, trx);
    const row = await trx
      .insertInto('drug_suppliers')
      .values({
        county_id: ctx.actor.countyId,
        name: input.name,
        credit_code: input.creditCode ?? null,
        contact: input.contact ?? null,
        phone: input.phone ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'drug_suppliers_name')) throw conflict('SUPPLIER_EXISTS', '该配送企业已登记');
        throw e;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.supplier.create',
      resource: 'drug_supplier',
      resourceId: row.id,
      detail: { name: input.name },
    });
    return { id: row.id };
  });
}
