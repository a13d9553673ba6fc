package org.terrawatch.monitoring.event;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.terrawatch.monitoring.audit.Channel;

/**
 * A committed change, as the tile cache, the search index and notifications hear of it.
 *
 * @param entityKind PATCH, WORK_ORDER, ...
 * @param action     CREATE, UPDATE, DELETE or the workflow transition's name
 * @param extent     where the map changed (before and after together, EPSG:4490), or null if nowhere
 */
public record ChangeEvent(String entityKind, long entityId, String code, String action, String actor, Channel channel,
                          Envelope extent, Instant at) {

    public ChangeEvent {
        Objects.requireNonNull(entityKind, "entityKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }
}
