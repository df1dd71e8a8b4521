import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { inScope } from './ems.shared.ts';
import { stillExpected } from './preadmission.service.ts';
import { DEPART_LIMIT_S } from './ems.states.ts';

/**
 * The home page's 120 counts (issue 13): the dispatcher's waiting calls and running missions
 * (to do first: a call waiting over 60 s, a vehicle not out 3 minutes after dispatch), the crew's
 * own missions, the hospital's patients on their way (to do first: no team activated yet).
 */
export async function dispatchTodo(ctx: Ctx) {
  const now = ctx.platform.config.now();
  return inScope(ctx, async (trx) => {
    const r = await sql<{ calls: number; calls_old: number; missions: number; not_out: number }>`SELECT
        (SELECT count(*)::int FROM ems_calls WHERE county_id = ${ctx.actor.countyId} AND status = 'open') AS calls,
        (SELECT count(*)::int FROM ems_calls WHERE county_id = ${ctx.actor.countyId} AND status = 'open'
           AND received_at < ${now}::timestamptz - interval '60 seconds') AS calls_old,
        (SELECT count(*)::int FROM ems_missions WHERE county_id = ${ctx.actor.countyId}
           AND status NOT IN ('completed', 'cancelled')) AS missions,
        (SELECT count(*)::int FROM ems_missions WHERE county_id = ${ctx.actor.countyId} AND status = 'dispatched'
           AND created_at < ${now}::timestamptz - make_interval(secs => ${DEPART_LIMIT_S})) AS not_out`.execute(trx);
    return r.rows[0];
  });
}

export async function crewTodo(ctx: Ctx) {
  return inScope(ctx, async (trx) => {
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ems_missions WHERE county_id = ${ctx.actor.countyId}
      AND status NOT IN ('completed', 'cancelled') AND crew_staff_ids @> ARRAY[${ctx.actor.id}]::integer[]`.execute(
      trx,
    );
    return r.rows[0].n;
  });
}

export async function hospitalTodo(ctx: Ctx) {
  const orgs = ctx.scope.orgIds.length ? ctx.scope.orgIds : [0];
  return inScope(ctx, async (trx) => {
    // the same rule as the 预计到达 list: a stood-down mission or one ended short of the door is not awaited
    const r = await sql<{ expected: number; no_team: number }>`SELECT count(*)::int AS expected,
        count(*) FILTER (WHERE p.team IS NULL)::int AS no_team
      FROM ems_preadmissions p JOIN ems_missions m ON m.id = p.mission_id
      WHERE p.county_id = ${ctx.actor.countyId} AND ${stillExpected}
        AND p.dest_org_id = ANY (${orgs}::integer[])`.execute(trx);
    return r.rows[0];
  });
}
