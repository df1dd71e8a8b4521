import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../platform/db-types.ts';

// ---- his (issue 10, item 5): the HL7 interface's senders and stored messages ----

export type HisMessageStatus = 'received' | 'applied' | 'held' | 'error' | 'duplicate';
export type HisChannel = 'mllp' | 'http' | 'replay';
export type AckCode = 'AA' | 'AE' | 'AR';

export interface HisSendersTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  facility: string;
  name: string;
  secret_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface HisMessagesTable {
  id: Generated<number>;
  county_id: number | null;
  org_id: number | null;
  sender_id: number | null;
  channel: HisChannel;
  facility: string | null;
  control_id: string | null;
  message_type: string | null;
  sent_at: Date | null;
  received_at: ColumnType<Date, Date | undefined, Date>;
  status: HisMessageStatus;
  error_code: string | null;
  error_text: string | null;
  resident_id: number | null;
  external_number: string | null;
  raw: string;
  ack_code: AckCode | null;
  ack: string | null;
  duplicate_of: number | null;
  applied_at: Date | null;
  attempts: Generated<number>;
  updated_at: Timestamp;
}

declare module '../platform/db-types.ts' {
  interface DB {
    his_senders: HisSendersTable;
    his_messages: HisMessagesTable;
  }
}
