-- 高血压 / 2型糖尿病 管理率 (numerator), 规范管理率 and 控制率, version 1.
-- Definition:  a case is "managed in the year" (一年内已管理) when it has at least one follow-up
--              dated in the year (Asia/Shanghai calendar days).
--              规范管理 has two selectable calibers, both counted here:
--                standard_four      ≥ 4 face-to-face (门诊 / 家庭) follow-ups in the year;
--                standard_quarterly ≥ 1 face-to-face follow-up in each of the four quarters.
--              控制 = the year's last follow-up met the county's targets (rules in force on its day).
-- Numerator:   managed (for 管理率), standard_four / standard_quarterly, controlled.
-- Denominator: 管理率: expected patients (indicator_chronic_expected_v01);
--              规范管理率 and 控制率: managed.
-- Source:      chronic_case_years, kept by each follow-up's own transaction (fresh at once).
-- One row per county, year, village clinic, grid (null: not in a grid) and disease.
CREATE OR REPLACE VIEW indicator_chronic_management_v01 WITH (security_invoker = true) AS
SELECT y.county_id, y.year, y.org_id, gp.grid_id, y.disease,
       count(*)::int AS managed,
       count(*) FILTER (WHERE y.face_to_face >= 4)::int AS standard_four,
       count(*) FILTER (WHERE y.quarters = 15)::int AS standard_quarterly,
       count(*) FILTER (WHERE y.last_controlled)::int AS controlled
FROM chronic_case_years y
JOIN chronic_cases c ON c.id = y.case_id
LEFT JOIN grid_patients gp ON gp.resident_id = c.resident_id
GROUP BY y.county_id, y.year, y.org_id, gp.grid_id, y.disease;
