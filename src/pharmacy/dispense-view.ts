import type { Kdb } from '../platform/db.ts';
import { maskMobile } from '../platform/mask.ts';

/** A dispensing as the counter shows it and its labels print it. */
export async function dispenseView(trx: Kdb, id: number) {
  const head = await trx
    .selectFrom('dispenses as x')
    .innerJoin('residents as r', 'r.id', 'x.resident_id')
    .innerJoin('orgs as o', 'o.id', 'x.org_id')
    .innerJoin('staff as s', 's.id', 'x.dispensed_by')
    .select([
      'x.id',
      'x.org_id',
      'o.name as org_name',
      'x.resident_id',
      'r.name as resident_name',
      'r.sex',
      'r.mobile',
      'x.prescription_id',
      'x.total_fen',
      'x.dispensed_at',
      'x.device_at',
      's.display_name as dispensed_by',
      'x.note',
    ])
    .where('x.id', '=', id)
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('dispense_lines as l')
    .innerJoin('drugs as d', 'd.id', 'l.drug_id')
    .innerJoin('stock_batches as b', 'b.id', 'l.batch_id')
    .select([
      'l.id',
      'l.drug_id',
      'd.generic_name',
      'd.brand_name',
      'd.spec',
      'd.min_unit',
      'd.pack_unit',
      'l.pack_qty',
      'l.qty',
      'l.returned_qty',
      'l.unit_price_fen',
      'l.amount_fen',
      'l.usage',
      'b.batch_no',
      'b.expiry_date',
    ])
    .where('l.dispense_id', '=', id)
    .orderBy('l.id')
    .execute();
  const codes = lines.length
    ? await trx
        .selectFrom('trace_codes')
        .select(['code', 'dispense_line_id'])
        .where(
          'dispense_line_id',
          'in',
          lines.map((l) => l.id),
        )
        .execute()
    : [];
  return {
    id: head.id,
    orgId: head.org_id,
    orgName: head.org_name,
    residentId: head.resident_id,
    residentName: head.resident_name,
    sex: head.sex,
    mobile: maskMobile(head.mobile),
    prescriptionId: head.prescription_id,
    totalFen: Number(head.total_fen),
    dispensedAt: head.dispensed_at.toISOString(),
    deviceAt: head.device_at?.toISOString() ?? null,
    dispensedBy: head.dispensed_by,
    note: head.note,
    lines: lines.map((l) => ({
      id: l.id,
      drugId: l.drug_id,
      name: l.generic_name,
      brandName: l.brand_name,
      spec: l.spec,
      minUnit: l.min_unit,
      packUnit: l.pack_unit,
      packQty: l.pack_qty,
      qty: l.qty,
      returnedQty: l.returned_qty,
      unitPriceFen: l.unit_price_fen,
      amountFen: Number(l.amount_fen),
      usage: l.usage,
      batchNo: l.batch_no,
      expiryDate: l.expiry_date,
      traceCodes: codes.filter((c) => c.dispense_line_id === l.id).map((c) => c.code),
    })),
  };
}
export type DispenseView = Awaited<ReturnType<typeof dispenseView>>;
