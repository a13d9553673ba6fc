package org.terrawatch.submission.format;

import java.util.List;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * What a submitted file holds, as read.
 *
 * @param format    what the file was
 * @param encoding  the text encoding of its attributes and how it was told (e.g. {@code GB18030 (not UTF-8)}), or null
 *                  where the format fixes it (GeoJSON, KML and GeoPackage are UTF-8)
 * @param crs       its CRS with x east and y north, as the file declares it; null when it declares none
 * @param crsSource where the CRS came from (the {@code .prj}, the GeoPackage's spatial reference, RFC 7946, the request)
 * @param fields    the file's field names in order
 */
public record SourceLayer(FileFormat format, String encoding, CoordinateReferenceSystem crs, String crsSource, List<String> fields,
                          List<SourceFeature> features) {
}
