package org.terrawatch.monitoring.workorder;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A handler's report on a work order; photos are attachments owned by the feedback.
 *
 * @param outcome short code of what was found or done, e.g. STOPPED, CASE_FILED, RECTIFIED
 * @param position where the report was made, if the phone gave one
 */
public record Feedback(long id, long workOrderId, String author, String departmentCode, String body, String outcome,
                       Point position, Instant createdAt) {

    public Feedback {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
