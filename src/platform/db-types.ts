import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgsTable {
  id: Generated<number>;
  county_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: string;
  level: string;
  path: string;
  division_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  specialities: string[];
  beds: number;
  phone: string | null;
  active: Generated<boolean>;
  /** registers outpatient visits with a queue number (0030_care_wards_beds.sql) */
  visit_queue: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface DepartmentsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  code: string;
  name: string;
  speciality: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StaffTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number | null;
  username: string;
  display_name: string;
  title: string | null;
  roles: string[];
  mobile: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** the hashes an account's password replaced, for the "not one of the last 5" rule */
export interface PasswordHistoryTable {
  id: Generated<string>;
  county_id: number;
  staff_id: number;
  password_hash: string;
  replaced_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  staff_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  revoked_at: Date | null;
}

export interface ResidentsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  id_number: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sex: 'M' | 'F';
  birth_date: string;
  mobile: string | null;
  village: string | null;
  household_no: string | null;
  address: string | null;
  insurance_type: string;
  registered_poor: boolean;
  chronic_conditions: string[];
  deceased_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  seq: Generated<string | null>;
  at: Generated<Date>;
  county_id: number | null;
  user_id: number | null;
  username: string | null;
  role: string | null;
  org_id: number | null;
  action: string;
  resource: string | null;
  resource_id: string | null;
  resident_id: number | null;
  outcome: 'success' | 'denied' | 'failure';
  request_id: string | null;
  ip: string | null;
  detail: unknown;
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}

export interface DB {
  orgs: OrgsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  sessions: SessionsTable;
  password_history: PasswordHistoryTable;
  residents: ResidentsTable;
  audit_log: AuditLogTable;
}

// Each feature adds its own tables to DB with a `declare module` block in its
// <feature>.tables.ts file, so this file stays the kernel's and features stay in their rooms.
