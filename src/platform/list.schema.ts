import { z } from 'zod';
import { intQuery } from './params.ts';

/**
 * The list kit's contract, shared by the server (src/platform/list.ts) and the web
 * (src/web/kit/data-list.tsx): zod only, so the browser bundle never pulls in server code.
 */
export const MAX_PAGE_SIZE = 100;
/** one export at most; beyond this the user is asked to narrow the filter */
export const EXPORT_MAX_ROWS = 10_000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The shared query: page (from 1), pageSize, free-text q. Lists add `sort` through listQueryWith. */
export const listQuery = z.object({
  page: intQuery({
    min: 1,
    max: 10_000,
    message: '页码应为 1 到 10000 之间的整数',
    tooBig: '页码过大，请缩小筛选范围',
  }).default(1),
  pageSize: intQuery({
    min: 1,
    max: MAX_PAGE_SIZE,
    message: `每页条数应为 1 到 ${MAX_PAGE_SIZE} 之间的整数`,
    tooBig: `每页最多 ${MAX_PAGE_SIZE} 条`,
  }).default(20),
  q: z.string().trim().max(40, '搜索词不能超过 40 个字').optional(),
});
export type ListQuery = z.infer<typeof listQuery>;
export interface PageInput {
  page: number;
  pageSize: number;
}

/** `name` sorts ascending, `-name` descending. */
export type SortValue<K extends string> = K | `-${K}`;

/** A list's sort keys are a whitelist: anything else is refused with 400 before any SQL is built. */
export function sortParam<const K extends string>(keys: readonly [K, ...K[]]) {
  const values = keys.flatMap((k) => [k, `-${k}`]) as [SortValue<K>, ...Array<SortValue<K>>];
  return z.enum(values, { error: `排序方式不正确，可按：${keys.join('、')}（前加 - 为倒序）` }).optional();
}

export function listQueryWith<const K extends string>(sortKeys: readonly [K, ...K[]]) {
  return listQuery.extend({ sort: sortParam(sortKeys) });
}

/** The answer of every list: one page of items, the filtered total, and where the page is. */
export const pageMeta = z.object({
  total: z.number().int(),
  /** true when counting stopped at `total` (very large lists): the UI shows "10,000+" */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PageMeta = z.infer<typeof pageMeta>;

export function pageOf<T extends z.ZodType>(item: T) {
  return pageMeta.extend({ items: z.array(item) });
}
