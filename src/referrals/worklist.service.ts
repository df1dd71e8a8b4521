import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  refuseIfTooMany,
  shanghaiText,
  toXlsx,
  type SheetColumn,
} from '../platform/list.ts';
import * as q from './referral.queries.ts';
import type { Referral, Worklist, WorklistQuery } from './referral.schema.ts';
import {
  AWAITING_DECISION,
  OPEN_STATUSES,
  STATUS_LABELS,
  URGENCY_LABELS,
  type ReferralStatus,
} from './referral.states.ts';
import { boxOrgs, isoAt, toReferral } from './referral.view.ts';

/** 转诊工作台: the incoming, outgoing or whole list of the caller's referrals, a page at a time, and its Excel twin. */

const STATUS_FILTERS: Record<'open' | 'awaiting', readonly ReferralStatus[]> = {
  open: OPEN_STATUSES,
  awaiting: AWAITING_DECISION,
};

function filterOf(ctx: Ctx, input: WorklistQuery): q.ListFilter {
  const box = input.box;
  const status = input.status;
  return {
    orgIds: ctx.scope.orgIds,
    box,
    boxOrgIds: box === 'all' ? [] : boxOrgs(ctx, box),
    statuses:
      status === undefined ? undefined : status === 'open' || status === 'awaiting' ? STATUS_FILTERS[status] : [status],
    direction: input.direction,
    urgency: input.urgency,
    outOfCounty: input.outOfCounty === undefined ? undefined : input.outOfCounty === 'true',
    escalated: input.escalated === undefined ? undefined : input.escalated === 'true',
    residentId: input.residentId,
    q: input.q,
  };
}

export async function worklist(ctx: Ctx, input: WorklistQuery): Promise<Worklist> {
  const filter = filterOf(ctx, input);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, q.ordered(trx, filter, input.sort), input);
    const { statuses: _ignored, ...countFilter } = filter;
    const counts = await q.counts(trx, countFilter, ctx.actor.id);
    const now = await q.serverNow(trx);
    await writeAudit(trx, ctx.audit, {
      action: 'referral.list',
      resource: 'referral',
      detail: { box: input.box, results: rows.map((r) => r.id) },
    });
    return { ...meta, items: rows.map((r) => toReferral(ctx, r)), now: isoAt(now), counts };
  });
}

const BOX_LABELS = { incoming: '转入', outgoing: '转出', all: '全部' } as const;
const SHEET: Array<SheetColumn<Referral>> = [
  { header: '编号', value: (r) => r.id, width: 8 },
  { header: '患者', value: (r) => r.resident.name, width: 10 },
  { header: '性别', value: (r) => (r.resident.sex === 'M' ? '男' : '女'), width: 6 },
  { header: '年龄', value: (r) => r.resident.age, width: 6 },
  { header: '身份证号', value: (r) => r.resident.idNumber, width: 21 },
  { header: '手机号', value: (r) => r.resident.mobile, width: 14 },
  { header: '方向', value: (r) => (r.direction === 'up' ? (r.outOfCounty ? '外转' : '上转') : '下转'), width: 6 },
  { header: '紧急程度', value: (r) => URGENCY_LABELS[r.urgency], width: 8 },
  { header: '三优先', value: (r) => (r.priority ? '是' : ''), width: 7 },
  { header: '诊断编码', value: (r) => r.diagnosis.code, width: 9 },
  { header: '诊断', value: (r) => r.diagnosis.name, width: 20 },
  { header: '转出机构', value: (r) => r.fromOrg.name, width: 20 },
  { header: '转出医生', value: (r) => r.fromStaff.name, width: 10 },
  { header: '转入机构', value: (r) => r.toOrg.name, width: 20 },
  { header: '转入科室', value: (r) => r.toDepartment?.name, width: 10 },
  { header: '状态', value: (r) => STATUS_LABELS[r.status], width: 8 },
  { header: '转诊原因', value: (r) => r.reason, width: 30 },
  { header: '创建时间', value: (r) => shanghaiText(r.createdAt), width: 17 },
  { header: '提交时间', value: (r) => shanghaiText(r.submittedAt), width: 17 },
  { header: '接收时限', value: (r) => shanghaiText(r.deadlineAt), width: 17 },
  { header: '接收时间', value: (r) => shanghaiText(r.acceptedAt), width: 17 },
  { header: '到院时间', value: (r) => shanghaiText(r.arrivedAt), width: 17 },
];

/** The filtered worklist as Excel: every page, the masked snapshot exactly as on screen. */
export async function exportXlsx(ctx: Ctx, input: WorklistQuery) {
  const filter = filterOf(ctx, input);
  const result = await withScope(ctx.db, ctx.scope, (trx) =>
    exportRows(trx, ctx.audit, q.ordered(trx, filter, input.sort), {
      action: 'referral.export',
      resource: 'referral',
      filter: exportFilter(input),
    }),
  );
  const rows = refuseIfTooMany(result).map((r) => toReferral(ctx, r));
  return toXlsx(rows, SHEET, `转诊单-${BOX_LABELS[input.box]}`);
}
