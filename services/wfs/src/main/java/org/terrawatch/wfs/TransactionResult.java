package org.terrawatch.wfs;

import java.util.List;

/**
 * What a committed Transaction did: the counts of the TransactionSummary and the identifiers of the inserted
 * features with the handle of their Insert.
 */
record TransactionResult(long inserted, long updated, long replaced, long deleted, List<Inserted> insertedFeatures) {

    record Inserted(String handle, String featureId) {
    }
}
