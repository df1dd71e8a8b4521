-- 下转占比 (share of down-referrals), version 1.
-- Definition:  of all referrals sent (up and down), the share that are down-referrals.
-- Numerator:   referrals with direction down.
-- Denominator: all referrals except drafts (up + down).
-- Period:      counted_at = the referral's creation time.
-- One row per referral in the denominator; in_numerator marks the numerator.
CREATE OR REPLACE VIEW indicator_down_referral_share_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       r.direction = 'down' AS in_numerator
FROM referrals r
WHERE r.status <> 'draft';
