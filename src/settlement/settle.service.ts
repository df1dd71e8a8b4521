import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { canonicalJson } from '../platform/idempotency.ts';
import {
  calculate,
  CalcError,
  FIELD_NAMES,
  PAYER_FIELD,
  chronicCovers,
  pickPackage,
  pickRules,
  type Accumulators,
  type CalcResult,
  type Setting,
} from './calc.ts';
import { contentOf, noPolicy, versionOn } from './policy.service.ts';
import { detailIn } from './detail.service.ts';
import * as q from './settle.queries.ts';

export { FIELD_NAMES, PAYER_FIELD };

export interface Computed {
  setting: Setting;
  year: number;
  day: string;
  versionId: number;
  inputs: Record<string, unknown>;
  inputHash: string;
  before: Accumulators;
  result: CalcResult;
}

/**
 * Everything the chain reads, then the chain: the version in force on the settlement day,
 * the rules for this person and hospital, a package if the diagnosis and hospital match, the
 * bill, and the person's year so far (locked when confirming). The hash covers all of it.
 */
export async function compute(trx: Kdb, t: q.Target, lock: boolean): Promise<Computed> {
  if (t.kind === 'stay' && t.status !== 'discharged')
    throw conflict('NOT_DISCHARGED', '患者尚未出院：出院后再办理出院结算');
  if (t.kind === 'visit' && t.status === 'cancelled') throw conflict('VISIT_CANCELLED', '该门诊已取消，无需结算');
  const day = t.day;
  if (!day) throw conflict('NO_DAY', '缺少结算日期');
  const version = await versionOn(trx, t.countyId, day);
  if (!version) throw noPolicy(day);
  const hospLevel = q.hospLevelOf(t.orgKind, t.orgLevel);
  const who = { scheme: t.scheme, personCat: t.personCat, hospLevel };
  let setting: Setting = t.kind === 'stay' ? 'inpatient' : 'outpatient';
  if (setting === 'outpatient') {
    const chronic = pickRules(version.rules, { ...who, setting: 'chronic' });
    if (chronicCovers(chronic.basic, t.diagnosisCode)) setting = 'chronic';
  }
  const rules = pickRules(version.rules, { ...who, setting });
  const pkg =
    setting === 'inpatient' && t.scheme !== 'none'
      ? pickPackage(version.packages, { diagnosisCode: t.diagnosisCode, orgId: t.orgId, hospLevel })
      : null;
  const bill = await q.billOf(trx, t);
  const year = Number(day.slice(0, 4));
  const before = await q.accumulators(trx, t.residentId, year, t.countyId, lock);
  const inputs = {
    target: { kind: t.kind, id: t.id },
    day,
    setting,
    who,
    diagnosisCode: t.diagnosisCode,
    version: { id: version.id, no: version.versionNo },
    rules,
    package: pkg,
    bill,
    before,
  };
  let result: CalcResult;
  try {
    result = calculate({ setting, bill, rules, package: pkg, before });
  } catch (err) {
    if (err instanceof CalcError) throw new AppError(409, err.code, err.message);
    throw err;
  }
  const inputHash = createHash('sha256').update(canonicalJson(inputs)).digest('hex');
  return { setting, year, day, versionId: version.id, inputs, inputHash, before, result };
}

async function visibleTarget(ctx: Ctx, trx: Kdb, ref: { stayId?: number; visitId?: number }): Promise<q.Target> {
  const t = ref.stayId !== undefined ? await q.stayTarget(trx, ref.stayId) : await q.visitTarget(trx, ref.visitId ?? 0);
  if (!t || !ctx.scope.orgIds.includes(t.orgId)) throw notFound(ref.stayId !== undefined ? '住院记录' : '门诊记录');
  return t;
}

/**
 * 计算: the settlement of a discharge (or visit) is created once — concurrent clicks meet at
 * the unique index and share one row — and (re)calculated while it is not confirmed.
 */
