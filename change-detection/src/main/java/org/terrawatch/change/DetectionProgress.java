package org.terrawatch.change;

/** Where a detection stands, for a job's status; and whether it should stop. */
public interface DetectionProgress {

    DetectionProgress NONE = (percent, message) -> {
    };

    /** @param percent 0 to 100 */
    void report(int percent, String message);

    /** Polled between windows; a detection asked to stop throws {@link DetectionCancelled}. */
    default boolean cancelled() {
        return false;
    }
}
