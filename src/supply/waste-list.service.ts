import { sql } from 'kysely';
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
import { inScope } from './sterile.service.ts';
import type { BagQuery } from './supply.schema.ts';
import { CATEGORY_LABELS, STAGE_LABELS, STEP_LABELS } from './waste.service.ts';

/**
 * 医疗废物 lists: all bags, 在途 (not yet disposed), 待确认 (a handover the receiving side has not
 * confirmed), 重量差异 (a weight in the chain off the producer's by more than the tolerance of the
 * bag's day) and 超时未收 (not received by the collector within the hours of the bag's day).
 */

/** the setting row in force on the bag's (Shanghai) day: the county's own, else the default */
const setting = (column: 'tolerance_pct' | 'tolerance_grams' | 'overdue_hours') =>
  sql.raw(`(SELECT s.${column} FROM waste_settings s WHERE (s.county_id = b.county_id OR s.county_id IS NULL)
    AND s.effective_from <= (b.created_at AT TIME ZONE 'Asia/Shanghai')::date
    ORDER BY s.county_id NULLS LAST, s.effective_from DESC LIMIT 1)`);

const tolerance = sql<number>`greatest(${setting('tolerance_grams')}, b.weight_g * ${setting('tolerance_pct')} / 100.0)`;
const deviation = sql<number | null>`(SELECT max(greatest(abs(h.giver_weight_g - b.weight_g),
  abs(coalesce(h.receiver_weight_g, h.giver_weight_g) - b.weight_g))) FROM waste_handovers h WHERE h.bag_id = b.id)`;
const collectedAt = sql<Date | null>`(SELECT h.received_at FROM waste_handovers h WHERE h.bag_id = b.id AND h.step = 'collect')`;

function bagQuery(trx: Kdb, countyId: number, input: BagQuery, now: Date) {
  let q = trx
    .selectFrom('waste_bags as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .innerJoin('staff as s', 's.id', 'b.created_by')
    .select([
      'b.id',
      'b.org_id',
      'o.name as org_name',
      'b.category',
      'b.weight_g',
      'b.stage',
      'b.note',
      'b.device_at',
      'b.created_at',
      's.display_name as created_by_name',
    ])
    .select(deviation.as('deviation_g'))
    .select(tolerance.as('tolerance_g'))
    .select(setting('overdue_hours').as('overdue_hours'))
    .select(collectedAt.as('collected_at'))
    .select(
      sql<
        Array<{
          step: keyof typeof STEP_LABELS;
          giverName: string;
          giverWeightG: number;
          givenAt: string;
          receiverName: string;
          receiverWeightG: number | null;
          receivedAt: string | null;
        }>
      >`(SELECT coalesce(json_agg(json_build_object('step', h.step, 'giverName', h.giver_name,
        'giverWeightG', h.giver_weight_g, 'givenAt', h.given_at, 'receiverName', h.receiver_name,
        'receiverWeightG', h.receiver_weight_g, 'receivedAt', h.received_at) ORDER BY h.given_at), '[]')
        FROM waste_handovers h WHERE h.bag_id = b.id)`.as('handovers'),
    )
    .where('b.county_id', '=', countyId);
  if (input.category) q = q.where('b.category', '=', input.category);
  if (input.orgId) q = q.where('b.org_id', '=', input.orgId);
  if (input.q) q = q.where('o.name', 'like', `%${input.q.replace(/[%_\\]/g, '\\$&')}%`);
  switch (input.view) {
    case 'in_transit':
      q = q.where('b.stage', '<>', 'disposed');
      break;
    case 'unconfirmed':
      q = q.where(
        sql<boolean>`EXISTS (SELECT 1 FROM waste_handovers h WHERE h.bag_id = b.id AND h.received_at IS NULL)`,
      );
      break;
    case 'discrepancy':
      q = q.where(sql<boolean>`${deviation} > ${tolerance}`);
      break;
    case 'overdue':
      q = q.where(
        sql<boolean>`${collectedAt} IS NULL AND b.created_at < ${now}::timestamptz - make_interval(hours => ${setting('overdue_hours')})`,
      );
      break;
    case 'all':
      break;
  }
  const order = sortSql(input.sort ?? '-createdAt', { createdAt: sql`b.created_at`, weight: sql`b.weight_g` });
  return q.orderBy(order ?? sql`b.created_at DESC`).orderBy('b.id');
}

type BagRow = Awaited<ReturnType<ReturnType<typeof bagQuery>['execute']>>[number];
function toBag(now: Date) {
  return (r: BagRow) => {
    const created = new Date(r.created_at);
    const deviation = r.deviation_g === null ? null : Number(r.deviation_g);
    const tolerance = Number(r.tolerance_g);
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      category: r.category,
      weightG: r.weight_g,
      stage: r.stage,
      note: r.note,
      deviceAt: new Date(r.device_at).toISOString(),
      createdAt: created.toISOString(),
      createdByName: r.created_by_name,
      deviationG: deviation,
      toleranceG: Math.round(tolerance),
      discrepancy: deviation !== null && deviation > tolerance,
      overdue: r.collected_at === null && now.getTime() - created.getTime() > Number(r.overdue_hours) * 3_600_000,
      handovers: r.handovers.map((h) => ({
        ...h,
        givenAt: new Date(h.givenAt).toISOString(),
        receivedAt: h.receivedAt ? new Date(h.receivedAt).toISOString() : null,
      })),
    };
  };
}

export async function listBags(ctx: Ctx, input: BagQuery, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, bagQuery(trx, ctx.actor.countyId, input, now), input);
    return { ...meta, items: rows.map(toBag(now)) };
  });
}

export async function bagDetail(ctx: Ctx, id: string, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const row = await bagQuery(trx, ctx.actor.countyId, { page: 1, pageSize: 1, view: 'all' }, now)
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('医疗废物袋');
    return toBag(now)(row);
  });
}

export async function exportBags(ctx: Ctx, input: BagQuery, now = new Date()) {
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, bagQuery(trx, ctx.actor.countyId, input, now), {
        action: 'waste.bags.export',
        resource: 'waste_bag',
        filter: exportFilter(input),
      }),
    ),
  );
  const titles = {
    all: '医疗废物',
    in_transit: '在途',
    unconfirmed: '待确认',
    discrepancy: '重量差异',
    overdue: '超时未收',
  };
  return toXlsx(
    rows.map(toBag(now)),
    [
      { header: '产生机构', value: (r) => r.orgName, width: 20 },
      { header: '类别', value: (r) => CATEGORY_LABELS[r.category], width: 8 },
      { header: '重量(克)', value: (r) => r.weightG, width: 10 },
      { header: '登记时间', value: (r) => shanghaiText(r.createdAt), width: 18 },
      { header: '设备时间', value: (r) => shanghaiText(r.deviceAt), width: 18 },
      { header: '当前环节', value: (r) => STAGE_LABELS[r.stage], width: 12 },
      { header: '最大重量差(克)', value: (r) => r.deviationG, width: 12 },
      { header: '允许差(克)', value: (r) => r.toleranceG, width: 10 },
      {
        header: '交接',
        value: (r) =>
          r.handovers
            .map(
              (h) =>
                `${STEP_LABELS[h.step]}：${h.giverName} ${h.giverWeightG}克 → ${h.receiverName} ${h.receiverWeightG ?? '未确认'}${h.receiverWeightG === null ? '' : '克'}`,
            )
            .join('；'),
        width: 60,
      },
    ],
    titles[input.view],
  );
}
