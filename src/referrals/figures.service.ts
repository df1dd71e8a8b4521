import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import * as fq from './figures.queries.ts';
import type { Figure, Figures, FiguresQuery } from './figures.schema.ts';

/** A percentage with two decimals; none of nothing. */
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);
const tenths = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

const percent = (key: string, label: string, definition: string, r: { numerator: number; denominator: number }) =>
  ({
    key,
    label,
    definition,
    numerator: r.numerator,
    denominator: r.denominator,
    value: pct(r.numerator, r.denominator),
    unit: 'percent',
  }) satisfies Figure;

/**
 * Referral dashboard figures for the caller's county, each read from its versioned view in
 * db/views with its numerator and denominator, so a reader can check the arithmetic. The
 * period defaults to the 365 days up to today (Shanghai). Bureau officials see aggregates
 * only, with cells under 5 suppressed.
 */
export async function compute(ctx: Ctx, input: FiguresQuery): Promise<Figures> {
  // days are Shanghai days: the default range ends today in Shanghai and starts 365 days before
  // (as the clinic figures do; "the same day last year" does not exist after 29 February)
  const to = input.to ?? todayInShanghai();
  const from = input.from ?? addDays(to, -365);
  const period = { countyId: ctx.actor.countyId, from, to };
  const orgIds = ctx.platform.orgTree.county(ctx.actor.countyId);
  const suppress = ctx.scope.role === 'bureau';
  const small = (v: number) => (suppress && v < 5 ? null : v);
  return withScope(ctx.db, { userId: ctx.actor.id, orgIds }, async (trx) => {
    const closedLoop = await fq.ratio(trx, 'indicator_closed_loop_rate_v01', period);
    const downShare = await fq.ratio(trx, 'indicator_down_referral_share_v01', period);
    const outReferrals = await fq.ratio(trx, 'indicator_out_of_county_referral_rate_v01', period);
    const inTime = await fq.ratio(trx, 'indicator_accepted_in_time_rate_v01', period);
    // visits and stays recorded in the group against the out-of-county register (issue 10),
    // the same definition as the care figures' 县域内就诊率
    const internal = await fq.ratio(trx, 'indicator_care_county_internal_visit_rate_v02', period);
    const turnaround = await fq.turnaround(trx, period);
    const byOrg = await fq.volumeByOrgMonth(trx, period);
    await writeAudit(trx, ctx.audit, { action: 'referral.figures', resource: 'referral', detail: { from, to } });
    const outside = { numerator: internal.denominator - internal.numerator, denominator: internal.denominator };
    return {
      from,
      to,
      smallCellsSuppressed: suppress,
      figures: [
        percent('closed_loop', '上转闭环率', '已闭环的上转单 ÷ 已完成诊疗（含已下转、已闭环）的上转单', closedLoop),
        percent('down_share', '下转占比', '下转单 ÷ 全部提交的转诊单（上转 + 下转）', downShare),
        percent('out_of_county_referrals', '县外转诊率', '转往县外医院的上转单 ÷ 全部上转单', outReferrals),
        percent('accepted_in_time', '按时接收率', '在接收时限内接收的转诊单 ÷ 已接收的转诊单', inTime),
        percent(
          'county_internal_visits',
          '县域内就诊率（就诊记录口径）',
          '医共体内门诊就诊 + 住院（不含已取消）÷（医共体内就诊 + 县外就诊登记）',
          internal,
        ),
        percent(
          'out_of_county_visits',
          '县外就诊率（就诊记录口径）',
          '县外就诊登记 ÷（医共体内门诊就诊 + 住院 + 县外就诊登记）',
          outside,
        ),
        {
          key: 'accept_p50',
          label: '接收用时中位数',
          definition: '一半的转诊单在这么多分钟内被接收（从提交到接收）；按已接收单数计算',
          numerator: null,
          denominator: turnaround.n,
          value: tenths(turnaround.p50),
          unit: 'minutes',
        },
        {
          key: 'accept_p90',
          label: '九成转诊的接收用时',
          definition: '90% 的转诊单在这么多分钟内被接收（从提交到接收）；按已接收单数计算',
          numerator: null,
          denominator: turnaround.n,
          value: tenths(turnaround.p90),
          unit: 'minutes',
        },
      ],
      byOrgMonth: byOrg.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        month: r.month,
        up: small(r.up),
        down: small(r.down),
      })),
    };
  });
}
