import { defineDict } from '../i18n.ts';

/** Words of the page kit: lists, exports, date ranges, printing. */
export const kitMessages = defineDict({
  total: ['共 {n} 条', '{n} in total'],
  sort: ['排序', 'Sort'],
  exported: ['已导出 {name}', 'Exported {name}'],
  exportExcel: ['导出 Excel', 'Export to Excel'],
  exportTooMany: ['一次最多导出 {n} 行，请缩小筛选范围', 'At most {n} rows per export; please narrow the filter'],
  dateFrom: ['开始日期', 'From'],
  dateTo: ['结束日期', 'To'],
  dateRangeJoin: ['至', ' to '],
  close: ['关闭', 'Close'],
  print: ['打印', 'Print'],
});
