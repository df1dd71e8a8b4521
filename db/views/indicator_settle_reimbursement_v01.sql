-- 报销比例 (reimbursement ratio, by payer), version 1.
-- Definition:  what all payers together (基本医保, 大病保险, 补充医疗保险, 医疗救助, "136"兜底) paid
--              of the total cost of the settled bills; the poor inpatient ratio is this for
--              person_cat = 'poor' and setting = 'inpatient'.
-- Numerator:   fund_fen = Σ fund_pay_sumamt (per payer: Σ hifp_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay).
-- Denominator: total_fen = Σ medfee_sumamt.
-- Period:      settled_on (discharge day, Asia/Shanghai); year and month of it.
-- Counting:    confirmed settlements and their reversals (negative rows) together, so a
--              reversed settlement counts nothing; settlements = settlements − reversals.
-- One row per county, org, month, hospital level, setting, person category and scheme.
CREATE OR REPLACE VIEW indicator_settle_reimbursement_v01 WITH (security_invoker = true) AS
SELECT s.county_id, s.org_id, s.year, to_char(s.settled_on, 'YYYY-MM') AS month, s.hosp_level, s.setting, s.person_cat, s.scheme,
       (count(*) FILTER (WHERE s.kind = 'settlement') - count(*) FILTER (WHERE s.kind = 'reversal'))::bigint AS settlements,
       sum(s.medfee_sumamt)::bigint AS total_fen,
       sum(s.fund_pay_sumamt)::bigint AS fund_fen,
       sum(s.hifp_pay)::bigint AS basic_fen,
       sum(s.hifmi_pay)::bigint AS serious_fen,
       sum(s.hifob_pay)::bigint AS supplementary_fen,
       sum(s.maf_pay)::bigint AS assistance_fen,
       sum(s.oth_pay)::bigint AS doudi_fen,
       sum(s.hosp_part_amt)::bigint AS hospital_fen,
       sum(s.psn_part_amt)::bigint AS patient_fen
FROM settlements s
WHERE s.status = 'confirmed'
GROUP BY s.county_id, s.org_id, s.year, to_char(s.settled_on, 'YYYY-MM'), s.hosp_level, s.setting, s.person_cat, s.scheme;
