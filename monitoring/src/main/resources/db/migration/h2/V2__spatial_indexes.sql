CREATE SPATIAL INDEX admin_unit_geom ON admin_unit (geom);
CREATE SPATIAL INDEX base_feature_geom ON base_feature (geom);
CREATE SPATIAL INDEX imagery_epoch_footprint ON imagery_epoch (footprint);
CREATE SPATIAL INDEX change_patch_geom ON change_patch (geom);
CREATE SPATIAL INDEX camera_position ON camera (position);
CREATE SPATIAL INDEX alert_position ON alert (position);
