import type { Generated } from 'kysely';

// ---- wards and beds (issue 10): part of the org network; the referral bed board and the stays stand on them ----

export type BedType = 'general' | 'icu' | 'isolation' | 'paediatric' | 'obstetric' | 'extra';
export type BedStatus = 'open' | 'maintenance' | 'closed';

export interface WardsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number;
  code: string;
  name: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface BedsTable {
  id: Generated<number>;
  county_id: number;
  org_id: number;
  department_id: number;
  code: string;
  active: Generated<boolean>;
  ward_id: number | null;
  bed_type: Generated<BedType>;
  status: Generated<BedStatus>;
  created_at: Generated<Date>;
}

/** one row per occupied bed, written only by the triggers of admission_requests and stays */
export interface BedOccupancyTable {
  bed_id: number;
  county_id: number;
  org_id: number;
  resident_id: number;
  admission_id: number | null;
  stay_id: number | null;
  since: Generated<Date>;
}

declare module '../platform/db-types.ts' {
  interface DB {
    wards: WardsTable;
    beds: BedsTable;
    bed_occupancy: BedOccupancyTable;
  }
}
