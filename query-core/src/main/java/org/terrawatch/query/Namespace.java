package org.terrawatch.query;

import java.util.Objects;

/**
 * The XML namespace the feature types are published in, and the prefix advertised for it: {@code terrawatch} by
 * default; a data directory may name another ({@code layers.yml}: {@code terrawatch.namespace}), as the OGC test
 * data's {@code cite} namespace.
 */
public record Namespace(String prefix, String uri) {

    public static final Namespace TERRAWATCH = new Namespace("terrawatch", "http://terrawatch.org/terrawatch");

    public Namespace {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(uri, "uri");
        if (!prefix.matches("[A-Za-z_][A-Za-z0-9_.-]*") || prefix.toLowerCase(java.util.Locale.ROOT).startsWith("xml")) {
            throw new IllegalArgumentException("A namespace prefix is an XML name not starting with xml: " + prefix);
        }
        if (uri.isBlank()) {
            throw new IllegalArgumentException("The namespace of prefix " + prefix + " needs a URI");
        }
    }
}
