import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, isUniqueViolation, notFound, requireChanges } from '../platform/errors.ts';
import { maskMobile } from '../platform/mask.ts';
import type { Role } from '../platform/roles.ts';
import { seesStaffContact } from '../policy.ts';
import * as q from './expert.queries.ts';
import type { Expert, ExpertCreate, ExpertPatch, ExpertSearch } from './expert.schema.ts';

export function toExpert(r: NonNullable<Awaited<ReturnType<typeof q.findById>>>, role: Role | null): Expert {
  const full = seesStaffContact(role);
  return {
    id: r.id,
    staffId: r.staff_id,
    name: r.name,
    title: r.title,
    homeHospital: r.home_hospital,
    hospitalLevel: r.hospital_level,
    speciality: r.speciality,
    nativePlace: r.native_place,
    allianceMember: r.alliance_member,
    mobile: full ? r.mobile : maskMobile(r.mobile),
    email: full ? r.email : null,
    active: r.active,
    version: r.version,
  };
}

export async function search(ctx: Ctx, input: ExpertSearch) {
  const { rows, more } = await q.search(ctx.db, ctx.actor.countyId, {
    ...input,
    active: input.active === undefined ? undefined : input.active === 'true',
  });
  return { items: rows.map((r) => toExpert(r, ctx.scope.role)), hasMore: more };
}

export async function get(ctx: Ctx, id: number) {
  const row = await q.findById(ctx.db, ctx.actor.countyId, id);
  if (!row) throw notFound('专家');
  return toExpert(row, ctx.scope.role);
}

async function checkStaff(ctx: Ctx, staffId: number | null | undefined) {
  if (staffId === undefined || staffId === null) return;
  const staff = await q.staffInCounty(ctx.db, ctx.actor.countyId, staffId);
  if (!staff) throw new AppError(400, 'INVALID_STAFF', '关联的账号不存在', 'staffId');
  if (!staff.roles.includes('expert'))
    throw new AppError(400, 'INVALID_STAFF', '关联的账号不是坐诊专家角色', 'staffId');
}

const mapUnique = (err: unknown): never => {
  if (isUniqueViolation(err, 'experts_staff_key')) {
    throw conflict('STAFF_ALREADY_LINKED', '该账号已关联到另一位专家', { field: 'staffId' });
  }
  throw err;
};

export async function create(ctx: Ctx, input: ExpertCreate) {
  await checkStaff(ctx, input.staffId);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await q.insert(trx, {
        county_id: ctx.actor.countyId,
        staff_id: input.staffId ?? null,
        name: input.name,
        title: input.title,
        home_hospital: input.homeHospital,
        hospital_level: input.hospitalLevel,
        speciality: input.speciality,
        native_place: input.nativePlace ?? null,
        alliance_member: input.allianceMember,
        mobile: input.mobile ?? null,
        email: input.email ?? null,
      });
      await writeAudit(trx, ctx.audit, { action: 'clinic.expert.create', resource: 'expert', resourceId: row.id });
      return toExpert(row, ctx.scope.role);
    })
    .catch(mapUnique);
}

export async function patch(ctx: Ctx, id: number, input: ExpertPatch) {
  requireChanges(input, ['version']);
  await checkStaff(ctx, input.staffId);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await q.findById(trx, ctx.actor.countyId, id);
      if (!before) throw notFound('专家');
      const row = await q.update(trx, ctx.actor.countyId, id, input.version, {
        name: input.name,
        title: input.title,
        home_hospital: input.homeHospital,
        hospital_level: input.hospitalLevel,
        speciality: input.speciality,
        native_place: input.nativePlace,
        alliance_member: input.allianceMember,
        mobile: input.mobile,
        email: input.email,
        staff_id: input.staffId,
        active: input.active,
      });
      if (!row)
        throw conflict('STALE_VERSION', `该专家信息已被他人修改（当前版本 ${before.version}），请刷新后再编辑`, {
          currentVersion: before.version,
        });
      await writeAudit(trx, ctx.audit, {
        action: 'clinic.expert.update',
        resource: 'expert',
        resourceId: id,
        detail: { changed: Object.keys(input).filter((k) => k !== 'version') },
      });
      return toExpert(row, ctx.scope.role);
    })
    .catch(mapUnique);
}
