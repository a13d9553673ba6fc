package org.terrawatch.wfs;

import java.time.Instant;
import java.util.function.Consumer;
import org.terrawatch.query.Feature;
import org.terrawatch.query.FeatureQuery;

/**
 * The answer of GetFeature before encoding: the counts the response heads with, the paging links, and the
 * features, read from the store only when the encoder asks for them.
 *
 * @param hits     whether only the count was asked for (resultType=hits)
 * @param next     URL of the next page, or null
 * @param previous URL of the previous page, or null
 * @param features streams the page's features (as the reader may read them) to a consumer
 * @param lockId   the lock GetFeatureWithLock took on the selected features, or null
 */
public record FeatureCollectionResult(FeatureQuery query, boolean hits, long numberMatched, long numberReturned, Instant timeStamp,
                                      String next, String previous, Consumer<Consumer<Feature>> features, String lockId) {

    /** The same result, announcing the lock taken on its features. */
    public FeatureCollectionResult withLock(String lock) {
        return new FeatureCollectionResult(query, hits, numberMatched, numberReturned, timeStamp, next, previous, features, lock);
    }

    /** Streams the page's features to the consumer. */
    public void forEach(Consumer<Feature> consumer) {
        if (numberReturned > 0) {
            features.accept(consumer);
        }
    }
}
