package org.terrawatch.wfs;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.terrawatch.ows.Crs;
import org.terrawatch.ows.ExceptionCode;
import org.terrawatch.ows.OwsException;
import org.terrawatch.query.FeatureQuery;

/**
 * A GetFeature request, whatever its encoding.
 *
 * @param hits whether only the number of matching features is wanted ({@code resultType=hits})
 */
public record GetFeatureRequest(String version, FeatureQuery query, boolean hits, OutputFormat outputFormat) {

    /**
     * The {@code resolve} values offered: features hold no references to other resources, so {@code local} and
     * {@code none} both answer the features as they are. {@code remote} and {@code all} are refused, as the
     * capabilities say ({@code ImplementsRemoteResolve} FALSE): this server fetches nothing on a client's behalf.
     */
    static final List<String> RESOLVE_VALUES = List.of("local", "none");

    /** Checks a request's {@code resolve} parameter or attribute, when it has one. */
    static void checkResolve(String resolve) {
        if (resolve != null && !RESOLVE_VALUES.contains(resolve.toLowerCase(Locale.ROOT))) {
            throw new OwsException(ExceptionCode.OPTION_NOT_SUPPORTED, "resolve", "resolve is local or none here, not " + resolve);
        }
    }

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
