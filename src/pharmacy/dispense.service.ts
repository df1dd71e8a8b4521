import { sql } from 'kysely';
import { batcherPerDb } from '../platform/batch.ts';
import { writeAudit } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { must } from '../platform/must.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publishCommitted } from '../platform/events.ts';
import { assertSameRequest, requestHash, type Idempotent } from '../platform/idempotency.ts';
import { maskMobile } from '../platform/mask.ts';
import type { DispenseCreate } from './stock.schema.ts';
import { dispenseView, type DispenseView } from './dispense-view.ts';
import { assignTraceCodes, DuplicateTraceCode, flagDuplicate } from './trace.service.ts';

/**
 * 发药 (issue 14): dispensing against a visit's prescription or a simple prescription entered
 * at the counter. Each line is taken first-expiry-first-out under the batches' row locks
 * (stock_claim); a line that cannot be filled in full fails the whole dispensing with 409 and
 * nothing is taken. Each batch line keeps the price in force at that moment. Trace codes are
 * marked dispensed once; a code dispensed before is refused and flagged (回流药). The client
 * id makes a resend the same dispensing.
 */
export async function dispense(ctx: Ctx, input: DispenseCreate): Promise<Idempotent<DispenseView>> {
  const hash = requestHash(input);
  const orgId = input.orgId ?? ctx.actor.orgId;
  if (!ctx.scope.orgIds.includes(orgId)) throw forbidden('只能为本机构（或下属机构）发药');
  // a line the stock cannot fill is refused before any transaction (a new request, not a resend)
  const now = ctx.platform.config.now();
  const pre = await Promise.all(
    input.lines.map((l) =>
      preflight(ctx.db, {
        countyId: ctx.actor.countyId,
        clientId: input.clientId,
        orgId,
        drugId: l.drugId,
        day: shanghaiDate(now),
      }),
    ),
  );
  const shortLine = input.lines.findIndex((l, n) => pre[n].name !== null && !pre[n].prior && pre[n].available < l.qty);
  if (shortLine >= 0) {
    const p = pre[shortLine];
    throw short(
      { id: input.lines[shortLine].drugId, generic_name: p.name ?? '', min_unit: p.unit },
      p.available,
      input.lines[shortLine].qty,
    );
  }
  try {
    const result = await withScope(ctx.db, ctx.scope, (trx) => dispenseIn(trx, ctx, input, orgId, hash));
    if (!result.replayed)
      await publishCommitted(ctx.db, {
        topic: 'pharmacy.stock',
        countyId: ctx.actor.countyId,
        orgIds: [orgId],
        data: { orgId, drugIds: input.lines.map((l) => l.drugId) },
      });
    return result;
  } catch (err) {
    if (err instanceof DuplicateTraceCode) {
      await flagDuplicate(ctx, orgId, input.residentId, err);
      throw conflict(
        'TRACE_CODE_DISPENSED',
        `追溯码 ${err.code} 已于 ${err.firstAt ?? '此前'}${err.firstOrg ? `在${err.firstOrg}` : ''}发出，同一盒药不能再发：疑似回流药，已登记待核查`,
        { traceCode: err.code },
      );
    }
    // the same client id arriving twice at once: the second waits for the first, then replays it
    if (isUniqueViolation(err, 'dispenses_client_id'))
      return withScope(ctx.db, ctx.scope, (trx) => dispenseIn(trx, ctx, input, orgId, hash));
    if (isUniqueViolation(err, 'dispenses_prescription')) throw conflict('ALREADY_DISPENSED', '该处方已发药');
    throw err;
  }
}

interface PreflightInput {
  countyId: number;
  clientId: string;
  orgId: number;
  drugId: number;
  day: string;
}
/** concurrent dispensings ask together: one statement answers every line that queued meanwhile */
const preflight = batcherPerDb(
  async (db: Kdb, ps: readonly PreflightInput[]) => {
    const { rows } = await sql<{
      i: number;
      available: number;
      prior: boolean;
      name: string | null;
      unit: string | null;
    }>`
      SELECT i, available, prior, name, unit FROM dispense_preflight(${ps.map((p) => p.countyId)}::int[],
        ${ps.map((p) => p.clientId)}::uuid[], ${ps.map((p) => p.orgId)}::int[], ${ps.map((p) => p.drugId)}::int[],
        ${ps[0].day}::date) ORDER BY i`.execute(db);
    return rows.map((r) => ({ available: Number(r.available), prior: r.prior, name: r.name, unit: r.unit ?? '' }));
  },
  { maxInFlight: 2 },
);

