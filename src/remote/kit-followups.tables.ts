import type { ColumnType } from 'kysely';
import './remote.tables.ts';

// ---- 健康一体机读数进慢病随访 (issue 12 §6): db/migrations/0093_kit_followups.sql ----

export interface FollowupKitReadingsTable {
  followup_id: string;
  device_id: string;
  reading_id: string;
  county_id: number;
  org_id: number;
  linked_by: number;
  linked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../platform/db-types.ts' {
  interface DB {
    followup_kit_readings: FollowupKitReadingsTable;
  }
}
