package org.terrawatch.query.filter;

import java.util.Map;

/**
 * The property a value reference names ({@code fes:ValueReference}, {@code wfs:ValueReference}, {@code ogc:PropertyName}):
 * its last step, without the namespace prefix (clients bind our namespace to any prefix) and without the index
 * predicate of a single-valued property ({@code tns:name[1]}). The GML properties every feature has keep their
 * prefix — {@code gml:name}, {@code gml:description}, {@code gml:identifier} — for the feature type maps them.
 */
public final class PropertyPath {

    private PropertyPath() {
    }

    public static String step(String path) {
        return step(path, Map.of());
    }

    /** @param prefixes the namespace bindings in scope; a prefix bound to a GML namespace names a GML property */
    public static String step(String path, Map<String, String> prefixes) {
        String step = path.strip();
        step = step.contains("/") ? step.substring(step.lastIndexOf('/') + 1) : step;
        step = step.replaceFirst("\\[1]$", "");
        int colon = step.indexOf(':');
        String local = colon < 0 ? step : step.substring(colon + 1);
        String namespace = colon < 0 ? null : prefixes.getOrDefault(step.substring(0, colon), step.startsWith("gml:") ? GML : null);
        if (namespace != null && namespace.startsWith("http://www.opengis.net/gml") && GML_PROPERTIES.contains(local)) {
            return "gml:" + local;
        }
        return local;
    }

    private static final String GML = "http://www.opengis.net/gml/3.2";
    private static final java.util.Set<String> GML_PROPERTIES = java.util.Set.of("name", "description", "identifier");
}
