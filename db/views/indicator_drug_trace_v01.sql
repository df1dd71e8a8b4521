-- 追溯码重复扫描 (duplicate trace-code scans, the 回流药 signal) and 缺药登记 turnaround, version 1.
-- Definition:  duplicate_scans: scans refused because the code had been dispensed before
--              (trace_code_flags); codes_dispensed: trace codes dispensed in the month.
--              Shortages: registered in the month; collected, with the mean hours from
--              registration to collection; no_show (delivered but never collected).
-- Numerator:   duplicate_scans; collection_hours_sum (mean = / collected); no_show.
-- Denominator: codes_dispensed; collected; collected + no_show (no-show rate).
-- Period:      month in Asia/Shanghai. One row per county, org and month.
CREATE OR REPLACE VIEW indicator_drug_trace_v01 WITH (security_invoker = true) AS
WITH flags AS (
  SELECT county_id, org_id, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
  FROM trace_code_flags GROUP BY 1, 2, 3
), codes AS (
  SELECT county_id, org_id, to_char(dispensed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
  FROM trace_codes WHERE status = 'dispensed' GROUP BY 1, 2, 3
), shortages AS (
  SELECT county_id, org_id, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
         count(*)::int AS registered,
         count(*) FILTER (WHERE status = 'collected')::int AS collected,
         coalesce(sum(extract(epoch FROM closed_at - created_at) / 3600) FILTER (WHERE status = 'collected'), 0)
           AS collection_hours_sum,
         count(*) FILTER (WHERE status = 'no_show')::int AS no_show
  FROM drug_shortages GROUP BY 1, 2, 3
), keys AS (
  SELECT county_id, org_id, month FROM flags UNION SELECT county_id, org_id, month FROM codes
  UNION SELECT county_id, org_id, month FROM shortages
)
SELECT k.county_id, k.org_id, k.month,
       coalesce(f.n, 0) AS duplicate_scans, coalesce(c.n, 0) AS codes_dispensed,
       coalesce(s.registered, 0) AS shortages_registered, coalesce(s.collected, 0) AS collected,
       round(coalesce(s.collection_hours_sum, 0)::numeric, 1) AS collection_hours_sum, coalesce(s.no_show, 0) AS no_show
FROM keys k
LEFT JOIN flags f USING (county_id, org_id, month)
LEFT JOIN codes c USING (county_id, org_id, month)
LEFT JOIN shortages s USING (county_id, org_id, month);
