-- 机构所属乡镇 (the township an org belongs to), version 1: how every care figure is read by township.
-- Definition:  a village clinic belongs to its parent township centre; a township or community
--              centre is its own township; county hospitals and the county belong to none.
-- One row per org, with its name and kind and the township's name.
CREATE OR REPLACE VIEW indicator_org_township_v01 WITH (security_invoker = true) AS
SELECT o.county_id, o.id AS org_id, o.name AS org_name, o.kind AS org_kind, t.id AS township_id, t.name AS township_name
FROM orgs o
LEFT JOIN orgs t ON t.id = CASE WHEN o.kind = 'village_clinic' THEN o.parent_id
                                WHEN o.kind IN ('township_center', 'community_center') THEN o.id END;
