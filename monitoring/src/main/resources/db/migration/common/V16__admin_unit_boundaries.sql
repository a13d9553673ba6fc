-- The admin units as a spatial layer: those with a boundary. Units known only by code (the province above the
-- city; villages often) stay in admin_unit for the code chain, but a spatial collection holds features that
-- have a place: OGC API and WFS clients take a feature's geometry for granted (the Features suite's CRS tests
-- read the first one), and a null one draws nothing and selects nothing anyway.
CREATE VIEW admin_unit_boundary AS
SELECT code, name, level, parent_code, geom, area_m2 FROM admin_unit WHERE geom IS NOT NULL;
