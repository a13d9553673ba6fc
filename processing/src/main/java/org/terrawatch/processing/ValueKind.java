package org.terrawatch.processing;

/** The three kinds of process values WPS and OGC API - Processes know. */
public enum ValueKind {
    /** A string, number, boolean or date. */
    LITERAL,
    /** A bounding box with its CRS. */
    BOUNDING_BOX,
    /** A document in a media type: GeoJSON, XML, a GeoTIFF (base64). */
    COMPLEX
}
