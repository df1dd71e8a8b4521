import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { ageOn } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';

import type { ContractSign } from './fd.schema.ts';
import type { KeyPop } from './fd.tables.ts';

import * as q from './contract.queries.ts';

/** 家庭医生签约 (issue 11): signing (a whole household at once), renewal, termination, change of team. */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> => withScope(ctx.db, ctx.scope, fn);

/** the feature's settings (grid limits, renewal window, idle days), for the chronic feature */
export const fdSettings = (db: Kdb, countyId: number) => q.settings(db, countyId);

/** one year from a day: the same day next year (29 Feb → 1 Mar) */
export function yearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  return next.toISOString().slice(0, 10);
}

/** the key populations a resident belongs to by the record (age, poverty, registries) */
export async function recordedKeyPops(trx: Kdb, residentId: number, on: string): Promise<KeyPop[]> {
  const r = await trx
    .selectFrom('residents')
    .select(['birth_date', 'registered_poor'])
    .where('id', '=', residentId)
    .executeTakeFirst();
  if (!r) return [];
  const pops: KeyPop[] = [];
  const age = ageOn(String(r.birth_date), on);
  if (age >= 65) pops.push('elderly');
  if (age <= 6) pops.push('child');
  if (r.registered_poor) pops.push('poor');
  const cases = await trx
    .selectFrom('chronic_cases')
    .select('disease')
    .where('resident_id', '=', residentId)
    .where('state', 'in', ['confirmed', 'managed', 'lost'])
    .execute();
  if (cases.some((c) => c.disease === 'htn')) pops.push('hypertension');
  if (cases.some((c) => c.disease === 't2dm')) pops.push('diabetes');
  return pops;
}

export async function checkTeam(trx: Kdb, ctx: Ctx, teamId: number, doctorStaffId: number, on: string) {
  const team = await trx
    .selectFrom('fd_teams')
    .select(['id', 'org_id', 'name', 'active'])
    .where('id', '=', teamId)
    .where('county_id', '=', ctx.actor.countyId)
    .executeTakeFirst();
  if (!team || !team.active) throw badRequest('TEAM_UNKNOWN', '签约团队不存在或已停用', 'teamId');
  const member = await trx
    .selectFrom('fd_team_members')
    .select('id')
    .where('team_id', '=', teamId)
    .where('staff_id', '=', doctorStaffId)
    .where('from_date', '<=', on)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]))
    .executeTakeFirst();
  if (!member) throw badRequest('DOCTOR_NOT_IN_TEAM', '签约医生不是该团队在签约日的成员', 'doctorStaffId');
  return team;
}

/** the packages a contract may be signed on: the version of each code in force on the start day */
export async function packagesInForce(trx: Kdb, ctx: Ctx, packageIds: readonly number[], on: string) {
  const rows = await trx
    .selectFrom('fd_packages as p')
    .select(['p.id', 'p.code', 'p.name', 'p.category'])
    .select(
      sql<number>`(SELECT max(v.version) FROM fd_packages v WHERE v.county_id = p.county_id AND v.code = p.code
        AND v.effective_from <= ${on}::date AND (v.effective_to IS NULL OR v.effective_to > ${on}::date))`.as(
        'current_version',
      ),
    )
    .select('p.version')
    .where('p.county_id', '=', ctx.actor.countyId)
    .where('p.id', 'in', [...packageIds])
    .execute();
  if (rows.length !== new Set(packageIds).size) throw badRequest('PACKAGE_UNKNOWN', '所选服务包不存在', 'packageIds');
  for (const p of rows)
    if (p.current_version !== p.version)
      throw badRequest(
        'PACKAGE_NOT_IN_FORCE',
        `服务包「${p.name}」第 ${p.version} 版在签约日不适用，请选择现行版本`,
        'packageIds',
      );
  if (!rows.some((p) => p.category === 'basic'))
    throw badRequest('BASIC_REQUIRED', '签约须包含基础服务包', 'packageIds');
  if (new Set(rows.map((p) => p.code)).size !== rows.length)
    throw badRequest('PACKAGE_TWICE', '同一服务包不能选两个版本', 'packageIds');
  return rows;
}

const OVERLAP = 'fd_contracts_one_per_period';

