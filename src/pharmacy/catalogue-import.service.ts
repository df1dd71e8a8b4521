import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { toXlsx } from '../platform/list.ts';
import { readTable } from '../platform/sheet-read.ts';
import { assertCatalogueEditor, upsertDrug } from './catalogue.core.ts';
import { drugInput } from './catalogue.schema.ts';
import { schedulePrice, switchInstant, switchTime } from './price.service.ts';

/**
 * 目录导入: an .xlsx or CSV (UTF-8 or GB18030) of catalogue items, applied row by row: each row
 * is created, updated, unchanged or rejected with its reason, in its own savepoint, so bad
 * rows never block good ones (and a row is never half applied). Items are matched by 医保编码,
 * so importing the same file again changes nothing and says so. A price column schedules the
 * price from the row's effective date through the one-price service.
 */

export const IMPORT_COLUMNS = [
  { header: '类别', example: '药品' },
  { header: '医保编码', example: 'XC08CAA001A001010100001' },
  { header: '通用名', example: '苯磺酸氨氯地平片' },
  { header: '商品名', example: '络活喜' },
  { header: '剂型', example: '片剂' },
  { header: '规格', example: '5mg' },
  { header: '包装单位', example: '盒' },
  { header: '最小单位', example: '片' },
  { header: '包装数量', example: '28' },
  { header: '可拆零', example: '是' },
  { header: '生产企业', example: '辉瑞制药有限公司' },
  { header: '批准文号', example: '国药准字H10950224' },
  { header: '医保类别', example: '甲类' },
  { header: '乙类自付比例(%)', example: '' },
  { header: '基药', example: '是' },
  { header: '集采', example: '是' },
  { header: '可配备层级', example: '县/乡/村' },
  { header: '配送企业', example: '' },
  { header: '价格(元)', example: '12.60' },
  { header: '价格生效日期', example: '' },
  { header: '价格依据文件', example: '晋医保〔2026〕12号' },
] as const;
type Header = (typeof IMPORT_COLUMNS)[number]['header'];

export async function template() {
  const row = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.header, c.example])) as Record<Header, string>;
  return toXlsx(
    [row],
    IMPORT_COLUMNS.map((c) => ({ header: c.header, value: (r: Record<Header, string>) => r[c.header], width: 16 })),
    '药品目录导入模板',
  );
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '√']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);
const CLASSES: Record<string, 'class_a' | 'class_b' | 'self_pay'> = {
  甲: 'class_a',
  甲类: 'class_a',
  乙: 'class_b',
  乙类: 'class_b',
  自费: 'self_pay',
  丙类: 'self_pay',
};
const LEVELS: Record<string, 'county' | 'township' | 'village'> = {
  县: 'county',
  县级: 'county',
  乡: 'township',
  乡镇: 'township',
  村: 'village',
  村级: 'village',
};

/** an Excel date serial (46000) or 2026/1/5 or 2026-01-05 → 'YYYY-MM-DD' */
function dateCell(v: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(v))
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(v)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

export interface RowResult {
  row: number;
  ybCode: string;
  name: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  reason?: string;
  price?: 'created' | 'updated' | 'unchanged';
}

class RowError extends Error {}