export async function calculateFor(ctx: Ctx, ref: { stayId?: number; visitId?: number }) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const t = await visibleTarget(ctx, trx, ref);
    const c = await compute(trx, t, false);
    const col = t.kind === 'stay' ? 'stay_id' : 'visit_id';
    const { rows: created } = await sql<{ id: number }>`
      INSERT INTO settlements (settlement_no, county_id, org_id, resident_id, stay_id, visit_id, setting, status, scheme,
        person_cat, hosp_level, year, settled_on, pay_later, created_by)
      VALUES (${'DRAFT-' + String(await q.nextNumber(trx, 'settlement_no_seq'))}, ${t.countyId}, ${t.orgId}, ${t.residentId},
        ${t.kind === 'stay' ? t.id : null}, ${t.kind === 'visit' ? t.id : null}, ${c.setting}, 'draft', ${t.scheme},
        ${t.personCat}, ${q.hospLevelOf(t.orgKind, t.orgLevel)}, ${c.year}, ${c.day}, ${t.payLater}, ${ctx.actor.id})
      ON CONFLICT (${sql.ref(col)}) WHERE kind = 'settlement' AND reversed_by_id IS NULL AND ${sql.ref(col)} IS NOT NULL
      DO NOTHING RETURNING id`.execute(trx);
    const { rows: live } = await sql<{ id: number; status: string }>`
      SELECT id, status FROM settlements WHERE ${sql.ref(col)} = ${t.id} AND kind = 'settlement' AND reversed_by_id IS NULL
      FOR UPDATE`.execute(trx);
    const s = live[0];
    if (!s) throw new Error('settlement row vanished');
    if (s.status === 'confirmed') return detailIn(ctx, trx, s.id, false);
    await sql`UPDATE settlements SET status = 'calculated', setting = ${c.setting}, year = ${c.year}, settled_on = ${c.day},
        scheme = ${t.scheme}, person_cat = ${t.personCat}, pay_later = ${t.payLater}, policy_version_id = ${c.versionId},
        package_id = ${c.result.package_id}, inputs = ${JSON.stringify({ ...c.inputs, result: c.result })}::jsonb,
        input_hash = ${c.inputHash}, calc_error = NULL, calculated_at = now(),
        ${sql.join(FIELD_NAMES.map((k) => sql`${sql.ref(k)} = ${c.result.fields[k]}`))}
      WHERE id = ${s.id}`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: created.length ? 'settlement.create' : 'settlement.recalculate',
      resource: 'settlement',
      resourceId: s.id,
      residentId: t.residentId,
      detail: { inputHash: c.inputHash, psn: c.result.fields.psn_part_amt, total: c.result.fields.medfee_sumamt },
    });
    return detailIn(ctx, trx, s.id, false);
  });
}

const receiptNo = async (trx: Kdb, day: string) =>
  `SK${day.replaceAll('-', '')}${String(await q.nextNumber(trx, 'cash_receipt_seq')).padStart(7, '0')}`;

/**
 * 确认: recalculated under the person's year lock; if anything it read changed since the
 * clerk saw it (a charge, another settlement of the same person) the clerk must look again.
 * Then the layers, the accumulators, one receivable per payer and the till, in one transaction.
 */
