import { randomUUID } from 'node:crypto';

import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  exportFilter,
  exportRows,
  fetchPage,
  MONEY_FORMAT,
  refuseIfTooMany,
  shanghaiText,
  toXlsx,
  yuanCell,
  type SheetColumn,
} from '../platform/list.ts';
import { maskIdNumber } from '../platform/mask.ts';
import { parseIdNumber } from '../residents/id-number.ts';
import { icd10 } from './icd10.ts';
import * as oq from './out-of-county.queries.ts';
import type { ImportReport, Visit, VisitCreate, VisitQuery, VisitSource } from './out-of-county.schema.ts';
import { isoAt } from './referral.view.ts';

const LEVELS: Record<string, VisitCreate['hospitalLevel']> = {
  national: 'national',
  国家级: 'national',
  provincial: 'provincial',
  省级: 'provincial',
  city: 'city',
  市级: 'city',
  other_county: 'other_county',
  外县: 'other_county',
};
const TYPES: Record<string, VisitCreate['visitType']> = {
  outpatient: 'outpatient',
  门诊: 'outpatient',
  inpatient: 'inpatient',
  住院: 'inpatient',
};
const MAX_ROWS = 5000;

/** RFC 4180 enough for settlement exports: quoted fields, doubled quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

interface Checked {
  residentId: number;
  residentOrgId: number;
  diagnosisName: string | null;
  values: VisitCreate;
}

/** Why a visit date is refused, or null: it must be a real day, not after today in Shanghai. */
export function visitDateProblem(date: string, now: Date): string | null {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    return '就诊日期应为 YYYY-MM-DD 的有效日期';
  if (date > todayInShanghai(now)) return '就诊日期不能晚于今天';
  return null;
}

/** Every reason a row is wrong, not just the first, so the clerk fixes the file once. */
async function check(
  trx: Kdb,
  raw: Record<string, string>,
  now: Date,
): Promise<{ ok: Checked } | { reasons: string[] }> {
  const reasons: string[] = [];
  const id = parseIdNumber(raw.idNumber ?? '', now);
  if (!id.ok) reasons.push(`身份证号：${id.message}`);
  const date = raw.visitDate ?? '';
  const dateProblem = visitDateProblem(date, now);
  if (dateProblem) reasons.push(dateProblem);
  const hospital = (raw.hospitalName ?? '').trim();
  if (hospital.length < 2 || hospital.length > 60) reasons.push('医院名称应为 2–60 个字');
  const level = LEVELS[(raw.hospitalLevel ?? '').trim()];
  if (!level) reasons.push('医院级别应为 国家级/省级/市级/外县');
  const type = TYPES[(raw.visitType ?? '').trim()];
  if (!type) reasons.push('就诊类型应为 门诊/住院');
  const code = (raw.diagnosisCode ?? '').trim();
  const diagnosis = code ? icd10(code) : undefined;
  if (code && !diagnosis) reasons.push(`诊断编码 ${code.slice(0, 10)} 不在 ICD-10 目录中`);
  const cost = (raw.cost ?? '').trim();
  let costFen: number | undefined;
  if (cost) {
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(cost)) reasons.push('费用应为不超过两位小数的金额（元）');
    else costFen = Math.round(Number(cost) * 100);
  }
  // 统筹支付: what the fund paid (from the insurer's out-of-county settlement list), for ⑧⑨
  const fund = (raw.fundPaid ?? '').trim();
  let fundPaidFen: number | undefined;
  if (fund) {
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(fund)) reasons.push('统筹支付应为不超过两位小数的金额（元）');
    else fundPaidFen = Math.round(Number(fund) * 100);
    if (fundPaidFen !== undefined && costFen !== undefined && fundPaidFen > costFen)
      reasons.push('统筹支付不能大于费用');
  }
  let resident: { id: number; org_id: number } | undefined;
  if (id.ok) {
    resident = await oq.residentByIdNumber(trx, id.info.normalized);
    if (!resident) reasons.push(`身份证号 ${maskIdNumber(id.info.normalized)} 不是本辖区登记居民`);
  }
  if (reasons.length || !resident || !level || !type) return { reasons };
  return {
    ok: {
      residentId: resident.id,
      residentOrgId: resident.org_id,
      diagnosisName: diagnosis?.name ?? null,
      values: {
        idNumber: raw.idNumber,
        visitDate: date,
        hospitalName: hospital,
        hospitalLevel: level,
        visitType: type,
        diagnosisCode: diagnosis?.code,
        costFen,
        fundPaidFen,
        reason: (raw.reason ?? '').trim().slice(0, 200) || undefined,
      },
    },
  };
}

