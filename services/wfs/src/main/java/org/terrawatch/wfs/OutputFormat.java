package org.terrawatch.wfs;

import java.util.List;
import java.util.Locale;
import org.terrawatch.ows.OwsException;

/** GetFeature output formats, with the names clients send for them. */
public enum OutputFormat {
    GML32("application/gml+xml; version=3.2", List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "gml32",
            "application/gml+xml")),
    GML311("text/xml; subtype=gml/3.1.1", List.of("text/xml; subtype=gml/3.1.1", "gml3", "application/gml+xml; version=3.1")),
    GEOJSON("application/json", List.of("application/json", "application/geo+json", "json", "geojson")),
    CSV("text/csv", List.of("text/csv", "csv")),
    SHAPE_ZIP("application/zip", List.of("shape-zip", "application/zip", "shp", "shapefile"));

    private final String mediaType;
    private final List<String> names;

    OutputFormat(String mediaType, List<String> names) {
        this.mediaType = mediaType;
        this.names = names;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The names advertised in capabilities. */
    public List<String> names() {
        return names;
    }

    public static OutputFormat parse(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("; ", ";").replace(";", "; ");
        for (OutputFormat format : values()) {
            if (format.names.stream().anyMatch(n -> n.equals(normalised) || n.replace(" ", "").equals(normalised.replace(" ", "")))) {
                return format;
            }
        }
        throw new OwsException(org.terrawatch.ows.ExceptionCode.INVALID_PARAMETER_VALUE, "outputFormat",
                "Unknown output format " + name + "; use " + GML32.mediaType + ", " + GEOJSON.mediaType + ", " + CSV.mediaType + " or shape-zip");
    }
}
