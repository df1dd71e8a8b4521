import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { shanghaiDate } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { must } from '../platform/must.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors.ts';
import { publishCommitted } from '../platform/events.ts';
import { assertSameRequest, requestHash, type Idempotent } from '../platform/idempotency.ts';
import { claimFefo } from './stock.core.ts';
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

async function dispenseIn(
  trx: Kdb,
  ctx: Ctx,
  input: DispenseCreate,
  orgId: number,
  hash: string,
): Promise<Idempotent<DispenseView>> {
  const countyId = ctx.actor.countyId;
  const prior = await trx
    .selectFrom('dispenses')
    .select(['id', 'request_hash'])
    .where('county_id', '=', countyId)
    .where('client_id', '=', input.clientId)
    .executeTakeFirst();
  if (prior) {
    assertSameRequest(prior.request_hash, hash, '次发药');
    return { result: await dispenseView(trx, prior.id), replayed: true };
  }
  const now = ctx.platform.config.now();
  const day = shanghaiDate(now);
  const resident = await trx
    .selectFrom('residents')
    .select(['id', 'deceased_on'])
    .where('id', '=', input.residentId)
    .executeTakeFirst();
  if (!resident) throw badRequest('RESIDENT_UNKNOWN', '居民不存在或不在您的管辖范围', 'residentId');
  if (resident.deceased_on) throw badRequest('RESIDENT_DECEASED', '该居民已登记死亡，不能发药', 'residentId');

  const drugIds = [...new Set(input.lines.map((l) => l.drugId))];
  if (drugIds.length !== input.lines.length) throw badRequest('DRUG_REPEATED', '同一药品请合并为一行', 'lines');
  const drugs = await drugsWithPrice(trx, countyId, drugIds, now);
  const byId = new Map(drugs.map((d) => [d.id, d]));
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
  });
  const codes = input.lines.flatMap((l) => l.traceCodes);
  if (new Set(codes).size !== codes.length) throw badRequest('TRACE_CODE_REPEATED', '同一追溯码扫了两次', 'lines');
  if (input.prescriptionId !== undefined) await checkPrescription(trx, input, drugs);

  const head = await trx
    .insertInto('dispenses')
    .values({
      county_id: countyId,
      org_id: orgId,
      resident_id: input.residentId,
      prescription_id: input.prescriptionId ?? null,
      client_id: input.clientId,
      request_hash: hash,
      total_fen: 0,
      dispensed_by: ctx.actor.id,
      dispensed_at: now,
      device_at: input.deviceAt ? new Date(input.deviceAt) : null,
      note: input.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let total = 0;
  const lineRows: Array<{ id: number; drugId: number; batchId: number }> = [];
  for (const line of input.lines) {
    const d = must(byId.get(line.drugId), 'drug');
    const claimed = await claimFefo(trx, {
      orgId,
      drugId: d.id,
      qty: line.qty,
      day,
      kind: 'dispense',
      refKind: 'dispense',
      refId: head.id,
      staffId: ctx.actor.id,
      at: now,
    });
    const got = claimed.reduce((s, c) => s + c.qty, 0);
    if (got < line.qty)
      throw conflict(
        'STOCK_SHORT',
        `「${d.generic_name}」库存不足：可发 ${got}${d.min_unit}（不含过期和召回批次），需要 ${line.qty}${d.min_unit}`,
        { drugId: d.id, available: got },
      );
    const rows = claimed.map((c) => {
      const price = must(d.unit_price_fen, 'price');
      const amount = Math.round((c.qty * price) / d.pack_qty);
      total += amount;
      return {
        dispense_id: head.id,
        county_id: countyId,
        org_id: orgId,
        resident_id: input.residentId,
        drug_id: d.id,
        batch_id: c.batchId,
        qty: c.qty,
        unit_price_fen: price,
        price_id: d.price_id,
        pack_qty: d.pack_qty,
        amount_fen: amount,
        usage: line.usage,
        dispensed_at: now,
      };
    });
    const ids = await trx.insertInto('dispense_lines').values(rows).returning(['id', 'batch_id']).execute();
    for (const r of ids) lineRows.push({ id: r.id, drugId: d.id, batchId: r.batch_id });
  }
  for (const line of input.lines)
    await assignTraceCodes(trx, {
      countyId,
      orgId,
      drugId: line.drugId,
      codes: line.traceCodes,
      lines: lineRows.filter((l) => l.drugId === line.drugId),
      at: now,
    });
  await sql`UPDATE dispenses SET total_fen = ${total} WHERE id = ${head.id}`.execute(trx);
  if (input.prescriptionId !== undefined) {
    const done = await trx
      .updateTable('prescriptions')
      .set({ status: 'dispensed' })
      .where('id', '=', input.prescriptionId)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('ALREADY_DISPENSED', '该处方已发药或已作废');
  }
  await writeAudit(trx, ctx.audit, {
    action: 'pharmacy.dispense',
    resource: 'dispense',
    resourceId: head.id,
    residentId: input.residentId,
    detail: { orgId, lines: input.lines.map((l) => ({ drugId: l.drugId, qty: l.qty })), totalFen: total },
  });
  return { result: await dispenseView(trx, head.id), replayed: false };
}

async function drugsWithPrice(trx: Kdb, countyId: number, ids: number[], at: Date) {
  return trx
    .selectFrom('drugs as d')
    .leftJoin('charge_prices as p', (j) =>
      j
        .onRef('p.item_code', '=', 'd.charge_code')
        .on('p.county_id', '=', countyId)
        .on('p.valid_from', '<=', at)
        .on((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', at)])),
    )
    .select([
      'd.id',
      'd.generic_name',
      'd.charge_code',
      'd.pack_qty',
      'd.pack_unit',
      'd.min_unit',
      'd.split_allowed',
      'd.active',
      'p.id as price_id',
      'p.price_fen as unit_price_fen',
    ])
    .where('d.county_id', '=', countyId)
    .where('d.id', 'in', ids)
    .execute();
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
