-- 次均住院费用 (cost per stay), version 1.
-- Definition:  the charges of the stays discharged in the period over their number.
-- Numerator:   total_fen: every fee line of the stay, whenever charged, refunds netted.
-- Denominator: discharged stays (cancelled ones never count).
-- Period:      counted_at = discharge time; month = its month in Asia/Shanghai.
-- Township:    the township of org_id (indicator_org_township_v01).
-- One row per discharged stay; cost per stay = sum(total_fen) / count(*), in fen.
CREATE OR REPLACE VIEW indicator_care_cost_per_stay_v01 WITH (security_invoker = true) AS
SELECT s.county_id, 'stay'::text AS source, s.id AS source_id, s.org_id, s.discharged_at AS counted_at,
       to_char(s.discharged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       coalesce((SELECT sum(f.amount_fen) FROM fee_lines f WHERE f.stay_id = s.id), 0)::bigint AS total_fen
FROM stays s
WHERE s.status = 'discharged';
