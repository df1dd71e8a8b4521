import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { FIELD_NAMES } from './calc.ts';
import * as q from './settle.queries.ts';

/** One settlement with everything the clerk's drawer and the printed statement (结算单) show. */
export async function detailIn(ctx: Ctx, trx: Kdb, id: number, audit: boolean) {
  {
    // the settlement row first, then each name by its key: as written, the plan needs no search (12 joins)
    await sql`SET LOCAL join_collapse_limit = 1`.execute(trx);
    const { rows } = await sql<Record<string, unknown>>`
      SELECT st.*, to_char(st.settled_on, 'YYYY-MM-DD') AS settled_day, o.name AS org_name, o.code AS org_code,
             r.name AS resident_name, r.id_number, r.sex, r.birth_date::text AS birth_date, r.mobile,
             s.admitted_at, s.discharged_at, s.length_of_stay_days, s.discharge_diagnoses, v.diagnoses AS visit_diagnoses,
             d.name AS department_name, pv.version_no, pv.title AS version_title, pv.demo AS version_demo,
             pk.code AS package_code, pk.disease_name AS package_name,
             cs.display_name AS confirmed_by_name, rv.settlement_no AS reversed_by_no, og.settlement_no AS reverses_no
      FROM settlements st JOIN orgs o ON o.id = st.org_id JOIN residents r ON r.id = st.resident_id
      LEFT JOIN stays s ON s.id = st.stay_id LEFT JOIN visits v ON v.id = st.visit_id
      LEFT JOIN departments d ON d.id = s.department_id
      LEFT JOIN settlement_policy_versions pv ON pv.id = st.policy_version_id
      LEFT JOIN settlement_packages pk ON pk.id = st.package_id
      LEFT JOIN staff cs ON cs.id = st.confirmed_by
      LEFT JOIN settlements rv ON rv.id = st.reversed_by_id LEFT JOIN settlements og ON og.id = st.reverses_id
      WHERE st.id = ${id}`.execute(trx);
    const s = rows[0];
    if (!s || !ctx.scope.orgIds.includes(Number(s.org_id))) throw notFound('结算单');
    const owner =
      s.stay_id !== null
        ? { kind: 'stay' as const, id: Number(s.stay_id) }
        : { kind: 'visit' as const, id: Number(s.visit_id) };
    const categories = await q.categoriesOf(trx, owner);
    const { rows: lines } = await sql<{
      layer: string;
      base_fen: string;
      ratio_bp: number | null;
      amount_fen: string;
      note: string;
    }>`
      SELECT layer, base_fen::text, ratio_bp, amount_fen::text, note FROM settlement_lines WHERE settlement_id = ${id} ORDER BY seq`.execute(
      trx,
    );
    const inputs = s.inputs as {
      result?: {
        lines: Array<{ layer: string; base_fen: number; ratio_bp: number | null; amount_fen: number; note: string }>;
      };
    } | null;
    const { rows: cash } = await sql<{
      kind: string;
      amount_fen: string;
      method: string;
      receipt_no: string;
      at: Date;
    }>`
      SELECT kind, amount_fen::text, method, receipt_no, at FROM cash_movements
      WHERE ${owner.kind === 'stay' ? sql`stay_id` : sql`visit_id`} = ${owner.id} ORDER BY at, id`.execute(trx);
    if (audit)
      await writeAudit(trx, ctx.audit, {
        action: 'settlement.read',
        resource: 'settlement',
        resourceId: id,
        residentId: Number(s.resident_id),
      });
    const fields = Object.fromEntries(FIELD_NAMES.map((k) => [k, Number(s[k])]));
    const diagnoses = (s.discharge_diagnoses ?? s.visit_diagnoses ?? []) as Array<{ code: string; name: string }>;
    return {
      id,
      settlementNo: String(s.settlement_no),
      kind: s.kind,
      status: s.status,
      setting: s.setting,
      settledOn: s.settled_day,
      orgName: s.org_name,
      orgCode: s.org_code,
      hospLevel: s.hosp_level,
      stayId: s.stay_id,
      visitId: s.visit_id,
      resident: {
        id: Number(s.resident_id),
        name: s.resident_name,
        idNumberMasked: maskIdNumber(String(s.id_number)),
        mobileMasked: maskMobile((s.mobile as string | null) ?? null),
        sex: s.sex,
        birthDate: s.birth_date,
      },
      scheme: s.scheme,
      personCat: s.person_cat,
      payLater: s.pay_later,
      admittedAt: s.admitted_at ? new Date(s.admitted_at as string).toISOString() : null,
      dischargedAt: s.discharged_at ? new Date(s.discharged_at as string).toISOString() : null,
      lengthOfStayDays: s.length_of_stay_days,
      departmentName: s.department_name,
      diagnoses,
      policy: s.version_no === null ? null : { versionNo: s.version_no, title: s.version_title, demo: s.version_demo },
      package: s.package_code === null ? null : { code: s.package_code, name: s.package_name },
      fields,
      depositFen: Number(s.deposit_fen),
      refundFen: Number(s.refund_fen),
      collectedFen: Number(s.collected_fen),
      inputHash: s.input_hash,
      calcError: s.calc_error,
      lines: lines.length
        ? lines.map((l) => ({
            layer: l.layer,
            baseFen: Number(l.base_fen),
            ratioBp: l.ratio_bp,
            amountFen: Number(l.amount_fen),
            note: l.note,
          }))
        : (inputs?.result?.lines ?? []).map((l) => ({
            layer: l.layer,
            baseFen: l.base_fen,
            ratioBp: l.ratio_bp,
            amountFen: l.amount_fen,
            note: l.note,
          })),
      categories,
      cash: cash.map((c) => ({
        kind: c.kind,
        amountFen: Number(c.amount_fen),
        method: c.method,
        receiptNo: c.receipt_no,
        at: new Date(c.at).toISOString(),
      })),
      confirmedAt: s.confirmed_at ? new Date(s.confirmed_at as string).toISOString() : null,
      confirmedBy: s.confirmed_by_name ?? null,
      reversedByNo: s.reversed_by_no ?? null,
      reversesNo: s.reverses_no ?? null,
      reason: s.reason ?? null,
    };
  }
}

/** the same, in its own transaction, audited as a read */
export async function detail(ctx: Ctx, id: number) {
  return withScope(ctx.db, ctx.scope, (trx) => detailIn(ctx, trx, id, true));
}
