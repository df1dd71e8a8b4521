-- 基层医疗卫生机构诊疗量占比（国家 2024 指标⑦） (share of outpatient visits at primary institutions), version 1.
-- Definition:  of the outpatient visits recorded in the group, the share made at township
--              health centres, community centres and village clinics.
-- Numerator:   visits (not cancelled) at an org of kind township_center, community_center or village_clinic.
-- Denominator: all visits (not cancelled) at the group's orgs.
-- Period:      counted_at = registration time; month = its month in Asia/Shanghai.
-- One row per visit; township_id is the township centre the org belongs to (itself for a centre).
CREATE OR REPLACE VIEW indicator_care_primary_visit_share_v01 WITH (security_invoker = true) AS
SELECT v.county_id, v.id AS visit_id, v.org_id, o.kind AS org_kind,
       CASE WHEN o.kind = 'village_clinic' THEN o.parent_id WHEN o.kind IN ('township_center', 'community_center') THEN o.id END AS township_id,
       v.registered_at AS counted_at,
       to_char(v.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
       o.kind IN ('township_center', 'community_center', 'village_clinic') AS in_numerator
FROM visits v
JOIN orgs o ON o.id = v.org_id
WHERE v.status <> 'cancelled';
