package org.terrawatch.wfs;

/**
 * The two GML encodings of features: GML 3.2 in WFS 2.0 documents and GML 3.1.1 in WFS 1.1.0 documents.
 * The feature and geometry structure is the same; namespaces, schema locations and the collection's
 * member element differ.
 */
enum GmlVersion {
    GML_3_2("http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd", Xml.WFS,
            "http://schemas.opengis.net/wfs/2.0/wfs.xsd", "2.0.0"),
    GML_3_1_1("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd", Xml.WFS_1_1,
            "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", "1.1.0");

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

    static GmlVersion of(String wfsVersion) {
        return wfsVersion.equals("1.1.0") ? GML_3_1_1 : GML_3_2;
    }
}