async function insert(
  trx: Kdb,
  ctx: Ctx,
  rows: Checked[],
  source: VisitSource,
  batch: string | null,
): Promise<number[]> {
  return oq.insertNew(
    trx,
    rows.map((r) => ({
      county_id: ctx.actor.countyId,
      resident_id: r.residentId,
      resident_org_id: r.residentOrgId,
      visit_date: r.values.visitDate,
      hospital_name: r.values.hospitalName,
      hospital_level: r.values.hospitalLevel,
      region: null,
      visit_type: r.values.visitType,
      diagnosis_code: r.values.diagnosisCode ?? null,
      diagnosis_name: r.diagnosisName,
      cost_fen: r.values.costFen ?? null,
      fund_paid_fen: r.values.fundPaidFen ?? null,
      reason: r.values.reason ?? null,
      source,
      import_batch: batch,
      entered_by: ctx.actor.id,
    })),
  );
}

/** A form entry as the CSV row it stands for, so both are checked by the same rules. */
const asRow = (input: VisitCreate): Record<string, string> => ({
  idNumber: input.idNumber,
  visitDate: input.visitDate,
  hospitalName: input.hospitalName,
  hospitalLevel: input.hospitalLevel,
  visitType: input.visitType,
  diagnosisCode: input.diagnosisCode ?? '',
  cost: input.costFen === undefined ? '' : (input.costFen / 100).toFixed(2),
  fundPaid: input.fundPaidFen === undefined ? '' : (input.fundPaidFen / 100).toFixed(2),
  reason: input.reason ?? '',
});

export async function create(ctx: Ctx, input: VisitCreate): Promise<Visit> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const c = await check(trx, asRow(input), new Date());
    if ('reasons' in c) throw new AppError(400, 'INVALID_VISIT', c.reasons.join('；'));
    const [id] = await insert(trx, ctx, [c.ok], 'manual', null);
    if (!id) throw new AppError(409, 'DUPLICATE_VISIT', '该居民同日在该医院的同类就诊已登记');
    await writeAudit(trx, ctx.audit, {
      action: 'out_of_county.create',
      resource: 'out_of_county_visit',
      resourceId: id,
      residentId: c.ok.residentId,
    });
    return one(ctx, trx, id);
  });
}

const HEADERS: Record<string, string> = {
  身份证号: 'idNumber',
  id_number: 'idNumber',
  就诊日期: 'visitDate',
  visit_date: 'visitDate',
  医院名称: 'hospitalName',
  hospital_name: 'hospitalName',
  医院级别: 'hospitalLevel',
  hospital_level: 'hospitalLevel',
  就诊类型: 'visitType',
  visit_type: 'visitType',
  诊断编码: 'diagnosisCode',
  diagnosis_code: 'diagnosisCode',
  '费用(元)': 'cost',
  费用: 'cost',
  cost_yuan: 'cost',
  '统筹支付(元)': 'fundPaid',
  统筹支付: 'fundPaid',
  fund_paid_yuan: 'fundPaid',
  原因: 'reason',
  reason: 'reason',
};

/** Row by row: good rows go in (re-imports add nothing twice), bad rows come back with every reason. */
export async function importCsv(ctx: Ctx, csv: string): Promise<ImportReport> {
  const table = parseCsv(csv);
  if (table.length < 2) throw new AppError(400, 'EMPTY_CSV', 'CSV 至少需要表头和一行数据', 'csv');
  const header = table[0].map((h) => HEADERS[h.trim()] ?? '');
  for (const need of ['idNumber', 'visitDate', 'hospitalName', 'hospitalLevel', 'visitType']) {
    if (!header.includes(need))
      throw new AppError(
        400,
        'MISSING_COLUMN',
        `CSV 缺少必需的列（身份证号、就诊日期、医院名称、医院级别、就诊类型）`,
        'csv',
      );
  }
  const body = table.slice(1);
  if (body.length > MAX_ROWS)
    throw new AppError(400, 'TOO_MANY_ROWS', `一次最多导入 ${MAX_ROWS} 行，请分批导入`, 'csv');
  const batch = randomUUID();
  const now = new Date();
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const good: Checked[] = [];
    const rejected: Array<{ row: number; reasons: string[]; raw: string }> = [];
    for (const [i, cells] of body.entries()) {
      const raw = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']).filter(([h]) => h));
      const c = await check(trx, raw, now);
      if ('ok' in c) good.push(c.ok);
      else
        rejected.push({
          row: i + 2,
          reasons: c.reasons,
          raw: cells
            .join(',')
            .slice(0, 200)
            .replace(/\d{17}[\dXx]/g, (m) => maskIdNumber(m.toUpperCase())),
        });
    }
    const ids = await insert(trx, ctx, good, 'csv', batch);
    const report = { batch, total: body.length, imported: ids.length, duplicates: good.length - ids.length, rejected };
    await writeAudit(trx, ctx.audit, {
      action: 'out_of_county.import',
      resource: 'out_of_county_visit',
      detail: { batch, total: body.length, imported: ids.length, rejected: rejected.length },
    });
    return report;
  });
}

