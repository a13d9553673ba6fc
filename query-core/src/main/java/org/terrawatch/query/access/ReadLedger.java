package org.terrawatch.query.access;

import org.terrawatch.query.FeatureType;

/**
 * Told of every read that returned features (not maps), after it: where confidentiality rules want bulk reads recorded,
 * the one place every interface's features pass through ({@link org.terrawatch.query.FeatureSource}) reports them here.
 */
@FunctionalInterface
public interface ReadLedger {

    /** Records nothing. */
    ReadLedger NONE = (reader, type, features) -> {
    };

    /** The reader was handed this many features of the type. */
    void featuresRead(Reader reader, FeatureType type, long features);
}
