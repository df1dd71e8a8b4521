-- 签约率 (family-doctor contract coverage) overall and per key population, version 1.
-- Definition:  as at 31 December of the year, or today (Asia/Shanghai) in the current year:
--              residents living then (not recorded dead by that day) with a contract in force
--              on that day, over those residents. Key populations by the record on that day:
--              elderly (aged 65+), child (aged 0-6), poor (建档立卡), hypertension and
--              diabetes (a confirmed case in the registry).
-- Numerator:   signed.
-- Denominator: residents.
-- Years:       every year some contract covers.
-- One row per county, year, village clinic, grid and population ('all' or a key population).
CREATE OR REPLACE VIEW indicator_fd_signing_v01 WITH (security_invoker = true) AS
WITH years AS (
  SELECT DISTINCT c.county_id, gs.year::int AS year,
         least(make_date(gs.year::int, 12, 31), (now() AT TIME ZONE 'Asia/Shanghai')::date) AS as_of
  FROM (SELECT county_id, min(lower(period)) AS first_day, max(upper(period)) AS last_day FROM fd_contracts GROUP BY county_id) c
  CROSS JOIN LATERAL generate_series(extract(year FROM c.first_day)::int, extract(year FROM c.last_day - 1)::int) AS gs(year)
),
people AS (
  SELECT y.county_id, y.year, r.org_id, gp.grid_id,
         EXISTS (SELECT 1 FROM fd_contracts k WHERE k.resident_id = r.id AND k.period @> y.as_of) AS signed,
         date_part('year', age(y.as_of, r.birth_date)) AS age,
         r.registered_poor,
         EXISTS (SELECT 1 FROM chronic_cases h WHERE h.resident_id = r.id AND h.disease = 'htn'
                 AND h.confirmed_on <= y.as_of AND h.state IN ('confirmed', 'managed', 'lost')) AS htn,
         EXISTS (SELECT 1 FROM chronic_cases d WHERE d.resident_id = r.id AND d.disease = 't2dm'
                 AND d.confirmed_on <= y.as_of AND d.state IN ('confirmed', 'managed', 'lost')) AS t2dm
  FROM years y
  JOIN residents r ON r.county_id = y.county_id AND (r.deceased_on IS NULL OR r.deceased_on > y.as_of)
  LEFT JOIN grid_patients gp ON gp.resident_id = r.id
)
SELECT p.county_id, p.year, p.org_id, p.grid_id, pop.name AS population,
       count(*)::int AS residents, count(*) FILTER (WHERE p.signed)::int AS signed
FROM people p
CROSS JOIN LATERAL (VALUES ('all', true), ('elderly', p.age >= 65), ('child', p.age <= 6), ('poor', p.registered_poor),
                           ('hypertension', p.htn), ('diabetes', p.t2dm)) AS pop(name, member)
WHERE pop.member
GROUP BY p.county_id, p.year, p.org_id, p.grid_id, pop.name;
