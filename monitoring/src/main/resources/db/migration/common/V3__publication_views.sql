-- Publication views: what the OGC services serve besides the plain tables.
-- Each base layer is published at the version in force today (the latest effective on or before CURRENT_DATE),
-- so a hand-in effective next month does not show before its day. Work orders are located at their alert's
-- position or their patch's representative point.

CREATE VIEW base_farmland AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'FARMLAND' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_basic_farmland AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'BASIC_FARMLAND' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_ecological_redline AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'ECOLOGICAL_REDLINE' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_urban_development_boundary AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'URBAN_DEVELOPMENT_BOUNDARY' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_approved_land AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'APPROVED_LAND' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_supplied_land AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'SUPPLIED_LAND' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_mining_licence AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'MINING_LICENCE' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_ecological_restoration AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'ECOLOGICAL_RESTORATION' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW base_plan_zone AS
SELECT f.id, f.name, f.reference, f.holder, f.valid_from, f.valid_to, f.land_class, f.county_code, f.area_m2,
       v.version, v.effective_date, v.source_department, f.geom
FROM base_feature f JOIN base_layer_version v ON v.id = f.version_id
WHERE v.id = (SELECT c.id FROM base_layer_version c WHERE c.layer = 'PLAN_ZONE' AND c.effective_date <= CURRENT_DATE
              ORDER BY c.effective_date DESC, c.version DESC FETCH FIRST 1 ROWS ONLY);

CREATE VIEW work_order_feature AS
SELECT w.id, w.code, w.source_kind, w.alert_id, w.patch_id, w.title, w.description, w.working_group_code,
       w.department_code, w.township_code, w.deadline, w.state, w.created_by, w.created_at, w.closed_at,
       COALESCE(a.position, p.centroid) AS location
FROM work_order w LEFT JOIN alert a ON a.id = w.alert_id LEFT JOIN change_patch p ON p.id = w.patch_id;
