package org.terrawatch.monitoring.patch;

import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.terrawatch.store.SpatialStore;

/**
 * Hands out the sequence numbers of patch codes, per county and numbering period, from {@code patch_code_counter}.
 * Each number is taken in a short transaction of its own ({@link SpatialStore#inOwnTransaction}), so the counter's
 * row is locked for milliseconds, not for as long as the edit that creates the patch: a 2,000-feature WFS transaction
 * and another analyst's insert in the same county proceed side by side. A number taken by an edit that then rolls
 * back is not reused, so codes may have gaps; they are never given twice (a unique constraint on the patch backs it).
 */
final class PatchNumbers {

    private static final int ATTEMPTS = 3;

    private final SpatialStore store;

    PatchNumbers(SpatialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The next sequence number of the county in the period, committed at once. */
    int next(String county, int period) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inOwnTransaction(() -> take(county, period));
            } catch (DuplicateKeyException raced) {
                // Another writer created the period's counter at the same moment: take from the row it made.
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private int take(String county, int period) {
        int updated = store.jdbc().sql("UPDATE patch_code_counter SET last_sequence = last_sequence + 1 "
                        + "WHERE county_code = :county AND code_period = :period")
                .param("county", county).param("period", period).update();
        if (updated == 1) {
            return store.jdbc().sql("SELECT last_sequence FROM patch_code_counter WHERE county_code = :county AND code_period = :period")
                    .param("county", county).param("period", period).query(Integer.class).single();
        }
        // The period's first patch: start after any patch stored before the counter existed.
        int first = store.jdbc().sql("SELECT COALESCE(MAX(code_sequence), 0) + 1 FROM change_patch "
                        + "WHERE county_code = :county AND code_period = :period")
                .param("county", county).param("period", period).query(Integer.class).single();
        store.jdbc().sql("INSERT INTO patch_code_counter(county_code, code_period, last_sequence) VALUES (:county, :period, :first)")
                .param("county", county).param("period", period).param("first", first).update();
        return first;
    }
}
