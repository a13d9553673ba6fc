CREATE SPATIAL INDEX sample_area_geom ON sample_area (geom);
