-- 签约居民续签率 (renewal rate), version 1.
-- Definition:  of the contracts whose signed year ended in the year, by today (signed_to in
--              the year and not after today, Asia/Shanghai; terminated ones left out), the share
--              renewed (a later contract names it renewed_from).
-- Numerator:   renewed.
-- Denominator: ended.
-- One row per county, year, village clinic and grid.
CREATE OR REPLACE VIEW indicator_fd_renewal_v01 WITH (security_invoker = true) AS
SELECT c.county_id, extract(year FROM c.signed_to - 1)::int AS year, c.org_id, gp.grid_id,
       count(*)::int AS ended,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fd_contracts n WHERE n.renewed_from_id = c.id))::int AS renewed
FROM fd_contracts c
LEFT JOIN grid_patients gp ON gp.resident_id = c.resident_id
WHERE c.status = 'active' AND c.signed_to <= (now() AT TIME ZONE 'Asia/Shanghai')::date
GROUP BY c.county_id, extract(year FROM c.signed_to - 1), c.org_id, gp.grid_id;
