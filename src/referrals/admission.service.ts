import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import * as residents from '../residents/residents.service.ts';
import type { Admission, AdmissionCreate } from './admission.schema.ts';
import { referralPriority } from './referral.queries.ts';
import { iso } from './referral.view.ts';

function base(db: Kdb) {
  return db
    .selectFrom('admission_requests as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('beds as b', 'b.id', 'a.bed_id')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .selectAll('a')
    .select(['d.name as department_name', 'b.code as bed_code', 'r.name as resident_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toAdmission = (r: Row): Admission => ({
  id: r.id,
  residentId: r.resident_id,
  residentName: r.resident_name,
  referralId: r.referral_id,
  orgId: r.org_id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  urgency: r.urgency as Admission['urgency'],
  priority: r.priority,
  status: r.status as Admission['status'],
  bedId: r.bed_id,
  bedCode: r.bed_code,
  note: r.note,
  requestedAt: iso(r.requested_at)!,
  admittedAt: iso(r.admitted_at),
  dischargedAt: iso(r.discharged_at),
});

async function department(ctx: Ctx, db: Kdb, departmentId: number) {
  const d = await db
    .selectFrom('departments')
    .select(['id', 'name', 'org_id', 'county_id'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!d || d.county_id !== ctx.actor.countyId || !ctx.scope.orgIds.includes(d.org_id))
    throw badRequest('INVALID_DEPARTMENT', '科室不存在或不在您的管辖范围内', 'departmentId');
  return d;
}

const announce = (trx: Kdb, countyId: number, orgId: number, data: Record<string, unknown>) =>
  publish(trx, { topic: 'admission.changed', countyId, orgIds: [orgId], data });

export async function addBeds(ctx: Ctx, departmentId: number, codes: string[]) {
  const d = await department(ctx, ctx.db, departmentId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('beds')
      .values(
        [...new Set(codes)].map((code) => ({ county_id: d.county_id, org_id: d.org_id, department_id: d.id, code })),
      )
      .onConflict((oc) => oc.columns(['department_id', 'code']).doNothing())
      .execute();
    await writeAudit(trx, ctx.audit, { action: 'bed.create', resource: 'bed', detail: { departmentId, codes } });
  });
  return board(ctx, departmentId);
}

export async function request(ctx: Ctx, input: AdmissionCreate): Promise<Admission> {
  await residents.get(ctx, input.residentId);
  const d = await department(ctx, ctx.db, input.departmentId);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const priority = await referralPriority(trx, input.referralId, input.residentId);
    const row = await trx
      .insertInto('admission_requests')
      .values({
        county_id: d.county_id,
        resident_id: input.residentId,
        referral_id: input.referralId ?? null,
        org_id: d.org_id,
        department_id: d.id,
        urgency: input.urgency,
        priority,
        note: input.note ?? null,
        requested_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (err instanceof Error && 'constraint' in err && err.constraint === 'admission_one_open_per_referral')
          throw conflict('ALREADY_REQUESTED', '该转诊患者已有住院申请');
        throw err;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.request',
      resource: 'admission',
      resourceId: row.id,
      residentId: input.residentId,
    });
    await announce(trx, d.county_id, d.org_id, { id: row.id, departmentId: d.id, status: 'requested' });
    return toAdmission(await base(trx).where('a.id', '=', row.id).executeTakeFirstOrThrow());
  });
}

export async function board(ctx: Ctx, departmentId: number) {
  const d = await department(ctx, ctx.db, departmentId);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const beds = await trx
      .selectFrom('beds')
      .select(['id', 'code'])
      .where('department_id', '=', departmentId)
      .where('active', '=', true)
      .orderBy('code')
      .execute();
    const open = await base(trx)
      .where('a.department_id', '=', departmentId)
      .where('a.status', 'in', ['requested', 'admitted'])
      .orderBy(sql`CASE a.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`)
      .orderBy('a.priority', 'desc')
      .orderBy('a.requested_at')
      .orderBy('a.id')
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'admission.board',
      resource: 'admission',
      detail: { departmentId, results: open.map((r) => r.id) },
    });
    return {
      department: { id: d.id, name: d.name, orgId: d.org_id },
      beds: beds.map((b) => ({
        id: b.id,
        code: b.code,
        admission: (() => {
          const a = open.find((x) => x.bed_id === b.id && x.status === 'admitted');
          return a ? toAdmission(a) : null;
        })(),
      })),
      waiting: open.filter((a) => a.status === 'requested').map(toAdmission),
    };
  });
}

/** One patient per bed and one bed per patient: the partial unique index settles a race. */
export async function admit(ctx: Ctx, id: number, bedId: number): Promise<Admission> {
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const a = await trx.selectFrom('admission_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a) return null;
    const bed = await trx.selectFrom('beds').select(['id', 'department_id']).where('id', '=', bedId).executeTakeFirst();
    if (!bed || bed.department_id !== a.department_id) throw badRequest('INVALID_BED', '床位不属于该科室', 'bedId');
    const r = await trx
      .updateTable('admission_requests')
      .set({ status: 'admitted', bed_id: bedId, admitted_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n)
      throw conflict('INVALID_TRANSITION', '该住院申请已办理或已撤销', { currentStatus: a.status });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.admit',
      resource: 'admission',
      resourceId: id,
      residentId: a.resident_id,
      detail: { bedId },
    });
    await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'admitted' });
    return toAdmission(await base(trx).where('a.id', '=', id).executeTakeFirstOrThrow());
  }).catch((err: unknown) => {
    if (err instanceof Error && 'constraint' in err && err.constraint === 'admission_one_patient_per_bed')
      throw conflict('BED_OCCUPIED', '该床位已有患者，请选择其他床位');
    throw err;
  });
  if (!out) throw notFound('住院申请');
  return out;
}

export async function discharge(ctx: Ctx, id: number): Promise<Admission> {
  const out = await withScope(ctx.db, ctx.scope, async (trx) => {
    const a = await trx.selectFrom('admission_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a) return null;
    const r = await trx
      .updateTable('admission_requests')
      .set({ status: 'discharged', discharged_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'admitted')
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n)
      throw new AppError(409, 'INVALID_TRANSITION', '只有在院患者可以办理出院', undefined, { currentStatus: a.status });
    await writeAudit(trx, ctx.audit, {
      action: 'admission.discharge',
      resource: 'admission',
      resourceId: id,
      residentId: a.resident_id,
    });
    await announce(trx, a.county_id, a.org_id, { id, departmentId: a.department_id, status: 'discharged' });
    return toAdmission(await base(trx).where('a.id', '=', id).executeTakeFirstOrThrow());
  });
  if (!out) throw notFound('住院申请');
  return out;
}
