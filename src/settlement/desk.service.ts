import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { assertSameRequest, idempotencyKey, requestHash, type Idempotent } from '../platform/idempotency.ts';
import { maskIdNumber } from '../platform/mask.ts';
import { depositFor } from './calc.ts';
import { versionOn } from './policy.service.ts';
import { assertDeposit } from './settle.service.ts';
import * as q from './settle.queries.ts';
import { shanghaiDate } from '../platform/calendar.ts';

/**
 * 入院核验: the insurance scheme and poverty status are read from the resident index at
 * admission and fixed for the stay; a registered poor resident is admitted pay-later
 * (先诊疗后付费, no deposit), anyone else is asked the deposit the policy sets.
 */
export async function admissionCheck(ctx: Ctx, stayId: number, now: Date = new Date()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const t = await q.stayTarget(trx, stayId);
    if (!t || !ctx.scope.orgIds.includes(t.orgId)) throw notFound('住院记录');
    const existing = await trx.selectFrom('stay_finance').selectAll().where('stay_id', '=', stayId).executeTakeFirst();
    if (existing) return financeOut(existing);
    if (t.status !== 'admitted') throw conflict('NOT_ADMITTED', '只能为在院患者办理入院核验');
    const payLater = t.personCat === 'poor';
    const version = await versionOn(trx, t.countyId, shanghaiDate(now));
    const asked =
      payLater || !version
        ? 0
        : depositFor(version.rules, {
            scheme: t.scheme,
            personCat: t.personCat,
            hospLevel: q.hospLevelOf(t.orgKind, t.orgLevel),
          });
    const row = await trx
      .insertInto('stay_finance')
      .values({
        stay_id: stayId,
        county_id: t.countyId,
        org_id: t.orgId,
        scheme: t.scheme,
        person_cat: t.personCat,
        pay_later: payLater,
        deposit_asked_fen: asked,
        checked_by: ctx.actor.id,
        checked_at: now,
      })
      .onConflict((oc) => oc.column('stay_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.admission_check',
      resource: 'stay',
      resourceId: stayId,
      residentId: t.residentId,
      detail: { scheme: t.scheme, personCat: t.personCat, payLater, depositAsked: asked },
    });
    return financeOut(
      row ?? (await trx.selectFrom('stay_finance').selectAll().where('stay_id', '=', stayId).executeTakeFirstOrThrow()),
    );
  });
}

const financeOut = (f: {
  stay_id: number;
  scheme: string;
  person_cat: string;
  pay_later: boolean;
  deposit_asked_fen: string | number;
  checked_at: Date;
}) => ({
  stayId: f.stay_id,
  scheme: f.scheme,
  personCat: f.person_cat,
  payLater: f.pay_later,
  depositAskedFen: Number(f.deposit_asked_fen),
  checkedAt: new Date(f.checked_at).toISOString(),
});