const toVisit = (v: oq.VisitRow): Visit => ({
  id: v.id,
  residentId: v.resident_id,
  residentName: v.resident_name,
  visitDate: v.visit_date,
  hospitalName: v.hospital_name,
  hospitalLevel: v.hospital_level,
  region: v.region,
  visitType: v.visit_type,
  diagnosisCode: v.diagnosis_code,
  diagnosisName: v.diagnosis_name,
  costFen: v.cost_fen,
  reason: v.reason,
  source: v.source,
  createdAt: isoAt(v.created_at),
});

async function one(ctx: Ctx, trx: Kdb, id: number): Promise<Visit> {
  return toVisit(await oq.list(trx, { countyId: ctx.actor.countyId, id }).executeTakeFirstOrThrow());
}

const filterOf = (ctx: Ctx, input: VisitQuery): oq.VisitFilter => ({
  countyId: ctx.actor.countyId,
  from: input.from,
  to: input.to,
  hospitalLevel: input.hospitalLevel,
  visitType: input.visitType,
  q: input.q,
});

export async function list(ctx: Ctx, input: VisitQuery) {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows, meta } = await fetchPage(trx, oq.list(trx, filterOf(ctx, input), input.sort), input);
    await writeAudit(trx, ctx.audit, {
      action: 'out_of_county.list',
      resource: 'out_of_county_visit',
      detail: { results: rows.map((r) => r.id) },
    });
    return { ...meta, items: rows.map(toVisit) };
  });
}

const LEVEL_LABELS: Record<Visit['hospitalLevel'], string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  other_county: '外县',
};
const SOURCE_LABELS: Record<string, string> = { manual: '手工登记', csv: 'CSV 导入', seed: '演示数据' };
const SHEET: Array<SheetColumn<Visit>> = [
  { header: '就诊日期', value: (v) => v.visitDate, width: 12 },
  { header: '居民', value: (v) => v.residentName, width: 10 },
  { header: '医院', value: (v) => v.hospitalName, width: 24 },
  { header: '医院级别', value: (v) => LEVEL_LABELS[v.hospitalLevel], width: 9 },
  { header: '地区', value: (v) => v.region, width: 10 },
  { header: '就诊类型', value: (v) => (v.visitType === 'inpatient' ? '住院' : '门诊'), width: 9 },
  { header: '诊断编码', value: (v) => v.diagnosisCode, width: 10 },
  { header: '诊断', value: (v) => v.diagnosisName, width: 18 },
  { header: '费用（元）', value: (v) => yuanCell(v.costFen), format: MONEY_FORMAT, width: 12 },
  { header: '原因', value: (v) => v.reason, width: 20 },
  { header: '来源', value: (v) => SOURCE_LABELS[v.source] ?? v.source, width: 10 },
  { header: '登记时间', value: (v) => shanghaiText(v.createdAt), width: 17 },
];

export async function exportXlsx(ctx: Ctx, input: VisitQuery) {
  const result = await withScope(ctx.db, ctx.scope, (trx) =>
    exportRows(trx, ctx.audit, oq.list(trx, filterOf(ctx, input), input.sort), {
      action: 'out_of_county.export',
      resource: 'out_of_county_visit',
      filter: exportFilter(input),
    }),
  );
  return toXlsx(refuseIfTooMany(result).map(toVisit), SHEET, '县外就诊登记');
}
