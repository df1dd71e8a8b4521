import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/errors.ts';

import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { fdSettings as settings } from '../family-doctor/contract.service.ts';
import type { gridCreate, gridLogCreate } from './chronic.schema.ts';

/**
 * Grids (网格化管理, issue 11): a grid member and at most N chronic patients of one village,
 * under a village doctor who leads at most M grids. Both limits are settings and are held by
 * conditional updates of a counter (patients < N, grids < M), which PostgreSQL re-checks after
 * a concurrent writer commits: two members added at once to a grid of N-1 leave it at N.
 */

const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>) => withScope(ctx.db, ctx.scope, fn);

export async function listGrids(ctx: Ctx) {
  // under the caller's scope: row-level security shows the alerts and logs of their villages
  const rows = await inScope(ctx, (trx) =>
    trx
      .selectFrom('grids as g')
      .innerJoin('orgs as o', 'o.id', 'g.org_id')
      .innerJoin('staff as m', 'm.id', 'g.member_staff_id')
      .innerJoin('staff as d', 'd.id', 'g.doctor_staff_id')
      .select([
        'g.id',
        'g.name',
        'g.org_id',
        'o.name as org_name',
        'g.member_staff_id',
        'm.display_name as member_name',
        'g.doctor_staff_id',
        'd.display_name as doctor_name',
        'g.patients',
      ])
      .select(
        sql<number>`(SELECT count(*)::int FROM grid_readings r WHERE r.grid_id = g.id AND r.alert AND r.handled_at IS NULL)`.as(
          'open_alerts',
        ),
      )
      .select(
        sql<string | null>`(SELECT max(l.week_start)::text FROM grid_logs l WHERE l.grid_id = g.id)`.as('last_log'),
      )
      .where('g.county_id', '=', ctx.actor.countyId)
      .where('g.org_id', 'in', ctx.scope.orgIds)
      .orderBy('o.code')
      .orderBy('g.name')
      .execute(),
  );
  const s = await settings(ctx.db, ctx.actor.countyId);
  return { maxPatients: s.grid_max_patients, maxGridsPerDoctor: s.doctor_max_grids, items: rows };
}

export async function createGrid(ctx: Ctx, input: z.infer<typeof gridCreate>) {
  if (!ctx.scope.orgIds.includes(input.orgId)) throw forbidden('只能在本村或下属村卫生室建立网格');
  const org = ctx.platform.orgTree.get(input.orgId);
  if (!org || org.kind !== 'village_clinic') throw badRequest('GRID_ORG_KIND', '网格应建在村卫生室', 'orgId');
  return inScope(ctx, async (trx) => {
    const people = await trx
      .selectFrom('staff')
      .select(['id', 'org_id', 'roles', 'disabled'])
      .where('id', 'in', [input.memberStaffId, input.doctorStaffId])
      .execute();
    const member = people.find((p) => p.id === input.memberStaffId);
    const doctor = people.find((p) => p.id === input.doctorStaffId);
    if (!member || member.disabled || !member.roles.includes('grid_member') || member.org_id !== input.orgId)
      throw badRequest('NOT_A_GRID_MEMBER', '网格员应为本村的网格员账号', 'memberStaffId');
    if (!doctor || doctor.disabled || !doctor.roles.includes('village_doctor') || doctor.org_id !== input.orgId)
      throw badRequest('NOT_A_VILLAGE_DOCTOR', '负责村医应为本村的村医账号', 'doctorStaffId');
    const s = await settings(trx, ctx.actor.countyId);
    await trx
      .insertInto('grid_doctor_loads')
      .values({ staff_id: doctor.id, county_id: ctx.actor.countyId })
      .onConflict((oc) => oc.column('staff_id').doNothing())
      .execute();
    const load = await sql<{ grids: number }>`
      UPDATE grid_doctor_loads SET grids = grids + 1 WHERE staff_id = ${doctor.id} AND grids < ${s.doctor_max_grids}
      RETURNING grids`.execute(trx);
    if (!load.rows[0]) throw conflict('DOCTOR_GRIDS_FULL', `该村医已负责 ${s.doctor_max_grids} 个网格，不能再增加`);
    const grid = await trx
      .insertInto('grids')
      .values({
        county_id: ctx.actor.countyId,
        org_id: input.orgId,
        name: input.name,
        member_staff_id: member.id,
        doctor_staff_id: doctor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'grids_member_staff_id_key'))
          throw conflict('MEMBER_HAS_GRID', '该网格员已负责一个网格');
        throw err;
      });
    await writeAudit(trx, ctx.audit, { action: 'grid.create', resource: 'grid', resourceId: grid.id, detail: input });
    return { id: grid.id };
  });
}

