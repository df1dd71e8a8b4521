-- 远程会诊量 (teleconsultations per month and year-on-year growth), version 1.
-- Definition:  teleconsultations applied for (remote_consults), every status except cancelled
--              (a declined application was still asked for); held = a session took place or an
--              opinion was signed.
-- Numerator:   consultations in the period (count); growth: consultations in the period.
-- Denominator: growth: consultations in the same months one year earlier; the growth is
--              (numerator ÷ denominator − 1) × 100 % (Xinjiang's aim: +20 % a year).
-- Period:      counted_at = created_at (the application); month in Asia/Shanghai.
-- township_id: the requesting org's township; NULL for the county hospitals.
CREATE OR REPLACE VIEW indicator_remote_consults_v01 WITH (security_invoker = true) AS
SELECT c.county_id, c.id AS consult_id, c.mode, c.status, c.requesting_org_id, c.invited_org_id, ot.township_id,
       c.created_at AS counted_at,
       to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       (c.started_at IS NOT NULL OR c.opinion_signed_at IS NOT NULL) AS held
FROM remote_consults c
LEFT JOIN indicator_org_township_v01 ot ON ot.org_id = c.requesting_org_id
WHERE c.status <> 'cancelled';
