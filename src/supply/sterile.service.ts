import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from '../platform/errors.ts';
import type { LoadCreate, PackTypeCreate } from './supply.schema.ts';
import type { z } from 'zod';
import type { loadResult, packIssue, packUse } from './supply.schema.ts';

/** 消毒供应 (issue 14 part 7): pack types, sterilisation loads and their indicators, pack issue, use and return. */

export const inScope = <T>(ctx: Ctx, fn: (trx: Kdb) => Promise<T>): Promise<T> => withScope(ctx.db, ctx.scope, fn);

export async function createPackType(ctx: Ctx, input: PackTypeCreate) {
  return inScope(ctx, async (trx) => {
    const row = await trx
      .insertInto('sterile_pack_types')
      .values({
        county_id: ctx.actor.countyId,
        name: input.name,
        items: JSON.stringify(input.items),
        method: input.method,
        packaging: input.packaging,
        shelf_days: input.shelfDays,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'sterile_pack_types_name_key'))
          throw conflict('PACK_TYPE_TAKEN', '已有同名的包类型');
        throw err;
      });
    await writeAudit(trx, ctx.audit, {
      action: 'sterile.pack_type.create',
      resource: 'sterile_pack_type',
      resourceId: row.id,
      detail: { name: input.name },
    });
    return { id: row.id };
  });
}

export async function listPackTypes(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('sterile_pack_types')
    .selectAll()
    .where('county_id', '=', ctx.actor.countyId)
    .orderBy('name')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      items: r.items,
      method: r.method,
      packaging: r.packaging,
      shelfDays: r.shelf_days,
      active: r.active,
    })),
  };
}

/** the barcode of the n-th pack of a load */
export const packCodeOf = (loadId: number, n: number) =>
  `SP${String(loadId).padStart(6, '0')}-${String(n).padStart(3, '0')}`;

/** A load and its packs, pending until the indicators are read; the packs' expiry is the load day + the type's days. */
export async function createLoad(ctx: Ctx, input: LoadCreate, now = new Date()) {
  if (input.loadDate > todayInShanghai(now)) throw badRequest('LOAD_IN_FUTURE', '灭菌日期不能晚于今天', 'loadDate');
  const typeIds = [...new Set(input.packs.map((p) => p.packTypeId))];
  if (typeIds.length !== input.packs.length) throw badRequest('PACK_TYPE_TWICE', '同一包类型请只填一行', 'packs');
  return inScope(ctx, async (trx) => {
    const types = await trx
      .selectFrom('sterile_pack_types')
      .select(['id', 'method', 'shelf_days', 'active'])
      .where('id', 'in', typeIds)
      .where('county_id', '=', ctx.actor.countyId)
      .execute();
    if (types.length !== typeIds.length || types.some((t) => !t.active))
      throw badRequest('PACK_TYPE_UNKNOWN', '装载清单中有不存在或已停用的包类型', 'packs');
    if (types.some((t) => t.method !== input.method))
      throw badRequest('METHOD_MISMATCH', '装载的包类型与本锅灭菌方式不一致', 'packs');
    const load = await trx
      .insertInto('sterile_loads')
      .values({
        county_id: ctx.actor.countyId,
        org_id: ctx.actor.orgId,
        sterilizer: input.sterilizer.toUpperCase(),
        cycle_no: input.cycleNo,
        load_date: input.loadDate,
        method: input.method,
        operator_staff_id: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'sterile_loads_cycle_key'))
          throw conflict(
            'LOAD_TAKEN',
            `灭菌锅 ${input.sterilizer} 在 ${input.loadDate} 已登记第 ${input.cycleNo} 锅次`,
          );
        throw err;
      });
    const days = new Map(types.map((t) => [t.id, t.shelf_days]));
    let n = 0;
    const packs = input.packs.flatMap((p) =>
      Array.from({ length: p.count }, () => ({
        county_id: ctx.actor.countyId,
        org_id: ctx.actor.orgId,
        code: packCodeOf(load.id, ++n),
        pack_type_id: p.packTypeId,
        load_id: load.id,
        sterilised_on: input.loadDate,
        expires_on: addDays(input.loadDate, days.get(p.packTypeId) ?? 1),
      })),
    );
    await trx.insertInto('sterile_packs').values(packs).execute();
    await writeAudit(trx, ctx.audit, {
      action: 'sterile.load.create',
      resource: 'sterile_load',
      resourceId: load.id,
      detail: { sterilizer: input.sterilizer, cycleNo: input.cycleNo, loadDate: input.loadDate, packs: packs.length },
    });
    return { id: load.id, packs: packs.map((p) => p.code) };
  });
}

/**
 * Records the indicators of a pending load (a conditional UPDATE, so two readers cannot both
 * decide). All three good releases its packs; any failure recalls every pack of the load, and
 * those already issued or used are returned for follow-up with the ward and the patient. A
 * released load may still fail later (the biological indicator is read after 24–48 h).
 */
