import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays, ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import * as kit from '../remote/kit-chronic.service.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, toXlsx } from '../platform/list.ts';
import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { DISEASE_LABELS, inScope, STATE_LABELS } from './case.service.ts';
import type { CaseQuery } from './chronic.schema.ts';

/** The chronic registry's list, its Excel twin and one case with its history (a grid member: their grid's only). */

function caseList(db: Kdb, countyId: number, input: CaseQuery, on: string, gridMemberId: number | null) {
  let query = db
    .selectFrom('chronic_cases as c')
    .innerJoin('residents as r', 'r.id', 'c.resident_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('grid_patients as gp', 'gp.resident_id', 'c.resident_id')
    .leftJoin('grids as g', 'g.id', 'gp.grid_id')
    .select([
      'c.id',
      'c.resident_id',
      'r.name as resident_name',
      'r.sex',
      'r.birth_date',
      'r.id_number',
      'r.mobile',
      'o.name as org_name',
      'c.disease',
      'c.state',
      'c.next_due',
      'c.last_followup_on',
      'c.last_class',
      'c.unsatisfied_streak',
      'g.name as grid_name',
    ])
    .select(
      sql<string | null>`(SELECT f.sbp || '/' || f.dbp FROM followups f WHERE f.case_id = c.id AND f.sbp IS NOT NULL
        ORDER BY f.visit_date DESC, f.recorded_at DESC LIMIT 1)`.as('last_bp'),
    )
    .select(
      sql<
        string | null
      >`(SELECT fc.outcome || ' ' || fc.called_on FROM followup_calls fc WHERE fc.case_id = c.id ORDER BY fc.at DESC LIMIT 1)`.as(
        'last_call',
      ),
    )
    .where('c.county_id', '=', countyId);
  if (gridMemberId !== null) query = query.where('g.member_staff_id', '=', gridMemberId);
  if (input.disease) query = query.where('c.disease', '=', input.disease);
  if (input.state) query = query.where('c.state', '=', input.state);
  if (input.orgId) query = query.where('c.org_id', '=', input.orgId);
  if (input.gridId) query = query.where('g.id', '=', input.gridId);
  if (input.lastClass) query = query.where('c.last_class', '=', input.lastClass);
  if (input.due) {
    query = query.where('c.state', 'in', ['managed', 'confirmed']);
    if (input.due === 'overdue') query = query.where('c.next_due', '<', on);
    else if (input.due === 'today') query = query.where('c.next_due', '=', on);
    else query = query.where('c.next_due', '>=', on).where('c.next_due', '<=', addDays(on, 6));
  }
  if (input.q) {
    const q = input.q;
    query = query.where((eb) =>
      eb.or([
        eb('r.name', 'like', `%${q}%`),
        eb('r.name_initials', 'like', `${q.toLowerCase()}%`),
        eb('r.id_number', '=', q),
      ]),
    );
  }
  const sort = input.sort ?? 'nextDue';
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const col = key === 'lastFollowup' ? sql`c.last_followup_on` : key === 'name' ? sql`r.name_pinyin` : sql`c.next_due`;
  return query.orderBy(sql`${col} ${sql.raw(desc ? 'DESC NULLS LAST' : 'ASC NULLS LAST')}`).orderBy('c.id');
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof caseList>['execute']>>[number];
const toCase = (on: string) => (r: CaseRow) => ({
  id: r.id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  sex: r.sex,
  age: ageOn(String(r.birth_date), on),
  idNumber: maskIdNumber(r.id_number),
  mobile: maskMobile(r.mobile),
  orgName: r.org_name,
  disease: r.disease,
  state: r.state,
  nextDue: r.next_due ? String(r.next_due) : null,
  overdueDays:
    r.next_due && String(r.next_due) < on
      ? Math.round((Date.parse(on) - Date.parse(String(r.next_due))) / 86_400_000)
      : 0,
  lastFollowupOn: r.last_followup_on ? String(r.last_followup_on) : null,
  lastClass: r.last_class,
  streak: r.unsatisfied_streak,
  lastBp: r.last_bp,
  lastCall: r.last_call,
  gridName: r.grid_name,
});

const gridMemberOf = (ctx: Ctx) => (ctx.scope.role === 'grid_member' ? ctx.actor.id : null);

export async function listCases(ctx: Ctx, input: CaseQuery) {
  const on = input.on ?? todayInShanghai();
  return inScope(ctx, async (trx) => {
    const { rows, meta } = await fetchPage(trx, caseList(trx, ctx.actor.countyId, input, on, gridMemberOf(ctx)), input);
    return { ...meta, items: rows.map(toCase(on)) };
  });
}

export async function exportCases(ctx: Ctx, input: CaseQuery) {
  const on = input.on ?? todayInShanghai();
  const rows = await inScope(ctx, async (trx) =>
    refuseIfTooMany(
      await exportRows(trx, ctx.audit, caseList(trx, ctx.actor.countyId, input, on, gridMemberOf(ctx)), {
        action: 'chronic.cases.export',
        resource: 'chronic_case',
        filter: exportFilter(input),
      }),
    ),
  );
  return toXlsx(
    rows.map(toCase(on)),
    [
      { header: '居民', value: (r) => r.residentName, width: 10 },
      { header: '性别', value: (r) => (r.sex === 'M' ? '男' : '女'), width: 6 },
      { header: '年龄', value: (r) => r.age, width: 6 },
      { header: '身份证号', value: (r) => r.idNumber, width: 20 },
      { header: '村卫生室', value: (r) => r.orgName, width: 20 },
      { header: '网格', value: (r) => r.gridName, width: 14 },
      { header: '病种', value: (r) => DISEASE_LABELS[r.disease], width: 10 },
      { header: '状态', value: (r) => STATE_LABELS[r.state], width: 10 },
      { header: '最近随访', value: (r) => r.lastFollowupOn, width: 12 },
      { header: '最近血压', value: (r) => r.lastBp, width: 10 },
      { header: '随访分类', value: (r) => r.lastClass, width: 8 },
      { header: '下次随访', value: (r) => r.nextDue, width: 12 },
      { header: '逾期天数', value: (r) => r.overdueDays || null, width: 8 },
    ],
    '慢病管理档案',
  );
}

export async function getCase(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const member = gridMemberOf(ctx);
    const rows = await caseList(trx, ctx.actor.countyId, { page: 1, pageSize: 1 }, todayInShanghai(), member)
      .where('c.id', '=', id)
      .execute();
    const c = rows[0];
    if (!c) throw notFound('慢病档案');
    const followups = await trx
      .selectFrom('followups as f')
      .innerJoin('staff as s', 's.id', 'f.staff_id')
      .select([
        'f.id',
        'f.visit_date',
        'f.mode',
        'f.sbp',
        'f.dbp',
        'f.heart_rate',
        'f.fbg_mmol',
        'f.classification',
        'f.controlled',
        'f.referral',
        'f.referral_reasons',
        'f.referral_id',
        'f.next_due',
        'f.late_entry',
        'f.recorded_at',
        'f.device_at',
        'f.form',
        's.display_name as staff_name',
      ])
      .where('f.case_id', '=', id)
      .orderBy('f.visit_date', 'desc')
      .orderBy('f.recorded_at', 'desc')
      .limit(100)
      .execute();
    const events = await trx
      .selectFrom('chronic_case_events')
      .select(['from_state', 'to_state', 'on_date', 'reason', 'at'])
      .where('case_id', '=', id)
      .orderBy('at')
      .execute();
    const calls = await trx
      .selectFrom('followup_calls as fc')
      .innerJoin('staff as s', 's.id', 'fc.staff_id')
      .select(['fc.outcome', 'fc.note', 'fc.called_on', 's.display_name as staff_name'])
      .where('fc.case_id', '=', id)
      .orderBy('fc.at', 'desc')
      .limit(50)
      .execute();
    const readings = await trx
      .selectFrom('grid_readings')
      .select([
        'id',
        'kind',
        'sbp',
        'dbp',
        'glucose_mmol',
        'symptoms',
        'needs_doctor',
        'note',
        'alert',
        'alert_reasons',
        'handled_at',
        'recorded_at',
      ])
      .where('resident_id', '=', c.resident_id)
      .orderBy('recorded_at', 'desc')
      .limit(50)
      .execute();
    // the village kit's blood pressure, glucose, SpO2 and temperature (issue 12 §6)
    const kitReadings = await kit.kitReadingsOfResident(trx, c.resident_id);
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.case.view',
      resource: 'chronic_case',
      resourceId: id,
      residentId: c.resident_id,
    });
    return {
      ...toCase(todayInShanghai())(c),
      followups: followups.map((f) => ({
        id: f.id,
        visitDate: String(f.visit_date),
        mode: f.mode,
        sbp: f.sbp,
        dbp: f.dbp,
        heartRate: f.heart_rate,
        fbg: f.fbg_mmol === null ? null : Number(f.fbg_mmol),
        classification: f.classification,
        controlled: f.controlled,
        referral: f.referral,
        reasons: f.referral_reasons,
        referralId: f.referral_id,
        nextDue: String(f.next_due),
        lateEntry: f.late_entry,
        recordedAt: f.recorded_at,
        deviceAt: f.device_at,
        staffName: f.staff_name,
        form: f.form,
      })),
      events: events.map((e) => ({
        from: e.from_state,
        to: e.to_state,
        onDate: String(e.on_date),
        reason: e.reason,
        at: e.at,
      })),
      calls: calls.map((k) => ({
        outcome: k.outcome,
        note: k.note,
        calledOn: String(k.called_on),
        staffName: k.staff_name,
      })),
      readings: readings.map((g) => ({ ...g, glucose: g.glucose_mmol === null ? null : Number(g.glucose_mmol) })),
      kitReadings,
    };
  });
}