export async function importCatalogue(ctx: Ctx, input: { fileName: string; contentBase64: string }) {
  const now = ctx.platform.config.now();
  const content = Buffer.from(input.contentBase64, 'base64');
  let table: string[][];
  try {
    table = readTable(input.fileName, content);
  } catch {
    throw badRequest('BAD_IMPORT_FILE', '文件无法读取：请上传 .xlsx 或 CSV（UTF-8 或 GB18030）', 'contentBase64');
  }
  const header = (table[0] ?? []).map((h) => h.trim());
  const col = (h: Header) => header.indexOf(h);
  const missing = (['医保编码', '通用名'] as const).filter((h) => col(h) < 0);
  if (missing.length)
    throw badRequest('BAD_IMPORT_HEADER', `表头缺少"${missing.join('""')}"列，请使用导入模板`, 'contentBase64');
  const body = table.slice(1);
  if (!body.length) throw badRequest('EMPTY_IMPORT_FILE', '文件没有数据行', 'contentBase64');
  if (body.length > 5000) throw badRequest('IMPORT_TOO_LARGE', '一次最多导入 5000 行，请分批导入', 'contentBase64');
  const hash = createHash('sha256').update(content).digest('hex');
  const countyId = ctx.actor.countyId;

  return withScope(ctx.db, ctx.scope, async (trx) => {
    await assertCatalogueEditor(ctx, trx);
    const time = await switchTime(trx, countyId);
    const today = todayInShanghai(now);
    const suppliers = new Map(
      (await trx.selectFrom('drug_suppliers').select(['id', 'name']).where('county_id', '=', countyId).execute()).map(
        (s) => [s.name, s.id],
      ),
    );
    const same = await trx
      .selectFrom('drug_imports')
      .select(['id', 'at'])
      .where('county_id', '=', countyId)
      .where('file_hash', '=', hash)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const seen = new Map<string, number>();
    const results: RowResult[] = [];
    for (const [i, cells] of body.entries()) {
      const rowNo = i + 2;
      const cell = (h: Header) => (col(h) >= 0 ? (cells[col(h)] ?? '').trim() : '');
      const ybCode = cell('医保编码').toUpperCase();
      const result: RowResult = { row: rowNo, ybCode, name: cell('通用名'), outcome: 'rejected' };
      results.push(result);
      try {
        if (!ybCode) throw new RowError('缺少医保编码');
        if (seen.has(ybCode)) throw new RowError(`与第 ${seen.get(ybCode)} 行医保编码重复`);
        seen.set(ybCode, rowNo);
        const yesNo = (h: Header) => {
          const v = cell(h).toLowerCase();
          if (YES.has(v)) return true;
          if (NO.has(v)) return false;
          throw new RowError(`${h}应填"是"或"否"，收到"${cell(h)}"`);
        };
        const kindText = cell('类别');
        const kind =
          kindText === ''
            ? ybCode.startsWith('C')
              ? 'consumable'
              : 'drug'
            : kindText === '耗材'
              ? 'consumable'
              : kindText === '药品'
                ? 'drug'
                : kindText;
        const classText = cell('医保类别');
        const pct = cell('乙类自付比例(%)').replace(/%$/, '');
        if (pct !== '' && !/^\d{1,3}(\.\d{1,2})?$/.test(pct)) throw new RowError(`乙类自付比例"${pct}"不是百分数`);
        const levelText = cell('可配备层级');
        const levels =
          levelText === ''
            ? ['county', 'township', 'village']
            : levelText
                .split(/[/、,，\s]+/)
                .filter(Boolean)
                .map((l) => LEVELS[l] ?? l);
        const supplierName = cell('配送企业');
        if (supplierName && !suppliers.has(supplierName))
          throw new RowError(`配送企业"${supplierName}"未登记，请先在配送企业中添加`);
        const packQty = cell('包装数量');
        const parsed = drugInput.safeParse({
          kind,
          ybCode,
          genericName: cell('通用名'),
          brandName: cell('商品名'),
          dosageForm: cell('剂型'),
          spec: cell('规格'),
          packUnit: cell('包装单位'),
          minUnit: cell('最小单位'),
          packQty: /^\d+$/.test(packQty) ? Number(packQty) : undefined,
          splitAllowed: yesNo('可拆零'),
          manufacturer: cell('生产企业'),
          approvalNo: cell('批准文号'),
          insuranceClass: CLASSES[classText] ?? (classText || undefined),
          selfPayBp: pct === '' ? 0 : Math.round(Number(pct) * 100),
          essential: yesNo('基药'),
          vbp: yesNo('集采'),
          levels,
          supplierId: supplierName ? suppliers.get(supplierName) : null,
          active: true,
        });
        if (!parsed.success) throw new RowError(parsed.error.issues[0]?.message ?? '数据不完整');
        const priceText = cell('价格(元)').replace(/[,，¥\s]/g, '');
        if (priceText !== '' && !/^\d+(\.\d{1,2})?$/.test(priceText)) throw new RowError(`价格"${priceText}"不是金额`);
        const dateText = cell('价格生效日期');
        const day = dateText === '' ? null : dateCell(dateText);
        if (dateText !== '' && !day) throw new RowError(`价格生效日期"${dateText}"应为 YYYY-MM-DD`);

        await sql`SAVEPOINT catalogue_row`.execute(trx);
        try {
          const existing = await trx
            .selectFrom('drugs')
            .selectAll()
            .where('county_id', '=', countyId)
            .where('yb_code', '=', ybCode)
            .forUpdate()
            .executeTakeFirst();
          const res = await upsertDrug(trx, countyId, parsed.data, now, existing);
          result.outcome = res.outcome;
          if (priceText !== '') {
            const hasPrice = await trx
              .selectFrom('charge_prices')
              .select('id')
              .where('county_id', '=', countyId)
              .where('item_code', '=', res.drug.charge_code)
              .executeTakeFirst();
            // the first price of a new item from today; a change from the next day unless dated
            const from = day ?? (hasPrice ? addDays(today, 1) : today);
            const price = await schedulePrice(trx, {
              countyId,
              chargeCode: res.drug.charge_code,
              priceFen: Math.round(Number(priceText) * 100),
              instant: switchInstant(from, time),
              source: cell('价格依据文件') || `目录导入：${input.fileName}`.slice(0, 200),
              now,
            });
            result.price = price.outcome;
            if (price.outcome !== 'unchanged' && result.outcome === 'unchanged') result.outcome = 'updated';
          }
          await sql`RELEASE SAVEPOINT catalogue_row`.execute(trx);
        } catch (err) {
          await sql`ROLLBACK TO SAVEPOINT catalogue_row`.execute(trx);
          result.outcome = 'rejected';
          delete result.price;
          throw err instanceof AppError
            ? new RowError(err.message)
            : new RowError(`数据库拒绝该行：${(err as Error).message}`);
        }
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        result.reason = err.message;
      }
    }
    const count = (o: RowResult['outcome']) => results.filter((r) => r.outcome === o).length;
    const summary = {
      rowsTotal: results.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
    };
    const saved = await trx
      .insertInto('drug_imports')
      .values({
        county_id: countyId,
        file_name: input.fileName,
        file_hash: hash,
        rows_total: summary.rowsTotal,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        report: JSON.stringify(results),
        staff_id: ctx.actor.id,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.audit, {
      action: 'pharmacy.catalogue.import',
      resource: 'drug_import',
      resourceId: saved.id,
      detail: { fileName: input.fileName, ...summary },
    });
    return {
      importId: saved.id,
      fileName: input.fileName,
      ...summary,
      nothingChanged: summary.created + summary.updated === 0,
      sameFileAs: same ? { importId: same.id, at: same.at.toISOString() } : null,
      rows: results,
    };
  });
}

export async function listImports(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('drug_imports as i')
    .innerJoin('staff as s', 's.id', 'i.staff_id')
    .select([
      'i.id',
      'i.file_name',
      'i.rows_total',
      'i.created',
      'i.updated',
      'i.unchanged',
      'i.rejected',
      'i.at',
      's.display_name',
    ])
    .where('i.county_id', '=', ctx.actor.countyId)
    .orderBy('i.id', 'desc')
    .limit(50)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      rowsTotal: r.rows_total,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      at: r.at.toISOString(),
      staffName: r.display_name,
    })),
  };
}
