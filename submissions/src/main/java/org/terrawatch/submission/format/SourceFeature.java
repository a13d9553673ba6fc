package org.terrawatch.submission.format;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a submitted file holds it: its place in the file (1 for the first), its geometry in the file's CRS
 * with x east and y north (null when it has none; a point or line as an empty one of its kind when only its kind
 * matters), its attributes as text by the file's own field names, and what the reader already repaired on reading
 * (a ring closed, say) or why it could not read the geometry at all.
 */
public record SourceFeature(int number, Geometry geometry, Map<String, String> attributes, String repaired, String unreadable) {

    public static SourceFeature of(int number, Geometry geometry, Map<String, String> attributes) {
        return new SourceFeature(number, geometry, attributes, null, null);
    }
}
