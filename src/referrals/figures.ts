import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../platform/params.ts';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { ctxOf, type Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';

/**
 * Referral dashboard figures, each with its numerator and denominator so a reader can check
 * the arithmetic. Bureau officials see aggregates only, with cells under 5 suppressed.
 */
const figure = z.object({
  key: z.string(),
  label: z.string(),
  definition: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  unit: z.enum(['percent', 'minutes']),
});
const figures = z.object({
  from: z.string(),
  to: z.string(),
  figures: z.array(figure),
  byOrgMonth: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      month: z.string(),
      up: z.number().nullable(),
      down: z.number().nullable(),
    }),
  ),
});
const query = z.object({
  from: isoDate().optional(),
  to: isoDate().optional(),
});

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);

export async function compute(ctx: Ctx, input: z.infer<typeof query>) {
  // days are Shanghai days: the default range ends today in Shanghai and starts 365 days before
  // (as the clinic figures do; "the same day last year" does not exist after 29 February)
  const to = input.to ?? todayInShanghai();
  const from = input.from ?? addDays(to, -365);
  const dayStart = (day: string) => sql`(${day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const after = (day: string) => sql`(${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const county = ctx.actor.countyId;
  const orgIds = ctx.platform.orgTree.county(county);
  const suppress = ctx.scope.role === 'bureau';
  return withScope(ctx.db, { userId: ctx.actor.id, orgIds }, async (trx) => {
    const inRange = sql`r.county_id = ${county} AND r.status <> 'draft' AND r.created_at >= ${dayStart(from)} AND r.created_at < ${after(to)}`;
    const {
      rows: [t],
    } = await sql<Record<string, number | null>>`
      SELECT count(*) FILTER (WHERE r.direction = 'up')::int AS up,
             count(*) FILTER (WHERE r.direction = 'down')::int AS down,
             count(*) FILTER (WHERE r.direction = 'up' AND r.out_of_county)::int AS out_up,
             count(*) FILTER (WHERE r.direction = 'up' AND r.status IN ('completed', 'down_referred', 'closed'))::int AS finished,
             count(*) FILTER (WHERE r.direction = 'up' AND r.status = 'closed')::int AS closed,
             count(*) FILTER (WHERE r.accepted_at IS NOT NULL)::int AS accepted,
             count(*) FILTER (WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= r.deadline_at)::int AS in_time,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.submitted_at) / 60) FILTER (WHERE r.accepted_at IS NOT NULL) AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.submitted_at) / 60) FILTER (WHERE r.accepted_at IS NOT NULL) AS p90,
             count(*) FILTER (WHERE r.arrived_at IS NOT NULL AND NOT r.out_of_county)::int AS arrived_in
      FROM referrals r WHERE ${inRange}`.execute(trx);
    const {
      rows: [e],
    } = await sql<{ exams: number; admissions: number; outside: number }>`
      SELECT (SELECT count(*)::int FROM exam_orders WHERE county_id = ${county} AND status = 'reported' AND created_at >= ${dayStart(from)} AND created_at < ${after(to)}) AS exams,
             (SELECT count(*)::int FROM admission_requests WHERE county_id = ${county} AND admitted_at IS NOT NULL AND admitted_at >= ${dayStart(from)} AND admitted_at < ${after(to)}) AS admissions,
             (SELECT count(*)::int FROM out_of_county_visits WHERE county_id = ${county} AND visit_date BETWEEN ${from}::date AND ${to}::date) AS outside`.execute(
      trx,
    );
    const byOrg = await sql<{ org_id: number; org_name: string; month: string; up: number; down: number }>`
      SELECT r.from_org_id AS org_id, o.name AS org_name, to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
             count(*) FILTER (WHERE r.direction = 'up')::int AS up, count(*) FILTER (WHERE r.direction = 'down')::int AS down
      FROM referrals r JOIN orgs o ON o.id = r.from_org_id WHERE ${inRange}
      GROUP BY 1, 2, 3 ORDER BY 3, 2`.execute(trx);
    await writeAudit(trx, ctx.audit, { action: 'referral.figures', resource: 'referral', detail: { from, to } });
    const n = (k: string) => Number(t[k] ?? 0);
    const inCounty = n('arrived_in') + e.exams + e.admissions;
    const small = (v: number) => (suppress && v < 5 ? null : v);
    const f = (key: string, label: string, definition: string, num: number, den: number) => ({
      key,
      label,
      definition,
      numerator: num,
      denominator: den,
      value: pct(num, den),
      unit: 'percent' as const,
    });
    return {
      from,
      to,
      figures: [
        f(
          'closed_loop',
          '上转闭环率',
          '已闭环的上转单 ÷ 已完成诊疗（含已下转、已闭环）的上转单',
          n('closed'),
          n('finished'),
        ),
        f('down_share', '下转占比', '下转单 ÷ 全部提交的转诊单（上转 + 下转）', n('down'), n('up') + n('down')),
        f('out_of_county_referrals', '县外转诊率', '转往县外医院的上转单 ÷ 全部上转单', n('out_up'), n('up')),
        f('accepted_in_time', '按时接收率', '在接收时限内接收的转诊单 ÷ 已接收的转诊单', n('in_time'), n('accepted')),
        f(
          'county_internal_visits',
          '县域内就诊率（平台记录口径）',
          '县域内就诊记录（到院转诊 + 一单通检查报告 + 住院）÷（县域内 + 县外就诊登记）',
          inCounty,
          inCounty + e.outside,
        ),
        f(
          'out_of_county_visits',
          '县外就诊率（平台记录口径）',
          '县外就诊登记 ÷（县域内 + 县外就诊登记）',
          e.outside,
          inCounty + e.outside,
        ),
        {
          key: 'accept_p50',
          label: '接收用时 P50',
          definition: '提交到接收的分钟数中位数；分母为已接收单数',
          numerator: null,
          denominator: n('accepted'),
          value: t.p50 === null ? null : Math.round(Number(t.p50) * 10) / 10,
          unit: 'minutes' as const,
        },
        {
          key: 'accept_p90',
          label: '接收用时 P90',
          definition: '提交到接收的分钟数第 90 百分位；分母为已接收单数',
          numerator: null,
          denominator: n('accepted'),
          value: t.p90 === null ? null : Math.round(Number(t.p90) * 10) / 10,
          unit: 'minutes' as const,
        },
      ],
      byOrgMonth: byOrg.rows.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        month: r.month,
        up: small(r.up),
        down: small(r.down),
      })),
    };
  });
}

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/referral-figures',
    {
      schema: {
        tags: ['referrals'],
        summary: '双向转诊指标（分子/分母）',
        querystring: query,
        response: { 200: figures },
      },
    },
    (req) => compute(ctxOf(req), req.query),
  );
};
