-- Simple's view of control (simpledotorg "what we report"), version 1, beside the 规范's.
-- Definition:  as at 31 December of the year (Asia/Shanghai): among patients registered
--              (confirmed) more than 3 months before (on or before 30 September) and not
--              terminated before the year ended:
--                lost to follow-up = no follow-up in the 12 months (the calendar year);
--                controlled = the last follow-up fell in the last 3 months (from 1 October)
--                and met the county's targets.
-- Numerator:   controlled; lost.
-- Denominator: controlled: registered - lost (Simple leaves the lost out); lost: registered.
-- One row per county, year, village clinic, grid and disease.
CREATE OR REPLACE VIEW indicator_chronic_simple_v01 WITH (security_invoker = true) AS
SELECT c.county_id, yr.year, c.org_id, gp.grid_id, c.disease,
       count(*)::int AS registered,
       count(*) FILTER (WHERE y.case_id IS NULL)::int AS lost,
       count(*) FILTER (WHERE y.last_visit >= make_date(yr.year, 10, 1) AND y.last_controlled)::int AS controlled
FROM chronic_cases c
JOIN (SELECT DISTINCT cy.county_id, cy.year FROM chronic_case_years cy) yr ON yr.county_id = c.county_id
LEFT JOIN chronic_case_years y ON y.case_id = c.id AND y.year = yr.year
LEFT JOIN grid_patients gp ON gp.resident_id = c.resident_id
WHERE c.disease IN ('htn', 't2dm')
  AND coalesce(c.confirmed_on, c.managed_on) <= make_date(yr.year, 9, 30)
  AND (c.terminated_on IS NULL OR c.terminated_on > make_date(yr.year, 12, 31))
GROUP BY c.county_id, yr.year, c.org_id, gp.grid_id, c.disease;
