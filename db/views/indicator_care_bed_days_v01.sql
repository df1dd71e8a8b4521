-- 占用床日（逐次住院） (occupied bed-days, stay by stay), version 1.
-- Definition:  the occupied bed-days indicator_care_bed_use_rate_v01 sums, one row per stay and
--              month, so the bed use rate's numerator can be opened to the stays behind it; the
--              sums agree with that view.
-- Numerator:   bed_days: the Shanghai days of the month from the stay's admission day up to, not
--              including, its discharge day (a same-day stay counts 1 on its day; a stay still
--              open counts up to today); stays at orgs with no bed in service are not counted,
--              as in the rate.
-- Denominator: none here (open bed-days are beds × days, in the rate's view).
-- Period:      month in Asia/Shanghai.
-- Township:    the township of org_id (indicator_org_township_v01).
-- One row per stay (not cancelled) and month it occupied a bed.
CREATE OR REPLACE VIEW indicator_care_bed_days_v01 WITH (security_invoker = true) AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
stay_days AS (
  SELECT s.county_id, s.id, s.org_id, (s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date AS d_in,
         CASE WHEN s.discharged_at IS NULL THEN (SELECT d + 1 FROM today)
              ELSE greatest((s.discharged_at AT TIME ZONE 'Asia/Shanghai')::date,
                            (s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date + 1) END AS d_out
  FROM stays s
  WHERE s.status <> 'cancelled'
    AND EXISTS (SELECT 1 FROM beds b WHERE b.org_id = s.org_id AND b.active AND b.status = 'open')
)
SELECT sd.county_id, 'stay'::text AS source, sd.id AS source_id, sd.org_id, to_char(m, 'YYYY-MM') AS month,
       (least(sd.d_out, (m + interval '1 month')::date, (SELECT d + 1 FROM today)) - greatest(sd.d_in, m::date))::int AS bed_days
FROM stay_days sd,
     generate_series(date_trunc('month', sd.d_in::timestamp), date_trunc('month', (sd.d_out - 1)::timestamp), interval '1 month') AS m;
