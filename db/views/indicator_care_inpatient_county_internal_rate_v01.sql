-- 县域内住院率 (county-internal inpatient rate), version 1.
-- Definition:  of the admissions residents of the county had, the share inside the county's
--              medical group; women and children apart (is_woman, is_child as in the visit rate v02).
-- Numerator:   stays (not cancelled) at the group's orgs, by admission.
-- Denominator: the numerator + out-of-county visits registered as inpatient.
-- Period:      counted_at = admission time, or the out-of-county visit date at midnight in
--              Shanghai; month = its month in Asia/Shanghai.
-- Township:    by residence, the township of resident_org_id (indicator_org_township_v01).
-- One row per admission record: the inpatient rows of indicator_care_county_internal_visit_rate_v02.
CREATE OR REPLACE VIEW indicator_care_inpatient_county_internal_rate_v01 WITH (security_invoker = true) AS
SELECT v.* FROM indicator_care_county_internal_visit_rate_v02 v WHERE v.visit_type = 'inpatient';