async function gridIn(trx: Kdb, ctx: Ctx, gridId: number) {
  const g = await trx
    .selectFrom('grids')
    .select(['id', 'org_id', 'member_staff_id', 'doctor_staff_id', 'name'])
    .where('id', '=', gridId)
    .where('county_id', '=', ctx.actor.countyId)
    .executeTakeFirst();
  if (!g || !ctx.scope.orgIds.includes(g.org_id)) throw notFound('网格');
  if (ctx.scope.role === 'grid_member' && g.member_staff_id !== ctx.actor.id) throw notFound('网格');
  return g;
}

export async function addPatient(ctx: Ctx, gridId: number, residentId: number) {
  return inScope(ctx, async (trx) => {
    const g = await gridIn(trx, ctx, gridId);
    const r = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'name'])
      .where('id', '=', residentId)
      .executeTakeFirst();
    if (!r || r.org_id !== g.org_id) throw badRequest('NOT_IN_VILLAGE', '网格只收本村的慢病患者', 'residentId');
    const chronic = await trx
      .selectFrom('chronic_cases')
      .select('id')
      .where('resident_id', '=', residentId)
      .where('state', 'in', ['confirmed', 'managed', 'lost'])
      .executeTakeFirst();
    if (!chronic) throw badRequest('NOT_CHRONIC', `${r.name}没有在管的慢病档案，不能编入网格`, 'residentId');
    const s = await settings(trx, ctx.actor.countyId);
    const room = await sql<{ patients: number }>`
      UPDATE grids SET patients = patients + 1 WHERE id = ${gridId} AND patients < ${s.grid_max_patients} RETURNING patients`.execute(
      trx,
    );
    if (!room.rows[0]) throw conflict('GRID_FULL', `网格已满 ${s.grid_max_patients} 人，请编入其他网格`);
    await trx
      .insertInto('grid_patients')
      .values({ grid_id: gridId, resident_id: residentId, org_id: g.org_id })
      .execute()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'grid_patients_resident_id_key'))
          throw conflict('ALREADY_IN_GRID', `${r.name}已在一个网格中`);
        throw err;
      });
    await writeAudit(trx, ctx.audit, { action: 'grid.patient.add', resource: 'grid', resourceId: gridId, residentId });
    return { gridId, patients: room.rows[0].patients };
  });
}

export async function removePatient(ctx: Ctx, gridId: number, residentId: number) {
  return inScope(ctx, async (trx) => {
    await gridIn(trx, ctx, gridId);
    const gone = await trx
      .deleteFrom('grid_patients')
      .where('grid_id', '=', gridId)
      .where('resident_id', '=', residentId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw notFound('网格中的该患者');
    await sql`UPDATE grids SET patients = patients - 1 WHERE id = ${gridId}`.execute(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'grid.patient.remove',
      resource: 'grid',
      resourceId: gridId,
      residentId,
    });
    return { gridId };
  });
}

