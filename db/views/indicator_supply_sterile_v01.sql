-- 灭菌监测不合格率与召回包数 (sterilisation indicator failure rate, recalled packs), version 1.
-- Definition:  of the sterilisation loads whose indicators were read (passed or failed) in a
--              month by load date, the share that failed any of the physical, chemical or
--              biological indicators; and the packs of those loads recalled, with how many had
--              already left the CSSD (issued or used) and must be followed up.
-- Numerator:   failed loads.
-- Denominator: read loads (pending ones are left out).
-- One row per county, CSSD org, month and sterilisation method.
CREATE OR REPLACE VIEW indicator_supply_sterile_v01 WITH (security_invoker = true) AS
SELECT l.county_id, l.org_id,
       date_trunc('month', l.load_date)::date AS month,
       extract(year FROM l.load_date)::int AS year,
       l.method,
       count(*) FILTER (WHERE l.status <> 'pending')::int AS read_loads,
       count(*) FILTER (WHERE l.status = 'failed')::int AS failed_loads,
       count(*) FILTER (WHERE l.status = 'failed' AND NOT l.biological_ok)::int AS biological_failures,
       coalesce(sum(p.packs), 0)::int AS packs,
       coalesce(sum(p.recalled), 0)::int AS recalled_packs,
       coalesce(sum(p.recalled_out), 0)::int AS recalled_out
FROM sterile_loads l
CROSS JOIN LATERAL (
  SELECT count(*)::int AS packs, count(*) FILTER (WHERE s.status = 'recalled')::int AS recalled,
         count(*) FILTER (WHERE s.status = 'recalled' AND s.recalled_from IN ('issued', 'used'))::int AS recalled_out
  FROM sterile_packs s WHERE s.load_id = l.id
) p
GROUP BY l.county_id, l.org_id, 3, 4, l.method;