async function dispenseIn(
  trx: Kdb,
  ctx: Ctx,
  input: DispenseCreate,
  orgId: number,
  hash: string,
): Promise<Idempotent<DispenseView>> {
  const countyId = ctx.actor.countyId;
  const now = ctx.platform.config.now();
  const day = shanghaiDate(now);
  const drugIds = [...new Set(input.lines.map((l) => l.drugId))];
  if (drugIds.length !== input.lines.length) throw badRequest('DRUG_REPEATED', '同一药品请合并为一行', 'lines');
  // one round trip: an earlier dispensing under this client id, the resident, the org, each
  // item with its price in force and what is available now, and the new dispensing's id
  const look = await lookup(trx, {
    countyId,
    orgId,
    clientId: input.clientId,
    residentId: input.residentId,
    drugIds,
    at: now,
    day,
  });
  if (look.prior) {
    assertSameRequest(look.prior.hash, hash, '次发药');
    return { result: await dispenseView(trx, look.prior.id), replayed: true };
  }
  const resident = look.resident;
  if (!resident) throw badRequest('RESIDENT_UNKNOWN', '居民不存在或不在您的管辖范围', 'residentId');
  if (resident.deceased_on) throw badRequest('RESIDENT_DECEASED', '该居民已登记死亡，不能发药', 'residentId');
  const byId = new Map(look.drugs.map((d) => [d.id, d]));
  const drugOf = (id: number) => must(byId.get(id), 'drug');
  input.lines.forEach((l, n) => {
    const d = byId.get(l.drugId);
    if (!d || !d.active) throw badRequest('DRUG_UNKNOWN', '药品不在本县目录中或已停用', `lines.${n}.drugId`);
    if (!d.split_allowed && l.qty % d.pack_qty !== 0)
      throw badRequest(
        'SPLIT_NOT_ALLOWED',
        `「${d.generic_name}」不可拆零，数量应为整${d.pack_unit}（${d.pack_qty}${d.min_unit}/${d.pack_unit}）的倍数`,
        `lines.${n}.qty`,
      );
    if (l.traceCodes.length > Math.ceil(l.qty / d.pack_qty))
      throw badRequest(
        'TOO_MANY_TRACE_CODES',
        `「${d.generic_name}」发 ${l.qty}${d.min_unit}，最多 ${Math.ceil(l.qty / d.pack_qty)} 个追溯码`,
        `lines.${n}.traceCodes`,
      );
    if (d.unit_price_fen === null)
      throw badRequest('NO_PRICE', `「${d.generic_name}」此时没有执行价格，请先在药品目录定价`, `lines.${n}.drugId`);
    // refused before anything is written or locked (the claim below is what guarantees it)
    if (d.available < l.qty) throw short(d, d.available, l.qty);
  });
  const codes = input.lines.flatMap((l) => l.traceCodes);
  if (new Set(codes).size !== codes.length) throw badRequest('TRACE_CODE_REPEATED', '同一追溯码扫了两次', 'lines');
  if (input.prescriptionId !== undefined) await checkPrescription(trx, input, look.drugs);
  const id = look.next_id;
  // the audit row first: the batch locks the claim takes are then held for one statement and the commit
  await writeAudit(trx, ctx.audit, {
    action: 'pharmacy.dispense',
    resource: 'dispense',
    resourceId: id,
    residentId: input.residentId,
    detail: { orgId, lines: input.lines.map((l) => ({ drugId: l.drugId, qty: l.qty })) },
  });
  // items in id order, so two dispensings of the same items lock their batches in the same order
  const lines = [...input.lines].sort((a, b) => a.drugId - b.drugId);
  const price = (drugId: number) => must(drugOf(drugId).unit_price_fen, 'price');
  const { rows } = await sql<{
    id: number;
    drug_id: number;
    batch_id: number;
    qty: number;
    amount_fen: number;
    batch_no: string;
    expiry_date: string;
    total_fen: number;
  }>`
    WITH x AS (
      SELECT * FROM unnest(${lines.map((l) => l.drugId)}::int[], ${lines.map((l) => l.qty)}::int[],
        ${lines.map((l) => price(l.drugId))}::int[], ${lines.map((l) => drugOf(l.drugId).price_id)}::int[],
        ${lines.map((l) => drugOf(l.drugId).pack_qty)}::int[], ${lines.map((l) => l.usage)}::text[])
        WITH ORDINALITY AS x(drug_id, qty, price, price_id, pack, usage, n)
    ), c AS (
      SELECT x.drug_id, x.price, x.price_id, x.pack, x.usage, s.batch_id, s.qty, s.batch_no, s.expiry_date
      FROM x CROSS JOIN LATERAL stock_claim(${orgId}::int, x.drug_id, x.qty, ${day}::date, 'dispense', 'dispense',
        ${id}::int, ${ctx.actor.id}::int, ${now}::timestamptz) s
    ), l AS (
      INSERT INTO dispense_lines (dispense_id, county_id, org_id, resident_id, drug_id, batch_id, qty, unit_price_fen,
        price_id, pack_qty, amount_fen, usage, dispensed_at)
      SELECT ${id}, ${countyId}, ${orgId}, ${input.residentId}, c.drug_id, c.batch_id, c.qty, c.price, c.price_id, c.pack,
        round(c.qty::numeric * c.price / c.pack), c.usage, ${now}::timestamptz
      FROM c
      RETURNING id, drug_id, batch_id, qty, amount_fen
    ), h AS (
      INSERT INTO dispenses (id, county_id, org_id, resident_id, prescription_id, client_id, request_hash, total_fen,
        dispensed_by, dispensed_at, device_at, note)
      SELECT ${id}, ${countyId}, ${orgId}, ${input.residentId}, ${input.prescriptionId ?? null}::int,
        ${input.clientId}::uuid, ${hash}, coalesce((SELECT sum(amount_fen) FROM l), 0), ${ctx.actor.id},
        ${now}::timestamptz, ${input.deviceAt ?? null}::timestamptz, ${input.note ?? null}
      RETURNING total_fen
    )
    SELECT l.id, l.drug_id, l.batch_id, l.qty, l.amount_fen, c.batch_no, c.expiry_date, h.total_fen
    FROM l JOIN c ON c.batch_id = l.batch_id AND c.drug_id = l.drug_id CROSS JOIN h
    ORDER BY l.id`.execute(trx);
  for (const line of lines) {
    const got = rows.filter((r) => r.drug_id === line.drugId).reduce((n, r) => n + r.qty, 0);
    // another counter took the stock since the look: the whole dispensing is rolled back
    if (got < line.qty) throw short(drugOf(line.drugId), got, line.qty);
  }
  const traced = new Map<number, string[]>();
  for (const line of input.lines) {
    const assigned = await assignTraceCodes(trx, {
      countyId,
      orgId,
      drugId: line.drugId,
      codes: line.traceCodes,
      lines: rows.filter((r) => r.drug_id === line.drugId).map((r) => ({ id: r.id, batchId: r.batch_id })),
      at: now,
    });
    for (const a of assigned) traced.set(a.lineId, [...(traced.get(a.lineId) ?? []), a.code]);
  }
  if (input.prescriptionId !== undefined) {
    const done = await trx
      .updateTable('prescriptions')
      .set({ status: 'dispensed' })
      .where('id', '=', input.prescriptionId)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('ALREADY_DISPENSED', '该处方已发药或已作废');
  }
  const usage = new Map(input.lines.map((l) => [l.drugId, l.usage]));
  return {
    result: {
      id,
      orgId,
      orgName: look.org_name ?? '',
      residentId: resident.id,
      residentName: resident.name,
      sex: resident.sex,
      mobile: maskMobile(resident.mobile),
      prescriptionId: input.prescriptionId ?? null,
      totalFen: Number(rows[0]?.total_fen ?? 0),
      dispensedAt: now.toISOString(),
      deviceAt: input.deviceAt ? new Date(input.deviceAt).toISOString() : null,
      dispensedBy: ctx.actor.displayName,
      note: input.note ?? null,
      lines: rows.map((r) => {
        const d = drugOf(r.drug_id);
        return {
          id: r.id,
          drugId: r.drug_id,
          name: d.generic_name,
          brandName: d.brand_name,
          spec: d.spec,
          minUnit: d.min_unit,
          packUnit: d.pack_unit,
          packQty: d.pack_qty,
          qty: r.qty,
          returnedQty: 0,
          unitPriceFen: price(r.drug_id),
          amountFen: Number(r.amount_fen),
          usage: usage.get(r.drug_id) ?? '',
          batchNo: r.batch_no,
          expiryDate: r.expiry_date,
          traceCodes: traced.get(r.id) ?? [],
        };
      }),
    },
    replayed: false,
  };
}

