import type { Generated } from 'kysely';
import type { Timestamp } from '../platform/db-types.ts';

// ---- clinics (issue 4): expert clinics, slots, bookings, queue, portal, subsidy ----

export interface ClinicSettingsTable {
  county_id: number;
  release_days: Generated<number>;
  release_time: Generated<string>;
  cancel_cutoff_minutes: Generated<number>;
  referral_hold_hours: Generated<number>;
  no_show_limit: Generated<number>;
  no_show_window_days: Generated<number>;
  suspension_days: Generated<number>;
  minutes_per_patient: Generated<number>;
  avg_out_of_county_cost_fen: Generated<number>;
  avg_travel_cost_fen: Generated<number>;
  avg_in_county_cost_fen: Generated<number>;
  updated_at: Timestamp;
}

export interface ExpertsTable {
  id: Generated<number>;
  county_id: number;
  staff_id: number | null;
  name: string;
  title: string;
  home_hospital: string;
  hospital_level: 'national' | 'provincial' | 'city' | 'county';
  speciality: string;
  native_place: string | null;
  alliance_member: Generated<boolean>;
  mobile: string | null;
  email: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ClinicSessionsTable {
  id: Generated<number>;
  county_id: number;
  kind: 'expert' | 'ordinary';
  session_type: 'clinic' | 'ward_round' | 'operation' | 'teaching';
  expert_id: number | null;
  doctor_name: string | null;
  org_id: number;
  department_id: number;
  room: string;
  session_date: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  release_at: Timestamp;
  hold_until: Timestamp;
  status: 'pending_approval' | 'published' | 'cancelled' | 'closed';
  capacity: number;
  subsidy_fen: Generated<number>;
  approved_by: number | null;
  cancel_reason: string | null;
  queue_seq: Generated<number>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ClinicSlotsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  hold_until: Timestamp;
  capacity: number;
  held: Generated<number>;
  booked: Generated<number>;
  booked_referred: Generated<number>;
}

export type ClinicBookingStatus = 'confirmed' | 'cancelled' | 'checked_in' | 'completed' | 'no_show';

export interface ClinicBookingsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  slot_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  resident_name: string;
  resident_birth_date: string;
  status: ClinicBookingStatus;
  channel: 'staff' | 'self' | 'waitlist';
  referred: Generated<boolean>;
  referral_id: number | null;
  idempotency_owner: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  no_show_at: Date | null;
}

export interface ClinicWaitlistTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  resident_name: string;
  resident_birth_date: string;
  referred: Generated<boolean>;
  status: 'waiting' | 'promoted' | 'cancelled' | 'expired';
  booking_id: number | null;
  channel: 'staff' | 'self';
  created_at: Generated<Date>;
  promoted_at: Date | null;
}

export interface ClinicNotificationsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  resident_org_id: number;
  booking_id: number | null;
  kind: 'session_cancelled' | 'waitlist_promoted' | 'booking_confirmed' | 'booking_cancelled';
  message: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Date>;
  /** set after the last retry failed; the row stays for staff to follow up */
  failed_at: Date | null;
}

export interface ClinicSuspensionsTable {
  resident_id: number;
  county_id: number;
  until: Timestamp;
  reason: string;
  created_at: Generated<Date>;
}

export interface ClinicQueueTicketsTable {
  id: Generated<number>;
  county_id: number;
  session_id: number;
  booking_id: number;
  org_id: number;
  department_id: number;
  resident_id: number;
  resident_org_id: number;
  number: number;
  masked_name: string;
  priority: number;
  priority_reason: string | null;
  status: 'waiting' | 'called' | 'skipped' | 'done';
  room: string;
  token_hash: string;
  checked_in_at: Generated<Date>;
  called_at: Date | null;
  call_count: Generated<number>;
  finished_at: Date | null;
}

export interface ClinicScreensTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number;
  name: string;
  token_hash: string;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface PortalCodesTable {
  id: Generated<number>;
  county_id: number;
  resident_id: number;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface PortalSessionsTable {
  id: string;
  county_id: number;
  resident_id: number;
  resident_org_id: number;
  expires_at: Timestamp;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface ClinicBudgetsTable {
  county_id: number;
  year: number;
  budget_fen: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ClinicSubsidyRatesTable {
  county_id: number;
  session_type: 'clinic' | 'ward_round' | 'operation' | 'teaching';
  subsidy_fen: number;
}

// the clinic tables, merged into the kernel's DB type
declare module '../platform/db-types.ts' {
  interface DB {
    clinic_settings: ClinicSettingsTable;
    experts: ExpertsTable;
    clinic_sessions: ClinicSessionsTable;
    clinic_slots: ClinicSlotsTable;
    clinic_bookings: ClinicBookingsTable;
    clinic_waitlist: ClinicWaitlistTable;
    clinic_notifications: ClinicNotificationsTable;
    clinic_suspensions: ClinicSuspensionsTable;
    clinic_queue_tickets: ClinicQueueTicketsTable;
    clinic_screens: ClinicScreensTable;
    portal_codes: PortalCodesTable;
    portal_sessions: PortalSessionsTable;
    clinic_budgets: ClinicBudgetsTable;
    clinic_subsidy_rates: ClinicSubsidyRatesTable;
  }
}
