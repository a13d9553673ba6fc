package org.terrawatch.wfs;

import java.time.Instant;
import java.util.function.Consumer;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureQuery;
import org.terrawatch.query.FeatureSource;

/**
 * The answer of GetFeature before encoding: the counts the response heads with, the paging links, and the
 * features, read from the store only when the encoder asks for them.
 *
 * @param hits     whether only the count was asked for (resultType=hits)
 * @param next     URL of the next page, or null
 * @param previous URL of the previous page, or null
 * @param lockId   the lock GetFeatureWithLock took on the selected features, or null
 */
public record FeatureCollectionResult(FeatureQuery query, boolean hits, long numberMatched, long numberReturned, Instant timeStamp,
                                      String next, String previous, FeatureSource source, String lockId) {

    /** The same result, announcing the lock taken on its features. */
    public FeatureCollectionResult withLock(String lock) {
        return new FeatureCollectionResult(query, hits, numberMatched, numberReturned, timeStamp, next, previous, source, lock);
    }

    /** Streams the page's features to the consumer. */
    public void forEach(Consumer<Feature> consumer) {
        if (numberReturned > 0) {
            source.stream(query, consumer);
        }
    }
}
