import type { ColumnType, Generated } from 'kysely';
import './remote.tables.ts';

// ---- 远程会诊 (issue 12 §5): db/migrations/0092_consult_fees.sql ----

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type StampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ConsultPatient {
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
}

export type ConsultAction =
  | 'applied'
  | 'accepted'
  | 'declined'
  | 'consent'
  | 'scheduled'
  | 'held'
  | 'opinion_signed'
  | 'decided'
  | 'closed'
  | 'cancelled'
  | 'file_added';

export interface RemoteConsultFeesTable {
  id: Generated<number>;
  mode: 'async' | 'scheduled';
  fee_fen: number;
  effective_from: Stamp;
  effective_to: StampNull;
  note: string | null;
}

export interface RemoteConsultEventsTable {
  id: ColumnType<string, string | number | undefined, never>;
  county_id: number;
  consult_id: number;
  action: ConsultAction;
  from_status: string | null;
  to_status: string;
  actor_id: number;
  actor_org_id: number;
  at: Stamp;
  note: string | null;
}

declare module './remote.tables.ts' {
  interface RemoteConsultsTable {
    patient: ColumnType<ConsultPatient | null, string | null | undefined, string | null>;
  }
}

declare module '../platform/db-types.ts' {
  interface DB {
    remote_consult_fees: RemoteConsultFeesTable;
    remote_consult_events: RemoteConsultEventsTable;
  }
}
