import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ServiceKind } from './fd.tables.ts';

/**
 * 履约: a delivered service counts against the entitlements of the contract in force on its
 * day. The delivery row is claimed first (unique per source record and kind, so a retried
 * follow-up never counts twice); then one entitlement of the kind is drawn by a conditional
 * UPDATE (used < quota), which PostgreSQL re-checks after any concurrent writer commits, so
 * concurrent deliveries never push `used` past `quota` (the CHECK is the second wall). A
 * delivery beyond every quota is kept, uncounted.
 */
export interface Delivery {
  countyId: number;
  residentId: number;
  serviceKind: ServiceKind;
  on: string;
  staffId: number | null;
  source: 'followup' | 'visit' | 'exam' | 'manual';
  sourceRef: string;
  /** a given contract (manual entry); otherwise the resident's contract in force on the day */
  contractId?: number;
}

export type DeliveryResult =
  | { status: 'no_contract' }
  | { status: 'duplicate'; contractId: number }
  | { status: 'counted' | 'over_quota'; contractId: number; deliveryId: number; entitlementId: number | null };

export async function deliver(trx: Kdb, d: Delivery): Promise<DeliveryResult> {
  let query = trx
    .selectFrom('fd_contracts')
    .select(['id', 'org_id'])
    .where('resident_id', '=', d.residentId)
    .where('status', '=', 'active')
    .where(sql<boolean>`period @> ${d.on}::date`);
  if (d.contractId !== undefined) query = query.where('id', '=', d.contractId);
  const contract = await query.executeTakeFirst();
  if (!contract) return { status: 'no_contract' };
  const claimed = await trx
    .insertInto('fd_deliveries')
    .values({
      county_id: d.countyId,
      org_id: contract.org_id,
      contract_id: contract.id,
      resident_id: d.residentId,
      service_kind: d.serviceKind,
      delivered_on: d.on,
      staff_id: d.staffId,
      source: d.source,
      source_ref: d.sourceRef,
    })
    .onConflict((oc) => oc.columns(['source', 'source_ref', 'service_kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return { status: 'duplicate', contractId: contract.id };
  const drawn = await sql<{ id: number }>`
    UPDATE fd_entitlements SET used = used + 1
    WHERE id = (
      SELECT id FROM fd_entitlements
      WHERE contract_id = ${contract.id} AND service_kind = ${d.serviceKind} AND used < quota
      ORDER BY id LIMIT 1
    ) AND used < quota
    RETURNING id`.execute(trx);
  let entitlementId = drawn.rows[0]?.id ?? null;
  // a concurrent delivery took the last unit of the first row between the two looks: try the others in turn
  if (entitlementId === null) {
    const others = await trx
      .selectFrom('fd_entitlements')
      .select('id')
      .where('contract_id', '=', contract.id)
      .where('service_kind', '=', d.serviceKind)
      .orderBy('id')
      .execute();
    for (const o of others) {
      const r = await sql<{ id: number }>`
        UPDATE fd_entitlements SET used = used + 1 WHERE id = ${o.id} AND used < quota RETURNING id`.execute(trx);
      if (r.rows[0]) {
        entitlementId = r.rows[0].id;
        break;
      }
    }
  }
  if (entitlementId !== null)
    await trx
      .updateTable('fd_deliveries')
      .set({ entitlement_id: entitlementId })
      .where('id', '=', claimed.id)
      .execute();
  return {
    status: entitlementId === null ? 'over_quota' : 'counted',
    contractId: contract.id,
    deliveryId: claimed.id,
    entitlementId,
  };
}
