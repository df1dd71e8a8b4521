import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, badRequest, conflict } from '../platform/errors.ts';
import * as q from './contract.queries.ts';
import {
  checkTeam,
  inScope,
  insertContract,
  loadContract,
  packagesInForce,
  recordedKeyPops,
} from './contract.service.ts';
import type { contractChangeTeam, contractRenew, contractTerminate, deliveryCreate } from './fd.schema.ts';

import { deliver, type DeliveryResult } from './fulfilment.ts';

/** A contract after signing: renewal in its window, termination and change of team with reasons, services entered by hand. */

export async function renew(ctx: Ctx, id: number, input: z.infer<typeof contractRenew>, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const replay = await trx
      .selectFrom('fd_contracts')
      .select(['id', 'renewed_from_id'])
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (replay) {
      if (replay.renewed_from_id !== id) throw conflict('CLIENT_ID_REUSED', '客户端编号已用于另一份签约，请刷新后重试');
      return { contractId: replay.id, replayed: true };
    }
    const old = await loadContract(trx, id);
    if (old.status !== 'active') throw conflict('CONTRACT_ENDED', '该签约已解约，不能续签，请重新签约');
    const settings = await q.settings(trx, ctx.actor.countyId);
    const today = todayInShanghai(now);
    if (today < addDays(old.signed_to, -settings.renewal_window_days))
      throw conflict(
        'RENEWAL_NOT_OPEN',
        `续签在到期前 ${settings.renewal_window_days} 天开放（本签约 ${old.signed_to} 到期）`,
      );
    const start = old.signed_to < today ? today : old.signed_to;
    let packageIds = input.packageIds;
    if (!packageIds) {
      const codes = await trx
        .selectFrom('fd_contract_packages as cp')
        .innerJoin('fd_packages as p', 'p.id', 'cp.package_id')
        .select('p.code')
        .where('cp.contract_id', '=', id)
        .execute();
      packageIds = await q.currentPackageIds(
        trx,
        ctx.actor.countyId,
        codes.map((c) => c.code),
        start,
      );
    }
    await checkTeam(trx, ctx, old.team_id, old.doctor_staff_id, start);
    const packages = await packagesInForce(trx, ctx, packageIds, start);
    const newId = await insertContract(trx, ctx, {
      residentId: old.resident_id,
      orgId: old.org_id,
      teamId: old.team_id,
      doctorStaffId: old.doctor_staff_id,
      cadreName: old.cadre_name,
      start,
      keyPops: [...new Set([...old.key_pops, ...(await recordedKeyPops(trx, old.resident_id, start))])],
      signatureKind: input.signatureKind,
      signature: input.signature,
      householdNo: old.household_no,
      renewedFromId: old.id,
      clientId: input.clientId,
      deviceAt: null,
      packageIds: packages.map((p) => p.id),
    }).catch((err: unknown) => {
      if ((err as { constraint?: string }).constraint === 'fd_contracts_renewed_from_id_key')
        throw conflict('ALREADY_RENEWED', '该签约已续签');
      throw err;
    });
    await q.event(trx, {
      contractId: newId,
      orgId: old.org_id,
      action: 'renew',
      staffId: ctx.actor.id,
      reason: null,
      detail: { from: old.id },
    });
    await writeAudit(trx, ctx.audit, {
      action: 'fd.contract.renew',
      resource: 'fd_contract',
      resourceId: newId,
      residentId: old.resident_id,
      detail: { from: old.id },
    });
    return { contractId: newId, replayed: false };
  });
}

export async function terminate(ctx: Ctx, id: number, input: z.infer<typeof contractTerminate>) {
  return inScope(ctx, async (trx) => {
    const c = await loadContract(trx, id);
    if (c.status !== 'active') throw conflict('CONTRACT_ENDED', '该签约已解约');
    if (input.endDate <= c.start || input.endDate > c.signed_to)
      throw badRequest('END_DATE_OUTSIDE', `解约日期应在 ${addDays(c.start, 1)} 至 ${c.signed_to} 之间`, 'endDate');
    await sql`UPDATE fd_contracts SET status = 'terminated', ended_at = now(), end_reason = ${input.reason},
      period = daterange(lower(period), ${input.endDate}::date, '[)') WHERE id = ${id}`.execute(trx);
    await q.event(trx, {
      contractId: id,
      orgId: c.org_id,
      action: 'terminate',
      staffId: ctx.actor.id,
      reason: input.reason,
      detail: { endDate: input.endDate },
    });
    await writeAudit(trx, ctx.audit, {
      action: 'fd.contract.terminate',
      resource: 'fd_contract',
      resourceId: id,
      residentId: c.resident_id,
      detail: { reason: input.reason, endDate: input.endDate },
    });
    return { contractId: id };
  });
}

export async function changeTeam(ctx: Ctx, id: number, input: z.infer<typeof contractChangeTeam>, now = new Date()) {
  return inScope(ctx, async (trx) => {
    const c = await loadContract(trx, id);
    if (c.status !== 'active') throw conflict('CONTRACT_ENDED', '该签约已解约，不能变更团队');
    if (c.team_id === input.teamId && c.doctor_staff_id === input.doctorStaffId)
      throw badRequest('NO_CHANGE', '新团队和签约医生与现在相同');
    await checkTeam(trx, ctx, input.teamId, input.doctorStaffId, todayInShanghai(now));
    await trx
      .updateTable('fd_contracts')
      .set({ team_id: input.teamId, doctor_staff_id: input.doctorStaffId })
      .where('id', '=', id)
      .execute();
    const detail = {
      fromTeam: c.team_id,
      toTeam: input.teamId,
      fromDoctor: c.doctor_staff_id,
      toDoctor: input.doctorStaffId,
    };
    await q.event(trx, {
      contractId: id,
      orgId: c.org_id,
      action: 'change_team',
      staffId: ctx.actor.id,
      reason: input.reason,
      detail,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'fd.contract.change_team',
      resource: 'fd_contract',
      resourceId: id,
      residentId: c.resident_id,
      detail: { ...detail, reason: input.reason },
    });
    return { contractId: id };
  });
}

/** A service delivered outside a follow-up (a health check, a home visit), entered by hand. */
export async function recordDelivery(ctx: Ctx, input: z.infer<typeof deliveryCreate>): Promise<DeliveryResult> {
  return inScope(ctx, async (trx) => {
    const c = await loadContract(trx, input.contractId);
    const result = await deliver(trx, {
      countyId: ctx.actor.countyId,
      residentId: c.resident_id,
      serviceKind: input.serviceKind,
      on: input.deliveredOn,
      staffId: ctx.actor.id,
      source: 'manual',
      sourceRef: input.clientId,
      contractId: c.id,
    });
    if (result.status === 'no_contract')
      throw new AppError(422, 'NOT_IN_PERIOD', '服务日期不在该签约的有效期内', 'deliveredOn');
    if (result.status !== 'duplicate')
      await writeAudit(trx, ctx.audit, {
        action: 'fd.delivery.create',
        resource: 'fd_contract',
        resourceId: c.id,
        residentId: c.resident_id,
        detail: { kind: input.serviceKind, counted: result.status === 'counted' },
      });
    return result;
  });
}
