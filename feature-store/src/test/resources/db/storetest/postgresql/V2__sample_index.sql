CREATE INDEX sample_area_geom ON sample_area USING GIST (geom);
