-- 基本药物缺货天数 (stock-out days of essential drugs per village clinic), version 1.
-- Definition:  for each village clinic and essential drug it has ever held: the days its
--              available quantity (qty_in − qty_out − qty_blocked over all its batches, from the
--              ledger in time order) stood at zero, from the move that emptied it to the move that
--              refilled it (or to now). Expiry is not counted as a stock-out here.
-- Numerator:   stockout_days. Denominator: days_tracked (from the item's first receipt to now).
-- Period:      a stock-out is counted in the year it began (Asia/Shanghai). One row per county,
--              org, drug and year.
CREATE OR REPLACE VIEW indicator_drug_stockout_v01 WITH (security_invoker = true) AS
WITH moves AS (
  SELECT m.county_id, m.org_id, b.drug_id, m.at, m.id,
         CASE WHEN m.kind IN ('receive', 'transfer_in', 'return', 'unblock') THEN m.qty
              WHEN m.kind IN ('transfer_out', 'dispense', 'loss', 'block') THEN -m.qty
              WHEN m.kind = 'stocktake_adj' THEN m.qty
              ELSE 0 END AS delta
  FROM stock_moves m
  JOIN stock_batches b ON b.id = m.batch_id
  JOIN drugs d ON d.id = b.drug_id
  JOIN orgs o ON o.id = m.org_id
  WHERE d.essential AND o.kind = 'village_clinic'
), running AS (
  SELECT county_id, org_id, drug_id, at,
         sum(delta) OVER w AS available,
         lead(at) OVER (PARTITION BY org_id, drug_id ORDER BY at, id) AS next_at,
         min(at) OVER (PARTITION BY org_id, drug_id) AS first_at
  FROM moves
  WINDOW w AS (PARTITION BY org_id, drug_id ORDER BY at, id ROWS UNBOUNDED PRECEDING)
)
SELECT county_id, org_id, drug_id,
       extract(year FROM at AT TIME ZONE 'Asia/Shanghai')::int AS year,
       round(coalesce(sum(extract(epoch FROM coalesce(next_at, now()) - at)) FILTER (WHERE available <= 0), 0) / 86400, 1)
         AS stockout_days,
       round(extract(epoch FROM now() - min(first_at)) / 86400, 1) AS days_tracked
FROM running
GROUP BY 1, 2, 3, 4;
