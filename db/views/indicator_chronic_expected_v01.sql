-- 管理率's denominator (年内辖区应管理患者数), version 1.
-- Definition:  the estimated number of patients in an area: residents aged 35 and over times
--              the estimated prevalence, both base data entered per area and year
--              (chronic_base_data), rounded to whole people.
-- Numerator:   (none: this is a denominator) expected_htn, expected_t2dm.
-- One row per county, year and area (the org the base data was entered for).
CREATE OR REPLACE VIEW indicator_chronic_expected_v01 WITH (security_invoker = true) AS
SELECT b.county_id, b.year, b.org_id, b.pop_35_plus,
       round(b.pop_35_plus * b.htn_prevalence_bp / 10000.0)::int AS expected_htn,
       round(b.pop_35_plus * b.t2dm_prevalence_bp / 10000.0)::int AS expected_t2dm
FROM chronic_base_data b;
