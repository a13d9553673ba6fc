CREATE INDEX admin_unit_geom ON admin_unit USING GIST (geom);
CREATE INDEX base_feature_geom ON base_feature USING GIST (geom);
CREATE INDEX imagery_epoch_footprint ON imagery_epoch USING GIST (footprint);
CREATE INDEX change_patch_geom ON change_patch USING GIST (geom);
CREATE INDEX camera_position ON camera USING GIST (position);
CREATE INDEX alert_position ON alert USING GIST (position);
