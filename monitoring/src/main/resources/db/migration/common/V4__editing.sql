-- Editing: WFS feature locks, and the audit history of patches as a related layer.

-- A lock taken by LockFeature or GetFeatureWithLock. Kept in the store so that locks outlive a restart;
-- expired rows are ignored and purged when locks are next taken.
CREATE TABLE feature_lock (
    layer           VARCHAR(60)  NOT NULL,
    feature_id      VARCHAR(60)  NOT NULL,
    lock_id         VARCHAR(40)  NOT NULL,
    owner           VARCHAR(60)  NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (layer, feature_id)
);
CREATE INDEX feature_lock_id ON feature_lock(lock_id);

-- Every recorded change of a patch, placed at the patch (null once the patch is deleted), so a GIS client
-- can show a patch's history next to it and relate the two by patch_id.
CREATE VIEW patch_history AS
SELECT e.id, e.entity_id AS patch_id, p.code AS patch_code, e.occurred_at, e.actor, e.interface, e.action,
       e.before_values, e.after_values, p.centroid AS location
FROM audit_event e LEFT JOIN change_patch p ON p.id = e.entity_id
WHERE e.entity_kind = 'PATCH';
