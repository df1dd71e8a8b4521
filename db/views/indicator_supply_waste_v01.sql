-- 医疗废物重量与未确认交接 (waste weight per org and unconfirmed handovers), version 1.
-- Definition:  bags registered by a producing org in a month (Asia/Shanghai, server time of
--              registration), their weight at the producer, and of their handovers (producer →
--              collector → transfer station → disposal company) those the receiving side has
--              not yet confirmed.
-- Numerator:   weight_g = Σ producer weight in grams; unconfirmed = handovers with no receiver
--              confirmation.
-- Denominator: bags (for the weight per bag); handovers (for the unconfirmed share).
-- One row per county, producing org, month and category.
CREATE OR REPLACE VIEW indicator_supply_waste_v01 WITH (security_invoker = true) AS
SELECT b.county_id, b.org_id,
       date_trunc('month', b.created_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
       extract(year FROM b.created_at AT TIME ZONE 'Asia/Shanghai')::int AS year,
       b.category,
       count(*)::int AS bags,
       sum(b.weight_g)::bigint AS weight_g,
       sum(h.handovers)::int AS handovers,
       sum(h.unconfirmed)::int AS unconfirmed
FROM waste_bags b
CROSS JOIN LATERAL (
  SELECT count(*)::int AS handovers, count(*) FILTER (WHERE x.received_at IS NULL)::int AS unconfirmed
  FROM waste_handovers x WHERE x.bag_id = b.id
) h
GROUP BY b.county_id, b.org_id, 3, 4, b.category;