export async function recordResult(ctx: Ctx, loadId: number, input: z.infer<typeof loadResult>) {
  const passed = input.physicalOk && input.chemicalOk && input.biologicalOk;
  return inScope(ctx, async (trx) => {
    const load = await trx
      .updateTable('sterile_loads')
      .set({
        status: passed ? 'passed' : 'failed',
        physical_ok: input.physicalOk,
        chemical_ok: input.chemicalOk,
        biological_ok: input.biologicalOk,
        note: input.note ?? null,
        read_by: ctx.actor.id,
        read_at: sql<Date>`now()`,
      })
      .where('id', '=', loadId)
      .where('county_id', '=', ctx.actor.countyId)
      // a late biological failure recalls a load already released on its physical and chemical results
      .where('status', 'in', passed ? ['pending'] : ['pending', 'passed'])
      .returning(['id', 'sterilizer', 'cycle_no', 'load_date'])
      .executeTakeFirst();
    if (!load) {
      const exists = await trx.selectFrom('sterile_loads').select('status').where('id', '=', loadId).executeTakeFirst();
      if (!exists) throw notFound('灭菌锅次');
      throw conflict('LOAD_ALREADY_READ', '该锅次已记录监测结果；已放行的锅次只能再记录不合格（召回）');
    }
    let recalled: Array<{ code: string; from: string }> = [];
    if (!passed) {
      const rows = await trx
        .updateTable('sterile_packs')
        .set({ recalled_from: sql`status`, status: 'recalled', recalled_at: sql<Date>`now()` })
        .where('load_id', '=', loadId)
        .where('status', '<>', 'recalled')
        .returning(['code', 'recalled_from'])
        .execute();
      recalled = rows.map((r) => ({ code: r.code, from: r.recalled_from ?? 'in_cssd' }));
    }
    await writeAudit(trx, ctx.audit, {
      action: passed ? 'sterile.load.release' : 'sterile.load.recall',
      resource: 'sterile_load',
      resourceId: loadId,
      detail: { ...input, recalled: recalled.length },
    });
    return {
      id: loadId,
      status: passed ? ('passed' as const) : ('failed' as const),
      recalled: recalled.length,
      followUp: passed ? [] : await followUp(trx, loadId),
    };
  });
}

/** the recalled packs of a load that had left the CSSD: where they went, and on whom they were used */
export async function followUp(trx: Kdb, loadId: number) {
  const rows = await trx
    .selectFrom('sterile_packs as p')
    .innerJoin('sterile_pack_types as t', 't.id', 'p.pack_type_id')
    .leftJoin('orgs as o', 'o.id', 'p.issued_to_org_id')
    .leftJoin('residents as r', 'r.id', 'p.used_resident_id')
    .leftJoin('staff as s', 's.id', 'p.used_by')
    .select([
      'p.code',
      't.name as type_name',
      'p.recalled_from',
      'o.name as org_name',
      'p.issued_ward',
      'p.used_resident_id',
      'r.name as resident_name',
      's.display_name as used_by_name',
      'p.used_at',
    ])
    .where('p.load_id', '=', loadId)
    .where('p.status', '=', 'recalled')
    .where('p.recalled_from', 'in', ['issued', 'used'])
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    typeName: r.type_name,
    wasStatus: r.recalled_from,
    orgName: r.org_name,
    ward: r.issued_ward,
    residentId: r.used_resident_id,
    residentName: r.resident_name,
    usedByName: r.used_by_name,
    usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
  }));
}

interface PackState {
  code: string;
  status: string;
  expires_on: string;
  load_status: string;
  issued_to_org_id: number | null;
}

/** Why a pack cannot be issued, used or returned now: a Chinese sentence a nurse can act on. */
function refusal(p: PackState | undefined, code: string, action: 'issue' | 'use' | 'return', today: string): AppError {
  if (!p) return new AppError(404, 'PACK_NOT_FOUND', `无菌包 ${code} 不存在或不在您的机构`);
  if (p.status === 'recalled' || p.load_status === 'failed')
    return conflict('PACK_RECALLED', `无菌包 ${code} 所在锅次灭菌监测不合格，已召回，禁止使用`);
  if (p.status === 'used') return conflict('PACK_USED', `无菌包 ${code} 已使用`);
  if (action !== 'return' && p.expires_on < today)
    return conflict('PACK_EXPIRED', `无菌包 ${code} 已于 ${p.expires_on} 过期，禁止使用，请退回消毒供应中心`);
  if (p.load_status === 'pending')
    return conflict('PACK_NOT_RELEASED', `无菌包 ${code} 所在锅次监测结果未出，尚未放行`);
  if (action === 'issue') return conflict('PACK_NOT_IN_CSSD', `无菌包 ${code} 已发放，不在消毒供应中心`);
  if (p.status !== 'issued') return conflict('PACK_NOT_ISSUED', `无菌包 ${code} 尚未发放到科室`);
  return conflict('PACK_STATE', `无菌包 ${code} 当前状态不允许此操作`);
}

