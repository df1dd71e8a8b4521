import type { ColumnType, Generated } from 'kysely';

// ---- 危急值 escalation ladder (issue 12 §4): db/migrations/0091_critical_rules.sql ----

export type EscalationLevel = 'unacknowledged_15' | 'not_acted_30' | 'note_due_6h';

export interface RemoteCriticalRulesTable {
  id: Generated<number>;
  level: EscalationLevel;
  after_minutes: number;
  effective_from: ColumnType<Date, Date | string, Date | string>;
  effective_to: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  source: string | null;
}

declare module '../platform/db-types.ts' {
  interface DB {
    remote_critical_rules: RemoteCriticalRulesTable;
  }
}
