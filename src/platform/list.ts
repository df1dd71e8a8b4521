import type { FastifyReply } from 'fastify';
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { writeAudit, type AuditContext } from './audit.ts';
import type { Kdb } from './db.ts';
import { AppError } from './errors.ts';
import { EXPORT_MAX_ROWS, XLSX_MIME, type PageInput, type PageMeta, type SortValue } from './list.schema.ts';

export { EXPORT_MAX_ROWS, XLSX_MIME } from './list.schema.ts';

/**
 * The list kit's server half. Every list endpoint takes the same paging, sorting and search
 * parameters, answers `{items, total, page, pageSize}`, and has an Excel twin at `<url>/export`
 * that returns exactly the filtered rows (every page) through the same row mapping, so masking
 * on paper is masking on screen. The web half is src/web/kit/data-list.tsx.
 */

/**
 * The ORDER BY fragment for a whitelisted sort value. The key never reaches SQL: it only picks
 * one of the list's own expressions (Object.hasOwn, so `constructor` and friends pick nothing).
 */
export function sortSql<K extends string>(
  sort: SortValue<K> | undefined,
  columns: Readonly<Record<K, Expression<unknown>>>,
): RawBuilder<unknown> | null {
  if (!sort) return null;
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  if (!Object.hasOwn(columns, key)) throw new AppError(400, 'INVALID_SORT', '排序方式不正确', 'sort');
  const expr = columns[key as K];
  return sql`${expr} ${sql.raw(desc ? 'DESC NULLS LAST' : 'ASC NULLS LAST')}`;
}

/** How many rows the filtered query has; with a cap, counting stops just past it. */
export async function countRows<D, T extends keyof D, O>(
  db: Kdb,
  query: SelectQueryBuilder<D, T, O>,
  cap?: number,
): Promise<{ total: number; totalCapped: boolean }> {
  let inner = query
    .clearOrderBy()
    .clearLimit()
    .clearOffset()
    .clearSelect()
    .select(sql<number>`1`.as('one'));
  if (cap !== undefined) inner = inner.limit(cap + 1);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${inner}) AS counted`.execute(db);
  const n = Number(rows[0].n);
  return cap !== undefined && n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}

/** One page of an ordered query plus its total. The query must end in a unique key (an id) so pages never overlap. */
export async function fetchPage<D, T extends keyof D, O>(
  db: Kdb,
  query: SelectQueryBuilder<D, T, O>,
  input: PageInput,
  countCap?: number,
): Promise<{ rows: O[]; meta: PageMeta }> {
  const count = await countRows(db, query, countCap);
  const rows = await query
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, meta: { ...count, page: input.page, pageSize: input.pageSize } };
}

export type ExportResult<O> = { rows: O[] } | { refused: number };

/**
 * Every row of the filtered query (all pages, in screen order) for an export, with its audit
 * row in the caller's transaction. Past EXPORT_MAX_ROWS nothing is read: the refusal is
 * audited too, and `refuseIfTooMany` turns it into the user's answer after the commit.
 */
export async function exportRows<D, T extends keyof D, O>(
  db: Kdb,
  audit: AuditContext,
  query: SelectQueryBuilder<D, T, O>,
  entry: { action: string; resource: string; filter: Record<string, unknown> },
): Promise<ExportResult<O>> {
  const { total, totalCapped } = await countRows(db, query, EXPORT_MAX_ROWS);
  if (totalCapped) {
    await writeAudit(db, audit, {
      action: entry.action,
      outcome: 'denied',
      resource: entry.resource,
      detail: { filter: entry.filter, reason: 'too_many_rows', limit: EXPORT_MAX_ROWS },
    });
    return { refused: total };
  }
  const rows = await query.limit(EXPORT_MAX_ROWS).execute();
  await writeAudit(db, audit, {
    action: entry.action,
    resource: entry.resource,
    detail: { filter: entry.filter, rows: rows.length },
  });
  return { rows };
}

export function refuseIfTooMany<O>(result: ExportResult<O>): O[] {
  if ('refused' in result)
    throw new AppError(
      400,
      'EXPORT_TOO_LARGE',
      `一次最多导出 ${EXPORT_MAX_ROWS.toLocaleString('en-US')} 行，当前筛选结果超过此数，请缩小筛选范围（如日期、状态、机构）后再导出`,
    );
  return result.rows;
}

/** The filter an export was made with, for its audit row: paging is not part of it. */
export function exportFilter(input: Record<string, unknown>): Record<string, unknown> {
  const { page: _page, pageSize: _size, ...rest } = input;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
}

// ---- Excel ----------------------------------------------------------------------------------

export interface SheetColumn<T> {
  /** Chinese column header */
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
  width?: number;
  /** Excel number format, e.g. MONEY_FORMAT */
  format?: string;
}
export const MONEY_FORMAT = '#,##0.00';

/** Fen to yuan for a money column (with MONEY_FORMAT); null stays empty. */
export const yuanCell = (fen: number | null | undefined): number | null => (fen == null ? null : fen / 100);

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** Excel has no time zones: instants are written as Asia/Shanghai wall-clock text, as on screen. */
export function shanghaiText(iso: string | Date | null | undefined): string | null {
  if (!iso) return null;
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : SHANGHAI.format(d);
}

export interface XlsxFile {
  filename: string;
  body: Buffer;
}

export async function toXlsx<T>(
  rows: readonly T[],
  columns: ReadonlyArray<SheetColumn<T>>,
  title: string,
): Promise<XlsxFile> {
  const header: Row = columns.map((c) => ({ value: c.header, fontWeight: 'bold' }));
  const data: Row[] = rows.map((r) =>
    columns.map((c): Cell => {
      const value = c.value(r);
      if (value === null || value === undefined || value === '') return null;
      return c.format ? { value, format: c.format } : value;
    }),
  );
  const body = await writeXlsxFile([header, ...data], {
    sheet: title.slice(0, 31),
    columns: columns.map((c) => ({ width: c.width ?? 14 })),
    stickyRowsCount: 1,
  }).toBuffer();
  const day = (shanghaiText(new Date()) ?? '').slice(0, 10);
  return { filename: `${title}-${day}.xlsx`, body };
}

export function sendXlsx(reply: FastifyReply, file: XlsxFile): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.body);
}
