-- The working base map (city rules, article 14): the real changes verified in closed months, published like the
-- other base layers at the version in force today. holder is the verification result, land_class the change type,
-- reference the task the change was found in.
CREATE VIEW base_verified_change AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'VERIFIED_CHANGE' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);
