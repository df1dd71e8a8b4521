import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { exportFilter, exportRows, fetchPage, refuseIfTooMany, toXlsx } from '../platform/list.ts';
import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { inScope, recordedKeyPops } from './contract.service.ts';
import * as q from './contract.queries.ts';
import type { ContractQuery } from './fd.schema.ts';
import type { KeyPop } from './fd.tables.ts';

export const KEY_POP_LABELS: Record<KeyPop, string> = {
  elderly: '65岁以上老人',
  hypertension: '高血压',
  diabetes: '糖尿病',
  poor: '建档立卡',
  disabled: '残疾人',
  maternal: '孕产妇',
  child: '0-6岁儿童',
  mental: '严重精神障碍',
  tb: '肺结核',
};

type ListRow = Awaited<ReturnType<ReturnType<typeof q.contractList>['execute']>>[number];

function toItem(r: ListRow, on: string) {
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    sex: r.sex,
    age: ageOn(String(r.birth_date), on),
    idNumber: maskIdNumber(r.id_number),
    mobile: maskMobile(r.mobile),
    householdNo: r.household_no,
    orgName: r.org_name,
    teamName: r.team_name,
    doctorName: r.doctor_name,
    gridMemberName: r.grid_member_name,
    cadreName: r.cadre_name,
    status: r.status,
    keyPops: r.key_pops,
    start: r.start,
    end: r.end,
    signedTo: String(r.signed_to),
    endReason: r.end_reason,
    packages: r.packages,
    fulfilment: r.fulfilment === null ? null : Number(r.fulfilment),
    lastDelivery: r.last_delivery,
    renewed: r.renewed,
    renewal: r.renewed_from_id !== null,
  };
}

export async function list(ctx: Ctx, input: ContractQuery) {
  const on = input.on ?? todayInShanghai();
  return inScope(ctx, async (trx) => {
    const s = await q.settings(trx, ctx.actor.countyId);
    const { rows, meta } = await fetchPage(trx, q.contractList(trx, ctx.actor.countyId, input, on, s), input);
    return { ...meta, items: rows.map((r) => toItem(r, on)) };
  });
}

export async function exportList(ctx: Ctx, input: ContractQuery) {
  const on = input.on ?? todayInShanghai();
  const rows = await inScope(ctx, async (trx) => {
    const s = await q.settings(trx, ctx.actor.countyId);
    return refuseIfTooMany(
      await exportRows(trx, ctx.audit, q.contractList(trx, ctx.actor.countyId, input, on, s), {
        action: 'fd.contracts.export',
        resource: 'fd_contract',
        filter: exportFilter(input),
      }),
    );
  });
  const titles = { all: '全部签约', active: '有效签约', renewal: '待续签', idle: '签而不约', ended: '已到期或解约' };
  return toXlsx(
    rows.map((r) => toItem(r, on)),
    [
      { header: '居民', value: (r) => r.residentName, width: 10 },
      { header: '性别', value: (r) => (r.sex === 'M' ? '男' : '女'), width: 6 },
      { header: '年龄', value: (r) => r.age, width: 6 },
      { header: '身份证号', value: (r) => r.idNumber, width: 20 },
      { header: '村卫生室', value: (r) => r.orgName, width: 20 },
      { header: '签约团队', value: (r) => r.teamName, width: 20 },
      { header: '签约医生', value: (r) => r.doctorName, width: 10 },
      { header: '网格员', value: (r) => r.gridMemberName, width: 10 },
      { header: '村干部（双签约）', value: (r) => r.cadreName, width: 12 },
      { header: '重点人群', value: (r) => r.keyPops.map((k) => KEY_POP_LABELS[k]).join('、'), width: 24 },
      { header: '服务包', value: (r) => r.packages.join('、'), width: 30 },
      { header: '开始', value: (r) => r.start, width: 12 },
      { header: '到期', value: (r) => r.signedTo, width: 12 },
      { header: '履约率(%)', value: (r) => r.fulfilment, width: 10 },
      { header: '最近服务', value: (r) => r.lastDelivery, width: 12 },
      {
        header: '状态',
        value: (r) => (r.status === 'terminated' ? `已解约：${r.endReason ?? ''}` : r.renewed ? '已续签' : '有效'),
        width: 16,
      },
    ],
    titles[input.view],
  );
}

