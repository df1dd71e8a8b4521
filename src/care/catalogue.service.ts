import type { Ctx } from '../platform/context.ts';
import { searchIcd10 } from '../referrals/icd10.ts';
import type { ChargeItem } from './care.schema.ts';
import * as cq from './charge.queries.ts';

export async function catalogue(
  ctx: Ctx,
  input: { q?: string; category?: ChargeItem['category'] },
): Promise<ChargeItem[]> {
  const rows = await cq.catalogueWithPrices(ctx.db, ctx.actor.countyId, new Date(), input);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category,
    insuranceClass: r.insurance_class,
    selfPayBp: r.self_pay_bp,
    unit: r.unit,
    spec: r.spec,
    tcm: r.tcm,
    priceFen: r.price_fen,
  }));
}

export function searchDiagnoses(q: string) {
  return searchIcd10(q, 30).map((c) => ({ code: c.code, name: c.name, initials: c.initials }));
}
