-- 病床使用率 (bed use rate), version 1.
-- Definition:  occupied bed-days over open bed-days, per org and month.
-- Numerator:   occupied_bed_days: for every stay (not cancelled), the Shanghai days of the month
--              from its admission day up to, not including, its discharge day (a same-day stay
--              counts 1 on its day; a stay still open counts up to today).
-- Denominator: open_bed_days: the org's beds in service now (active, status open) × the days of
--              the month (up to today for the current month).
-- Period:      month in Asia/Shanghai, from the first admission month to the current month.
-- One row per org and month with beds; rate = sum(occupied_bed_days) / sum(open_bed_days).
CREATE OR REPLACE VIEW indicator_care_bed_use_rate_v01 WITH (security_invoker = true) AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
bed_counts AS (
  SELECT b.county_id, b.org_id, count(*)::int AS beds FROM beds b WHERE b.active AND b.status = 'open' GROUP BY 1, 2
),
months AS (
  SELECT bc.county_id, bc.org_id, bc.beds, m::date AS month_start,
         least((m + interval '1 month')::date, (SELECT d + 1 FROM today)) AS month_end
  FROM bed_counts bc,
       generate_series(
         date_trunc('month', coalesce((SELECT min(s.admitted_at AT TIME ZONE 'Asia/Shanghai') FROM stays s WHERE s.org_id = bc.org_id),
                                      (SELECT d FROM today)::timestamp)),
         date_trunc('month', (SELECT d FROM today)::timestamp), interval '1 month') AS m
),
stay_days AS (
  SELECT s.org_id, (s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date AS d_in,
         CASE WHEN s.discharged_at IS NULL THEN (SELECT d + 1 FROM today)
              ELSE greatest((s.discharged_at AT TIME ZONE 'Asia/Shanghai')::date,
                            (s.admitted_at AT TIME ZONE 'Asia/Shanghai')::date + 1) END AS d_out
  FROM stays s WHERE s.status <> 'cancelled'
)
SELECT m.county_id, m.org_id, to_char(m.month_start, 'YYYY-MM') AS month,
       coalesce((SELECT sum(greatest(0, least(sd.d_out, m.month_end) - greatest(sd.d_in, m.month_start)))
                 FROM stay_days sd WHERE sd.org_id = m.org_id), 0)::int AS occupied_bed_days,
       (m.beds * (m.month_end - m.month_start))::int AS open_bed_days
FROM months m;
