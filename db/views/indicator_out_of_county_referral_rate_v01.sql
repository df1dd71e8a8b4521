-- 县外转诊率 (out-of-county referral rate), version 1.
-- Definition:  of all up-referrals sent, the share sent to a hospital outside the county
--              (a partner hospital), at creation or after a redirect.
-- Numerator:   up-referrals marked out_of_county.
-- Denominator: all up-referrals except drafts.
-- Period:      counted_at = the referral's creation time.
-- One row per referral in the denominator; in_numerator marks the numerator.
CREATE OR REPLACE VIEW indicator_out_of_county_referral_rate_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       r.out_of_county AS in_numerator
FROM referrals r
WHERE r.direction = 'up'
  AND r.status <> 'draft';