/** 押金: taken (positive) or returned (negative, never more than is held); retried safely with its key */
export async function deposit(
  ctx: Ctx,
  input: { stayId: number; amountFen: number; method: 'cash' | 'card' | 'wechat' | 'alipay' | 'transfer' },
  keyHeader: string | string[] | undefined,
  now: Date = new Date(),
): Promise<Idempotent<{ receiptNo: string; balanceFen: number }>> {
  const key = idempotencyKey(keyHeader);
  const hash = requestHash(input);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const prior = await trx
      .selectFrom('cash_movements')
      .select(['receipt_no', 'stay_id', 'amount_fen', 'method'])
      .where('clerk_id', '=', ctx.actor.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (prior) {
      assertSameRequest(
        requestHash({ stayId: prior.stay_id, amountFen: Number(prior.amount_fen), method: prior.method }),
        hash,
        '次押金',
      );
      return {
        result: { receiptNo: prior.receipt_no, balanceFen: await q.depositBalance(trx, input.stayId) },
        replayed: true,
      };
    }
    const t = await q.stayTarget(trx, input.stayId);
    if (!t || !ctx.scope.orgIds.includes(t.orgId)) throw notFound('住院记录');
    await sql`SELECT id FROM stays WHERE id = ${input.stayId} FOR UPDATE`.execute(trx);
    if (t.status === 'cancelled') throw conflict('STAY_CANCELLED', '该次住院已取消');
    const live = await liveSettlement(trx, input.stayId);
    if (live?.status === 'confirmed') throw conflict('ALREADY_SETTLED', '已出院结算，押金已在结算时处理');
    const held = await q.depositBalance(trx, input.stayId);
    assertDeposit(input.amountFen, held);
    const receiptNo = `YJ${shanghaiDate(now).replaceAll('-', '')}${String(await q.nextNumber(trx, 'cash_receipt_seq')).padStart(7, '0')}`;
    await trx
      .insertInto('cash_movements')
      .values({
        county_id: t.countyId,
        org_id: t.orgId,
        stay_id: t.id,
        kind: input.amountFen > 0 ? 'deposit' : 'deposit_refund',
        amount_fen: input.amountFen,
        method: input.method,
        receipt_no: receiptNo,
        clerk_id: ctx.actor.id,
        at: now,
        idempotency_key: key,
      })
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: input.amountFen > 0 ? 'settlement.deposit' : 'settlement.deposit_refund',
      resource: 'stay',
      resourceId: t.id,
      residentId: t.residentId,
      detail: { amountFen: input.amountFen, method: input.method, receiptNo },
    });
    return { result: { receiptNo, balanceFen: held + input.amountFen }, replayed: false };
  });
}

async function liveSettlement(trx: Kdb, stayId: number) {
  const { rows } = await sql<{ id: number; status: string }>`
    SELECT id, status FROM settlements WHERE stay_id = ${stayId} AND kind = 'settlement' AND reversed_by_id IS NULL`.execute(
    trx,
  );
  return rows[0];
}

