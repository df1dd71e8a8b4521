import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { badRequest, conflict, forbidden } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/errors.ts';
import { inScope } from './contract.service.ts';
import * as q from './contract.queries.ts';
import type { PackageCreate, TeamCreate, settingsPatch } from './fd.schema.ts';

/** 1+1+N teams, versioned service packages and the feature's settings (issue 11). */

export async function listTeams(ctx: Ctx) {
  const orgs = ctx.scope.orgIds;
  const teams = await ctx.db
    .selectFrom('fd_teams as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .innerJoin('staff as l', 'l.id', 't.lead_staff_id')
    .select([
      't.id',
      't.name',
      't.org_id',
      'o.name as org_name',
      't.lead_staff_id',
      'l.display_name as lead_name',
      't.active',
    ])
    .where('t.county_id', '=', ctx.actor.countyId)
    .where((eb) =>
      eb.or([
        eb('t.org_id', 'in', orgs),
        eb.exists(
          eb
            .selectFrom('fd_team_villages as v')
            .select('v.team_id')
            .whereRef('v.team_id', '=', 't.id')
            .where('v.village_org_id', 'in', orgs),
        ),
      ]),
    )
    .orderBy('o.code')
    .orderBy('t.name')
    .execute();
  if (teams.length === 0) return { items: [] };
  const ids = teams.map((t) => t.id);
  const members = await ctx.db
    .selectFrom('fd_team_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select([
      'm.team_id',
      'm.staff_id',
      's.display_name as name',
      'o.name as org_name',
      'm.role',
      'm.from_date',
      'm.to_date',
    ])
    .where('m.team_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  const villages = await ctx.db
    .selectFrom('fd_team_villages as v')
    .innerJoin('orgs as o', 'o.id', 'v.village_org_id')
    .select(['v.team_id', 'v.village_org_id as id', 'o.name'])
    .where('v.team_id', 'in', ids)
    .orderBy('o.code')
    .execute();
  const contracts = await sql<{ team_id: number; n: number }>`
    SELECT team_id, count(*)::int AS n FROM fd_contracts
    WHERE team_id = ANY(${sql.val(ids)}::int[]) AND status = 'active' AND period @> ${todayInShanghai()}::date
    GROUP BY team_id`.execute(ctx.db);
  const signed = new Map(contracts.rows.map((r) => [r.team_id, r.n]));
  return {
    items: teams.map((t) => ({
      id: t.id,
      name: t.name,
      orgId: t.org_id,
      orgName: t.org_name,
      leadStaffId: t.lead_staff_id,
      leadName: t.lead_name,
      active: t.active,
      activeContracts: signed.get(t.id) ?? 0,
      members: members
        .filter((m) => m.team_id === t.id)
        .map((m) => ({
          staffId: m.staff_id,
          name: m.name,
          orgName: m.org_name,
          role: m.role,
          fromDate: String(m.from_date),
          toDate: m.to_date ? String(m.to_date) : null,
        })),
      villages: villages.filter((v) => v.team_id === t.id).map((v) => ({ id: v.id, name: v.name })),
    })),
  };
}

export async function createTeam(ctx: Ctx, input: TeamCreate) {
  if (!ctx.scope.orgIds.includes(input.orgId)) throw forbidden('只能为本机构或下属乡镇卫生院建立团队');
  const org = ctx.platform.orgTree.get(input.orgId);
  if (!org || (org.kind !== 'township_center' && org.kind !== 'community_center'))
    throw badRequest('TEAM_ORG_KIND', '家庭医生团队应设在乡镇卫生院或社区卫生服务中心', 'orgId');
  for (const v of input.villageOrgIds) {
    const village = ctx.platform.orgTree.get(v);
    if (!village || village.parentId !== input.orgId)
      throw badRequest('VILLAGE_NOT_UNDER', '服务村应为该卫生院下属的村卫生室', 'villageOrgIds');
  }
  if (!input.members.some((m) => m.staffId === input.leadStaffId))
    throw badRequest('LEAD_NOT_MEMBER', '团队长应为团队成员', 'leadStaffId');
  const staffIds = [...new Set(input.members.map((m) => m.staffId))];
  return inScope(ctx, async (trx) => {
    const found = await trx
      .selectFrom('staff')
      .select('id')
      .where('id', 'in', staffIds)
      .where('county_id', '=', ctx.actor.countyId)
      .execute();
    if (found.length !== staffIds.length) throw badRequest('STAFF_UNKNOWN', '团队成员中有不存在的人员', 'members');
    const team = await trx
      .insertInto('fd_teams')
      .values({
        county_id: ctx.actor.countyId,
        org_id: input.orgId,
        name: input.name,
        lead_staff_id: input.leadStaffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'fd_teams_org_id_name_key'))
          throw conflict('TEAM_NAME_TAKEN', '该卫生院已有同名团队');
        throw err;
      });
    await trx
      .insertInto('fd_team_members')
      .values(
        input.members.map((m) => ({
          team_id: team.id,
          staff_id: m.staffId,
          role: m.role,
          from_date: m.fromDate,
          to_date: m.toDate ?? null,
        })),
      )
      .execute();
    await trx
      .insertInto('fd_team_villages')
      .values(input.villageOrgIds.map((v) => ({ team_id: team.id, village_org_id: v })))
      .execute()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'fd_team_villages_village_org_id_key'))
          throw conflict('VILLAGE_TAKEN', '所选村已由其他团队服务');
        throw err;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'fd.team.create',
      resource: 'fd_team',
      resourceId: team.id,
      detail: { name: input.name, members: input.members.length },
    });
    return { id: team.id };
  });
}