const short = (d: { id: number; generic_name: string; min_unit: string }, got: number, want: number) =>
  conflict(
    'STOCK_SHORT',
    `「${d.generic_name}」库存不足：可发 ${got}${d.min_unit}（不含过期和召回批次），需要 ${want}${d.min_unit}`,
    { drugId: d.id, available: got },
  );

interface Looked {
  prior: { id: number; hash: string } | null;
  resident: { id: number; name: string; sex: 'M' | 'F'; mobile: string | null; deceased_on: string | null } | null;
  org_name: string | null;
  next_id: number;
  drugs: Array<{
    id: number;
    generic_name: string;
    brand_name: string | null;
    spec: string;
    charge_code: string;
    pack_qty: number;
    pack_unit: string;
    min_unit: string;
    split_allowed: boolean;
    active: boolean;
    price_id: number | null;
    unit_price_fen: number | null;
    available: number;
  }>;
}

async function lookup(
  trx: Kdb,
  a: {
    countyId: number;
    orgId: number;
    clientId: string;
    residentId: number;
    drugIds: number[];
    at: Date;
    day: string;
  },
): Promise<Looked> {
  const { rows } = await sql<Looked>`
    SELECT
      (SELECT json_build_object('id', x.id, 'hash', x.request_hash) FROM dispenses x
        WHERE x.county_id = ${a.countyId} AND x.client_id = ${a.clientId}::uuid) AS prior,
      (SELECT json_build_object('id', r.id, 'name', r.name, 'sex', r.sex, 'mobile', r.mobile, 'deceased_on', r.deceased_on)
        FROM residents r WHERE r.id = ${a.residentId}) AS resident,
      (SELECT o.name FROM orgs o WHERE o.id = ${a.orgId}) AS org_name,
      nextval(pg_get_serial_sequence('dispenses', 'id'))::int AS next_id,
      coalesce((SELECT json_agg(json_build_object(
          'id', d.id, 'generic_name', d.generic_name, 'brand_name', d.brand_name, 'spec', d.spec,
          'charge_code', d.charge_code, 'pack_qty', d.pack_qty, 'pack_unit', d.pack_unit, 'min_unit', d.min_unit,
          'split_allowed', d.split_allowed, 'active', d.active, 'price_id', p.id, 'unit_price_fen', p.price_fen,
          'available', coalesce((SELECT sum(b.qty_in - b.qty_out - b.qty_blocked) FROM stock_batches b
                                 WHERE b.org_id = ${a.orgId} AND b.drug_id = d.id AND b.expiry_date >= ${a.day}::date), 0)))
        FROM drugs d
        LEFT JOIN charge_prices p ON p.item_code = d.charge_code AND p.county_id = ${a.countyId}
          AND p.valid_from <= ${a.at}::timestamptz AND (p.valid_to IS NULL OR p.valid_to > ${a.at}::timestamptz)
        WHERE d.county_id = ${a.countyId} AND d.id = ANY(${a.drugIds}::int[])), '[]'::json) AS drugs`.execute(trx);
  return rows[0];
}

