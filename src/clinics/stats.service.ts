import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { addDays, shanghaiDate } from './clinic-time.ts';
import { settingsFor } from './settings.service.ts';
import type { StatsRow } from './stats.schema.ts';
import { sessionCounts, type SessionCount } from './stats.queries.ts';
import * as subsidy from './subsidy.queries.ts';

function group(rows: SessionCount[], keyOf: (r: SessionCount) => [string, string]): StatsRow[] {
  const map = new Map<string, StatsRow & { visits: Set<string> }>();
  for (const r of rows) {
    const [key, label] = keyOf(r);
    const g = map.get(key) ?? {
      key,
      label,
      sessions: 0,
      expertVisits: 0,
      booked: 0,
      served: 0,
      noShows: 0,
      visits: new Set<string>(),
    };
    g.sessions++;
    g.booked += r.booked;
    g.served += r.served;
    g.noShows += r.no_show;
    g.visits.add(`${r.expert_id ?? 'o' + r.id}:${r.session_date}`);
    map.set(key, g);
  }
  return [...map.values()]
    .map(({ visits, ...g }) => ({ ...g, expertVisits: visits.size }))
    .sort((a, b) => b.served - a.served || a.key.localeCompare(b.key));
}

/**
 * Programme figures: sessions, expert visits (an expert on a day, whatever the sessions),
 * patients booked and served, by expert, speciality, org and month; and the estimated savings
 * from care kept in the county, with every input shown next to the result.
 */
export async function stats(ctx: Ctx, input: { from?: string; to?: string; kind: 'expert' | 'ordinary' }) {
  const today = shanghaiDate(new Date());
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -365);
  if (from > to) throw new AppError(400, 'INVALID_RANGE', '开始日期不能晚于结束日期', 'from');
  const rows = await sessionCounts(ctx.db, ctx.actor.countyId, from, to, input.kind);
  const settings = await settingsFor(ctx.db, ctx.actor.countyId);
  const served = rows.reduce((n, r) => n + r.served, 0);
  const perPatient = settings.avgOutOfCountyCostFen + settings.avgTravelCostFen - settings.avgInCountyCostFen;
  await writeAudit(ctx.db, ctx.audit, {
    action: 'clinic.stats',
    resource: 'clinic_stats',
    detail: { from, to, kind: input.kind },
  });
  return {
    from,
    to,
    kind: input.kind,
    totals: {
      sessions: rows.length,
      expertVisits: new Set(rows.map((r) => `${r.expert_id ?? 'o' + r.id}:${r.session_date}`)).size,
      booked: rows.reduce((n, r) => n + r.booked, 0),
      served,
      noShows: rows.reduce((n, r) => n + r.no_show, 0),
      experts: new Set(rows.filter((r) => r.expert_id !== null).map((r) => r.expert_id)).size,
    },
    byExpert: group(rows, (r) => [String(r.expert_id ?? 0), r.expert_name ?? '普通门诊']),
    bySpeciality: group(rows, (r) => [r.speciality ?? '—', r.speciality ?? '—']),
    byOrg: group(rows, (r) => [String(r.org_id), r.org_name]),
    byMonth: group(rows, (r) => [r.session_date.slice(0, 7), r.session_date.slice(0, 7)]).sort((a, b) =>
      a.key.localeCompare(b.key),
    ),
    savings: {
      patientsServed: served,
      avgOutOfCountyCostFen: settings.avgOutOfCountyCostFen,
      avgTravelCostFen: settings.avgTravelCostFen,
      avgInCountyCostFen: settings.avgInCountyCostFen,
      perPatientFen: perPatient,
      totalFen: Math.max(0, perPatient) * served,
      formula: '节约金额 = 就诊人数 × (县外就医平均费用 + 平均交通食宿费用 − 县内就医平均费用)',
    },
  };
}

export async function ledger(ctx: Ctx, yearInput?: number) {
  const year = yearInput ?? Number(shanghaiDate(new Date()).slice(0, 4));
  const [budget, rows, rates, pending] = await Promise.all([
    subsidy.budget(ctx.db, ctx.actor.countyId, year),
    subsidy.ledger(ctx.db, ctx.actor.countyId, year),
    subsidy.rates(ctx.db, ctx.actor.countyId),
    subsidy.pending(ctx.db, ctx.actor.countyId),
  ]);
  const spent = rows.reduce((n, r) => n + Number(r.spent_fen), 0);
  const committed = rows.reduce((n, r) => n + Number(r.committed_fen), 0);
  const byExpert = new Map<
    string,
    { expertId: number | null; expertName: string; sessions: number; spentFen: number; committedFen: number }
  >();
  const byMonth = new Map<string, { month: string; sessions: number; spentFen: number; committedFen: number }>();
  for (const r of rows) {
    const e = byExpert.get(String(r.expert_id)) ?? {
      expertId: r.expert_id,
      expertName: r.expert_name ?? '—',
      sessions: 0,
      spentFen: 0,
      committedFen: 0,
    };
    e.sessions += r.sessions;
    e.spentFen += Number(r.spent_fen);
    e.committedFen += Number(r.committed_fen);
    byExpert.set(String(r.expert_id), e);
    const m = byMonth.get(r.month) ?? { month: r.month, sessions: 0, spentFen: 0, committedFen: 0 };
    m.sessions += r.sessions;
    m.spentFen += Number(r.spent_fen);
    m.committedFen += Number(r.committed_fen);
    byMonth.set(r.month, m);
  }
  const budgetFen = budget ? Number(budget.budget_fen) : null;
  return {
    year,
    budgetFen,
    spentFen: spent,
    committedFen: committed,
    leftFen: budgetFen === null ? null : budgetFen - spent - committed,
    rates: rates.map((r) => ({ sessionType: r.session_type, subsidyFen: Number(r.subsidy_fen) })),
    byExpert: [...byExpert.values()].sort((a, b) => b.spentFen + b.committedFen - a.spentFen - a.committedFen),
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    pendingApproval: pending.map((p) => ({
      sessionId: p.id,
      date: p.session_date,
      sessionType: p.session_type,
      expertName: p.expert_name,
      subsidyFen: Number(p.subsidy_fen),
    })),
  };
}

export async function setBudget(ctx: Ctx, input: { year: number; budgetFen: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    await subsidy.upsertBudget(trx, ctx.actor.countyId, input.year, input.budgetFen, ctx.actor.id);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.budget.set',
      resource: 'clinic_budget',
      resourceId: input.year,
      detail: { budgetFen: input.budgetFen },
    });
  });
  return ledger(ctx, input.year);
}

export async function setRates(ctx: Ctx, input: { rates: Array<{ sessionType: string; subsidyFen: number }> }) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of input.rates) await subsidy.upsertRate(trx, ctx.actor.countyId, r.sessionType, r.subsidyFen);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.subsidy_rates.set',
      resource: 'clinic_subsidy_rates',
      detail: { rates: input.rates },
    });
  });
  return ledger(ctx);
}