export async function detail(ctx: Ctx, id: number) {
  return inScope(ctx, async (trx) => {
    const c = await trx
      .selectFrom('fd_contracts as c')
      .innerJoin('residents as r', 'r.id', 'c.resident_id')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .innerJoin('fd_teams as t', 't.id', 'c.team_id')
      .innerJoin('staff as d', 'd.id', 'c.doctor_staff_id')
      .select([
        'c.id',
        'c.resident_id',
        'r.name as resident_name',
        'r.sex',
        'r.birth_date',
        'r.id_number',
        'r.mobile',
        'o.name as org_name',
        'c.team_id',
        't.name as team_name',
        'c.doctor_staff_id',
        'd.display_name as doctor_name',
        'c.cadre_name',
        'c.status',
        'c.key_pops',
        'c.signed_to',
        'c.signature_kind',
        'c.signature',
        'c.end_reason',
        'c.renewed_from_id',
        'c.created_at',
      ])
      .select(sql<string>`lower(c.period)::text`.as('start'))
      .select(sql<string>`upper(c.period)::text`.as('end'))
      .select(sql<number | null>`(SELECT n.id FROM fd_contracts n WHERE n.renewed_from_id = c.id)`.as('renewed_by_id'))
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!c) throw notFound('签约');
    const entitlements = await trx
      .selectFrom('fd_entitlements as e')
      .innerJoin('fd_packages as p', 'p.id', 'e.package_id')
      .select([
        'e.id',
        'p.name as package_name',
        'p.code',
        'p.version',
        'e.item_code',
        'e.name',
        'e.service_kind',
        'e.quota',
        'e.used',
        'e.counts_as_followup',
      ])
      .where('e.contract_id', '=', id)
      .orderBy('e.id')
      .execute();
    const deliveries = await trx
      .selectFrom('fd_deliveries as d')
      .leftJoin('staff as s', 's.id', 'd.staff_id')
      .select([
        'd.id',
        'd.service_kind',
        'd.delivered_on',
        'd.source',
        'd.entitlement_id',
        's.display_name as staff_name',
      ])
      .where('d.contract_id', '=', id)
      .orderBy('d.delivered_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(200)
      .execute();
    const events = await trx
      .selectFrom('fd_contract_events as e')
      .leftJoin('staff as s', 's.id', 'e.staff_id')
      .select(['e.action', 'e.reason', 'e.detail', 'e.at', 's.display_name as staff_name'])
      .where('e.contract_id', '=', id)
      .orderBy('e.at')
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'fd.contract.view',
      resource: 'fd_contract',
      resourceId: id,
      residentId: c.resident_id,
    });
    const quota = entitlements.reduce((s, e) => s + e.quota, 0);
    const used = entitlements.reduce((s, e) => s + Math.min(e.used, e.quota), 0);
    return {
      id: c.id,
      residentId: c.resident_id,
      residentName: c.resident_name,
      sex: c.sex,
      age: ageOn(String(c.birth_date), todayInShanghai()),
      idNumber: maskIdNumber(c.id_number),
      mobile: maskMobile(c.mobile),
      orgName: c.org_name,
      teamId: c.team_id,
      teamName: c.team_name,
      doctorStaffId: c.doctor_staff_id,
      doctorName: c.doctor_name,
      cadreName: c.cadre_name,
      status: c.status,
      keyPops: c.key_pops,
      start: c.start,
      end: c.end,
      signedTo: String(c.signed_to),
      signatureKind: c.signature_kind,
      signature: c.signature,
      endReason: c.end_reason,
      renewedFromId: c.renewed_from_id,
      renewedById: c.renewed_by_id,
      fulfilment: quota ? Math.round((used * 1000) / quota) / 10 : null,
      entitlements: entitlements.map((e) => ({
        id: e.id,
        packageName: `${e.package_name}（第${e.version}版）`,
        itemCode: e.item_code,
        name: e.name,
        serviceKind: e.service_kind,
        quota: e.quota,
        used: e.used,
        countsAsFollowup: e.counts_as_followup,
      })),
      deliveries: deliveries.map((d) => ({
        id: d.id,
        serviceKind: d.service_kind,
        deliveredOn: String(d.delivered_on),
        source: d.source,
        counted: d.entitlement_id !== null,
        staffName: d.staff_name,
      })),
      events: events.map((e) => ({
        action: e.action,
        reason: e.reason,
        detail: e.detail,
        at: e.at,
        staffName: e.staff_name,
      })),
    };
  });
}

/** A resident's household (same household number, same village) for signing it in one step. */
export async function household(ctx: Ctx, residentId: number, on = todayInShanghai()) {
  return inScope(ctx, async (trx) => {
    const r = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'household_no'])
      .where('id', '=', residentId)
      .executeTakeFirst();
    if (!r) throw notFound('居民');
    let members = trx
      .selectFrom('residents as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select([
        'm.id',
        'm.name',
        'm.sex',
        'm.birth_date',
        'm.id_number',
        'm.registered_poor',
        'm.deceased_on',
        'm.org_id',
        'o.name as org_name',
      ])
      .select(
        sql<number | null>`(SELECT c.id FROM fd_contracts c WHERE c.resident_id = m.id AND c.status = 'active'
          AND upper(c.period) > ${on}::date ORDER BY lower(c.period) LIMIT 1)`.as('contract_id'),
      )
      .select(
        sql<
          string | null
        >`(SELECT max(c.signed_to)::text FROM fd_contracts c WHERE c.resident_id = m.id AND c.status = 'active'
          AND upper(c.period) > ${on}::date)`.as('contract_to'),
      );
    members = r.household_no
      ? members.where('m.household_no', '=', r.household_no).where('m.org_id', '=', r.org_id)
      : members.where('m.id', '=', r.id);
    const rows = await members.orderBy('m.birth_date').limit(20).execute();
    const team = await trx
      .selectFrom('fd_team_villages as v')
      .innerJoin('fd_teams as t', 't.id', 'v.team_id')
      .select(['t.id', 't.name'])
      .where('v.village_org_id', '=', r.org_id)
      .executeTakeFirst();
    const out = [];
    for (const m of rows)
      out.push({
        residentId: m.id,
        name: m.name,
        sex: m.sex,
        age: ageOn(String(m.birth_date), on),
        idNumber: maskIdNumber(m.id_number),
        orgName: m.org_name,
        deceased: m.deceased_on !== null,
        contractId: m.contract_id,
        contractTo: m.contract_to,
        keyPops: await recordedKeyPops(trx, m.id, on),
      });
    return { householdNo: r.household_no, team: team ?? null, members: out };
  });
}