export async function confirm(
  ctx: Ctx,
  id: number,
  input: { inputHash: string; method: 'cash' | 'card' | 'wechat' | 'alipay' | 'transfer' },
  now: Date = new Date(),
) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<{
      id: number;
      status: string;
      stay_id: number | null;
      visit_id: number | null;
      org_id: number;
      kind: string;
      input_hash: string | null;
    }>`
      SELECT id, status, stay_id, visit_id, org_id, kind, input_hash FROM settlements WHERE id = ${id} FOR UPDATE`.execute(
      trx,
    );
    const s = rows[0];
    if (!s || !ctx.scope.orgIds.includes(s.org_id)) throw notFound('结算单');
    if (s.status === 'confirmed') {
      if (s.input_hash === input.inputHash) return detailIn(ctx, trx, s.id, false); // a second click on the same confirmation
      throw conflict('ALREADY_CONFIRMED', '该结算单已确认');
    }
    const t = await visibleTarget(ctx, trx, s.stay_id !== null ? { stayId: s.stay_id } : { visitId: s.visit_id ?? 0 });
    const c = await compute(trx, t, true);
    if (c.inputHash !== input.inputHash)
      throw conflict('SETTLEMENT_CHANGED', '结算依据已变化（费用、本年度累计或政策版本已更新），请重新计算后再确认');
    const f = c.result.fields;
    const no = `JS${c.day.replaceAll('-', '')}${String(await q.nextNumber(trx, 'settlement_no_seq')).padStart(7, '0')}`;
    // the till: a deposit is applied first, the rest collected or the surplus refunded
    const held = t.kind === 'stay' ? await q.depositBalance(trx, t.id) : 0;
    const applied = Math.max(0, Math.min(held, f.psn_part_amt));
    const refund = Math.max(0, held - f.psn_part_amt);
    const collected = f.psn_part_amt - applied;
    await sql`UPDATE settlements SET settlement_no = ${no}, status = 'confirmed', confirmed_by = ${ctx.actor.id},
        confirmed_at = ${now}, inputs = ${JSON.stringify({ ...c.inputs, result: c.result })}::jsonb, input_hash = ${c.inputHash},
        policy_version_id = ${c.versionId}, package_id = ${c.result.package_id}, setting = ${c.setting},
        deposit_fen = ${applied}, refund_fen = ${refund}, collected_fen = ${collected},
        ${sql.join(FIELD_NAMES.map((k) => sql`${sql.ref(k)} = ${f[k]}`))}
      WHERE id = ${id}`.execute(trx);
    await sql`INSERT INTO settlement_lines (settlement_id, seq, county_id, org_id, layer, base_fen, ratio_bp, amount_fen, rule_id, note)
      SELECT ${id}, x.seq, ${t.countyId}, ${t.orgId}, x.layer, x.base_fen, x.ratio_bp, x.amount_fen, x.rule_id, x.note
      FROM jsonb_to_recordset(${JSON.stringify(c.result.lines.map((l, i) => ({ ...l, seq: i + 1 })))}::jsonb)
        AS x(seq integer, layer text, base_fen bigint, ratio_bp integer, amount_fen bigint, rule_id integer, note text)`.execute(
      trx,
    );
    await q.addToAccumulators(trx, t.residentId, c.year, q.accDelta(c.result.after, c.before), 1);
    const payers = Object.entries(PAYER_FIELD).filter(([, k]) => f[k] > 0);
    if (payers.length)
      await trx
        .insertInto('receivables')
        .values(
          payers.map(([payer, k]) => ({
            county_id: t.countyId,
            org_id: t.orgId,
            settlement_id: id,
            payer: payer as keyof typeof PAYER_FIELD,
            amount_fen: f[k],
            opened_on: c.day,
          })),
        )
        .execute();
    const till = [
      ...(refund > 0 ? [{ kind: 'deposit_refund' as const, amount_fen: -refund }] : []),
      ...(collected > 0 ? [{ kind: 'settlement_pay' as const, amount_fen: collected }] : []),
    ];
    for (const m of till)
      await trx
        .insertInto('cash_movements')
        .values({
          county_id: t.countyId,
          org_id: t.orgId,
          stay_id: t.kind === 'stay' ? t.id : null,
          visit_id: t.kind === 'visit' ? t.id : null,
          settlement_id: id,
          kind: m.kind,
          amount_fen: m.amount_fen,
          method: input.method,
          receipt_no: await receiptNo(trx, c.day),
          clerk_id: ctx.actor.id,
          at: now,
        })
        .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.confirm',
      resource: 'settlement',
      resourceId: id,
      residentId: t.residentId,
      detail: {
        settlementNo: no,
        inputHash: c.inputHash,
        psn: f.psn_part_amt,
        fund: f.fund_pay_sumamt,
        applied,
        refund,
        collected,
      },
    });
    return detailIn(ctx, trx, id, false);
  });
}

