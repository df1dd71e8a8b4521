-- 接收用时 (referral acceptance turnaround), version 1.
-- Definition:  minutes from submission to acceptance; the dashboard shows its median (P50)
--              and 90th percentile (P90) over the period.
-- Numerator:   none (a distribution): minutes = (accepted_at - submitted_at) in minutes.
-- Denominator: referrals with an acceptance time (accepted_at set), drafts excluded; a row
--              without a submission time has minutes NULL and no place in the percentiles.
-- Period:      counted_at = the referral's creation time.
-- One row per accepted referral.
CREATE OR REPLACE VIEW indicator_referral_turnaround_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       (extract(epoch FROM r.accepted_at - r.submitted_at) / 60)::double precision AS minutes
FROM referrals r
WHERE r.status <> 'draft'
  AND r.accepted_at IS NOT NULL;