export async function listPackages(ctx: Ctx, on = todayInShanghai()) {
  const packages = await ctx.db
    .selectFrom('fd_packages')
    .selectAll()
    .where('county_id', '=', ctx.actor.countyId)
    .orderBy('category')
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const items = packages.length
    ? await ctx.db
        .selectFrom('fd_package_items')
        .selectAll()
        .where(
          'package_id',
          'in',
          packages.map((p) => p.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const current = new Set<number>();
  const seen = new Set<string>();
  for (const p of packages) {
    const from = String(p.effective_from);
    const to = p.effective_to ? String(p.effective_to) : null;
    if (!seen.has(p.code) && from <= on && (to === null || to > on)) {
      current.add(p.id);
      seen.add(p.code);
    }
  }
  return {
    items: packages.map((p) => ({
      id: p.id,
      code: p.code,
      version: p.version,
      name: p.name,
      category: p.category,
      target: p.target,
      priceFen: p.price_fen,
      fundPublicHealthFen: p.fund_public_health_fen,
      fundInsuranceFen: p.fund_insurance_fen,
      fundSelfFen: p.fund_self_fen,
      effectiveFrom: String(p.effective_from),
      effectiveTo: p.effective_to ? String(p.effective_to) : null,
      current: current.has(p.id),
      items: items
        .filter((i) => i.package_id === p.id)
        .map((i) => ({
          itemCode: i.item_code,
          name: i.name,
          serviceKind: i.service_kind,
          quota: i.quota,
          unit: i.unit,
          countsAsFollowup: i.counts_as_followup,
        })),
    })),
  };
}

/** A new package, or a new version of a code: earlier versions stay as they were for the contracts signed on them. */
export async function createPackage(ctx: Ctx, input: PackageCreate) {
  return inScope(ctx, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('fd_package:' || ${ctx.actor.countyId} || ':' || ${input.code}))`.execute(
      trx,
    );
    const last = await trx
      .selectFrom('fd_packages')
      .select(['version', 'effective_from'])
      .where('county_id', '=', ctx.actor.countyId)
      .where('code', '=', input.code)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (last && String(last.effective_from) >= input.effectiveFrom)
      throw badRequest(
        'EFFECTIVE_NOT_AFTER',
        `新版本的生效日期应晚于上一版本（${String(last.effective_from)}）`,
        'effectiveFrom',
      );
    const price = input.fundPublicHealthFen + input.fundInsuranceFen + input.fundSelfFen;
    const pkg = await trx
      .insertInto('fd_packages')
      .values({
        county_id: ctx.actor.countyId,
        code: input.code,
        version: (last?.version ?? 0) + 1,
        name: input.name,
        category: input.category,
        target: input.target ?? null,
        price_fen: price,
        fund_public_health_fen: input.fundPublicHealthFen,
        fund_insurance_fen: input.fundInsuranceFen,
        fund_self_fen: input.fundSelfFen,
        effective_from: input.effectiveFrom,
        created_by: ctx.actor.id,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('fd_package_items')
      .values(
        input.items.map((i) => ({
          package_id: pkg.id,
          item_code: i.itemCode,
          name: i.name,
          service_kind: i.serviceKind,
          quota: i.quota,
          unit: i.unit,
          counts_as_followup: i.countsAsFollowup,
        })),
      )
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'fd.package.create',
      resource: 'fd_package',
      resourceId: pkg.id,
      detail: { code: input.code, version: pkg.version },
    });
    return { id: pkg.id, version: pkg.version };
  });
}

export async function getSettings(ctx: Ctx) {
  const s = await q.settings(ctx.db, ctx.actor.countyId);
  return {
    gridMaxPatients: s.grid_max_patients,
    doctorMaxGrids: s.doctor_max_grids,
    renewalWindowDays: s.renewal_window_days,
    idleDays: s.idle_days,
  };
}

export async function patchSettings(ctx: Ctx, input: z.infer<typeof settingsPatch>) {
  await inScope(ctx, async (trx) => {
    const values = {
      ...(input.gridMaxPatients !== undefined ? { grid_max_patients: input.gridMaxPatients } : {}),
      ...(input.doctorMaxGrids !== undefined ? { doctor_max_grids: input.doctorMaxGrids } : {}),
      ...(input.renewalWindowDays !== undefined ? { renewal_window_days: input.renewalWindowDays } : {}),
      ...(input.idleDays !== undefined ? { idle_days: input.idleDays } : {}),
    };
    if (Object.keys(values).length === 0) throw badRequest('NO_CHANGE', '没有要修改的设置');
    await trx
      .insertInto('fd_settings')
      .values({ county_id: ctx.actor.countyId, ...values, updated_by: ctx.actor.id })
      .onConflict((oc) =>
        oc.column('county_id').doUpdateSet({ ...values, updated_by: ctx.actor.id, updated_at: sql`now()` }),
      )
      .execute();
    await writeAudit(trx, ctx.audit, { action: 'fd.settings.update', resource: 'fd_settings', detail: input });
  });
  return getSettings(ctx);
}
