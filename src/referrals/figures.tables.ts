/**
 * The indicator views of db/views the referral figures read (each file's header gives its
 * numerator, denominator and definition). Views, not tables: features write rows, the
 * figures only read these.
 */

/** A ratio indicator: one row per unit of the denominator; in_numerator marks the numerator. */
export interface IndicatorRatioView {
  county_id: number;
  /** places the unit in a period */
  counted_at: Date;
  in_numerator: boolean;
}

export interface IndicatorTurnaroundView {
  county_id: number;
  referral_id: number;
  counted_at: Date;
  /** submission to acceptance; NULL without a submission time */
  minutes: number | null;
}

export interface IndicatorVolumeView {
  county_id: number;
  referral_id: number;
  counted_at: Date;
  /** YYYY-MM in Asia/Shanghai */
  month: string;
  from_org_id: number;
  from_org_name: string;
  direction: 'up' | 'down';
}

declare module '../platform/db-types.ts' {
  interface DB {
    indicator_closed_loop_rate_v01: IndicatorRatioView;
    indicator_down_referral_share_v01: IndicatorRatioView;
    indicator_out_of_county_referral_rate_v01: IndicatorRatioView;
    indicator_accepted_in_time_rate_v01: IndicatorRatioView;
    indicator_county_internal_rate_v01: IndicatorRatioView & { source: string; source_id: number };
    /** the care figures' visit-record definition (db/views), which the dashboard shows since issue 10 */
    indicator_care_county_internal_visit_rate_v02: IndicatorRatioView & { source: string; source_id: number };
    indicator_referral_turnaround_v01: IndicatorTurnaroundView;
    indicator_referral_volume_v01: IndicatorVolumeView;
  }
}