/**
 * 冲销: never an edit. A negative settlement of every field, the accumulators given back what
 * the original took, an unclaimed receivable written off (a claimed one answered by a
 * negative receivable for the next batch), and the cash the patient paid refunded.
 */
export async function reverse(ctx: Ctx, id: number, reason: string, now: Date = new Date()) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<
      Record<string, unknown> & {
        id: number;
        org_id: number;
        status: string;
        kind: string;
        reversed_by_id: number | null;
        resident_id: number;
        year: number;
        county_id: number;
        settled_on: string;
        inputs: { before: Accumulators; result: CalcResult } | null;
        collected_fen: string;
        stay_id: number | null;
        visit_id: number | null;
        settlement_no: string;
      }
    >`
      SELECT *, to_char(settled_on, 'YYYY-MM-DD') AS settled_on FROM settlements WHERE id = ${id} FOR UPDATE`.execute(
      trx,
    );
    const s = rows[0];
    if (!s || !ctx.scope.orgIds.includes(s.org_id)) throw notFound('结算单');
    if (s.kind !== 'settlement' || s.status !== 'confirmed')
      throw conflict('NOT_CONFIRMED', '只有已确认的结算单可以冲销');
    if (s.reversed_by_id !== null) throw conflict('ALREADY_REVERSED', '该结算单已冲销');
    const inputs = s.inputs;
    if (!inputs) throw new Error('confirmed settlement without inputs');
    await q.accumulators(trx, s.resident_id, s.year, s.county_id, true);
    const delta = q.accDelta(inputs.result.after, inputs.before);
    const no = `CX${s.settled_on.replaceAll('-', '')}${String(await q.nextNumber(trx, 'settlement_no_seq')).padStart(7, '0')}`;
    const hash = createHash('sha256')
      .update(canonicalJson({ reverses: s.settlement_no, reason }))
      .digest('hex');
    const negated = FIELD_NAMES.map((k) => sql`${-Number(s[k])}`);
    const { rows: made } = await sql<{ id: number }>`
      INSERT INTO settlements (settlement_no, county_id, org_id, resident_id, stay_id, visit_id, kind, reverses_id, setting, status,
        scheme, person_cat, hosp_level, year, settled_on, policy_version_id, package_id, pay_later, inputs, input_hash,
        ${sql.join(FIELD_NAMES.map((k) => sql.ref(k)))}, deposit_fen, refund_fen, collected_fen, reason, created_by, calculated_at,
        confirmed_by, confirmed_at)
      SELECT ${no}, county_id, org_id, resident_id, stay_id, visit_id, 'reversal', id, setting, 'confirmed', scheme, person_cat,
        hosp_level, year, settled_on, policy_version_id, package_id, pay_later,
        jsonb_build_object('reverses', settlement_no, 'reason', ${reason}::text, 'accumulatorDelta', ${JSON.stringify(q.negate(delta))}::jsonb),
        ${hash}, ${sql.join(negated)}, -deposit_fen, 0, -collected_fen, ${reason}, ${ctx.actor.id}, ${now}, ${ctx.actor.id}, ${now}
      FROM settlements WHERE id = ${id} RETURNING id`.execute(trx);
    const rid = made[0]?.id;
    if (rid === undefined) throw new Error('reversal not inserted');
    await sql`UPDATE settlements SET reversed_by_id = ${rid} WHERE id = ${id}`.execute(trx);
    await q.addToAccumulators(trx, s.resident_id, s.year, q.negate(delta), -1);
    await sql`UPDATE receivables SET status = 'written_off', resolved_at = ${now}, reject_reason = ${'结算冲销：' + reason}
      WHERE settlement_id = ${id} AND status = 'open'`.execute(trx);
    await sql`INSERT INTO receivables (county_id, org_id, settlement_id, payer, amount_fen, opened_on)
      SELECT county_id, org_id, ${rid}, payer, -amount_fen, ${s.settled_on}::date FROM receivables
      WHERE settlement_id = ${id} AND status <> 'written_off'`.execute(trx);
    const paid = Number(s.collected_fen);
    if (paid > 0)
      await trx
        .insertInto('cash_movements')
        .values({
          county_id: s.county_id,
          org_id: s.org_id,
          stay_id: s.stay_id,
          visit_id: s.visit_id,
          settlement_id: rid,
          kind: 'settlement_refund',
          amount_fen: -paid,
          method: 'cash',
          receipt_no: await receiptNo(trx, s.settled_on),
          clerk_id: ctx.actor.id,
          at: now,
        })
        .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.reverse',
      resource: 'settlement',
      resourceId: id,
      residentId: s.resident_id,
      detail: { reversal: no, reason },
    });
    return detailIn(ctx, trx, rid, false);
  });
}

