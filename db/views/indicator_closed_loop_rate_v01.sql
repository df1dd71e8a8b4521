-- 上转闭环率 (closed-loop rate of up-referrals), version 1.
-- Definition:  of the up-referrals whose treatment at the receiving hospital is complete,
--              the share whose loop is closed (ended at the hospital, or the patient's
--              down-referral was confirmed by the receiving township centre or clinic).
-- Numerator:   up-referrals with status closed.
-- Denominator: up-referrals with status completed, down_referred or closed.
-- Period:      counted_at = the referral's creation time. Drafts never count.
-- One row per referral in the denominator; in_numerator marks the numerator.
CREATE OR REPLACE VIEW indicator_closed_loop_rate_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       r.status = 'closed' AS in_numerator
FROM referrals r
WHERE r.direction = 'up'
  AND r.status IN ('completed', 'down_referred', 'closed');
