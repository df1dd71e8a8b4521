import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import { sortSql } from '../platform/list.ts';
import type { ContractQuery } from './fd.schema.ts';

export async function event(
  trx: Kdb,
  e: {
    contractId: number;
    orgId: number;
    action: 'sign' | 'renew' | 'terminate' | 'change_team';
    staffId: number;
    reason: string | null;
    detail: Record<string, unknown> | null;
  },
): Promise<void> {
  await trx
    .insertInto('fd_contract_events')
    .values({
      contract_id: e.contractId,
      org_id: e.orgId,
      action: e.action,
      staff_id: e.staffId,
      reason: e.reason,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

export interface FdSettings {
  grid_max_patients: number;
  doctor_max_grids: number;
  renewal_window_days: number;
  idle_days: number;
}

export async function settings(db: Kdb, countyId: number): Promise<FdSettings> {
  const s = await db
    .selectFrom('fd_settings')
    .select(['grid_max_patients', 'doctor_max_grids', 'renewal_window_days', 'idle_days'])
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  return s ?? { grid_max_patients: 20, doctor_max_grids: 15, renewal_window_days: 30, idle_days: 90 };
}

/** the version of each package code in force on a day */
export async function currentPackageIds(
  db: Kdb,
  countyId: number,
  codes: readonly string[],
  on: string,
): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('fd_packages')
    .select(['id', 'code', 'version'])
    .where('county_id', '=', countyId)
    .where('code', 'in', [...codes])
    .where('effective_from', '<=', on)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', on)]))
    .orderBy('version', 'desc')
    .execute();
  const best = new Map<string, number>();
  for (const r of rows) if (!best.has(r.code)) best.set(r.code, r.id);
  return [...best.values()];
}

/**
 * The contract list: one row per contract with the resident, team, doctor, packages,
 * fulfilment (Σ min(used, quota) / Σ quota) and last delivery. Views:
 * active (in force on `on`), renewal (in force, ending within the window, not yet renewed),
 * idle (签而不约: in force, signed at least idle_days ago, nothing delivered in idle_days),
 * ended (terminated or past its end), all.
 */
export function contractList(db: Kdb, countyId: number, input: ContractQuery, on: string, s: FdSettings) {
  const fulfilment = sql<
    number | null
  >`(SELECT round(sum(least(e.used, e.quota))::numeric * 100 / nullif(sum(e.quota), 0), 1)
    FROM fd_entitlements e WHERE e.contract_id = c.id)`;
  const lastDelivery = sql<
    string | null
  >`(SELECT max(d.delivered_on)::text FROM fd_deliveries d WHERE d.contract_id = c.id)`;
  let query = db
    .selectFrom('fd_contracts as c')
    .innerJoin('residents as r', 'r.id', 'c.resident_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('fd_teams as t', 't.id', 'c.team_id')
    .innerJoin('staff as d', 'd.id', 'c.doctor_staff_id')
    .leftJoin('grid_patients as gp', 'gp.resident_id', 'c.resident_id')
    .leftJoin('grids as g', 'g.id', 'gp.grid_id')
    .leftJoin('staff as gm', 'gm.id', 'g.member_staff_id')
    .select([
      'c.id',
      'c.resident_id',
      'r.name as resident_name',
      'r.sex',
      'r.birth_date',
      'r.id_number',
      'r.mobile',
      'r.household_no',
      'o.name as org_name',
      't.name as team_name',
      'd.display_name as doctor_name',
      'gm.display_name as grid_member_name',
      'c.cadre_name',
      'c.status',
      'c.key_pops',
      'c.signed_to',
      'c.end_reason',
      'c.renewed_from_id',
    ])
    .select(sql<string>`lower(c.period)::text`.as('start'))
    .select(sql<string>`upper(c.period)::text`.as('end'))
    .select(fulfilment.as('fulfilment'))
    .select(lastDelivery.as('last_delivery'))
    .select(
      sql<string[]>`ARRAY(SELECT p.name FROM fd_contract_packages cp JOIN fd_packages p ON p.id = cp.package_id
        WHERE cp.contract_id = c.id ORDER BY p.category, p.code)`.as('packages'),
    )
    .select(sql<boolean>`EXISTS (SELECT 1 FROM fd_contracts n WHERE n.renewed_from_id = c.id)`.as('renewed'))
    .where('c.county_id', '=', countyId);
  const inForce = sql<boolean>`c.status = 'active' AND c.period @> ${on}::date`;
  switch (input.view) {
    case 'active':
      query = query.where(inForce);
      break;
    case 'renewal':
      query = query
        .where(inForce)
        .where('c.signed_to', '<=', sql<string>`(${on}::date + ${s.renewal_window_days}::int)`)
        .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM fd_contracts n WHERE n.renewed_from_id = c.id)`);
      break;
    case 'idle':
      query = query
        .where(inForce)
        .where(sql<boolean>`lower(c.period) <= ${on}::date - ${s.idle_days}::int`)
        .where(
          sql<boolean>`NOT EXISTS (SELECT 1 FROM fd_deliveries d WHERE d.contract_id = c.id
            AND d.delivered_on > ${on}::date - ${s.idle_days}::int AND d.delivered_on <= ${on}::date)`,
        );
      break;
    case 'ended':
      query = query.where((eb) => eb.or([eb('c.status', '=', 'terminated'), eb('c.signed_to', '<=', on)]));
      break;
    default:
      break;
  }
  if (input.teamId) query = query.where('c.team_id', '=', input.teamId);
  if (input.orgId) query = query.where('c.org_id', '=', input.orgId);
  if (input.keyPop) query = query.where(sql<boolean>`${input.keyPop} = ANY(c.key_pops)`);
  const staffId = input.staffId;
  if (staffId)
    query = query.where((eb) => eb.or([eb('c.doctor_staff_id', '=', staffId), eb('g.member_staff_id', '=', staffId)]));
  const q = input.q;
  if (q) {
    const like = `%${q}%`;
    query = query.where((eb) =>
      eb.or([
        eb('r.name', 'like', like),
        eb('r.name_initials', 'like', `${q.toLowerCase()}%`),
        eb('r.id_number', '=', q),
      ]),
    );
  }
  const order = sortSql(input.sort, {
    signedTo: sql`c.signed_to`,
    fulfilment,
    name: sql`r.name_pinyin`,
  });
  return order ? query.orderBy(order).orderBy('c.id') : query.orderBy('c.signed_to').orderBy('c.id');
}
