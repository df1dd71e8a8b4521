import type { Generated } from 'kysely';

// ---- family-doctor contracts (issue 11): teams, packages, contracts, entitlements, deliveries ----

export const TEAM_ROLES = [
  'county_specialist',
  'township_doctor',
  'village_doctor',
  'nurse',
  'public_health',
  'grid_member',
  'other',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const KEY_POPS = [
  'elderly',
  'hypertension',
  'diabetes',
  'poor',
  'disabled',
  'maternal',
  'child',
  'mental',
  'tb',
] as const;
export type KeyPop = (typeof KEY_POPS)[number];
export const SERVICE_KINDS = [
  'followup_htn',
  'followup_t2dm',
  'health_check',
  'glucose_test',
  'bp_measure',
  'visit',
  'home_visit',
  'consult',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const PACKAGE_CATEGORIES = ['basic', 'personalised', 'paid'] as const;
export const PACKAGE_TARGETS = ['hypertension', 'diabetes', 'elderly', 'maternal', 'child', 'rehab', 'mental'] as const;

export interface FdSettingsTable {
  county_id: number;
  grid_max_patients: Generated<number>;
  doctor_max_grids: Generated<number>;
  renewal_window_days: Generated<number>;
  idle_days: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export interface FdTeamsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  name: string;
  lead_staff_id: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface FdTeamMembersTable {
  id: Generated<number>;
  team_id: number;
  staff_id: number;
  role: TeamRole;
  from_date: string;
  to_date: string | null;
}
export interface FdTeamVillagesTable {
  team_id: number;
  village_org_id: number;
}
export interface FdPackagesTable {
  id: Generated<number>;
  county_id: number;
  code: string;
  version: number;
  name: string;
  category: (typeof PACKAGE_CATEGORIES)[number];
  target: (typeof PACKAGE_TARGETS)[number] | null;
  price_fen: Generated<number>;
  fund_public_health_fen: Generated<number>;
  fund_insurance_fen: Generated<number>;
  fund_self_fen: Generated<number>;
  effective_from: string;
  effective_to: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface FdPackageItemsTable {
  id: Generated<number>;
  package_id: number;
  item_code: string;
  name: string;
  service_kind: ServiceKind;
  quota: number;
  unit: Generated<string>;
  counts_as_followup: Generated<boolean>;
}
export interface FdContractsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  resident_id: number;
  team_id: number;
  doctor_staff_id: number;
  cadre_name: string | null;
  /** daterange literal '[from,to)' */
  period: string;
  signed_to: string;
  status: Generated<'active' | 'terminated'>;
  key_pops: Generated<KeyPop[]>;
  signature_kind: 'drawn' | 'scan';
  signature: string;
  household_no: string | null;
  renewed_from_id: number | null;
  end_reason: string | null;
  ended_at: Date | null;
  client_id: string | null;
  signed_by: number | null;
  device_at: Date | null;
  created_at: Generated<Date>;
}
export interface FdContractPackagesTable {
  contract_id: number;
  package_id: number;
}
export interface FdContractEventsTable {
  id: Generated<number>;
  contract_id: number;
  org_id: number;
  action: 'sign' | 'renew' | 'terminate' | 'change_team';
  reason: string | null;
  detail: string | null;
  staff_id: number | null;
  at: Generated<Date>;
}
export interface FdEntitlementsTable {
  id: Generated<number>;
  contract_id: number;
  org_id: number;
  package_id: number;
  item_code: string;
  name: string;
  service_kind: ServiceKind;
  quota: number;
  used: Generated<number>;
  counts_as_followup: boolean;
}
export interface FdDeliveriesTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  contract_id: number;
  entitlement_id: number | null;
  resident_id: number;
  service_kind: ServiceKind;
  delivered_on: string;
  staff_id: number | null;
  source: 'followup' | 'visit' | 'exam' | 'manual' | 'seed';
  source_ref: string;
  created_at: Generated<Date>;
}

declare module '../platform/db-types.ts' {
  interface DB {
    fd_settings: FdSettingsTable;
    fd_teams: FdTeamsTable;
    fd_team_members: FdTeamMembersTable;
    fd_team_villages: FdTeamVillagesTable;
    fd_packages: FdPackagesTable;
    fd_package_items: FdPackageItemsTable;
    fd_contracts: FdContractsTable;
    fd_contract_packages: FdContractPackagesTable;
    fd_contract_events: FdContractEventsTable;
    fd_entitlements: FdEntitlementsTable;
    fd_deliveries: FdDeliveriesTable;
  }
}
