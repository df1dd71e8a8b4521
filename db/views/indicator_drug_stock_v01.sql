-- 近效期药品金额 and 库存周转天数 (near-expiry value and stock turnover), version 1.
-- Definition:  on the day the view is read (Asia/Shanghai): the cost value of stock on hand
--              (qty_in − qty_out, blocked included, at the batch's purchase cost per pack);
--              near_expiry_fen: of it, batches expiring within the county's near_expiry_days
--              (pharmacy_settings, 90 by default) and not yet expired; expired_fen: already expired.
--              Turnover days = stock_value_fen / (dispensed_cost_90d_fen / 90): how many days the
--              stock on hand lasts at the last 90 days' pace of dispensing (at cost).
-- Numerator:   near_expiry_fen (near-expiry share); stock_value_fen (turnover days).
-- Denominator: stock_value_fen (near-expiry share); dispensed_cost_90d_fen / 90 (turnover days).
-- One row per county and org holding stock.
CREATE OR REPLACE VIEW indicator_drug_stock_v01 WITH (security_invoker = true) AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d)
SELECT b.county_id, b.org_id,
       sum(round((b.qty_in - b.qty_out)::numeric * b.cost_fen / dr.pack_qty))::bigint AS stock_value_fen,
       coalesce(sum(round((b.qty_in - b.qty_out)::numeric * b.cost_fen / dr.pack_qty))
         FILTER (WHERE b.expiry_date >= t.d AND b.expiry_date <= t.d + coalesce(s.near_expiry_days, 90)), 0)::bigint AS near_expiry_fen,
       coalesce(sum(round((b.qty_in - b.qty_out)::numeric * b.cost_fen / dr.pack_qty))
         FILTER (WHERE b.expiry_date < t.d), 0)::bigint AS expired_fen,
       count(*) FILTER (WHERE b.qty_in - b.qty_out > 0 AND b.expiry_date >= t.d
                          AND b.expiry_date <= t.d + coalesce(s.near_expiry_days, 90))::int AS near_expiry_batches,
       coalesce((SELECT sum(round(m.qty::numeric * b2.cost_fen / d2.pack_qty))
                 FROM stock_moves m JOIN stock_batches b2 ON b2.id = m.batch_id JOIN drugs d2 ON d2.id = b2.drug_id
                 WHERE m.org_id = b.org_id AND m.kind = 'dispense' AND m.at >= now() - interval '90 days'), 0)::bigint
         AS dispensed_cost_90d_fen
FROM stock_batches b
JOIN drugs dr ON dr.id = b.drug_id
CROSS JOIN today t
LEFT JOIN pharmacy_settings s ON s.county_id = b.county_id
GROUP BY b.county_id, b.org_id, t.d, s.near_expiry_days;
