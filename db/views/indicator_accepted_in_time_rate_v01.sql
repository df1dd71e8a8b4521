-- 按时接收率 (accepted within the deadline), version 1.
-- Definition:  of the referrals the receiving side accepted, the share accepted no later
--              than the acceptance deadline in force (deadline_at, reset by a redirect).
-- Numerator:   accepted referrals with accepted_at <= deadline_at.
-- Denominator: referrals with an acceptance time (accepted_at set), drafts excluded.
-- Period:      counted_at = the referral's creation time.
-- One row per referral in the denominator; in_numerator marks the numerator.
CREATE OR REPLACE VIEW indicator_accepted_in_time_rate_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       coalesce(r.accepted_at <= r.deadline_at, false) AS in_numerator
FROM referrals r
WHERE r.status <> 'draft'
  AND r.accepted_at IS NOT NULL;
