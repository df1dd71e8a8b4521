-- 药占比与耗材占比 (drug share and consumables share of medical revenue), version 1.
-- Definition:  drug charges, and consumable charges, over all charges of the visits and stays.
-- Numerator:   drug_fen (category drug), consumable_fen (category consumable), refunds netted.
-- Denominator: total_fen, every category, refunds netted.
-- Period:      counted_at = the fee line's charge time; month = its month in Asia/Shanghai.
-- One row per org, month, and inpatient/outpatient (setting); cancelled visits and stays excluded.
CREATE OR REPLACE VIEW indicator_care_drug_share_v01 WITH (security_invoker = true) AS
SELECT f.county_id, f.org_id,
       to_char(f.charged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       CASE WHEN f.stay_id IS NULL THEN 'outpatient' ELSE 'inpatient' END AS setting,
       sum(f.amount_fen) FILTER (WHERE f.category = 'drug')::bigint AS drug_fen,
       sum(f.amount_fen) FILTER (WHERE f.category = 'consumable')::bigint AS consumable_fen,
       sum(f.amount_fen)::bigint AS total_fen
FROM fee_lines f
LEFT JOIN visits v ON v.id = f.visit_id
LEFT JOIN stays s ON s.id = f.stay_id
WHERE coalesce(v.status, s.status) <> 'cancelled'
GROUP BY 1, 2, 3, 4;