export async function insertContract(
  trx: Kdb,
  ctx: Ctx,
  c: {
    residentId: number;
    orgId: number;
    teamId: number;
    doctorStaffId: number;
    cadreName: string | null;
    start: string;
    keyPops: KeyPop[];
    signatureKind: 'drawn' | 'scan';
    signature: string;
    householdNo: string | null;
    renewedFromId: number | null;
    clientId: string;
    deviceAt: string | null;
    packageIds: readonly number[];
  },
): Promise<number> {
  const end = yearAfter(c.start);
  const row = await sql<{ id: number }>`
    INSERT INTO fd_contracts (county_id, org_id, resident_id, team_id, doctor_staff_id, cadre_name, period, signed_to,
      key_pops, signature_kind, signature, household_no, renewed_from_id, client_id, signed_by, device_at)
    VALUES (${ctx.actor.countyId}, ${c.orgId}, ${c.residentId}, ${c.teamId}, ${c.doctorStaffId}, ${c.cadreName},
      daterange(${c.start}::date, ${end}::date, '[)'), ${end}::date, ${sql.val(c.keyPops)}::text[], ${c.signatureKind},
      ${c.signature}, ${c.householdNo}, ${c.renewedFromId}, ${c.clientId}::uuid, ${ctx.actor.id}, ${c.deviceAt})
    RETURNING id`
    .execute(trx)
    .catch((err: unknown) => {
      if ((err as { constraint?: string }).constraint === OVERLAP)
        throw conflict(
          'CONTRACT_OVERLAP',
          '该居民在此期间已有有效的家庭医生签约，不能重复签约（可在到期前 30 天内续签）',
        );
      throw err;
    });
  const id = row.rows[0].id;
  await trx
    .insertInto('fd_contract_packages')
    .values(c.packageIds.map((p) => ({ contract_id: id, package_id: p })))
    .execute();
  await sql`
    INSERT INTO fd_entitlements (contract_id, org_id, package_id, item_code, name, service_kind, quota, counts_as_followup)
    SELECT ${id}, ${c.orgId}, i.package_id, i.item_code, i.name, i.service_kind, i.quota, i.counts_as_followup
    FROM fd_package_items i WHERE i.package_id = ANY(${sql.val([...c.packageIds])}::int[])`.execute(trx);
  return id;
}

export interface SignResult {
  contracts: Array<{ residentId: number; contractId: number; replayed: boolean }>;
}

/** Signs one resident or a whole household in one step: all or none. */
export async function sign(ctx: Ctx, input: ContractSign): Promise<SignResult> {
  const result = await inScope(ctx, async (trx) => {
    const team = await checkTeam(trx, ctx, input.teamId, input.doctorStaffId, input.startDate);
    const packages = await packagesInForce(trx, ctx, input.packageIds, input.startDate);
    const out: SignResult['contracts'] = [];
    for (const m of input.members) {
      const existing = await trx
        .selectFrom('fd_contracts')
        .select(['id', 'resident_id'])
        .where('client_id', '=', m.clientId)
        .executeTakeFirst();
      if (existing) {
        if (existing.resident_id !== m.residentId)
          throw conflict('CLIENT_ID_REUSED', '客户端编号已用于另一位居民的签约，请刷新后重试');
        out.push({ residentId: m.residentId, contractId: existing.id, replayed: true });
        continue;
      }
      const resident = await trx
        .selectFrom('residents')
        .select(['id', 'org_id', 'name', 'household_no', 'deceased_on'])
        .where('id', '=', m.residentId)
        .executeTakeFirst();
      if (!resident) throw notFound('居民');
      if (resident.deceased_on) throw badRequest('RESIDENT_DECEASED', `${resident.name}已登记死亡，不能签约`);
      const serves = await trx
        .selectFrom('fd_team_villages')
        .select('team_id')
        .where('village_org_id', '=', resident.org_id)
        .executeTakeFirst();
      if (serves && serves.team_id !== team.id)
        throw badRequest(
          'TEAM_NOT_SERVING',
          `${resident.name}所在村不由「${team.name}」服务，请选择负责该村的团队`,
          'teamId',
        );
      const pops = new Set<KeyPop>([...(await recordedKeyPops(trx, m.residentId, input.startDate)), ...m.keyPops]);
      const id = await insertContract(trx, ctx, {
        residentId: m.residentId,
        orgId: resident.org_id,
        teamId: team.id,
        doctorStaffId: input.doctorStaffId,
        cadreName: input.cadreName ?? null,
        start: input.startDate,
        keyPops: [...pops],
        signatureKind: input.signatureKind,
        signature: input.signature,
        householdNo: resident.household_no,
        renewedFromId: null,
        clientId: m.clientId,
        deviceAt: input.deviceAt ?? null,
        packageIds: packages.map((p) => p.id),
      });
      await q.event(trx, {
        contractId: id,
        orgId: resident.org_id,
        action: 'sign',
        staffId: ctx.actor.id,
        reason: null,
        detail: { packages: packages.map((p) => p.code) },
      });
      await writeAudit(trx, ctx.audit, {
        action: 'fd.contract.sign',
        resource: 'fd_contract',
        resourceId: id,
        residentId: m.residentId,
        detail: {
          teamId: team.id,
          packages: packages.map((p) => `${p.code}v${p.version}`),
          household: input.members.length > 1,
        },
      });
      out.push({ residentId: m.residentId, contractId: id, replayed: false });
    }
    return out;
  });
  return { contracts: result };
}

export async function loadContract(trx: Kdb, id: number) {
  const c = await trx
    .selectFrom('fd_contracts')
    .select([
      'id',
      'org_id',
      'resident_id',
      'team_id',
      'doctor_staff_id',
      'cadre_name',
      'status',
      'signed_to',
      'key_pops',
      'household_no',
    ])
    .select(sql<string>`lower(period)::text`.as('start'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('签约');
  return { ...c, signed_to: String(c.signed_to) };
}
