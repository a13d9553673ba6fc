package org.terrawatch.wfs;

import java.util.Objects;
import org.terrawatch.ows.Crs;
import org.terrawatch.query.FeatureQuery;

/**
 * A GetFeature request, whatever its encoding.
 *
 * @param hits whether only the number of matching features is wanted ({@code resultType=hits})
 */
public record GetFeatureRequest(String version, FeatureQuery query, boolean hits, OutputFormat outputFormat) {

    public GetFeatureRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(outputFormat, "outputFormat");
        if ((outputFormat == OutputFormat.SHAPE_ZIP || outputFormat == OutputFormat.GEOPACKAGE || outputFormat == OutputFormat.FLATGEOBUF)
                && !query.outputCrs().eastingFirst()) {
            // Shapefile, GeoPackage and FlatGeobuf coordinates are x/y whatever the CRS: read them so.
            query = new FeatureQuery(query.type(), query.filter(), query.sort(), query.startIndex(), query.count(), query.properties(),
                    new Crs(query.outputCrs().epsg(), true));
        }
    }
}
