import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { inScope } from './remote.shared.ts';

/**
 * The clinician's durable inbox (issue 12 §4): notifications are rows first and pushes second,
 * so a device that was offline asks for everything after the last id it saw and misses
 * nothing. `unacknowledged` is what the red banner shows whatever the device has seen: the
 * critical values still waiting for my clinic's (or, once escalated, my) read-back.
 */
export async function inbox(ctx: Ctx, after: number, limit: number) {
  const orgs = ctx.scope.orgIds.length ? ctx.scope.orgIds : [0];
  const me = ctx.actor.id;
  return inScope(ctx, async (trx) => {
    const { rows: items } = await sql<{
      id: string;
      kind: string;
      critical_id: number | null;
      request_id: number | null;
      title: string;
      body: string | null;
      created_at: Date;
      critical_status: string | null;
    }>`SELECT n.id::text AS id, n.kind, n.critical_id, n.request_id, n.title, n.body, n.created_at,
        c.status AS critical_status
      FROM remote_notifications n LEFT JOIN remote_criticals c ON c.id = n.critical_id
      WHERE n.county_id = ${ctx.actor.countyId} AND n.org_id = ANY (${orgs}::integer[])
        AND (n.staff_id IS NULL OR n.staff_id = ${me}) AND n.id > ${after}
      ORDER BY n.id LIMIT ${limit}`.execute(trx);
    const { rows: open } = await sql<{
      id: number;
      request_id: number;
      item_name: string;
      detail: string;
      notified_at: Date;
      resident_name: string | null;
      requesting_org_name: string;
      accession: string;
    }>`SELECT c.id, c.request_id, i.name AS item_name, c.detail, c.notified_at, p.name AS resident_name,
        o.name AS requesting_org_name, r.accession
      FROM remote_criticals c
      JOIN remote_critical_items i ON i.code = c.item_code
      JOIN remote_requests r ON r.id = c.request_id
      JOIN orgs o ON o.id = c.requesting_org_id
      LEFT JOIN residents p ON p.id = r.resident_id
      WHERE c.county_id = ${ctx.actor.countyId} AND c.status = 'notified'
        AND (c.requesting_org_id = ANY (${orgs}::integer[])
             OR EXISTS (SELECT 1 FROM remote_notifications n WHERE n.critical_id = c.id AND n.staff_id = ${me}))
      ORDER BY c.notified_at, c.id LIMIT 50`.execute(trx);
    return {
      items: items.map((n) => ({
        id: Number(n.id),
        kind: n.kind,
        criticalId: n.critical_id,
        requestId: n.request_id,
        title: n.title,
        body: n.body,
        createdAt: new Date(n.created_at).toISOString(),
        criticalStatus: n.critical_status,
      })),
      lastId: items.length ? Number(items[items.length - 1].id) : after,
      unacknowledged: open.map((c) => ({
        id: c.id,
        requestId: c.request_id,
        itemName: c.item_name,
        detail: c.detail,
        notifiedAt: new Date(c.notified_at).toISOString(),
        residentName: c.resident_name,
        requestingOrgName: c.requesting_org_name,
        accession: c.accession,
      })),
    };
  });
}
