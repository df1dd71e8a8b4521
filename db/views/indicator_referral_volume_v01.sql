-- 转诊量（按机构、月份） (referrals sent, by sending org and month), version 1.
-- Definition:  referrals sent by each org per calendar month (Asia/Shanghai), up and down
--              apart; a breakdown, not a ratio.
-- Numerator:   none (counts): up-referrals and down-referrals sent.
-- Denominator: none.
-- Period:      counted_at = the referral's creation time; month = its month in Asia/Shanghai.
-- One row per referral except drafts.
CREATE OR REPLACE VIEW indicator_referral_volume_v01 WITH (security_invoker = true) AS
SELECT r.county_id,
       r.id AS referral_id,
       r.created_at AS counted_at,
       to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       r.from_org_id,
       o.name AS from_org_name,
       r.direction
FROM referrals r
JOIN orgs o ON o.id = r.from_org_id
WHERE r.status <> 'draft';
