package org.terrawatch.wfs;

/**
 * The GML encodings of features: GML 3.2 in WFS 2.0, GML 3.1.1 in WFS 1.1.0 (same structure, other
 * namespace and member element), and GML 2.1.2 in WFS 1.0.0 (written by {@link Gml2Encoder}).
 */
enum GmlVersion {
    GML_3_2("http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd", Xml.WFS,
            "http://schemas.opengis.net/wfs/2.0/wfs.xsd", "2.0.0"),
    GML_3_1_1("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd", Xml.WFS_1_1,
            "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", "1.1.0"),
    GML_2_1_2("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/2.1.2/feature.xsd", Xml.WFS_1_1,
            "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd", "1.0.0");

    private final String namespace;
    private final String schemaLocation;
    private final String wfsNamespace;
    private final String wfsSchemaLocation;
    private final String wfsVersion;

    GmlVersion(String namespace, String schemaLocation, String wfsNamespace, String wfsSchemaLocation, String wfsVersion) {
        this.namespace = namespace;
        this.schemaLocation = schemaLocation;
        this.wfsNamespace = wfsNamespace;
        this.wfsSchemaLocation = wfsSchemaLocation;
        this.wfsVersion = wfsVersion;
    }

    String namespace() {
        return namespace;
    }

    String schemaLocation() {
        return schemaLocation;
    }

    String wfsNamespace() {
        return wfsNamespace;
    }

    String wfsSchemaLocation() {
        return wfsSchemaLocation;
    }

    String wfsVersion() {
        return wfsVersion;
    }

    /** The head of the substitution group features join: gml:AbstractFeature in 3.2, gml:_Feature in 3.1.1. */
    String featureSubstitutionGroup() {
        return this == GML_3_2 ? "gml:AbstractFeature" : "gml:_Feature";
    }

    /** The schema type of a geometry property of the given geometry type. */
    String geometryPropertyType(String geometryType) {
        if (this == GML_2_1_2) {
            return switch (geometryType == null ? "" : geometryType) {
                case "Point" -> "gml:PointPropertyType";
                case "Polygon" -> "gml:PolygonPropertyType";
                case "MultiPolygon" -> "gml:MultiPolygonPropertyType";
                case "LineString" -> "gml:LineStringPropertyType";
                case "MultiLineString" -> "gml:MultiLineStringPropertyType";
                case "MultiPoint" -> "gml:MultiPointPropertyType";
                default -> "gml:GeometryPropertyType";
            };
        }
        return switch (geometryType == null ? "" : geometryType) {
            case "Point" -> "gml:PointPropertyType";
            case "Polygon" -> "gml:SurfacePropertyType";
            case "MultiPolygon" -> "gml:MultiSurfacePropertyType";
            case "LineString" -> "gml:CurvePropertyType";
            case "MultiLineString" -> "gml:MultiCurvePropertyType";
            case "MultiPoint" -> "gml:MultiPointPropertyType";
            default -> "gml:GeometryPropertyType";
        };
    }

    static GmlVersion of(String wfsVersion) {
        return switch (wfsVersion) {
            case "1.1.0" -> GML_3_1_1;
            case "1.0.0" -> GML_2_1_2;
            default -> GML_3_2;
        };
    }
}
