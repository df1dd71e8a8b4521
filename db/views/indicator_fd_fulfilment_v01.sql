-- 履约率 (fulfilment of the contracts' service packages), version 1.
-- Definition:  for the contracts whose period started in the year (signed or renewed then):
--              per contract Σ min(used, quota) / Σ quota over its entitlements.
--              Pooled over an area: Σ used_capped / Σ quota (state: pooled). The mean of the
--              contracts' own rates is given beside it (mean_rate_sum / contracts).
-- Numerator:   used_capped (pooled); mean_rate_sum (mean).
-- Denominator: quota (pooled); contracts (mean).
-- One row per county, year, village clinic, grid and team.
CREATE OR REPLACE VIEW indicator_fd_fulfilment_v01 WITH (security_invoker = true) AS
WITH per_contract AS (
  SELECT c.id, c.county_id, extract(year FROM lower(c.period))::int AS year, c.org_id, c.team_id, c.resident_id,
         sum(least(e.used, e.quota))::int AS used_capped, sum(e.quota)::int AS quota
  FROM fd_contracts c
  JOIN fd_entitlements e ON e.contract_id = c.id
  GROUP BY c.id
)
SELECT p.county_id, p.year, p.org_id, gp.grid_id, p.team_id,
       count(*)::int AS contracts,
       sum(p.used_capped)::int AS used_capped,
       sum(p.quota)::int AS quota,
       sum(p.used_capped::numeric / p.quota) AS mean_rate_sum
FROM per_contract p
LEFT JOIN grid_patients gp ON gp.resident_id = p.resident_id
GROUP BY p.county_id, p.year, p.org_id, gp.grid_id, p.team_id;