/**
 * Recalculates a confirmed settlement from what it stored and the version it named (read
 * afresh from the database): the same fields to the fen, or a difference that says something
 * was altered.
 */
export async function verify(ctx: Ctx, id: number) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await sql<
      Record<string, unknown> & {
        org_id: number;
        kind: string;
        status: string;
        inputs: Record<string, unknown> | null;
        input_hash: string | null;
        policy_version_id: number | null;
      }
    >`
      SELECT * FROM settlements WHERE id = ${id}`.execute(trx);
    const s = rows[0];
    if (!s || !ctx.scope.orgIds.includes(s.org_id)) throw notFound('结算单');
    if (s.kind !== 'settlement' || s.status !== 'confirmed' || !s.inputs)
      throw conflict('NOT_CONFIRMED', '只有已确认的结算单可以复核');
    const stored = s.inputs as {
      rules: Record<string, { id: number }>;
      package: { id: number } | null;
      bill: never;
      before: Accumulators;
      setting: Setting;
      result: unknown;
    };
    const content = await contentOf(trx, s.policy_version_id ?? 0);
    const rules = Object.fromEntries(
      Object.entries(stored.rules).map(([layer, r]) => [layer, content.rules.find((x) => x.id === r.id)]),
    );
    const pkg = stored.package ? (content.packages.find((p) => p.id === stored.package?.id) ?? null) : null;
    const again = calculate({ setting: stored.setting, bill: stored.bill, rules, package: pkg, before: stored.before });
    const { result: _r, ...inputsOnly } = s.inputs;
    const hash = createHash('sha256')
      .update(canonicalJson({ ...inputsOnly, rules, package: pkg }))
      .digest('hex');
    const differences = FIELD_NAMES.filter((k) => Number(s[k]) !== again.fields[k]).map((k) => ({
      field: k,
      stored: Number(s[k]),
      recalculated: again.fields[k],
    }));
    return {
      reproduced: differences.length === 0 && hash === s.input_hash,
      inputHashMatches: hash === s.input_hash,
      differences,
    };
  });
}

export const settlementDbError = (err: unknown): unknown => {
  if (err instanceof Error && 'constraint' in err) {
    if (err.constraint === 'settlements_immutable')
      return conflict('SETTLEMENT_CONFIRMED', '已确认的结算单不能修改，只能冲销');
    if (typeof err.constraint === 'string' && err.constraint.startsWith('settlement_accumulators'))
      return conflict('ACCUMULATOR_NEGATIVE', '冲销后年度累计将为负数，请核对该居民本年度的结算');
  }
  return err;
};

export const assertDeposit = (amount: number, held: number) => {
  if (amount < 0 && -amount > held)
    throw badRequest('REFUND_TOO_LARGE', `退押金不能超过押金余额 ¥${(held / 100).toFixed(2)}`, 'amountFen');
};
