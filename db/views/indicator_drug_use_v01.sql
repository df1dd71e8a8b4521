-- 基药使用占比 and 集采药品占比 (essential-drug and volume-based-procurement shares), version 1.
-- Definition:  of the drugs dispensed (dispense_lines of catalogue items of kind 'drug', returns
--              netted at the line's price), the share by amount and by item that are 基本药物
--              (drugs.essential), and the same for 集采 (drugs.vbp).
-- Numerator:   essential_fen, essential_items (distinct essential drugs dispensed); vbp_fen, vbp_items.
-- Denominator: amount_fen, items (distinct drugs dispensed).
-- Period:      month of the dispensing in Asia/Shanghai. One row per county, org and month.
CREATE OR REPLACE VIEW indicator_drug_use_v01 WITH (security_invoker = true) AS
SELECT l.county_id, l.org_id,
       to_char(l.dispensed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       sum(round((l.qty - l.returned_qty)::numeric * l.unit_price_fen / l.pack_qty))::bigint AS amount_fen,
       coalesce(sum(round((l.qty - l.returned_qty)::numeric * l.unit_price_fen / l.pack_qty)) FILTER (WHERE d.essential), 0)::bigint AS essential_fen,
       coalesce(sum(round((l.qty - l.returned_qty)::numeric * l.unit_price_fen / l.pack_qty)) FILTER (WHERE d.vbp), 0)::bigint AS vbp_fen,
       count(DISTINCT l.drug_id)::int AS items,
       count(DISTINCT l.drug_id) FILTER (WHERE d.essential)::int AS essential_items,
       count(DISTINCT l.drug_id) FILTER (WHERE d.vbp)::int AS vbp_items
FROM dispense_lines l
JOIN drugs d ON d.id = l.drug_id
WHERE d.kind = 'drug'
GROUP BY 1, 2, 3;
