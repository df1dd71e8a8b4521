import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, shanghaiText, toXlsx } from '../platform/list.ts';
import { checkLevels, clock, drugsOf, inScope, mustFind, orgLevel } from './procure.shared.ts';
import type { RequestCreate, RequestQuery } from './procure.schema.ts';

/** 请领: villages and townships ask the central pharmacy for stock (or accept the system's proposal). */

export const REQUEST_STATUS_LABELS = {
  submitted: '待汇总',
  consolidated: '已汇总采购',
  distributed: '已配送',
  rejected: '已退回',
  cancelled: '已撤销',
} as const;

function requestOrg(ctx: Ctx, orgId: number | undefined): number {
  const org = orgId ?? ctx.actor.orgId;
  if (!ctx.scope.orgIds.includes(org)) throw forbidden('只能为本机构或下属机构请领');
  return org;
}

export async function createRequest(ctx: Ctx, input: RequestCreate) {
  const orgId = requestOrg(ctx, input.orgId);
  const { now } = clock(ctx);
  return inScope(ctx, async (trx) => {
    const existing = await findByClient(trx, ctx.actor.countyId, input.clientId);
    if (existing) return { id: existing.id, replayed: true };
    const drugs = await drugsOf(
      trx,
      ctx.actor.countyId,
      input.lines.map((l) => l.drugId),
    );
    checkLevels(drugs, ctx.platform.orgTree.get(orgId)?.kind);
    const row = await trx
      .insertInto('stock_requests')
      .values({
        county_id: ctx.actor.countyId,
        org_id: orgId,
        client_id: input.clientId,
        source: input.source,
        note: input.note || null,
        created_by: ctx.actor.id,
        created_at: now,
        device_at: input.deviceAt ? new Date(input.deviceAt) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'stock_requests_client_id'))
          throw conflict('REQUEST_CLIENT_ID', '该请领单已提交过（客户端编号重复），请刷新后查看');
        throw err;
      });
    await trx
      .insertInto('stock_request_lines')
      .values(input.lines.map((l) => ({ request_id: row.id, org_id: orgId, drug_id: l.drugId, packs: l.packs })))
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.request.create',
      resource: 'stock_request',
      resourceId: row.id,
      detail: { orgId, lines: input.lines.length, source: input.source },
    });
    return { id: row.id, replayed: false };
  });
}

const findByClient = (trx: Kdb, countyId: number, clientId: string) =>
  trx
    .selectFrom('stock_requests')
    .select('id')
    .where('county_id', '=', countyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

export async function cancelRequest(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const done = await trx
      .updateTable('stock_requests')
      .set({ status: 'cancelled', decided_by: ctx.actor.id, decided_at: clock(ctx).now })
      .where('id', '=', id)
      .where('county_id', '=', ctx.actor.countyId)
      .where('status', '=', 'submitted')
      .returning('id')
      .executeTakeFirst();
    if (!done) {
      mustFind(await trx.selectFrom('stock_requests').select('id').where('id', '=', id).executeTakeFirst(), '请领单');
      throw conflict('REQUEST_STATE', '只有待汇总的请领单可以撤销');
    }
    await writeAudit(trx, ctx.audit, { action: 'pharmacy.request.cancel', resource: 'stock_request', resourceId: id });
    return { id };
  });
}

function requestList(trx: Kdb, ctx: Ctx, input: RequestQuery) {
  let q = trx
    .selectFrom('stock_requests as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .innerJoin('staff as s', 's.id', 'r.created_by')
    .select([
      'r.id',
      'r.org_id',
      'o.name as org_name',
      'r.source',
      'r.status',
      'r.note',
      'r.created_at',
      'r.device_at',
      's.display_name as created_by_name',
    ])
    .where('r.county_id', '=', ctx.actor.countyId)
    .where('r.org_id', 'in', ctx.scope.orgIds);
  if (input.status) q = q.where('r.status', '=', input.status);
  if (input.q) q = q.where('o.name', 'like', `%${input.q}%`);
  return q.orderBy('r.id', 'desc');
}

async function withLines<T extends { id: number }>(trx: Kdb, rows: T[]) {
  const lines = rows.length
    ? await trx
        .selectFrom('stock_request_lines as l')
        .innerJoin('drugs as d', 'd.id', 'l.drug_id')
        .select(['l.request_id', 'l.drug_id', 'd.generic_name', 'd.spec', 'd.pack_unit', 'l.packs', 'l.po_line_id'])
        .where(
          'l.request_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('l.id')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.request_id === r.id)
      .map((l) => ({
        drugId: l.drug_id,
        name: l.generic_name,
        spec: l.spec,
        unit: l.pack_unit,
        packs: l.packs,
        poLineId: l.po_line_id,
      })),
  }));
}

const toItem = (r: Awaited<ReturnType<typeof withLines>>[number] & Record<string, unknown>) => ({
  id: r.id,
  orgId: r.org_id as number,
  orgName: r.org_name as string,
  source: r.source as string,
  status: r.status as keyof typeof REQUEST_STATUS_LABELS,
  note: r.note as string | null,
  createdAt: r.created_at as Date,
  deviceAt: r.device_at as Date | null,
  createdByName: r.created_by_name as string,
  lines: r.lines,
});

