import type { ColumnType } from 'kysely';

// ---- 工作日历 (issue 12 §1, the limits in working hours and days): db/migrations/0094_work_calendar.sql ----

export interface WorkCalendarTable {
  day: ColumnType<string, string, string>;
  working: boolean;
  name: string;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../platform/db-types.ts' {
  interface DB {
    work_calendar: WorkCalendarTable;
  }
}
