import { sql } from 'kysely';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  shanghaiText,
  sortSql,
  toXlsx,
} from '../platform/list.ts';
import { followUp, inScope } from './sterile.service.ts';
import type { LoadQuery, PackQuery } from './supply.schema.ts';

/** 消毒供应 lists: loads with their indicator results, packs with their computed status, the exports. */

export const METHOD_LABELS = { steam: '压力蒸汽', plasma: '低温等离子', eo: '环氧乙烷' } as const;
export const LOAD_STATUS_LABELS = { pending: '待判读', passed: '合格放行', failed: '不合格召回' } as const;
export const PACK_STATUS_LABELS = {
  in_cssd: '在库',
  issued: '已发放',
  used: '已使用',
  returned: '已退回',
  recalled: '已召回',
  expired: '已过期',
} as const;

function loadQuery(trx: Kdb, countyId: number, input: LoadQuery) {
  let q = trx
    .selectFrom('sterile_loads as l')
    .innerJoin('staff as s', 's.id', 'l.operator_staff_id')
    .select([
      'l.id',
      'l.sterilizer',
      'l.cycle_no',
      'l.load_date',
      'l.method',
      'l.status',
      'l.physical_ok',
      'l.chemical_ok',
      'l.biological_ok',
      'l.note',
      'l.read_at',
      's.display_name as operator_name',
    ])
    .select(sql<number>`(SELECT count(*)::int FROM sterile_packs p WHERE p.load_id = l.id)`.as('packs'))
    .select(
      sql<number>`(SELECT count(*)::int FROM sterile_packs p WHERE p.load_id = l.id AND p.status = 'recalled')`.as(
        'recalled',
      ),
    )
    .where('l.county_id', '=', countyId);
  if (input.status) q = q.where('l.status', '=', input.status);
  if (input.from) q = q.where('l.load_date', '>=', input.from);
  if (input.to) q = q.where('l.load_date', '<=', input.to);
  if (input.q) q = q.where('l.sterilizer', 'ilike', `%${input.q.replace(/[%_\\]/g, '\\$&')}%`);
  const order = sortSql(input.sort ?? '-loadDate', { loadDate: sql`l.load_date`, id: sql`l.id` });
  return q
    .orderBy(order ?? sql`l.load_date DESC`)
    .orderBy('l.cycle_no', 'desc')
    .orderBy('l.id', 'desc');
}

type LoadRow = Awaited<ReturnType<ReturnType<typeof loadQuery>['execute']>>[number];
const toLoad = (r: LoadRow) => ({
  id: r.id,
  sterilizer: r.sterilizer,
  cycleNo: r.cycle_no,
  loadDate: String(r.load_date),
  method: r.method,
  status: r.status,
  physicalOk: r.physical_ok,
  chemicalOk: r.chemical_ok,
  biologicalOk: r.biological_ok,
  note: r.note,
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  operatorName: r.operator_name,
  packs: r.packs,
  recalled: r.recalled,
});

export async function listLoads(ctx: Ctx, input: LoadQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, loadQuery(trx, ctx.actor.countyId, input), input);
    return { ...meta, items: rows.map(toLoad) };
  });
}

const ok = (v: boolean | null) => (v === null ? '' : v ? '合格' : '不合格');

export async function exportLoads(ctx: Ctx, input: LoadQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, loadQuery(trx, ctx.actor.countyId, input), {
        action: 'sterile.loads.export',
        resource: 'sterile_load',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map(toLoad),
    [
      { header: '灭菌日期', value: (r) => r.loadDate, width: 12 },
      { header: '灭菌锅号', value: (r) => r.sterilizer, width: 10 },
      { header: '锅次', value: (r) => r.cycleNo, width: 6 },
      { header: '灭菌方式', value: (r) => METHOD_LABELS[r.method], width: 12 },
      { header: '操作员', value: (r) => r.operatorName, width: 10 },
      { header: '物理监测', value: (r) => ok(r.physicalOk), width: 10 },
      { header: '化学监测', value: (r) => ok(r.chemicalOk), width: 10 },
      { header: '生物监测', value: (r) => ok(r.biologicalOk), width: 10 },
      { header: '结果', value: (r) => LOAD_STATUS_LABELS[r.status], width: 12 },
      { header: '包数', value: (r) => r.packs, width: 8 },
      { header: '召回包数', value: (r) => r.recalled, width: 10 },
      { header: '判读时间', value: (r) => shanghaiText(r.readAt), width: 18 },
    ],
    '灭菌锅次',
  );
}

