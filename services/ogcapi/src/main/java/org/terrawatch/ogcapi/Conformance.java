package org.terrawatch.ogcapi;

import java.util.List;

/** The conformance classes this server implements — and only those. */
final class Conformance {

    static final String FEATURES = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final String CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
    static final String FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
    /** Part 4 (Create, Replace, Update and Delete), with optimistic locking by ETag. */
    static final String CRUD = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";

    /** OGC API - Processes Part 1 over the process catalogue. */
    static final String PROCESSES = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";

    static final List<String> CLASSES = List.of(
            FEATURES + "core", FEATURES + "geojson", FEATURES + "html", FEATURES + "oas30",
            CRS,
            FILTER + "filter", FILTER + "features-filter", FILTER + "queryables",
            CQL2 + "cql2-text", CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
            CQL2 + "basic-spatial-functions", CQL2 + "spatial-functions",
            CRUD + "create-replace-delete", CRUD + "update", CRUD + "optimistic-locking-etags", CRUD + "features",
            PROCESSES + "core", PROCESSES + "ogc-process-description", PROCESSES + "json", PROCESSES + "job-list", PROCESSES + "dismiss");

    private Conformance() {
    }
}
