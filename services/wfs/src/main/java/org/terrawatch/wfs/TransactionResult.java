package org.terrawatch.wfs;

import java.util.List;

/**
 * What a committed Transaction did: the counts of the TransactionSummary and the identifiers of the features inserted,
 * updated and replaced, each with the handle of its action (WFS 2.0's InsertResults, UpdateResults, ReplaceResults).
 */
record TransactionResult(long inserted, long updated, long replaced, long deleted, List<Changed> insertedFeatures,
                         List<Changed> updatedFeatures, List<Changed> replacedFeatures) {

    record Changed(String handle, String featureId) {
    }
}
