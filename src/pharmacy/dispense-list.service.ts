import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { must } from '../platform/must.ts';
import { withScope } from '../platform/db.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { openEventStream } from '../platform/events.ts';
import { fetchPage, sortSql } from '../platform/list.ts';
import { maskMobile } from '../platform/mask.ts';
import type { DispenseQuery } from './stock.schema.ts';

/** 发药记录: the dispensings visible to the caller, newest first */
export async function listDispenses(ctx: Ctx, input: DispenseQuery) {
  if (input.orgId !== undefined && !ctx.scope.orgIds.includes(input.orgId)) throw forbidden();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const query = trx
      .selectFrom('dispenses as x')
      .innerJoin('residents as r', 'r.id', 'x.resident_id')
      .innerJoin('orgs as o', 'o.id', 'x.org_id')
      .innerJoin('staff as s', 's.id', 'x.dispensed_by')
      .select([
        'x.id',
        'x.dispensed_at',
        'x.total_fen',
        'x.prescription_id',
        'r.name as resident_name',
        'r.mobile',
        'o.name as org_name',
        's.display_name as staff_name',
      ])
      .select(
        sql<string>`(SELECT string_agg(DISTINCT d.generic_name, '、') FROM dispense_lines l JOIN drugs d ON d.id = l.drug_id
                     WHERE l.dispense_id = x.id)`.as('drugs'),
      )
      .where('x.county_id', '=', ctx.actor.countyId)
      .$if(input.orgId !== undefined, (qb) => qb.where('x.org_id', '=', must(input.orgId, 'orgId')))
      .$if(input.residentId !== undefined, (qb) => qb.where('x.resident_id', '=', must(input.residentId, 'residentId')))
      .$if(input.from !== undefined, (qb) =>
        qb.where(sql<boolean>`x.dispensed_at >= ${input.from}::date - interval '8 hours'`),
      )
      .$if(input.to !== undefined, (qb) =>
        qb.where(sql<boolean>`x.dispensed_at < ${input.to}::date + interval '16 hours'`),
      )
      .$if(Boolean(input.q), (qb) => qb.where('r.name', 'like', `%${input.q}%`))
      .orderBy(
        must(
          sortSql(input.sort ?? '-dispensed_at', { dispensed_at: sql`x.dispensed_at`, total_fen: sql`x.total_fen` }),
          'sort',
        ),
      )
      .orderBy('x.id', 'desc');
    const { rows, meta } = await fetchPage(trx, query, input, 10_000);
    return {
      ...meta,
      items: rows.map((r) => ({
        id: r.id,
        dispensedAt: r.dispensed_at.toISOString(),
        totalFen: Number(r.total_fen),
        prescriptionId: r.prescription_id,
        residentName: r.resident_name,
        mobile: maskMobile(r.mobile),
        orgName: r.org_name,
        staffName: r.staff_name,
        drugs: r.drugs ?? '',
      })),
    };
  });
}

/** the visits' prescriptions waiting at this counter, with their lines matched to catalogue items */
export async function pendingPrescriptions(ctx: Ctx, residentId: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await trx
      .selectFrom('prescriptions as p')
      .innerJoin('prescription_lines as l', 'l.prescription_id', 'p.id')
      .innerJoin('charge_items as i', 'i.code', 'l.item_code')
      .leftJoin('drugs as d', (j) =>
        j.onRef('d.charge_code', '=', 'l.item_code').on('d.county_id', '=', ctx.actor.countyId),
      )
      .innerJoin('staff as s', 's.id', 'p.prescribed_by')
      .select([
        'p.id',
        'p.prescribed_at',
        's.display_name as doctor',
        'l.line_no',
        'l.item_code',
        'i.name as item_name',
        'l.dose',
        'l.route',
        'l.frequency',
        'l.days',
        'l.quantity',
        'd.id as drug_id',
        'd.pack_qty',
        'd.min_unit',
      ])
      .where('p.resident_id', '=', residentId)
      .where('p.status', '=', 'issued')
      .orderBy('p.prescribed_at', 'desc')
      .orderBy('l.line_no')
      .limit(200)
      .execute();
    const byId = new Map<number, { id: number; prescribedAt: string; doctor: string; lines: unknown[] }>();
    for (const r of rows) {
      const p = byId.get(r.id) ?? {
        id: r.id,
        prescribedAt: r.prescribed_at.toISOString(),
        doctor: r.doctor,
        lines: [],
      };
      byId.set(r.id, p);
      p.lines.push({
        itemCode: r.item_code,
        itemName: r.item_name,
        drugId: r.drug_id,
        usage: `${ROUTE[r.route] ?? r.route} ${r.dose} ${FREQ[r.frequency] ?? r.frequency}，${r.days}天`,
        qty: r.pack_qty === null ? null : Math.round(Number(r.quantity) * r.pack_qty),
        minUnit: r.min_unit,
      });
    }
    return { items: [...byId.values()] };
  });
}

const ROUTE: Record<string, string> = {
  po: '口服',
  iv: '静滴',
  im: '肌注',
  sc: '皮下注射',
  topical: '外用',
  inhal: '吸入',
  other: '遵医嘱',
};
const FREQ: Record<string, string> = {
  qd: '每日一次',
  bid: '每日两次',
  tid: '每日三次',
  qid: '每日四次',
  qn: '每晚一次',
  prn: '必要时',
  st: '立即',
  qw: '每周一次',
};

/** live stock changes and recalls for the caller's orgs (Server-Sent Events) */
export function stream(ctx: Ctx, req: FastifyRequest, reply: FastifyReply): void {
  if (!String(req.headers.accept ?? '').includes('text/event-stream'))
    throw new AppError(406, 'EVENT_STREAM_ONLY', '此接口为实时推送，请以 EventSource（Accept: text/event-stream）连接');
  const orgs = new Set(ctx.scope.orgIds);
  openEventStream(req, reply, ctx.platform.events, {
    topics: ['pharmacy.'],
    visible: (e) => e.countyId === ctx.actor.countyId && e.orgIds.some((o) => orgs.has(o)),
  });
}
