package org.terrawatch.monitoring.patch;

import java.time.Instant;

/** How a verified patch was dealt with. */
public record Handling(HandlingMeasure measure, String note, Instant handledAt) {

    public static final Handling NONE = new Handling(null, null, null);
}
