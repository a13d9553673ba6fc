package org.terrawatch.query;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read: its identifier ({@code patches.12}), its geometry in the query's output CRS (or null),
 * and its other properties in the feature type's order, values as String, Integer, Long, Double, Boolean,
 * LocalDate or Instant.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> values) {
}
