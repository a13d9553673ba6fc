package org.terrawatch.wfs;

import java.util.List;
import java.util.Locale;
import org.terrawatch.ows.OwsException;

/** GetFeature output formats, with the names clients send for them. */
public enum OutputFormat {
    GML32("application/gml+xml; version=3.2", List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "gml32",
            "application/gml+xml")),
    GML311("text/xml; subtype=gml/3.1.1", List.of("text/xml; subtype=gml/3.1.1", "gml3", "application/gml+xml; version=3.1")),
    GML2("text/xml; subtype=gml/2.1.2", List.of("text/xml; subtype=gml/2.1.2", "gml2")),
    GEOJSON("application/json", List.of("application/json", "application/geo+json", "json", "geojson")),
    CSV("text/csv", List.of("text/csv", "csv")),
    SHAPE_ZIP("application/zip", List.of("shape-zip", "application/zip", "shp", "shapefile")),
    GEOPACKAGE("application/geopackage+sqlite3", List.of("application/geopackage+sqlite3", "geopackage", "gpkg")),
    FLATGEOBUF("application/flatgeobuf", List.of("application/flatgeobuf", "flatgeobuf", "fgb"));

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

    /** The GML a WFS version answers with. */
    public static OutputFormat gmlOf(String wfsVersion) {
        return switch (wfsVersion) {
            case "1.1.0" -> GML311;
            case "1.0.0" -> GML2;
            default -> GML32;
        };
    }

    /** The formats a WFS version offers: its own GML and the GML-independent ones. */
    public static List<OutputFormat> offeredIn(String wfsVersion) {
        return java.util.Arrays.stream(values()).filter(f -> !f.isGml() || f == gmlOf(wfsVersion)).toList();
    }

    public boolean isGml() {
        return this == GML32 || this == GML311 || this == GML2;
    }

    public static OutputFormat parse(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("; ", ";").replace(";", "; ");
        for (OutputFormat format : values()) {
            if (format.names.stream().anyMatch(n -> n.equals(normalised) || n.replace(" ", "").equals(normalised.replace(" ", "")))) {
                return format;
            }
        }
        throw new OwsException(org.terrawatch.ows.ExceptionCode.INVALID_PARAMETER_VALUE, "outputFormat",
                "Unknown output format " + name + "; use " + GML32.mediaType + ", " + GEOJSON.mediaType + ", " + CSV.mediaType + ", shape-zip, geopackage or flatgeobuf");
    }
}