/** The grid member's own grid: patients (masked beyond what a neighbour needs), their last readings. */
export async function mine(ctx: Ctx, on = todayInShanghai()) {
  return inScope(ctx, async (trx) => {
    const g = await trx
      .selectFrom('grids as g')
      .innerJoin('staff as d', 'd.id', 'g.doctor_staff_id')
      .innerJoin('orgs as o', 'o.id', 'g.org_id')
      .select([
        'g.id',
        'g.name',
        'g.patients',
        'o.name as org_name',
        'd.display_name as doctor_name',
        'd.mobile as doctor_mobile',
      ])
      .where('g.member_staff_id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (!g) return { grid: null, patients: [] };
    const patients = await trx
      .selectFrom('grid_patients as gp')
      .innerJoin('residents as r', 'r.id', 'gp.resident_id')
      .select(['r.id', 'r.name', 'r.sex', 'r.birth_date', 'r.mobile', 'r.id_number'])
      .select(
        sql<
          string[]
        >`ARRAY(SELECT c.disease FROM chronic_cases c WHERE c.resident_id = r.id AND c.state <> 'terminated' ORDER BY c.disease)`.as(
          'diseases',
        ),
      )
      .select(
        sql<
          string | null
        >`(SELECT min(c.next_due)::text FROM chronic_cases c WHERE c.resident_id = r.id AND c.state = 'managed')`.as(
          'next_due',
        ),
      )
      .select(
        sql<{
          kind: string;
          sbp: number | null;
          dbp: number | null;
          glucose: number | null;
          alert: boolean;
          at: string;
        } | null>`(
          SELECT json_build_object('kind', x.kind, 'sbp', x.sbp, 'dbp', x.dbp, 'glucose', x.glucose_mmol, 'alert', x.alert, 'at', x.recorded_at)
          FROM grid_readings x WHERE x.resident_id = r.id ORDER BY x.recorded_at DESC LIMIT 1)`.as('last_reading'),
      )
      .where('gp.grid_id', '=', g.id)
      .orderBy('r.name_pinyin')
      .execute();
    const logs = await trx
      .selectFrom('grid_logs')
      .select(['week_start', 'attendees', 'note'])
      .where('grid_id', '=', g.id)
      .orderBy('week_start', 'desc')
      .limit(8)
      .execute();
    return {
      grid: {
        id: g.id,
        name: g.name,
        patients: g.patients,
        orgName: g.org_name,
        doctorName: g.doctor_name,
        doctorMobile: maskMobile(g.doctor_mobile),
      },
      patients: patients.map((p) => ({
        residentId: p.id,
        name: p.name,
        sex: p.sex,
        age: ageOn(String(p.birth_date), on),
        mobile: maskMobile(p.mobile),
        idNumber: maskIdNumber(p.id_number),
        diseases: p.diseases,
        nextDue: p.next_due,
        lastReading: p.last_reading,
      })),
      logs: logs.map((l) => ({ weekStart: String(l.week_start), attendees: l.attendees, note: l.note })),
    };
  });
}

export async function addLog(ctx: Ctx, input: z.infer<typeof gridLogCreate>) {
  return inScope(ctx, async (trx) => {
    const g = await trx
      .selectFrom('grids')
      .select(['id', 'org_id'])
      .where('member_staff_id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (!g) throw notFound('您负责的网格');
    if (new Date(`${input.weekStart}T00:00:00Z`).getUTCDay() !== 1)
      throw badRequest('NOT_MONDAY', '请选择该周的周一', 'weekStart');
    const row = await trx
      .insertInto('grid_logs')
      .values({
        grid_id: g.id,
        org_id: g.org_id,
        week_start: input.weekStart,
        attendees: input.attendees,
        note: input.note,
        staff_id: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'grid_logs_grid_id_week_start_key'))
          throw conflict('LOG_EXISTS', '本周的交流记录已填写');
        throw err;
      });
    await writeAudit(trx, ctx.audit, { action: 'grid.log', resource: 'grid', resourceId: g.id });
    return { id: row.id };
  });
}
