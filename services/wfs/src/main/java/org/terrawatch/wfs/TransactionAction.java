package org.terrawatch.wfs;

import java.util.List;
import java.util.Map;
import org.terrawatch.query.FeatureType;
import org.terrawatch.query.filter.Filter;

/**
 * One action of a WFS Transaction, whatever the version it was written in. Values are keyed by property name;
 * geometries are already in the storage CRS.
 */
sealed interface TransactionAction {

    /** The client's name for the action, echoed in errors and insert results; may be null. */
    String handle();

    /** One feature of an Insert. */
    record NewFeature(FeatureType type, Map<String, Object> values) {
    }

    record Insert(String handle, List<NewFeature> features) implements TransactionAction {
    }

    /**
     * @param expectedVersion from {@code fes:ResourceId/@version} when the filter is one resource id with a
     *                        version: the update applies only if the feature is still at that version
     */
    record Update(String handle, FeatureType type, Map<String, Object> values, Filter filter, Long expectedVersion)
            implements TransactionAction {
    }

    record Replace(String handle, NewFeature feature, Filter filter, Long expectedVersion) implements TransactionAction {
    }

    record Delete(String handle, FeatureType type, Filter filter, Long expectedVersion) implements TransactionAction {
    }
}