async function packStates(trx: Kdb, countyId: number, codes: readonly string[]) {
  const rows = await trx
    .selectFrom('sterile_packs as p')
    .innerJoin('sterile_loads as l', 'l.id', 'p.load_id')
    .select(['p.code', 'p.status', 'p.expires_on', 'l.status as load_status', 'p.issued_to_org_id'])
    .where('p.county_id', '=', countyId)
    .where('p.code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { ...r, expires_on: String(r.expires_on) }]));
}

/** releasable: its load passed and it is within its expiry */
const released = (today: string) => sql<boolean>`p.expires_on >= ${today}::date
  AND EXISTS (SELECT 1 FROM sterile_loads l WHERE l.id = p.load_id AND l.status = 'passed')`;

/** Issues packs to a township centre or a ward; all or none, each from the CSSD by a conditional UPDATE. */
export async function issuePacks(ctx: Ctx, input: z.infer<typeof packIssue>, now = new Date()) {
  const codes = [...new Set(input.codes)];
  const today = todayInShanghai(now);
  const org = ctx.platform.orgTree.get(input.orgId);
  if (!org || !ctx.scope.orgIds.includes(input.orgId))
    throw badRequest('ORG_UNKNOWN', '领用机构不存在或不在本医共体', 'orgId');
  return inScope(ctx, async (trx) => {
    const rows = await sql<{ code: string }>`
      UPDATE sterile_packs p SET status = 'issued', issued_to_org_id = ${input.orgId}, issued_ward = ${input.ward ?? null},
        issued_by = ${ctx.actor.id}, issued_at = now(), returned_at = NULL, returned_by = NULL
      WHERE p.county_id = ${ctx.actor.countyId} AND p.code = ANY(${sql.val(codes)}::text[])
        AND p.status IN ('in_cssd', 'returned') AND ${released(today)}
      RETURNING p.code`.execute(trx);
    if (rows.rows.length !== codes.length) {
      const done = new Set(rows.rows.map((r) => r.code));
      const states = await packStates(trx, ctx.actor.countyId, codes);
      const bad = codes.find((c) => !done.has(c)) ?? codes[0];
      throw refusal(states.get(bad), bad, 'issue', today);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'sterile.pack.issue',
      resource: 'sterile_pack',
      detail: { codes, orgId: input.orgId, ward: input.ward ?? null },
    });
    return { issued: codes.length };
  });
}

/** Use on a patient: only an issued, released, unexpired pack (recalled, expired and pending ones are refused). */
export async function usePack(ctx: Ctx, input: z.infer<typeof packUse>, now = new Date()) {
  const today = todayInShanghai(now);
  return inScope(ctx, async (trx) => {
    const resident = await trx
      .selectFrom('residents')
      .select('id')
      .where('id', '=', input.residentId)
      .executeTakeFirst();
    if (!resident) throw badRequest('RESIDENT_UNKNOWN', '患者不存在或不在您的服务范围', 'residentId');
    const row = await sql<{ id: number }>`
      UPDATE sterile_packs p SET status = 'used', used_resident_id = ${input.residentId}, used_by = ${ctx.actor.id}, used_at = now()
      WHERE p.county_id = ${ctx.actor.countyId} AND p.code = ${input.code} AND p.status = 'issued'
        AND p.issued_to_org_id = ANY(${sql.val(ctx.scope.orgIds)}::int[]) AND ${released(today)}
      RETURNING p.id`.execute(trx);
    if (row.rows.length === 0) {
      const states = await packStates(trx, ctx.actor.countyId, [input.code]);
      throw refusal(states.get(input.code), input.code, 'use', today);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'sterile.pack.use',
      resource: 'sterile_pack',
      resourceId: row.rows[0].id,
      residentId: input.residentId,
      detail: { code: input.code },
    });
    return { id: row.rows[0].id, status: 'used' as const };
  });
}

/** An unused pack goes back to the CSSD (expired ones too: they are reprocessed there). */
export async function returnPack(ctx: Ctx, code: string, now = new Date()) {
  const today = todayInShanghai(now);
  return inScope(ctx, async (trx) => {
    const row = await trx
      .updateTable('sterile_packs')
      .set({ status: 'returned', returned_by: ctx.actor.id, returned_at: sql<Date>`now()` })
      .where('county_id', '=', ctx.actor.countyId)
      .where('code', '=', code)
      .where('status', '=', 'issued')
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const states = await packStates(trx, ctx.actor.countyId, [code]);
      throw refusal(states.get(code), code, 'return', today);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'sterile.pack.return',
      resource: 'sterile_pack',
      resourceId: row.id,
      detail: { code },
    });
    return { id: row.id, status: 'returned' as const };
  });
}
