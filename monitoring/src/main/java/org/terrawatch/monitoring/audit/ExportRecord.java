package org.terrawatch.monitoring.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One bulk read that left the server: features beyond the configured number, a download format, or a large map.
 *
 * @param id        0 before it is stored
 * @param address   the client's address, or null
 * @param channel   WFS, OGC_API, WMS, REST or PROCESS
 * @param format    the output format asked for, or null
 * @param features  how many features were returned, or null for a map
 * @param pixels    a map's width × height, or null for features
 * @param request   the request's path and query, at most 500 characters
 */
public record ExportRecord(long id, Instant occurredAt, String actor, String address, String channel, String layer, String format,
                           Long features, Long pixels, String request) {

    public ExportRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(layer, "layer");
        request = request == null || request.length() <= 500 ? request : request.substring(0, 497) + "...";
    }
}