export async function listRequests(ctx: Ctx, input: RequestQuery) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, requestList(trx, ctx, input), input);
    return { ...meta, items: (await withLines(trx, rows)).map(toItem) };
  });
}

export async function exportRequests(ctx: Ctx, input: RequestQuery) {
  const rows = await inScope(ctx, async (trx) => {
    const found = refuseIfTooMany(
      await exportRows(trx, ctx.audit, requestList(trx, ctx, input), {
        action: 'pharmacy.requests.export',
        resource: 'stock_request',
        filter: exportFilter(input),
      }),
    );
    return (await withLines(trx, found)).map(toItem);
  });
  return toXlsx(
    rows,
    [
      { header: '请领单号', value: (r) => r.id, width: 10 },
      { header: '请领机构', value: (r) => r.orgName, width: 20 },
      { header: '状态', value: (r) => REQUEST_STATUS_LABELS[r.status], width: 10 },
      { header: '品种', value: (r) => r.lines.map((l) => `${l.name} ${l.packs}${l.unit}`).join('；'), width: 50 },
      { header: '请领人', value: (r) => r.createdByName, width: 10 },
      { header: '提交时间', value: (r) => shanghaiText(r.createdAt), width: 18 },
      { header: '设备时间', value: (r) => shanghaiText(r.deviceAt), width: 18 },
    ],
    '请领单',
  );
}

/**
 * The system's proposal for an org: every item with a minimum/maximum level whose available
 * stock (unexpired, not blocked, in packs) is at or below the minimum, or below the last 30
 * days' consumption, is proposed up to max(maximum, 30 days' consumption).
 */
export async function propose(ctx: Ctx, orgIdIn: number | undefined) {
  const orgId = requestOrg(ctx, orgIdIn);
  const { today } = clock(ctx);
  const since = addDays(today, -30);
  const level = orgLevel(ctx.platform.orgTree.get(orgId)?.kind);
  return inScope(ctx, async (trx) => {
    const { rows } = await sql<{
      drug_id: number;
      generic_name: string;
      spec: string;
      pack_unit: string;
      pack_qty: number;
      min_packs: number;
      max_packs: number;
      available: number;
      used: number;
    }>`
      SELECT l.drug_id, d.generic_name, d.spec, d.pack_unit, d.pack_qty, l.min_packs, l.max_packs,
        coalesce((SELECT sum(b.qty_in - b.qty_out - b.qty_blocked) FROM stock_batches b
          WHERE b.org_id = l.org_id AND b.drug_id = l.drug_id AND b.expiry_date >= ${today}::date), 0)::bigint AS available,
        coalesce((SELECT sum(m.qty) FROM stock_moves m JOIN stock_batches b ON b.id = m.batch_id
          WHERE m.org_id = l.org_id AND b.drug_id = l.drug_id AND m.kind = 'dispense'
            AND m.at >= (${since}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'), 0)::bigint AS used
      FROM stock_levels l JOIN drugs d ON d.id = l.drug_id
      WHERE l.org_id = ${orgId} AND d.active AND ${level} = ANY (d.levels)
      ORDER BY d.generic_name, l.drug_id`.execute(trx);
    const lines = rows.flatMap((r) => {
      const available = Math.floor(Number(r.available) / r.pack_qty);
      const used = Math.ceil(Number(r.used) / r.pack_qty);
      if (available > r.min_packs && available >= used) return [];
      const packs = Math.max(r.max_packs, used) - available;
      if (packs <= 0) return [];
      return [
        {
          drugId: r.drug_id,
          name: r.generic_name,
          spec: r.spec,
          unit: r.pack_unit,
          availablePacks: available,
          usedPacks30d: used,
          minPacks: r.min_packs,
          maxPacks: r.max_packs,
          packs,
        },
      ];
    });
    return { orgId, lines };
  });
}

export function assertSubmitted(rows: { id: number; status: string }[], ids: readonly number[]) {
  if (rows.length !== new Set(ids).size)
    throw badRequest('REQUEST_UNKNOWN', '所选请领单不存在或无权查看', 'requestIds');
  const bad = rows.find((r) => r.status !== 'submitted');
  if (bad) throw conflict('REQUEST_STATE', `请领单 ${bad.id} 已处理，不能再次汇总`);
}

/** the catalogue items the caller's org may request (its level), by name, initials or code */
export async function requestableDrugs(ctx: Ctx, q: string | undefined) {
  const level = orgLevel(ctx.platform.orgTree.get(ctx.actor.orgId)?.kind);
  let query = ctx.db
    .selectFrom('drugs')
    .select(['id', 'generic_name as name', 'spec', 'pack_unit as unit', 'manufacturer'])
    .where('county_id', '=', ctx.actor.countyId)
    .where('active', '=', true)
    .where(sql<boolean>`${level} = ANY (levels)`);
  if (q)
    query = query.where((eb) =>
      eb.or([eb('generic_name', 'like', `%${q}%`), eb('pinyin', 'like', `${q.toLowerCase()}%`), eb('yb_code', '=', q)]),
    );
  return { items: await query.orderBy('generic_name').orderBy('id').limit(30).execute() };
}
