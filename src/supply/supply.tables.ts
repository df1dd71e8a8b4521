import type { ColumnType, Generated } from 'kysely';

// ---- 消毒供应与医疗废物 (issue 14 part 7): pack types, loads, packs; waste bags and handovers ----

export const STERILE_METHODS = ['steam', 'plasma', 'eo'] as const;
export type SterileMethod = (typeof STERILE_METHODS)[number];
export const LOAD_STATUSES = ['pending', 'passed', 'failed'] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];
export const PACK_STATUSES = ['in_cssd', 'issued', 'used', 'returned', 'recalled'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];
/** what a list shows: the stored status, or 'expired' when past expires_on and not used or recalled */
export const PACK_VIEW_STATUSES = [...PACK_STATUSES, 'expired'] as const;
export const WASTE_CATEGORIES = ['infectious', 'sharps', 'pathological', 'pharmaceutical', 'chemical'] as const;
export type WasteCategory = (typeof WASTE_CATEGORIES)[number];
export const WASTE_STAGES = ['produced', 'collected', 'at_station', 'disposed'] as const;
export type WasteStage = (typeof WASTE_STAGES)[number];
/** collect: producer → collector; station: collector → transfer station; dispose: station → disposal company */
export const WASTE_STEPS = ['collect', 'station', 'dispose'] as const;
export type WasteStep = (typeof WASTE_STEPS)[number];

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SterilePackTypesTable {
  id: Generated<number>;
  county_id: number;
  name: string;
  items: ColumnType<Array<{ name: string; count: number }>, string, string>;
  method: SterileMethod;
  packaging: string;
  shelf_days: number;
  active: Generated<boolean>;
}
export interface SterileLoadsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  sterilizer: string;
  cycle_no: number;
  load_date: string;
  method: SterileMethod;
  operator_staff_id: number;
  status: Generated<LoadStatus>;
  physical_ok: boolean | null;
  chemical_ok: boolean | null;
  biological_ok: boolean | null;
  note: string | null;
  read_by: number | null;
  read_at: Date | null;
  created_at: Generated<Date>;
}
export interface SterilePacksTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  code: string;
  pack_type_id: number;
  load_id: number;
  sterilised_on: string;
  expires_on: string;
  status: Generated<PackStatus>;
  recalled_from: Exclude<PackStatus, 'recalled'> | null;
  issued_to_org_id: number | null;
  issued_ward: string | null;
  issued_by: number | null;
  issued_at: Date | null;
  used_resident_id: number | null;
  used_by: number | null;
  used_at: Date | null;
  returned_by: number | null;
  returned_at: Date | null;
  recalled_at: Date | null;
}
export interface WasteSettingsTable {
  id: Generated<number>;
  county_id: number | null;
  effective_from: string;
  tolerance_pct: ColumnType<string, number | string, number | string>;
  tolerance_grams: number;
  overdue_hours: number;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface WasteBagsTable {
  id: string;
  county_id: number;
  org_id: number;
  category: WasteCategory;
  weight_g: number;
  stage: Generated<WasteStage>;
  note: string | null;
  device_at: Stamp;
  created_at: Generated<Date>;
  created_by: number;
}
export interface WasteHandoversTable {
  id: Generated<number>;
  bag_id: string;
  county_id: number;
  org_id: number;
  step: WasteStep;
  giver_name: string;
  giver_weight_g: number;
  given_by: number;
  given_at: Generated<Date>;
  receiver_name: string;
  receiver_weight_g: number | null;
  received_by: number | null;
  received_at: Date | null;
}

declare module '../platform/db-types.ts' {
  interface DB {
    sterile_pack_types: SterilePackTypesTable;
    sterile_loads: SterileLoadsTable;
    sterile_packs: SterilePacksTable;
    waste_settings: WasteSettingsTable;
    waste_bags: WasteBagsTable;
    waste_handovers: WasteHandoversTable;
  }
}
