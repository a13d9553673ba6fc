package org.terrawatch.query.edit;

import java.util.Map;

/**
 * Writes features of one layer on behalf of a user. Values are keyed by the layer's property names; a
 * geometry arrives as a JTS geometry in the storage CRS (EPSG:4490, x = longitude). Every method joins the
 * caller's transaction, so the actions of one request commit or roll back together.
 *
 * @see LayerEditing
 */
public interface FeatureEditor {

    /** Stores a new feature and returns its identity value. */
    Object insert(EditContext who, Map<String, Object> values);

    /**
     * Changes the named properties of a feature; the others keep their values.
     *
     * @param expectedVersion the version the client saw (an ETag, a resource id's version), or null
     */
    void update(EditContext who, Object id, Long expectedVersion, Map<String, Object> values);

    /** Replaces the feature's editable properties: those not given become empty. */
    void replace(EditContext who, Object id, Long expectedVersion, Map<String, Object> values);

    void delete(EditContext who, Object id, Long expectedVersion);

    /**
     * Takes the feature's row lock for the rest of the caller's transaction, so that a WFS lock granted on it and a
     * write of it are serialised (see {@link LayerEditing#claimForWrite}); does nothing for a feature that does not
     * exist.
     */
    void claim(Object id);

    /** The feature's current version (for ETags), or null if it does not exist. */
    Long version(Object id);
}
