-- ⑧ 县域内基金支出占比 and ⑨ 基层医疗卫生机构基金支出占比 (insurance fund spent in the county /
-- at primary institutions), version 1.
-- Definition:  ⑧ the basic insurance fund (统筹) paid for residents' care inside the county
--              over the fund paid inside and outside it; ⑨ the part paid at township centres
--              and village clinics over the same total.
-- Numerator:   ⑧ in_county_fen = Σ hifp_pay of settlements at the group's orgs (reversals netted);
--              ⑨ primary_fen = the same at hosp_level 'primary'.
-- Denominator: in_county_fen + out_of_county_fen, the latter Σ fund_paid_fen of the
--              out-of-county register (imported settlement lists; rows without it count 0,
--              so the figure is only meaningful once those lists are imported).
-- Period:      settled_on / visit_date (Asia/Shanghai); year.
-- One row per county, year and place (in county by level, or out of county).
CREATE OR REPLACE VIEW indicator_settle_fund_share_v01 WITH (security_invoker = true) AS
SELECT s.county_id, s.year, 'in_county'::text AS place, s.hosp_level, sum(s.hifp_pay)::bigint AS fund_fen, count(*)::bigint AS records
FROM settlements s WHERE s.status = 'confirmed'
GROUP BY s.county_id, s.year, s.hosp_level
UNION ALL
SELECT o.county_id, extract(year FROM o.visit_date)::int, 'out_of_county', o.hospital_level, coalesce(sum(o.fund_paid_fen), 0)::bigint,
       count(o.fund_paid_fen)::bigint
FROM out_of_county_visits o
GROUP BY o.county_id, extract(year FROM o.visit_date), o.hospital_level;
