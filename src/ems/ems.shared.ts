import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { publishCommitted } from '../platform/events.ts';

/** Shared by the 120 services (issue 13): the scoped transaction, error mapping, mission access, live events. */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> =>
  withScope(ctx.db, ctx.scope, fn).catch((err: unknown) => {
    throw mapEmsError(err);
  });

/** the database's own refusals, turned into answers a person can act on */
export function mapEmsError(err: unknown): unknown {
  if (!(err instanceof Error) || !('code' in err)) return err;
  const constraint = 'constraint' in err ? err.constraint : undefined;
  if (err.code === '23514' && constraint === 'ems_event_order') return new AppError(422, 'EVENT_ORDER', err.message);
  if (err.code === '23514' && constraint === 'ems_vehicle_transition')
    return conflict('VEHICLE_TRANSITION', err.message);
  if (err.code === '23505' && constraint === 'ems_events_once')
    return conflict('MILESTONE_RECORDED', '该时间节点已记录；如需更正请联系调度中心补录说明');
  if (err.code === '23505' && constraint === 'ems_missions_one_active')
    return conflict('VEHICLE_BUSY', '该车辆正在执行其他任务，请选择其他车辆');
  return err;
}

/** 138****1234: lists and boards show a caller's number masked */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export interface MissionRow {
  id: number;
  call_id: number;
  vehicle_id: number;
  org_id: number;
  station_org_id: number;
  dest_org_id: number | null;
  channel: string;
  status: string;
  crew_staff_ids: number[];
  resident_id: number | null;
}

/**
 * A mission the caller may act on: row-level security decides which orgs' missions are
 * visible; a crew member sees only the missions whose crew they are on. Locks it when asked.
 */
export async function missionFor(ctx: Ctx, trx: Kdb, id: number, lock = false): Promise<MissionRow> {
  let q = trx
    .selectFrom('ems_missions')
    .select([
      'id',
      'call_id',
      'vehicle_id',
      'org_id',
      'station_org_id',
      'dest_org_id',
      'channel',
      'status',
      'crew_staff_ids',
      'resident_id',
    ])
    .where('id', '=', id)
    .where('county_id', '=', ctx.actor.countyId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || (ctx.scope.role === 'crew' && !row.crew_staff_ids.includes(ctx.actor.id))) throw notFound('出车任务');
  return row;
}

export const isActive = (status: string) => !['completed', 'cancelled'].includes(status);

export const EMS_TOPIC = {
  call: 'ems.call',
  vehicle: 'ems.vehicle',
  mission: 'ems.mission',
  preadmission: 'ems.preadmission',
} as const;

/** after commit: the board, the crews' phones and the destination's screen refetch */
export async function announce(
  ctx: Ctx,
  topic: (typeof EMS_TOPIC)[keyof typeof EMS_TOPIC],
  orgIds: ReadonlyArray<number | null>,
  data: Record<string, unknown>,
): Promise<void> {
  await publishCommitted(ctx.db, {
    topic,
    countyId: ctx.actor.countyId,
    orgIds: [...new Set(orgIds.filter((o): o is number => o !== null))],
    data,
  }).catch(() => undefined);
}

/** the source a person's own entry carries: the crew's phone, the dispatcher, the hospital */
export function sourceOf(ctx: Ctx): 'crew' | 'dispatcher' | 'hospital' {
  if (ctx.scope.role === 'crew') return 'crew';
  if (ctx.scope.role === 'dispatcher') return 'dispatcher';
  return 'hospital';
}

export const shanghaiDay = (d: Date) => sql<string>`(${d}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