/** The desk's lists: today's inpatients (check, deposit), discharges to settle, settled, outpatient visits. */
export async function desk(
  ctx: Ctx,
  input: { tab: 'admitted' | 'discharged' | 'settled' | 'visits'; page: number; pageSize: number; q?: string },
) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const orgs = ctx.scope.orgIds;
    const term = input.q ? `%${input.q}%` : null;
    const offset = (input.page - 1) * input.pageSize;
    const filter = term
      ? sql`AND (r.name LIKE ${term} OR r.name_initials LIKE ${input.q?.toUpperCase() + '%'})`
      : sql``;
    const owner = input.tab === 'visits' ? sql`v` : sql`s`;
    const base =
      input.tab === 'visits'
        ? sql`FROM visits v JOIN residents r ON r.id = v.resident_id JOIN orgs o ON o.id = v.org_id
            LEFT JOIN settlements st ON st.visit_id = v.id AND st.kind = 'settlement' AND st.reversed_by_id IS NULL
            WHERE v.org_id = ANY(${orgs}::int[]) AND v.status <> 'cancelled'
              AND EXISTS (SELECT 1 FROM fee_lines fl WHERE fl.visit_id = v.id) ${filter}`
        : sql`FROM stays s JOIN residents r ON r.id = s.resident_id JOIN orgs o ON o.id = s.org_id
            LEFT JOIN stay_finance f ON f.stay_id = s.id
            LEFT JOIN settlements st ON st.stay_id = s.id AND st.kind = 'settlement' AND st.reversed_by_id IS NULL
            WHERE s.org_id = ANY(${orgs}::int[]) AND s.status = ${input.tab === 'admitted' ? 'admitted' : 'discharged'}
              ${input.tab === 'discharged' ? sql`AND (st.id IS NULL OR st.status <> 'confirmed')` : sql``}
              ${input.tab === 'settled' ? sql`AND st.status = 'confirmed'` : sql``} ${filter}`;
    const { rows: count } = await sql<{ n: string }>`SELECT count(*)::text AS n ${base}`.execute(trx);
    const order =
      input.tab === 'visits'
        ? sql`v.registered_at DESC`
        : input.tab === 'admitted'
          ? sql`s.admitted_at DESC`
          : input.tab === 'settled'
            ? sql`st.confirmed_at DESC`
            : sql`s.discharged_at DESC`;
    const { rows } = await sql<Record<string, unknown>>`
      SELECT ${owner}.id, o.name AS org_name, r.id AS resident_id, r.name AS resident_name, r.id_number, r.registered_poor,
             r.insurance_type, r.assistance_category,
             ${input.tab === 'visits' ? sql`v.registered_at AS admitted_at, NULL::timestamptz AS discharged_at, v.diagnoses AS diagnoses,` : sql`s.admitted_at, s.discharged_at, s.discharge_diagnoses AS diagnoses,`}
             ${input.tab === 'visits' ? sql`NULL::boolean AS pay_later, NULL::text AS person_cat, false AS checked,` : sql`f.pay_later, f.person_cat, f.stay_id IS NOT NULL AS checked,`}
             (SELECT coalesce(sum(amount_fen), 0) FROM fee_lines fl WHERE ${input.tab === 'visits' ? sql`fl.visit_id = v.id` : sql`fl.stay_id = s.id`})::text AS total_fen,
             ${input.tab === 'visits' ? sql`0::text` : sql`(SELECT coalesce(sum(amount_fen), 0) FROM cash_movements c WHERE c.stay_id = s.id AND c.kind IN ('deposit', 'deposit_refund'))::text`} AS deposit_fen,
             st.id AS settlement_id, st.settlement_no, st.status AS settlement_status, st.psn_part_amt::text AS psn_part_amt
      ${base} ORDER BY ${order} LIMIT ${input.pageSize} OFFSET ${offset}`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.desk',
      resource: 'settlement',
      detail: { tab: input.tab, results: rows.map((r) => r.id) },
    });
    return {
      total: Number(count[0]?.n ?? 0),
      totalCapped: false,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map((r) => ({
        id: Number(r.id),
        kind: input.tab === 'visits' ? 'visit' : 'stay',
        orgName: r.org_name,
        residentId: Number(r.resident_id),
        residentName: r.resident_name,
        idNumberMasked: maskIdNumber(String(r.id_number)),
        personCat:
          (r.person_cat as string | null) ??
          q.personCatOf(Boolean(r.registered_poor), r.assistance_category as string | null),
        scheme: r.insurance_type,
        checked: Boolean(r.checked),
        payLater: r.pay_later === null ? null : Boolean(r.pay_later),
        admittedAt: r.admitted_at ? new Date(r.admitted_at as string).toISOString() : null,
        dischargedAt: r.discharged_at ? new Date(r.discharged_at as string).toISOString() : null,
        diagnosis: ((r.diagnoses as Array<{ code: string; name: string }> | null) ?? [])[0] ?? null,
        totalFen: Number(r.total_fen),
        depositFen: Number(r.deposit_fen),
        settlementId: r.settlement_id === null ? null : Number(r.settlement_id),
        settlementNo: r.settlement_no ?? null,
        settlementStatus: r.settlement_status ?? null,
        patientFen: r.psn_part_amt === null ? null : Number(r.psn_part_amt),
      })),
    };
  });
}

