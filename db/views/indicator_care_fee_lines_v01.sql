-- 药占比与耗材占比（费用明细口径） (drug and consumables share, fee line by fee line), version 1.
-- Definition:  the fee lines indicator_care_drug_share_v01 sums, one row each, so a figure cell
--              can be opened to the charges behind it; the sums agree with that view.
-- Numerator:   amount_fen of category drug (drug share), of category consumable (consumables share).
-- Denominator: amount_fen of every category; refunds are negative lines and net out.
-- Period:      counted_at = the fee line's charge time; month = its month in Asia/Shanghai.
-- Township:    the township of org_id (indicator_org_township_v01).
-- One row per fee line of a visit or stay that is not cancelled.
CREATE OR REPLACE VIEW indicator_care_fee_lines_v01 WITH (security_invoker = true) AS
SELECT f.county_id, 'fee_line'::text AS source, f.id AS source_id, f.org_id, f.visit_id, f.stay_id,
       CASE WHEN f.stay_id IS NULL THEN 'outpatient' ELSE 'inpatient' END AS setting,
       f.category, f.amount_fen, f.charged_at AS counted_at,
       to_char(f.charged_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
FROM fee_lines f
LEFT JOIN visits v ON v.id = f.visit_id
LEFT JOIN stays s ON s.id = f.stay_id
WHERE coalesce(v.status, s.status) <> 'cancelled';