async function checkPrescription(
  trx: Kdb,
  input: DispenseCreate,
  drugs: ReadonlyArray<{ id: number; charge_code: string; generic_name: string }>,
): Promise<void> {
  const p = await trx
    .selectFrom('prescriptions')
    .select(['id', 'resident_id', 'status'])
    .where('id', '=', must(input.prescriptionId, 'prescription'))
    .executeTakeFirst();
  if (!p) throw notFound('处方');
  if (p.resident_id !== input.residentId)
    throw badRequest('PRESCRIPTION_RESIDENT', '处方不是这位居民的', 'prescriptionId');
  if (p.status === 'dispensed') throw conflict('ALREADY_DISPENSED', '该处方已发药');
  if (p.status === 'cancelled') throw conflict('PRESCRIPTION_CANCELLED', '该处方已作废');
  const items = new Set(
    (await trx.selectFrom('prescription_lines').select('item_code').where('prescription_id', '=', p.id).execute()).map(
      (l) => l.item_code,
    ),
  );
  const extra = drugs.find((d) => !items.has(d.charge_code));
  if (extra) throw badRequest('NOT_PRESCRIBED', `「${extra.generic_name}」不在该处方上`, 'lines');
}

/** one dispensing with its lines, for the counter and the label */
export async function getDispense(ctx: Ctx, id: number): Promise<DispenseView> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const found = await trx.selectFrom('dispenses').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('发药记录');
    return dispenseView(trx, id);
  });
}