/** 日结: per clerk, what came into and went out of the till on one Shanghai day, by kind and method */
export async function dayReport(ctx: Ctx, input: { day: string; clerkId?: number }) {
  const ownOnly = ctx.scope.role === 'clerk';
  const clerkId = ownOnly ? ctx.actor.id : input.clerkId;
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<{
      clerk_id: number;
      clerk_name: string;
      kind: string;
      method: string;
      n: string;
      amount: string;
    }>`
      SELECT c.clerk_id, st.display_name AS clerk_name, c.kind, c.method, count(*)::text AS n, sum(c.amount_fen)::text AS amount
      FROM cash_movements c JOIN staff st ON st.id = c.clerk_id
      WHERE c.org_id = ANY(${ctx.scope.orgIds}::int[])
        AND c.at >= (${input.day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND c.at < (${input.day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ${clerkId !== undefined ? sql`AND c.clerk_id = ${clerkId}` : sql``}
      GROUP BY c.clerk_id, st.display_name, c.kind, c.method ORDER BY c.clerk_id, c.kind, c.method`.execute(trx);
    const { rows: settled } = await sql<{ clerk_id: number; n: string; total: string; fund: string; psn: string }>`
      SELECT confirmed_by AS clerk_id, count(*)::text AS n, sum(medfee_sumamt)::text AS total, sum(fund_pay_sumamt)::text AS fund,
             sum(psn_part_amt)::text AS psn
      FROM settlements WHERE org_id = ANY(${ctx.scope.orgIds}::int[]) AND status = 'confirmed'
        AND confirmed_at >= (${input.day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND confirmed_at < (${input.day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ${clerkId !== undefined ? sql`AND confirmed_by = ${clerkId}` : sql``}
      GROUP BY confirmed_by`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.day_report',
      resource: 'settlement',
      detail: { day: input.day, clerkId: clerkId ?? null },
    });
    const clerks = new Map<
      number,
      {
        clerkId: number;
        clerkName: string;
        lines: Array<{ kind: string; method: string; count: number; amountFen: number }>;
        netFen: number;
        settlements: number;
        totalFen: number;
        fundFen: number;
        patientFen: number;
      }
    >();
    for (const r of rows) {
      const c = clerks.get(r.clerk_id) ?? {
        clerkId: r.clerk_id,
        clerkName: r.clerk_name,
        lines: [],
        netFen: 0,
        settlements: 0,
        totalFen: 0,
        fundFen: 0,
        patientFen: 0,
      };
      c.lines.push({ kind: r.kind, method: r.method, count: Number(r.n), amountFen: Number(r.amount) });
      c.netFen += Number(r.amount);
      clerks.set(r.clerk_id, c);
    }
    for (const r of settled) {
      const c = clerks.get(r.clerk_id);
      if (c)
        Object.assign(c, {
          settlements: Number(r.n),
          totalFen: Number(r.total),
          fundFen: Number(r.fund),
          patientFen: Number(r.psn),
        });
    }
    return { day: input.day, clerks: [...clerks.values()] };
  });
}

/** the home page's counts: discharges waiting for settlement (over 3 days: first) and unchecked admissions */
export async function deskCounts(ctx: Ctx, now: Date = new Date()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<{ to_settle: string; old: string; to_check: string }>`
      SELECT (SELECT count(*) FROM stays s WHERE s.org_id = ANY(${ctx.scope.orgIds}::int[]) AND s.status = 'discharged'
                AND NOT EXISTS (SELECT 1 FROM settlements st WHERE st.stay_id = s.id AND st.kind = 'settlement'
                                  AND st.reversed_by_id IS NULL AND st.status = 'confirmed'))::text AS to_settle,
             (SELECT count(*) FROM stays s WHERE s.org_id = ANY(${ctx.scope.orgIds}::int[]) AND s.status = 'discharged'
                AND s.discharged_at < ${new Date(now.getTime() - 3 * 86_400_000)}
                AND NOT EXISTS (SELECT 1 FROM settlements st WHERE st.stay_id = s.id AND st.kind = 'settlement'
                                  AND st.reversed_by_id IS NULL AND st.status = 'confirmed'))::text AS old,
             (SELECT count(*) FROM stays s WHERE s.org_id = ANY(${ctx.scope.orgIds}::int[]) AND s.status = 'admitted'
                AND NOT EXISTS (SELECT 1 FROM stay_finance f WHERE f.stay_id = s.id))::text AS to_check`.execute(trx);
    const r = rows[0];
    return { toSettle: Number(r?.to_settle ?? 0), toSettleOld: Number(r?.old ?? 0), toCheck: Number(r?.to_check ?? 0) };
  });
}
