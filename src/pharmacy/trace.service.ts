import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { fetchPage } from '../platform/list.ts';
import type { ListQuery } from '../platform/list.schema.ts';

/**
 * 药品追溯码 (issue 14). A code is dispensed at most once in the county: marking it is one
 * conditional UPDATE (or an INSERT for a code the system never received), so of two
 * dispensings scanning the same box at the same moment exactly one wins. The loser's
 * transaction is rolled back and the scan is kept in trace_code_flags in a transaction of
 * its own: a code sold twice signals a counterfeit or 回流药.
 */
export class DuplicateTraceCode extends Error {
  constructor(
    readonly code: string,
    readonly drugId: number,
    readonly firstLineId: number | null,
    readonly firstOrgId: number | null,
    readonly firstOrg: string | null,
    readonly firstAt: string | null,
  ) {
    super(`trace code ${code} was dispensed before`);
  }
}

export async function assignTraceCodes(
  trx: Kdb,
  a: {
    countyId: number;
    orgId: number;
    drugId: number;
    codes: readonly string[];
    lines: ReadonlyArray<{ id: number; batchId: number }>;
    at: Date;
  },
): Promise<Array<{ code: string; lineId: number }>> {
  if (a.codes.length === 0) return [];
  const first = a.lines[0];
  // a known code goes to the line of its own batch when there is one
  const { rows: marked } = await sql<{ code: string; line_id: number }>`
    UPDATE trace_codes t
    SET status = 'dispensed', org_id = ${a.orgId}, dispensed_at = ${a.at},
        dispense_line_id = coalesce(
          (SELECT l.id FROM unnest(${a.lines.map((l) => l.id)}::int[], ${a.lines.map((l) => l.batchId)}::int[]) AS l(id, batch_id)
           WHERE l.batch_id = t.batch_id LIMIT 1), ${first.id})
    WHERE t.county_id = ${a.countyId} AND t.code = ANY(${[...a.codes]}::text[]) AND t.drug_id = ${a.drugId}
      AND t.status IN ('in_stock', 'returned')
    RETURNING t.code, t.dispense_line_id AS line_id`.execute(trx);
  const done = new Set(marked.map((r) => r.code));
  const rest = a.codes.filter((c) => !done.has(c));
  const assigned = marked.map((m) => ({ code: m.code, lineId: m.line_id }));
  if (rest.length === 0) return assigned;
  const known = await trx
    .selectFrom('trace_codes as t')
    .leftJoin('dispense_lines as l', 'l.id', 't.dispense_line_id')
    .leftJoin('orgs as o', 'o.id', 'l.org_id')
    .select([
      't.code',
      't.drug_id',
      't.status',
      't.dispense_line_id',
      'l.org_id',
      'o.name as org_name',
      't.dispensed_at',
    ])
    .where('t.county_id', '=', a.countyId)
    .where('t.code', 'in', rest)
    .execute();
  for (const k of known) {
    if (k.drug_id !== a.drugId)
      throw badRequest('TRACE_CODE_OTHER_DRUG', `追溯码 ${k.code} 属于另一种药品，请核对`, 'lines');
    if (k.status === 'blocked') throw conflict('TRACE_CODE_BLOCKED', `追溯码 ${k.code} 所在批次已召回封存，不能发出`);
    if (k.status === 'dispensed') throw duplicate(k, a.drugId);
  }
  // codes the system never received (stock from before trace codes were collected)
  const fresh = rest.filter((c) => !known.some((k) => k.code === c));
  if (fresh.length === 0) return assigned;
  const inserted = await trx
    .insertInto('trace_codes')
    .values(
      fresh.map((code) => ({
        county_id: a.countyId,
        code,
        org_id: a.orgId,
        drug_id: a.drugId,
        batch_id: first.batchId,
        status: 'dispensed' as const,
        dispense_line_id: first.id,
        dispensed_at: a.at,
      })),
    )
    .onConflict((oc) => oc.columns(['county_id', 'code']).doNothing())
    .returning('code')
    .execute();
  if (inserted.length !== fresh.length) {
    // another counter dispensed the same unknown code a moment ago
    const lost = fresh.find((c) => !inserted.some((i) => i.code === c)) ?? fresh[0];
    throw new DuplicateTraceCode(lost, a.drugId, null, null, null, null);
  }
  return [...assigned, ...fresh.map((code) => ({ code, lineId: first.id }))];
}

function duplicate(
  k: {
    code: string;
    dispense_line_id: number | null;
    org_id: number | null;
    org_name: string | null;
    dispensed_at: Date | null;
  },
  drugId: number,
): DuplicateTraceCode {
  const at = k.dispensed_at
    ? new Date(k.dispensed_at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
    : null;
  return new DuplicateTraceCode(k.code, drugId, k.dispense_line_id, k.org_id, k.org_name, at);
}

/** keeps the refused scan (its own transaction: the dispensing was rolled back) */
export async function flagDuplicate(ctx: Ctx, orgId: number, residentId: number, d: DuplicateTraceCode): Promise<void> {
  await withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await trx
      .insertInto('trace_code_flags')
      .values({
        county_id: ctx.actor.countyId,
        org_id: orgId,
        code: d.code,
        drug_id: d.drugId,
        first_line_id: d.firstLineId,
        first_org_id: d.firstOrgId,
        resident_id: residentId,
        staff_id: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.trace_code.duplicate',
      outcome: 'failure',
      resource: 'trace_code_flag',
      resourceId: row.id,
      residentId,
      detail: { code: d.code, firstLineId: d.firstLineId },
    });
  });
}

/** 回流药 signals: codes scanned again after they were dispensed */
export async function listFlags(ctx: Ctx, input: ListQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const query = trx
      .selectFrom('trace_code_flags as f')
      .innerJoin('orgs as o', 'o.id', 'f.org_id')
      .leftJoin('orgs as fo', 'fo.id', 'f.first_org_id')
      .leftJoin('drugs as d', 'd.id', 'f.drug_id')
      .leftJoin('residents as r', 'r.id', 'f.resident_id')
      .innerJoin('staff as s', 's.id', 'f.staff_id')
      .select([
        'f.id',
        'f.code',
        'o.name as org_name',
        'fo.name as first_org_name',
        'd.generic_name',
        'r.name as resident_name',
        's.display_name as staff_name',
        'f.at',
        'f.reviewed_at',
        'f.review_note',
      ])
      .where('f.county_id', '=', ctx.actor.countyId)
      .$if(Boolean(input.q), (qb) => qb.where('f.code', 'like', `${input.q}%`))
      .orderBy('f.at', 'desc')
      .orderBy('f.id', 'desc');
    const { rows, meta } = await fetchPage(trx, query, input);
    return {
      ...meta,
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        orgName: r.org_name,
        firstOrgName: r.first_org_name,
        drugName: r.generic_name,
        residentName: r.resident_name,
        staffName: r.staff_name,
        at: r.at.toISOString(),
        reviewedAt: r.reviewed_at?.toISOString() ?? null,
        reviewNote: r.review_note,
      })),
    };
  });
}