export async function loadDetail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const load = await loadQuery(trx, ctx.actor.countyId, { page: 1, pageSize: 1 })
      .where('l.id', '=', id)
      .executeTakeFirst();
    if (!load) throw notFound('灭菌锅次');
    const packs = await packQuery(
      trx,
      ctx.actor.countyId,
      { page: 1, pageSize: 1, loadId: id },
      todayInShanghai(),
    ).execute();
    return { ...toLoad(load), packList: packs.map(toPack), followUp: await followUp(trx, id) };
  });
}

function packQuery(trx: Kdb, countyId: number, input: PackQuery, today: string) {
  const shown = sql<keyof typeof PACK_STATUS_LABELS>`CASE WHEN p.status IN ('in_cssd', 'issued', 'returned')
    AND p.expires_on < ${today}::date THEN 'expired' ELSE p.status END`;
  let q = trx
    .selectFrom('sterile_packs as p')
    .innerJoin('sterile_pack_types as t', 't.id', 'p.pack_type_id')
    .innerJoin('sterile_loads as l', 'l.id', 'p.load_id')
    .leftJoin('orgs as o', 'o.id', 'p.issued_to_org_id')
    .leftJoin('residents as r', 'r.id', 'p.used_resident_id')
    .select([
      'p.id',
      'p.code',
      't.name as type_name',
      'p.load_id',
      'l.sterilizer',
      'l.cycle_no',
      'l.status as load_status',
      'p.sterilised_on',
      'p.expires_on',
      'p.issued_to_org_id',
      'o.name as org_name',
      'p.issued_ward',
      'p.issued_at',
      'p.used_resident_id',
      'r.name as resident_name',
      'p.used_at',
    ])
    .select(shown.as('status'))
    .where('p.county_id', '=', countyId);
  if (input.status) q = q.where(shown, '=', input.status);
  if (input.loadId) q = q.where('p.load_id', '=', input.loadId);
  if (input.orgId) q = q.where('p.issued_to_org_id', '=', input.orgId);
  if (input.q) q = q.where('p.code', 'like', `%${input.q.toUpperCase().replace(/[%_\\]/g, '\\$&')}%`);
  const order = sortSql(input.sort ?? 'id', { expiresOn: sql`p.expires_on`, id: sql`p.id` });
  return q.orderBy(order ?? sql`p.id`).orderBy('p.id');
}

type PackRow = Awaited<ReturnType<ReturnType<typeof packQuery>['execute']>>[number];
const toPack = (r: PackRow) => ({
  id: r.id,
  code: r.code,
  typeName: r.type_name,
  loadId: r.load_id,
  sterilizer: r.sterilizer,
  cycleNo: r.cycle_no,
  loadStatus: r.load_status,
  sterilisedOn: String(r.sterilised_on),
  expiresOn: String(r.expires_on),
  status: r.status,
  orgId: r.issued_to_org_id,
  orgName: r.org_name,
  ward: r.issued_ward,
  issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
  residentId: r.used_resident_id,
  residentName: r.resident_name,
  usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
});

export async function listPacks(ctx: Ctx, input: PackQuery, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, packQuery(trx, ctx.actor.countyId, input, todayInShanghai(now)), input);
    return { ...meta, items: rows.map(toPack) };
  });
}

export async function exportPacks(ctx: Ctx, input: PackQuery) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, packQuery(trx, ctx.actor.countyId, input, todayInShanghai()), {
        action: 'sterile.packs.export',
        resource: 'sterile_pack',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map(toPack),
    [
      { header: '条码', value: (r) => r.code, width: 16 },
      { header: '包名称', value: (r) => r.typeName, width: 16 },
      { header: '灭菌锅号/锅次', value: (r) => `${r.sterilizer} / ${r.cycleNo}`, width: 14 },
      { header: '灭菌日期', value: (r) => r.sterilisedOn, width: 12 },
      { header: '有效期至', value: (r) => r.expiresOn, width: 12 },
      { header: '状态', value: (r) => PACK_STATUS_LABELS[r.status], width: 10 },
      { header: '领用机构', value: (r) => r.orgName, width: 20 },
      { header: '病区/科室', value: (r) => r.ward, width: 12 },
      { header: '使用患者', value: (r) => r.residentName, width: 10 },
      { header: '使用时间', value: (r) => shanghaiText(r.usedAt), width: 18 },
    ],
    '无菌包',
  );
}

/** one pack by its barcode, for the scan box */
export async function packByCode(ctx: Ctx, code: string, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const row = await packQuery(trx, ctx.actor.countyId, { page: 1, pageSize: 1 }, todayInShanghai(now))
      .where('p.code', '=', code)
      .executeTakeFirst();
    if (!row) throw notFound(`无菌包 ${code}`);
    return toPack(row);
  });
}
