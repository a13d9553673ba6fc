package org.terrawatch.monitoring.patch;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Which patches to read: all conditions must hold; an absent condition selects everything. Results are
 * ordered by code. This is the monitoring domain's own query; the OGC query core of the publication layer
 * compiles standard filters to SQL separately.
 *
 * @param bbox       bounding box in EPSG:4490, x = longitude, y = latitude; matches patches whose bounding boxes meet it
 * @param afterFrom  first after-date included
 * @param afterTo    last after-date included
 */
public record PatchQuery(Envelope bbox, Set<PatchCategory> categories, Set<PatchStatus> statuses, String countyCode,
                         LocalDate afterFrom, LocalDate afterTo, Long taskId, int limit, long offset) {

    public static final int MAX_LIMIT = 10_000;

    public PatchQuery {
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (bbox != null && bbox.isNull()) {
            throw new IllegalArgumentException("An empty bounding box selects nothing; leave it out to select everything");
        }
    }

    /** Everything, first page of the largest size. */
    public static PatchQuery all() {
        return new PatchQuery(null, null, null, null, null, null, null, MAX_LIMIT, 0);
    }

    public PatchQuery within(Envelope lonLat) {
        return new PatchQuery(lonLat, categories, statuses, countyCode, afterFrom, afterTo, taskId, limit, offset);
    }

    public PatchQuery inCategories(Set<PatchCategory> wanted) {
        return new PatchQuery(bbox, wanted, statuses, countyCode, afterFrom, afterTo, taskId, limit, offset);
    }

    public PatchQuery inStatuses(Set<PatchStatus> wanted) {
        return new PatchQuery(bbox, categories, wanted, countyCode, afterFrom, afterTo, taskId, limit, offset);
    }

    public PatchQuery inCounty(String code) {
        return new PatchQuery(bbox, categories, statuses, code, afterFrom, afterTo, taskId, limit, offset);
    }

    /** Patches whose after-date lies in the closed interval. */
    public PatchQuery changedBetween(LocalDate from, LocalDate to) {
        return new PatchQuery(bbox, categories, statuses, countyCode, from, to, taskId, limit, offset);
    }

    public PatchQuery ofTask(Long id) {
        return new PatchQuery(bbox, categories, statuses, countyCode, afterFrom, afterTo, id, limit, offset);
    }

    public PatchQuery page(int size, long start) {
        return new PatchQuery(bbox, categories, statuses, countyCode, afterFrom, afterTo, taskId, size, start);
    }
}
